#include "minutes/minutesexport.h"

#include <QJsonArray>

#include <algorithm>

namespace chamber::minutes {

namespace {

// Every table is made as typed rows of JSON values once: the CSV writes them as cells, the
// JSON export keeps them as objects. The columns' order is the CSV's.
struct Table
{
    QStringList columns;
    std::vector<QJsonArray> rows;

    QJsonArray objects() const
    {
        QJsonArray list;
        for (const QJsonArray &row : rows) {
            QJsonObject object;
            for (qsizetype i = 0; i < columns.size(); ++i)
                object.insert(columns.at(i), row.at(i));
            list.append(object);
        }
        return list;
    }
};

// Rows ordered by the integers in these columns, the first deciding first: the log's own
// order (speech = the granting event's seq, poll and conclusion numbers), not the items'.
void sortByNumbers(Table &table, std::initializer_list<qsizetype> columns)
{
    std::sort(
        table.rows.begin(), table.rows.end(), [columns](const QJsonArray &a, const QJsonArray &b) {
            for (qsizetype column : columns) {
                if (a.at(column).toInteger() != b.at(column).toInteger())
                    return a.at(column).toInteger() < b.at(column).toInteger();
            }
            return false;
        });
}

QString spansText(const std::vector<PresenceSpan> &spans)
{
    QStringList parts;
    for (const PresenceSpan &span : spans)
        parts << span.from + QStringLiteral("/") + span.to;
    return parts.join(QStringLiteral("; "));
}

Table attendance(const MinutesModel &model)
{
    Table table {{QStringLiteral("delegate"), QStringLiteral("seat"), QStringLiteral("name"),
                     QStringLiteral("group"), QStringLiteral("weight"), QStringLiteral("absent"),
                     QStringLiteral("first_arrival"), QStringLiteral("last_departure"),
                     QStringLiteral("presence"), QStringLiteral("absence_reason")},
        {}};
    for (const AttendanceRow &row : model.attendance) {
        const bool absent = row.spans.empty();
        table.rows.push_back(QJsonArray {row.delegate, row.seat, row.name, row.group, row.weight,
            absent, absent ? QString() : row.spans.front().from,
            absent ? QString() : row.spans.back().to, spansText(row.spans), row.absenceReason});
    }
    return table;
}

Table speeches(const MinutesModel &model)
{
    Table table {{QStringLiteral("speech"), QStringLiteral("item"), QStringLiteral("item_number"),
                     QStringLiteral("speaker_kind"), QStringLiteral("speaker_id"),
                     QStringLiteral("name"), QStringLiteral("seat"), QStringLiteral("start"),
                     QStringLiteral("end"), QStringLiteral("duration_ms"),
                     QStringLiteral("recordings"), QStringLiteral("recording_failures")},
        {}};
    for (const ItemRow &item : model.items) {
        for (const SpeechRow &row : item.speeches) {
            QStringList hashes;
            for (const RecordingRow &recording : row.recordings)
                hashes << recording.sha256;
            table.rows.push_back(QJsonArray {row.speech, item.id, item.number, row.speaker.field(),
                row.speaker.id, row.name, row.seat, row.start, row.end, row.durationMs,
                hashes.join(u' '), row.recordingFailures.join(QStringLiteral("; "))});
        }
    }
    sortByNumbers(table, {0});
    return table;
}

QString countsText(const core::Poll &poll)
{
    if (!poll.closing)
        return {};
    QStringList parts;
    for (const QString &choice : poll.validChoices())
        parts << QStringLiteral("%1=%2").arg(choice).arg(poll.closing->count(choice));
    return parts.join(QStringLiteral("; "));
}

Table polls(const MinutesModel &model)
{
    Table table {
        {QStringLiteral("poll"), QStringLiteral("item"), QStringLiteral("item_number"),
            QStringLiteral("title"), QStringLiteral("method"), QStringLiteral("rule"),
            QStringLiteral("state"), QStringLiteral("opened_at"), QStringLiteral("closed_at"),
            QStringLiteral("published_at"), QStringLiteral("ballots"), QStringLiteral("counts"),
            QStringLiteral("outcome"), QStringLiteral("winner"), QStringLiteral("receipts")},
        {}};
    for (const ItemRow &item : model.items) {
        for (const PollRow &row : item.polls) {
            const core::Poll &poll = row.poll;
            const bool closed = poll.closing.has_value();
            table.rows.push_back(QJsonArray {poll.id, item.id, item.number, poll.title,
                poll.secret ? QStringLiteral("secret") : QStringLiteral("named"),
                poll.rule.describe(), core::pollStateName(poll.state), poll.openedAt, poll.closedAt,
                poll.publishedAt, closed ? poll.closing->tally.ballots : 0, countsText(poll),
                closed ? core::verdictName(poll.closing->outcome.verdict) : QString(),
                closed ? poll.closing->outcome.winner : QString(),
                closed ? poll.closing->receipts.join(u' ') : QString()});
        }
    }
    sortByNumbers(table, {0});
    return table;
}

std::vector<const PollRow *> pollsById(const MinutesModel &model)
{
    std::vector<const PollRow *> list;
    for (const ItemRow &item : model.items) {
        for (const PollRow &row : item.polls)
            list.push_back(&row);
    }
    std::sort(list.begin(), list.end(),
        [](const PollRow *a, const PollRow *b) { return a->poll.id < b->poll.id; });
    return list;
}

QStringList rollCallColumns()
{
    return {QStringLiteral("poll"), QStringLiteral("delegate"), QStringLiteral("seat"),
        QStringLiteral("name"), QStringLiteral("choice"), QStringLiteral("weight"),
        QStringLiteral("proxy_holder")};
}

QJsonArray rollCallRow(qint64 poll, const RollCallRow &row)
{
    return {poll, row.delegate, row.seat, row.name, row.choice, row.weight, row.proxyHolder};
}

Table rollCall(const MinutesModel &model)
{
    Table table {rollCallColumns(), {}};
    for (const PollRow *poll : pollsById(model)) {
        for (const RollCallRow &row : poll->rollCall)
            table.rows.push_back(rollCallRow(poll->poll.id, row));
    }
    return table;
}

Table conclusions(const MinutesModel &model)
{
    Table table {{QStringLiteral("number"), QStringLiteral("item"), QStringLiteral("item_number"),
                     QStringLiteral("text"), QStringLiteral("poll")},
        {}};
    for (const ItemRow &item : model.items) {
        for (const ConclusionRow &row : item.conclusions)
            table.rows.push_back(QJsonArray {row.number, item.id, item.number, row.text,
                row.poll ? QJsonValue(row.poll) : QJsonValue(QString())});
    }
    sortByNumbers(table, {0});
    return table;
}

Table recordings(const MinutesModel &model)
{
    Table table {{QStringLiteral("recording"), QStringLiteral("speech"), QStringLiteral("segment"),
                     QStringLiteral("item"), QStringLiteral("speaker"), QStringLiteral("sha256"),
                     QStringLiteral("bytes"), QStringLiteral("duration_ms"),
                     QStringLiteral("partial"), QStringLiteral("note")},
        {}};
    for (const ItemRow &item : model.items) {
        for (const SpeechRow &speech : item.speeches) {
            for (const RecordingRow &row : speech.recordings)
                table.rows.push_back(QJsonArray {row.id, speech.speech, row.segment, item.id,
                    speech.name, row.sha256, row.bytes, row.durationMs, row.partial, row.note});
        }
    }
    sortByNumbers(table, {1, 2}); // speech, then segment
    return table;
}

Table tableOf(const MinutesModel &model, ExportTable which)
{
    switch (which) {
    case ExportTable::Attendance:
        return attendance(model);
    case ExportTable::Speeches:
        return speeches(model);
    case ExportTable::Polls:
        return polls(model);
    case ExportTable::RollCall:
        return rollCall(model);
    case ExportTable::Conclusions:
        return conclusions(model);
    case ExportTable::Recordings:
        return recordings(model);
    }
    return {};
}

QString cellText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    case QJsonValue::Double:
        return QString::number(value.toInteger());
    case QJsonValue::String:
        return value.toString();
    default:
        return {};
    }
}

} // namespace

QString exportTableName(ExportTable table)
{
    switch (table) {
    case ExportTable::Attendance:
        return QStringLiteral("attendance");
    case ExportTable::Speeches:
        return QStringLiteral("speeches");
    case ExportTable::Polls:
        return QStringLiteral("polls");
    case ExportTable::RollCall:
        return QStringLiteral("rollcall");
    case ExportTable::Conclusions:
        return QStringLiteral("conclusions");
    case ExportTable::Recordings:
        return QStringLiteral("recordings");
    }
    return {};
}

QList<ExportTable> exportTables()
{
    return {ExportTable::Attendance, ExportTable::Speeches, ExportTable::Polls,
        ExportTable::RollCall, ExportTable::Conclusions, ExportTable::Recordings};
}

std::optional<ExportTable> exportTableFromName(const QString &name)
{
    for (ExportTable table : exportTables()) {
        if (exportTableName(table) == name)
            return table;
    }
    return std::nullopt;
}

QString csvCell(const QString &text)
{
    QString cell = text;
    static const QString kFormulaStarts = QStringLiteral("=+-@\t\r");
    if (!cell.isEmpty() && kFormulaStarts.contains(cell.front()))
        cell.prepend(u'\'');
    if (cell.contains(u',') || cell.contains(u'"') || cell.contains(u'\n') || cell.contains(u'\r'))
        cell = u'"' + cell.replace(QStringLiteral("\""), QStringLiteral("\"\"")) + u'"';
    return cell;
}

QByteArray minutesCsv(const MinutesModel &model, ExportTable which)
{
    const Table table = tableOf(model, which);
    QByteArray csv("\xEF\xBB\xBF"); // UTF-8 byte order mark: spreadsheets then read UTF-8
    auto line = [&csv](const QStringList &cells) {
        QStringList quoted;
        for (const QString &cell : cells)
            quoted << csvCell(cell);
        csv += quoted.join(u',').toUtf8() + "\r\n";
    };
    line(table.columns);
    for (const QJsonArray &row : table.rows) {
        QStringList cells;
        for (const QJsonValue &value : row)
            cells << cellText(value);
        line(cells);
    }
    return csv;
}

QJsonObject minutesExportJson(const MinutesModel &model)
{
    // Each poll carries its roll call (empty for secret polls and those not closed).
    QJsonArray pollList = polls(model).objects();
    const std::vector<const PollRow *> byId = pollsById(model);
    for (qsizetype i = 0; i < pollList.size(); ++i) {
        Table roll {rollCallColumns(), {}};
        for (const RollCallRow &row : byId[std::size_t(i)]->rollCall)
            roll.rows.push_back(rollCallRow(byId[std::size_t(i)]->poll.id, row));
        QJsonObject poll = pollList.at(i).toObject();
        poll.insert(QStringLiteral("rollCall"), roll.objects());
        pollList[i] = poll;
    }
    return QJsonObject {
        {QStringLiteral("meeting"), model.meeting},
        {QStringLiteral("seq"), model.seq},
        {QStringLiteral("lastEventHash"), model.lastEventHash},
        {QStringLiteral("kind"), minutesKindName(model.kind)},
        {QStringLiteral("generatedFrom"), QStringLiteral("event log")},
        {QStringLiteral("attendance"), attendance(model).objects()},
        {QStringLiteral("speeches"), speeches(model).objects()},
        {QStringLiteral("polls"), pollList},
        {QStringLiteral("conclusions"), conclusions(model).objects()},
        {QStringLiteral("recordings"), recordings(model).objects()},
    };
}

} // namespace chamber::minutes
