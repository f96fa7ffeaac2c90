// The floor: which source the programme shows. Owns the bridges' returns (ReturnPeer, one per
// bridge that sent a return-offer) and switches the programme's video input-selector and
// audio mixer between the chamber's own sources and the return of the bridge that has the
// floor, with a keyframe at every switch so every receiver shows the new source at once.
//
// Only the floor's bridge is decoded. It goes on air when its first decoded frame arrives (the
// chamber stays on until then, rather than a frozen picture), and if its return stalls or
// goes, the programme falls back to the chamber (a warning, and an `error` naming the bridge
// with field "floor"), and back to the bridge when its frames come again while it still holds
// the floor.
#pragma once

#include "media/gstref.h"
#include "media/programmeconfig.h"
#include "media/signaling.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <atomic>

namespace chamber::media {

class ReturnPeer;

class FloorSwitch : public QObject
{
    Q_OBJECT
public:
    // `pipeline` is the programme's, with the named elements programme-video-select,
    // programme-audio-mix, programme-chamber-volume and programme-encoder.
    FloorSwitch(GstElement *pipeline, ProgrammeConfig config, QObject *parent = nullptr);
    ~FloorSwitch() override;
    Status attach();

    // A bridge's return-offer; one already there for the peer is replaced (the bridge
    // restarted its sender), but only once the new SDP parses.
    Status acceptOffer(const QString &peer, const QString &sdp);
    Status addCandidate(const QString &peer, int mline, const QString &candidate);
    // No peer: the chamber's sources. chamberAudio: 0–100 % of the chamber's microphone under
    // the bridge's audio.
    Status setFloor(const QString &peer, int chamberAudio);
    // The bridge is gone (remove-peer): its return goes, and the floor if it had it.
    void peerRemoved(const QString &peer);
    // True when the bus error came from a return (its element names carry the return's
    // prefix): that return is told and removed, the programme goes on.
    bool handleError(const QStringList &elementNames, const chamber::Error &error);

    QString floorPeer() const { return m_floorPeer; }
    int chamberAudio() const { return m_chamberAudio; }
    // Whose return the programme shows now; empty: the chamber's.
    QString shownPeer() const { return m_shown; }
    QStringList returns() const;
    QString returnState(const QString &peer) const;
    ReturnPeer *returnPeer(const QString &peer) const { return m_returns.value(peer); }
    quint64 switches() const { return m_switches; }
    // A return that stops for this long while shown hands the programme back to the chamber.
    void setStallMs(int stallMs) { m_stallNs = qint64(stallMs) * 1000000; }

signals:
    void outgoing(const chamber::media::SignalMessage &message);
    void shownChanged(const QString &peer);

private:
    void evaluate();
    void show(const QString &peer);
    void removeReturn(const QString &peer);
    void requestSwitchKeyFrame();
    static GstPadProbeReturn onSelected(GstPad *, GstPadProbeInfo *info, gpointer self);

    GstElement *m_pipeline; // the programme's, which outlives this
    ProgrammeConfig m_config;
    ElementRef m_selector;
    ElementRef m_mixer;
    ElementRef m_chamberVolume;
    PadRef m_chamberPad;
    PadRef m_encoderSink;
    QHash<QString, ReturnPeer *> m_returns; // children of this object
    QString m_floorPeer;
    qint64 m_floorSinceNs = 0;
    int m_chamberAudio = kDefaultChamberAudio;
    QString m_shown;
    quint64 m_switches = 0;
    qint64 m_stallNs = 1000 * 1000000LL;
    QTimer m_timer;
    std::atomic<quint64> m_lastSelectedPts {0};
};

} // namespace chamber::media
