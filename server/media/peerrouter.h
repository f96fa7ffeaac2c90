// Scale-out: the first `janusAbove` bridges get their own webrtcbin in the programme
// (ProgrammeSender), every further one goes through a Janus server (JanusInstance), the least
// loaded of those that are up. The controller and the bridges see the same signaling either
// way: PeerRouter takes every message for chamber-media and sends out what the programme and
// the Janus instances say. Without Janus URLs it passes everything to the programme.
#pragma once

#include "media/janusinstance.h"
#include "media/programme.h"

#include <QList>
#include <QObject>
#include <QUrl>

#include <memory>
#include <vector>

namespace chamber::media {

struct ScaleOutConfig
{
    QList<QUrl> janusUrls; // ws://host:port (the WebSocket API); none: no scale-out
    int janusAbove = 0; // direct peers up to this many, Janus beyond; 0: Janus only
};

// --janus URL (repeatable) and --janus-above N; errors name the option.
Result<ScaleOutConfig> parseScaleOut(const QStringList &urls, const QString &above);
// The mountpoint matching the programme's encode (payload types, H.264 level for its size).
MountpointSpec mountpointFor(const ProgrammeConfig &config);

class PeerRouter : public QObject
{
    Q_OBJECT
public:
    PeerRouter(ProgrammeSender *programme, const ProgrammeConfig &config, ScaleOutConfig scaleOut,
        QObject *parent = nullptr);
    ~PeerRouter() override;

    // Connects to the Janus servers; settled() follows once each is up or has failed its first
    // attempt (at once without Janus), so the controller's add-peers after `ready` find them.
    void start();
    bool isSettled() const { return m_unsettled == 0; }
    Status handle(const SignalMessage &message);

    // "direct", the Janus URL a peer goes through, or empty for an unknown peer.
    QString route(const QString &peer) const;
    const std::vector<std::unique_ptr<JanusInstance>> &janus() const { return m_janus; }

signals:
    void outgoing(const chamber::media::SignalMessage &message);
    void settled();

private:
    void settle(JanusInstance *instance);

    JanusInstance *janusOf(const QString &peer) const;
    Status addPeer(const QString &peer);

    ProgrammeSender *m_programme;
    ScaleOutConfig m_config;
    std::vector<std::unique_ptr<JanusInstance>> m_janus;
    QList<JanusInstance *> m_settled;
    int m_unsettled = 0;
};

} // namespace chamber::media
