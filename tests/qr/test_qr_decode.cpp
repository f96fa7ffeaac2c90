// decodeQr() on camera-like frames: every case must give back the exact join link, and frames
// without a QR code must give nothing.
#include "qrtestframes.h"
#include "scanner/qrdecode.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <ZXing/ReadBarcode.h>

#include <QPainter>
#include <QtTest>

#include <functional>

using namespace chamber;
using chamber::kiosk::decodeQr;

// A frame with the code, built for one case from the link it must carry.
using FrameMaker = std::function<QImage(const QString &text)>;
Q_DECLARE_METATYPE(FrameMaker)

class TestQrDecode : public QObject
{
    Q_OBJECT

private slots:
    void decodesCameraLikeFrames_data();
    void decodesCameraLikeFrames();
    void findsNothingInTheRoom();
    void findsNothingInPureNoise();
    void ignoresOtherBarcodeKinds();
    void decodesAnyQrContent();
    void decodesFromEveryImageFormat();
    void decodesCodeOnTransparentBackground();
    void nullImageGivesNothing();
};

namespace {

QImage frameWith(
    const QString &text, int symbolPixels, const QTransform &transform = {}, quint32 seed = 1)
{
    QImage frame = qrtest::roomBackground(seed);
    qrtest::placeCard(frame, qrtest::qrCard(text, symbolPixels), transform);
    return frame;
}

} // namespace

void TestQrDecode::decodesCameraLikeFrames_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<FrameMaker>("makeFrame");

    QTest::newRow("clean") << 11u
                           << FrameMaker([](const QString &text) { return frameWith(text, 320); });
    QTest::newRow("strong noise") << 12u << FrameMaker([](const QString &text) {
        QImage frame = frameWith(text, 320, {}, 2);
        // Sigma 30 grey levels: grainier than any tablet camera in a lit room. ZXing 1.4 reads
        // all of ten seeds at 30, nine at 35 and three at 40.
        qrtest::addNoise(frame, 30.0, 99);
        return frame;
    });
    QTest::newRow("blurred") << 13u << FrameMaker([](const QString &text) {
        QImage frame = frameWith(text, 320, {}, 3);
        qrtest::blur(frame, 2, 3); // three box passes of radius 2: a Gaussian of sigma ~2.4 px
        return frame;
    });
    for (const int degrees : {15, 45, 90, 180}) {
        QTest::addRow("rotated %d", degrees)
            << quint32(20 + degrees) << FrameMaker([degrees](const QString &text) {
                   return frameWith(text, 300, QTransform().rotate(degrees), 4);
               });
    }
    QTest::newRow("perspective") << 14u << FrameMaker([](const QString &text) {
        QImage frame = qrtest::roomBackground(5);
        // A card lying on the desk, seen from a seated person's tablet: top edge far away and
        // narrower, the whole card turned a little.
        const QPolygonF quad {
            QPointF(520, 170), QPointF(800, 190), QPointF(880, 560), QPointF(430, 520)};
        qrtest::placeCardInPerspective(frame, qrtest::qrCard(text, 300), quad);
        qrtest::addNoise(frame, 10.0, 7);
        return frame;
    });
    QTest::newRow("small") << 15u << FrameMaker([](const QString &text) {
        // The symbol is 140 px wide, about 3.4 px per module, off-centre.
        QImage frame = qrtest::roomBackground(6);
        qrtest::placeCard(frame, qrtest::qrCard(text, 140), QTransform::fromTranslate(310, -170));
        return frame;
    });
    QTest::newRow("dim low contrast") << 16u << FrameMaker([](const QString &text) {
        QImage frame = frameWith(text, 320, QTransform().rotate(8), 7);
        // Black modules end at ~34, white paper at ~81: a fifth of the usual contrast.
        qrtest::dim(frame, 0.2, 30);
        qrtest::addNoise(frame, 3.0, 8);
        return frame;
    });
}

void TestQrDecode::decodesCameraLikeFrames()
{
    QFETCH(quint32, seed);
    QFETCH(FrameMaker, makeFrame);
    const QString text = qrtest::joinUrl(seed);
    const QImage frame = makeFrame(text);
    QCOMPARE(frame.size(), QSize(qrtest::frameWidth, qrtest::frameHeight));
    // To look at what the decoder was given: CHAMBER_QR_TEST_DUMP=/some/dir.
    if (const QString dump = qEnvironmentVariable("CHAMBER_QR_TEST_DUMP"); !dump.isEmpty()) {
        frame.save(dump + QLatin1Char('/') + QString::fromLatin1(QTest::currentDataTag())
            + QStringLiteral(".png"));
    }
    const std::optional<QString> decoded = decodeQr(frame);
    QVERIFY2(decoded.has_value(), "no QR code found");
    QCOMPARE(*decoded, text);
}

void TestQrDecode::findsNothingInTheRoom()
{
    for (quint32 seed = 1; seed <= 3; ++seed)
        QCOMPARE(decodeQr(qrtest::roomBackground(seed)), std::nullopt);
}

void TestQrDecode::findsNothingInPureNoise()
{
    QCOMPARE(decodeQr(qrtest::noiseFrame(42)), std::nullopt);
}

void TestQrDecode::ignoresOtherBarcodeKinds()
{
    // A Code 128 barcode, drawn big and clean: ZXing reads it when asked for Code 128, so the
    // nullopt below means decodeQr looks for QR codes only, not that the picture is unreadable.
    const ZXing::BitMatrix bars = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::Code128)
                                      .setMargin(10)
                                      .encode(std::string("SEAT-A12"), 600, 160);
    QImage barcode(bars.width(), bars.height(), QImage::Format_Grayscale8);
    for (int y = 0; y < bars.height(); ++y)
        for (int x = 0; x < bars.width(); ++x)
            barcode.scanLine(y)[x] = bars.get(x, y) ? 0 : 255;
    QImage frame = qrtest::roomBackground(8);
    {
        QPainter painter(&frame);
        painter.drawImage(340, 280, barcode);
    }
    const QImage luminance = frame.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::Result asCode128 = ZXing::ReadBarcode(
        ZXing::ImageView(luminance.constBits(), luminance.width(), luminance.height(),
            ZXing::ImageFormat::Lum, int(luminance.bytesPerLine())),
        ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::Code128));
    QVERIFY(asCode128.isValid());
    QCOMPARE(QString::fromStdString(asCode128.text()), QStringLiteral("SEAT-A12"));

    QCOMPARE(decodeQr(frame), std::nullopt);
}

void TestQrDecode::decodesAnyQrContent()
{
    // Not join links: decodeQr hands back whatever the code says; judging it is the caller's job.
    const QStringList texts {QStringLiteral("WIFI:T:WPA;S:Chamber-Hall;P:not-a-join-link;;"),
        QStringLiteral("http://example.org/agenda.pdf"),
        QStringLiteral("Phi\u00ean h\u1ecdp th\u1ee9 12 \u2014 H\u0110ND t\u1ec9nh")};
    for (const QString &text : texts) {
        const std::optional<QString> decoded = decodeQr(frameWith(text, 300));
        QVERIFY2(decoded.has_value(), qPrintable(text));
        QCOMPARE(*decoded, text);
    }
}

void TestQrDecode::decodesFromEveryImageFormat()
{
    const QString text = qrtest::joinUrl(77);
    const QImage frame = frameWith(text, 300);
    for (const QImage::Format format : {QImage::Format_RGB32, QImage::Format_ARGB32,
             QImage::Format_RGB888, QImage::Format_Grayscale8, QImage::Format_RGBA8888}) {
        const std::optional<QString> decoded = decodeQr(frame.convertToFormat(format));
        QVERIFY2(decoded.has_value(), qPrintable(QString::number(int(format))));
        QCOMPARE(*decoded, text);
    }
}

void TestQrDecode::decodesCodeOnTransparentBackground()
{
    // Black modules on nothing, as web pages and PDF renderers hand them out.
    const QString text = qrtest::joinUrl(78);
    const QImage card = qrtest::qrCard(text, 300);
    QImage transparent(card.size(), QImage::Format_ARGB32_Premultiplied);
    for (int y = 0; y < card.height(); ++y) {
        for (int x = 0; x < card.width(); ++x)
            transparent.setPixel(x, y, qGray(card.pixel(x, y)) < 128 ? qRgba(0, 0, 0, 255) : 0);
    }
    QCOMPARE(decodeQr(transparent), std::optional<QString>(text));
}

void TestQrDecode::nullImageGivesNothing()
{
    QCOMPARE(decodeQr(QImage()), std::nullopt);
}

QTEST_MAIN(TestQrDecode)
#include "test_qr_decode.moc"
