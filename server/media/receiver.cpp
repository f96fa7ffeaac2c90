#include "media/receiver.h"

#include "media/gstsupport.h"

#include <gst/app/gstappsink.h>
#include <gst/video/video.h>

namespace chamber::media {

QStringList MediaReceiver::requiredElements()
{
    // fakesink counts frames when video is not decoded (ReceiverConfig::decodeVideo).
    return {QStringLiteral("webrtcbin"), QStringLiteral("nicesrc"), QStringLiteral("nicesink"),
        QStringLiteral("rtph264depay"), QStringLiteral("avdec_h264"),
        QStringLiteral("rtpopusdepay"), QStringLiteral("opusdec"), QStringLiteral("appsink"),
        QStringLiteral("fakesink"), QStringLiteral("queue"), QStringLiteral("videoconvert"),
        QStringLiteral("audioconvert"), QStringLiteral("audioresample"),
        QStringLiteral("dtlssrtpdec"), QStringLiteral("srtpdec")};
}

MediaReceiver::MediaReceiver(QString peer, ReceiverConfig config)
    : m_peer(std::move(peer))
    , m_config(std::move(config))
    , m_videoFilter(m_config.webrtc.latencyMs, m_config.staleMs)
    , m_audioFilter(m_config.webrtc.latencyMs, m_config.staleMs)
    , m_videoBacklog(m_config.webrtc.latencyMs + m_config.staleMs)
    , m_audioBacklog(m_config.webrtc.latencyMs + m_config.staleMs)
{
    m_videoBacklog.setOnBacklog([this] { postToQtThread(this, [this] { requestKeyFrame(); }); });
}

Result<std::unique_ptr<MediaReceiver>> MediaReceiver::create(QString peer, ReceiverConfig config)
{
    if (!isValidPeerId(peer))
        return makeError(
            ErrorCode::BadField, QStringLiteral("bad peer id"), QStringLiteral("peer"));
    if (auto present = requireElements(requiredElements()); !present)
        return present.error();
    std::unique_ptr<MediaReceiver> receiver(new MediaReceiver(std::move(peer), std::move(config)));
    if (auto started = receiver->start(); !started)
        return started.error();
    return receiver;
}

MediaReceiver::~MediaReceiver()
{
    if (m_webrtc)
        g_signal_handlers_disconnect_by_data(m_webrtc.get(), this);
    m_bus.reset();
    // Joins every streaming thread, so no callback runs into a half-destroyed receiver.
    if (m_pipeline)
        gst_element_set_state(m_pipeline.get(), GST_STATE_NULL);
}

Status MediaReceiver::start()
{
    m_pipeline = ElementRef::adopt(
        gst_pipeline_new((QStringLiteral("receiver-") + m_peer).toUtf8().constData()));
    auto webrtc = makeElement("webrtcbin", QStringLiteral("webrtc"));
    if (!webrtc)
        return webrtc.error();
    m_webrtc = *webrtc;
    if (auto configured = configureWebrtcbin(m_webrtc.get(), m_config.webrtc); !configured)
        return configured;
    gst_bin_add(GST_BIN(m_pipeline.get()), m_webrtc.get());
    g_signal_connect(m_webrtc.get(), "pad-added", G_CALLBACK(onPadAdded), this);
    g_signal_connect(m_webrtc.get(), "on-ice-candidate", G_CALLBACK(onIceCandidate), this);
    g_signal_connect(
        m_webrtc.get(), "notify::connection-state", G_CALLBACK(onConnectionState), this);
    g_signal_connect(m_webrtc.get(), "on-new-transceiver", G_CALLBACK(onNewTransceiver), this);

    m_bus = std::make_unique<BusWatch>(m_pipeline.get());
    connect(m_bus.get(), &BusWatch::errorOccurred, this, [this](const Error &error) {
        qCWarning(lcMedia).noquote() << "receiver" << m_peer << "pipeline error:" << error.message;
        emit failed(error);
    });
    m_watchdog = std::make_unique<MediaWatchdog>(&m_videoFilter, m_config.stallMs);
    connect(m_watchdog.get(), &MediaWatchdog::stalled, this, &MediaReceiver::stalled);
    connect(m_watchdog.get(), &MediaWatchdog::resumed, this, [this](qint64 gapMs) {
        // What arrives after a gap refers to frames the decoder never got: ask for a fresh
        // keyframe now rather than show damage until the next periodic one.
        requestKeyFrame();
        emit resumed(gapMs);
    });

    if (gst_element_set_state(m_pipeline.get(), GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
        return makeError(ErrorCode::Unavailable, QStringLiteral("the receiver did not start"));
    return success();
}

Status MediaReceiver::handle(const SignalMessage &message)
{
    if (message.peer != m_peer)
        return makeError(ErrorCode::NotFound,
            QStringLiteral("this receiver is %1, not %2").arg(m_peer, message.peer),
            QStringLiteral("peer"));
    switch (message.type) {
    case SignalType::Offer: {
        if (m_offered)
            return makeError(ErrorCode::Conflict,
                QStringLiteral("receiver %1 has an offer already").arg(m_peer),
                QStringLiteral("type"));
        auto offer = parseSessionDescription(GST_WEBRTC_SDP_TYPE_OFFER, message.sdp);
        if (!offer)
            return offer.error();
        m_offered = true;
        applyOffer(std::move(offer).value());
        return success();
    }
    case SignalType::Candidate:
        if (!m_offered)
            return makeError(ErrorCode::Conflict, QStringLiteral("a candidate before the offer"),
                QStringLiteral("type"));
        g_signal_emit_by_name(m_webrtc.get(), "add-ice-candidate", guint(message.mline),
            message.candidate.toUtf8().constData());
        return success();
    case SignalType::PeerState:
    case SignalType::PeerRemoved:
    case SignalType::Error:
        // The controller's news about this peer; nothing to do with media here.
        return success();
    default:
        return makeError(ErrorCode::UnknownType,
            QStringLiteral("a receiver does not take %1 messages")
                .arg(signalTypeName(message.type)),
            QStringLiteral("type"));
    }
}

void MediaReceiver::applyOffer(SessionDescriptionPtr offer)
{
    GstPromise *promise = promiseOnQtThread(this, [this](GstPromise *reply) {
        if (const QString error = promiseError(reply); !error.isEmpty())
            return fail(QStringLiteral("the offer was refused: ") + error);
        createAnswer();
    });
    g_signal_emit_by_name(m_webrtc.get(), "set-remote-description", offer.get(), promise);
}

void MediaReceiver::createAnswer()
{
    GstPromise *promise = promiseOnQtThread(this, [this](GstPromise *reply) {
        if (const QString error = promiseError(reply); !error.isEmpty())
            return fail(QStringLiteral("creating the answer failed: ") + error);
        GstWebRTCSessionDescription *answer = nullptr;
        gst_structure_get(gst_promise_get_reply(reply), "answer",
            GST_TYPE_WEBRTC_SESSION_DESCRIPTION, &answer, nullptr);
        if (!answer)
            return fail(QStringLiteral("webrtcbin made no answer"));
        SessionDescriptionPtr owned(answer);
        g_signal_emit_by_name(m_webrtc.get(), "set-local-description", answer, nullptr);
        emit outgoing(SignalMessage::answer(m_peer, sdpText(answer)));
    });
    g_signal_emit_by_name(m_webrtc.get(), "create-answer", nullptr, promise);
}

void MediaReceiver::onNewTransceiver(
    GstElement *, GstWebRTCRTPTransceiver *transceiver, gpointer self)
{
    auto *receiver = static_cast<MediaReceiver *>(self);
    g_object_set(transceiver, "do-nack", gboolean(receiver->m_config.webrtc.nack), nullptr);
}

void MediaReceiver::onIceCandidate(GstElement *, guint mline, gchar *candidate, gpointer self)
{
    auto *receiver = static_cast<MediaReceiver *>(self);
    const QString text = QString::fromUtf8(candidate);
    postToQtThread(receiver, [receiver, mline, text] {
        emit receiver->outgoing(SignalMessage::iceCandidate(receiver->m_peer, int(mline), text));
    });
}

void MediaReceiver::onConnectionState(GObject *, GParamSpec *, gpointer self)
{
    auto *receiver = static_cast<MediaReceiver *>(self);
    postToQtThread(receiver, [receiver] { receiver->updateState(); });
}

void MediaReceiver::updateState()
{
    GstWebRTCPeerConnectionState state = GST_WEBRTC_PEER_CONNECTION_STATE_NEW;
    g_object_get(m_webrtc.get(), "connection-state", &state, nullptr);
    const QString name = connectionStateName(state);
    m_watchdog->setConnected(state == GST_WEBRTC_PEER_CONNECTION_STATE_CONNECTED);
    if (name == m_state)
        return;
    m_state = name;
    emit connectionStateChanged(m_state);
}

void MediaReceiver::fail(const QString &message)
{
    const Error error = makeError(ErrorCode::Internal, message);
    emit outgoing(SignalMessage::failure(m_peer, error));
    emit failed(error);
}

void MediaReceiver::onPadAdded(GstElement *, GstPad *pad, gpointer self)
{
    if (GST_PAD_DIRECTION(pad) == GST_PAD_SRC)
        static_cast<MediaReceiver *>(self)->linkIncoming(pad);
}

// On a streaming thread: webrtcbin announces each decrypted, depacketisable RTP stream.
void MediaReceiver::linkIncoming(GstPad *pad)
{
    CapsRef caps = CapsRef::adopt(gst_pad_get_current_caps(pad));
    if (!caps)
        caps = CapsRef::adopt(gst_pad_query_caps(pad, nullptr));
    const GstStructure *structure = gst_caps_get_structure(caps.get(), 0);
    const QString media = QString::fromUtf8(gst_structure_get_string(structure, "media"));
    const QString encoding
        = QString::fromUtf8(gst_structure_get_string(structure, "encoding-name"));
    Status linked = success();
    if (media == QLatin1String("video") && encoding == QLatin1String("H264"))
        linked = buildVideoBranch(pad);
    else if (media == QLatin1String("audio") && encoding == QLatin1String("OPUS"))
        linked = buildAudioBranch(pad);
    else
        linked = makeError(ErrorCode::Invalid,
            QStringLiteral("unsupported stream %1/%2 from the sender").arg(media, encoding));
    if (!linked) {
        const QString message = linked.error().message;
        postToQtThread(this, [this, message] { fail(message); });
    }
}

Result<ElementRef> MediaReceiver::makeAppSink(bool video)
{
    auto sink = makeElement(
        "appsink", video ? QStringLiteral("video-sink") : QStringLiteral("audio-sink"));
    if (!sink)
        return sink;
    // Never queue up: a display shows the newest frame or none.
    g_object_set(sink->get(), "sync", gboolean(m_config.sync), "max-buffers", 2u, "drop", TRUE,
        "qos", TRUE, "enable-last-sample", FALSE, nullptr);
    if (video) {
        GstAppSinkCallbacks callbacks {};
        callbacks.new_sample = [](GstAppSink *appsink, gpointer self) {
            auto *receiver = static_cast<MediaReceiver *>(self);
            GstSample *sample = gst_app_sink_pull_sample(appsink);
            if (!sample)
                return GST_FLOW_OK;
            {
                QMutexLocker locker(&receiver->m_lock);
                if (receiver->m_sampleHandler)
                    receiver->m_sampleHandler(sample);
            }
            gst_sample_unref(sample);
            return GST_FLOW_OK;
        };
        gst_app_sink_set_callbacks(GST_APP_SINK(sink->get()), &callbacks, this, nullptr);
    } else {
        // Audio buffers are counted by the filter; pull them so the appsink never fills.
        GstAppSinkCallbacks callbacks {};
        callbacks.new_sample = [](GstAppSink *appsink, gpointer self) {
            auto *receiver = static_cast<MediaReceiver *>(self);
            GstSample *sample = gst_app_sink_pull_sample(appsink);
            if (!sample)
                return GST_FLOW_OK;
            {
                QMutexLocker locker(&receiver->m_lock);
                if (receiver->m_audioSampleHandler)
                    receiver->m_audioSampleHandler(sample);
            }
            gst_sample_unref(sample);
            return GST_FLOW_OK;
        };
        gst_app_sink_set_callbacks(GST_APP_SINK(sink->get()), &callbacks, this, nullptr);
    }
    return sink;
}

namespace {
// Adds the chain to `bin`, links it from `pad` and starts it, downstream first.
Status addChain(GstElement *bin, GstPad *pad, std::initializer_list<GstElement *> chain)
{
    for (GstElement *element : chain)
        gst_bin_add(GST_BIN(bin), element);
    GstElement *previous = nullptr;
    for (GstElement *element : chain) {
        if (previous && !gst_element_link(previous, element))
            return makeError(ErrorCode::Internal,
                QStringLiteral("cannot link %1 to %2")
                    .arg(QString::fromUtf8(GST_ELEMENT_NAME(previous)),
                        QString::fromUtf8(GST_ELEMENT_NAME(element))));
        previous = element;
    }
    for (auto it = std::rbegin(chain); it != std::rend(chain); ++it)
        gst_element_sync_state_with_parent(*it);
    PadRef sink = PadRef::adopt(gst_element_get_static_pad(*chain.begin(), "sink"));
    if (gst_pad_link(pad, sink.get()) != GST_PAD_LINK_OK)
        return makeError(ErrorCode::Internal, QStringLiteral("cannot link webrtcbin's stream"));
    return success();
}
} // namespace

Status MediaReceiver::buildVideoBranch(GstPad *pad)
{
    m_videoBacklog.attach(pad);
    auto queue = makeElement("queue", QStringLiteral("video-queue"));
    auto depay = makeElement("rtph264depay", QStringLiteral("video-depay"));
    if (!m_config.decodeVideo) {
        auto counter = makeElement("fakesink", QStringLiteral("video-sink"));
        if (!queue || !depay || !counter)
            return makeError(ErrorCode::Unavailable, QStringLiteral("RTP elements missing"));
        g_object_set(counter->get(), "sync", FALSE, "async", FALSE, nullptr);
        PadRef counterPad = PadRef::adopt(gst_element_get_static_pad(counter->get(), "sink"));
        m_videoFilter.attach(counterPad.get());
        {
            QMutexLocker locker(&m_lock);
            m_videoSink = *counter;
        }
        return addChain(m_pipeline.get(), pad, {queue->get(), depay->get(), counter->get()});
    }
    auto decoder = makeElement("avdec_h264", QStringLiteral("video-decoder"));
    auto convert = makeElement("videoconvert", QStringLiteral("video-convert"));
    if (!queue || !depay || !decoder || !convert)
        return makeError(ErrorCode::Unavailable, QStringLiteral("video decoding elements missing"));
    // Ask the sender for a keyframe (PLI) when packets are lost, and decode nothing before one.
    g_object_set(depay->get(), "request-keyframe", TRUE, "wait-for-keyframe", TRUE, nullptr);
    // Decoding threads add a frame of latency each; one thread decodes 720p in a few ms.
    g_object_set(decoder->get(), "max-threads", 1, nullptr);
    auto sink = m_config.videoSinkFactory ? m_config.videoSinkFactory() : makeAppSink(true);
    if (!sink)
        return sink.error();
    PadRef sinkPad = PadRef::adopt(gst_element_get_static_pad(sink->get(), "sink"));
    if (!sinkPad)
        return makeError(ErrorCode::Internal, QStringLiteral("the video sink has no sink pad"));
    m_videoFilter.attach(sinkPad.get());
    {
        QMutexLocker locker(&m_lock);
        m_videoSink = *sink;
    }
    return addChain(m_pipeline.get(), pad,
        {queue->get(), depay->get(), decoder->get(), convert->get(), sink->get()});
}

Status MediaReceiver::buildAudioBranch(GstPad *pad)
{
    m_audioBacklog.attach(pad);
    auto queue = makeElement("queue", QStringLiteral("audio-queue"));
    auto depay = makeElement("rtpopusdepay", QStringLiteral("audio-depay"));
    auto decoder = makeElement("opusdec", QStringLiteral("audio-decoder"));
    auto convert = makeElement("audioconvert", QStringLiteral("audio-convert"));
    // A loudspeaker may not take 48 kHz; the resampler passes through when it does.
    auto resample = makeElement("audioresample", QStringLiteral("audio-resample"));
    auto sink = m_config.audioSinkFactory ? m_config.audioSinkFactory() : makeAppSink(false);
    if (!queue || !depay || !decoder || !convert || !resample || !sink)
        return makeError(ErrorCode::Unavailable, QStringLiteral("audio decoding elements missing"));
    PadRef sinkPad = PadRef::adopt(gst_element_get_static_pad(sink->get(), "sink"));
    if (sinkPad)
        m_audioFilter.attach(sinkPad.get());
    return addChain(m_pipeline.get(), pad,
        {queue->get(), depay->get(), decoder->get(), convert->get(), resample->get(), sink->get()});
}

void MediaReceiver::requestKeyFrame()
{
    ElementRef sink;
    {
        QMutexLocker locker(&m_lock);
        sink = m_videoSink;
    }
    if (!sink)
        return;
    ++m_keyFramesRequested;
    // Upstream from the sink: decoder and depayloader pass it on, webrtcbin's RTP session
    // turns it into a PLI to the sender.
    gst_element_send_event(
        sink.get(), gst_video_event_new_upstream_force_key_unit(GST_CLOCK_TIME_NONE, TRUE, 0));
}

void MediaReceiver::setVideoSampleHandler(std::function<void(GstSample *)> handler)
{
    QMutexLocker locker(&m_lock);
    m_sampleHandler = std::move(handler);
}

void MediaReceiver::setAudioSampleHandler(std::function<void(GstSample *)> handler)
{
    QMutexLocker locker(&m_lock);
    m_audioSampleHandler = std::move(handler);
}

ReceiverStats MediaReceiver::stats() const
{
    ReceiverStats stats;
    stats.videoFrames = m_videoFilter.passed();
    stats.audioBuffers = m_audioFilter.passed();
    stats.staleVideoDropped = m_videoFilter.dropped();
    stats.staleAudioDropped = m_audioFilter.dropped();
    stats.backlogVideoPackets = m_videoBacklog.dropped();
    stats.backlogAudioPackets = m_audioBacklog.dropped();
    stats.keyFramesRequested = m_keyFramesRequested;
    stats.stalls = m_watchdog ? m_watchdog->stalls() : 0;
    ElementRef sink;
    {
        QMutexLocker locker(&m_lock);
        sink = m_videoSink;
    }
    if (sink) {
        PadRef pad = PadRef::adopt(gst_element_get_static_pad(sink.get(), "sink"));
        if (CapsRef caps = CapsRef::adopt(gst_pad_get_current_caps(pad.get()))) {
            GstVideoInfo info;
            if (gst_video_info_from_caps(&info, caps.get()))
                stats.videoSize = QSize(GST_VIDEO_INFO_WIDTH(&info), GST_VIDEO_INFO_HEIGHT(&info));
        }
    }
    return stats;
}

} // namespace chamber::media
