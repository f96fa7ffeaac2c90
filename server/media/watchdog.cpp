#include "media/watchdog.h"

#include "media/gstsupport.h"

namespace chamber::media {

StaleFrameFilter::StaleFrameFilter(int latencyMs, int allowedMs)
    : m_thresholdNs(qint64(latencyMs + allowedMs) * GST_MSECOND)
{
    gst_segment_init(&m_segment, GST_FORMAT_TIME);
}

StaleFrameFilter::~StaleFrameFilter()
{
    if (m_pad && m_probe)
        gst_pad_remove_probe(m_pad.get(), m_probe);
}

void StaleFrameFilter::attach(GstPad *pad)
{
    m_pad = PadRef::share(pad);
    m_probe = gst_pad_add_probe(pad,
        GstPadProbeType(GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM),
        &StaleFrameFilter::onProbe, this, nullptr);
}

GstPadProbeReturn StaleFrameFilter::onProbe(GstPad *pad, GstPadProbeInfo *info, gpointer self)
{
    auto *filter = static_cast<StaleFrameFilter *>(self);
    if (GST_PAD_PROBE_INFO_TYPE(info) & GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM) {
        GstEvent *event = GST_PAD_PROBE_INFO_EVENT(info);
        if (GST_EVENT_TYPE(event) == GST_EVENT_SEGMENT) {
            const GstSegment *segment = nullptr;
            gst_event_parse_segment(event, &segment);
            if (segment->format == GST_FORMAT_TIME)
                gst_segment_copy_into(segment, &filter->m_segment);
        }
        return GST_PAD_PROBE_OK;
    }
    GstBuffer *buffer = GST_PAD_PROBE_INFO_BUFFER(info);
    GstElement *element = GST_ELEMENT(gst_pad_get_parent(pad));
    bool stale = false;
    if (element && GST_BUFFER_PTS_IS_VALID(buffer)) {
        const GstClockTime now = gst_element_get_current_running_time(element);
        const guint64 due = gst_segment_to_running_time(
            &filter->m_segment, GST_FORMAT_TIME, GST_BUFFER_PTS(buffer));
        stale = GST_CLOCK_TIME_IS_VALID(now) && GST_CLOCK_TIME_IS_VALID(due) && now > due
            && qint64(now - due) > filter->m_thresholdNs;
    }
    if (element)
        gst_object_unref(element);
    if (stale) {
        ++filter->m_dropped;
        return GST_PAD_PROBE_DROP;
    }
    ++filter->m_passed;
    filter->m_lastPassedNs = monotonicNs();
    return GST_PAD_PROBE_OK;
}

MediaWatchdog::MediaWatchdog(const StaleFrameFilter *filter, int stallMs, QObject *parent)
    : QObject(parent)
    , m_filter(filter)
    , m_stallNs(qint64(stallMs) * GST_MSECOND)
{
    connect(&m_timer, &QTimer::timeout, this, &MediaWatchdog::check);
    m_timer.start(qBound(20, stallMs / 5, 200));
}

void MediaWatchdog::setConnected(bool connected)
{
    m_connected = connected;
    check();
}

void MediaWatchdog::check()
{
    const qint64 last = m_filter->lastPassedNs();
    const qint64 now = monotonicNs();
    if (!m_stalled) {
        // Nothing to judge before the first frame: connecting is not stalling.
        if (m_connected && last != 0 && now - last > m_stallNs) {
            m_stalled = true;
            m_stallStartNs = last;
            ++m_stalls;
            emit stalled();
        }
        return;
    }
    if (last > m_stallStartNs && now - last < m_stallNs) {
        m_stalled = false;
        emit resumed((last - m_stallStartNs) / GST_MSECOND);
    }
}

} // namespace chamber::media
