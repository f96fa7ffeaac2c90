#include "media/senderpeer.h"

#include "media/gstsupport.h"

#include <atomic>

namespace chamber::media {

namespace {
// Unique element names even when a peer id comes back after its removal.
std::atomic<quint64> g_branchSerial {0};
} // namespace

SenderPeer::SenderPeer(QString id, GstElement *pipeline, GstElement *videoTee, GstElement *audioTee,
    WebrtcSettings settings, QObject *parent)
    : QObject(parent)
    , m_id(std::move(id))
    , m_pipeline(pipeline)
    , m_videoTee(videoTee)
    , m_audioTee(audioTee)
    , m_settings(std::move(settings))
{ }

SenderPeer::~SenderPeer()
{
    // Normally remove() has taken everything out; when the whole programme goes down first,
    // webrtcbin must not call back into a destroyed peer.
    if (m_webrtc)
        g_signal_handlers_disconnect_by_data(m_webrtc.get(), this);
}

Status SenderPeer::buildBranch(Branch *branch, const char *kind)
{
    auto queue = makeElement("queue");
    if (!queue)
        return queue.error();
    // Leaky: a slow peer loses its own packets (and asks for a keyframe) instead of holding
    // the tee, and with it every other bridge.
    g_object_set(queue->get(), "leaky", 2, "max-size-buffers", 0u, "max-size-bytes", 0u,
        "max-size-time", guint64(500 * GST_MSECOND), nullptr);
    branch->queue = *queue;
    if (!gst_bin_add(GST_BIN(m_pipeline), branch->queue.get()))
        return makeError(ErrorCode::Internal,
            QStringLiteral("cannot add the %1 queue").arg(QLatin1String(kind)));

    branch->webrtcSink = PadRef::adopt(gst_element_request_pad_simple(m_webrtc.get(), "sink_%u"));
    if (!branch->webrtcSink)
        return makeError(ErrorCode::Internal, QStringLiteral("webrtcbin gave no sink pad"));
    GstWebRTCRTPTransceiver *transceiver = nullptr;
    g_object_get(branch->webrtcSink.get(), "transceiver", &transceiver, nullptr);
    if (!transceiver)
        return makeError(
            ErrorCode::Internal, QStringLiteral("webrtcbin's sink pad has no transceiver"));
    // Set before the offer is made, so it carries rtx and the nack feedback lines. Video only:
    // a lost 20 ms of Opus is concealed by the decoder sooner than a resend could arrive, and
    // Chromium refuses an offer with rtx on its audio section ("Failed to add remote stream
    // ssrc" for the audio mid), so the browser page could not watch.
    const bool nack = m_settings.nack && qstrcmp(kind, "video") == 0;
    g_object_set(transceiver, "direction", GST_WEBRTC_RTP_TRANSCEIVER_DIRECTION_SENDONLY, "do-nack",
        gboolean(nack), nullptr);
    gst_object_unref(transceiver);
    PadRef queueSrc = PadRef::adopt(gst_element_get_static_pad(branch->queue.get(), "src"));
    if (gst_pad_link(queueSrc.get(), branch->webrtcSink.get()) != GST_PAD_LINK_OK)
        return makeError(ErrorCode::Internal,
            QStringLiteral("cannot link the %1 queue to webrtcbin").arg(QLatin1String(kind)));
    return success();
}

Status SenderPeer::start()
{
    const QString name = QStringLiteral("peer-%1-%2").arg(m_id).arg(++g_branchSerial);
    auto webrtc = makeElement("webrtcbin", name);
    if (!webrtc)
        return webrtc.error();
    m_webrtc = *webrtc;
    if (auto configured = configureWebrtcbin(m_webrtc.get(), m_settings); !configured)
        return configured;
    g_signal_connect(
        m_webrtc.get(), "on-negotiation-needed", G_CALLBACK(onNegotiationNeeded), this);
    g_signal_connect(m_webrtc.get(), "on-ice-candidate", G_CALLBACK(onIceCandidate), this);
    g_signal_connect(
        m_webrtc.get(), "notify::connection-state", G_CALLBACK(onConnectionState), this);
    if (!gst_bin_add(GST_BIN(m_pipeline), m_webrtc.get()))
        return makeError(ErrorCode::Internal, QStringLiteral("cannot add webrtcbin"));

    if (auto built = buildBranch(&m_video, "video"); !built)
        return built;
    if (auto built = buildBranch(&m_audio, "audio"); !built)
        return built;

    // Downstream first: webrtcbin, then the queues, all PLAYING before any data can come.
    if (!gst_element_sync_state_with_parent(m_webrtc.get())
        || !gst_element_sync_state_with_parent(m_video.queue.get())
        || !gst_element_sync_state_with_parent(m_audio.queue.get()))
        return makeError(ErrorCode::Internal, QStringLiteral("the peer's branch did not start"));

    // The tee pads last.
    for (auto [branch, tee] :
        {std::pair {&m_video, m_videoTee}, std::pair {&m_audio, m_audioTee}}) {
        branch->teePad = PadRef::adopt(gst_element_request_pad_simple(tee, "src_%u"));
        PadRef queueSink = PadRef::adopt(gst_element_get_static_pad(branch->queue.get(), "sink"));
        if (!branch->teePad
            || gst_pad_link(branch->teePad.get(), queueSink.get()) != GST_PAD_LINK_OK)
            return makeError(
                ErrorCode::Internal, QStringLiteral("cannot link the programme's tee"));
    }
    return success();
}

void SenderPeer::onNegotiationNeeded(GstElement *, gpointer self)
{
    auto *peer = static_cast<SenderPeer *>(self);
    postToQtThread(peer, [peer] { peer->createOffer(); });
}

void SenderPeer::createOffer()
{
    if (m_offerStarted || m_removing)
        return;
    m_offerStarted = true;
    GstPromise *promise = promiseOnQtThread(this, [this](GstPromise *reply) {
        if (m_removing)
            return;
        if (const QString error = promiseError(reply); !error.isEmpty())
            return fail(QStringLiteral("creating the offer failed: ") + error);
        GstWebRTCSessionDescription *offer = nullptr;
        gst_structure_get(gst_promise_get_reply(reply), "offer",
            GST_TYPE_WEBRTC_SESSION_DESCRIPTION, &offer, nullptr);
        if (!offer)
            return fail(QStringLiteral("webrtcbin made no offer"));
        SessionDescriptionPtr owned(offer);
        g_signal_emit_by_name(m_webrtc.get(), "set-local-description", offer, nullptr);
        emit outgoing(SignalMessage::offer(m_id, sdpText(offer)));
    });
    g_signal_emit_by_name(m_webrtc.get(), "create-offer", nullptr, promise);
}

Status SenderPeer::applyAnswer(const QString &sdp)
{
    if (!m_offerStarted || m_answered)
        return makeError(ErrorCode::Conflict,
            m_answered ? QStringLiteral("peer %1 has already answered").arg(m_id)
                       : QStringLiteral("peer %1 has no offer to answer yet").arg(m_id),
            QStringLiteral("peer"));
    auto answer = parseSessionDescription(GST_WEBRTC_SDP_TYPE_ANSWER, sdp);
    if (!answer)
        return answer.error();
    m_answered = true;
    GstPromise *promise = promiseOnQtThread(this, [this](GstPromise *reply) {
        if (const QString error = promiseError(reply); !error.isEmpty())
            fail(QStringLiteral("the answer was refused: ") + error);
    });
    g_signal_emit_by_name(m_webrtc.get(), "set-remote-description", answer->get(), promise);
    return success();
}

Status SenderPeer::addRemoteCandidate(int mline, const QString &candidate)
{
    if (!m_offerStarted)
        return makeError(ErrorCode::Conflict, QStringLiteral("peer %1 has no offer yet").arg(m_id),
            QStringLiteral("peer"));
    g_signal_emit_by_name(
        m_webrtc.get(), "add-ice-candidate", guint(mline), candidate.toUtf8().constData());
    return success();
}

void SenderPeer::onIceCandidate(GstElement *, guint mline, gchar *candidate, gpointer self)
{
    auto *peer = static_cast<SenderPeer *>(self);
    const QString text = QString::fromUtf8(candidate);
    postToQtThread(peer, [peer, mline, text] {
        if (!peer->m_removing)
            emit peer->outgoing(SignalMessage::iceCandidate(peer->m_id, int(mline), text));
    });
}

void SenderPeer::onConnectionState(GObject *, GParamSpec *, gpointer self)
{
    auto *peer = static_cast<SenderPeer *>(self);
    postToQtThread(peer, [peer] { peer->updateState(); });
}

void SenderPeer::updateState()
{
    if (!m_webrtc || m_removing)
        return;
    GstWebRTCPeerConnectionState state = GST_WEBRTC_PEER_CONNECTION_STATE_NEW;
    g_object_get(m_webrtc.get(), "connection-state", &state, nullptr);
    const QString name = connectionStateName(state);
    if (name == m_state)
        return;
    m_state = name;
    emit outgoing(SignalMessage::peerState(m_id, m_state));
}

void SenderPeer::fail(const QString &message)
{
    emit outgoing(SignalMessage::failure(m_id, makeError(ErrorCode::Internal, message)));
}

void SenderPeer::remove(std::function<void()> done)
{
    if (m_removing)
        return;
    m_removing = true;
    m_removed = std::move(done);
    if (m_webrtc)
        g_signal_handlers_disconnect_by_data(m_webrtc.get(), this);
    int pending = 0;
    for (Branch *branch : {&m_video, &m_audio}) {
        if (!branch->teePad) {
            continue;
        }
        ++pending;
        struct Unlink
        {
            SenderPeer *peer;
            GstPad *queueSink;
            std::atomic_bool done {false};
        };
        auto *unlink = new Unlink {this, gst_element_get_static_pad(branch->queue.get(), "sink")};
        gst_pad_add_probe(
            branch->teePad.get(), GST_PAD_PROBE_TYPE_IDLE,
            [](GstPad *teePad, GstPadProbeInfo *, gpointer data) {
                auto *unlink = static_cast<Unlink *>(data);
                // IDLE probes can fire once more from another thread before removal.
                if (unlink->done.exchange(true))
                    return GST_PAD_PROBE_REMOVE;
                gst_pad_unlink(teePad, unlink->queueSink);
                SenderPeer *peer = unlink->peer;
                postToQtThread(peer, [peer] { peer->branchUnlinked(); });
                return GST_PAD_PROBE_REMOVE;
            },
            unlink,
            [](gpointer data) {
                auto *unlink = static_cast<Unlink *>(data);
                gst_object_unref(unlink->queueSink);
                delete unlink;
            });
    }
    m_branchesUnlinked = 2 - pending;
    if (pending == 0)
        postToQtThread(this, [this] { finishRemoval(); });
}

void SenderPeer::branchUnlinked()
{
    if (++m_branchesUnlinked == 2)
        finishRemoval();
}

void SenderPeer::finishRemoval()
{
    for (auto [branch, tee] :
        {std::pair {&m_video, m_videoTee}, std::pair {&m_audio, m_audioTee}}) {
        if (branch->teePad)
            gst_element_release_request_pad(tee, branch->teePad.get());
        branch->teePad.reset();
    }
    // Nothing flows into the branch any more: stopping it cannot hold up the programme.
    for (GstElement *element : {m_webrtc.get(), m_video.queue.get(), m_audio.queue.get()}) {
        if (!element)
            continue;
        gst_element_set_state(element, GST_STATE_NULL);
        if (GST_OBJECT_PARENT(element) == GST_OBJECT(m_pipeline))
            gst_bin_remove(GST_BIN(m_pipeline), element);
    }
    m_video = {};
    m_audio = {};
    m_webrtc.reset();
    if (m_removed)
        m_removed();
}

} // namespace chamber::media
