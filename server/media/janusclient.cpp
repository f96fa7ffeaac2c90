#include "media/janusclient.h"

#include "media/gstsupport.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QWebSocketHandshakeOptions>

namespace chamber::media {

namespace {
// Janus ends a session after session_timeout (60 s by default) without a request.
constexpr int kKeepaliveMs = 15000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

JanusClient::JanusClient(QUrl url, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &JanusClient::onText);
    connect(&m_socket, &QWebSocket::disconnected, this, &JanusClient::onDisconnected);
    // Qt 6.4 has no QWebSocket::errorOccurred.
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
        [this](QAbstractSocket::SocketError) { m_socketError = m_socket.errorString(); });
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        send(
            QStringLiteral("create"), 0, {},
            [this](const Result<JanusMessage> &reply) {
                if (!reply)
                    return goDown(reply.error());
                if (reply->kind != JanusKind::Success || reply->dataId == 0)
                    return goDown(makeError(ErrorCode::Unavailable,
                        QStringLiteral("Janus %1 created no session")
                            .arg(m_url.toDisplayString())));
                m_session = reply->dataId;
                m_keepalive.start();
                emit sessionReady();
            },
            false);
    });
    m_keepalive.setInterval(kKeepaliveMs);
    connect(&m_keepalive, &QTimer::timeout, this,
        [this] { send(QStringLiteral("keepalive"), 0, {}, {}, true); });
    m_deadlines.setInterval(500);
    connect(&m_deadlines, &QTimer::timeout, this, &JanusClient::checkDeadlines);
}

JanusClient::~JanusClient()
{
    m_closing = true;
    m_socket.disconnect(this);
    m_socket.abort();
}

void JanusClient::open()
{
    m_down = false;
    m_closing = false;
    m_session = 0;
    m_socketError.clear();
    QWebSocketHandshakeOptions options;
    options.setSubprotocols({QStringLiteral("janus-protocol")});
    m_socket.open(m_url, options);
    m_deadlines.start();
    // The connection itself is a request too: nothing within the timeout is a server gone.
    Pending connecting;
    connecting.deadlineMs = nowMs() + m_requestTimeoutMs;
    connecting.ackIsFinal = true;
    connecting.reply = [](const Result<JanusMessage> &) {};
    m_pending.insert(QStringLiteral("connect"), connecting);
    connect(
        &m_socket, &QWebSocket::connected, this,
        [this] { m_pending.remove(QStringLiteral("connect")); }, Qt::SingleShotConnection);
}

void JanusClient::close()
{
    m_closing = true;
    m_keepalive.stop();
    m_deadlines.stop();
    if (m_session && m_socket.state() == QAbstractSocket::ConnectedState) {
        m_socket.sendTextMessage(QString::fromUtf8(
            janusRequest(QStringLiteral("destroy"), QStringLiteral("bye"), m_session)));
        m_socket.flush();
    }
    m_session = 0;
    m_pending.clear();
    m_socket.close();
}

void JanusClient::send(
    const QString &kind, qint64 handle, const QJsonObject &extra, Reply reply, bool ackIsFinal)
{
    if (m_socket.state() != QAbstractSocket::ConnectedState || m_down) {
        if (reply)
            reply(makeError(ErrorCode::Unavailable,
                QStringLiteral("Janus %1 is not connected").arg(m_url.toDisplayString())));
        return;
    }
    const QString transaction = QStringLiteral("c%1").arg(++m_serial);
    m_pending.insert(transaction, {std::move(reply), ackIsFinal, nowMs() + m_requestTimeoutMs});
    m_socket.sendTextMessage(
        QString::fromUtf8(janusRequest(kind, transaction, m_session, handle, extra)));
}

void JanusClient::attach(const QString &plugin, Reply reply)
{
    send(
        QStringLiteral("attach"), 0, {{QStringLiteral("plugin"), plugin}}, std::move(reply), false);
}

void JanusClient::message(
    qint64 handle, const QJsonObject &body, const QJsonObject &jsep, Reply reply)
{
    QJsonObject extra {{QStringLiteral("body"), body}};
    if (!jsep.isEmpty())
        extra.insert(QStringLiteral("jsep"), jsep);
    send(QStringLiteral("message"), handle, extra, std::move(reply), false);
}

void JanusClient::trickle(qint64 handle, int mline, const QString &candidate, Reply reply)
{
    const QJsonObject extra {{QStringLiteral("candidate"),
        QJsonObject {
            {QStringLiteral("sdpMLineIndex"), mline}, {QStringLiteral("candidate"), candidate}}}};
    send(QStringLiteral("trickle"), handle, extra, std::move(reply), true);
}

void JanusClient::detach(qint64 handle, Reply reply)
{
    send(QStringLiteral("detach"), handle, {}, std::move(reply), false);
}

void JanusClient::onText(const QString &text)
{
    const QByteArray json = text.toUtf8();
    auto message = parseJanusMessage(json);
    if (!message) {
        qCWarning(lcMedia).noquote() << "Janus" << m_url.toDisplayString()
                                     << "sent a message refused:" << message.error().message;
        // Fail the request it answers, if its transaction can be read at all.
        const QJsonObject raw = QJsonDocument::fromJson(json).object();
        const QString transaction = raw.value(QStringLiteral("transaction")).toString();
        if (auto pending = m_pending.take(transaction); pending.reply)
            pending.reply(message.error());
        emit refused(message.error());
        // Before a session exists, nonsense means this is no Janus we can talk to.
        if (m_session == 0)
            goDown(message.error());
        return;
    }
    if (message->kind == JanusKind::Timeout) {
        if (message->sessionId == m_session)
            goDown(makeError(ErrorCode::Unavailable,
                QStringLiteral("Janus %1 timed the session out").arg(m_url.toDisplayString())));
        return;
    }
    auto pending = m_pending.find(message->transaction);
    if (!message->transaction.isEmpty() && pending != m_pending.end()) {
        if (message->kind == JanusKind::Ack && !pending->ackIsFinal)
            return; // the plugin's answer follows as an event with the same transaction
        Reply reply = std::move(pending->reply);
        m_pending.erase(pending);
        if (!reply)
            return;
        if (message->kind == JanusKind::Error)
            reply(message->error);
        else
            reply(*message);
        return;
    }
    if (message->sender != 0)
        emit handleEvent(*message);
}

void JanusClient::checkDeadlines()
{
    const qint64 now = nowMs();
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        if (it->deadlineMs < now) {
            return goDown(makeError(ErrorCode::Unavailable,
                QStringLiteral("Janus %1 did not answer within %2 ms")
                    .arg(m_url.toDisplayString())
                    .arg(m_requestTimeoutMs)));
        }
    }
}

void JanusClient::onDisconnected()
{
    if (m_closing)
        return;
    goDown(makeError(ErrorCode::Unavailable,
        QStringLiteral("the connection to Janus %1 is gone%2")
            .arg(m_url.toDisplayString(),
                m_socketError.isEmpty() ? QString() : QStringLiteral(": ") + m_socketError)));
}

void JanusClient::failAll(const Error &error)
{
    // Callbacks may send (and fail at once): take them all out first.
    const QHash<QString, Pending> pending = std::exchange(m_pending, {});
    for (const Pending &entry : pending) {
        if (entry.reply)
            entry.reply(error);
    }
}

void JanusClient::goDown(const Error &error)
{
    if (m_down)
        return;
    m_down = true;
    m_session = 0;
    m_keepalive.stop();
    m_deadlines.stop();
    qCWarning(lcMedia).noquote() << error.message;
    failAll(error);
    m_closing = true;
    m_socket.abort();
    m_closing = false;
    emit down(error);
}

} // namespace chamber::media
