// A bridge's camera and microphone back to chamber-media (the return path of issue 6): sources
// → x264 (zerolatency, constrained baseline) and Opus → a webrtcbin that OFFERS (the bridge is
// the offerer of this second peer connection; the programme's connection stays separate).
//
// Like MediaReceiver it knows no transport: it emits return-offer and return-candidate
// messages and takes return-answer and return-candidate. The kiosk's bridge role links it
// (chamber_media_bridge) and hands in its own preview sink.
#pragma once

#include "media/buswatch.h"
#include "media/programmeconfig.h"
#include "media/signaling.h"
#include "media/webrtcsupport.h"

#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

namespace chamber::media {

struct ReturnSenderConfig
{
    VideoSourceKind videoSource = VideoSourceKind::Test;
    QString videoDevice; // v4l2/pipewire; empty: the default
    AudioSourceKind audioSource = AudioSourceKind::Test;
    QString audioDevice;
    // Test sources only: videotestsrc's pattern (a nick such as "ball", "smpte",
    // "solid-color") and foreground colour (big-endian ARGB, for solid-color and ball), and
    // the sine's frequency, so a test can tell bridges apart by colour and pitch.
    QString testPattern = QStringLiteral("ball");
    quint32 testColor = 0xffffffff;
    int testFrequency = 660;
    // A bridge's camera is a talking head on the chamber's screen: smaller than the programme.
    int width = 640;
    int height = 360;
    int fps = 30;
    int videoKbps = 800;
    int audioKbps = 32;
    int keyframeSeconds = 2;
    WebrtcSettings webrtc;
    // Makes the local preview sink (e.g. a bin ending in qml6glsink), fed from a tee before
    // the encoder; null: no preview. Called once, on the thread that creates the sender.
    std::function<Result<ElementRef>()> previewSinkFactory;

    Status validate() const;
    // Sources to the two payloaders ("return-video-pay", "return-audio-pay").
    QString pipelineDescription() const;
    QStringList requiredElements() const;
};

// Every element factory a ReturnSender can use: requiredElements() over every source kind.
QStringList returnElementCatalog();

struct ReturnSenderStats
{
    quint64 videoFrames = 0; // raw frames that reached the encoder (black ones included)
    quint64 blackFrames = 0; // frames replaced while the camera is off
    quint64 keyFramesForced = 0; // keyframe requests (PLI/FIR) that reached the encoder
};

class ReturnSender : public QObject
{
    Q_OBJECT
public:
    // `peer` is the bridge's id at the controller ("d12"); the offer follows by itself.
    static Result<std::unique_ptr<ReturnSender>> create(QString peer, ReturnSenderConfig config);
    ~ReturnSender() override;

    // Takes return-answer and return-candidate for this peer (and return-state, peer-state,
    // error as news); anything else is refused, changing nothing.
    Status handle(const SignalMessage &message);

    QString peer() const { return m_peer; }
    QString connectionState() const { return m_state; }
    ReturnSenderStats stats() const;

    // Silence instead of the microphone; the connection and the Opus stream go on.
    void setMicrophoneMuted(bool muted);
    bool isMicrophoneMuted() const { return m_microphoneMuted; }
    // Black frames instead of the camera's (the preview shows what is sent: black too). The
    // stream goes on, so nothing is renegotiated, the chamber's decoder stays in step and a
    // bridge with the floor stays on air (its audio with a black picture) instead of looking
    // like a stalled one; a still black frame costs x264 almost no bits.
    void setCameraOff(bool off);
    bool isCameraOff() const { return m_cameraOff; }

    // For tests: the pipeline; named elements return-encoder, return-microphone (volume),
    // return-webrtc, return-preview (the factory's sink, when there is one).
    GstElement *pipeline() const { return m_pipeline.get(); }

signals:
    void outgoing(const chamber::media::SignalMessage &message);
    void connectionStateChanged(const QString &state);
    void failed(const chamber::Error &error);

private:
    ReturnSender(QString peer, ReturnSenderConfig config);
    Status start();
    Status linkToWebrtc(const char *payloader);
    Status addPreview();
    void createOffer();
    void updateState();
    void fail(const QString &message);

    static void onNegotiationNeeded(GstElement *webrtc, gpointer self);
    static void onIceCandidate(GstElement *webrtc, guint mline, gchar *candidate, gpointer self);
    static void onConnectionState(GObject *webrtc, GParamSpec *, gpointer self);
    static GstPadProbeReturn onRawVideo(GstPad *pad, GstPadProbeInfo *info, gpointer self);
    static GstPadProbeReturn onEncoderUpstreamEvent(GstPad *, GstPadProbeInfo *info, gpointer self);

    QString m_peer;
    ReturnSenderConfig m_config;
    ElementRef m_pipeline;
    ElementRef m_webrtc;
    std::unique_ptr<BusWatch> m_bus;
    QString m_state = QStringLiteral("new");
    bool m_offerStarted = false;
    bool m_answered = false;
    bool m_microphoneMuted = false;
    std::atomic_bool m_cameraOff {false};
    std::atomic<quint64> m_videoFrames {0};
    std::atomic<quint64> m_blackFrames {0};
    std::atomic<quint64> m_keyFramesForced {0};
};

} // namespace chamber::media
