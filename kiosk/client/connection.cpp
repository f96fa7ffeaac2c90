#include "connection.h"

#include "core/reducer.h"
#include "pinning.h"
#include "protocol/message.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>

namespace chamber::kiosk {

Q_LOGGING_CATEGORY(lcConnection, "chamber.kiosk.connection")

namespace {
const QLatin1String kType("type");
const QString kHelloId = QStringLiteral("hello");
const QString kSubscribeId = QStringLiteral("subscribe");
const QLatin1String kMeetingField("meeting");

// The server refused to look at the request for now (this device or address sent too much):
// not an answer, the same request is sent again later.
bool isRateLimited(const QJsonObject &reply)
{
    return reply.value(kType).toString() == QLatin1String("error")
        && reply.value(QLatin1String("code")).toString() == QLatin1String("rate_limited");
}
} // namespace

Connection::Connection(
    DeviceIdentity identity, Outbox &outbox, ConnectionOptions options, QObject *parent)
    : QObject(parent)
    , m_identity(std::move(identity))
    , m_outbox(outbox)
    , m_options(options)
{
    pinWebSocket(m_socket, m_identity.pin, [this] {
        m_lastProblem = tr(
            "The server presents a different key than the one this device joined; not connecting.");
    });
    connect(&m_socket, &QWebSocket::connected, this, &Connection::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &Connection::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &Connection::onText);
    connect(&m_socket, &QWebSocket::pong, this,
        [this] { m_lastPong = QDateTime::currentDateTimeUtc(); });
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &Connection::connectNow);
    m_resendTimer.setSingleShot(true);
    connect(&m_resendTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::Online)
            drainOutbox();
    });
    connect(&m_pingTimer, &QTimer::timeout, this, [this] {
        if (m_lastPong.msecsTo(QDateTime::currentDateTimeUtc()) > m_options.pongTimeoutMs) {
            qCInfo(lcConnection) << "no answer to pings; dropping the connection";
            m_lastProblem = tr("The server stopped answering.");
            m_socket.abort();
            return;
        }
        m_socket.ping();
    });
}

Connection::~Connection()
{
    m_running = false;
    m_socket.disconnect(this);
    m_socket.abort();
}

void Connection::resumeFrom(core::MeetingState state)
{
    if (state.id == m_identity.meeting)
        m_meeting = std::move(state);
}

void Connection::start()
{
    if (m_running)
        return;
    m_running = true;
    m_rejected = false;
    m_offlineSince = QDateTime::currentDateTimeUtc();
    connectNow();
}

void Connection::stop()
{
    m_running = false;
    m_retryTimer.stop();
    m_pingTimer.stop();
    m_socket.close();
    setState(State::Offline);
}

void Connection::setState(State state)
{
    if (m_state == state)
        return;
    if (state == State::Online) {
        m_attempt = 0;
        m_offlineSince = {};
        m_lastProblem.clear();
    } else if (m_state == State::Online) {
        m_offlineSince = QDateTime::currentDateTimeUtc();
    }
    m_state = state;
    emit stateChanged();
}

void Connection::connectNow()
{
    if (!m_running || m_rejected)
        return;
    ++m_attempt;
    m_nextAttemptAt = {};
    setState(State::Connecting);
    m_socket.open(m_identity.webSocketUrl());
}

void Connection::scheduleRetry()
{
    if (!m_running || m_rejected)
        return;
    // Exponential back-off with jitter, so forty tablets coming back from the same Wi-Fi drop
    // do not all knock at the same instant.
    const int exponent = std::min(m_attempt, 10);
    const int ceiling = std::min(m_options.maxRetryMs, m_options.minRetryMs << exponent);
    const int delay
        = m_options.minRetryMs / 2 + int(QRandomGenerator::global()->bounded(std::max(1, ceiling)));
    m_nextAttemptAt = QDateTime::currentDateTimeUtc().addMSecs(delay);
    m_retryTimer.start(delay);
    emit stateChanged();
}

void Connection::onConnected()
{
    m_lastPong = QDateTime::currentDateTimeUtc();
    m_pingTimer.start(m_options.pingIntervalMs);
    const QJsonObject hello {{kType, QStringLiteral("hello")}, {QStringLiteral("id"), kHelloId},
        {QStringLiteral("protocol"), protocol::kProtocolVersion},
        {QStringLiteral("credential"), m_identity.credential},
        {QStringLiteral("client"), QStringLiteral("chamber-kiosk/" CHAMBER_VERSION)}};
    m_helloSentAt = QDateTime::currentDateTimeUtc();
    m_socket.sendTextMessage(QString::fromUtf8(protocol::toFrame(hello)));
}

void Connection::onDisconnected()
{
    m_pingTimer.stop();
    m_requests.clear();
    if (m_lastProblem.isEmpty() && m_socket.error() != QAbstractSocket::UnknownSocketError)
        m_lastProblem = m_socket.errorString();
    setState(State::Offline);
    scheduleRetry();
}

void Connection::subscribe()
{
    QJsonObject subscribe {{kType, QStringLiteral("subscribe")},
        {QStringLiteral("id"), kSubscribeId}, {QStringLiteral("meeting"), m_identity.meeting}};
    if (m_meeting)
        subscribe.insert(QStringLiteral("since"), m_meeting->seq);
    m_socket.sendTextMessage(QString::fromUtf8(protocol::toFrame(subscribe)));
}

void Connection::resync(const QString &why)
{
    qCWarning(lcConnection).noquote() << "resynchronising:" << why;
    subscribe();
}

Result<QString> Connection::send(QJsonObject command)
{
    auto id = m_outbox.enqueue(std::move(command));
    if (!id)
        return id;
    if (m_state == State::Online) {
        for (const Outbox::Entry &entry : m_outbox.pending()) {
            if (entry.id == id.value())
                m_socket.sendTextMessage(QString::fromUtf8(protocol::toFrame(entry.command)));
        }
    }
    return id;
}

bool Connection::request(QJsonObject message, std::function<void(const QJsonObject &)> onReply)
{
    if (m_state != State::Online)
        return false;
    const QString id = QStringLiteral("q-%1").arg(++m_requestCounter);
    message.insert(QStringLiteral("id"), id);
    m_requests.insert(id, std::move(onReply));
    m_socket.sendTextMessage(QString::fromUtf8(protocol::toFrame(message)));
    return true;
}

void Connection::drainOutbox()
{
    // In queue order; the server answers resends of already-applied commands from its store.
    for (const Outbox::Entry &entry : m_outbox.pending())
        m_socket.sendTextMessage(QString::fromUtf8(protocol::toFrame(entry.command)));
}

void Connection::onText(const QString &text)
{
    auto message = protocol::parseMessage(text.toUtf8(), protocol::Direction::ToClient);
    if (!message) {
        qCWarning(lcConnection).noquote()
            << "unreadable frame from server:" << message.error().message;
        return;
    }
    const QString type = message->type();
    if (type == QLatin1String("ok") || type == QLatin1String("error"))
        handleReply(message->body);
    else if (type == QLatin1String("event"))
        handleEvent(message->body);
    else if (type == QLatin1String("snapshot")) {
        auto state = core::MeetingState::fromJson(message->object(QLatin1String("state")));
        if (!state) {
            m_lastProblem = state.error().message;
            m_socket.abort();
            return;
        }
        m_meeting = std::move(state.value());
        emit meetingChanged();
    } else if (type == QLatin1String("progress")) {
        handleProgress(message->body);
    } else if (type == QLatin1String("presence")) {
        m_presence = message->body.value(QLatin1String("devices")).toArray();
        emit presenceChanged();
    } else if (type == QLatin1String("board.changed")) {
        emit boardChanged(
            message->integer(QLatin1String("council")), message->integer(QLatin1String("seq")));
    } else if (type.startsWith(QLatin1String("media."))) {
        if (message->body.value(kMeetingField).toInteger() == m_identity.meeting)
            emit mediaPush(type, message->body);
    } else if (type == QLatin1String("bye")) {
        const QString reason = message->string(QLatin1String("reason"));
        if (reason == QLatin1String("revoked")) {
            m_rejected = true;
            emit credentialRejected(
                tr("This device was removed from the meeting by the secretary."));
        }
        m_lastProblem
            = reason == QLatin1String("shutdown") ? tr("The server is restarting.") : reason;
    }
}

void Connection::handleReply(const QJsonObject &reply)
{
    const QString id = reply.value(QLatin1String("id")).toString();
    const bool ok = reply.value(kType).toString() == QLatin1String("ok");
    if (id == kHelloId) {
        if (!ok && isRateLimited(reply)) {
            // Not a verdict on the credential: the server closes, we come back later.
            m_lastProblem = reply.value(QLatin1String("message")).toString();
            return;
        }
        if (!ok) {
            m_rejected = true;
            m_lastProblem = reply.value(QLatin1String("message")).toString();
            emit credentialRejected(
                tr("The server no longer accepts this device. Join again with a new QR code."));
            m_socket.close();
            return;
        }
        learnClockOffset(reply.value(QLatin1String("result")).toObject());
        subscribe();
        return;
    }
    if (id == kSubscribeId) {
        if (!ok) {
            m_lastProblem = reply.value(QLatin1String("message")).toString();
            m_socket.close();
            return;
        }
        setState(State::Online);
        drainOutbox();
        return;
    }
    if (auto request = m_requests.find(id); request != m_requests.end()) {
        const auto callback = std::move(request.value());
        m_requests.erase(request);
        callback(reply);
        return;
    }
    if (m_outbox.contains(id)) {
        if (isRateLimited(reply)) {
            if (!m_resendTimer.isActive())
                m_resendTimer.start(int(std::clamp<qint64>(
                    reply.value(QLatin1String("retryAfterMs")).toInteger(1000), 50, 60000)));
            return;
        }
        if (auto status = m_outbox.acknowledge(id); !status)
            qCWarning(lcConnection).noquote() << status.error().message;
        emit commandAnswered(id, reply);
    }
}

std::optional<PollProgress> Connection::progress(qint64 poll) const
{
    const auto it = m_progress.find(poll);
    return it == m_progress.end() ? std::nullopt : std::optional(it->second);
}

void Connection::handleProgress(const QJsonObject &json)
{
    if (json.value(kMeetingField).toInteger() != m_identity.meeting)
        return;
    PollProgress progress;
    progress.poll = json.value(QLatin1String("poll")).toInteger();
    progress.cast = json.value(QLatin1String("cast")).toInt();
    progress.eligible = json.value(QLatin1String("eligible")).toInt();
    progress.hasPending = json.contains(QLatin1String("pending"));
    for (const QJsonValue &delegate : json.value(QLatin1String("pending")).toArray())
        progress.pending.append(delegate.toInteger());
    m_progress[progress.poll] = progress;
    emit progressChanged(progress.poll);
}

std::optional<qint64> Connection::clockOffset(
    const QDateTime &sentAt, const QDateTime &receivedAt, const QString &serverTime)
{
    const QDateTime server = QDateTime::fromString(serverTime, Qt::ISODateWithMs);
    if (!server.isValid() || !sentAt.isValid() || !receivedAt.isValid())
        return std::nullopt;
    const QDateTime localMidpoint = sentAt.addMSecs(sentAt.msecsTo(receivedAt) / 2);
    return localMidpoint.msecsTo(server);
}

void Connection::learnClockOffset(const QJsonObject &helloResult)
{
    // Without a server time (an older server) the offset stays 0: this device's clock.
    const auto offset = clockOffset(m_helloSentAt, QDateTime::currentDateTimeUtc(),
        helloResult.value(QLatin1String("time")).toString());
    if (!offset || *offset == m_clockOffsetMs)
        return;
    m_clockOffsetMs = *offset;
    emit clockOffsetChanged();
}

void Connection::handleEvent(const QJsonObject &json)
{
    auto event = protocol::Event::fromJson(json);
    if (!event || !m_meeting || event->meeting != m_identity.meeting)
        return;
    if (event->seq <= m_meeting->seq)
        return; // already have it (a resend during resubscribe)
    if (event->seq != m_meeting->seq + 1) {
        resync(
            QStringLiteral("missed events %1 to %2").arg(m_meeting->seq + 1).arg(event->seq - 1));
        return;
    }
    // The chain: this event must name the one we hold as its predecessor and match its hash.
    if (event->prevHash != m_meeting->lastHash || event->computeHash() != event->hash) {
        m_meeting.reset();
        resync(QStringLiteral("event %1 does not link to the chain we hold").arg(event->seq));
        return;
    }
    if (auto applied = core::apply(*m_meeting, event.value()); !applied) {
        m_meeting.reset();
        resync(applied.error().message);
        return;
    }
    emit meetingChanged();
}

} // namespace chamber::kiosk
