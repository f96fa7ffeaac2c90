#include "media/watchdog.h"

#include "media/gstsupport.h"

#include <algorithm>

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

namespace {
// The reference may rise this much per second of arrivals (1000 ppm, ten times any real clock
// drift between two hosts), so a sender clock running slow never makes live packets look old.
constexpr qint64 kReferenceCreepPerSecondNs = GST_MSECOND;
constexpr gsize kRtpHeaderBytes = 12;
// Drops this far apart belong to separate runs.
constexpr qint64 kDropRunGapNs = 500 * GST_MSECOND;
} // namespace

BacklogFilter::BacklogFilter(int allowedMs, int acceptMs)
    : m_allowedNs(qint64(allowedMs) * GST_MSECOND)
    , m_acceptNs(qint64(acceptMs) * GST_MSECOND)
{ }

BacklogFilter::~BacklogFilter()
{
    if (m_pad && m_probe)
        gst_pad_remove_probe(m_pad.get(), m_probe);
}

void BacklogFilter::attach(GstPad *pad)
{
    m_pad = PadRef::share(pad);
    m_probe
        = gst_pad_add_probe(pad, GST_PAD_PROBE_TYPE_BUFFER, &BacklogFilter::onProbe, this, nullptr);
}

bool BacklogFilter::isBacklog(quint32 ssrc, quint32 rtpTime, int clockRate, qint64 arrivalNs)
{
    if (clockRate <= 0)
        return false;
    if (!m_started || ssrc != m_ssrc || clockRate != m_clockRate) {
        // A new stream: its first packet is the reference.
        m_started = true;
        m_ssrc = ssrc;
        m_clockRate = clockRate;
        m_lastRtpTime = rtpTime;
        m_extendedRtpTime = rtpTime;
        m_freshestTransitNs = arrivalNs
            - qint64(gst_util_uint64_scale_int(guint64(m_extendedRtpTime), GST_SECOND, clockRate));
        m_freshestAtNs = arrivalNs;
        m_droppingSinceNs = 0;
        return false;
    }
    // Unwrapped: the signed 32-bit difference to the previous packet's timestamp.
    m_extendedRtpTime += qint32(rtpTime - m_lastRtpTime);
    m_lastRtpTime = rtpTime;
    const qint64 mediaNs = m_extendedRtpTime >= 0
        ? qint64(gst_util_uint64_scale_int(guint64(m_extendedRtpTime), GST_SECOND, clockRate))
        : -qint64(gst_util_uint64_scale_int(guint64(-m_extendedRtpTime), GST_SECOND, clockRate));
    const qint64 transit = arrivalNs - mediaNs;
    // Let the reference follow a slowly drifting sender clock.
    const qint64 creep = (arrivalNs - m_freshestAtNs) / GST_SECOND * kReferenceCreepPerSecondNs
        + (arrivalNs - m_freshestAtNs) % GST_SECOND * kReferenceCreepPerSecondNs / GST_SECOND;
    const qint64 reference = m_freshestTransitNs + std::max<qint64>(creep, 0);
    if (transit <= reference) {
        m_freshestTransitNs = transit;
        m_freshestAtNs = arrivalNs;
    }
    if (transit - reference <= m_allowedNs)
        return false;
    // A run of drops: packets passing in between (a path whose delay sits near the limit)
    // do not end it, only a quiet spell does, so it cannot drop every other packet forever.
    if (m_droppingSinceNs == 0 || arrivalNs - m_lastDropNs > kDropRunGapNs)
        m_droppingSinceNs = arrivalNs;
    m_lastDropNs = arrivalNs;
    if (arrivalNs - m_droppingSinceNs >= m_acceptNs) {
        // Slower for good (a longer path), not a burst: this delay is the new reference.
        m_freshestTransitNs = transit;
        m_freshestAtNs = arrivalNs;
        m_droppingSinceNs = 0;
        return false;
    }
    return true;
}

GstPadProbeReturn BacklogFilter::onProbe(GstPad *pad, GstPadProbeInfo *info, gpointer self)
{
    auto *filter = static_cast<BacklogFilter *>(self);
    if (filter->m_padClockRate == 0) {
        // The clock rate from the pad's caps, once.
        if (GstCaps *caps = gst_pad_get_current_caps(pad)) {
            gint rate = 0;
            if (gst_structure_get_int(gst_caps_get_structure(caps, 0), "clock-rate", &rate))
                filter->m_padClockRate = rate;
            gst_caps_unref(caps);
        }
    }
    guint8 header[kRtpHeaderBytes];
    GstBuffer *buffer = GST_PAD_PROBE_INFO_BUFFER(info);
    if (gst_buffer_extract(buffer, 0, header, kRtpHeaderBytes) != kRtpHeaderBytes
        || header[0] >> 6 != 2)
        return GST_PAD_PROBE_OK;
    const quint32 rtpTime = GST_READ_UINT32_BE(header + 4);
    const quint32 ssrc = GST_READ_UINT32_BE(header + 8);
    const qint64 now = monotonicNs();
    const bool newRun
        = filter->m_droppingSinceNs == 0 || now - filter->m_lastDropNs > kDropRunGapNs;
    if (filter->isBacklog(ssrc, rtpTime, filter->m_padClockRate, now)) {
        ++filter->m_dropped;
        if (newRun && filter->m_onBacklog)
            filter->m_onBacklog();
        return GST_PAD_PROBE_DROP;
    }
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
