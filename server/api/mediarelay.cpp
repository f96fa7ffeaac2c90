#include "api/mediarelay.h"

#include "api/websocketsession.h"
#include "core/meeting.h"
#include "services/meetingservice.h"
#include "services/permissions.h"
#include "support/log.h"

#include <QJsonDocument>

namespace chamber::api {

Q_LOGGING_CATEGORY(lcRelay, "chamber.media")

namespace {

const QLatin1String kMeeting("meeting");

QJsonObject signalPush(qint64 meeting, const media::SignalMessage &message)
{
    return QJsonObject {{QStringLiteral("type"), QStringLiteral("media.signal")},
        {QStringLiteral("meeting"), meeting},
        {QStringLiteral("signal"), QJsonDocument::fromJson(media::toJson(message)).object()}};
}

// The return stream (a bridge's camera and microphone back to the chamber).
bool isReturnSignal(media::SignalType type)
{
    return type == media::SignalType::ReturnOffer || type == media::SignalType::ReturnCandidate;
}

} // namespace

MediaRelay::MediaRelay(
    services::MediaSupervisor *supervisor, services::MeetingService &service, QObject *parent)
    : QObject(parent)
    , m_supervisor(supervisor)
    , m_service(service)
{
    connect(&m_service, &services::MeetingService::eventsCommitted, this, &MediaRelay::onEvents);
    if (m_supervisor) {
        connect(
            m_supervisor, &services::MediaSupervisor::received, this, &MediaRelay::onMediaMessage);
        connect(m_supervisor, &services::MediaSupervisor::stateChanged, this,
            &MediaRelay::onMediaState);
    }
}

MediaRelay::~MediaRelay() = default;

QString MediaRelay::mediaState() const
{
    return services::MediaSupervisor::stateName(
        m_supervisor ? m_supervisor->state() : services::MediaSupervisor::State::Off);
}

QJsonObject MediaRelay::join(WebSocketSession *session, const protocol::Message &message)
{
    const services::Principal &principal = *session->principal();
    const qint64 meeting = message.integer(kMeeting);
    if (auto allowed
        = services::authorizeAccess(principal, services::Operation::MediaJoin, meeting);
        !allowed)
        return protocol::errorReply(message.id, allowed.error());
    if (!m_supervisor || m_supervisor->state() == services::MediaSupervisor::State::Off)
        return protocol::errorReply(message.id,
            makeError(
                ErrorCode::Unavailable, QStringLiteral("this server has no video programme")));
    const QString peer = peerOfDevice(principal.device);
    auto existing = m_peers.find(peer);
    if (existing != m_peers.end()) {
        // The same device again (a second connection, or a bridge starting over): the old
        // connection goes and a fresh offer follows once chamber-media has removed it.
        if (existing->session != session)
            m_peerOf.remove(existing->session);
        existing->session = session;
        m_peerOf.insert(session, peer);
        if (m_supervisor->state() == services::MediaSupervisor::State::Running) {
            m_readdWhenRemoved.insert(peer);
            removePeer(peer);
        }
    } else {
        m_peers.insert(peer, Joined {session, meeting});
        m_peerOf.insert(session, peer);
        // Left a moment ago and chamber-media is still taking the old branch down: added as
        // soon as it says peer-removed (an add now would be refused as a conflict).
        if (m_removing.contains(peer))
            m_readdWhenRemoved.insert(peer);
        else
            addPeer(peer);
    }
    log::info(lcRelay(), QStringLiteral("bridge joined the programme"),
        {{QStringLiteral("peer"), peer}, {QStringLiteral("state"), mediaState()}});
    return protocol::okReply(message.id,
        QJsonObject {{QStringLiteral("peer"), peer}, {QStringLiteral("state"), mediaState()},
            {QStringLiteral("floor"), m_floor.isEmpty() ? QJsonValue() : QJsonValue(m_floor)}});
}

QJsonObject MediaRelay::signal(WebSocketSession *session, const protocol::Message &message)
{
    const QString peer = m_peerOf.value(session);
    if (peer.isEmpty())
        return protocol::errorReply(
            message.id, makeError(ErrorCode::Conflict, QStringLiteral("send media.join first")));
    const QJsonObject body = message.object(QLatin1String("signal"));
    auto parsed = media::parseSignal(QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (!parsed) {
        Error error = parsed.error();
        error.field = error.field.isEmpty() ? QStringLiteral("signal")
                                            : QStringLiteral("signal.") + error.field;
        return protocol::errorReply(message.id, error);
    }
    if (!media::isBridgeSignal(parsed->type))
        return protocol::errorReply(message.id,
            makeError(ErrorCode::Forbidden,
                QStringLiteral("a bridge may not send %1").arg(media::signalTypeName(parsed->type)),
                QStringLiteral("signal.type")));
    if (parsed->peer != peer)
        return protocol::errorReply(message.id,
            makeError(ErrorCode::Forbidden,
                QStringLiteral("this device's media peer is %1").arg(peer),
                QStringLiteral("signal.peer")));
    // The tally screen watches; only a bridge site sends its camera back.
    if (isReturnSignal(parsed->type)) {
        if (auto allowed = services::authorizeAccess(
                *session->principal(), services::Operation::MediaReturn, message.integer(kMeeting));
            !allowed) {
            Error error = allowed.error();
            error.field = QStringLiteral("signal.type");
            return protocol::errorReply(message.id, error);
        }
    }
    if (auto sent = m_supervisor->send(parsed.value()); !sent)
        return protocol::errorReply(message.id, sent.error());
    return protocol::okReply(message.id);
}

QJsonObject MediaRelay::leave(WebSocketSession *session, const protocol::Message &message)
{
    const QString peer = m_peerOf.value(session);
    if (!peer.isEmpty()) {
        forget(session);
    }
    return protocol::okReply(message.id);
}

void MediaRelay::forget(WebSocketSession *session)
{
    const QString peer = m_peerOf.take(session);
    if (peer.isEmpty())
        return;
    m_peers.remove(peer);
    m_readdWhenRemoved.remove(peer);
    removePeer(peer);
    log::info(
        lcRelay(), QStringLiteral("bridge left the programme"), {{QStringLiteral("peer"), peer}});
}

void MediaRelay::addPeer(const QString &peer)
{
    if (m_supervisor && m_supervisor->state() == services::MediaSupervisor::State::Running)
        (void)m_supervisor->send(media::SignalMessage::addPeer(peer));
    // Otherwise it is added when chamber-media is (again) ready.
}

void MediaRelay::removePeer(const QString &peer)
{
    if (!m_supervisor || m_supervisor->state() != services::MediaSupervisor::State::Running)
        return;
    m_removing.insert(peer);
    (void)m_supervisor->send(media::SignalMessage::removePeer(peer));
}

void MediaRelay::onMediaMessage(const media::SignalMessage &message)
{
    // Recordings are the recording service's (services/recordingservice.h), no bridge's.
    if (message.type == media::SignalType::Recorded
        || message.type == media::SignalType::RecordError)
        return;
    if (message.peer.isEmpty()) {
        log::warning(lcRelay(), QStringLiteral("chamber-media reports an error"),
            {{QStringLiteral("code"), errorCodeName(message.error.code)},
                {QStringLiteral("message"), message.error.message}});
        return;
    }
    if (message.type == media::SignalType::PeerRemoved) {
        m_removing.remove(message.peer);
        if (m_readdWhenRemoved.remove(message.peer) && m_peers.contains(message.peer)) {
            addPeer(message.peer);
            return; // the bridge only needs the new offer
        }
    } else if (m_removing.contains(message.peer)) {
        return; // what the old connection still says is of no use to anyone
    }
    if (message.type == media::SignalType::Error && message.error.code == ErrorCode::NotFound)
        return; // e.g. a remove of a peer chamber-media had already dropped
    auto joined = m_peers.constFind(message.peer);
    // ICE gave up (a link down for longer than its consent timeout) while the bridge's
    // session is still here: start the connection over, the bridge gets a fresh offer. A
    // failed connection never comes back by itself.
    if (joined != m_peers.constEnd() && message.type == media::SignalType::PeerState
        && message.state == QLatin1String("failed")) {
        log::warning(lcRelay(), QStringLiteral("bridge connection failed; offering again"),
            {{QStringLiteral("peer"), message.peer}});
        push(*joined, signalPush(joined->meeting, message));
        m_readdWhenRemoved.insert(message.peer);
        removePeer(message.peer);
        return;
    }
    if (joined == m_peers.constEnd() || !media::isForBridge(message))
        return;
    push(*joined, signalPush(joined->meeting, message));
}

void MediaRelay::onMediaState(services::MediaSupervisor::State state)
{
    m_removing.clear();
    m_readdWhenRemoved.clear();
    if (state == services::MediaSupervisor::State::Running) {
        // A new chamber-media knows nothing: the floor and every joined bridge again.
        sendFloor();
        for (auto it = m_peers.cbegin(); it != m_peers.cend(); ++it)
            addPeer(it.key());
    }
    const QString name = services::MediaSupervisor::stateName(state);
    for (const Joined &joined : std::as_const(m_peers)) {
        push(joined,
            QJsonObject {{QStringLiteral("type"), QStringLiteral("media.status")},
                {QStringLiteral("meeting"), joined.meeting}, {QStringLiteral("state"), name}});
    }
}

void MediaRelay::onEvents(qint64 meeting, const std::vector<protocol::Event> &)
{
    // The meeting's state after the events says who has the floor, however it came about
    // (granted, ended, the next speaker, the bridge device revoked, the meeting ended).
    const core::MeetingState *state = m_service.meeting(meeting);
    if (!state)
        return;
    const qint64 bridge
        = state->status == core::MeetingStatus::InSession ? state->speakers.currentBridge() : 0;
    if (bridge > 0)
        setFloor(meeting, peerOfDevice(bridge));
    else if (meeting == m_floorMeeting)
        setFloor(meeting, QString());
}

void MediaRelay::setFloor(qint64 meeting, const QString &peer)
{
    if (peer == m_floor)
        return;
    m_floor = peer;
    m_floorMeeting = meeting;
    log::info(lcRelay(), QStringLiteral("programme source"),
        {{QStringLiteral("floor"), peer.isEmpty() ? QStringLiteral("chamber") : peer}});
    sendFloor();
    for (const Joined &joined : std::as_const(m_peers)) {
        if (joined.meeting != meeting)
            continue;
        push(joined,
            QJsonObject {{QStringLiteral("type"), QStringLiteral("media.floor")},
                {QStringLiteral("meeting"), meeting},
                {QStringLiteral("peer"), peer.isEmpty() ? QJsonValue() : QJsonValue(peer)}});
    }
}

void MediaRelay::sendFloor()
{
    if (m_supervisor && m_supervisor->state() == services::MediaSupervisor::State::Running)
        (void)m_supervisor->send(media::SignalMessage::floor(m_floor));
}

void MediaRelay::push(const Joined &joined, const QJsonObject &message)
{
    if (joined.session)
        joined.session->sendJson(message);
}

} // namespace chamber::api
