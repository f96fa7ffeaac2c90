#include "media/returnsender.h"

#include "media/gstsupport.h"

#include <gst/video/video.h>

#include <QRegularExpression>

#include <cstring>

namespace chamber::media {

namespace {
Status outOfRange(const QString &field, int min, int max)
{
    return makeError(ErrorCode::BadField,
        QStringLiteral("%1 must be from %2 to %3").arg(field).arg(min).arg(max), field);
}

} // namespace

Status ReturnSenderConfig::validate() const
{
    if (width < 16 || width > 1920 || width % 2)
        return outOfRange(QStringLiteral("width (even)"), 16, 1920);
    if (height < 16 || height > 1080 || height % 2)
        return outOfRange(QStringLiteral("height (even)"), 16, 1080);
    if (fps < 1 || fps > 60)
        return outOfRange(QStringLiteral("fps"), 1, 60);
    if (videoKbps < 50 || videoKbps > 10000)
        return outOfRange(QStringLiteral("video-kbps"), 50, 10000);
    if (audioKbps < 8 || audioKbps > 256)
        return outOfRange(QStringLiteral("audio-kbps"), 8, 256);
    if (keyframeSeconds < 1 || keyframeSeconds > 10)
        return outOfRange(QStringLiteral("keyframe-seconds"), 1, 10);
    if (testFrequency < 20 || testFrequency > 20000)
        return outOfRange(QStringLiteral("test-frequency"), 20, 20000);
    if (webrtc.latencyMs < 0 || webrtc.latencyMs > 2000)
        return outOfRange(QStringLiteral("latency"), 0, 2000);
    static const QRegularExpression nick(QStringLiteral("^[a-z0-9-]{1,32}$"));
    if (!nick.match(testPattern).hasMatch())
        return makeError(ErrorCode::BadField,
            QStringLiteral("the test pattern is a videotestsrc pattern name"),
            QStringLiteral("pattern"));
    if (!isSafeDeviceName(videoDevice) || !isSafeDeviceName(audioDevice))
        return makeError(ErrorCode::BadField,
            QStringLiteral("device names may use A-Z a-z 0-9 _ . / : , = - only"),
            QStringLiteral("device"));
    return success();
}

QString ReturnSenderConfig::pipelineDescription() const
{
    // I420 at the tee: what x264 takes, and what the camera-off probe paints black.
    const QString rawCaps
        = QStringLiteral("video/x-raw,format=I420,width=%1,height=%2,framerate=%3/1,"
                         "pixel-aspect-ratio=1/1")
              .arg(width)
              .arg(height)
              .arg(fps);
    QString video;
    switch (videoSource) {
    case VideoSourceKind::Test:
        video = QStringLiteral("videotestsrc is-live=true pattern=%1 foreground-color=%2")
                    .arg(testPattern)
                    .arg(testColor);
        break;
    case VideoSourceKind::V4l2:
    case VideoSourceKind::Pipewire:
        video = deviceSourceDescription(videoSource, videoDevice);
        break;
    }
    // The same encoder settings as the programme's (programmeconfig.cpp says why); two threads
    // because a kiosk has cores to spare, the server is the one that must stay lean.
    video += QStringLiteral(" ! videoconvert ! videoscale ! videorate ! %1"
                            " ! tee name=return-video-tee allow-not-linked=true"
                            " return-video-tee. ! queue name=return-encode-queue"
                            " max-size-buffers=2 max-size-bytes=0 max-size-time=0"
                            " leaky=downstream"
                            " ! x264enc name=return-encoder tune=zerolatency"
                            " speed-preset=ultrafast threads=2 bitrate=%2 key-int-max=%3"
                            " ! video/x-h264,profile=constrained-baseline"
                            " ! rtph264pay name=return-video-pay pt=%4 config-interval=-1"
                            " aggregate-mode=zero-latency mtu=1200")
                 .arg(rawCaps)
                 .arg(videoKbps)
                 .arg(fps * keyframeSeconds)
                 .arg(kVideoPayloadType);

    QString audio;
    switch (audioSource) {
    case AudioSourceKind::Test:
        audio = QStringLiteral("audiotestsrc is-live=true wave=sine freq=%1 volume=0.2")
                    .arg(testFrequency);
        break;
    case AudioSourceKind::Alsa:
    case AudioSourceKind::Pulse:
        audio = deviceSourceDescription(audioSource, audioDevice);
        break;
    }
    audio += QStringLiteral(" ! audioconvert ! audioresample ! audio/x-raw,rate=48000,channels=1"
                            " ! volume name=return-microphone"
                            " ! queue name=return-audio-queue max-size-time=200000000"
                            " leaky=downstream ! opusenc name=return-audio-encoder"
                            " bitrate=%1 frame-size=20"
                            " ! rtpopuspay name=return-audio-pay pt=%2")
                 .arg(audioKbps * 1000)
                 .arg(kAudioPayloadType);
    return video + QLatin1Char(' ') + audio;
}

QStringList ReturnSenderConfig::requiredElements() const
{
    QStringList elements {QStringLiteral("webrtcbin"), QStringLiteral("nicesrc"),
        QStringLiteral("nicesink"), QStringLiteral("x264enc"), QStringLiteral("rtph264pay"),
        QStringLiteral("opusenc"), QStringLiteral("rtpopuspay"), QStringLiteral("tee"),
        QStringLiteral("queue"), QStringLiteral("videoconvert"), QStringLiteral("videoscale"),
        QStringLiteral("videorate"), QStringLiteral("audioconvert"),
        QStringLiteral("audioresample"), QStringLiteral("volume"), QStringLiteral("dtlssrtpenc"),
        QStringLiteral("srtpenc")};
    elements << sourceFactory(videoSource) << sourceFactory(audioSource);
    return elements;
}

QStringList returnElementCatalog()
{
    return elementsOverSourceKinds(ReturnSenderConfig {});
}

ReturnSender::ReturnSender(QString peer, ReturnSenderConfig config)
    : m_peer(std::move(peer))
    , m_config(std::move(config))
{ }

Result<std::unique_ptr<ReturnSender>> ReturnSender::create(QString peer, ReturnSenderConfig config)
{
    if (!isValidPeerId(peer))
        return makeError(
            ErrorCode::BadField, QStringLiteral("bad peer id"), QStringLiteral("peer"));
    if (auto valid = config.validate(); !valid)
        return valid.error();
    if (auto present = requireElements(config.requiredElements()); !present)
        return present.error();
    std::unique_ptr<ReturnSender> sender(new ReturnSender(std::move(peer), std::move(config)));
    if (auto started = sender->start(); !started)
        return started.error();
    return sender;
}

ReturnSender::~ReturnSender()
{
    if (m_webrtc)
        g_signal_handlers_disconnect_by_data(m_webrtc.get(), this);
    m_bus.reset();
    // Joins the streaming threads, so no probe or callback reaches a destroyed sender.
    if (m_pipeline)
        gst_element_set_state(m_pipeline.get(), GST_STATE_NULL);
}

Status ReturnSender::start()
{
    GError *error = nullptr;
    GstElement *pipeline
        = gst_parse_launch(m_config.pipelineDescription().toUtf8().constData(), &error);
    if (error) {
        const QString text = QString::fromUtf8(error->message);
        g_error_free(error);
        if (pipeline)
            gst_object_unref(gst_object_ref_sink(pipeline));
        return makeError(ErrorCode::Invalid, QStringLiteral("return pipeline: ") + text);
    }
    m_pipeline = ElementRef::adopt(pipeline);

    auto webrtc = makeElement("webrtcbin", QStringLiteral("return-webrtc"));
    if (!webrtc)
        return webrtc.error();
    m_webrtc = *webrtc;
    if (auto configured = configureWebrtcbin(m_webrtc.get(), m_config.webrtc); !configured)
        return configured;
    g_signal_connect(
        m_webrtc.get(), "on-negotiation-needed", G_CALLBACK(onNegotiationNeeded), this);
    g_signal_connect(m_webrtc.get(), "on-ice-candidate", G_CALLBACK(onIceCandidate), this);
    g_signal_connect(
        m_webrtc.get(), "notify::connection-state", G_CALLBACK(onConnectionState), this);
    gst_bin_add(GST_BIN(pipeline), m_webrtc.get());
    if (auto linked = linkToWebrtc("return-video-pay"); !linked)
        return linked;
    if (auto linked = linkToWebrtc("return-audio-pay"); !linked)
        return linked;

    // Camera off is applied at the tee's input, so the preview shows what the chamber gets.
    ElementRef tee = ElementRef::adopt(gst_bin_get_by_name(GST_BIN(pipeline), "return-video-tee"));
    PadRef teeSink = PadRef::adopt(gst_element_get_static_pad(tee.get(), "sink"));
    gst_pad_add_probe(
        teeSink.get(), GST_PAD_PROBE_TYPE_BUFFER, &ReturnSender::onRawVideo, this, nullptr);
    ElementRef encoder
        = ElementRef::adopt(gst_bin_get_by_name(GST_BIN(pipeline), "return-encoder"));
    PadRef encoderSrc = PadRef::adopt(gst_element_get_static_pad(encoder.get(), "src"));
    gst_pad_add_probe(encoderSrc.get(), GST_PAD_PROBE_TYPE_EVENT_UPSTREAM,
        &ReturnSender::onEncoderUpstreamEvent, this, nullptr);
    if (m_config.previewSinkFactory) {
        if (auto added = addPreview(); !added)
            return added;
    }

    m_bus = std::make_unique<BusWatch>(pipeline);
    connect(m_bus.get(), &BusWatch::errorOccurred, this, [this](const Error &error) {
        qCWarning(lcMedia).noquote() << "return sender" << m_peer << "error:" << error.message;
        emit outgoing(SignalMessage::failure(m_peer, error));
        emit failed(error);
    });
    if (gst_element_set_state(pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
        return makeError(ErrorCode::Unavailable,
            QStringLiteral("the return pipeline did not start (camera or microphone busy or "
                           "missing?)"));
    return success();
}

Status ReturnSender::linkToWebrtc(const char *payloader)
{
    ElementRef pay = ElementRef::adopt(gst_bin_get_by_name(GST_BIN(m_pipeline.get()), payloader));
    PadRef paySrc = PadRef::adopt(gst_element_get_static_pad(pay.get(), "src"));
    PadRef sink = PadRef::adopt(gst_element_request_pad_simple(m_webrtc.get(), "sink_%u"));
    if (!paySrc || !sink)
        return makeError(ErrorCode::Internal, QStringLiteral("webrtcbin gave no sink pad"));
    GstWebRTCRTPTransceiver *transceiver = nullptr;
    g_object_get(sink.get(), "transceiver", &transceiver, nullptr);
    if (!transceiver)
        return makeError(
            ErrorCode::Internal, QStringLiteral("webrtcbin's sink pad has no transceiver"));
    // Before the offer is made, so it carries rtx and the nack/pli feedback lines.
    g_object_set(transceiver, "direction", GST_WEBRTC_RTP_TRANSCEIVER_DIRECTION_SENDONLY, "do-nack",
        gboolean(m_config.webrtc.nack), nullptr);
    gst_object_unref(transceiver);
    if (gst_pad_link(paySrc.get(), sink.get()) != GST_PAD_LINK_OK)
        return makeError(ErrorCode::Internal,
            QStringLiteral("cannot link %1 to webrtcbin").arg(QLatin1String(payloader)));
    return success();
}

Status ReturnSender::addPreview()
{
    auto sink = m_config.previewSinkFactory();
    if (!sink)
        return sink.error();
    auto queue = makeElement("queue", QStringLiteral("return-preview-queue"));
    auto convert = makeElement("videoconvert", QStringLiteral("return-preview-convert"));
    if (!queue || !convert)
        return makeError(ErrorCode::Unavailable, QStringLiteral("preview elements missing"));
    // A slow preview drops its own frames; it never holds up what is sent.
    g_object_set(queue->get(), "leaky", 2, "max-size-buffers", 1u, "max-size-bytes", 0u,
        "max-size-time", guint64(0), nullptr);
    gst_bin_add_many(GST_BIN(m_pipeline.get()), queue->get(), convert->get(), sink->get(), nullptr);
    ElementRef tee
        = ElementRef::adopt(gst_bin_get_by_name(GST_BIN(m_pipeline.get()), "return-video-tee"));
    if (!gst_element_link_many(tee.get(), queue->get(), convert->get(), sink->get(), nullptr))
        return makeError(ErrorCode::Internal, QStringLiteral("cannot link the preview sink"));
    return success();
}

GstPadProbeReturn ReturnSender::onRawVideo(GstPad *pad, GstPadProbeInfo *info, gpointer self)
{
    auto *sender = static_cast<ReturnSender *>(self);
    ++sender->m_videoFrames;
    if (!sender->m_cameraOff.load())
        return GST_PAD_PROBE_OK;
    CapsRef caps = CapsRef::adopt(gst_pad_get_current_caps(pad));
    GstVideoInfo video;
    if (!caps || !gst_video_info_from_caps(&video, caps.get()))
        return GST_PAD_PROBE_DROP;
    GstBuffer *buffer = gst_buffer_make_writable(GST_PAD_PROBE_INFO_BUFFER(info));
    GST_PAD_PROBE_INFO_DATA(info) = buffer;
    GstVideoFrame frame;
    if (!gst_video_frame_map(&frame, &video, buffer, GST_MAP_WRITE))
        return GST_PAD_PROBE_DROP;
    // I420 black: Y at 16, chroma at the middle.
    for (guint plane = 0; plane < GST_VIDEO_FRAME_N_PLANES(&frame); ++plane) {
        auto *data = static_cast<guint8 *>(GST_VIDEO_FRAME_PLANE_DATA(&frame, plane));
        const int stride = GST_VIDEO_FRAME_PLANE_STRIDE(&frame, plane);
        const int rows = GST_VIDEO_FRAME_COMP_HEIGHT(&frame, plane);
        std::memset(data, plane == 0 ? 16 : 128, size_t(stride) * size_t(rows));
    }
    gst_video_frame_unmap(&frame);
    ++sender->m_blackFrames;
    return GST_PAD_PROBE_OK;
}

GstPadProbeReturn ReturnSender::onEncoderUpstreamEvent(
    GstPad *, GstPadProbeInfo *info, gpointer self)
{
    if (gst_video_event_is_force_key_unit(GST_PAD_PROBE_INFO_EVENT(info)))
        ++static_cast<ReturnSender *>(self)->m_keyFramesForced;
    return GST_PAD_PROBE_OK;
}

void ReturnSender::setMicrophoneMuted(bool muted)
{
    m_microphoneMuted = muted;
    ElementRef volume
        = ElementRef::adopt(gst_bin_get_by_name(GST_BIN(m_pipeline.get()), "return-microphone"));
    if (volume)
        g_object_set(volume.get(), "mute", gboolean(muted), nullptr);
}

void ReturnSender::setCameraOff(bool off)
{
    m_cameraOff = off;
}

ReturnSenderStats ReturnSender::stats() const
{
    return {m_videoFrames.load(), m_blackFrames.load(), m_keyFramesForced.load()};
}

void ReturnSender::onNegotiationNeeded(GstElement *, gpointer self)
{
    auto *sender = static_cast<ReturnSender *>(self);
    postToQtThread(sender, [sender] { sender->createOffer(); });
}

void ReturnSender::createOffer()
{
    if (m_offerStarted)
        return;
    m_offerStarted = true;
    GstPromise *promise = promiseOnQtThread(this, [this](GstPromise *reply) {
        if (const QString error = promiseError(reply); !error.isEmpty())
            return fail(QStringLiteral("creating the return offer failed: ") + error);
        GstWebRTCSessionDescription *offer = nullptr;
        gst_structure_get(gst_promise_get_reply(reply), "offer",
            GST_TYPE_WEBRTC_SESSION_DESCRIPTION, &offer, nullptr);
        if (!offer)
            return fail(QStringLiteral("webrtcbin made no return offer"));
        SessionDescriptionPtr owned(offer);
        g_signal_emit_by_name(m_webrtc.get(), "set-local-description", offer, nullptr);
        emit outgoing(SignalMessage::returnOffer(m_peer, sdpText(offer)));
    });
    g_signal_emit_by_name(m_webrtc.get(), "create-offer", nullptr, promise);
}

Status ReturnSender::handle(const SignalMessage &message)
{
    if (message.peer != m_peer)
        return makeError(ErrorCode::NotFound,
            QStringLiteral("this return sender is %1, not %2").arg(m_peer, message.peer),
            QStringLiteral("peer"));
    switch (message.type) {
    case SignalType::ReturnAnswer: {
        if (!m_offerStarted || m_answered)
            return makeError(ErrorCode::Conflict,
                m_answered ? QStringLiteral("the return of %1 is answered already").arg(m_peer)
                           : QStringLiteral("no return offer of %1 to answer yet").arg(m_peer),
                QStringLiteral("type"));
        auto answer = parseSessionDescription(GST_WEBRTC_SDP_TYPE_ANSWER, message.sdp);
        if (!answer)
            return answer.error();
        m_answered = true;
        GstPromise *promise = promiseOnQtThread(this, [this](GstPromise *reply) {
            if (const QString error = promiseError(reply); !error.isEmpty())
                fail(QStringLiteral("the return answer was refused: ") + error);
        });
        g_signal_emit_by_name(m_webrtc.get(), "set-remote-description", answer->get(), promise);
        return success();
    }
    case SignalType::ReturnCandidate:
        if (!m_offerStarted)
            return makeError(ErrorCode::Conflict,
                QStringLiteral("a return candidate before the offer"), QStringLiteral("type"));
        g_signal_emit_by_name(m_webrtc.get(), "add-ice-candidate", guint(message.mline),
            message.candidate.toUtf8().constData());
        return success();
    case SignalType::ReturnState:
    case SignalType::Error:
        // The other side's news about this connection; nothing to do with media here.
        return success();
    default:
        return makeError(ErrorCode::UnknownType,
            QStringLiteral("a return sender does not take %1 messages")
                .arg(signalTypeName(message.type)),
            QStringLiteral("type"));
    }
}

void ReturnSender::onIceCandidate(GstElement *, guint mline, gchar *candidate, gpointer self)
{
    auto *sender = static_cast<ReturnSender *>(self);
    const QString text = QString::fromUtf8(candidate);
    postToQtThread(sender, [sender, mline, text] {
        emit sender->outgoing(SignalMessage::returnCandidate(sender->m_peer, int(mline), text));
    });
}

void ReturnSender::onConnectionState(GObject *, GParamSpec *, gpointer self)
{
    auto *sender = static_cast<ReturnSender *>(self);
    postToQtThread(sender, [sender] { sender->updateState(); });
}

void ReturnSender::updateState()
{
    GstWebRTCPeerConnectionState state = GST_WEBRTC_PEER_CONNECTION_STATE_NEW;
    g_object_get(m_webrtc.get(), "connection-state", &state, nullptr);
    const QString name = connectionStateName(state);
    if (name == m_state)
        return;
    m_state = name;
    emit connectionStateChanged(m_state);
}

void ReturnSender::fail(const QString &message)
{
    const Error error = makeError(ErrorCode::Internal, message);
    emit outgoing(SignalMessage::failure(m_peer, error));
    emit failed(error);
}

} // namespace chamber::media
