// One bridge's return (camera and microphone) at chamber-media: a webrtcbin in the programme's
// pipeline answering the bridge's return-offer. Its RTP is received, and dropped at a fakesink
// before any depayloader, until the floor wants it: only then are its decoding chains built
// and linked to the programme's video input-selector and audio mixer (and torn down again when
// the floor moves on), so forty bridges sending back cost no decoding.
#pragma once

#include "media/gstref.h"
#include "media/signaling.h"
#include "media/webrtcsupport.h"

#include <QObject>

#include <atomic>
#include <functional>

namespace chamber::media {

// Where a decoded return goes in the programme: the elements are the programme's.
struct ReturnTargets
{
    GstElement *pipeline = nullptr;
    GstElement *videoSelector = nullptr; // input-selector before the one encoder
    GstElement *audioMixer = nullptr; // audiomixer before the Opus encoder
    int width = 1280;
    int height = 720;
    int fps = 30;
};

class ReturnPeer : public QObject
{
    Q_OBJECT
public:
    ReturnPeer(
        QString id, ReturnTargets targets, WebrtcSettings settings, QObject *parent = nullptr);
    ~ReturnPeer() override;

    const QString &id() const { return m_id; }
    QString state() const { return m_state; }
    // Prefix of every element's name ("return-d12-3"), so bus errors can be traced to it.
    const QString &elementPrefix() const { return m_prefix; }

    // Builds the webrtcbin into the running pipeline and answers `offer` (return-answer and
    // return-candidate follow through outgoing()).
    Status start(SessionDescriptionPtr offer);
    Status addRemoteCandidate(int mline, const QString &candidate);

    // Decode (and feed the selector and mixer) or drop before the depayloader. Applied to
    // streams as they appear; the video's first decoded frame follows a keyframe request.
    void setDecoding(bool decoding);
    bool isDecoding() const { return m_decodeWanted; }
    // The pads this return feeds while decoding (null otherwise), owned by the selector and
    // the mixer.
    GstPad *selectorPad() const { return m_video.target.get(); }
    GstPad *mixerPad() const { return m_audio.target.get(); }

    // Decoded frames that reached the selector, and when the last one did (monotonic ns).
    quint64 decodedFrames() const { return m_decodedFrames; }
    qint64 lastDecodedNs() const { return m_lastDecodedNs; }
    // RTP buffers received and dropped undecoded (video and audio).
    quint64 droppedPackets() const { return m_droppedPackets; }

    // Stops the return and takes it out of the pipeline (the floor has switched away first).
    void stop();

signals:
    void outgoing(const chamber::media::SignalMessage &message);

private:
    struct Stream
    {
        PadRef source; // webrtcbin's src pad
        ElementRef drop; // fakesink while not decoding
        QList<ElementRef> chain; // the decoding chain while decoding
        PadRef target; // selector or mixer request pad
        bool decoding = false;
    };
    void createAnswer();
    void updateState();
    void fail(const QString &message);
    void streamArrived(bool video, PadRef source, ElementRef drop);
    void applyDecoding(Stream *stream, bool video);
    Status startDecoding(Stream *stream, bool video);
    void stopDecoding(Stream *stream);
    Result<ElementRef> makeDrop(bool video);
    // Moves webrtcbin's pad over to `newSink` in an IDLE probe (never mid-buffer); `done`
    // runs on this thread once it has happened, with the elements the pad left.
    void relink(GstPad *source, GstPad *newSink, std::function<void()> done);
    void dispose(const QList<ElementRef> &elements);
    QString name(const char *part) const;

    static void onPadAdded(GstElement *webrtc, GstPad *pad, gpointer self);
    static void onIceCandidate(GstElement *webrtc, guint mline, gchar *candidate, gpointer self);
    static void onConnectionState(GObject *webrtc, GParamSpec *, gpointer self);
    static void onNewTransceiver(GstElement *webrtc, GstWebRTCRTPTransceiver *t, gpointer self);
    static GstPadProbeReturn onDecodedVideo(GstPad *, GstPadProbeInfo *info, gpointer self);
    static GstPadProbeReturn onDecodedAudio(GstPad *, GstPadProbeInfo *info, gpointer self);
    static GstPadProbeReturn onDropped(GstPad *, GstPadProbeInfo *info, gpointer self);

    QString m_id;
    QString m_prefix;
    ReturnTargets m_targets;
    WebrtcSettings m_settings;
    ElementRef m_webrtc;
    QString m_state = QStringLiteral("new");
    bool m_decodeWanted = false;
    bool m_stopped = false;
    Stream m_video;
    Stream m_audio;
    std::atomic<quint64> m_decodedFrames {0};
    std::atomic<qint64> m_lastDecodedNs {0};
    std::atomic<quint64> m_droppedPackets {0};
    // Audio re-timed onto the programme's clock: offset fixed at the first decoded buffer.
    std::atomic<qint64> m_audioOffset {-1};
    GstSegment m_audioSegment; // streaming thread only
};

} // namespace chamber::media
