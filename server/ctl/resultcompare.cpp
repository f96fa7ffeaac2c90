#include "ctl/resultcompare.h"

#include "protocol/message.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace chamber::ctl {

namespace {

// Enough to see what differs without burying it; a forged file may hold megabytes.
constexpr int kMaxDifferences = 20;
constexpr int kMaxValueChars = 80;

struct Difference
{
    QString path;
    QString document;
    QString log;
};

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + u'.' + key;
}

void collect(const QJsonValue &document, const QJsonValue &log, const QString &path,
    std::vector<Difference> &out)
{
    if (document == log || out.size() >= size_t(kMaxDifferences))
        return;
    if (document.isObject() && log.isObject()) {
        const QJsonObject a = document.toObject();
        const QJsonObject b = log.toObject();
        QStringList keys = a.keys() + b.keys();
        keys.removeDuplicates();
        keys.sort();
        for (const QString &key : keys)
            collect(a.value(key), b.value(key), join(path, key), out);
        return;
    }
    if (document.isArray() && log.isArray()) {
        const QJsonArray a = document.toArray();
        const QJsonArray b = log.toArray();
        if (a.size() != b.size()) {
            out.push_back(Difference {path, QStringLiteral("%1 entries").arg(a.size()),
                QStringLiteral("%1").arg(b.size())});
        }
        for (qsizetype i = 0; i < std::min(a.size(), b.size()); ++i)
            collect(a.at(i), b.at(i), QStringLiteral("%1[%2]").arg(path).arg(i), out);
        return;
    }
    out.push_back(Difference {path, shortJson(document), shortJson(log)});
}

QString sourceOf(const QString &path, const ResultSources &sources)
{
    const auto event = [](const char *kind, qint64 seq) {
        return seq > 0 ? QStringLiteral("the log's %1 (event %2)").arg(QLatin1String(kind)).arg(seq)
                       : QStringLiteral("the log (no %1 event)").arg(QLatin1String(kind));
    };
    const QString top = path.section(u'.', 0, 0).section(u'[', 0, 0);
    if (top == QLatin1String("meeting"))
        return sources.meetingTitle > 0
            ? QStringLiteral("the log (meeting title set in event %1)").arg(sources.meetingTitle)
            : QStringLiteral("the log");
    if (top == QLatin1String("poll")) {
        if (path.startsWith(QLatin1String("poll.openedAt")))
            return event("poll.opened", sources.pollOpened);
        if (path.startsWith(QLatin1String("poll.closedAt")))
            return event("poll.closed", sources.pollClosed);
        return event("poll.created", sources.pollCreated);
    }
    static const QSet<QString> kClosing {QStringLiteral("context"), QStringLiteral("tally"),
        QStringLiteral("outcome"), QStringLiteral("receipts"), QStringLiteral("voters"),
        QStringLiteral("ballots")};
    if (kClosing.contains(top))
        return event("poll.closed", sources.pollClosed);
    if (top == QLatin1String("lastEvent"))
        return QStringLiteral("the log's event %1").arg(sources.lastEvent);
    return QStringLiteral("the log");
}

} // namespace

QString shortJson(const QJsonValue &value)
{
    QString text;
    switch (value.type()) {
    case QJsonValue::Undefined:
        return QStringLiteral("absent");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return protocol::isJsonInteger(value) ? QString::number(value.toInteger())
                                              : QString::number(value.toDouble());
    case QJsonValue::String:
        text = u'"' + value.toString() + u'"';
        break;
    case QJsonValue::Array:
        text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        break;
    case QJsonValue::Object:
        text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        break;
    }
    return text.size() > kMaxValueChars ? text.left(kMaxValueChars - 1) + QStringLiteral("…")
                                        : text;
}

QStringList compareDocuments(const QJsonObject &document, const QJsonObject &expected,
    const ResultSources &sources, const QString &subject)
{
    std::vector<Difference> differences;
    collect(document, expected, QString(), differences);
    QStringList lines;
    for (const Difference &difference : differences) {
        lines << QStringLiteral("%1: %2 in %3, %4 in %5")
                     .arg(difference.path.isEmpty() ? QStringLiteral("document") : difference.path,
                         difference.document, subject, difference.log,
                         sourceOf(difference.path, sources));
    }
    if (differences.size() >= size_t(kMaxDifferences))
        lines << QStringLiteral("(and perhaps more differences)");
    return lines;
}

} // namespace chamber::ctl
