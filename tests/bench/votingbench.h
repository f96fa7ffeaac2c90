// Shared by the two processes of the voting benchmark (bench_voting.cpp drives chamberd and
// the tally screen; votingvoters.cpp is the voters' process): clocks both can compare, JSON
// helpers, latency summaries.
#pragma once

#include "spin.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <vector>

namespace chamber::bench::voting {

inline const QLatin1String kType("type");
inline const QLatin1String kId("id");
inline const QLatin1String kResult("result");

struct Failure
{
    QString why;
};

// Thrown to main(), so destructors stop chamberd, the echo server and the voters' process.
[[noreturn]] void fail(const QString &why);

using chamber::testing::spinUntil;

// CLOCK_MONOTONIC, the same in both processes (nowNs() counts from each process's start).
qint64 steadyNs();
// Converts nowNs() readings (ClientFleet's arrival times) to steadyNs().
qint64 steadyOffsetNs();

QString compact(const QJsonObject &object);
QJsonObject parse(const QString &text);
bool isOk(const QJsonObject &message);

struct Latency
{
    double p50 = 0;
    double p99 = 0;
    double max = 0;
    size_t samples = 0;
    QJsonObject json() const
    {
        return {{QStringLiteral("p50_ms"), p50}, {QStringLiteral("p99_ms"), p99},
            {QStringLiteral("max_ms"), max}, {QStringLiteral("samples"), qint64(samples)}};
    }
};

Latency summarise(const std::vector<double> &samplesMs);
QJsonArray toJsonArray(const std::vector<double> &values);
std::vector<double> fromJsonArray(const QJsonArray &array);

// A thousand sockets here, as many in chamberd (which inherits the limit).
void raiseFileLimit();
// The file system under `path`, by name: a tmpfs makes fsync free and the figures meaningless.
QString fileSystemType(const QString &path);

// The voters' process: JSON-line commands on stdin, JSON-line answers on stdout.
int voterProcess();

} // namespace chamber::bench::voting
