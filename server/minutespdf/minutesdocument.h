// Builds the minutes as a QTextDocument (cursor and tables, no HTML): the renderer paginates
// it and adds the footer. Internal to chamber_minutes_pdf.
#pragma once

#include "minutes/minutesmodel.h"

#include <QCoreApplication>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextDocument>
#include <QTranslator>

#include <map>

class QTextTable;

namespace chamber::minutespdf {

// Named "Minutes" because that is the translation context lupdate files these words under;
// tr() reads this renderer's own translator, never the application's, so two renders in
// different languages never interfere.
class Minutes
{
public:
    Minutes(const minutes::MinutesModel &model, const QTranslator *translator);

    // Fills `document` (empty) with the minutes; page size and layout device set by the caller.
    void write(QTextDocument &document);
    // The line at the foot of every page.
    QString footer(int page, int pages) const;
    QString documentTitle() const;

    QString tr(const char *source, const char *disambiguation = nullptr, int n = -1) const;

private:
    // Sections, in the order they appear.
    void writeHeading();
    void writeTimeAndPlace();
    void writeAttendance();
    void writeItem(const minutes::ItemRow &item);
    void writeDocuments(const minutes::ItemRow &item);
    void writeSpeeches(const minutes::ItemRow &item);
    void writePoll(const core::Poll &poll, const std::vector<minutes::RollCallRow> &rollCall);
    void writeRollCall(const std::vector<minutes::RollCallRow> &rollCall, const core::Poll &poll);
    void writeReceipts(const QStringList &receipts);
    void writeConclusions(const minutes::ItemRow &item);
    void writeBridges();
    void writeClosing();

    // Words for the model's values.
    QString ruleInWords(const core::MajorityRule &rule) const;
    QString verdictInWords(const core::Poll &poll) const;
    QString choiceName(const core::Poll &poll, const QString &choice) const;
    QString speakerName(const minutes::SpeechRow &speech) const;
    QString presence(const minutes::AttendanceRow &row) const;
    QString clock(const QString &iso, bool seconds = false) const; // 14:05 (Vietnam time)
    QString dateTime(const QString &iso) const; // 14:05 ngày 07/12/2026
    QString longDate(const QString &iso) const; // ngày 07 tháng 12 năm 2026
    QString duration(qint64 ms) const; // 1:05:09 or 3:07
    QString fraction(qint64 numerator, qint64 denominator) const;

    // Text building blocks.
    void heading(const QString &text, int level);
    void paragraph(const QString &text, const QTextCharFormat &format,
        Qt::Alignment alignment = Qt::AlignJustify, qreal indentMm = 0);
    void labelled(const QString &label, const QString &value);
    // A table with its header row (if any) and `rows` empty rows, all made at once: rows added
    // one by one make every later cell lookup rebuild the table's grid.
    QTextTable *table(const QStringList &headers, const QList<qreal> &percentWidths, int rows,
        qreal widthPercent = 100, qreal indentMm = 0);
    void cell(
        QTextTable *table, int row, int column, const QString &text, const QTextCharFormat &format);
    // Fills the table's next row not yet filled.
    void appendRow(QTextTable *table, const QStringList &cells, int monoColumn = -1);
    void leaveTable();

    const minutes::MinutesModel &m_model;
    const QTranslator *m_translator;
    QTextDocument *m_document = nullptr;
    QTextCursor m_cursor;
    QTextCharFormat m_body;
    QTextCharFormat m_bold;
    QTextCharFormat m_italic;
    QTextCharFormat m_small;
    QTextCharFormat m_smallBold;
    QTextCharFormat m_mono;
    int m_sectionNumber = 0;
    std::map<const QTextTable *, int> m_nextRow; // appendRow's place in each table
};

} // namespace chamber::minutespdf
