#include "scanner/qrscanner.h"

#include "scanner/frameluminance.h"
#include "scanner/qrdecode.h"

#include <QFileInfo>
#include <QImageReader>
#include <QMediaPlayer>
#include <QMutexLocker>
#include <QUrl>

namespace chamber::kiosk {

namespace {

// FileDialog hands out file:// URLs, the command line and tests plain paths.
QString localPath(const QString &pathOrFileUrl)
{
    if (pathOrFileUrl.startsWith(QLatin1String("file:")))
        return QUrl(pathOrFileUrl).toLocalFile();
    if (pathOrFileUrl.startsWith(QLatin1String("qrc:")))
        return QLatin1Char(':') + QUrl(pathOrFileUrl).path();
    return pathOrFileUrl;
}

QString displayName(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    return name.isEmpty() ? path : name;
}

} // namespace

QrScanner::QrScanner(QObject *parent)
    : QObject(parent)
    , m_worker(std::make_unique<QObject>())
{
    m_thread.setObjectName(QStringLiteral("QR decoder"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

QrScanner::~QrScanner()
{
    QObject::disconnect(m_sinkConnection);
    QObject::disconnect(m_sinkDestroyedConnection);
    {
        QMutexLocker lock(&m_mutex);
        m_pending.reset();
        m_videoScan = 0;
    }
    // Now rather than as children in ~QObject, when this object's own members are gone but a
    // frame the player delivers would still call offerFrame().
    delete m_player;
    delete m_playerSink;
    // Waits for at most the decode that is running; queued work for the worker is dropped.
    m_thread.quit();
    m_thread.wait();
    m_worker.reset();
}

void QrScanner::setVideoSink(QVideoSink *sink)
{
    if (m_videoSink == sink)
        return;
    QObject::disconnect(m_sinkConnection);
    QObject::disconnect(m_sinkDestroyedConnection);
    m_videoSink = sink;
    if (sink) {
        // Direct: the sink may emit on a media thread, and a queued connection would queue every
        // frame on the UI thread's event loop, which is exactly the unbounded queue to avoid.
        m_sinkConnection = connect(
            sink, &QVideoSink::videoFrameChanged, this,
            [this](const QVideoFrame &frame) { submitFrame(frame); }, Qt::DirectConnection);
        // m_videoSink is a QPointer and reads null from now on; QML should hear about it.
        m_sinkDestroyedConnection
            = connect(sink, &QObject::destroyed, this, [this] { emit videoSinkChanged(); });
    }
    emit videoSinkChanged();
}

void QrScanner::setActive(bool active)
{
    if (m_active.load() == active)
        return;
    m_active = active;
    if (active) {
        m_reportedThisActivation.clear();
    } else {
        QMutexLocker lock(&m_mutex);
        if (m_pending && m_pending->origin == Origin::Live)
            m_pending.reset();
    }
    emit activeChanged();
}

bool QrScanner::isBusy() const
{
    QMutexLocker lock(&m_mutex);
    return m_decoding;
}

void QrScanner::submitFrame(const QVideoFrame &frame)
{
    offerFrame(frame, Origin::Live);
}

void QrScanner::offerFrame(const QVideoFrame &frame, Origin origin)
{
    if (!frame.isValid())
        return;
    bool startDecoder = false;
    {
        QMutexLocker lock(&m_mutex);
        if (origin == Origin::Live && (!m_active.load() || m_videoScan != 0))
            return;
        if (origin == Origin::Video && m_videoScan == 0)
            return; // a late frame of a video scan that has finished
        ++m_framesSeen;
        // A video frame replacing a video frame leaves the count as it is: the old one is dropped.
        if (origin == Origin::Video && !(m_pending && m_pending->origin == Origin::Video))
            ++m_videoFramesInFlight;
        m_pending = PendingFrame {frame, origin, origin == Origin::Video ? m_videoScan : 0};
        if (!m_decoding) {
            m_decoding = true;
            startDecoder = true;
        }
    }
    if (startDecoder)
        QMetaObject::invokeMethod(
            m_worker.get(), [this] { decodeNextFrame(); }, Qt::QueuedConnection);
    notifyCountersSoon();
}

// Worker thread. One frame per call, re-posted while frames are waiting, so that image scans
// and thread shutdown are served between frames even when the camera never pauses.
void QrScanner::decodeNextFrame()
{
    PendingFrame job;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_pending) {
            m_decoding = false;
            return;
        }
        job = std::move(*m_pending);
        m_pending.reset();
    }
    m_luminance = frameLuminance(job.frame, std::move(m_luminance));
    // Hand the buffer back to the camera's pool before the slow part.
    job.frame = QVideoFrame();
    const std::optional<QString> text = decodeQr(m_luminance);
    ++m_framesDecoded;

    bool more = false;
    {
        QMutexLocker lock(&m_mutex);
        if (job.origin == Origin::Video && job.videoScan != 0 && job.videoScan == m_videoScan)
            --m_videoFramesInFlight;
        more = m_pending.has_value();
        if (!more)
            m_decoding = false;
    }
    if (more)
        QMetaObject::invokeMethod(
            m_worker.get(), [this] { decodeNextFrame(); }, Qt::QueuedConnection);
    if (text || job.origin == Origin::Video) {
        QMetaObject::invokeMethod(
            this,
            [this, text, origin = job.origin, scan = job.videoScan] {
                handleFrameResult(text, origin, scan);
            },
            Qt::QueuedConnection);
    }
    notifyCountersSoon();
}

void QrScanner::handleFrameResult(
    const std::optional<QString> &text, Origin origin, quint64 videoScan)
{
    if (origin == Origin::Live) {
        if (!text || !m_active.load() || m_reportedThisActivation.contains(*text))
            return;
        m_reportedThisActivation.insert(*text);
        emit decoded(*text);
        return;
    }
    if (!m_player || videoScan != m_lastVideoScan)
        return; // the scan this frame belonged to has already reported
    if (text) {
        finishVideoScan();
        emit decoded(*text);
    } else if (m_videoEnded) {
        failVideoScanIfDrained();
    }
}

void QrScanner::scanImageFile(const QString &pathOrFileUrl)
{
    const QString path = localPath(pathOrFileUrl);
    // Reading a large photo takes longer than a frame; keep it off the UI thread too.
    QMetaObject::invokeMethod(
        m_worker.get(),
        [this, path] {
            const QString name = displayName(path);
            QImageReader reader(path);
            reader.setAutoTransform(true);
            const QImage image = reader.read();
            std::optional<QString> text;
            QString failure;
            if (image.isNull()) {
                failure = QStringLiteral("cannot read %1: %2").arg(name, reader.errorString());
            } else {
                text = decodeQr(image);
                if (!text)
                    failure = QStringLiteral("no QR code found in %1").arg(name);
            }
            QMetaObject::invokeMethod(
                this,
                [this, text, failure] {
                    if (text)
                        emit decoded(*text);
                    else
                        emit failed(failure);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void QrScanner::scanVideoFile(const QString &pathOrFileUrl)
{
    if (m_player)
        finishVideoScan();
    const QString path = localPath(pathOrFileUrl);
    const QString name = displayName(path);
    if (!QFileInfo(path).isFile()) {
        emit failed(QStringLiteral("cannot open %1: no such file").arg(name));
        return;
    }

    const quint64 scan = ++m_lastVideoScan;
    m_videoName = name;
    m_videoEnded = false;
    m_playerSink = new QVideoSink(this);
    m_player = new QMediaPlayer(this);
    m_player->setVideoOutput(m_playerSink);
    connect(
        m_playerSink, &QVideoSink::videoFrameChanged, this,
        [this](const QVideoFrame &frame) { offerFrame(frame, Origin::Video); },
        Qt::DirectConnection);
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this,
        [this, scan](QMediaPlayer::MediaStatus status) {
            if (!m_player || scan != m_lastVideoScan)
                return;
            if (status == QMediaPlayer::EndOfMedia) {
                handleVideoEnded();
            } else if (status == QMediaPlayer::InvalidMedia) {
                const QString name = m_videoName;
                finishVideoScan();
                emit failed(
                    QStringLiteral("cannot play %1: not a video this device can play").arg(name));
            }
        });
    connect(m_player, &QMediaPlayer::errorOccurred, this,
        [this, scan](QMediaPlayer::Error, const QString &errorString) {
            if (!m_player || scan != m_lastVideoScan)
                return;
            const QString name = m_videoName;
            finishVideoScan();
            emit failed(QStringLiteral("cannot play %1: %2").arg(name, errorString));
        });
    {
        QMutexLocker lock(&m_mutex);
        m_videoScan = scan;
        m_videoFramesInFlight = 0;
    }
    emit scanningVideoChanged();
    m_player->setSource(QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()));
    m_player->play();
}

// The last frames may still be in the decoder when the player reports the end; the scan fails
// only once they have come back without a code.
void QrScanner::handleVideoEnded()
{
    m_videoEnded = true;
    failVideoScanIfDrained();
}

// Counted now rather than when the worker posted its result: a later frame may have arrived in
// between and still be in the decoder.
void QrScanner::failVideoScanIfDrained()
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_videoFramesInFlight > 0)
            return;
    }
    const QString name = m_videoName;
    finishVideoScan();
    emit failed(QStringLiteral("no QR code found in %1").arg(name));
}

void QrScanner::finishVideoScan()
{
    {
        QMutexLocker lock(&m_mutex);
        m_videoScan = 0;
        m_videoFramesInFlight = 0;
        if (m_pending && m_pending->origin == Origin::Video)
            m_pending.reset();
    }
    if (m_player) {
        m_player->disconnect(this);
        m_playerSink->disconnect(this);
        m_player->stop();
        // Possibly called from the player's own signal: delete it once that has returned.
        m_player->deleteLater();
        m_playerSink->deleteLater();
        m_player = nullptr;
        m_playerSink = nullptr;
    }
    m_videoEnded = false;
    emit scanningVideoChanged();
}

void QrScanner::notifyCountersSoon()
{
    // Counters change on other threads; QML bindings must hear about it on the UI thread, and
    // at most one notification is ever queued however fast frames arrive.
    if (m_countersNotifyQueued.exchange(true))
        return;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_countersNotifyQueued = false;
            emit countersChanged();
        },
        Qt::QueuedConnection);
}

} // namespace chamber::kiosk
