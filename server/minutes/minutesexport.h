// The minutes as tables for spreadsheets (CSV: UTF-8 with BOM so Excel and LibreOffice open
// Vietnamese text correctly, RFC 4180 quoting, CRLF) and as one JSON document. Both are made
// from the same MinutesModel as the PDF, so every export names the event it was made up to.
#pragma once

#include "minutes/minutesmodel.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace chamber::minutes {

enum class ExportTable { Attendance, Speeches, Polls, RollCall, Conclusions, Recordings };

// "attendance", "speeches", "polls", "rollcall", "conclusions", "recordings".
QString exportTableName(ExportTable table);
std::optional<ExportTable> exportTableFromName(const QString &name);
QList<ExportTable> exportTables();

// One table: a header row of English column names, then a row per entry.
QByteArray minutesCsv(const MinutesModel &model, ExportTable table);

// {meeting, seq, lastEventHash, kind, generatedFrom: "event log", attendance, speeches, polls
// (each with its rollCall), conclusions, recordings}: the same rows as the CSV tables, typed.
QJsonObject minutesExportJson(const MinutesModel &model);

// A CSV cell as RFC 4180 writes it, with the spreadsheet formula guard: a cell starting with
// = + - @, a tab or a carriage return gets a leading ' so it is shown, never computed.
QString csvCell(const QString &text);

} // namespace chamber::minutes
