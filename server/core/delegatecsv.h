// Parser for the delegate list a secretary exports from a spreadsheet.
//
// Accepted: UTF-8 (with or without BOM), comma, semicolon or tab separated (detected from the
// header line), RFC 4180 quoting, CRLF or LF. The header names the columns in any order, in
// English or Vietnamese: name / họ tên (required), group / tổ / đoàn, seat / ghế, weight /
// trọng số. Every problem is reported with its line number; the caller imports nothing unless
// the whole file is clean.
#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

namespace chamber::core {

constexpr int kMaxCsvRows = 5000;

struct CsvDelegate
{
    int line = 0;
    QString name;
    QString group;
    QString seat;
    qint64 weight = 1;
};

struct CsvProblem
{
    int line = 0; // 0: the file as a whole
    QString message;
};

struct DelegateCsv
{
    std::vector<CsvDelegate> rows;
    std::vector<CsvProblem> problems;
    bool ok() const { return problems.empty(); }
};

DelegateCsv parseDelegateCsv(const QString &text);
// Decodes strictly: invalid UTF-8 is a problem on the line where it occurs, not a silent
// replacement character in somebody's name.
DelegateCsv parseDelegateCsv(const QByteArray &bytes);

} // namespace chamber::core
