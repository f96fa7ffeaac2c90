#include "minutespdf/minutesrender.h"

#include "minutespdf/minutesdocument.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QDateTime>
#include <QGuiApplication>
#include <QHashFunctions>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTextDocument>

namespace chamber::minutespdf {

using namespace chamber::minutes;

namespace {

constexpr int kDotsPerInch = 300;
// Page margins in millimetres, as Vietnamese administrative documents have them (wide left
// margin for binding); the footer sits in the bottom margin.
constexpr qreal kPageWidthMm = 210;
constexpr qreal kPageHeightMm = 297;
constexpr qreal kLeftMm = 30;
constexpr qreal kRightMm = 18;
constexpr qreal kTopMm = 20;
constexpr qreal kBottomMm = 24;
constexpr qreal kFooterTopMm = 283; // the footer's rule

qreal px(qreal mm)
{
    return mm * kDotsPerInch / 25.4;
}

// Qt writes the wall clock into the Info's /CreationDate; the minutes' date is their last
// event's. Replaced in place with the same number of bytes, so the cross-reference table
// stays right.
QByteArray withCreationDate(QByteArray pdf, const QString &lastEventTime)
{
    static const QRegularExpression pattern(
        QStringLiteral("/CreationDate \\(D:(\\d{14})(Z|[+-]\\d\\d'\\d\\d')\\)"));
    const QString latin = QString::fromLatin1(pdf.left(qMin<qsizetype>(pdf.size(), 1 << 20)));
    QRegularExpressionMatchIterator matches = pattern.globalMatch(latin);
    QDateTime time = QDateTime::fromString(lastEventTime, Qt::ISODateWithMs).toUTC();
    if (!time.isValid())
        time = QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    const QByteArray digits = time.toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1();
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        pdf.replace(match.capturedStart(1), 14, digits);
        const QByteArray zone
            = match.capturedLength(2) == 1 ? QByteArray("Z") : QByteArray("+00'00'");
        pdf.replace(match.capturedStart(2), zone.size(), zone);
    }
    return pdf;
}

QFont footerFont()
{
    QFont font;
    font.setFamilies({QStringLiteral("Noto Serif"), QStringLiteral("DejaVu Serif")});
    font.setPointSizeF(7.5);
    // No ligatures in the hash (see serif() in minutesdocument.cpp).
    font.setLetterSpacing(QFont::AbsoluteSpacing, 0.02);
    return font;
}

} // namespace

QByteArray renderMinutesPdf(const MinutesModel &model, MinutesLanguage language)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return {};
    // Qt's PDF engine writes its fonts in QHash order, which follows the process's random hash
    // seed: the same minutes would come out with their objects in another order in another
    // process. A fixed seed for the hashes made from here on (the writer's among them) keeps
    // the bytes the same everywhere.
    QHashSeed::setDeterministicGlobalSeed();
    // The words: vi from its translation; en is the source text (its file is empty on purpose
    // and loaded the same way, so a missing resource shows in both).
    QTranslator translator;
    if (!translator.load(QStringLiteral(":/i18n/minutes/chamber_minutes_%1.qm")
                             .arg(minutesLanguageCode(language))))
        return {};
    Minutes minutes(model, &translator);

    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setResolution(kDotsPerInch);
        writer.setTitle(minutes.documentTitle());
        writer.setCreator(QStringLiteral("Chamber"));

        QTextDocument document;
        document.documentLayout()->setPaintDevice(&writer);
        document.setDocumentMargin(0);
        const QSizeF body(
            px(kPageWidthMm - kLeftMm - kRightMm), px(kPageHeightMm - kTopMm - kBottomMm));
        document.setPageSize(body);
        minutes.write(document);
        const int pages = document.pageCount();

        QPainter painter;
        if (!painter.begin(&writer))
            return {};
        painter.setRenderHint(QPainter::TextAntialiasing);
        for (int page = 0; page < pages; ++page) {
            if (page > 0)
                writer.newPage();
            painter.save();
            painter.translate(px(kLeftMm), px(kTopMm) - page * body.height());
            QAbstractTextDocumentLayout::PaintContext context;
            context.clip = QRectF(0, page * body.height(), body.width(), body.height());
            painter.setClipRect(context.clip);
            document.documentLayout()->draw(&painter, context);
            painter.restore();

            // Footer: a rule, then the event line on the left and the page on the right.
            QPen rule(Qt::black);
            rule.setWidthF(px(0.2));
            painter.setPen(rule);
            painter.drawLine(QPointF(px(kLeftMm), px(kFooterTopMm)),
                QPointF(px(kPageWidthMm - kRightMm), px(kFooterTopMm)));
            painter.setFont(footerFont());
            painter.drawText(QRectF(px(kLeftMm), px(kFooterTopMm + 1), body.width(), px(8)),
                Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, minutes.footer(page + 1, pages));
        }
        if (!painter.end())
            return {};
    }
    return withCreationDate(pdf, model.lastEventTime);
}

} // namespace chamber::minutespdf
