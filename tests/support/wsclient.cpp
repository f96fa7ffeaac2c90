#include "wsclient.h"

#include "commands.h"
#include "protocol/message.h"
#include "protocol/schema.h"
#include "protocol/tlspin.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QtTest>

namespace chamber::testing {

WsClient::WsClient(QByteArray pin)
    : m_pin(std::move(pin))
{
    m_socket.setSslConfiguration(protocol::pinnedClientConfiguration());
    QObject::connect(
        &m_socket, &QWebSocket::sslErrors, &m_socket, [this](const QList<QSslError> &errors) {
            if (protocol::peerMatchesPin(m_socket.sslConfiguration().peerCertificate(), m_pin))
                m_socket.ignoreSslErrors(errors);
            else
                m_pinRejected = true;
        });
    QObject::connect(
        &m_socket, &QWebSocket::textMessageReceived, &m_socket, [this](const QString &text) {
            m_received << QJsonDocument::fromJson(text.toUtf8()).object();
        });
}

bool WsClient::open(const QString &url, int timeoutMs)
{
    QNetworkRequest request {QUrl(url)};
    for (const auto &[name, value] : std::as_const(m_upgradeHeaders))
        request.setRawHeader(name, value);
    m_socket.open(request);
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && m_socket.state() != QAbstractSocket::ConnectedState
        && !m_pinRejected) {
        QTest::qWait(5);
        if (m_socket.state() == QAbstractSocket::UnconnectedState
            && deadline.remainingTime() < timeoutMs - 200)
            break;
    }
    return isConnected();
}

bool WsClient::connectAndHello(const QString &url, const QByteArray &credential)
{
    if (!open(url))
        return false;
    const QJsonObject reply = request({{QStringLiteral("type"), QStringLiteral("hello")},
        {QStringLiteral("protocol"), protocol::kProtocolVersion},
        {QStringLiteral("credential"), QString::fromUtf8(credential)},
        {QStringLiteral("client"), QStringLiteral("test")}});
    return reply.value(QLatin1String("type")).toString() == QLatin1String("ok");
}

void WsClient::close()
{
    m_socket.close();
    (void)QTest::qWaitFor(
        [this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, 5000);
}

void WsClient::abort()
{
    m_socket.abort();
}

void WsClient::sendJson(const QJsonObject &message)
{
    m_socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void WsClient::sendText(const QString &text)
{
    m_socket.sendTextMessage(text);
}

QJsonObject WsClient::request(QJsonObject message, int timeoutMs)
{
    if (!message.contains(QLatin1String("id")))
        message.insert(QStringLiteral("id"), nextRequestId());
    const QString id = message.value(QLatin1String("id")).toString();
    const qsizetype from = m_received.size();
    sendJson(message);
    return waitFor(
        [&](const QJsonObject &m) {
            const QString type = m.value(QLatin1String("type")).toString();
            return (type == QLatin1String("ok") || type == QLatin1String("error"))
                && m.value(QLatin1String("id")).toString() == id;
        },
        timeoutMs, from);
}

QJsonObject WsClient::waitFor(
    const std::function<bool(const QJsonObject &)> &predicate, int timeoutMs, qsizetype from)
{
    qsizetype checked = from;
    QDeadlineTimer deadline(timeoutMs);
    do {
        for (; checked < m_received.size(); ++checked) {
            if (predicate(m_received.at(checked)))
                return m_received.at(checked);
        }
        QTest::qWait(2);
    } while (!deadline.hasExpired());
    return {};
}

bool WsClient::waitForEvents(int count, int timeoutMs)
{
    auto events = [this] {
        qsizetype n = 0;
        for (const QJsonObject &m : m_received)
            n += m.value(QLatin1String("type")).toString() == QLatin1String("event") ? 1 : 0;
        return n - m_eventsTaken;
    };
    return QTest::qWaitFor([&] { return events() >= count; }, timeoutMs);
}

QList<QJsonObject> WsClient::takeEvents()
{
    QList<QJsonObject> events;
    qsizetype seen = 0;
    for (const QJsonObject &m : m_received) {
        if (m.value(QLatin1String("type")).toString() != QLatin1String("event"))
            continue;
        if (seen++ >= m_eventsTaken)
            events << m;
    }
    m_eventsTaken += events.size();
    return events;
}

} // namespace chamber::testing
