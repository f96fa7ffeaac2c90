// A bridge's side of one programme: a webrtcbin that answers the programme's offer, decodes
// H.264 and Opus, and ends in sinks (appsinks by default, for tests and benchmarks; the kiosk
// will hand in qml6glsink). Watched by a MediaWatchdog: a stall is noticed although webrtcbin
// still says "connected", a keyframe is requested when media resumes, stale frames are dropped,
// and so is a backlog that a link delivers in one burst after an outage (BacklogFilter).
#pragma once

#include "media/buswatch.h"
#include "media/signaling.h"
#include "media/watchdog.h"
#include "media/webrtcsupport.h"

#include <QMutex>
#include <QObject>
#include <QSize>

#include <atomic>
#include <functional>
#include <memory>

namespace chamber::media {

struct ReceiverConfig
{
    WebrtcSettings webrtc;
    // A decoded frame later than this past its due time (on top of the jitter-buffer latency)
    // is dropped, never shown.
    int staleMs = 300;
    // No fresh frame for this long while "connected" is a stall.
    int stallMs = 700;
    // Sinks synchronise to the clock (a display does); tests counting frames may turn it off.
    bool sync = true;
    // false: video is depayloaded and counted (per access unit) but not decoded, for
    // benchmarks that run many receivers beside the sender they measure.
    bool decodeVideo = true;
    // Makes the video sink (e.g. a bin ending in qml6glsink); null: an appsink.
    std::function<Result<ElementRef>()> videoSinkFactory;
    // Makes the audio sink (the kiosk's loudspeaker, e.g. autoaudiosink); null: an appsink.
    // Fed resampled S16/F32 audio; called on a streaming thread.
    std::function<Result<ElementRef>()> audioSinkFactory;
};

struct ReceiverStats
{
    quint64 videoFrames = 0; // decoded frames that reached the sink
    quint64 audioBuffers = 0;
    QSize videoSize;
    quint64 staleVideoDropped = 0;
    quint64 staleAudioDropped = 0;
    // RTP packets dropped before depayloading as a backlog (arrived later than latency +
    // staleMs behind the freshest; see BacklogFilter).
    quint64 backlogVideoPackets = 0;
    quint64 backlogAudioPackets = 0;
    quint64 keyFramesRequested = 0;
    int stalls = 0;
};

class MediaReceiver : public QObject
{
    Q_OBJECT
public:
    // `peer` is the id this receiver answers as (the controller's name for this bridge).
    static Result<std::unique_ptr<MediaReceiver>> create(QString peer, ReceiverConfig config);
    ~MediaReceiver() override;
    // Element factories the receiver makes itself (checked by create()); the sinks come from
    // the config's factories.
    static QStringList requiredElements();

    // Takes offer and candidate messages for this peer; anything else is refused, changing
    // nothing.
    Status handle(const SignalMessage &message);

    QString peer() const { return m_peer; }
    QString connectionState() const { return m_state; }
    ReceiverStats stats() const;
    bool isStalled() const { return m_watchdog && m_watchdog->isStalled(); }
    // Sends a keyframe request (PLI) to the sender.
    void requestKeyFrame();

    // Called on a streaming thread for every decoded video frame reaching the default appsink
    // (benchmarks read pixels); set before the offer arrives.
    void setVideoSampleHandler(std::function<void(GstSample *)> handler);
    // The same for decoded audio buffers (tests measure the programme's level).
    void setAudioSampleHandler(std::function<void(GstSample *)> handler);

    // For tests: the pipeline; named elements video-depay, video-decoder, video-sink,
    // audio-sink appear once media arrives.
    GstElement *pipeline() const { return m_pipeline.get(); }

signals:
    void outgoing(const chamber::media::SignalMessage &message);
    void connectionStateChanged(const QString &state);
    void stalled();
    void resumed(qint64 gapMs);
    void failed(const chamber::Error &error);

private:
    MediaReceiver(QString peer, ReceiverConfig config);
    Status start();
    void applyOffer(SessionDescriptionPtr offer);
    void createAnswer();
    void updateState();
    void fail(const QString &message);
    void linkIncoming(GstPad *pad);
    Status buildVideoBranch(GstPad *pad);
    Status buildAudioBranch(GstPad *pad);
    Result<ElementRef> makeAppSink(bool video);

    static void onPadAdded(GstElement *webrtc, GstPad *pad, gpointer self);
    static void onIceCandidate(GstElement *webrtc, guint mline, gchar *candidate, gpointer self);
    static void onConnectionState(GObject *webrtc, GParamSpec *, gpointer self);
    static void onNewTransceiver(GstElement *webrtc, GstWebRTCRTPTransceiver *t, gpointer self);

    QString m_peer;
    ReceiverConfig m_config;
    ElementRef m_pipeline;
    ElementRef m_webrtc;
    ElementRef m_videoSink; // set on a streaming thread, read under m_lock
    std::unique_ptr<BusWatch> m_bus;
    StaleFrameFilter m_videoFilter;
    StaleFrameFilter m_audioFilter;
    BacklogFilter m_videoBacklog;
    BacklogFilter m_audioBacklog;
    std::unique_ptr<MediaWatchdog> m_watchdog;
    QString m_state = QStringLiteral("new");
    bool m_offered = false;

    mutable QMutex m_lock;
    std::function<void(GstSample *)> m_sampleHandler;
    std::function<void(GstSample *)> m_audioSampleHandler;
    std::atomic<quint64> m_keyFramesRequested {0};
};

} // namespace chamber::media
