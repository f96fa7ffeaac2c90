#include "api/websockethub.h"

#include "core/meeting.h"
#include "services/authenticator.h"
#include "services/meetingservice.h"
#include "support/log.h"

#include <QWebSocket>

namespace chamber::api {

Q_LOGGING_CATEGORY(lcWs, "chamber.ws")

namespace {

const QLatin1String kMeeting("meeting");

Error notFoundMeeting(qint64 meeting)
{
    return makeError(ErrorCode::NotFound, QStringLiteral("meeting %1 does not exist").arg(meeting),
        QStringLiteral("meeting"));
}

} // namespace

// --- session ---------------------------------------------------------------------------------

WebSocketSession::WebSocketSession(std::unique_ptr<QWebSocket> socket, WebSocketHub &hub)
    : m_socket(std::move(socket))
    , m_hub(hub)
{
    m_socket->setMaxAllowedIncomingMessageSize(protocol::kMaxFrameBytes);
    m_socket->setMaxAllowedIncomingFrameSize(protocol::kMaxFrameBytes);
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, &WebSocketSession::onText);
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this, &WebSocketSession::onBinary);
    connect(m_socket.get(), &QWebSocket::disconnected, this, [this] {
        m_hub.forget(this);
        deleteLater();
    });
    m_helloTimer.setSingleShot(true);
    connect(&m_helloTimer, &QTimer::timeout, this,
        [this] { closeWithReason(QStringLiteral("hello_timeout")); });
    m_helloTimer.start(m_hub.options().helloTimeoutMs);
}

WebSocketSession::~WebSocketSession()
{
    m_hub.forget(this);
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void WebSocketSession::sendText(const QString &frame)
{
    if (m_closing)
        return;
    if (m_socket->bytesToWrite() > m_hub.options().maxBacklogBytes) {
        log::warning(lcWs(), QStringLiteral("client too slow, disconnecting"),
            {{QStringLiteral("peer"), m_socket->peerAddress().toString()},
                {QStringLiteral("backlog"), m_socket->bytesToWrite()}});
        closeWithReason(QStringLiteral("too_slow"));
        return;
    }
    m_socket->sendTextMessage(frame);
}

void WebSocketSession::closeWithReason(const QString &reason)
{
    if (m_closing)
        return;
    m_socket->sendTextMessage(QString::fromUtf8(protocol::toFrame(protocol::byeMessage(reason))));
    m_closing = true;
    m_hub.forget(this);
    m_socket->close(reason == QLatin1String("shutdown")
            ? QWebSocketProtocol::CloseCodeGoingAway
            : QWebSocketProtocol::CloseCodePolicyViolated,
        reason);
}

void WebSocketSession::reply(const QJsonObject &message)
{
    sendText(QString::fromUtf8(protocol::toFrame(message)));
}

void WebSocketSession::onBinary(const QByteArray &)
{
    reply(protocol::errorReply({},
        makeError(ErrorCode::BadJson,
            QStringLiteral("binary frames are not part of the "
                           "protocol; send JSON text"))));
}

void WebSocketSession::onText(const QString &text)
{
    if (m_closing)
        return;
    QString requestId;
    auto message = protocol::parseMessage(text.toUtf8(), protocol::Direction::ToServer, &requestId);
    if (!message) {
        reply(protocol::errorReply(requestId, message.error()));
        return;
    }
    const QLatin1String type(message->spec->type);
    if (type == QLatin1String("hello")) {
        handleHello(message.value());
        return;
    }
    if (!m_principal) {
        reply(protocol::errorReply(message->id,
            makeError(
                ErrorCode::Unauthenticated, QStringLiteral("say hello with a credential first"))));
        return;
    }
    if (type == QLatin1String("ping")) {
        reply(protocol::okReply(message->id));
    } else if (type == QLatin1String("subscribe")) {
        handleSubscribe(message.value());
    } else if (type == QLatin1String("unsubscribe")) {
        m_hub.unsubscribe(this, message->integer(kMeeting));
        m_subscriptions.remove(message->integer(kMeeting));
        reply(protocol::okReply(message->id));
    } else {
        reply(m_hub.service().execute(*m_principal, message.value()));
    }
}

void WebSocketSession::handleHello(const protocol::Message &message)
{
    if (m_principal) {
        reply(protocol::errorReply(
            message.id, makeError(ErrorCode::Conflict, QStringLiteral("hello was already said"))));
        return;
    }
    const qint64 version = message.integer(QLatin1String("protocol"));
    if (version != protocol::kProtocolVersion) {
        reply(protocol::errorReply(message.id,
            makeError(ErrorCode::UnsupportedVersion,
                QStringLiteral("this server speaks protocol %1, not %2")
                    .arg(protocol::kProtocolVersion)
                    .arg(version),
                QStringLiteral("protocol"))));
        return;
    }
    m_principal = m_hub.authenticator().authenticate(message.string(QLatin1String("credential")));
    if (!m_principal) {
        reply(protocol::errorReply(message.id,
            makeError(ErrorCode::Unauthenticated, QStringLiteral("the credential is not valid"),
                QStringLiteral("credential"))));
        closeWithReason(QStringLiteral("unauthenticated"));
        return;
    }
    m_helloTimer.stop();
    log::info(lcWs(), QStringLiteral("session opened"),
        {{QStringLiteral("peer"), m_socket->peerAddress().toString()},
            {QStringLiteral("principal"), m_principal->id},
            {QStringLiteral("client"), message.string(QLatin1String("client"))}});
    reply(protocol::okReply(message.id,
        QJsonObject {{QStringLiteral("server"), QStringLiteral("chamberd")},
            {QStringLiteral("version"), QStringLiteral(CHAMBER_VERSION)},
            {QStringLiteral("protocol"), protocol::kProtocolVersion},
            {QStringLiteral("principal"), m_principal->id}}));
}

void WebSocketSession::handleSubscribe(const protocol::Message &message)
{
    const qint64 meeting = message.integer(kMeeting);
    const core::MeetingState *state = m_hub.service().meeting(meeting);
    if (!state) {
        reply(protocol::errorReply(message.id, notFoundMeeting(meeting)));
        return;
    }
    const qint64 since = message.integer(QLatin1String("since"), 0);
    const qint64 head = state->seq;
    // Replay when the client's position is in our history and close enough; otherwise (new
    // client, too far behind, or a position this log never had) send the whole state.
    const bool replay = since > 0 && since <= head && head - since <= m_hub.options().resumeWindow;
    std::vector<protocol::Event> missed;
    if (replay) {
        auto events = m_hub.service().eventsAfter(meeting, since);
        if (!events) {
            reply(protocol::errorReply(message.id, events.error()));
            return;
        }
        missed = std::move(events.value());
    }
    // Everything below runs without returning to the event loop, so no live event can slip
    // in between the reply, the catch-up and the subscription.
    reply(protocol::okReply(message.id,
        QJsonObject {{QStringLiteral("mode"),
                         replay ? QStringLiteral("replay") : QStringLiteral("snapshot")},
            {QStringLiteral("from"), replay ? since : head},
            {QStringLiteral("events"), qint64(missed.size())}},
        head));
    if (replay) {
        for (const protocol::Event &event : missed)
            sendText(QString::fromUtf8(protocol::toFrame(event.toJson())));
    } else {
        sendText(QString::fromUtf8(
            protocol::toFrame(protocol::snapshotMessage(meeting, head, state->toJson()))));
    }
    m_subscriptions.insert(meeting);
    m_hub.subscribe(this, meeting);
}

// --- hub -------------------------------------------------------------------------------------

WebSocketHub::WebSocketHub(services::MeetingService &service,
    const services::Authenticator &authenticator, HubOptions options, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_authenticator(authenticator)
    , m_options(options)
{
    connect(&m_service, &services::MeetingService::eventsCommitted, this, &WebSocketHub::broadcast);
}

WebSocketHub::~WebSocketHub()
{
    const auto sessions = m_sessions;
    m_sessions.clear();
    m_subscribers.clear();
    qDeleteAll(sessions);
}

void WebSocketHub::accept(std::unique_ptr<QWebSocket> socket)
{
    auto *session = new WebSocketSession(std::move(socket), *this);
    m_sessions.insert(session);
}

void WebSocketHub::closeAll(const QString &reason)
{
    const auto sessions = m_sessions;
    for (WebSocketSession *session : sessions)
        session->closeWithReason(reason);
}

void WebSocketHub::subscribe(WebSocketSession *session, qint64 meeting)
{
    m_subscribers[meeting].insert(session);
}

void WebSocketHub::unsubscribe(WebSocketSession *session, qint64 meeting)
{
    auto it = m_subscribers.find(meeting);
    if (it != m_subscribers.end())
        it->remove(session);
}

void WebSocketHub::forget(WebSocketSession *session)
{
    m_sessions.remove(session);
    for (auto &subscribers : m_subscribers)
        subscribers.remove(session);
}

void WebSocketHub::broadcast(qint64 meeting, const std::vector<protocol::Event> &events)
{
    const auto it = m_subscribers.constFind(meeting);
    if (it == m_subscribers.constEnd() || it->isEmpty())
        return;
    // Serialize once, send to all. Copy the set: a send may drop a too-slow session.
    const QSet<WebSocketSession *> subscribers = *it;
    for (const protocol::Event &event : events) {
        const QString frame = QString::fromUtf8(protocol::toFrame(event.toJson()));
        for (WebSocketSession *session : subscribers) {
            if (m_sessions.contains(session))
                session->sendText(frame);
        }
    }
}

} // namespace chamber::api
