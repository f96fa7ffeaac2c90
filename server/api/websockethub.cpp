#include "api/websockethub.h"

#include "api/mediarelay.h"
#include "api/websocketsession.h"
#include "core/meeting.h"
#include "protocol/message.h"
#include "services/ballotservice.h"
#include "services/meetingservice.h"
#include "services/permissions.h"
#include "support/log.h"

#include "edge/wspeer.h"
#include <QDateTime>
#include <QJsonObject>

namespace chamber::api {

Q_LOGGING_CATEGORY(lcHub, "chamber.ws")

namespace {
// Each presence frame lists every device (about 64 bytes each): one per change when 1000
// tablets dropped together was 14 MB to the chair console, which was then cut off as too slow.
constexpr int kPresenceIntervalMs = 250;
} // namespace

WebSocketHub::WebSocketHub(services::MeetingService &service,
    const services::Authenticator &authenticator, services::EnrollmentService &enrollment,
    services::BallotService &ballots, HubOptions options, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_authenticator(authenticator)
    , m_enrollment(enrollment)
    , m_ballots(ballots)
    , m_options(options)
    , m_admission(options.limits)
{
    // A connected device keeps its bucket even when full: it is likely to send again.
    m_admission.setConnectedDevices(
        [this](qint64 device) { return m_presence.value(device).connections > 0; });
    connect(&m_service, &services::MeetingService::eventsCommitted, this, &WebSocketHub::broadcast);
    connect(&m_ballots, &services::BallotService::progressChanged, this,
        &WebSocketHub::announceProgress);
}

WebSocketHub::~WebSocketHub()
{
    // Every session still alive goes, also those closing (forgotten, waiting for their
    // connection's end): that end would otherwise reach them after the hub is gone.
    const auto sessions = m_alive;
    m_alive.clear();
    m_sessions.clear();
    m_subscribers.clear();
    m_countedOnline.clear();
    qDeleteAll(sessions);
}

void WebSocketHub::accept(edge::WsPeer *socket, UpgradeRequest upgrade)
{
    auto *session = new WebSocketSession(socket, *this, std::move(upgrade));
    m_sessions.insert(session);
    m_alive.insert(session);
}

void WebSocketHub::endAccountSessions(qint64 account, const QByteArray &sessionHash)
{
    const auto sessions = m_sessions;
    for (WebSocketSession *session : sessions) {
        const auto &principal = session->principal();
        if (!principal || !principal->isAccount() || principal->account != account)
            continue;
        if (!sessionHash.isEmpty() && principal->sessionHash != sessionHash)
            continue;
        log::info(lcHub(), QStringLiteral("ended session's WebSocket closed"),
            {{QStringLiteral("principal"), principal->id}});
        session->closeWithReason(QStringLiteral("revoked"));
    }
}

void WebSocketHub::closeAll(const QString &reason)
{
    const auto sessions = m_sessions;
    for (WebSocketSession *session : sessions)
        session->closeWithReason(reason);
}

void WebSocketHub::sessionAuthenticated(WebSocketSession *session)
{
    const auto &principal = session->principal();
    if (!principal || !principal->isDevice() || m_countedOnline.contains(session))
        return;
    m_countedOnline.insert(session);
    changePresence(principal->device, principal->meeting, +1);
}

void WebSocketHub::subscribe(WebSocketSession *session, qint64 meeting)
{
    m_subscribers[meeting].insert(session);
    sendProgress(session, meeting);
    if (services::allows(*session->principal(), services::Operation::ReadDevices, meeting)) {
        session->sendJson(QJsonObject {{QStringLiteral("type"), QStringLiteral("presence")},
            {QStringLiteral("meeting"), meeting}, {QStringLiteral("devices"), presence(meeting)}});
    }
}

void WebSocketHub::sendProgress(WebSocketSession *session, qint64 meeting)
{
    const auto progress = m_ballots.progress(meeting);
    if (!progress)
        return;
    QJsonObject message {{QStringLiteral("type"), QStringLiteral("progress")},
        {QStringLiteral("meeting"), meeting}, {QStringLiteral("poll"), progress->poll},
        {QStringLiteral("cast"), progress->cast}, {QStringLiteral("eligible"), progress->eligible}};
    if (session->principal()
        && services::allows(
            *session->principal(), services::Operation::ReadVotingPending, meeting)) {
        QJsonArray pending;
        for (qint64 delegate : progress->pending)
            pending.append(delegate);
        message.insert(QStringLiteral("pending"), pending);
    }
    session->sendJson(message);
}

void WebSocketHub::announceProgress(qint64 meeting)
{
    const auto it = m_subscribers.constFind(meeting);
    if (it == m_subscribers.constEnd())
        return;
    // Small and at most every 150 ms per meeting: built per session (the pending list is the
    // chair's only) without caring to share the frame.
    // Copy the set: a send may drop a too-slow session.
    const QSet<WebSocketSession *> subscribers = *it;
    for (WebSocketSession *session : subscribers) {
        if (m_sessions.contains(session))
            sendProgress(session, meeting);
    }
}

void WebSocketHub::unsubscribe(WebSocketSession *session, qint64 meeting)
{
    auto it = m_subscribers.find(meeting);
    if (it != m_subscribers.end())
        it->remove(session);
}

void WebSocketHub::destroyed(WebSocketSession *session)
{
    forget(session);
    m_alive.remove(session);
}

void WebSocketHub::forget(WebSocketSession *session)
{
    m_sessions.remove(session);
    if (m_media)
        m_media->forget(session);
    for (auto &subscribers : m_subscribers)
        subscribers.remove(session);
    if (m_countedOnline.remove(session)) {
        const auto &principal = session->principal();
        changePresence(principal->device, principal->meeting, -1);
    }
}

QJsonArray WebSocketHub::presence(qint64 meeting) const
{
    QJsonArray list;
    const core::MeetingState *state = m_service.meeting(meeting);
    if (!state)
        return list;
    for (const auto &[id, device] : state->devices) {
        const Presence presence = m_presence.value(id);
        list.append(QJsonObject {{QStringLiteral("device"), id},
            {QStringLiteral("online"), presence.connections > 0},
            {QStringLiteral("since"),
                presence.since.isEmpty() ? QJsonValue() : QJsonValue(presence.since)}});
    }
    return list;
}

void WebSocketHub::changePresence(qint64 device, qint64 meeting, int delta)
{
    Presence &presence = m_presence[device];
    const bool wasOnline = presence.connections > 0;
    presence.connections = std::max(0, presence.connections + delta);
    if (wasOnline == (presence.connections > 0))
        return;
    presence.since = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    log::info(lcHub(),
        wasOnline ? QStringLiteral("device offline") : QStringLiteral("device online"),
        {{QStringLiteral("device"), device}, {QStringLiteral("meeting"), meeting}});
    schedulePresence(meeting);
}

void WebSocketHub::schedulePresence(qint64 meeting)
{
    QTimer *&timer = m_presenceTimers[meeting];
    if (!timer) {
        timer = new QTimer(this);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this, meeting] { announcePresence(meeting); });
    }
    if (!timer->isActive())
        timer->start(kPresenceIntervalMs);
}

void WebSocketHub::announcePresence(qint64 meeting)
{
    const auto it = m_subscribers.constFind(meeting);
    if (it == m_subscribers.constEnd())
        return;
    const QByteArray frame
        = (protocol::toFrame(QJsonObject {{QStringLiteral("type"), QStringLiteral("presence")},
            {QStringLiteral("meeting"), meeting}, {QStringLiteral("devices"), presence(meeting)}}));
    // Copy the set: a send may drop a too-slow session.
    const QSet<WebSocketSession *> subscribers = *it;
    for (WebSocketSession *session : subscribers) {
        if (m_sessions.contains(session) && session->principal()
            && services::allows(*session->principal(), services::Operation::ReadDevices, meeting))
            session->sendText(frame);
    }
}

void WebSocketHub::broadcast(qint64 meeting, const std::vector<protocol::Event> &events)
{
    const auto it = m_subscribers.constFind(meeting);
    if (it != m_subscribers.constEnd() && !it->isEmpty()) {
        // Serialize once, send to all. Copy the set: a send may drop a too-slow session.
        const QSet<WebSocketSession *> subscribers = *it;
        for (const protocol::Event &event : events) {
            const QByteArray frame = (protocol::toFrame(event.toJson()));
            for (WebSocketSession *session : subscribers) {
                if (m_sessions.contains(session))
                    session->sendText(frame);
            }
        }
    }
    disconnectRevoked(events);
    for (const protocol::Event &event : events) {
        if (event.kind == QLatin1String("device.enrolled"))
            schedulePresence(meeting);
    }
}

void WebSocketHub::pushToSubscribers(
    const std::function<bool(qint64 meeting)> &matches, const QByteArray &frame)
{
    QSet<WebSocketSession *> receivers;
    for (auto it = m_subscribers.constBegin(); it != m_subscribers.constEnd(); ++it) {
        if (matches(it.key()))
            receivers.unite(it.value());
    }
    for (WebSocketSession *session : std::as_const(receivers)) {
        if (m_sessions.contains(session))
            session->sendText(frame);
    }
}

void WebSocketHub::disconnectRevoked(const std::vector<protocol::Event> &events)
{
    for (const protocol::Event &event : events) {
        if (event.kind != QLatin1String("device.revoked"))
            continue;
        const qint64 device = event.data.value(QLatin1String("device")).toInteger();
        const auto sessions = m_sessions;
        for (WebSocketSession *session : sessions) {
            if (session->principal() && session->principal()->isDevice()
                && session->principal()->device == device) {
                log::info(lcHub(), QStringLiteral("revoked device disconnected"),
                    {{QStringLiteral("device"), device}});
                session->closeWithReason(QStringLiteral("revoked"));
            }
        }
    }
}

} // namespace chamber::api
