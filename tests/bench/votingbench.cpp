#include "votingbench.h"

#include "clientfleet.h"
#include "stats.h"

#include <QFile>
#include <QJsonDocument>

#include <chrono>
#include <sys/resource.h>
#include <sys/vfs.h>

namespace chamber::bench::voting {

[[noreturn]] void fail(const QString &why)
{
    throw Failure {why};
}

qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

qint64 steadyOffsetNs()
{
    static const qint64 offset = steadyNs() - nowNs();
    return offset;
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject parse(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

bool isOk(const QJsonObject &message)
{
    return message.value(kType).toString() == QLatin1String("ok");
}

Latency summarise(const std::vector<double> &samplesMs)
{
    return Latency {percentile(samplesMs, 50), percentile(samplesMs, 99),
        percentile(samplesMs, 100), samplesMs.size()};
}

QJsonArray toJsonArray(const std::vector<double> &values)
{
    QJsonArray array;
    for (double value : values)
        array.append(value);
    return array;
}

std::vector<double> fromJsonArray(const QJsonArray &array)
{
    std::vector<double> values;
    for (const QJsonValue &value : array)
        values.push_back(value.toDouble());
    return values;
}

void raiseFileLimit()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

QString fileSystemType(const QString &path)
{
    struct statfs info
    {
    };
    if (statfs(QFile::encodeName(path).constData(), &info) != 0)
        return QStringLiteral("unknown");
    switch (static_cast<unsigned long>(info.f_type)) {
    case 0xEF53:
        return QStringLiteral("ext4");
    case 0x01021994:
        return QStringLiteral("tmpfs (fsync costs nothing: not a disk)");
    case 0x58465342:
        return QStringLiteral("xfs");
    case 0x9123683E:
        return QStringLiteral("btrfs");
    case 0x794C7630:
        return QStringLiteral("overlayfs");
    default:
        return QStringLiteral("0x%1").arg(static_cast<unsigned long>(info.f_type), 0, 16);
    }
}

} // namespace chamber::bench::voting
