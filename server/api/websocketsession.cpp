#include "api/websocketsession.h"

#include "api/mediarelay.h"
#include "api/websockethub.h"
#include "core/meeting.h"
#include "services/authenticator.h"
#include "services/ballotservice.h"
#include "services/enrollment.h"
#include "services/meetingservice.h"
#include "services/permissions.h"
#include "services/readerlinks.h"
#include "support/log.h"

#include "edge/wsframes.h"
#include "edge/wspeer.h"
#include <QDateTime>
#include <QPointer>

namespace chamber::api {

Q_LOGGING_CATEGORY(lcSession, "chamber.ws")

namespace {

const QLatin1String kMeeting("meeting");

} // namespace

WebSocketSession::WebSocketSession(edge::WsPeer *socket, WebSocketHub &hub, UpgradeRequest upgrade)
    : m_socket(socket)
    , m_hub(hub)
    , m_upgrade(std::move(upgrade))
{
    // The frame limit (protocol::kMaxFrameBytes) is the edge's: an oversized frame never
    // reaches this thread.
    connect(m_socket.get(), &edge::WsPeer::textReceived, this, &WebSocketSession::onText);
    connect(m_socket.get(), &edge::WsPeer::binaryReceived, this, [this] {
        sendJson(protocol::errorReply({},
            makeError(ErrorCode::BadJson,
                QStringLiteral("binary frames are not part of the protocol; send JSON text"))));
    });
    connect(m_socket.get(), &edge::WsPeer::disconnected, this, [this] {
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
    m_hub.destroyed(this);
    if (m_socket)
        m_socket->disconnect(this); // the peer aborts its connection as it goes
}

QHostAddress WebSocketSession::peerAddress() const
{
    return m_socket->peerAddress();
}

void WebSocketSession::sendText(const QByteArray &frame)
{
    if (m_closing)
        return;
    if (m_socket->backlogBytes() > m_hub.options().maxBacklogBytes) {
        log::warning(lcSession(), QStringLiteral("client too slow, disconnecting"),
            {{QStringLiteral("peer"), peerAddress().toString()},
                {QStringLiteral("backlog"), m_socket->backlogBytes()}});
        closeWithReason(QStringLiteral("too_slow"));
        return;
    }
    m_socket->sendText(frame);
}

void WebSocketSession::sendJson(const QJsonObject &message)
{
    sendText(protocol::toFrame(message));
}

void WebSocketSession::closeWithReason(const QString &reason)
{
    if (m_closing)
        return;
    m_socket->sendText(protocol::toFrame(protocol::byeMessage(reason)));
    m_closing = true;
    m_hub.forget(this);
    m_socket->close(reason == QLatin1String("shutdown") ? edge::wsclose::kGoingAway
                                                        : edge::wsclose::kPolicyViolation,
        reason);
}

void WebSocketSession::onText(const QByteArray &text)
{
    if (m_closing)
        return;
    QString requestId;
    auto message = protocol::parseMessage(text, protocol::Direction::ToServer, &requestId);
    // Every message of a device costs, before any work is done for it (a malformed one too).
    if (m_principal) {
        if (auto refused = m_hub.admission().charge(*m_principal)) {
            sendJson(protocol::errorReply(requestId, *refused));
            return;
        }
        // A browser that works over its WebSocket is not idle.
        m_hub.authenticator().sessionUsed(*m_principal);
    }
    if (!message) {
        sendJson(protocol::errorReply(requestId, message.error()));
        return;
    }
    const QLatin1String type(message->spec->type);
    // Every message is authorized here, from the same table as the REST routes, before any
    // handler reads it: who may send it, and in which meeting. On whose behalf (a seat for its
    // own delegate, a bridge for its own site) is checked where the body is understood.
    const auto operation = services::operationForMessage(type);
    if (!operation) {
        sendJson(protocol::errorReply(message->id,
            makeError(ErrorCode::Internal,
                QStringLiteral("%1 has no row in the authorization table").arg(type))));
        return;
    }
    if (type == QLatin1String("hello")) {
        handleHello(message.value());
        return;
    }
    if (type == QLatin1String("enroll")) {
        handleEnroll(message.value());
        return;
    }
    if (!m_principal) {
        sendJson(protocol::errorReply(message->id,
            makeError(
                ErrorCode::Unauthenticated, QStringLiteral("say hello with a credential first"))));
        return;
    }
    // A council's operations: the council the message names, or its meeting's.
    const bool councilScoped = services::ruleOf(*operation).scope == services::Scope::Council
        || *operation == services::Operation::CouncilCreate;
    const qint64 council = councilScoped ? m_hub.councilOf(*m_principal, message.value()) : 0;
    if (auto allowed = services::authorizeAccess(
            *m_principal, *operation, message->integer(kMeeting, 0), council);
        !allowed) {
        sendJson(protocol::errorReply(message->id, allowed.error()));
        return;
    }
    if (councilScoped) {
        sendJson(m_hub.councilHandler()
                ? m_hub.councilHandler()(*m_principal, message.value(), council)
                : protocol::errorReply(message->id,
                    makeError(
                        ErrorCode::Unavailable, QStringLiteral("this server keeps no councils"))));
        return;
    }
    if (type == QLatin1String("ping")) {
        sendJson(protocol::okReply(message->id));
    } else if (type == QLatin1String("subscribe")) {
        handleSubscribe(message.value());
    } else if (type == QLatin1String("ballot.cast")) {
        // Answered when the ballot's batch is on disk; the session may be gone by then.
        QPointer<WebSocketSession> self(this);
        m_hub.ballots().cast(*m_principal, message.value(), [self](const QJsonObject &reply) {
            if (self)
                self->sendJson(reply);
        });
    } else if (type == QLatin1String("joinCode.nextSeat")) {
        handleNextSeatCode(message.value());
    } else if (type == QLatin1String("readerLink.create")) {
        handleReaderLink(message.value());
    } else if (type.startsWith(QLatin1String("media."))) {
        handleMedia(type, message.value());
    } else if (type == QLatin1String("unsubscribe")) {
        m_hub.unsubscribe(this, message->integer(kMeeting));
        m_subscriptions.remove(message->integer(kMeeting));
        sendJson(protocol::okReply(message->id));
    } else {
        sendJson(m_hub.service().execute(*m_principal, message.value()));
    }
}

void WebSocketSession::handleHello(const protocol::Message &message)
{
    if (m_principal) {
        sendJson(protocol::errorReply(
            message.id, makeError(ErrorCode::Conflict, QStringLiteral("hello was already said"))));
        return;
    }
    const qint64 version = message.integer(QLatin1String("protocol"));
    if (version != protocol::kProtocolVersion) {
        sendJson(protocol::errorReply(message.id,
            makeError(ErrorCode::UnsupportedVersion,
                QStringLiteral("this server speaks protocol %1, not %2")
                    .arg(protocol::kProtocolVersion)
                    .arg(version),
                QStringLiteral("protocol"))));
        return;
    }
    Error refusal;
    m_principal = authenticateHello(message, &refusal);
    if (!m_principal) {
        sendJson(protocol::errorReply(message.id, refusal));
        closeWithReason(refusal.code == ErrorCode::RateLimited ? QStringLiteral("rate_limited")
                                                               : QStringLiteral("unauthenticated"));
        return;
    }
    m_helloTimer.stop();
    log::info(lcSession(), QStringLiteral("session opened"),
        {{QStringLiteral("peer"), peerAddress().toString()},
            {QStringLiteral("principal"), m_principal->id},
            {QStringLiteral("client"), message.string(QLatin1String("client"))}});
    QJsonObject result {{QStringLiteral("server"), QStringLiteral("chamberd")},
        {QStringLiteral("version"), QStringLiteral(CHAMBER_VERSION)},
        {QStringLiteral("protocol"), protocol::kProtocolVersion},
        {QStringLiteral("principal"), m_principal->id},
        // Screens count speaking time down against the server's clock: the one the meeting's
        // events carry (the test clock when chamberd runs with one), not the system's.
        {QStringLiteral("time"), m_hub.service().now()}};
    if (m_principal->isDevice()) {
        result.insert(QStringLiteral("device"), m_principal->device);
        result.insert(QStringLiteral("meeting"), m_principal->meeting);
        result.insert(QStringLiteral("role"), services::roleName(m_principal->role));
        if (m_principal->delegate)
            result.insert(QStringLiteral("delegate"), m_principal->delegate);
    }
    if (m_principal->isAccount())
        result.insert(QStringLiteral("role"), services::accountRoleName(m_principal->accountRole));
    if (m_principal->isBoardLink())
        result.insert(QStringLiteral("council"), m_principal->council);
    sendJson(protocol::okReply(message.id, result));
    m_hub.sessionAuthenticated(this);
}

std::optional<services::Principal> WebSocketSession::authenticateHello(
    const protocol::Message &message, Error *refusal)
{
    const QString credential = message.string(QLatin1String("credential"));
    if (credential == QLatin1String("session")) {
        // The browser's session cookie, sent with the upgrade. Another site's page could open
        // this socket with the user's cookie too; only the server's own pages may. A wrong
        // cookie does not count against the address: 256 random bits are not guessed, and a
        // browser reconnecting with its expired cookie must not lock out its neighbours.
        if (!m_upgrade.sameOrigin) {
            *refusal = makeError(ErrorCode::Forbidden,
                QStringLiteral("a WebSocket opened by another site's page (Origin) was refused"),
                QStringLiteral("credential"));
            return std::nullopt;
        }
        auto principal = m_hub.authenticator().authenticateCookie(m_upgrade.cookie);
        m_upgrade.cookie.clear(); // no longer needed in memory
        if (!principal)
            *refusal = makeError(ErrorCode::Unauthenticated,
                QStringLiteral("no valid session: log in again"), QStringLiteral("credential"));
        return principal;
    }
    // An address that failed too often is refused without the credential being checked.
    if (auto refused = m_hub.admission().admitAttempt(Attempt::Hello, peerAddress())) {
        *refusal = *refused;
        return std::nullopt;
    }
    auto principal = m_hub.authenticator().authenticate(credential);
    if (!principal) {
        m_hub.admission().attemptFailed(
            Attempt::Hello, peerAddress(), QStringLiteral("unknown or revoked credential"));
        *refusal = makeError(ErrorCode::Unauthenticated,
            QStringLiteral("the credential is not valid (unknown or revoked)"),
            QStringLiteral("credential"));
    }
    return principal;
}

void WebSocketSession::handleEnroll(const protocol::Message &message)
{
    if (m_principal) {
        sendJson(protocol::errorReply(message.id,
            makeError(
                ErrorCode::Conflict, QStringLiteral("this connection is already authenticated"))));
        return;
    }
    // An address that failed too often is refused without the code being looked up (so a
    // valid one is not used up by the refusal).
    if (auto refused = m_hub.admission().admitAttempt(Attempt::Enroll, peerAddress())) {
        sendJson(protocol::errorReply(message.id, *refused));
        return;
    }
    auto enrolled = m_hub.enrollment().redeem(message.string(QLatin1String("token")),
        message.string(QLatin1String("name")), message.string(QLatin1String("platform")));
    if (!enrolled) {
        // A wrong, used or expired code counts against the address (and is logged, summed).
        if (enrolled.error().code == ErrorCode::Unauthenticated)
            m_hub.admission().attemptFailed(
                Attempt::Enroll, peerAddress(), enrolled.error().message);
        else
            log::warning(lcSession(), QStringLiteral("enrollment refused"),
                {{QStringLiteral("peer"), peerAddress().toString()},
                    {QStringLiteral("reason"), enrolled.error().message}});
        sendJson(protocol::errorReply(message.id, enrolled.error()));
        return;
    }
    log::info(lcSession(), QStringLiteral("device enrolled"),
        {{QStringLiteral("peer"), peerAddress().toString()},
            {QStringLiteral("device"), enrolled->device},
            {QStringLiteral("role"), services::roleName(enrolled->role)},
            {QStringLiteral("label"), enrolled->label}});
    QJsonObject result {{QStringLiteral("device"), enrolled->device},
        {QStringLiteral("credential"), enrolled->credential},
        {QStringLiteral("meeting"), enrolled->meeting},
        {QStringLiteral("role"), services::roleName(enrolled->role)},
        {QStringLiteral("label"), enrolled->label}};
    if (enrolled->delegate)
        result.insert(QStringLiteral("delegate"), enrolled->delegate);
    sendJson(protocol::okReply(message.id, result));
}

void WebSocketSession::handleNextSeatCode(const protocol::Message &message)
{
    const qint64 meeting = message.integer(kMeeting);
    auto code = m_hub.enrollment().createNextSeatCode(meeting);
    if (!code) {
        sendJson(protocol::errorReply(message.id, code.error()));
        return;
    }
    sendJson(protocol::okReply(message.id,
        QJsonObject {{QStringLiteral("url"), m_hub.joinLink(code->token)},
            {QStringLiteral("delegate"), code->delegate}, {QStringLiteral("label"), code->label},
            {QStringLiteral("expiresAt"), code->expiresAt.toString(Qt::ISODate)}}));
}

void WebSocketSession::handleReaderLink(const protocol::Message &message)
{
    const auto &create = m_hub.readerLinkCreator();
    if (!create) {
        sendJson(protocol::errorReply(message.id,
            makeError(ErrorCode::Unavailable, QStringLiteral("this server has no phone reader"))));
        return;
    }
    auto link = create(*m_principal, message.integer(kMeeting),
        message.integer(QLatin1String("delegate"), 0),
        int(message.integer(QLatin1String("ttlSeconds"), services::kDefaultReaderLinkSeconds)));
    sendJson(link ? protocol::okReply(message.id, link.value())
                  : protocol::errorReply(message.id, link.error()));
}

void WebSocketSession::handleMedia(QLatin1String type, const protocol::Message &message)
{
    MediaRelay *relay = m_hub.mediaRelay();
    if (!relay) {
        sendJson(protocol::errorReply(message.id,
            makeError(
                ErrorCode::Unavailable, QStringLiteral("this server has no video programme"))));
        return;
    }
    if (type == QLatin1String("media.join"))
        sendJson(relay->join(this, message));
    else if (type == QLatin1String("media.signal"))
        sendJson(relay->signal(this, message));
    else
        sendJson(relay->leave(this, message));
}

void WebSocketSession::handleSubscribe(const protocol::Message &message)
{
    const qint64 meeting = message.integer(kMeeting);
    const core::MeetingState *state = m_hub.service().meeting(meeting);
    if (!state) {
        sendJson(protocol::errorReply(message.id, services::meetingNotFound(meeting)));
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
            sendJson(protocol::errorReply(message.id, events.error()));
            return;
        }
        missed = std::move(events.value());
    }
    // Everything below runs without returning to the event loop, so no live event can slip
    // in between the reply, the catch-up and the subscription.
    sendJson(protocol::okReply(message.id,
        QJsonObject {{QStringLiteral("mode"),
                         replay ? QStringLiteral("replay") : QStringLiteral("snapshot")},
            {QStringLiteral("from"), replay ? since : head},
            {QStringLiteral("events"), qint64(missed.size())}},
        head));
    if (replay) {
        for (const protocol::Event &event : missed)
            sendJson(event.toJson());
    } else {
        sendJson(protocol::snapshotMessage(meeting, head, state->toJson()));
    }
    m_subscriptions.insert(meeting);
    m_hub.subscribe(this, meeting);
}

} // namespace chamber::api
