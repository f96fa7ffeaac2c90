#include "media/peerrouter.h"

#include "media/floorswitch.h"

namespace chamber::media {

Result<ScaleOutConfig> parseScaleOut(const QStringList &urls, const QString &above)
{
    ScaleOutConfig config;
    for (const QString &text : urls) {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid()
            || (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss"))
            || url.host().isEmpty() || url.port() <= 0 || !url.userInfo().isEmpty()
            || url.hasQuery() || url.hasFragment())
            return makeError(ErrorCode::BadField,
                QStringLiteral("--janus must be ws://HOST:PORT (Janus's WebSocket API), not %1")
                    .arg(text.left(200)),
                QStringLiteral("janus"));
        if (config.janusUrls.contains(url))
            return makeError(ErrorCode::BadField,
                QStringLiteral("--janus %1 is given twice").arg(text), QStringLiteral("janus"));
        config.janusUrls << url;
    }
    if (!above.isEmpty()) {
        bool ok = false;
        config.janusAbove = above.toInt(&ok);
        if (!ok || config.janusAbove < 0 || config.janusAbove > 500)
            return makeError(ErrorCode::BadField,
                QStringLiteral("--janus-above must be from 0 to 500"),
                QStringLiteral("janus-above"));
        if (config.janusUrls.isEmpty())
            return makeError(ErrorCode::BadField,
                QStringLiteral("--janus-above needs at least one --janus"),
                QStringLiteral("janus-above"));
    }
    return config;
}

MountpointSpec mountpointFor(const ProgrammeConfig &config)
{
    MountpointSpec spec;
    spec.videoPayloadType = kVideoPayloadType;
    spec.audioPayloadType = kAudioPayloadType;
    // Constrained baseline (42e0) at the level x264 picks for the size: 3.1 up to 720p30, 4.0
    // up to 1080p30, 5.1 beyond. Decoders go by the SPS; the fmtp tells the bridge what comes.
    const qint64 macroblocksPerSecond
        = qint64((config.width + 15) / 16) * ((config.height + 15) / 16) * config.fps;
    const char *level = macroblocksPerSecond <= 108000 ? "1f"
        : macroblocksPerSecond <= 245760               ? "28"
                                                       : "33";
    spec.h264Fmtp
        = QStringLiteral("profile-level-id=42e0%1;packetization-mode=1").arg(QLatin1String(level));
    return spec;
}

PeerRouter::PeerRouter(ProgrammeSender *programme, const ProgrammeConfig &config,
    ScaleOutConfig scaleOut, QObject *parent)
    : QObject(parent)
    , m_programme(programme)
    , m_config(std::move(scaleOut))
{
    connect(programme, &ProgrammeSender::outgoing, this, &PeerRouter::outgoing);
    const MountpointSpec spec = mountpointFor(config);
    GstElement *pipeline = programme->pipeline();
    GstElement *videoTee = gst_bin_get_by_name(GST_BIN(pipeline), "video-tee");
    GstElement *audioTee = gst_bin_get_by_name(GST_BIN(pipeline), "audio-tee");
    for (const QUrl &url : std::as_const(m_config.janusUrls)) {
        auto instance
            = std::make_unique<JanusInstance>(url, spec, pipeline, videoTee, audioTee, this);
        connect(instance.get(), &JanusInstance::outgoing, this, &PeerRouter::outgoing);
        m_janus.push_back(std::move(instance));
    }
    // The pipeline holds the tees as long as the programme lives, which outlives this router.
    if (videoTee)
        gst_object_unref(videoTee);
    if (audioTee)
        gst_object_unref(audioTee);
}

PeerRouter::~PeerRouter() = default;

void PeerRouter::start()
{
    m_unsettled = int(m_janus.size());
    for (const auto &instance : m_janus) {
        JanusInstance *raw = instance.get();
        connect(raw, &JanusInstance::readyChanged, this, [this, raw] { settle(raw); });
        connect(raw, &JanusInstance::attemptFailed, this, [this, raw] { settle(raw); });
        raw->start();
    }
    if (m_unsettled == 0)
        QMetaObject::invokeMethod(this, &PeerRouter::settled, Qt::QueuedConnection);
}

void PeerRouter::settle(JanusInstance *instance)
{
    if (m_unsettled == 0 || m_settled.contains(instance))
        return;
    m_settled << instance;
    if (--m_unsettled == 0)
        emit settled();
}

JanusInstance *PeerRouter::janusOf(const QString &peer) const
{
    for (const auto &instance : m_janus) {
        if (instance->hasPeer(peer))
            return instance.get();
    }
    return nullptr;
}

QString PeerRouter::route(const QString &peer) const
{
    if (JanusInstance *instance = janusOf(peer))
        return instance->url().toString();
    return m_programme->peers().contains(peer) ? QStringLiteral("direct") : QString();
}

Status PeerRouter::addPeer(const QString &peer)
{
    if (m_janus.empty() || m_programme->peers().size() < m_config.janusAbove)
        return janusOf(peer) ? makeError(ErrorCode::Conflict,
                   QStringLiteral("peer %1 exists already").arg(peer), QStringLiteral("peer"))
                             : m_programme->addPeer(peer);
    if (!isValidPeerId(peer))
        return makeError(
            ErrorCode::BadField, QStringLiteral("bad peer id"), QStringLiteral("peer"));
    if (janusOf(peer) || m_programme->peers().contains(peer))
        return makeError(ErrorCode::Conflict, QStringLiteral("peer %1 exists already").arg(peer),
            QStringLiteral("peer"));
    // Spread over the servers that are up: the one with the fewest peers.
    JanusInstance *target = nullptr;
    for (const auto &instance : m_janus) {
        if (instance->isReady() && (!target || instance->peerCount() < target->peerCount()))
            target = instance.get();
    }
    if (!target)
        return makeError(ErrorCode::Unavailable,
            QStringLiteral("%1 bridges are served directly and no Janus server is up (of %2)")
                .arg(m_programme->peers().size())
                .arg(m_janus.size()));
    return target->addPeer(peer);
}

Status PeerRouter::handle(const SignalMessage &message)
{
    switch (message.type) {
    case SignalType::AddPeer:
        return addPeer(message.peer);
    case SignalType::RemovePeer:
    case SignalType::Answer:
    case SignalType::Candidate:
        if (JanusInstance *instance = janusOf(message.peer)) {
            if (message.type != SignalType::RemovePeer)
                return instance->handle(message);
            // Its return connection is chamber-media's own, whichever way the programme goes.
            if (FloorSwitch *floor = m_programme->floor())
                floor->peerRemoved(message.peer);
            return instance->removePeer(message.peer);
        }
        return m_programme->handle(message);
    default:
        // Everything else (and whatever the programme learns to take) is the programme's.
        return m_programme->handle(message);
    }
}

} // namespace chamber::media
