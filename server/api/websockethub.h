// The WebSocket side of chamberd: accepts sessions, keeps subscriptions, fans committed events
// out to every subscriber of a meeting, tracks which devices are online (for the chair) and
// cuts off revoked devices at once.
#pragma once

#include "api/admission.h"
#include "api/websocketsession.h"
#include "protocol/error.h"
#include "protocol/event.h"
#include "services/principal.h"

#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

namespace chamber::edge {
class WsPeer;
}

namespace chamber::services {
class Authenticator;
class BallotService;
class EnrollmentService;
class MeetingService;
} // namespace chamber::services

namespace chamber::api {

class MediaRelay;
class WebSocketSession;

struct HubOptions
{
    // A client further behind than this gets a snapshot instead of the missed events.
    qint64 resumeWindow = 1000;
    // Time a new connection has to say hello.
    int helloTimeoutMs = 10000;
    // A client that lets this much unsent data pile up is disconnected (it resumes on
    // reconnect), so one stalled tablet cannot make the server buffer without bound.
    qint64 maxBacklogBytes = 8 * 1024 * 1024;
    // Each device's message budget and the failed authentications an address may have.
    AdmissionOptions limits;
};

class WebSocketHub : public QObject
{
    Q_OBJECT

public:
    WebSocketHub(services::MeetingService &service, const services::Authenticator &authenticator,
        services::EnrollmentService &enrollment, services::BallotService &ballots,
        HubOptions options, QObject *parent = nullptr);
    ~WebSocketHub() override;

    void accept(edge::WsPeer *socket, UpgradeRequest upgrade = {}); // takes the socket
    // Closes the WebSockets of an account's ended sessions: one session (`sessionHash`), or
    // all of the account's (empty hash: disabled, or its role or password changed).
    void endAccountSessions(qint64 account, const QByteArray &sessionHash);
    qsizetype sessionCount() const { return m_sessions.size(); }
    // Says bye to every client and closes the connections (server shutdown).
    void closeAll(const QString &reason);

    const HubOptions &options() const { return m_options; }
    services::MeetingService &service() { return m_service; }
    const services::Authenticator &authenticator() const { return m_authenticator; }
    services::EnrollmentService &enrollment() { return m_enrollment; }
    services::BallotService &ballots() { return m_ballots; }
    // Shared with the REST router, so a device's requests and messages draw on one budget.
    Admission &admission() { return m_admission; }

    // The URL for a join code's token (see EnrollmentApi); needed for seat codes on screens.
    void setJoinLinkMaker(std::function<QString(const QString &token)> maker)
    {
        m_joinLink = std::move(maker);
    }
    QString joinLink(const QString &token) const
    {
        return m_joinLink ? m_joinLink(token) : QString();
    }

    // readerLink.create (see ReaderApi::createLink): {url, expiresAt, svg, png, ...}.
    using ReaderLinkCreator = std::function<Result<QJsonObject>(
        const services::Principal &, qint64 meeting, qint64 delegate, int ttlSeconds)>;
    void setReaderLinkCreator(ReaderLinkCreator creator) { m_readerLinks = std::move(creator); }
    const ReaderLinkCreator &readerLinkCreator() const { return m_readerLinks; }

    // The video bridges' signaling (media.*); null: media.join is refused as unavailable.
    void setMediaRelay(MediaRelay *relay) { m_media = relay; }
    MediaRelay *mediaRelay() const { return m_media; }

    // Council messages (council.*, member.*, organisation.*, task.*, board.read, task.history),
    // answered by the council API (api/councilapi.h); unset: refused as unavailable. `council`
    // is what the message acts on: the council it names, or its meeting's (councilOf).
    using CouncilOf = std::function<qint64(const services::Principal &, const protocol::Message &)>;
    using CouncilHandler = std::function<QJsonObject(
        const services::Principal &, const protocol::Message &, qint64 council)>;
    void setCouncilHandlers(CouncilOf councilOf, CouncilHandler handler)
    {
        m_councilOf = std::move(councilOf);
        m_councilHandler = std::move(handler);
    }
    qint64 councilOf(const services::Principal &principal, const protocol::Message &message) const
    {
        return m_councilOf ? m_councilOf(principal, message) : 0;
    }
    const CouncilHandler &councilHandler() const { return m_councilHandler; }
    // Sends `frame` once to every session subscribed to a meeting `matches` accepts (a push
    // about a council goes to the subscribers of all its meetings).
    void pushToSubscribers(
        const std::function<bool(qint64 meeting)> &matches, const QByteArray &frame);

    // {device, online, since} for every device enrolled in the meeting.
    QJsonArray presence(qint64 meeting) const;

    // Called by sessions.
    void sessionAuthenticated(WebSocketSession *session);
    void subscribe(WebSocketSession *session, qint64 meeting);
    void unsubscribe(WebSocketSession *session, qint64 meeting);
    void forget(WebSocketSession *session);
    void destroyed(WebSocketSession *session); // from its destructor

private:
    struct Presence
    {
        int connections = 0;
        QString since; // when it last came online or went offline
    };

    void broadcast(qint64 meeting, const std::vector<protocol::Event> &events);
    void disconnectRevoked(const std::vector<protocol::Event> &events);
    void announcePresence(qint64 meeting);
    // Presence changes come in storms (the room's access point restarts: a thousand devices
    // go offline within a second); the full list goes out at most every kPresenceIntervalMs.
    void schedulePresence(qint64 meeting);
    // The open poll's progress: counts to everyone, the pending list to chair and admin.
    void announceProgress(qint64 meeting);
    void sendProgress(WebSocketSession *session, qint64 meeting);
    void changePresence(qint64 device, qint64 meeting, int delta);

    services::MeetingService &m_service;
    const services::Authenticator &m_authenticator;
    services::EnrollmentService &m_enrollment;
    services::BallotService &m_ballots;
    HubOptions m_options;
    Admission m_admission;
    QSet<WebSocketSession *> m_sessions; // open ones
    QSet<WebSocketSession *> m_alive; // open and closing ones: the hub deletes them all
    QSet<WebSocketSession *> m_countedOnline;
    QHash<qint64, QSet<WebSocketSession *>> m_subscribers;
    QHash<qint64, Presence> m_presence;
    QHash<qint64, QTimer *> m_presenceTimers;
    std::function<QString(const QString &)> m_joinLink;
    ReaderLinkCreator m_readerLinks;
    MediaRelay *m_media = nullptr;
    CouncilOf m_councilOf;
    CouncilHandler m_councilHandler;
};

} // namespace chamber::api
