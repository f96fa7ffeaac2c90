// chamber_qrcode: the module matrix, its limits, and every output format read back by the
// decoder the kiosk uses.
#include "qrcode/qrcode.h"
#include "scanner/qrdecode.h"

#include <QPainter>
#include <QSvgRenderer>
#include <QXmlStreamReader>
#include <QtTest>

using namespace chamber;
using namespace chamber::qrcode;
using chamber::kiosk::decodeQr;

namespace {

const QString joinLink
    = QStringLiteral("https://192.168.10.5:8443/join#v=1&t=Zq3xW9_kLm2Np8Rt4Vb6Yc1Hd5Jf7Gs0&p="
                     "u8Qm2Kx9Lr4Tz7Wn1Bv5Cy3Hf6Jd0Ps8Ga2Xe4Mk9Nq");

QrMatrix encodeOrFail(const QString &text, Correction correction = Correction::Medium)
{
    Result<QrMatrix> matrix = encode(text.toUtf8(), correction);
    if (!matrix) {
        qWarning("%s", qPrintable(matrix.error().message));
        return {};
    }
    return std::move(matrix).value();
}

// A finder pattern: a 7x7 dark ring, light ring, 3x3 dark core, with the light separator
// row and column around it.
bool hasFinderAt(const QrMatrix &matrix, int left, int top)
{
    for (int y = -1; y <= 7; ++y) {
        for (int x = -1; x <= 7; ++x) {
            const int ring = std::max(std::abs(x - 3), std::abs(y - 3));
            const bool expected = ring == 3 || ring <= 1;
            const bool separator = ring == 4;
            if (matrix.dark(left + x, top + y) != (expected && !separator))
                return false;
        }
    }
    return true;
}

} // namespace

class TestQrEncode : public QObject
{
    Q_OBJECT

private slots:
    void encodesAJoinLinkAsAStandardSymbol();
    void higherCorrectionNeedsALargerSymbol();
    void refusesTextTooLongForAnyVersion_data();
    void refusesTextTooLongForAnyVersion();
    void refusesEmptyText();
    void darkIsFalseOutsideTheSymbol();
    void imageHasQuietZoneAndDecodes();
    void pngLoadsAndDecodes();
    void svgIsACompactDocumentThatRendersAndDecodes();
    void pathDecodesAtFractionalModuleSizes();
    void vietnameseTextRoundTrips();
    void emptyMatrixRendersNothing();
};

void TestQrEncode::encodesAJoinLinkAsAStandardSymbol()
{
    QCOMPARE(joinLink.size(), 115);
    const QrMatrix matrix = encodeOrFail(joinLink);
    // 115 bytes at Medium correction need version 7: 17 + 4 * 7 modules.
    QCOMPARE(matrix.size, 45);
    QCOMPARE(matrix.modules.size(), size_t(45 * 45));
    QVERIFY(hasFinderAt(matrix, 0, 0));
    QVERIFY(hasFinderAt(matrix, matrix.size - 7, 0));
    QVERIFY(hasFinderAt(matrix, 0, matrix.size - 7));
    QVERIFY(!hasFinderAt(matrix, matrix.size - 7, matrix.size - 7));
    // Timing pattern: row 6 alternates between the finders.
    for (int x = 8; x < matrix.size - 8; ++x)
        QCOMPARE(matrix.dark(x, 6), x % 2 == 0);
}

void TestQrEncode::higherCorrectionNeedsALargerSymbol()
{
    QCOMPARE(encodeOrFail(joinLink, Correction::Low).size, 41); // version 6
    QCOMPARE(encodeOrFail(joinLink, Correction::Quartile).size, 53); // version 9
    QCOMPARE(encodeOrFail(joinLink, Correction::High).size, 57); // version 10
}

void TestQrEncode::refusesTextTooLongForAnyVersion_data()
{
    QTest::addColumn<Correction>("correction");
    QTest::addColumn<int>("limit");
    QTest::newRow("low") << Correction::Low << 2953;
    QTest::newRow("medium") << Correction::Medium << 2331;
    QTest::newRow("quartile") << Correction::Quartile << 1663;
    QTest::newRow("high") << Correction::High << 1273;
}

void TestQrEncode::refusesTextTooLongForAnyVersion()
{
    QFETCH(Correction, correction);
    QFETCH(int, limit);
    QCOMPARE(maximumBytes(correction), limit);

    // Exactly the limit fits into version 40 (177 modules): the table agrees with libqrencode.
    const Result<QrMatrix> largest = encode(QByteArray(limit, 'x'), correction);
    QVERIFY2(largest.ok(), largest.ok() ? "" : qPrintable(largest.error().message));
    QCOMPARE(largest->size, 177);

    const Result<QrMatrix> tooLong = encode(QByteArray(limit + 1, 'x'), correction);
    QVERIFY(!tooLong.ok());
    QCOMPARE(tooLong.error().code, ErrorCode::TooLarge);
    QVERIFY2(
        tooLong.error().message.contains(QString::number(limit + 1) + QStringLiteral(" bytes")),
        qPrintable(tooLong.error().message));
    QVERIFY2(tooLong.error().message.contains(QStringLiteral("at most %1 bytes").arg(limit)),
        qPrintable(tooLong.error().message));
}

void TestQrEncode::refusesEmptyText()
{
    const Result<QrMatrix> empty = encode(QByteArray());
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().code, ErrorCode::Invalid);
}

void TestQrEncode::darkIsFalseOutsideTheSymbol()
{
    const QrMatrix matrix = encodeOrFail(joinLink);
    QVERIFY(matrix.dark(0, 0));
    QVERIFY(!matrix.dark(-1, 0));
    QVERIFY(!matrix.dark(0, -1));
    QVERIFY(!matrix.dark(matrix.size, 0));
    QVERIFY(!matrix.dark(0, matrix.size));
    QVERIFY(!QrMatrix().dark(0, 0));
}

void TestQrEncode::imageHasQuietZoneAndDecodes()
{
    const QrMatrix matrix = encodeOrFail(joinLink);
    const QImage image = toImage(matrix, 6, 4);
    QCOMPARE(image.format(), QImage::Format_Grayscale8);
    QCOMPARE(image.size(), QSize((45 + 8) * 6, (45 + 8) * 6));
    // Quiet zone white, the top-left finder's corner black, nothing but black and white.
    QCOMPARE(image.pixelColor(23, 23), QColor(Qt::white));
    QCOMPARE(image.pixelColor(24, 24), QColor(Qt::black));
    QCOMPARE(image.pixelColor(image.width() - 1, image.height() - 1), QColor(Qt::white));
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            QVERIFY(image.constScanLine(y)[x] == 0 || image.constScanLine(y)[x] == 255);
    QCOMPARE(decodeQr(image), std::optional<QString>(joinLink));
    // Sizes below the minimum are clamped rather than producing an empty image.
    QCOMPARE(toImage(matrix, 0, -3).size(), QSize(45, 45));
}

void TestQrEncode::pngLoadsAndDecodes()
{
    const QByteArray png = toPng(encodeOrFail(joinLink), 4, 4);
    QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
    QImage loaded;
    QVERIFY(loaded.loadFromData(png, "PNG"));
    QCOMPARE(loaded.size(), QSize(53 * 4, 53 * 4));
    QCOMPARE(decodeQr(loaded), std::optional<QString>(joinLink));
}

void TestQrEncode::svgIsACompactDocumentThatRendersAndDecodes()
{
    const QrMatrix matrix = encodeOrFail(joinLink);
    const QByteArray svg = toSvg(matrix, 8, 4);

    // Well-formed XML with an <svg> root, one background <rect> and exactly one <path>.
    QXmlStreamReader xml(svg);
    int paths = 0;
    int rects = 0;
    QString root;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (root.isEmpty())
            root = xml.name().toString();
        if (xml.name() == QLatin1String("path"))
            ++paths;
        if (xml.name() == QLatin1String("rect")) {
            ++rects;
            QCOMPARE(xml.attributes().value(QLatin1String("fill")), QLatin1String("#ffffff"));
        }
        if (xml.name() == QLatin1String("svg")) {
            QCOMPARE(xml.attributes().value(QLatin1String("viewBox")), QLatin1String("0 0 53 53"));
            QCOMPARE(xml.attributes().value(QLatin1String("width")), QLatin1String("424"));
            QCOMPARE(xml.attributes().value(QLatin1String("shape-rendering")),
                QLatin1String("crispEdges"));
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(root, QStringLiteral("svg"));
    QCOMPARE(paths, 1);
    QCOMPARE(rects, 1);
    // Runs of modules, not one rectangle per module: well under 30 bytes per dark module.
    const auto darkModules = std::count(matrix.modules.begin(), matrix.modules.end(), true);
    QVERIFY2(svg.size() < darkModules * 12, qPrintable(QString::number(svg.size())));

    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.defaultSize(), QSize(424, 424));
    QImage image(424, 424, QImage::Format_RGB32);
    image.fill(Qt::red); // the background rect must paint over this
    QPainter painter(&image);
    renderer.render(&painter);
    painter.end();
    QCOMPARE(image.pixelColor(2, 2), QColor(Qt::white));
    QCOMPARE(image.pixelColor(4 * 8 + 2, 4 * 8 + 2), QColor(Qt::black));
    QCOMPARE(decodeQr(image), std::optional<QString>(joinLink));
}

void TestQrEncode::pathDecodesAtFractionalModuleSizes()
{
    // Seat cards draw the path at whatever size 42 mm comes to; merging the runs at fractional
    // sizes once mangled most codes.
    const QrMatrix matrix = encodeOrFail(joinLink);
    for (const qreal module : {2.5, 4.4, 6.6667, 7.31, 8.0, 9.77}) {
        const int side = int(std::ceil((matrix.size + 8) * module));
        QImage image(side, side, QImage::Format_Grayscale8);
        image.fill(255);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.fillPath(toPath(matrix, module).translated(4 * module, 4 * module), Qt::black);
        painter.end();
        QVERIFY2(decodeQr(image) == std::optional<QString>(joinLink),
            qPrintable(QStringLiteral("module size %1").arg(module)));
    }
}

void TestQrEncode::vietnameseTextRoundTrips()
{
    const QString text = QStringLiteral(
        "Nguy\u1ec5n Th\u1ecb \u00c1nh Tuy\u1ebft \u2014 Tr\u1ea7n Qu\u1ed1c V\u01b0\u1ee3ng");
    QCOMPARE(decodeQr(toImage(encodeOrFail(text), 4)), std::optional<QString>(text));
}

void TestQrEncode::emptyMatrixRendersNothing()
{
    QVERIFY(toSvg(QrMatrix()).isEmpty());
    QVERIFY(toImage(QrMatrix()).isNull());
    QVERIFY(toPng(QrMatrix()).isEmpty());
    QVERIFY(toPath(QrMatrix(), 4).isEmpty());
}

QTEST_MAIN(TestQrEncode)
#include "test_qr_encode.moc"
