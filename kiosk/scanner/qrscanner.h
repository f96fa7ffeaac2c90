// Scanning QR codes from a camera, a picture or a video file, off the UI thread. The join screen
// uses it through ScannerView.qml.
#pragma once

#include <QImage>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QThread>
#include <QVideoFrame>
#include <QVideoSink>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <memory>
#include <optional>

class QMediaPlayer;

namespace chamber::kiosk {

// Decodes video frames on its own worker thread, one at a time. A camera delivers 30 frames a
// second and a decode can take longer than 33 ms, so frames are never queued: the scanner keeps
// only the newest frame that arrived while a decode runs and drops the one it replaces. The
// camera therefore never waits and memory stays bounded, and the code on screen now is the one
// decoded next.
//
// Live frames (from videoSink or submitFrame) report each distinct text once per activation, so
// a code held in front of the camera gives one decoded() and not thirty a second. Explicit
// requests (scanImageFile, scanVideoFile) always report their outcome, as decoded() or failed().
class QrScanner : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    // A VideoOutput's videoSink or a CaptureSession's sink; every frame it shows is offered to
    // submitFrame().
    Q_PROPERTY(QVideoSink *videoSink READ videoSink WRITE setVideoSink NOTIFY videoSinkChanged)
    // Whether live frames are decoded. Switching it on starts a new activation: texts reported
    // before are reported again.
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    // Live and video frames offered while active, and how many of them went through the decoder
    // (found a code or not); the difference was dropped because the decoder was busy.
    Q_PROPERTY(int framesSeen READ framesSeen NOTIFY countersChanged)
    Q_PROPERTY(int framesDecoded READ framesDecoded NOTIFY countersChanged)
    // True while a frame waits for or is in the decoder.
    Q_PROPERTY(bool busy READ isBusy NOTIFY countersChanged)
    // True from scanVideoFile() until it reports.
    Q_PROPERTY(bool scanningVideo READ isScanningVideo NOTIFY scanningVideoChanged)

public:
    explicit QrScanner(QObject *parent = nullptr);
    ~QrScanner() override;

    QVideoSink *videoSink() const { return m_videoSink; }
    void setVideoSink(QVideoSink *sink);
    bool isActive() const { return m_active.load(); }
    void setActive(bool active);
    int framesSeen() const { return m_framesSeen.load(); }
    int framesDecoded() const { return m_framesDecoded.load(); }
    bool isBusy() const;
    bool isScanningVideo() const { return m_player != nullptr; }

    // Reads a picture (a path, or a file:// URL as FileDialog gives) on the worker thread.
    Q_INVOKABLE void scanImageFile(const QString &pathOrFileUrl);
    // Plays a video file into an internal sink until a frame holds a QR code (decoded(), and
    // playback stops) or the file ends or cannot be played (failed()). Replaces a video scan
    // still running; live frames are ignored meanwhile.
    Q_INVOKABLE void scanVideoFile(const QString &pathOrFileUrl);
    // Offers one live frame. Thread-safe and cheap: sinks call it from whichever thread delivers
    // frames. Ignored while inactive or while a video file is scanned.
    void submitFrame(const QVideoFrame &frame);

signals:
    void videoSinkChanged();
    void activeChanged();
    void countersChanged();
    void scanningVideoChanged();
    void decoded(const QString &text);
    // A human-readable English reason, e.g. "no QR code found in image.png".
    void failed(const QString &reason);

private:
    enum class Origin { Live, Video };
    struct PendingFrame
    {
        QVideoFrame frame;
        Origin origin = Origin::Live;
        quint64 videoScan = 0; // which scanVideoFile() call the frame belongs to
    };

    void offerFrame(const QVideoFrame &frame, Origin origin);
    void decodeNextFrame(); // worker thread
    void handleFrameResult(const std::optional<QString> &text, Origin origin, quint64 videoScan);
    void handleVideoEnded();
    void failVideoScanIfDrained();
    void finishVideoScan();
    void notifyCountersSoon();

    // Everything the worker thread and frame-delivering threads share, under m_mutex.
    mutable QMutex m_mutex;
    std::optional<PendingFrame> m_pending;
    bool m_decoding = false; // a decodeNextFrame() call is queued or running
    quint64 m_videoScan = 0; // the running video scan, 0 for none
    int m_videoFramesInFlight = 0; // of m_videoScan, pending or in the decoder

    std::atomic<bool> m_active {true};
    std::atomic<int> m_framesSeen {0};
    std::atomic<int> m_framesDecoded {0};
    std::atomic<bool> m_countersNotifyQueued {false};

    // UI thread only.
    QPointer<QVideoSink> m_videoSink;
    QMetaObject::Connection m_sinkConnection;
    QMetaObject::Connection m_sinkDestroyedConnection;
    QSet<QString> m_reportedThisActivation;
    QMediaPlayer *m_player = nullptr;
    QVideoSink *m_playerSink = nullptr;
    QString m_videoName;
    bool m_videoEnded = false;
    quint64 m_lastVideoScan = 0;

    // Worker thread only: the luminance of the last frame, overwritten by the next one.
    QImage m_luminance;

    QThread m_thread;
    std::unique_ptr<QObject> m_worker; // lives in m_thread; the context of work posted there
};

} // namespace chamber::kiosk
