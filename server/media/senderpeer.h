// One bridge receiving the programme: queue ! webrtcbin for video and for audio, fed from the
// programme's tees. Offers (send-only), takes the answer and trickled candidates, reports its
// connection state, and leaves the running pipeline without stalling it.
#pragma once

#include "media/gstref.h"
#include "media/signaling.h"
#include "media/webrtcsupport.h"

#include <QObject>

#include <functional>

namespace chamber::media {

class SenderPeer : public QObject
{
    Q_OBJECT
public:
    SenderPeer(QString id, GstElement *pipeline, GstElement *videoTee, GstElement *audioTee,
        WebrtcSettings settings, QObject *parent = nullptr);
    ~SenderPeer() override;

    const QString &id() const { return m_id; }
    QString state() const { return m_state; }
    GstElement *webrtcbin() const { return m_webrtc.get(); }

    // Builds the branch into the running pipeline. The trap: with many peers a tee
    // froze when its new pad was linked before the branch could take data, so the branch is
    // linked downstream and brought to PLAYING first, and the tee pad is requested and linked
    // last. The offer follows from webrtcbin's on-negotiation-needed once caps arrive.
    Status start();
    Status applyAnswer(const QString &sdp);
    Status addRemoteCandidate(int mline, const QString &candidate);
    // Unlinks from the tees in IDLE probes (never while a buffer is pushed through a tee pad,
    // never blocking the tee), then stops and removes the branch; `done` runs on this thread.
    void remove(std::function<void()> done);

signals:
    void outgoing(const chamber::media::SignalMessage &message);

private:
    struct Branch
    {
        ElementRef queue;
        PadRef teePad;
        PadRef webrtcSink;
    };
    Status buildBranch(Branch *branch, const char *kind);
    void createOffer();
    void updateState();
    void branchUnlinked();
    void finishRemoval();
    void fail(const QString &message);

    static void onNegotiationNeeded(GstElement *webrtc, gpointer self);
    static void onIceCandidate(GstElement *webrtc, guint mline, gchar *candidate, gpointer self);
    static void onConnectionState(GObject *webrtc, GParamSpec *, gpointer self);

    QString m_id;
    GstElement *m_pipeline; // borrowed from the programme, which outlives its peers
    GstElement *m_videoTee;
    GstElement *m_audioTee;
    WebrtcSettings m_settings;
    ElementRef m_webrtc;
    Branch m_video;
    Branch m_audio;
    QString m_state = QStringLiteral("new");
    bool m_offerStarted = false;
    bool m_answered = false;
    bool m_removing = false;
    int m_branchesUnlinked = 0;
    std::function<void()> m_removed;
};

} // namespace chamber::media
