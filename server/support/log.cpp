#include "support/log.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>
#include <mutex>

namespace chamber::log {

namespace {

constexpr QChar kFieldSeparator = QChar(0x1f); // ASCII unit separator: never in our messages

Format g_format = Format::Text;

QString compose(const QString &message, Fields fields)
{
    if (fields.size() == 0)
        return message;
    QJsonObject object;
    for (const auto &[key, value] : fields)
        object.insert(key, value);
    return message + kFieldSeparator
        + QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "error";
    case QtFatalMsg:
        return "fatal";
    }
    return "info";
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    static std::mutex mutex; // Qt may log from its own threads
    const QByteArray line = formatRecord(g_format, type, context.category, message,
        QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    std::lock_guard lock(mutex);
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace

void write(QtMsgType type, const QLoggingCategory &category, const QString &message, Fields fields)
{
    if (!category.isEnabled(type))
        return;
    QMessageLogger logger(nullptr, 0, nullptr, category.categoryName());
    const QString text = compose(message, fields);
    switch (type) {
    case QtDebugMsg:
        logger.debug().noquote() << text;
        break;
    case QtInfoMsg:
        logger.info().noquote() << text;
        break;
    case QtWarningMsg:
        logger.warning().noquote() << text;
        break;
    default:
        logger.critical().noquote() << text;
        break;
    }
}

QByteArray formatRecord(Format format, QtMsgType type, const char *category,
    const QString &rawMessage, const QString &timestamp)
{
    const qsizetype split = rawMessage.indexOf(kFieldSeparator);
    const QString message = split < 0 ? rawMessage : rawMessage.left(split);
    const QJsonObject fields = split < 0
        ? QJsonObject()
        : QJsonDocument::fromJson(rawMessage.mid(split + 1).toUtf8()).object();
    const QString categoryName = QString::fromLatin1(category ? category : "default");

    if (format == Format::Json) {
        QJsonObject record = fields;
        record.insert(QStringLiteral("ts"), timestamp);
        record.insert(QStringLiteral("level"), QString::fromLatin1(levelName(type)));
        record.insert(QStringLiteral("cat"), categoryName);
        record.insert(QStringLiteral("msg"), message);
        return QJsonDocument(record).toJson(QJsonDocument::Compact) + '\n';
    }
    QString line = timestamp + u' ' + QString::fromLatin1(levelName(type)).leftJustified(7) + u' '
        + categoryName + u' ' + message;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QJsonValue value = it.value();
        QString text = value.isString()
            ? value.toString()
            : QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact))
                  .mid(1)
                  .chopped(1);
        if (text.contains(u' '))
            text = u'"' + text + u'"';
        line += u' ' + it.key() + u'=' + text;
    }
    return line.toUtf8() + '\n';
}

void installMessageHandler(Format format)
{
    g_format = format;
    qInstallMessageHandler(handler);
}

} // namespace chamber::log
