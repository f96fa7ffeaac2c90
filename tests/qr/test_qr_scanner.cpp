// QrScanner: frames from sinks and tests, the busy decoder dropping frames, one report per
// code, pictures and video files. And frameLuminance(), which every camera frame goes through.
#include "qrtestframes.h"
#include "scanner/frameluminance.h"
#include "scanner/qrscanner.h"

#include "childprocess.h"

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <QVideoSink>
#include <QtTest>

#include <array>
#include <cstring>
#include <memory>

using namespace chamber;
using chamber::kiosk::QrScanner;

// Where A, R, G and B sit within a 32-bit pixel of a frame format.
using ArgbIndex = std::array<int, 4>;

namespace {

constexpr int decodeTimeoutMs = 10000;
constexpr int videoTimeoutMs = 30000;

QImage frameWithCode(const QString &text, quint32 seed = 1)
{
    QImage frame = qrtest::roomBackground(seed);
    qrtest::placeCard(frame, qrtest::qrCard(text, 300), QTransform().rotate(10));
    return frame;
}

// A small picture with colour in it, so that a wrong red/blue order changes the luminance.
QImage colourPattern()
{
    QImage image(64, 48, QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, qRgb(x * 4, y * 5, (x * y) % 256));
    return image;
}

uchar expectedLuma(QRgb pixel)
{
    return uchar((306 * qRed(pixel) + 601 * qGreen(pixel) + 117 * qBlue(pixel) + 0x200) >> 10);
}

// A frame of a 32-bit RGB format, bytes in memory in the order the format names.
QVideoFrame rgbFrame(
    const QImage &image, QVideoFrameFormat::PixelFormat format, ArgbIndex argbIndex)
{
    QVideoFrame frame(QVideoFrameFormat(image.size(), format));
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    for (int y = 0; y < image.height(); ++y) {
        uchar *out = frame.bits(0) + y * frame.bytesPerLine(0);
        for (int x = 0; x < image.width(); ++x) {
            const QRgb pixel = image.pixel(x, y);
            out[x * 4 + argbIndex[0]] = 0xff;
            out[x * 4 + argbIndex[1]] = uchar(qRed(pixel));
            out[x * 4 + argbIndex[2]] = uchar(qGreen(pixel));
            out[x * 4 + argbIndex[3]] = uchar(qBlue(pixel));
        }
    }
    frame.unmap();
    return frame;
}

// A frame of a YUV format whose luminance is the given grey image. Chroma is left as
// allocated: the conversion must not read it.
QVideoFrame yuvFrame(const QImage &grey, QVideoFrameFormat::PixelFormat format)
{
    QVideoFrame frame(QVideoFrameFormat(grey.size(), format));
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    for (int y = 0; y < grey.height(); ++y) {
        const uchar *in = grey.constScanLine(y);
        uchar *out = frame.bits(0) + y * frame.bytesPerLine(0);
        for (int x = 0; x < grey.width(); ++x) {
            switch (format) {
            case QVideoFrameFormat::Format_YUYV:
                out[x * 2] = in[x];
                out[x * 2 + 1] = 0x55;
                break;
            case QVideoFrameFormat::Format_UYVY:
                out[x * 2] = 0x55;
                out[x * 2 + 1] = in[x];
                break;
            default:
                out[x] = in[x];
            }
        }
    }
    frame.unmap();
    return frame;
}

bool writeFrames(const QString &directory, int count, int firstWithCode, const QString &text)
{
    // Two pictures, written again and again: making camera-like frames is the slow part here.
    const QImage room = qrtest::roomBackground(21);
    const QImage withCode = firstWithCode < count ? frameWithCode(text, 22) : QImage();
    for (int i = 0; i < count; ++i) {
        const QString path
            = directory + QStringLiteral("/frame%1.png").arg(i, 3, 10, QLatin1Char('0'));
        // Quality 100 is the fastest PNG compression level; the files are thrown away.
        if (!(i >= firstWithCode ? withCode : room).save(path, "PNG", 100))
            return false;
    }
    return true;
}

// Motion-JPEG in AVI: jpegenc and avimux are in gstreamer1.0-plugins-good, and the same
// package's jpegdec and avidemux play it back.
QString encodeVideo(const QString &directory, const QString &name)
{
    const QString gst = QStandardPaths::findExecutable(QStringLiteral("gst-launch-1.0"));
    if (gst.isEmpty())
        return {};
    const QString output = directory + QLatin1Char('/') + name;
    QProcess process;
    chamber::testing::dieWithTest(process);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(gst,
        {QStringLiteral("-q"), QStringLiteral("multifilesrc"),
            QStringLiteral("location=") + directory + QStringLiteral("/frame%03d.png"),
            QStringLiteral("index=0"), QStringLiteral("caps=image/png,framerate=10/1"),
            QStringLiteral("!"), QStringLiteral("pngdec"), QStringLiteral("!"),
            QStringLiteral("videoconvert"), QStringLiteral("!"), QStringLiteral("jpegenc"),
            QStringLiteral("!"), QStringLiteral("avimux"), QStringLiteral("!"),
            QStringLiteral("filesink"), QStringLiteral("location=") + output});
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        qWarning("gst-launch-1.0 failed: %s", process.readAll().constData());
        return {};
    }
    return output;
}

} // namespace

class TestQrScanner : public QObject
{
    Q_OBJECT

private slots:
    void luminanceOfYuvFramesIsTheYPlane_data();
    void luminanceOfYuvFramesIsTheYPlane();
    void luminanceOfRgbFramesWeighsTheRightBytes_data();
    void luminanceOfRgbFramesWeighsTheRightBytes();
    void luminanceReusesAFittingBufferOnly();
    void decodesRgbFrame();
    void decodesNv12Frame();
    void reportsACodeOncePerActivation();
    void dropsFramesWhileBusyAndDecodesTheNewest();
    void ignoresFramesWhileInactive();
    void scansFramesFromAVideoSink();
    void scansImageFile();
    void imageWithoutCodeFails();
    void missingImageFails();
    void scansVideoFileWhereTheCodeAppearsLate();
    void videoWithoutCodeFails();
    void missingVideoFails();
    void destroysCleanlyWhileWorking();
};

void TestQrScanner::luminanceOfYuvFramesIsTheYPlane_data()
{
    QTest::addColumn<QVideoFrameFormat::PixelFormat>("format");
    QTest::newRow("NV12") << QVideoFrameFormat::Format_NV12;
    QTest::newRow("NV21") << QVideoFrameFormat::Format_NV21;
    QTest::newRow("YUV420P") << QVideoFrameFormat::Format_YUV420P;
    QTest::newRow("YV12") << QVideoFrameFormat::Format_YV12;
    QTest::newRow("YUYV") << QVideoFrameFormat::Format_YUYV;
    QTest::newRow("UYVY") << QVideoFrameFormat::Format_UYVY;
    QTest::newRow("Y8") << QVideoFrameFormat::Format_Y8;
}

void TestQrScanner::luminanceOfYuvFramesIsTheYPlane()
{
    QFETCH(QVideoFrameFormat::PixelFormat, format);
    QVERIFY(kiosk::hasDirectLuminance(format));
    const QImage grey = colourPattern().convertToFormat(QImage::Format_Grayscale8);
    const QVideoFrame frame = yuvFrame(grey, format);
    QVERIFY(frame.isValid());
    const QImage luminance = kiosk::frameLuminance(frame);
    QCOMPARE(luminance.format(), QImage::Format_Grayscale8);
    QCOMPARE(luminance.size(), grey.size());
    for (int y = 0; y < grey.height(); ++y)
        QVERIFY(std::memcmp(luminance.constScanLine(y), grey.constScanLine(y), size_t(grey.width()))
            == 0);
}

void TestQrScanner::luminanceOfRgbFramesWeighsTheRightBytes_data()
{
    QTest::addColumn<QVideoFrameFormat::PixelFormat>("format");
    QTest::addColumn<ArgbIndex>("argbIndex");
    QTest::newRow("XRGB8888") << QVideoFrameFormat::Format_XRGB8888 << ArgbIndex {0, 1, 2, 3};
    QTest::newRow("ARGB8888") << QVideoFrameFormat::Format_ARGB8888 << ArgbIndex {0, 1, 2, 3};
    QTest::newRow("BGRA8888") << QVideoFrameFormat::Format_BGRA8888 << ArgbIndex {3, 2, 1, 0};
    QTest::newRow("BGRX8888") << QVideoFrameFormat::Format_BGRX8888 << ArgbIndex {3, 2, 1, 0};
    QTest::newRow("ABGR8888") << QVideoFrameFormat::Format_ABGR8888 << ArgbIndex {0, 3, 2, 1};
    QTest::newRow("RGBA8888") << QVideoFrameFormat::Format_RGBA8888 << ArgbIndex {3, 0, 1, 2};
}

void TestQrScanner::luminanceOfRgbFramesWeighsTheRightBytes()
{
    QFETCH(QVideoFrameFormat::PixelFormat, format);
    QFETCH(ArgbIndex, argbIndex);
    const QImage pattern = colourPattern();
    const QVideoFrame frame = rgbFrame(pattern, format, argbIndex);
    QVERIFY(frame.isValid());
    const QImage luminance = kiosk::frameLuminance(frame);
    QCOMPARE(luminance.size(), pattern.size());
    // Qt's own reading of the frame agrees on the byte order.
    const QImage qtImage = frame.toImage();
    QCOMPARE(qtImage.size(), pattern.size());
    for (int y = 0; y < pattern.height(); ++y) {
        for (int x = 0; x < pattern.width(); ++x) {
            QCOMPARE(luminance.constScanLine(y)[x], expectedLuma(pattern.pixel(x, y)));
            QCOMPARE(luminance.constScanLine(y)[x], expectedLuma(qtImage.pixel(x, y)));
        }
    }
}

void TestQrScanner::luminanceReusesAFittingBufferOnly()
{
    const QImage firstGrey = colourPattern().convertToFormat(QImage::Format_Grayscale8);
    const QImage secondGrey = firstGrey.mirrored(true, false);
    const QVideoFrame first = yuvFrame(firstGrey, QVideoFrameFormat::Format_NV12);
    const QVideoFrame second = yuvFrame(secondGrey, QVideoFrameFormat::Format_NV12);

    QImage buffer = kiosk::frameLuminance(first);
    const uchar *bits = buffer.constBits();
    buffer = kiosk::frameLuminance(second, std::move(buffer));
    QCOMPARE(buffer.constBits(), bits);
    QCOMPARE(buffer, secondGrey);

    // Someone still holds the buffer (a decode in progress, say): it must not change under them.
    const QImage heldElsewhere = buffer;
    const QImage next = kiosk::frameLuminance(first, buffer);
    QCOMPARE(next, firstGrey);
    QCOMPARE(heldElsewhere, secondGrey);

    // A buffer of another size is replaced.
    QCOMPARE(kiosk::frameLuminance(first, QImage(8, 8, QImage::Format_Grayscale8)).size(),
        firstGrey.size());
}

void TestQrScanner::decodesRgbFrame()
{
    QrScanner scanner;
    QSignalSpy decoded(&scanner, &QrScanner::decoded);
    const QString text = qrtest::joinUrl(101);
    scanner.submitFrame(qrtest::toXrgbFrame(frameWithCode(text)));
    QTRY_COMPARE_WITH_TIMEOUT(decoded.size(), 1, decodeTimeoutMs);
    QCOMPARE(decoded.first().first().toString(), text);
}

void TestQrScanner::decodesNv12Frame()
{
    QrScanner scanner;
    QSignalSpy decoded(&scanner, &QrScanner::decoded);
    const QString text = qrtest::joinUrl(102);
    const QVideoFrame frame = qrtest::toNv12Frame(frameWithCode(text));
    QCOMPARE(frame.pixelFormat(), QVideoFrameFormat::Format_NV12);
    scanner.submitFrame(frame);
    QTRY_COMPARE_WITH_TIMEOUT(decoded.size(), 1, decodeTimeoutMs);
    QCOMPARE(decoded.first().first().toString(), text);
}

void TestQrScanner::reportsACodeOncePerActivation()
{
    QrScanner scanner;
    QSignalSpy decoded(&scanner, &QrScanner::decoded);
    const QString text = qrtest::joinUrl(103);
    const QVideoFrame frame = qrtest::toNv12Frame(frameWithCode(text));
    // One at a time, so that every frame is decoded rather than dropped.
    for (int i = 1; i <= 4; ++i) {
        scanner.submitFrame(frame);
        QTRY_COMPARE_WITH_TIMEOUT(scanner.framesDecoded(), i, decodeTimeoutMs);
    }
    QTRY_VERIFY(!scanner.isBusy());
    QTest::qWait(50); // results travel back through the event loop
    QCOMPARE(decoded.size(), 1);

    // A second, different code is news.
    const QString other = qrtest::joinUrl(104);
    scanner.submitFrame(qrtest::toNv12Frame(frameWithCode(other, 2)));
    QTRY_COMPARE_WITH_TIMEOUT(decoded.size(), 2, decodeTimeoutMs);
    QCOMPARE(decoded.last().first().toString(), other);

    // A new activation reports the first code again.
    scanner.setActive(false);
    scanner.setActive(true);
    scanner.submitFrame(frame);
    QTRY_COMPARE_WITH_TIMEOUT(decoded.size(), 3, decodeTimeoutMs);
    QCOMPARE(decoded.last().first().toString(), text);
}

void TestQrScanner::dropsFramesWhileBusyAndDecodesTheNewest()
{
    QrScanner scanner;
    QSignalSpy decoded(&scanner, &QrScanner::decoded);
    // The room without a code keeps the decoder busiest: it searches the whole frame.
    const QVideoFrame empty = qrtest::toNv12Frame(qrtest::roomBackground(5));
    const QString newest = qrtest::joinUrl(105);
    const QVideoFrame last = qrtest::toNv12Frame(frameWithCode(newest));
    constexpr int burst = 30;
    for (int i = 0; i < burst; ++i)
        scanner.submitFrame(empty);
    scanner.submitFrame(last);
    QCOMPARE(scanner.framesSeen(), burst + 1);

    QTRY_VERIFY_WITH_TIMEOUT(!scanner.isBusy(), decodeTimeoutMs);
    // Submitting takes microseconds and a decode milliseconds: nearly all were dropped (usually
    // all but one or two; the bound leaves room for a loaded machine), and the last one, the
    // newest, was decoded.
    QVERIFY2(
        scanner.framesDecoded() < burst / 2, qPrintable(QString::number(scanner.framesDecoded())));
    QVERIFY(scanner.framesDecoded() >= 1);
    QTRY_COMPARE_WITH_TIMEOUT(decoded.size(), 1, decodeTimeoutMs);
    QCOMPARE(decoded.first().first().toString(), newest);
}

void TestQrScanner::ignoresFramesWhileInactive()
{
    QrScanner scanner;
    QSignalSpy decoded(&scanner, &QrScanner::decoded);
    QSignalSpy activeChanged(&scanner, &QrScanner::activeChanged);
    scanner.setActive(false);
    QCOMPARE(activeChanged.size(), 1);
    scanner.submitFrame(qrtest::toNv12Frame(frameWithCode(qrtest::joinUrl(106))));
    QVERIFY(!scanner.isBusy());
    QTest::qWait(200);
    QCOMPARE(scanner.framesSeen(), 0);
    QCOMPARE(scanner.framesDecoded(), 0);
    QCOMPARE(decoded.size(), 0);
}

void TestQrScanner::scansFramesFromAVideoSink()
{
    QrScanner scanner;
    QVideoSink sink;
    QSignalSpy sinkChanged(&scanner, &QrScanner::videoSinkChanged);
    QSignalSpy decoded(&scanner, &QrScanner::decoded);
    scanner.setVideoSink(&sink);
    QCOMPARE(scanner.videoSink(), &sink);
    QCOMPARE(sinkChanged.size(), 1);
    const QString text = qrtest::joinUrl(107);
    sink.setVideoFrame(qrtest::toXrgbFrame(frameWithCode(text)));
    QTRY_COMPARE_WITH_TIMEOUT(decoded.size(), 1, decodeTimeoutMs);
    QCOMPARE(decoded.first().first().toString(), text);
    QCOMPARE(scanner.framesSeen(), 1);

    scanner.setVideoSink(nullptr);
    sink.setVideoFrame(qrtest::toXrgbFrame(frameWithCode(text)));
    QCOMPARE(scanner.framesSeen(), 1);
}

void TestQrScanner::scansImageFile()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString text = qrtest::joinUrl(108);
    const QString path = directory.filePath(QStringLiteral("seat card.png"));
    QVERIFY(frameWithCode(text).save(path));

    QrScanner scanner;
    QSignalSpy decoded(&scanner, &QrScanner::decoded);
    QSignalSpy failed(&scanner, &QrScanner::failed);
    scanner.scanImageFile(path);
    QTRY_COMPARE_WITH_TIMEOUT(decoded.size(), 1, decodeTimeoutMs);
    QCOMPARE(decoded.first().first().toString(), text);
    // As FileDialog hands it over; reported again, because it was asked for.
    scanner.scanImageFile(QUrl::fromLocalFile(path).toString());
    QTRY_COMPARE_WITH_TIMEOUT(decoded.size(), 2, decodeTimeoutMs);
    QCOMPARE(decoded.last().first().toString(), text);
    QCOMPARE(failed.size(), 0);
    // Pictures are not camera frames.
    QCOMPARE(scanner.framesSeen(), 0);
}

void TestQrScanner::imageWithoutCodeFails()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath(QStringLiteral("room.png"));
    QVERIFY(qrtest::roomBackground(9).save(path));

    QrScanner scanner;
    QSignalSpy decoded(&scanner, &QrScanner::decoded);
    QSignalSpy failed(&scanner, &QrScanner::failed);
    scanner.scanImageFile(path);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, decodeTimeoutMs);
    QCOMPARE(failed.first().first().toString(), QStringLiteral("no QR code found in room.png"));
    QCOMPARE(decoded.size(), 0);
}

void TestQrScanner::missingImageFails()
{
    QrScanner scanner;
    QSignalSpy failed(&scanner, &QrScanner::failed);
    scanner.scanImageFile(QStringLiteral("/nonexistent/missing.png"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, decodeTimeoutMs);
    const QString reason = failed.first().first().toString();
    QVERIFY2(reason.startsWith(QLatin1String("cannot read missing.png: ")), qPrintable(reason));
}

void TestQrScanner::scansVideoFileWhereTheCodeAppearsLate()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString text = qrtest::joinUrl(109);
    // 1 s at 10 frames a second; frames 0 to 3 show the room only.
    QVERIFY(writeFrames(directory.path(), 10, 4, text));
    const QString video = encodeVideo(directory.path(), QStringLiteral("join.avi"));
    if (video.isEmpty())
        QSKIP("gst-launch-1.0 (gstreamer1.0-tools) with pngdec, jpegenc and avimux is needed to "
              "make the test video");

    QrScanner scanner;
    QSignalSpy decoded(&scanner, &QrScanner::decoded);
    QSignalSpy failed(&scanner, &QrScanner::failed);
    scanner.scanVideoFile(video);
    QVERIFY(scanner.isScanningVideo());
    QTRY_VERIFY_WITH_TIMEOUT(decoded.size() + failed.size() > 0, videoTimeoutMs);
    QVERIFY2(
        failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QCOMPARE(decoded.size(), 1);
    QCOMPARE(decoded.first().first().toString(), text);
    QVERIFY(!scanner.isScanningVideo());
    // The frames before the code were looked at too.
    QVERIFY2(scanner.framesSeen() >= 5, qPrintable(QString::number(scanner.framesSeen())));
}

void TestQrScanner::videoWithoutCodeFails()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    QVERIFY(writeFrames(directory.path(), 5, 5, QString()));
    const QString video = encodeVideo(directory.path(), QStringLiteral("room.avi"));
    if (video.isEmpty())
        QSKIP("gst-launch-1.0 (gstreamer1.0-tools) with pngdec, jpegenc and avimux is needed to "
              "make the test video");

    QrScanner scanner;
    QSignalSpy decoded(&scanner, &QrScanner::decoded);
    QSignalSpy failed(&scanner, &QrScanner::failed);
    scanner.scanVideoFile(QUrl::fromLocalFile(video).toString());
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, videoTimeoutMs);
    QCOMPARE(failed.first().first().toString(), QStringLiteral("no QR code found in room.avi"));
    QCOMPARE(decoded.size(), 0);
    QVERIFY(scanner.framesSeen() >= 1);
    QVERIFY(!scanner.isScanningVideo());
}

void TestQrScanner::missingVideoFails()
{
    QrScanner scanner;
    QSignalSpy failed(&scanner, &QrScanner::failed);
    scanner.scanVideoFile(QStringLiteral("/nonexistent/clip.avi"));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(
        failed.first().first().toString(), QStringLiteral("cannot open clip.avi: no such file"));
    QVERIFY(!scanner.isScanningVideo());
}

void TestQrScanner::destroysCleanlyWhileWorking()
{
    // Mid-decode, with a frame waiting and an image scan queued behind it.
    const QVideoFrame frame = qrtest::toNv12Frame(qrtest::roomBackground(6));
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath(QStringLiteral("room.png"));
    QVERIFY(qrtest::roomBackground(7).save(path, "PNG", 100));
    for (int round = 0; round < 5; ++round) {
        auto scanner = std::make_unique<QrScanner>();
        scanner->submitFrame(frame);
        scanner->submitFrame(frame);
        scanner->scanImageFile(path);
        scanner.reset();
        QCoreApplication::processEvents(); // results posted by the worker must go nowhere
    }

    // Mid-video.
    QVERIFY(writeFrames(directory.path(), 5, 5, QString()));
    const QString video = encodeVideo(directory.path(), QStringLiteral("room.avi"));
    if (video.isEmpty())
        QSKIP("gst-launch-1.0 (gstreamer1.0-tools) is needed to make the test video");
    auto scanner = std::make_unique<QrScanner>();
    scanner->scanVideoFile(video);
    QTRY_VERIFY_WITH_TIMEOUT(scanner->framesSeen() > 0, videoTimeoutMs);
    scanner.reset();
    QTest::qWait(100);
}

QTEST_MAIN(TestQrScanner)
#include "test_qr_scanner.moc"
