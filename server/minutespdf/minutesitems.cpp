// The minutes' agenda items: per item its documents, speeches with their recordings, polls
// and conclusions.
#include "minutespdf/minutesdocument.h"

#include <QTextTable>

namespace chamber::minutespdf {

using namespace chamber::minutes;

void Minutes::writeItem(const ItemRow &item)
{
    QString title;
    if (item.id == 0)
        title = tr("Outside the agenda");
    else if (item.kind == QLatin1String("break"))
        title = tr("Break: %1").arg(item.title);
    else
        title
            = item.number.isEmpty() ? item.title : item.number + QStringLiteral(". ") + item.title;
    heading(item.kind == QLatin1String("section") ? title.toUpper() : title, 2);
    if (!item.description.isEmpty())
        paragraph(item.description, m_body, Qt::AlignJustify, 4);
    if (item.kind == QLatin1String("break") && item.speeches.empty() && item.polls.empty())
        return;
    if (!item.documents.empty())
        writeDocuments(item);
    if (!item.speeches.empty())
        writeSpeeches(item);
    for (const PollRow &poll : item.polls)
        writePoll(poll.poll, poll.rollCall);
    if (!item.conclusions.empty())
        writeConclusions(item);
    if (item.documents.empty() && item.speeches.empty() && item.polls.empty()
        && item.conclusions.empty() && item.kind == QLatin1String("item"))
        paragraph(tr("Nothing was recorded under this item."), m_italic, Qt::AlignLeft, 4);
}

void Minutes::writeDocuments(const ItemRow &item)
{
    paragraph(tr("Documents"), m_bold, Qt::AlignLeft, 4);
    QTextTable *documents = table({tr("No."), tr("Title"), tr("Pages"), tr("SHA-256")},
        {6, 29, 7, 58}, int(item.documents.size()));
    int number = 0;
    for (const DocumentRow &document : item.documents) {
        appendRow(documents,
            {QString::number(++number), document.title,
                document.pages > 0 ? QString::number(document.pages) : QStringLiteral("-"),
                document.sha256},
            3);
    }
    leaveTable();
}

void Minutes::writeSpeeches(const ItemRow &item)
{
    paragraph(tr("Speeches"), m_bold, Qt::AlignLeft, 4);
    QTextTable *speeches = table({tr("No."), tr("Speaker"), tr("Time"), tr("Length")},
        {7, 45, 33, 15}, 2 * int(item.speeches.size()));
    int number = 0;
    for (const SpeechRow &speech : item.speeches) {
        const QString time = clock(speech.start, true) + QStringLiteral(" - ")
            + (speech.end.isEmpty() ? tr("still speaking") : clock(speech.end, true));
        appendRow(speeches,
            {QString::number(++number), speakerName(speech), time,
                speech.end.isEmpty() ? QString() : duration(speech.durationMs)});
        // The recordings on a row of their own under the speech, across the columns: a
        // SHA-256 needs the width.
        const int row = m_nextRow[speeches]++;
        speeches->mergeCells(row, 1, 1, 3);
        QTextCursor cursor = speeches->cellAt(row, 1).firstCursorPosition();
        bool first = true;
        const auto line = [&](const QString &text, const QTextCharFormat &format) {
            if (!first)
                cursor.insertBlock();
            first = false;
            cursor.insertText(text, format);
        };
        int segment = 0;
        for (const RecordingRow &recording : speech.recordings) {
            QString about
                = tr("Recording %1: %2").arg(++segment).arg(duration(recording.durationMs));
            if (recording.partial)
                about += QStringLiteral("; ") + tr("partial")
                    + (recording.note.isEmpty() ? QString()
                                                : QStringLiteral(": ") + recording.note);
            line(about, m_small);
            cursor.insertText(QStringLiteral("  SHA-256 "), m_small);
            cursor.insertText(recording.sha256, m_mono);
        }
        for (const QString &failure : speech.recordingFailures)
            line(tr("Not recorded: %1").arg(failure), m_small);
        if (speech.recordings.empty() && speech.recordingFailures.empty())
            line(tr("no recording"), m_small);
    }
    leaveTable();
}

void Minutes::writePoll(const core::Poll &poll, const std::vector<RollCallRow> &rollCall)
{
    paragraph(tr("Poll: %1").arg(poll.title), m_bold, Qt::AlignLeft, 4);
    const qreal indent = 8;
    paragraph(tr("Method: %1")
                  .arg(poll.secret ? tr("secret ballot (receipts below)")
                                   : tr("named vote (roll call below)")),
        m_body, Qt::AlignLeft, indent);
    paragraph(tr("Rule: %1").arg(ruleInWords(poll.rule)), m_body, Qt::AlignJustify, indent);
    if (!poll.openedAt.isEmpty())
        paragraph(tr("Opened at %1").arg(dateTime(poll.openedAt))
                + (poll.closedAt.isEmpty()
                        ? QString()
                        : QStringLiteral("; ") + tr("closed at %1").arg(dateTime(poll.closedAt))),
            m_body, Qt::AlignLeft, indent);
    if (!poll.closing) {
        paragraph(poll.openedAt.isEmpty() ? tr("The poll was not opened.")
                                          : tr("The poll was still open: no result."),
            m_italic, Qt::AlignLeft, indent);
        return;
    }
    const core::PollClosing &closing = *poll.closing;
    paragraph(tr("Ballots: %1; members: %2, present when the poll closed: %3")
                  .arg(closing.tally.ballots)
                  .arg(closing.context.members)
                  .arg(closing.context.presentMembers),
        m_body, Qt::AlignLeft, indent);
    QTextTable *counts
        = table({tr("Choice"), tr("Count")}, {75, 25}, int(poll.validChoices().size()), 60, 8);
    for (const QString &choice : poll.validChoices())
        appendRow(counts, {choiceName(poll, choice), QString::number(closing.count(choice))});
    leaveTable();
    paragraph(tr("Outcome: %1").arg(verdictInWords(poll)), m_bold, Qt::AlignJustify, indent);
    if (poll.secret)
        writeReceipts(closing.receipts);
    else
        writeRollCall(rollCall, poll);
}

void Minutes::writeRollCall(const std::vector<RollCallRow> &rollCall, const core::Poll &poll)
{
    paragraph(tr("Roll call"), m_bold, Qt::AlignLeft, 8);
    if (rollCall.empty()) {
        paragraph(tr("Nobody voted."), m_italic, Qt::AlignLeft, 8);
        return;
    }
    QTextTable *votes = table(
        {tr("No."), tr("Seat"), tr("Full name"), tr("Vote"), tr("Weight"), tr("Cast by proxy")},
        {7, 9, 32, 20, 9, 23}, int(rollCall.size()));
    int number = 0;
    for (const RollCallRow &row : rollCall) {
        appendRow(votes,
            {QString::number(++number), row.seat, row.name, choiceName(poll, row.choice),
                QString::number(row.weight),
                row.proxyHolder.isEmpty() ? QString() : row.proxyHolder});
    }
    leaveTable();
}

void Minutes::writeReceipts(const QStringList &receipts)
{
    paragraph(tr("Ballot receipts (each voter can find their own; how anyone voted is not "
                 "recorded)"),
        m_bold, Qt::AlignLeft, 8);
    if (receipts.isEmpty()) {
        paragraph(tr("Nobody voted."), m_italic, Qt::AlignLeft, 8);
        return;
    }
    constexpr int columns = 4;
    QTextTable *list
        = table({}, {25, 25, 25, 25}, int((receipts.size() + columns - 1) / columns), 100, 8);
    for (qsizetype first = 0; first < receipts.size(); first += columns) {
        QStringList row;
        for (qsizetype i = first; i < first + columns && i < receipts.size(); ++i)
            row.append(receipts.at(i));
        const int at = int(first / columns);
        for (int column = 0; column < row.size(); ++column)
            cell(list, at, column, row.at(column), m_mono);
    }
    leaveTable();
}

void Minutes::writeConclusions(const ItemRow &item)
{
    paragraph(tr("Conclusions"), m_bold, Qt::AlignLeft, 4);
    for (const ConclusionRow &conclusion : item.conclusions) {
        QString text = QString::number(conclusion.number) + QStringLiteral(". ") + conclusion.text;
        if (conclusion.poll != 0) {
            for (const PollRow &poll : item.polls) {
                if (poll.poll.id == conclusion.poll)
                    text += QStringLiteral(" ")
                        + tr("(decided by the poll \"%1\")").arg(poll.poll.title);
            }
        }
        paragraph(text, m_body, Qt::AlignLeft, 8);
    }
}

} // namespace chamber::minutespdf
