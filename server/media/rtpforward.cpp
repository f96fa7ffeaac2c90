#include "media/rtpforward.h"

#include "media/gstsupport.h"

namespace chamber::media {

RtpForward::RtpForward(GstElement *pipeline, GstElement *videoTee, GstElement *audioTee)
    : m_pipeline(pipeline)
    , m_videoTee(videoTee)
    , m_audioTee(audioTee)
{ }

RtpForward::~RtpForward()
{
    stop();
}

Status RtpForward::start(const QString &host, int videoPort, int audioPort)
{
    stop();
    if (auto started = startBranch(&m_video, m_videoTee, host, videoPort, "video"); !started) {
        stop();
        return started;
    }
    if (auto started = startBranch(&m_audio, m_audioTee, host, audioPort, "audio"); !started) {
        stop();
        return started;
    }
    return success();
}

Status RtpForward::startBranch(
    Branch *branch, GstElement *tee, const QString &host, int port, const char *kind)
{
    auto queue = makeElement("queue");
    if (!queue)
        return queue.error();
    auto sink = makeElement("udpsink");
    if (!sink)
        return sink.error();
    // Leaky, as a peer's queue: a stuck socket loses its own packets, never holds the tee.
    g_object_set(queue->get(), "leaky", 2, "max-size-buffers", 0u, "max-size-bytes", 0u,
        "max-size-time", guint64(200 * GST_MSECOND), nullptr);
    // Packets leave as the payloader makes them (sync off); async off: a sink that never
    // prerolls must not hold the running pipeline's state.
    g_object_set(sink->get(), "host", host.toUtf8().constData(), "port", port, "sync", FALSE,
        "async", FALSE, nullptr);
    branch->queue = *queue;
    branch->sink = *sink;
    if (!gst_bin_add(GST_BIN(m_pipeline), branch->queue.get())
        || !gst_bin_add(GST_BIN(m_pipeline), branch->sink.get())
        || !gst_element_link(branch->queue.get(), branch->sink.get()))
        return makeError(ErrorCode::Internal,
            QStringLiteral("cannot build the %1 forward to Janus").arg(QLatin1String(kind)));
    // Downstream first, PLAYING, the tee pad last.
    if (!gst_element_sync_state_with_parent(branch->sink.get())
        || !gst_element_sync_state_with_parent(branch->queue.get()))
        return makeError(ErrorCode::Internal,
            QStringLiteral("the %1 forward to Janus did not start").arg(QLatin1String(kind)));
    branch->teePad = PadRef::adopt(gst_element_request_pad_simple(tee, "src_%u"));
    PadRef queueSink = PadRef::adopt(gst_element_get_static_pad(branch->queue.get(), "sink"));
    if (!branch->teePad || gst_pad_link(branch->teePad.get(), queueSink.get()) != GST_PAD_LINK_OK)
        return makeError(ErrorCode::Internal, QStringLiteral("cannot link the programme's tee"));
    return success();
}

void RtpForward::stop()
{
    stopBranch(&m_video, m_videoTee);
    stopBranch(&m_audio, m_audioTee);
}

void RtpForward::stopBranch(Branch *branch, GstElement *tee)
{
    // Releasing a tee's request pad is safe while it pushes (the tee takes its pad out under its
    // own lock and skips removed pads), so this needs no probe and does not wait.
    if (branch->teePad)
        gst_element_release_request_pad(tee, branch->teePad.get());
    branch->teePad.reset();
    for (GstElement *element : {branch->queue.get(), branch->sink.get()}) {
        if (!element)
            continue;
        gst_element_set_state(element, GST_STATE_NULL);
        if (GST_OBJECT_PARENT(element) == GST_OBJECT(m_pipeline))
            gst_bin_remove(GST_BIN(m_pipeline), element);
    }
    *branch = {};
}

} // namespace chamber::media
