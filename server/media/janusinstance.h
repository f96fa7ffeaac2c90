// One Janus server carrying the programme to some of the bridges. At start (and again after it
// came back) it opens a session, creates an RTP mountpoint in the streaming plugin through the
// API (H.264 constrained baseline + Opus, the programme's payload types, a random secret and
// pin so only chamber-media watches it) and sends the programme's RTP there once
// (RtpForward). Each bridge is one handle on that mountpoint: "watch" makes Janus's offer,
// which goes to the bridge as the usual `offer`; the bridge's `answer` becomes "start" with
// the jsep, its candidates "trickle"; Janus's candidates, webrtcup and hangup come back as
// `candidate` and `peer-state`. The bridge cannot tell Janus from chamber-media's own
// webrtcbin.
#pragma once

#include "media/janusclient.h"
#include "media/rtpforward.h"
#include "media/signaling.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>

namespace chamber::media {

struct MountpointSpec
{
    QString description = QStringLiteral("Chamber programme");
    int videoPayloadType = 96;
    int audioPayloadType = 111;
    QString h264Fmtp = QStringLiteral("profile-level-id=42e01f;packetization-mode=1");
};

class JanusInstance : public QObject
{
    Q_OBJECT
public:
    JanusInstance(QUrl url, MountpointSpec spec, GstElement *pipeline, GstElement *videoTee,
        GstElement *audioTee, QObject *parent = nullptr);
    ~JanusInstance() override;

    QUrl url() const { return m_client.url(); }
    // Connects; reconnects by itself (1 s, doubling to 10 s) whenever the server goes.
    void start();
    // Session up, mountpoint made, RTP flowing: peers may be added.
    bool isReady() const { return m_mountpoint != 0 && m_forward.isRunning(); }
    qint64 mountpoint() const { return m_mountpoint; }
    int peerCount() const { return int(m_peers.size()); }
    bool hasPeer(const QString &peer) const { return m_peers.contains(peer); }
    QStringList peers() const;

    Status addPeer(const QString &peer);
    Status removePeer(const QString &peer);
    // answer and candidate of one of this instance's peers.
    Status handle(const SignalMessage &message);

    // For tests and operators: how many viewers Janus counts on the mountpoint (-1: failed).
    void queryViewers(std::function<void(int)> done);
    JanusClient &client() { return m_client; }

signals:
    void outgoing(const chamber::media::SignalMessage &message);
    void readyChanged(bool ready);
    // A connection attempt (the first or a reconnection) ended without a mountpoint.
    void attemptFailed(const chamber::Error &error);

private:
    struct Peer
    {
        qint64 handle = 0;
        bool offered = false;
        bool answered = false;
        bool removing = false;
        QString state = QStringLiteral("new");
        // Janus may trickle its first candidates before its offer reaches us: they follow it.
        QList<SignalMessage> earlyCandidates;
    };
    void onSessionReady();
    void onDown(const chamber::Error &error);
    void onHandleEvent(const JanusMessage &message);
    void createMountpoint();
    void watch(const QString &peer);
    void setState(const QString &peer, const QString &state);
    // Error to the bridge, its handle detached, peer-removed: as a failed webrtcbin branch.
    void failPeer(const QString &peer, const chamber::Error &error);
    QString peerOfHandle(qint64 handle) const;

    JanusClient m_client;
    MountpointSpec m_spec;
    RtpForward m_forward;
    QString m_secret;
    QString m_pin;
    qint64 m_control = 0; // the handle that made the mountpoint
    qint64 m_mountpoint = 0;
    QHash<QString, Peer> m_peers;
    QTimer m_retry;
    int m_retryMs = 1000;
};

} // namespace chamber::media
