#include "media/returnpeer.h"

#include "media/gstsupport.h"

#include <gst/video/video.h>

namespace chamber::media {

namespace {
std::atomic<quint64> g_returnSerial {0};

// The programme's running time now (what its live sources stamp their buffers with).
GstClockTime runningTimeNow(GstElement *pipeline)
{
    ClockRef clock = ClockRef::adopt(gst_element_get_clock(pipeline));
    if (!clock)
        return GST_CLOCK_TIME_NONE;
    const GstClockTime now = gst_clock_get_time(clock.get());
    const GstClockTime base = gst_element_get_base_time(pipeline);
    return now > base ? now - base : 0;
}
} // namespace

ReturnPeer::ReturnPeer(QString id, ReturnTargets targets, WebrtcSettings settings, QObject *parent)
    : QObject(parent)
    , m_id(std::move(id))
    , m_prefix(QStringLiteral("return-%1-%2").arg(m_id).arg(++g_returnSerial))
    , m_targets(targets)
    , m_settings(std::move(settings))
{
    gst_segment_init(&m_audioSegment, GST_FORMAT_TIME);
}

ReturnPeer::~ReturnPeer()
{
    stop();
}

QString ReturnPeer::name(const char *part) const
{
    return m_prefix + QLatin1Char('-') + QLatin1String(part);
}

Status ReturnPeer::start(SessionDescriptionPtr offer)
{
    auto webrtc = makeElement("webrtcbin", m_prefix);
    if (!webrtc)
        return webrtc.error();
    m_webrtc = *webrtc;
    if (auto configured = configureWebrtcbin(m_webrtc.get(), m_settings); !configured)
        return configured;
    g_signal_connect(m_webrtc.get(), "pad-added", G_CALLBACK(onPadAdded), this);
    g_signal_connect(m_webrtc.get(), "on-ice-candidate", G_CALLBACK(onIceCandidate), this);
    g_signal_connect(
        m_webrtc.get(), "notify::connection-state", G_CALLBACK(onConnectionState), this);
    g_signal_connect(m_webrtc.get(), "on-new-transceiver", G_CALLBACK(onNewTransceiver), this);
    if (!gst_bin_add(GST_BIN(m_targets.pipeline), m_webrtc.get()))
        return makeError(ErrorCode::Internal, QStringLiteral("cannot add the return's webrtcbin"));
    if (!gst_element_sync_state_with_parent(m_webrtc.get()))
        return makeError(
            ErrorCode::Internal, QStringLiteral("the return's webrtcbin did not start"));

    GstPromise *promise = promiseOnQtThread(this, [this](GstPromise *reply) {
        if (m_stopped)
            return;
        if (const QString error = promiseError(reply); !error.isEmpty())
            return fail(QStringLiteral("the return offer was refused: ") + error);
        createAnswer();
    });
    g_signal_emit_by_name(m_webrtc.get(), "set-remote-description", offer.get(), promise);
    return success();
}

void ReturnPeer::createAnswer()
{
    GstPromise *promise = promiseOnQtThread(this, [this](GstPromise *reply) {
        if (m_stopped)
            return;
        if (const QString error = promiseError(reply); !error.isEmpty())
            return fail(QStringLiteral("creating the return answer failed: ") + error);
        GstWebRTCSessionDescription *answer = nullptr;
        gst_structure_get(gst_promise_get_reply(reply), "answer",
            GST_TYPE_WEBRTC_SESSION_DESCRIPTION, &answer, nullptr);
        if (!answer)
            return fail(QStringLiteral("webrtcbin made no return answer"));
        SessionDescriptionPtr owned(answer);
        g_signal_emit_by_name(m_webrtc.get(), "set-local-description", answer, nullptr);
        emit outgoing(SignalMessage::returnAnswer(m_id, sdpText(answer)));
    });
    g_signal_emit_by_name(m_webrtc.get(), "create-answer", nullptr, promise);
}

Status ReturnPeer::addRemoteCandidate(int mline, const QString &candidate)
{
    g_signal_emit_by_name(
        m_webrtc.get(), "add-ice-candidate", guint(mline), candidate.toUtf8().constData());
    return success();
}

void ReturnPeer::onNewTransceiver(GstElement *, GstWebRTCRTPTransceiver *transceiver, gpointer self)
{
    auto *peer = static_cast<ReturnPeer *>(self);
    g_object_set(transceiver, "do-nack", gboolean(peer->m_settings.nack), nullptr);
}

void ReturnPeer::onIceCandidate(GstElement *, guint mline, gchar *candidate, gpointer self)
{
    auto *peer = static_cast<ReturnPeer *>(self);
    const QString text = QString::fromUtf8(candidate);
    postToQtThread(peer, [peer, mline, text] {
        if (!peer->m_stopped)
            emit peer->outgoing(SignalMessage::returnCandidate(peer->m_id, int(mline), text));
    });
}

void ReturnPeer::onConnectionState(GObject *, GParamSpec *, gpointer self)
{
    auto *peer = static_cast<ReturnPeer *>(self);
    postToQtThread(peer, [peer] { peer->updateState(); });
}

void ReturnPeer::updateState()
{
    if (!m_webrtc || m_stopped)
        return;
    GstWebRTCPeerConnectionState state = GST_WEBRTC_PEER_CONNECTION_STATE_NEW;
    g_object_get(m_webrtc.get(), "connection-state", &state, nullptr);
    const QString name = connectionStateName(state);
    if (name == m_state)
        return;
    m_state = name;
    emit outgoing(SignalMessage::returnState(m_id, m_state));
}

void ReturnPeer::fail(const QString &message)
{
    emit outgoing(SignalMessage::failure(m_id, makeError(ErrorCode::Internal, message)));
}

Result<ElementRef> ReturnPeer::makeDrop(bool video)
{
    auto drop = makeElement("fakesink", name(video ? "video-drop" : "audio-drop"));
    if (!drop)
        return drop;
    g_object_set(drop->get(), "sync", FALSE, "async", FALSE, "enable-last-sample", FALSE, nullptr);
    PadRef pad = PadRef::adopt(gst_element_get_static_pad(drop->get(), "sink"));
    gst_pad_add_probe(pad.get(), GST_PAD_PROBE_TYPE_BUFFER, &ReturnPeer::onDropped, this, nullptr);
    gst_bin_add(GST_BIN(m_targets.pipeline), drop->get());
    gst_element_sync_state_with_parent(drop->get());
    return drop;
}

GstPadProbeReturn ReturnPeer::onDropped(GstPad *, GstPadProbeInfo *, gpointer self)
{
    ++static_cast<ReturnPeer *>(self)->m_droppedPackets;
    return GST_PAD_PROBE_OK;
}

// On a streaming thread: the pad must be linked before webrtcbin pushes into it (an unlinked
// pad would stop its stream), so it goes to a fakesink at once; the Qt thread decides later.
void ReturnPeer::onPadAdded(GstElement *, GstPad *pad, gpointer self)
{
    if (GST_PAD_DIRECTION(pad) != GST_PAD_SRC)
        return;
    auto *peer = static_cast<ReturnPeer *>(self);
    CapsRef caps = CapsRef::adopt(gst_pad_get_current_caps(pad));
    if (!caps)
        caps = CapsRef::adopt(gst_pad_query_caps(pad, nullptr));
    const GstStructure *structure = gst_caps_get_structure(caps.get(), 0);
    const QString media = QString::fromUtf8(gst_structure_get_string(structure, "media"));
    const QString encoding
        = QString::fromUtf8(gst_structure_get_string(structure, "encoding-name"));
    const bool video = media == QLatin1String("video") && encoding == QLatin1String("H264");
    const bool audio = media == QLatin1String("audio") && encoding == QLatin1String("OPUS");
    auto drop = peer->makeDrop(video);
    if (!drop)
        return;
    PadRef dropPad = PadRef::adopt(gst_element_get_static_pad(drop->get(), "sink"));
    gst_pad_link(pad, dropPad.get());
    if (!video && !audio) {
        // Kept at the fakesink for good; the bridge is told.
        const QString message
            = QStringLiteral("unsupported return stream %1/%2").arg(media, encoding);
        postToQtThread(peer, [peer, message] { peer->fail(message); });
        return;
    }
    PadRef source = PadRef::share(pad);
    ElementRef dropElement = *drop;
    postToQtThread(peer,
        [peer, video, source, dropElement] { peer->streamArrived(video, source, dropElement); });
}

void ReturnPeer::streamArrived(bool video, PadRef source, ElementRef drop)
{
    if (m_stopped)
        return;
    Stream *stream = video ? &m_video : &m_audio;
    if (stream->source)
        return; // one stream of each kind; another one stays at its fakesink
    stream->source = std::move(source);
    stream->drop = std::move(drop);
    applyDecoding(stream, video);
}

void ReturnPeer::setDecoding(bool decoding)
{
    if (m_stopped || decoding == m_decodeWanted)
        return;
    m_decodeWanted = decoding;
    if (decoding)
        m_lastDecodedNs = 0; // "on air" waits for this decoding's first frame
    applyDecoding(&m_video, true);
    applyDecoding(&m_audio, false);
}

void ReturnPeer::applyDecoding(Stream *stream, bool video)
{
    if (!stream->source || stream->decoding == m_decodeWanted)
        return;
    if (m_decodeWanted) {
        if (auto started = startDecoding(stream, video); !started)
            fail(started.error().message);
    } else {
        stopDecoding(stream);
    }
}

Status ReturnPeer::startDecoding(Stream *stream, bool video)
{
    QList<ElementRef> chain;
    const auto add = [&](const char *factory, const char *part) -> GstElement * {
        auto element = makeElement(factory, name(part));
        if (!element)
            return nullptr;
        chain << *element;
        return element->get();
    };
    GstElement *head = add("queue", video ? "video-queue" : "audio-queue");
    GstElement *tail = nullptr;
    if (video) {
        GstElement *depay = add("rtph264depay", "video-depay");
        GstElement *decoder = add("avdec_h264", "video-decoder");
        add("videoconvert", "video-convert");
        GstElement *scale = add("videoscale", "video-scale");
        add("videorate", "video-rate");
        GstElement *caps = add("capsfilter", "video-caps");
        tail = add("queue", "video-out");
        if (chain.size() != 8)
            return makeError(
                ErrorCode::Unavailable, QStringLiteral("return decoding elements missing"));
        g_object_set(depay, "request-keyframe", TRUE, "wait-for-keyframe", TRUE, nullptr);
        // Joining mid-stream, the first frames cannot be decoded: not an error here.
        g_object_set(decoder, "max-threads", 1, "max-errors", -1, nullptr);
        g_object_set(scale, "add-borders", TRUE, nullptr);
        // The programme's caps exactly, so the encoder sees no change at the switch.
        CapsRef programme = CapsRef::adopt(gst_caps_new_simple("video/x-raw", "format",
            G_TYPE_STRING, "I420", "width", G_TYPE_INT, m_targets.width, "height", G_TYPE_INT,
            m_targets.height, "framerate", GST_TYPE_FRACTION, m_targets.fps, 1,
            "pixel-aspect-ratio", GST_TYPE_FRACTION, 1, 1, nullptr));
        g_object_set(caps, "caps", programme.get(), nullptr);
    } else {
        add("rtpopusdepay", "audio-depay");
        add("opusdec", "audio-decoder");
        add("audioconvert", "audio-convert");
        add("audioresample", "audio-resample");
        GstElement *caps = add("capsfilter", "audio-caps");
        tail = add("queue", "audio-out");
        if (chain.size() != 7)
            return makeError(
                ErrorCode::Unavailable, QStringLiteral("return decoding elements missing"));
        CapsRef mono = CapsRef::adopt(gst_caps_from_string(
            "audio/x-raw,format=S16LE,layout=interleaved,rate=48000,channels=1"));
        g_object_set(caps, "caps", mono.get(), nullptr);
    }
    // Leaky at both ends: a slow decode loses its own frames, never holds webrtcbin or the
    // programme.
    g_object_set(head, "leaky", 2, "max-size-buffers", 0u, "max-size-bytes", 0u, "max-size-time",
        guint64(500 * GST_MSECOND), nullptr);
    g_object_set(tail, "leaky", 2, "max-size-buffers", 3u, "max-size-bytes", 0u, "max-size-time",
        guint64(0), nullptr);
    for (const ElementRef &element : chain)
        gst_bin_add(GST_BIN(m_targets.pipeline), element.get());
    for (qsizetype i = 1; i < chain.size(); ++i) {
        if (!gst_element_link(chain[i - 1].get(), chain[i].get())) {
            dispose(chain);
            return makeError(ErrorCode::Internal, QStringLiteral("cannot link the return's chain"));
        }
    }
    GstElement *target = video ? m_targets.videoSelector : m_targets.audioMixer;
    PadRef targetPad = PadRef::adopt(gst_element_request_pad_simple(target, "sink_%u"));
    PadRef tailSrc = PadRef::adopt(gst_element_get_static_pad(tail, "src"));
    if (!targetPad || gst_pad_link(tailSrc.get(), targetPad.get()) != GST_PAD_LINK_OK) {
        if (targetPad)
            gst_element_release_request_pad(target, targetPad.get());
        dispose(chain);
        return makeError(ErrorCode::Internal,
            QStringLiteral("cannot link the return to the programme's %1")
                .arg(video ? QStringLiteral("selector") : QStringLiteral("mixer")));
    }
    if (!video) {
        // Heard only once the floor shows this bridge.
        g_object_set(targetPad.get(), "mute", TRUE, nullptr);
        m_audioOffset = -1;
    }
    gst_pad_add_probe(tailSrc.get(),
        GstPadProbeType(GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM),
        video ? &ReturnPeer::onDecodedVideo : &ReturnPeer::onDecodedAudio, this, nullptr);
    // The return is re-timed onto "now" where it joins the programme (here for audio, at the
    // selector's output for video), so its jitter buffer's latency is not the programme's:
    // reported upstream it made the live mixer hold the chamber's own audio 100 ms longer.
    gst_pad_add_probe(
        tailSrc.get(), GstPadProbeType(GST_PAD_PROBE_TYPE_QUERY_UPSTREAM | GST_PAD_PROBE_TYPE_PUSH),
        [](GstPad *, GstPadProbeInfo *info, gpointer) {
            GstQuery *query = GST_PAD_PROBE_INFO_QUERY(info);
            if (GST_QUERY_TYPE(query) != GST_QUERY_LATENCY)
                return GST_PAD_PROBE_OK;
            gst_query_set_latency(query, TRUE, 0, GST_CLOCK_TIME_NONE);
            return GST_PAD_PROBE_HANDLED;
        },
        nullptr, nullptr);
    // Downstream first, all PLAYING before webrtcbin's pad is moved over.
    for (auto it = chain.rbegin(); it != chain.rend(); ++it)
        gst_element_sync_state_with_parent(it->get());
    stream->chain = chain;
    stream->target = targetPad;
    stream->decoding = true;

    PadRef headSink = PadRef::adopt(gst_element_get_static_pad(head, "sink"));
    ElementRef drop = stream->drop;
    stream->drop.reset();
    relink(stream->source.get(), headSink.get(), [this, drop, video, tailSrc] {
        dispose({drop});
        // Joining mid-GOP: ask the bridge (PLI) for a keyframe now rather than wait.
        if (video)
            gst_pad_send_event(tailSrc.get(),
                gst_video_event_new_upstream_force_key_unit(GST_CLOCK_TIME_NONE, TRUE, 0));
    });
    return success();
}

void ReturnPeer::stopDecoding(Stream *stream)
{
    auto drop = makeDrop(stream == &m_video);
    if (!drop)
        return fail(drop.error().message);
    stream->drop = *drop;
    const QList<ElementRef> chain = stream->chain;
    PadRef target = stream->target;
    GstElement *owner = stream == &m_video ? m_targets.videoSelector : m_targets.audioMixer;
    stream->chain.clear();
    stream->target.reset();
    stream->decoding = false;
    PadRef dropSink = PadRef::adopt(gst_element_get_static_pad(drop->get(), "sink"));
    relink(stream->source.get(), dropSink.get(), [this, chain, target, owner] {
        // Nothing enters the chain any more: stopping it holds up nothing.
        dispose(chain);
        if (target)
            gst_element_release_request_pad(owner, target.get());
    });
}

void ReturnPeer::relink(GstPad *source, GstPad *newSink, std::function<void()> done)
{
    struct Relink
    {
        ReturnPeer *peer;
        PadRef newSink;
        std::function<void()> done;
        std::atomic_bool ran {false};
    };
    auto *relink = new Relink {this, PadRef::share(newSink), std::move(done)};
    gst_pad_add_probe(
        source, GST_PAD_PROBE_TYPE_IDLE,
        [](GstPad *pad, GstPadProbeInfo *, gpointer data) {
            auto *relink = static_cast<Relink *>(data);
            // IDLE probes can fire once more from another thread before removal.
            if (relink->ran.exchange(true))
                return GST_PAD_PROBE_REMOVE;
            if (PadRef peer = PadRef::adopt(gst_pad_get_peer(pad)))
                gst_pad_unlink(pad, peer.get());
            gst_pad_link(pad, relink->newSink.get());
            postToQtThread(relink->peer, relink->done);
            return GST_PAD_PROBE_REMOVE;
        },
        relink, [](gpointer data) { delete static_cast<Relink *>(data); });
}

void ReturnPeer::dispose(const QList<ElementRef> &elements)
{
    for (const ElementRef &element : elements) {
        if (!element)
            continue;
        gst_element_set_state(element.get(), GST_STATE_NULL);
        if (GST_OBJECT_PARENT(element.get()) == GST_OBJECT(m_targets.pipeline))
            gst_bin_remove(GST_BIN(m_targets.pipeline), element.get());
    }
}

GstPadProbeReturn ReturnPeer::onDecodedVideo(GstPad *, GstPadProbeInfo *info, gpointer self)
{
    if (!(GST_PAD_PROBE_INFO_TYPE(info) & GST_PAD_PROBE_TYPE_BUFFER))
        return GST_PAD_PROBE_OK;
    auto *peer = static_cast<ReturnPeer *>(self);
    ++peer->m_decodedFrames;
    peer->m_lastDecodedNs = monotonicNs();
    return GST_PAD_PROBE_OK;
}

// Decoded audio carries the jitter buffer's timestamps (arrival time, a latency behind): moved
// by one constant offset onto "now" at the mixer, so the live mixer neither drops it as late
// nor waits for it, and its samples stay contiguous.
GstPadProbeReturn ReturnPeer::onDecodedAudio(GstPad *, GstPadProbeInfo *info, gpointer self)
{
    auto *peer = static_cast<ReturnPeer *>(self);
    if (GST_PAD_PROBE_INFO_TYPE(info) & GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM) {
        GstEvent *event = GST_PAD_PROBE_INFO_EVENT(info);
        if (GST_EVENT_TYPE(event) != GST_EVENT_SEGMENT)
            return GST_PAD_PROBE_OK;
        const GstSegment *segment = nullptr;
        gst_event_parse_segment(event, &segment);
        gst_segment_copy_into(segment, &peer->m_audioSegment);
        GstSegment plain;
        gst_segment_init(&plain, GST_FORMAT_TIME);
        GstEvent *replacement = gst_event_new_segment(&plain);
        gst_event_set_seqnum(replacement, gst_event_get_seqnum(event));
        gst_event_unref(event);
        GST_PAD_PROBE_INFO_DATA(info) = replacement;
        return GST_PAD_PROBE_OK;
    }
    GstBuffer *buffer = GST_PAD_PROBE_INFO_BUFFER(info);
    if (!GST_BUFFER_PTS_IS_VALID(buffer))
        return GST_PAD_PROBE_OK;
    const guint64 running = gst_segment_to_running_time(
        &peer->m_audioSegment, GST_FORMAT_TIME, GST_BUFFER_PTS(buffer));
    if (running == GST_CLOCK_TIME_NONE)
        return GST_PAD_PROBE_DROP;
    if (peer->m_audioOffset.load() < 0) {
        const GstClockTime now = runningTimeNow(peer->m_targets.pipeline);
        if (now == GST_CLOCK_TIME_NONE)
            return GST_PAD_PROBE_DROP;
        peer->m_audioOffset = qint64(now) - qint64(running);
    }
    const qint64 pts = qint64(running) + peer->m_audioOffset.load();
    if (pts < 0)
        return GST_PAD_PROBE_DROP;
    buffer = gst_buffer_make_writable(buffer);
    GST_BUFFER_PTS(buffer) = GstClockTime(pts);
    GST_BUFFER_DTS(buffer) = GST_CLOCK_TIME_NONE;
    GST_PAD_PROBE_INFO_DATA(info) = buffer;
    return GST_PAD_PROBE_OK;
}

void ReturnPeer::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    if (m_webrtc)
        g_signal_handlers_disconnect_by_data(m_webrtc.get(), this);
    // webrtcbin first: its pads stop pushing, then nothing flows into the chains or fakesinks.
    if (m_webrtc) {
        gst_element_set_state(m_webrtc.get(), GST_STATE_NULL);
        if (GST_OBJECT_PARENT(m_webrtc.get()) == GST_OBJECT(m_targets.pipeline))
            gst_bin_remove(GST_BIN(m_targets.pipeline), m_webrtc.get());
    }
    for (auto [stream, owner] : {std::pair {&m_video, m_targets.videoSelector},
             std::pair {&m_audio, m_targets.audioMixer}}) {
        dispose(stream->chain);
        dispose({stream->drop});
        if (stream->target)
            gst_element_release_request_pad(owner, stream->target.get());
        *stream = {};
    }
    m_webrtc.reset();
    // And whatever a streaming thread added that never reached this thread (a late pad's
    // fakesink): everything of this return carries its prefix.
    QList<ElementRef> leftovers;
    GstIterator *it = gst_bin_iterate_elements(GST_BIN(m_targets.pipeline));
    GValue item = G_VALUE_INIT;
    while (gst_iterator_next(it, &item) == GST_ITERATOR_OK) {
        auto *element = GST_ELEMENT(g_value_get_object(&item));
        if (QString::fromUtf8(GST_ELEMENT_NAME(element)).startsWith(m_prefix + QLatin1Char('-')))
            leftovers << ElementRef::share(element);
        g_value_reset(&item);
    }
    g_value_unset(&item);
    gst_iterator_free(it);
    dispose(leftovers);
}

} // namespace chamber::media
