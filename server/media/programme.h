// The chamber's programme, encoded once and sent to every bridge: sources → H.264 and Opus →
// RTP payloaders → one tee per stream → one SenderPeer (queue ! webrtcbin) per bridge.
//
// Everything outside arrives and leaves as SignalMessage: handle() takes add-peer,
// remove-peer, answer, candidate, and for the bridges' returns return-offer,
// return-candidate and floor (FloorSwitch); outgoing() carries offers, candidates, peer
// states, removals, return answers, candidates and states, and per-peer errors. The programme does
// not know whether they travel over stdio, a WebSocket or a test's memory.
#pragma once

#include "media/buswatch.h"
#include "media/programmeconfig.h"
#include "media/signaling.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <atomic>
#include <functional>
#include <memory>

namespace chamber::media {

class SenderPeer;
class FloorSwitch;
class ProgrammeRecorder;

class ProgrammeSender : public QObject
{
    Q_OBJECT
public:
    // Checks the elements, builds the encoding pipeline and starts it (no peers yet).
    static Result<std::unique_ptr<ProgrammeSender>> create(const ProgrammeConfig &config);
    ~ProgrammeSender() override;

    // Refused messages (unknown peer, wrong type for this side, bad SDP) change nothing; the
    // caller reports the Error to whoever sent them.
    Status handle(const SignalMessage &message);

    Status addPeer(const QString &peer);
    Status removePeer(const QString &peer);
    QStringList peers() const;
    QString peerState(const QString &peer) const;
    int maxPeers() const { return m_maxPeers; }
    void setMaxPeers(int maxPeers) { m_maxPeers = maxPeers; }

    // Asks the encoder for a keyframe now (as a receiver's PLI does).
    void requestKeyFrame();
    // Keyframe requests that reached the encoder, and those folded into a recent one.
    quint64 keyFramesForced() const { return m_keyFramesForced; }
    quint64 keyFrameRequestsCoalesced() const { return m_keyFramesCoalesced; }

    // Peers served elsewhere (the scale-out router's Janus ones): their returns come here all
    // the same, so return-offer, return-candidate and floor take them too. Null: none.
    void setServedElsewhere(std::function<bool(const QString &peer)> servedElsewhere)
    {
        m_servedElsewhere = std::move(servedElsewhere);
    }

    // The bridges' returns and whose is on air (return-offer, return-candidate and floor go
    // there through handle()).
    FloorSwitch *floor() const { return m_floor; }

    // Recording per speech into `directory` (record-start and record-stop through handle(),
    // recorded and record-error through outgoing()). Salvages what a crash left there, so call
    // it once outgoing() is connected. Without it, record-start is refused as unavailable.
    Status enableRecording(const QString &directory);
    ProgrammeRecorder *recorder() const { return m_recorder; }

    // For benchmarks and tests: the pipeline, whose named elements programme-raw (raw video
    // before the encoder), programme-encoder, video-tee, audio-tee and programme-audio-raw (the
    // mixed raw audio before its encoder) are part of this API.
    GstElement *pipeline() const { return m_pipeline.get(); }

signals:
    void outgoing(const chamber::media::SignalMessage &message);
    // The pipeline itself failed (a source vanished): every peer is affected.
    void pipelineFailed(const chamber::Error &error);

private:
    explicit ProgrammeSender(ProgrammeConfig config);
    Status start();
    // A bridge this sender serves (not being removed), or one served elsewhere.
    bool knowsPeer(const QString &peer) const;
    void onPipelineError(const chamber::Error &error);
    static GstPadProbeReturn onEncoderUpstreamEvent(GstPad *, GstPadProbeInfo *info, gpointer self);

    ProgrammeConfig m_config;
    ElementRef m_pipeline;
    ElementRef m_videoTee;
    ElementRef m_audioTee;
    PadRef m_encoderSrc;
    std::unique_ptr<BusWatch> m_bus;
    QHash<QString, SenderPeer *> m_peers; // children of this object
    FloorSwitch *m_floor = nullptr; // child of this object
    ProgrammeRecorder *m_recorder = nullptr; // child of this object, when recording
    std::function<bool(const QString &)> m_servedElsewhere;
    QSet<QString> m_removing;
    int m_maxPeers = 64;
    std::atomic<qint64> m_lastKeyFrameNs {0};
    std::atomic<quint64> m_keyFramesForced {0};
    std::atomic<quint64> m_keyFramesCoalesced {0};
};

} // namespace chamber::media
