// Structured logging over Qt's logging categories.
//
// Code logs with chamber::log::info(category, "listening", {{"port", 8443}}). The fields travel
// inside the Qt message (after a unit separator), so QT_LOGGING_RULES filtering still works,
// and installMessageHandler() turns every message, ours and Qt's own, into one line of JSON
// (for journald and log shippers) or of readable text (on a terminal).
#pragma once

#include <QJsonObject>
#include <QLoggingCategory>
#include <QString>

#include <initializer_list>
#include <utility>

namespace chamber::log {

using Fields = std::initializer_list<std::pair<QString, QJsonValue>>;

enum class Format { Json, Text };

void write(
    QtMsgType type, const QLoggingCategory &category, const QString &message, Fields fields = {});
inline void debug(const QLoggingCategory &category, const QString &message, Fields fields = {})
{
    write(QtDebugMsg, category, message, fields);
}
inline void info(const QLoggingCategory &category, const QString &message, Fields fields = {})
{
    write(QtInfoMsg, category, message, fields);
}
inline void warning(const QLoggingCategory &category, const QString &message, Fields fields = {})
{
    write(QtWarningMsg, category, message, fields);
}
inline void critical(const QLoggingCategory &category, const QString &message, Fields fields = {})
{
    write(QtCriticalMsg, category, message, fields);
}

// Routes all Qt logging to stderr in the given format.
void installMessageHandler(Format format);

// Formats one record; exposed for tests.
QByteArray formatRecord(Format format, QtMsgType type, const char *category,
    const QString &rawMessage, const QString &timestamp);

} // namespace chamber::log
