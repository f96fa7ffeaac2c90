// Seat-card PDFs: pages, text with Vietnamese diacritics, embedded fonts, and a QR code on every
// card that decodes to that card's link, printed large enough and as vector shapes.
#include "qrcode/seatcards.h"
#include "scanner/qrdecode.h"

#include <QBuffer>
#include <QFontDatabase>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfSelection>
#include <QtTest>

#include <ctime>

using namespace chamber;
using namespace chamber::qrcode;

namespace {

const QString meetingTitle
    = QStringLiteral("K\u1ef3 h\u1ecdp th\u1ee9 12, H\u0110ND t\u1ec9nh kh\u00f3a XVII");

std::vector<SeatCard> sevenDelegates()
{
    const QStringList names {QStringLiteral("Nguy\u1ec5n Th\u1ecb \u00c1nh Tuy\u1ebft"),
        QStringLiteral("Tr\u1ea7n Qu\u1ed1c V\u01b0\u1ee3ng"),
        QStringLiteral("L\u00ea V\u0103n \u0110\u1ee9c"),
        QStringLiteral("Ph\u1ea1m Th\u1ecb H\u1ed3ng Nhung"),
        QStringLiteral("Ho\u00e0ng Minh Kh\u00f4i"),
        QStringLiteral("V\u00f5 Th\u1ecb Ng\u1ecdc \u00c1nh"),
        QStringLiteral("\u0110\u1eb7ng H\u1eefu Ph\u01b0\u1edbc")};
    std::vector<SeatCard> cards;
    for (int i = 0; i < names.size(); ++i) {
        SeatCard card;
        card.seat = QStringLiteral("A-%1").arg(i + 10);
        card.name = names[i];
        card.group = QStringLiteral("T\u1ed5 \u0111\u1ea1i bi\u1ec3u s\u1ed1 %1").arg(i % 3 + 1);
        card.joinUrl = QStringLiteral(
            "https://192.168.10.5:8443/join#v=1&t=TokenNumber%1xxxxxxxxxxxxxxxxxxxx&p="
            "PinPinPinPinPinPinPinPinPinPinPinPinPinPin%2")
                           .arg(i, 2, 10, QLatin1Char('0'))
                           .arg(i);
        card.expiresAt = QStringLiteral("2025-06-01T10:30:00Z");
        cards.push_back(card);
    }
    return cards;
}

QString pageText(QPdfDocument &document, int page)
{
    // Line breaks inside wrapped names come out as newlines: compare with single spaces.
    return document.getAllText(page).text().simplified();
}

// One card's cell on a page rendered at pixelsPerMm (the layout in seatcards.cpp: 8 mm page
// margin, two columns, three rows).
QRect cardCell(int index, double pixelsPerMm)
{
    const double width = (210.0 - 16.0) / 2;
    const double height = (297.0 - 16.0) / 3;
    const double left = 8.0 + (index % 2) * width;
    const double top = 8.0 + (index / 2) * height;
    return QRectF(left * pixelsPerMm, top * pixelsPerMm, width * pixelsPerMm, height * pixelsPerMm)
        .toAlignedRect();
}

// Width in millimetres of the dark pixels in the part of a card where the code is printed:
// the finder patterns mark the symbol's corners.
double codeWidthMm(const QImage &card, double pixelsPerMm)
{
    // The renderer leaves the unprinted paper transparent.
    QImage paper(card.size(), QImage::Format_RGB32);
    paper.fill(Qt::white);
    QPainter(&paper).drawImage(0, 0, card);
    const QImage grey = paper.convertToFormat(QImage::Format_Grayscale8);
    const int fromX = int(48 * pixelsPerMm);
    const int fromY = int(10 * pixelsPerMm);
    const int toY = int(60 * pixelsPerMm);
    int leftmost = grey.width();
    int rightmost = -1;
    for (int y = fromY; y < std::min(toY, grey.height()); ++y) {
        for (int x = fromX; x < grey.width(); ++x) {
            if (grey.constScanLine(y)[x] < 100) {
                leftmost = std::min(leftmost, x);
                rightmost = std::max(rightmost, x);
            }
        }
    }
    return rightmost < 0 ? 0 : (rightmost - leftmost + 1) / pixelsPerMm;
}

} // namespace

class TestQrSeatCards : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rendersTwoA4PagesWithAllTheText();
    void everyCardCarriesItsOwnLargeVectorCode();
    void refusesBadCards();
    void htmlLookingTextIsPrintedLiterally();

private:
    QByteArray m_pdf;
    QBuffer m_buffer;
    QPdfDocument m_document;
};

void TestQrSeatCards::initTestCase()
{
    // Expiry is printed in local time: pin the zone (UTC+7, Vietnam) so the text is known.
    qputenv("TZ", "<+07>-7");
    tzset();

    const Result<QByteArray> pdf = renderSeatCardsPdf(meetingTitle, sevenDelegates());
    QVERIFY2(pdf.ok(), pdf.ok() ? "" : qPrintable(pdf.error().message));
    m_pdf = pdf.value();
    if (const QString dump = qEnvironmentVariable("CHAMBER_QR_TEST_DUMP"); !dump.isEmpty()) {
        QFile file(dump + QStringLiteral("/seatcards.pdf"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(m_pdf);
    }
    m_buffer.setData(m_pdf);
    QVERIFY(m_buffer.open(QIODevice::ReadOnly));
    m_document.load(&m_buffer);
    QTRY_COMPARE(m_document.status(), QPdfDocument::Status::Ready);
}

void TestQrSeatCards::rendersTwoA4PagesWithAllTheText()
{
    QVERIFY(m_pdf.startsWith("%PDF-"));
    QCOMPARE(m_document.pageCount(), 2); // six cards on the first page, one on the second
    const QSizeF a4 = m_document.pagePointSize(0);
    QVERIFY2(qAbs(a4.width() - 595.3) < 1 && qAbs(a4.height() - 841.9) < 1,
        qPrintable(QStringLiteral("%1 x %2").arg(a4.width()).arg(a4.height())));

    const std::vector<SeatCard> cards = sevenDelegates();
    const QString first = pageText(m_document, 0);
    const QString second = pageText(m_document, 1);
    for (size_t i = 0; i < cards.size(); ++i) {
        const QString &text = i < 6 ? first : second;
        QVERIFY2(text.contains(cards[i].name),
            qPrintable(cards[i].name + QStringLiteral(" in ") + text));
        QVERIFY2(text.contains(cards[i].seat), qPrintable(cards[i].seat));
        QVERIFY2(text.contains(cards[i].group), qPrintable(cards[i].group));
    }
    QVERIFY(!second.contains(cards[0].name));
    QVERIFY2(first.contains(meetingTitle), qPrintable(first));
    QVERIFY(first.contains(QStringLiteral(
        "Qu\u00e9t m\u00e3 b\u1eb1ng m\u00e1y t\u00ednh b\u1ea3ng \u0111\u1ec3 tham gia "
        "/ Scan with the tablet to join")));
    // 10:30 UTC is 17:30 in UTC+7.
    QVERIFY2(first.contains(QStringLiteral("H\u1ebft h\u1ea1n / Expires: 01/06/2025 17:30")),
        qPrintable(first));
    QCOMPARE(first.count(QStringLiteral("Expires")), 6);

    // Fonts are embedded (as subsets), and it is the font asked for when it is installed.
    QVERIFY(m_pdf.contains("/FontFile2"));
    if (QFontDatabase::families().contains(QStringLiteral("Noto Sans")))
        QVERIFY(m_pdf.contains("NotoSans"));
}

void TestQrSeatCards::everyCardCarriesItsOwnLargeVectorCode()
{
    // No raster images anywhere: the codes are paths.
    QVERIFY(!m_pdf.contains("/Subtype /Image"));
    QVERIFY(!m_pdf.contains("/Subtype/Image"));

    const std::vector<SeatCard> cards = sevenDelegates();
    constexpr double pixelsPerMm = 150 / 25.4; // 150 dpi, as a cheap office scan
    for (int page = 0; page < 2; ++page) {
        const QImage image
            = m_document.render(page, QSizeF(210 * pixelsPerMm, 297 * pixelsPerMm).toSize());
        QVERIFY(!image.isNull());
        if (page == 0) {
            // The whole page, six codes on it: the decoder finds one of them.
            const std::optional<QString> any = kiosk::decodeQr(image);
            QVERIFY(any.has_value());
            QVERIFY(any->startsWith(QLatin1String("https://192.168.10.5:8443/join#v=1&t=")));
        }
        for (int slot = 0; slot < 6 && page * 6 + slot < int(cards.size()); ++slot) {
            const SeatCard &card = cards[size_t(page * 6 + slot)];
            const QImage cell = image.copy(cardCell(slot, pixelsPerMm));
            QCOMPARE(kiosk::decodeQr(cell), std::optional<QString>(card.joinUrl));
            const double width = codeWidthMm(cell, pixelsPerMm);
            QVERIFY2(width >= 35 && width <= 45, qPrintable(QString::number(width)));
        }
    }
}

void TestQrSeatCards::refusesBadCards()
{
    const Result<QByteArray> none = renderSeatCardsPdf(meetingTitle, {});
    QVERIFY(!none.ok());
    QCOMPARE(none.error().code, ErrorCode::Invalid);

    std::vector<SeatCard> cards = sevenDelegates();
    cards[1].expiresAt = QStringLiteral("tomorrow at noon");
    Result<QByteArray> result = renderSeatCardsPdf(meetingTitle, cards);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Invalid);
    QCOMPARE(result.error().field, QStringLiteral("cards[1].expiresAt"));
    QVERIFY(result.error().message.contains(QStringLiteral("tomorrow at noon")));

    cards = sevenDelegates();
    cards[3].seat = QStringLiteral("  ");
    result = renderSeatCardsPdf(meetingTitle, cards);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().field, QStringLiteral("cards[3].seat"));

    cards = sevenDelegates();
    cards[0].joinUrl = QString(3000, QLatin1Char('x'));
    result = renderSeatCardsPdf(meetingTitle, cards);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::TooLarge);
    QCOMPARE(result.error().field, QStringLiteral("cards[0].joinUrl"));
}

// A name, group or meeting title that looks like HTML is printed as the characters it is:
// QPainter never interprets markup, and this keeps it that way (no QTextDocument/setHtml).
void TestQrSeatCards::htmlLookingTextIsPrintedLiterally()
{
    const QString title = QStringLiteral("<script>alert(1)</script> K\u1ef3 h\u1ecdp");
    std::vector<SeatCard> cards = sevenDelegates();
    cards.resize(2);
    cards[0].name = QStringLiteral("<img src=x onerror=alert(1)>");
    cards[0].group = QStringLiteral("<b>T\u1ed5 1</b> &amp;");
    cards[1].name = QStringLiteral("Tr\u1ea7n &lt;V\u01b0\u1ee3ng&gt;");
    const Result<QByteArray> pdf = renderSeatCardsPdf(title, cards);
    QVERIFY2(pdf.ok(), pdf.ok() ? "" : qPrintable(pdf.error().message));
    QBuffer buffer;
    buffer.setData(pdf.value());
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QPdfDocument document;
    document.load(&buffer);
    QTRY_COMPARE(document.status(), QPdfDocument::Status::Ready);
    const QString text = pageText(document, 0);
    for (const QString &literal :
        {cards[0].name, cards[0].group, cards[1].name, QStringLiteral("<script>alert(1)</script>")})
        QVERIFY2(text.contains(literal), qPrintable(literal + QStringLiteral(" in ") + text));
}

QTEST_MAIN(TestQrSeatCards)
#include "test_qr_seatcards.moc"
