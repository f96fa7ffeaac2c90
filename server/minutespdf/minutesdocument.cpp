// The minutes' frame: heading, time and place, attendance, bridges, closing and the building
// blocks every section uses. The agenda items are in minutesitems.cpp, the words for values in
// minuteswords.cpp.
#include "minutespdf/minutesdocument.h"

#include <QTextBlockFormat>
#include <QTextTable>

namespace chamber::minutespdf {

using namespace chamber::minutes;

namespace {

QFont serif(qreal points, QFont::Weight weight = QFont::Normal, bool italic = false)
{
    QFont font;
    // Noto Serif has every Vietnamese precomposed letter (fonts-noto-core); DejaVu Serif too.
    font.setFamilies({QStringLiteral("Noto Serif"), QStringLiteral("DejaVu Serif")});
    font.setStyleHint(QFont::Serif);
    font.setPointSizeF(points);
    font.setWeight(weight);
    font.setItalic(italic);
    // Any letter spacing makes Qt 6.4 shape without ligatures: Noto Serif would otherwise set
    // "ff" in a hash as one glyph, which text extraction reads back as U+FB00. A fiftieth of a
    // pixel at the writer's resolution does not show.
    font.setLetterSpacing(QFont::AbsoluteSpacing, 0.02);
    return font;
}

QTextCharFormat charFormat(const QFont &font)
{
    QTextCharFormat format;
    format.setFont(font);
    return format;
}

const QString kRomanNumerals[] = {QStringLiteral("I"), QStringLiteral("II"), QStringLiteral("III"),
    QStringLiteral("IV"), QStringLiteral("V"), QStringLiteral("VI")};

// Lengths in text formats are pixels at 96 dpi; the layout scales them to the PDF writer.
constexpr qreal kPixelsPerMm = 96.0 / 25.4;

} // namespace

Minutes::Minutes(const MinutesModel &model, const QTranslator *translator)
    : m_model(model)
    , m_translator(translator)
{
    m_body = charFormat(serif(12));
    m_bold = charFormat(serif(12, QFont::Bold));
    m_italic = charFormat(serif(12, QFont::Normal, true));
    m_small = charFormat(serif(9.5));
    m_smallBold = charFormat(serif(9.5, QFont::Bold));
    QFont mono;
    mono.setFamilies({QStringLiteral("Noto Sans Mono"), QStringLiteral("DejaVu Sans Mono")});
    mono.setStyleHint(QFont::Monospace);
    mono.setPointSizeF(6.5);
    m_mono = charFormat(mono);
}

QString Minutes::tr(const char *source, const char *disambiguation, int n) const
{
    const QString translated
        = m_translator ? m_translator->translate("Minutes", source, disambiguation, n) : QString();
    return translated.isEmpty() ? QString::fromUtf8(source) : translated;
}

void Minutes::write(QTextDocument &document)
{
    m_document = &document;
    document.setDefaultFont(m_body.font());
    m_cursor = QTextCursor(&document);
    writeHeading();
    writeTimeAndPlace();
    writeAttendance();
    heading(tr("PROCEEDINGS"), 1);
    if (m_model.items.empty())
        paragraph(tr("No agenda items."), m_italic);
    for (const ItemRow &item : m_model.items)
        writeItem(item);
    writeBridges();
    writeClosing();
}

QString Minutes::documentTitle() const
{
    return tr("Minutes") + QStringLiteral(": ") + m_model.title;
}

QString Minutes::footer(int page, int pages) const
{
    return tr("Made from the event log up to event %1, hash %2")
               .arg(m_model.seq)
               .arg(m_model.lastEventHash)
        + QStringLiteral("  \u00b7  ") + tr("Page %1 of %2").arg(page).arg(pages);
}

// --- building blocks --------------------------------------------------------------------

void Minutes::heading(const QString &text, int level)
{
    QTextBlockFormat block;
    block.setTopMargin(level == 1 ? 14 : 9);
    block.setBottomMargin(4);
    block.setAlignment(Qt::AlignLeft);
    block.setNonBreakableLines(true);
    m_cursor.insertBlock(block, m_bold);
    if (level == 1)
        m_cursor.insertText(
            kRomanNumerals[qMin(m_sectionNumber++, 5)] + QStringLiteral(". ") + text, m_bold);
    else
        m_cursor.insertText(text, m_bold);
}

void Minutes::paragraph(
    const QString &text, const QTextCharFormat &format, Qt::Alignment alignment, qreal indentMm)
{
    QTextBlockFormat block;
    block.setAlignment(alignment);
    block.setTopMargin(2);
    block.setBottomMargin(2);
    block.setLeftMargin(indentMm * kPixelsPerMm);
    m_cursor.insertBlock(block, format);
    m_cursor.insertText(text, format);
}

void Minutes::labelled(const QString &label, const QString &value)
{
    QTextBlockFormat block;
    block.setTopMargin(2);
    block.setBottomMargin(2);
    block.setAlignment(Qt::AlignJustify);
    m_cursor.insertBlock(block, m_body);
    m_cursor.insertText(label + QStringLiteral(": "), m_bold);
    m_cursor.insertText(
        value.isEmpty() ? tr("(not recorded)") : value, value.isEmpty() ? m_italic : m_body);
}

QTextTable *Minutes::table(const QStringList &headers, const QList<qreal> &percentWidths,
    qreal widthPercent, qreal indentMm)
{
    QTextTableFormat format;
    format.setWidth(QTextLength(QTextLength::PercentageLength, widthPercent));
    QList<QTextLength> widths;
    for (const qreal width : percentWidths)
        widths.append(QTextLength(QTextLength::PercentageLength, width));
    format.setColumnWidthConstraints(widths);
    format.setBorder(0.4);
    format.setBorderBrush(Qt::black);
    format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    format.setCellPadding(2.5);
    format.setCellSpacing(0);
    format.setTopMargin(4);
    format.setBottomMargin(6);
    format.setLeftMargin(indentMm * kPixelsPerMm);
    format.setHeaderRowCount(headers.isEmpty() ? 0 : 1);
    // Without headers the first row is the caller's to fill.
    QTextTable *table = m_cursor.insertTable(1, int(percentWidths.size()), format);
    for (int column = 0; column < headers.size(); ++column) {
        cell(table, 0, column, headers.at(column), m_smallBold);
        // After the text: the cell's format lives in its first block's character format.
        QTextTableCell header = table->cellAt(0, column);
        QTextCharFormat shaded = header.format();
        shaded.setBackground(QColor(0xe8, 0xe8, 0xe8));
        header.setFormat(shaded);
    }
    return table;
}

void Minutes::cell(
    QTextTable *table, int row, int column, const QString &text, const QTextCharFormat &format)
{
    QTextCursor cursor = table->cellAt(row, column).firstCursorPosition();
    QTextBlockFormat block;
    block.setAlignment(Qt::AlignLeft);
    cursor.setBlockFormat(block);
    cursor.setBlockCharFormat(format);
    // Lines in a cell are paragraphs of their own.
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        if (i > 0)
            cursor.insertBlock(block, format);
        cursor.insertText(lines.at(i), format);
    }
}

void Minutes::appendRow(QTextTable *table, const QStringList &cells, int monoColumn)
{
    const int row = table->rows();
    table->appendRows(1);
    for (int column = 0; column < cells.size() && column < table->columns(); ++column)
        cell(table, row, column, cells.at(column), column == monoColumn ? m_mono : m_small);
}

void Minutes::leaveTable()
{
    m_cursor.movePosition(QTextCursor::End);
}

// --- sections ---------------------------------------------------------------------------

void Minutes::writeHeading()
{
    // Two columns without borders: the issuing body on the left, the national motto on the
    // right, as every Vietnamese administrative document begins.
    QTextTableFormat format;
    format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    format.setColumnWidthConstraints({QTextLength(QTextLength::PercentageLength, 42),
        QTextLength(QTextLength::PercentageLength, 58)});
    format.setBorder(0);
    format.setBorderStyle(QTextFrameFormat::BorderStyle_None);
    format.setCellPadding(0);
    format.setCellSpacing(0);
    QTextTable *header = m_cursor.insertTable(1, 2, format);
    QTextBlockFormat centred;
    centred.setAlignment(Qt::AlignHCenter);
    const QTextCharFormat headerBold = charFormat(serif(11.5, QFont::Bold));

    QTextCursor left = header->cellAt(0, 0).firstCursorPosition();
    left.setBlockFormat(centred);
    const QString organisation = m_model.organisation.isEmpty() ? tr("(organisation not set)")
                                                                : m_model.organisation.toUpper();
    left.insertText(organisation, headerBold);
    left.insertBlock(centred);
    left.insertText(QString(6, QChar(0x2014)), m_body);

    QTextCursor right = header->cellAt(0, 1).firstCursorPosition();
    right.setBlockFormat(centred);
    right.insertText(tr("SOCIALIST REPUBLIC OF VIETNAM"), headerBold);
    right.insertBlock(centred);
    QTextCharFormat motto = charFormat(serif(12, QFont::Bold));
    motto.setFontUnderline(true);
    right.insertText(tr("Independence - Freedom - Happiness"), motto);
    right.insertBlock(centred);
    right.insertBlock(centred);
    const QString dated = m_model.endedAt.isEmpty() ? m_model.lastEventTime : m_model.endedAt;
    right.insertText(longDate(dated), m_italic);
    leaveTable();

    QTextBlockFormat title;
    title.setAlignment(Qt::AlignHCenter);
    title.setTopMargin(18);
    m_cursor.insertBlock(title);
    m_cursor.insertText(tr("MINUTES"), charFormat(serif(16, QFont::Bold)));
    title.setTopMargin(2);
    if (!m_model.session.isEmpty()) {
        m_cursor.insertBlock(title);
        m_cursor.insertText(m_model.session, m_bold);
    }
    m_cursor.insertBlock(title);
    m_cursor.insertText(m_model.title, m_bold);
    if (m_model.kind == MinutesKind::Draft) {
        m_cursor.insertBlock(title);
        m_cursor.insertText(
            tr("DRAFT: the meeting had not ended when these minutes were made"), m_italic);
    }
}

void Minutes::writeTimeAndPlace()
{
    heading(tr("TIME, PLACE AND PARTICIPANTS"), 1);
    QString time;
    if (m_model.startedAt.isEmpty()) {
        time = tr("planned for %1; the meeting has not started").arg(dateTime(m_model.startsAt));
    } else {
        time = tr("began at %1").arg(dateTime(m_model.startedAt));
        time += m_model.endedAt.isEmpty() ? tr("; not yet ended")
                                          : tr("; ended at %1").arg(dateTime(m_model.endedAt));
    }
    labelled(tr("Time"), time + QStringLiteral(" ") + tr("(Vietnam time, UTC+7)"));
    labelled(tr("Place"), m_model.venue);
    labelled(tr("Chairperson"), m_model.chairperson);
    labelled(tr("Secretary"), m_model.secretary);
    qint64 absent = 0;
    for (const AttendanceRow &row : m_model.attendance)
        absent += row.spans.empty() ? 1 : 0;
    labelled(tr("Delegates"),
        tr("%1 in all; %2 attended, %3 absent")
            .arg(m_model.attendance.size())
            .arg(qint64(m_model.attendance.size()) - absent)
            .arg(absent));
    labelled(tr("Quorum"),
        (m_model.quorumMet ? tr("met: %1 members present of %2")
                           : tr("not met: %1 members present of %2"))
            .arg(m_model.presentMembers)
            .arg(m_model.members));
}

void Minutes::writeAttendance()
{
    heading(tr("ATTENDANCE"), 1);
    if (m_model.attendance.empty()) {
        paragraph(tr("No delegates."), m_italic);
        return;
    }
    QTextTable *attendance = table(
        {tr("No."), tr("Seat"), tr("Full name"), tr("Group"), tr("Present (arrived - left)")},
        {7, 9, 30, 22, 32});
    int number = 0;
    for (const AttendanceRow &row : m_model.attendance) {
        QString name = row.name;
        if (row.weight == 0)
            name += QStringLiteral("\n") + tr("(takes part, does not vote)");
        appendRow(
            attendance, {QString::number(++number), row.seat, name, row.group, presence(row)});
    }
    leaveTable();

    heading(tr("Absent delegates"), 2);
    QTextTable *absent = nullptr;
    number = 0;
    for (const AttendanceRow &row : m_model.attendance) {
        if (!row.spans.empty())
            continue;
        if (!absent)
            absent = table({tr("No."), tr("Seat"), tr("Full name"), tr("Reason")}, {7, 9, 34, 50});
        appendRow(absent,
            {QString::number(++number), row.seat, row.name,
                row.absenceReason.isEmpty() ? tr("no reason given") : row.absenceReason});
    }
    if (absent)
        leaveTable();
    else
        paragraph(tr("None: every delegate attended."), m_italic);
}

void Minutes::writeBridges()
{
    heading(tr("BRIDGE POINTS"), 1);
    if (m_model.bridges.empty()) {
        paragraph(tr("No bridge point took part."), m_italic);
        return;
    }
    QTextTable *bridges = table({tr("No."), tr("Bridge point"), tr("Connected"), tr("Disconnected"),
                                    tr("Speeches"), tr("Speaking time")},
        {7, 33, 17, 17, 11, 15});
    int number = 0;
    for (const BridgeRow &bridge : m_model.bridges) {
        appendRow(bridges,
            {QString::number(++number), bridge.label, dateTime(bridge.enrolledAt),
                bridge.revokedAt.isEmpty() ? tr("still connected") : dateTime(bridge.revokedAt),
                QString::number(bridge.speeches), duration(bridge.speakingMs)});
    }
    leaveTable();
}

void Minutes::writeClosing()
{
    heading(tr("CLOSING"), 1);
    if (m_model.endedAt.isEmpty())
        paragraph(tr("The meeting had not ended when these minutes were made."), m_body);
    else
        paragraph(tr("The meeting ended at %1.").arg(dateTime(m_model.endedAt)), m_body);
    paragraph(tr("These minutes were made by Chamber from the meeting's event log up to event "
                 "%1 (%2) and are signed electronically by the server; the hash of that event "
                 "is %3.")
                  .arg(m_model.seq)
                  .arg(dateTime(m_model.lastEventTime), m_model.lastEventHash),
        m_body);

    // Signature lines: the secretary on the left, the chairperson on the right.
    QTextBlockFormat spacer;
    spacer.setTopMargin(14);
    m_cursor.insertBlock(spacer);
    QTextTableFormat format;
    format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    format.setBorder(0);
    format.setBorderStyle(QTextFrameFormat::BorderStyle_None);
    format.setCellPadding(0);
    format.setColumnWidthConstraints({QTextLength(QTextLength::PercentageLength, 50),
        QTextLength(QTextLength::PercentageLength, 50)});
    QTextTable *signatures = m_cursor.insertTable(1, 2, format);
    const QString roles[] = {tr("SECRETARY"), tr("CHAIRPERSON")};
    const QString names[] = {m_model.secretary, m_model.chairperson};
    QTextBlockFormat centred;
    centred.setAlignment(Qt::AlignHCenter);
    centred.setNonBreakableLines(true);
    for (int column = 0; column < 2; ++column) {
        QTextCursor cursor = signatures->cellAt(0, column).firstCursorPosition();
        cursor.setBlockFormat(centred);
        cursor.insertText(roles[column], m_bold);
        cursor.insertBlock(centred);
        cursor.insertText(tr("(signature and full name)"), m_italic);
        for (int line = 0; line < 4; ++line)
            cursor.insertBlock(centred);
        cursor.insertText(names[column], m_bold);
    }
    leaveTable();
}

} // namespace chamber::minutespdf
