#include "media/janusinstance.h"

#include "media/gstsupport.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QRandomGenerator>

namespace chamber::media {

namespace {
const QString kStreamingPlugin = QStringLiteral("janus.plugin.streaming");
constexpr int kFirstRetryMs = 1000;
constexpr int kLastRetryMs = 10000;

QString randomToken()
{
    quint64 words[2];
    QRandomGenerator::system()->fillRange(words);
    return QString::number(words[0], 16) + QString::number(words[1], 16);
}
} // namespace

JanusInstance::JanusInstance(QUrl url, MountpointSpec spec, GstElement *pipeline,
    GstElement *videoTee, GstElement *audioTee, QObject *parent)
    : QObject(parent)
    , m_client(std::move(url))
    , m_spec(std::move(spec))
    , m_forward(pipeline, videoTee, audioTee)
{
    connect(&m_client, &JanusClient::sessionReady, this, &JanusInstance::onSessionReady);
    connect(&m_client, &JanusClient::down, this, &JanusInstance::onDown);
    connect(&m_client, &JanusClient::handleEvent, this, &JanusInstance::onHandleEvent);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, [this] { m_client.open(); });
}

JanusInstance::~JanusInstance()
{
    m_forward.stop();
    if (m_client.isReady() && m_control && m_mountpoint) {
        // Best effort: a mountpoint left behind only holds two ports until Janus restarts.
        m_client.message(m_control,
            {{QStringLiteral("request"), QStringLiteral("destroy")},
                {QStringLiteral("id"), double(m_mountpoint)}, {QStringLiteral("secret"), m_secret}},
            {}, {});
    }
    m_client.close();
}

void JanusInstance::start()
{
    m_client.open();
}

QStringList JanusInstance::peers() const
{
    QStringList ids;
    for (auto it = m_peers.begin(); it != m_peers.end(); ++it) {
        if (!it->removing)
            ids << it.key();
    }
    ids.sort();
    return ids;
}

void JanusInstance::onSessionReady()
{
    m_client.attach(kStreamingPlugin, [this](const Result<JanusMessage> &reply) {
        if (!reply || reply->dataId == 0) {
            qCWarning(lcMedia).noquote()
                << "Janus" << url().toDisplayString() << "gave no streaming handle:"
                << (reply ? QStringLiteral("no id") : reply.error().message);
            return onDown(reply ? makeError(ErrorCode::Unavailable, QStringLiteral("no handle"))
                                : reply.error());
        }
        m_control = reply->dataId;
        createMountpoint();
    });
}

void JanusInstance::createMountpoint()
{
    m_secret = randomToken();
    m_pin = randomToken();
    const QString host = url().host();
    // Bind the mountpoint's ports to the address chamber-media sends to, not to every
    // interface of the Janus host.
    const bool hostIsAddress = !QHostAddress(host).isNull();
    QJsonObject video {{QStringLiteral("type"), QStringLiteral("video")},
        {QStringLiteral("mid"), QStringLiteral("v")}, {QStringLiteral("port"), 0},
        {QStringLiteral("pt"), m_spec.videoPayloadType},
        {QStringLiteral("codec"), QStringLiteral("h264")},
        {QStringLiteral("fmtp"), m_spec.h264Fmtp}};
    QJsonObject audio {{QStringLiteral("type"), QStringLiteral("audio")},
        {QStringLiteral("mid"), QStringLiteral("a")}, {QStringLiteral("port"), 0},
        {QStringLiteral("pt"), m_spec.audioPayloadType},
        {QStringLiteral("codec"), QStringLiteral("opus")}};
    if (hostIsAddress) {
        video.insert(QStringLiteral("iface"), host);
        audio.insert(QStringLiteral("iface"), host);
    }
    const QJsonObject body {{QStringLiteral("request"), QStringLiteral("create")},
        {QStringLiteral("type"), QStringLiteral("rtp")},
        {QStringLiteral("description"), m_spec.description}, {QStringLiteral("is_private"), true},
        {QStringLiteral("permanent"), false}, {QStringLiteral("secret"), m_secret},
        {QStringLiteral("pin"), m_pin}, {QStringLiteral("media"), QJsonArray {video, audio}}};
    m_client.message(m_control, body, {}, [this, host](const Result<JanusMessage> &reply) {
        auto created = reply ? parseStreamingReply(*reply) : Result<StreamingReply>(reply.error());
        if (created && created->what != QLatin1String("created"))
            created = makeError(ErrorCode::Unavailable,
                QStringLiteral("the streaming plugin answered \"%1\" to create")
                    .arg(created->what));
        if (!created) {
            qCWarning(lcMedia).noquote() << "Janus" << url().toDisplayString()
                                         << "made no mountpoint:" << created.error().message;
            return onDown(created.error());
        }
        if (auto started = m_forward.start(host, created->videoPort, created->audioPort);
            !started) {
            qCWarning(lcMedia).noquote() << "RTP to Janus" << url().toDisplayString()
                                         << "did not start:" << started.error().message;
            return onDown(started.error());
        }
        m_mountpoint = created->mountpointId;
        m_retryMs = kFirstRetryMs;
        qCInfo(lcMedia).noquote() << "Janus" << url().toDisplayString() << "mountpoint"
                                  << m_mountpoint << "takes video on" << created->videoPort
                                  << "and audio on" << created->audioPort;
        emit readyChanged(true);
    });
}

void JanusInstance::onDown(const Error &error)
{
    const bool wasReady = isReady();
    m_forward.stop();
    m_mountpoint = 0;
    m_control = 0;
    const Error gone = makeError(ErrorCode::Unavailable,
        QStringLiteral("Janus %1 is unavailable: %2").arg(url().toDisplayString(), error.message));
    for (const QString &peer : m_peers.keys())
        failPeer(peer, gone);
    if (wasReady)
        emit readyChanged(false);
    else
        emit attemptFailed(gone);
    if (m_client.isReady())
        m_client.close(); // a refusal on a live session (no mountpoint): start afresh
    if (!m_retry.isActive()) {
        m_retry.start(m_retryMs);
        m_retryMs = std::min(m_retryMs * 2, kLastRetryMs);
    }
}

Status JanusInstance::addPeer(const QString &id)
{
    if (!isReady())
        return makeError(ErrorCode::Unavailable,
            QStringLiteral("Janus %1 is not ready").arg(url().toDisplayString()));
    if (m_peers.contains(id))
        return makeError(ErrorCode::Conflict, QStringLiteral("peer %1 exists already").arg(id),
            QStringLiteral("peer"));
    m_peers.insert(id, Peer {});
    m_client.attach(kStreamingPlugin, [this, id](const Result<JanusMessage> &reply) {
        auto peer = m_peers.find(id);
        if (peer == m_peers.end())
            return;
        if (reply && reply->dataId != 0)
            peer->handle = reply->dataId;
        if (peer->removing) {
            // remove-peer came while attaching: finish it now the handle is known.
            m_peers.erase(peer);
            if (reply && reply->dataId)
                m_client.detach(reply->dataId, {});
            emit outgoing(SignalMessage::peerRemoved(id));
            return;
        }
        if (!reply)
            return failPeer(id, reply.error());
        if (reply->dataId == 0)
            return failPeer(
                id, makeError(ErrorCode::Unavailable, QStringLiteral("Janus gave no handle")));
        watch(id);
    });
    return success();
}

void JanusInstance::watch(const QString &id)
{
    const qint64 handle = m_peers.value(id).handle;
    const QJsonObject body {{QStringLiteral("request"), QStringLiteral("watch")},
        {QStringLiteral("id"), double(m_mountpoint)}, {QStringLiteral("pin"), m_pin}};
    m_client.message(handle, body, {}, [this, id, handle](const Result<JanusMessage> &reply) {
        auto peer = m_peers.find(id);
        if (peer == m_peers.end() || peer->handle != handle || peer->removing)
            return;
        auto watched = reply ? parseStreamingReply(*reply) : Result<StreamingReply>(reply.error());
        if (!watched)
            return failPeer(id, watched.error());
        if (reply->jsepType != QLatin1String("offer"))
            return failPeer(id,
                makeError(ErrorCode::Unavailable, QStringLiteral("Janus made no offer to watch")));
        peer->offered = true;
        const QList<SignalMessage> early = std::exchange(peer->earlyCandidates, {});
        emit outgoing(SignalMessage::offer(id, reply->jsepSdp));
        for (const SignalMessage &candidate : early)
            emit outgoing(candidate);
    });
}

Status JanusInstance::removePeer(const QString &id)
{
    auto peer = m_peers.find(id);
    if (peer == m_peers.end() || peer->removing)
        return makeError(
            ErrorCode::NotFound, QStringLiteral("no peer %1").arg(id), QStringLiteral("peer"));
    peer->removing = true;
    if (peer->handle == 0)
        return success(); // the attach callback finishes the removal
    // Detaching the handle hangs its PeerConnection up in Janus (DTLS alert to the bridge).
    m_client.detach(peer->handle, [this, id](const Result<JanusMessage> &reply) {
        if (!reply)
            qCInfo(lcMedia).noquote()
                << "detaching" << id << "from Janus:" << reply.error().message;
        if (m_peers.remove(id))
            emit outgoing(SignalMessage::peerRemoved(id));
    });
    return success();
}

Status JanusInstance::handle(const SignalMessage &message)
{
    auto peer = m_peers.find(message.peer);
    if (peer == m_peers.end() || peer->removing)
        return makeError(ErrorCode::NotFound, QStringLiteral("no peer %1").arg(message.peer),
            QStringLiteral("peer"));
    const QString id = message.peer;
    if (message.type == SignalType::Answer) {
        if (!peer->offered || peer->answered)
            return makeError(ErrorCode::Conflict,
                peer->answered ? QStringLiteral("peer %1 has already answered").arg(id)
                               : QStringLiteral("peer %1 has no offer to answer yet").arg(id),
                QStringLiteral("peer"));
        peer->answered = true;
        const qint64 handle = peer->handle;
        m_client.message(handle, {{QStringLiteral("request"), QStringLiteral("start")}},
            {{QStringLiteral("type"), QStringLiteral("answer")},
                {QStringLiteral("sdp"), message.sdp}},
            [this, id, handle](const Result<JanusMessage> &reply) {
                auto current = m_peers.find(id);
                if (current == m_peers.end() || current->handle != handle || current->removing)
                    return;
                auto started
                    = reply ? parseStreamingReply(*reply) : Result<StreamingReply>(reply.error());
                if (!started)
                    return failPeer(id, started.error());
            });
        setState(id, QStringLiteral("connecting"));
        return success();
    }
    if (message.type == SignalType::Candidate) {
        if (!peer->offered)
            return makeError(ErrorCode::Conflict,
                QStringLiteral("peer %1 has no offer yet").arg(id), QStringLiteral("peer"));
        m_client.trickle(peer->handle, message.mline, message.candidate);
        return success();
    }
    return makeError(ErrorCode::UnknownType,
        QStringLiteral("a Janus peer does not take %1 messages").arg(signalTypeName(message.type)),
        QStringLiteral("type"));
}

QString JanusInstance::peerOfHandle(qint64 handle) const
{
    for (auto it = m_peers.begin(); it != m_peers.end(); ++it) {
        if (it->handle == handle)
            return it.key();
    }
    return {};
}

void JanusInstance::onHandleEvent(const JanusMessage &message)
{
    const QString id = peerOfHandle(message.sender);
    if (id.isEmpty() || m_peers.value(id).removing)
        return;
    switch (message.kind) {
    case JanusKind::Trickle:
        // The end of Janus's candidates has no signaling message: webrtcbin needs none.
        if (message.candidatesCompleted)
            break;
        if (auto peer = m_peers.find(id); !peer->offered)
            peer->earlyCandidates << SignalMessage::iceCandidate(
                id, message.mline, message.candidate);
        else
            emit outgoing(SignalMessage::iceCandidate(id, message.mline, message.candidate));
        break;
    case JanusKind::WebrtcUp:
        setState(id, QStringLiteral("connected"));
        break;
    case JanusKind::Hangup:
        setState(id, QStringLiteral("failed"));
        failPeer(id,
            makeError(
                ErrorCode::Unavailable, QStringLiteral("Janus hung up: %1").arg(message.reason)));
        break;
    case JanusKind::Detached:
        failPeer(id, makeError(ErrorCode::Unavailable, QStringLiteral("Janus detached the peer")));
        break;
    case JanusKind::Media:
        // About what Janus receives from the bridge, which sends nothing but RTCP here.
        qCDebug(lcMedia).noquote() << "Janus media" << id << message.mediaType << message.receiving;
        break;
    case JanusKind::SlowLink:
        qCInfo(lcMedia).noquote() << "Janus reports a slow link to" << id;
        break;
    case JanusKind::Event:
        if (auto event = parseStreamingReply(message); !event)
            failPeer(id, event.error());
        else if (event->status == QLatin1String("stopped"))
            failPeer(
                id, makeError(ErrorCode::Unavailable, QStringLiteral("Janus stopped the stream")));
        break;
    default:
        break;
    }
}

void JanusInstance::setState(const QString &id, const QString &state)
{
    auto peer = m_peers.find(id);
    if (peer == m_peers.end() || peer->state == state)
        return;
    peer->state = state;
    emit outgoing(SignalMessage::peerState(id, state));
}

void JanusInstance::failPeer(const QString &id, const Error &error)
{
    auto peer = m_peers.find(id);
    if (peer == m_peers.end())
        return;
    const qint64 handle = peer->handle;
    const bool removing = peer->removing;
    qCWarning(lcMedia).noquote() << "Janus peer" << id << "failed:" << error.message;
    if (!removing) {
        emit outgoing(SignalMessage::failure(id, error));
        if (peer->state != QLatin1String("failed"))
            emit outgoing(SignalMessage::peerState(id, QStringLiteral("failed")));
    }
    m_peers.remove(id);
    if (handle && m_client.isReady())
        m_client.detach(handle, {});
    emit outgoing(SignalMessage::peerRemoved(id));
}

void JanusInstance::queryViewers(std::function<void(int)> done)
{
    if (!isReady())
        return done(-1);
    m_client.message(m_control,
        {{QStringLiteral("request"), QStringLiteral("info")},
            {QStringLiteral("id"), double(m_mountpoint)}, {QStringLiteral("secret"), m_secret}},
        {}, [done](const Result<JanusMessage> &reply) {
            auto info = reply ? parseStreamingReply(*reply) : Result<StreamingReply>(reply.error());
            done(info ? info->viewers : -1);
        });
}

} // namespace chamber::media
