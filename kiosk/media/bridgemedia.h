// A bridge point's media, for QML (BridgeMedia): asks chamberd for the programme when online,
// answers its offer with a MediaReceiver drawing into the programme's VideoSurface, keeps a
// status the screen can say in words (connecting, receiving, stalled, restarting, unavailable,
// failed), knows when this bridge has the floor, and rejoins with back-off after failures.
// Nothing here may take the meeting screen down: every failure ends as a status and a retry.
#pragma once

#include "media/receiver.h"
#include "media/returnsender.h"
#include "medialink.h"
#include "videosurface.h"

#include <QPointer>
#include <QQmlParserStatus>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <optional>

namespace chamber::kiosk {

class BridgeMedia : public QObject, public QQmlParserStatus
{
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)

    // Media runs only while active (the bridge role's screen sets it).
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(chamber::kiosk::VideoSurface *programmeSurface READ programmeSurface WRITE
            setProgrammeSurface NOTIFY surfacesChanged)
    Q_PROPERTY(chamber::kiosk::VideoSurface *previewSurface READ previewSurface WRITE
            setPreviewSurface NOTIFY surfacesChanged)
    // off, offline (no connection to the chamber), connecting, receiving, stalled (no fresh
    // picture, reconnecting), restarting (chamber-media restarts), unavailable (chamber-media
    // missing), failed (this bridge's connection failed; a retry follows)
    Q_PROPERTY(QString status READ status NOTIFY statusChanged)
    // Technical detail of the last failure (for the log and the technician's eye).
    Q_PROPERTY(QString problem READ problem NOTIFY statusChanged)
    Q_PROPERTY(bool onAir READ onAir NOTIFY floorChanged)
    Q_PROPERTY(QString floorPeer READ floorPeer NOTIFY floorChanged)
    Q_PROPERTY(QString peer READ peer NOTIFY activeChanged)
    Q_PROPERTY(bool muted READ muted WRITE setMuted NOTIFY sendingChanged)
    Q_PROPERTY(bool cameraOff READ cameraOff WRITE setCameraOff NOTIFY sendingChanged)
    // This site's camera and microphone to the chamber: off, connecting, sending, failed,
    // unavailable (no camera or elements here).
    Q_PROPERTY(QString sendStatus READ sendStatus NOTIFY sendingChanged)
    // false: watch only, never send a camera back (the chamber's tally screen showing the
    // site that has the floor).
    Q_PROPERTY(bool sendBack READ sendBack WRITE setSendBack NOTIFY sendingChanged)
    // Decoded programme frames so far (this receiver), refreshed twice a second.
    Q_PROPERTY(int framesReceived READ framesReceived NOTIFY statsChanged)
    Q_PROPERTY(QSize videoSize READ videoSize NOTIFY statsChanged)

public:
    explicit BridgeMedia(QObject *parent = nullptr);
    ~BridgeMedia() override;

    void classBegin() override { }
    void componentComplete() override;

    // Tests: signaling through something else than the kiosk's connection (before active), and
    // ICE/latency settings for the receiver.
    void setLink(MediaLink *link);
    void setReceiverConfig(media::ReceiverConfig config) { m_receiverConfig = std::move(config); }
    // The camera and microphone (and ICE settings) for the return; its preview sink comes from
    // the preview surface. Without a config, no return is sent ("unavailable").
    void setReturnConfig(std::optional<media::ReturnSenderConfig> config);
    media::MediaReceiver *receiver() const { return m_receiver.get(); }
    media::ReturnSender *returnSender() const { return m_return.get(); }
    // What every BridgeMedia starts with (the kiosk's --camera/--microphone options): test
    // sources, a camera and microphone, or none.
    static void setDefaultReturnConfig(std::optional<media::ReturnSenderConfig> config);
    // Every element factory a bridge point can use: the receiver, the return over every
    // source, the video surfaces and the loudspeaker. `chamber-kiosk --list-elements` prints
    // it for the dependency test (tests/deps).
    static QStringList elementCatalog();

    bool active() const { return m_active; }
    void setActive(bool active);
    VideoSurface *programmeSurface() const { return m_programmeSurface; }
    void setProgrammeSurface(VideoSurface *surface);
    VideoSurface *previewSurface() const { return m_previewSurface; }
    void setPreviewSurface(VideoSurface *surface);
    QString status() const { return m_status; }
    QString problem() const { return m_problem; }
    bool onAir() const { return !m_floorPeer.isEmpty() && m_floorPeer == peer(); }
    QString floorPeer() const { return m_floorPeer; }
    QString peer() const { return m_link ? m_link->peer() : QString(); }
    bool muted() const { return m_muted; }
    void setMuted(bool muted);
    bool cameraOff() const { return m_cameraOff; }
    void setCameraOff(bool off);
    QString sendStatus() const { return m_sendStatus; }
    bool sendBack() const { return m_sendBack; }
    void setSendBack(bool send);
    int framesReceived() const { return int(m_frames); }
    QSize videoSize() const { return m_videoSize; }

Q_SIGNALS:
    void activeChanged();
    void surfacesChanged();
    void statusChanged();
    void floorChanged();
    void sendingChanged();
    void statsChanged();

private:
    void update();
    void onReceived(const media::SignalMessage &message);
    void startReceiver(const media::SignalMessage &offer);
    void dropReceiver();
    void failed(const QString &problem);
    void scheduleRejoin();
    void refreshStatus();
    void refreshStats();
    void startReturn();
    void dropReturn();
    void onPeerError(const QString &message);
    void setSendStatus(const QString &status);

    QPointer<MediaLink> m_link;
    std::unique_ptr<MediaLink> m_ownLink;
    QPointer<VideoSurface> m_programmeSurface;
    QPointer<VideoSurface> m_previewSurface;
    media::ReceiverConfig m_receiverConfig;
    std::unique_ptr<media::MediaReceiver> m_receiver;
    std::optional<media::ReturnSenderConfig> m_returnConfig;
    std::unique_ptr<media::ReturnSender> m_return;
    QTimer m_rejoinTimer;
    QTimer m_statsTimer;
    QTimer m_returnRetryTimer;
    int m_rejoinDelayMs = 0;
    bool m_complete = false;
    bool m_active = false;
    bool m_joined = false;
    bool m_failed = false;
    QString m_serviceState = QStringLiteral("running");
    QString m_status = QStringLiteral("off");
    QString m_problem;
    QString m_floorPeer;
    bool m_muted = false;
    bool m_cameraOff = false;
    QString m_sendStatus = QStringLiteral("off");
    bool m_sendBack = true;
    quint64 m_frames = 0;
    QSize m_videoSize;
};

} // namespace chamber::kiosk
