// The video bridges' signaling between WebSocket sessions and chamber-media. Only enrolled
// bridge devices (and the tally screen, which shows the site that has the floor) may join;
// each joined device is one media peer named "d<device>". chamber-media's messages for a peer
// go to that device's session only, so no other client can obtain the programme's keys or
// candidates. A session that closes (or is cut off because its device was revoked) leaves.
// When chamber-media restarts, every joined peer is added again: its bridge gets a new offer.
//
// The floor follows the speaker queue: when the chair gives the floor to a bridge site, its
// return video and audio become the programme (chamber-media's `floor`), and every joined
// device hears of it (`media.floor`).
#pragma once

#include "media/signaling.h"
#include "protocol/event.h"
#include "protocol/message.h"
#include "services/mediasupervisor.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>

#include <vector>

namespace chamber::services {
class MeetingService;
}

namespace chamber::api {

class WebSocketSession;

class MediaRelay : public QObject
{
    Q_OBJECT

public:
    // `supervisor` may be null: the server has no video programme (media.join is refused).
    MediaRelay(services::MediaSupervisor *supervisor, services::MeetingService &service,
        QObject *parent = nullptr);
    ~MediaRelay() override;

    // media.join / media.signal / media.leave from an authenticated session; the reply (ok or
    // error) is returned for the session to send.
    QJsonObject join(WebSocketSession *session, const protocol::Message &message);
    QJsonObject signal(WebSocketSession *session, const protocol::Message &message);
    QJsonObject leave(WebSocketSession *session, const protocol::Message &message);
    // The session is gone: its peer is removed.
    void forget(WebSocketSession *session);

    static QString peerOfDevice(qint64 device) { return QStringLiteral("d%1").arg(device); }
    QString floorPeer() const { return m_floor; }
    qsizetype joinedCount() const { return m_peers.size(); }

private:
    struct Joined
    {
        WebSocketSession *session = nullptr;
        qint64 meeting = 0;
    };

    void onMediaMessage(const media::SignalMessage &message);
    void onMediaState(services::MediaSupervisor::State state);
    void onEvents(qint64 meeting, const std::vector<protocol::Event> &events);
    void addPeer(const QString &peer);
    void removePeer(const QString &peer);
    void setFloor(qint64 meeting, const QString &peer);
    void sendFloor();
    void push(const Joined &joined, const QJsonObject &message);
    QString mediaState() const;

    services::MediaSupervisor *m_supervisor;
    services::MeetingService &m_service;
    QHash<QString, Joined> m_peers;
    QHash<WebSocketSession *, QString> m_peerOf;
    // Joined again while chamber-media still had the old connection: added once it is gone.
    QSet<QString> m_readdWhenRemoved;
    QSet<QString> m_removing;
    QString m_floor; // "" : the chamber's own sources
    qint64 m_floorMeeting = 0;
};

} // namespace chamber::api
