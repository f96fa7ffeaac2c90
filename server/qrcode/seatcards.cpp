#include "qrcode/seatcards.h"

#include "qrcode/qrcode.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

namespace chamber::qrcode {

namespace {

// Layout in millimetres; the painter works in device pixels at this resolution, where QFont point
// sizes still mean points (QPdfWriter's logical DPI is its resolution).
constexpr int dotsPerInch = 1200;
constexpr qreal pageWidthMm = 210.0;
constexpr qreal pageHeightMm = 297.0;
// Most office printers cannot print the outer ~5 mm; the cut lines must still appear.
constexpr qreal pageMarginMm = 8.0;
constexpr int columns = 2;
constexpr int rows = seatCardsPerPage / columns;
constexpr qreal cardWidthMm = (pageWidthMm - 2 * pageMarginMm) / columns;
constexpr qreal cardHeightMm = (pageHeightMm - 2 * pageMarginMm) / rows;
constexpr qreal cardPaddingMm = 5.0;
// Tablet cameras have fixed focus at ~30 cm; 42 mm gives a version-6 code modules of ~1 mm.
constexpr qreal qrWidthMm = 42.0;

const QString instruction = QStringLiteral(
    "Qu\u00e9t m\u00e3 b\u1eb1ng m\u00e1y t\u00ednh b\u1ea3ng \u0111\u1ec3 tham gia / "
    "Scan with the tablet to join");
const QString expiresLabel = QStringLiteral("H\u1ebft h\u1ea1n / Expires: ");

qreal px(qreal mm)
{
    return mm * dotsPerInch / 25.4;
}

QRectF pxRect(qreal xMm, qreal yMm, qreal widthMm, qreal heightMm)
{
    return QRectF(px(xMm), px(yMm), px(widthMm), px(heightMm));
}

struct PreparedCard
{
    QString seat;
    QString name;
    QString group;
    QString expiry; // already in local time, formatted for print
    QrMatrix qr;
};

QString cardField(size_t index, const char *field)
{
    return QStringLiteral("cards[%1].%2").arg(index).arg(QLatin1String(field));
}

// Everything that can fail is checked before the first page is drawn, so a bad card never
// leaves a half-written PDF behind.
Result<std::vector<PreparedCard>> prepareCards(const std::vector<SeatCard> &cards)
{
    if (cards.empty())
        return makeError(ErrorCode::Invalid, QStringLiteral("no seat cards to render"));
    std::vector<PreparedCard> prepared;
    prepared.reserve(cards.size());
    for (size_t i = 0; i < cards.size(); ++i) {
        const SeatCard &card = cards[i];
        if (card.seat.trimmed().isEmpty()) {
            return makeError(ErrorCode::Invalid,
                QStringLiteral("seat card %1 has no seat").arg(i + 1), cardField(i, "seat"));
        }
        if (card.joinUrl.isEmpty()) {
            return makeError(ErrorCode::Invalid,
                QStringLiteral("seat card %1 has no join URL").arg(i + 1), cardField(i, "joinUrl"));
        }
        QDateTime expires = QDateTime::fromString(card.expiresAt, Qt::ISODateWithMs);
        if (!expires.isValid()) {
            return makeError(ErrorCode::Invalid,
                QStringLiteral("seat card %1: expiry \"%2\" is not an ISO 8601 date and time")
                    .arg(i + 1)
                    .arg(card.expiresAt),
                cardField(i, "expiresAt"));
        }
        Result<QrMatrix> qr = encode(card.joinUrl.toUtf8(), Correction::Medium);
        if (!qr) {
            Error error = qr.error();
            error.message = QStringLiteral("seat card %1: %2").arg(i + 1).arg(error.message);
            error.field = cardField(i, "joinUrl");
            return error;
        }
        prepared.push_back(
            PreparedCard {card.seat.trimmed(), card.name.trimmed(), card.group.trimmed(),
                expires.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm")),
                std::move(qr).value()});
    }
    return prepared;
}

QFont cardFont(qreal points, QFont::Weight weight)
{
    QFont font;
    // Noto Sans has every Vietnamese precomposed letter; the fallbacks do too.
    font.setFamilies({QStringLiteral("Noto Sans"), QStringLiteral("DejaVu Sans"),
        QStringLiteral("Liberation Sans")});
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(points);
    font.setWeight(weight);
    return font;
}

// Draws text in the largest size between maxPoints and minPoints that fits the box (wrapping
// when flags ask for it); what still does not fit at minPoints is elided, so long names never
// run into the QR code or the next card.
void drawFitted(QPainter &painter, const QRectF &box, const QString &text, qreal maxPoints,
    qreal minPoints, QFont::Weight weight, int flags)
{
    if (text.isEmpty())
        return;
    const bool wraps = (flags & Qt::TextWordWrap) != 0;
    for (qreal points = maxPoints; points >= minPoints; points -= 0.5) {
        const QFont font = cardFont(points, weight);
        const QFontMetricsF metrics(font, painter.device());
        const QRectF needed = metrics.boundingRect(box, flags, text);
        if (needed.width() <= box.width() && needed.height() <= box.height()) {
            painter.setFont(font);
            painter.drawText(box, flags, text);
            return;
        }
    }
    const QFont font = cardFont(minPoints, weight);
    const QFontMetricsF metrics(font, painter.device());
    painter.setFont(font);
    painter.drawText(box, flags & ~Qt::TextWordWrap,
        metrics.elidedText(
            wraps ? QString(text).replace(QLatin1Char('\n'), QLatin1Char(' ')) : text,
            Qt::ElideRight, box.width()));
}

void drawCard(
    QPainter &painter, const QRectF &card, const QString &meetingTitle, const PreparedCard &content)
{
    const qreal left = card.left() + px(cardPaddingMm);
    const qreal top = card.top() + px(cardPaddingMm);
    const qreal width = card.width() - 2 * px(cardPaddingMm);
    const qreal height = card.height() - 2 * px(cardPaddingMm);
    const qreal qrLeft = left + width - px(qrWidthMm);
    const qreal qrTop = top + px(8);
    // The text column stops 4 mm short of the code: about four modules of quiet zone.
    const qreal textWidth = qrLeft - left - px(4);

    painter.setPen(QColor(0x55, 0x55, 0x55));
    drawFitted(painter, QRectF(left, top, width, px(5)), meetingTitle, 8, 6, QFont::Normal,
        Qt::AlignLeft | Qt::AlignTop);

    painter.setPen(Qt::black);
    drawFitted(painter, QRectF(left, top + px(7), textWidth, px(19)), content.seat, 48, 14,
        QFont::Bold, Qt::AlignLeft | Qt::AlignVCenter);
    drawFitted(painter, QRectF(left, top + px(28), textWidth, px(15)), content.name, 13, 8,
        QFont::Bold, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap);
    painter.setPen(QColor(0x33, 0x33, 0x33));
    drawFitted(painter, QRectF(left, top + px(44), textWidth, px(9)), content.group, 9, 6.5,
        QFont::Normal, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap);

    const QPainterPath qr = toPath(content.qr, px(qrWidthMm) / content.qr.size);
    painter.fillPath(qr.translated(qrLeft, qrTop), Qt::black);

    const qreal bottom = top + height;
    painter.setPen(Qt::black);
    drawFitted(painter, QRectF(left, bottom - px(14), width, px(6)), expiresLabel + content.expiry,
        10, 7, QFont::Normal, Qt::AlignLeft | Qt::AlignVCenter);
    painter.setPen(QColor(0x33, 0x33, 0x33));
    drawFitted(painter, QRectF(left, bottom - px(6), width, px(6)), instruction, 9, 5.5,
        QFont::Normal, Qt::AlignLeft | Qt::AlignVCenter);
}

// Dashed lines along every card edge, running to the paper's edge so a guillotine can follow
// them even after the first cut.
void drawCutLines(QPainter &painter, int rowsUsed)
{
    QPen pen(QColor(0x99, 0x99, 0x99));
    pen.setWidthF(px(0.2));
    pen.setStyle(Qt::DashLine);
    painter.setPen(pen);
    const qreal gridBottom = pageMarginMm + rowsUsed * cardHeightMm;
    for (int column = 0; column <= columns; ++column) {
        const qreal x = px(pageMarginMm + column * cardWidthMm);
        painter.drawLine(QPointF(x, 0), QPointF(x, px(gridBottom + pageMarginMm)));
    }
    for (int row = 0; row <= rowsUsed; ++row) {
        const qreal y = px(pageMarginMm + row * cardHeightMm);
        painter.drawLine(QPointF(0, y), QPointF(px(pageWidthMm), y));
    }
}

} // namespace

Result<QByteArray> renderSeatCardsPdf(
    const QString &meetingTitle, const std::vector<SeatCard> &cards)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        return makeError(ErrorCode::Internal,
            QStringLiteral("rendering seat cards needs a QGuiApplication (fonts); start one with "
                           "the offscreen platform"));
    }
    Result<std::vector<PreparedCard>> prepared = prepareCards(cards);
    if (!prepared)
        return prepared.error();

    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setResolution(dotsPerInch);
    writer.setTitle(meetingTitle.isEmpty() ? QStringLiteral("Seat cards")
                                           : QStringLiteral("Seat cards: ") + meetingTitle);
    writer.setCreator(QStringLiteral("Chamber"));

    QPainter painter;
    if (!painter.begin(&writer))
        return makeError(ErrorCode::Internal, QStringLiteral("cannot start the PDF writer"));
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);

    const std::vector<PreparedCard> &all = prepared.value();
    for (size_t first = 0; first < all.size(); first += seatCardsPerPage) {
        if (first > 0)
            writer.newPage();
        const size_t onPage = std::min<size_t>(seatCardsPerPage, all.size() - first);
        const int rowsUsed = static_cast<int>((onPage + columns - 1) / columns);
        drawCutLines(painter, rowsUsed);
        for (size_t i = 0; i < onPage; ++i) {
            const int column = static_cast<int>(i % columns);
            const int row = static_cast<int>(i / columns);
            drawCard(painter,
                pxRect(pageMarginMm + column * cardWidthMm, pageMarginMm + row * cardHeightMm,
                    cardWidthMm, cardHeightMm),
                meetingTitle, all[first + i]);
        }
    }
    if (!painter.end())
        return makeError(ErrorCode::Internal, QStringLiteral("the PDF writer failed"));
    return pdf;
}

} // namespace chamber::qrcode
