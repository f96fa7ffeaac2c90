#include "core/delegatecsv.h"

#include "protocol/text.h"

#include <QHash>
#include <QList>
#include <QStringDecoder>
#include <QStringList>

#include <array>
#include <optional>

namespace chamber::core {

namespace {

enum class Column { Name, Group, Seat, Weight };

struct ColumnAlias
{
    Column column;
    const char16_t *alias;
};

// Lower-case, compared after trimming. Vietnamese headers with and without diacritics.
constexpr std::array kAliases {
    ColumnAlias {Column::Name, u"name"},
    ColumnAlias {Column::Name, u"full name"},
    ColumnAlias {Column::Name, u"họ tên"},
    ColumnAlias {Column::Name, u"họ và tên"},
    ColumnAlias {Column::Name, u"ho ten"},
    ColumnAlias {Column::Group, u"group"},
    ColumnAlias {Column::Group, u"delegation"},
    ColumnAlias {Column::Group, u"tổ"},
    ColumnAlias {Column::Group, u"đoàn"},
    ColumnAlias {Column::Group, u"to"},
    ColumnAlias {Column::Group, u"nhóm"},
    ColumnAlias {Column::Seat, u"seat"},
    ColumnAlias {Column::Seat, u"ghế"},
    ColumnAlias {Column::Seat, u"số ghế"},
    ColumnAlias {Column::Seat, u"ghe"},
    ColumnAlias {Column::Weight, u"weight"},
    ColumnAlias {Column::Weight, u"trọng số"},
    ColumnAlias {Column::Weight, u"trong so"},
};

QString columnName(Column column)
{
    switch (column) {
    case Column::Name:
        return QStringLiteral("name");
    case Column::Group:
        return QStringLiteral("group");
    case Column::Seat:
        return QStringLiteral("seat");
    case Column::Weight:
        break;
    }
    return QStringLiteral("weight");
}

std::optional<Column> columnFor(const QString &header)
{
    const QString key = header.trimmed().toLower();
    for (const auto &alias : kAliases) {
        if (key == QStringView(alias.alias))
            return alias.column;
    }
    return std::nullopt;
}

struct Record
{
    int line = 0; // line where the record starts
    QStringList fields;
};

// Splits into records, honouring quotes (which may span lines). Problems are appended.
std::vector<Record> splitRecords(
    const QString &text, QChar separator, std::vector<CsvProblem> &problems)
{
    std::vector<Record> records;
    Record record {1, {}};
    QString field;
    bool quoted = false;
    bool fieldWasQuoted = false;
    int line = 1;
    qsizetype i = 0;
    auto endRecord = [&] {
        record.fields << field;
        field.clear();
        fieldWasQuoted = false;
        const bool blank = record.fields.size() == 1 && record.fields.first().trimmed().isEmpty();
        if (!blank)
            records.push_back(record);
        record = Record {line, {}};
    };
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    i += 2;
                    continue;
                }
                quoted = false;
            } else {
                if (c == u'\n')
                    ++line;
                field += c;
            }
            ++i;
            continue;
        }
        if (c == u'"') {
            if (!field.trimmed().isEmpty() || fieldWasQuoted) {
                problems.push_back({line,
                    QStringLiteral("a quote inside an unquoted field; "
                                   "quote the whole field and double "
                                   "inner quotes")});
                return {};
            }
            field.clear();
            quoted = true;
            fieldWasQuoted = true;
        } else if (c == separator) {
            record.fields << field;
            field.clear();
            fieldWasQuoted = false;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            ++line;
            endRecord();
        } else {
            if (fieldWasQuoted && !c.isSpace()) {
                problems.push_back({line, QStringLiteral("text after a closing quote")});
                return {};
            }
            field += c;
        }
        ++i;
    }
    if (quoted) {
        problems.push_back({record.line, QStringLiteral("a quoted field is never closed")});
        return {};
    }
    endRecord();
    return records;
}

QChar detectSeparator(const QString &text)
{
    const QStringView firstLine
        = QStringView(text).left(text.indexOf(u'\n') < 0 ? text.size() : text.indexOf(u'\n'));
    QChar best = u',';
    qsizetype bestCount = 0;
    for (QChar candidate : {QChar(u','), QChar(u';'), QChar(u'\t')}) {
        const qsizetype count = firstLine.count(candidate);
        if (count > bestCount) {
            best = candidate;
            bestCount = count;
        }
    }
    return best;
}

bool hasControlCharacters(const QString &text)
{
    for (QChar c : text) {
        if (c.category() == QChar::Other_Control || c.isSurrogate())
            return true;
    }
    return false;
}

} // namespace

DelegateCsv parseDelegateCsv(const QString &input)
{
    DelegateCsv result;
    QString text = input;
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    if (text.trimmed().isEmpty()) {
        result.problems.push_back({0, QStringLiteral("the file is empty")});
        return result;
    }

    const std::vector<Record> records = splitRecords(text, detectSeparator(text), result.problems);
    if (!result.problems.empty())
        return result;
    if (records.empty()) {
        result.problems.push_back({0, QStringLiteral("the file has no header line")});
        return result;
    }

    // Header.
    const Record &header = records.front();
    std::vector<std::optional<Column>> columns;
    bool hasName = false;
    for (const QString &title : header.fields) {
        const auto column = columnFor(title);
        if (!column) {
            result.problems.push_back({header.line,
                QStringLiteral("unknown column \"%1\"; expected name, group, "
                               "seat, weight")
                    .arg(title.trimmed().left(40))});
            continue;
        }
        for (const auto &seen : columns) {
            if (seen == column) {
                result.problems.push_back({header.line,
                    QStringLiteral("column \"%1\" appears twice").arg(title.trimmed())});
            }
        }
        hasName = hasName || *column == Column::Name;
        columns.push_back(column);
    }
    if (!hasName)
        result.problems.push_back({header.line, QStringLiteral("the header has no name column")});
    if (!result.problems.empty())
        return result;
    if (qsizetype(records.size()) - 1 > kMaxCsvRows) {
        result.problems.push_back(
            {0, QStringLiteral("more than %1 delegates in one file").arg(kMaxCsvRows)});
        return result;
    }

    QHash<QString, int> seatLines;
    for (size_t r = 1; r < records.size(); ++r) {
        const Record &record = records[r];
        auto problem = [&](const QString &message) {
            result.problems.push_back({record.line, message});
        };
        if (record.fields.size() != qsizetype(columns.size())) {
            problem(QStringLiteral("%1 fields, but the header has %2")
                        .arg(record.fields.size())
                        .arg(columns.size()));
            continue;
        }
        CsvDelegate row;
        row.line = record.line;
        bool rowOk = true;
        for (size_t c = 0; c < columns.size(); ++c) {
            // Names, groups and seats are labels like those sent one by one (protocol/text.h).
            const QString value = protocol::normalizedLabel(record.fields.at(qsizetype(c)));
            if (hasControlCharacters(value)) {
                problem(QStringLiteral("control characters in a field"));
                rowOk = false;
                break;
            }
            if (*columns[c] != Column::Weight) {
                if (auto invisible = protocol::labelProblem(value)) {
                    problem(QStringLiteral("the %1 %2").arg(columnName(*columns[c]), *invisible));
                    rowOk = false;
                    break;
                }
            }
            switch (*columns[c]) {
            case Column::Name:
                row.name = value;
                break;
            case Column::Group:
                row.group = value;
                break;
            case Column::Seat:
                row.seat = value;
                break;
            case Column::Weight: {
                if (value.isEmpty())
                    break;
                bool isNumber = false;
                const qint64 weight = value.toLongLong(&isNumber);
                if (!isNumber || weight < 0 || weight > 1000000) {
                    problem(QStringLiteral("weight \"%1\" is not a whole number from 0 to 1000000")
                                .arg(value.left(20)));
                    rowOk = false;
                }
                row.weight = weight;
                break;
            }
            }
        }
        if (!rowOk)
            continue;
        if (row.name.isEmpty()) {
            problem(QStringLiteral("the name is empty"));
            continue;
        }
        if (row.name.size() > 200 || row.group.size() > 200 || row.seat.size() > 32) {
            problem(QStringLiteral("a field is too long (name and group 200, seat 32 characters)"));
            continue;
        }
        if (!row.seat.isEmpty()) {
            const QString key = row.seat.toLower();
            if (seatLines.contains(key)) {
                problem(QStringLiteral("seat %1 is already given on line %2")
                            .arg(row.seat)
                            .arg(seatLines.value(key)));
                continue;
            }
            seatLines.insert(key, record.line);
        }
        result.rows.push_back(row);
    }
    if (result.problems.empty() && result.rows.empty())
        result.problems.push_back({0, QStringLiteral("the file has a header but no delegates")});
    return result;
}

DelegateCsv parseDelegateCsv(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        // Find the line of the first invalid sequence by decoding line by line.
        int line = 1;
        for (const QByteArray &raw : bytes.split('\n')) {
            QStringDecoder lineDecoder(QStringDecoder::Utf8);
            const QString decodedLine = lineDecoder.decode(raw);
            Q_UNUSED(decodedLine);
            if (lineDecoder.hasError())
                break;
            ++line;
        }
        DelegateCsv result;
        result.problems.push_back(
            {line, QStringLiteral("not valid UTF-8; save the file as \"CSV UTF-8\"")});
        return result;
    }
    return parseDelegateCsv(text);
}

} // namespace chamber::core
