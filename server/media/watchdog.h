// Keeps a bridge's picture live. GStreamer 1.22's webrtcbin keeps saying "connected" through a
// network outage, so liveness is judged from the media itself:
//
// - StaleFrameFilter, a pad probe on decoded video (or audio) just before the sink, drops
//   buffers whose running time lags the pipeline clock by more than a threshold. After a gap,
//   what the jitter buffer and decoder still hold is seconds old; it is thrown away instead of
//   played, so the screen jumps to the present.
// - BacklogFilter, a pad probe on RTP as webrtcbin hands it out (before depayloading), drops
//   packets that arrive much later than their own RTP timestamps say, measured against the
//   freshest packets so far. A link that held its packets through an outage (a Wi-Fi link
//   retrying) delivers seconds of backlog in one burst; the jitter buffer re-bases its
//   timestamps on arrival, so after decoding those frames look on time to StaleFrameFilter and
//   would be played out at real-time pace, seconds behind the room. Only the RTP timestamp
//   (the sender's capture clock) against arrival tells their age, with no clock shared
//   between the hosts.
// - MediaWatchdog notices when no fresh frame arrived for longer than a threshold although the
//   connection is up (stalled), and when frames come back (resumed), so the receiver can ask
//   for a keyframe at once instead of waiting for the next periodic one.
#pragma once

#include "media/gstref.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <functional>

namespace chamber::media {

class StaleFrameFilter
{
public:
    // `allowedMs` is how late a buffer may be on top of `latencyMs` (the jitter buffer's).
    StaleFrameFilter(int latencyMs, int allowedMs);
    ~StaleFrameFilter();
    StaleFrameFilter(const StaleFrameFilter &) = delete;
    StaleFrameFilter &operator=(const StaleFrameFilter &) = delete;

    // Installs the probe on `pad` (a sink's sink pad); one pad per filter.
    void attach(GstPad *pad);

    quint64 passed() const { return m_passed; }
    quint64 dropped() const { return m_dropped; }
    // Monotonic time (ns) of the last buffer let through; 0 before the first.
    qint64 lastPassedNs() const { return m_lastPassedNs; }

private:
    static GstPadProbeReturn onProbe(GstPad *pad, GstPadProbeInfo *info, gpointer self);

    const qint64 m_thresholdNs;
    PadRef m_pad;
    gulong m_probe = 0;
    GstSegment m_segment; // the pad's current segment (streaming thread only)
    std::atomic<quint64> m_passed {0};
    std::atomic<quint64> m_dropped {0};
    std::atomic<qint64> m_lastPassedNs {0};
};

class BacklogFilter
{
public:
    // `allowedMs`: how much later than the freshest packets a packet may arrive. `acceptMs`:
    // after dropping everything for this long the path is taken to have become slower for
    // good, and the current delay becomes the new reference (video resumes, later).
    explicit BacklogFilter(int allowedMs, int acceptMs = 1000);
    ~BacklogFilter();
    BacklogFilter(const BacklogFilter &) = delete;
    BacklogFilter &operator=(const BacklogFilter &) = delete;

    // Installs the probe on `pad` (application/x-rtp with a clock-rate); one pad per filter.
    void attach(GstPad *pad);

    quint64 dropped() const { return m_dropped; }
    // Called on the streaming thread when a run of drops begins (set before attach()): what
    // follows the backlog needs a keyframe, and asking now saves a round trip.
    void setOnBacklog(std::function<void()> onBacklog) { m_onBacklog = std::move(onBacklog); }

    // The decision, for tests: `arrivalNs` monotonic, `rtpTime` as in the packet. True: drop.
    bool isBacklog(quint32 ssrc, quint32 rtpTime, int clockRate, qint64 arrivalNs);

private:
    static GstPadProbeReturn onProbe(GstPad *pad, GstPadProbeInfo *info, gpointer self);

    const qint64 m_allowedNs;
    const qint64 m_acceptNs;
    PadRef m_pad;
    gulong m_probe = 0;
    // Streaming thread only.
    int m_padClockRate = 0;
    int m_clockRate = 0;
    bool m_started = false;
    quint32 m_ssrc = 0;
    quint32 m_lastRtpTime = 0;
    qint64 m_extendedRtpTime = 0; // unwrapped, in clock-rate units
    qint64 m_freshestTransitNs = 0; // arrival minus media time of the freshest packet
    qint64 m_freshestAtNs = 0;
    qint64 m_droppingSinceNs = 0; // start of the current run of drops; 0: none yet
    qint64 m_lastDropNs = 0;
    std::atomic<quint64> m_dropped {0};
    std::function<void()> m_onBacklog;
};

class MediaWatchdog : public QObject
{
    Q_OBJECT
public:
    // Watches `filter` (which outlives the watchdog) on the thread that creates it.
    MediaWatchdog(const StaleFrameFilter *filter, int stallMs, QObject *parent = nullptr);

    // The peer connection's view; a stall is only a stall while it claims to be connected.
    void setConnected(bool connected);
    bool isStalled() const { return m_stalled; }
    int stalls() const { return m_stalls; }

signals:
    void stalled();
    // Fresh frames again after `gapMs` without.
    void resumed(qint64 gapMs);

private:
    void check();

    const StaleFrameFilter *m_filter;
    const qint64 m_stallNs;
    QTimer m_timer;
    bool m_connected = false;
    bool m_stalled = false;
    qint64 m_stallStartNs = 0;
    int m_stalls = 0;
};

} // namespace chamber::media
