// Join storm: 1000 tablets joining a fresh chamberd at the same moment, as when the room's
// access point comes back and every kiosk scans or reconnects at once. Each tablet opens its
// TLS WebSocket, enrolls with its own seat's join code, says hello with the credential it got
// and subscribes, until its first snapshot. Measured: the time from the start until all have
// their snapshot, p50/p99 per tablet, and chamberd's CPU time during the storm (and this
// process's, the client, which on 2 cores competes with it).
//
// With --baseline-chamberd PATH the same storm runs first against that binary ("before") and
// then against the chamberd built beside this benchmark ("after"), each on a fresh data
// directory, and the ratio is printed. Earlier measurement (the old edge, TLS handshakes done
// one at a time on the event loop): 1000 tablets took 3.2 s.
#include "benchmeeting.h"
#include "clientfleet.h"
#include "joinstorm.h"
#include "processinfo.h"
#include "stats.h"
#include "votingbench.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <sys/resource.h>

using namespace chamber;
using namespace chamber::bench;
using namespace chamber::bench::voting;

namespace {

double ownCpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct Storm
{
    QString binary;
    int tablets = 0;
    int joined = 0;
    double allJoinedMs = -1; // -1: not all of them
    Latency perTablet;
    double chamberdCpuS = 0;
    double clientCpuS = 0;
    double rssAfterMiB = 0;
    QString firstFailure;

    QJsonObject json() const
    {
        return {{QStringLiteral("chamberd"), binary}, {QStringLiteral("tablets"), tablets},
            {QStringLiteral("joined"), joined}, {QStringLiteral("all_joined_ms"), allJoinedMs},
            {QStringLiteral("per_tablet"), perTablet.json()},
            {QStringLiteral("chamberd_cpu_s"), chamberdCpuS},
            {QStringLiteral("client_cpu_s"), clientCpuS},
            {QStringLiteral("chamberd_rss_mib"), rssAfterMiB},
            {QStringLiteral("first_failure"), firstFailure}};
    }
};

Storm storm(const QString &binary, int tablets, const QString &configExtra, int timeoutMs)
{
    QTemporaryDir work;
    QByteArray config = "[log]\nlevel = info\n";
    if (!configExtra.isEmpty())
        config += configExtra.toUtf8() + '\n';
    BenchServer server(work.path(), config, binary);
    const QJsonArray delegates
        = createMeetingWithDelegates(server, tablets, QStringLiteral("Bench join storm"));
    const JoinCodes codes = makeJoinCodes(server, delegates);
    waitUntil([] { return false; }, 1000); // the join codes' connections go quiet

    Storm result;
    result.binary = binary.isEmpty() ? QStringLiteral("built") : binary;
    result.tablets = tablets;
    JoinStorm joinStorm(codes.pin, codes.wsUrl, codes.tokens);
    const double serverCpu = processCpuSeconds(server.pid);
    const double clientCpu = ownCpuSeconds();
    joinStorm.run(timeoutMs);
    result.chamberdCpuS = processCpuSeconds(server.pid) - serverCpu;
    result.clientCpuS = ownCpuSeconds() - clientCpu;
    result.rssAfterMiB = processMemoryMiB(server.pid);
    result.joined = joinStorm.joined();
    std::vector<double> joined;
    for (double ms : joinStorm.joinedMs()) {
        if (ms >= 0)
            joined.push_back(ms);
    }
    result.perTablet = summarise(joined);
    if (result.joined == tablets)
        result.allJoinedMs = result.perTablet.max;
    result.firstFailure = joinStorm.firstFailure();
    server.process.terminate();
    return result;
}

void print(const char *label, const Storm &result)
{
    std::printf("%-7s %4d of %d joined; all in %8.0f ms; per tablet p50 %7.0f ms  p99 %7.0f ms  "
                "(chamberd CPU %.2f s, client CPU %.2f s, chamberd RSS %.0f MiB)  [%s]\n",
        label, result.joined, result.tablets, result.allJoinedMs, result.perTablet.p50,
        result.perTablet.p99, result.chamberdCpuS, result.clientCpuS, result.rssAfterMiB,
        qPrintable(result.binary));
    if (!result.firstFailure.isEmpty())
        std::printf("        first failure: %s\n", qPrintable(result.firstFailure));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption tabletsOption(QStringLiteral("tablets"),
        QStringLiteral("tablets joining at once"), QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption baselineOption(QStringLiteral("baseline-chamberd"),
        QStringLiteral("run the storm first against this chamberd (before), then the built one"),
        QStringLiteral("PATH"));
    const QCommandLineOption chamberdOption(QStringLiteral("chamberd"),
        QStringLiteral("the chamberd to measure instead of the built one"), QStringLiteral("PATH"));
    const QCommandLineOption configOption(QStringLiteral("config-extra"),
        QStringLiteral("appended to chamberd's config file (\\n in it: a new line)"),
        QStringLiteral("TEXT"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout-s"),
        QStringLiteral("give up on tablets not joined after this"), QStringLiteral("S"),
        QStringLiteral("120"));
    parser.addOptions({tabletsOption, baselineOption, chamberdOption, configOption, timeoutOption});
    parser.addHelpOption();
    parser.process(application);
    try {
        raiseFileLimit();
        const int tablets = parser.value(tabletsOption).toInt();
        if (tablets < 1)
            fail(QStringLiteral("--tablets must be at least 1"));
        const QString configExtra
            = parser.value(configOption).replace(QLatin1String("\\n"), QLatin1String("\n"));
        const int timeoutMs = std::max(1, parser.value(timeoutOption).toInt()) * 1000;
        const QString baseline = parser.value(baselineOption);
        std::printf("bench_joinstorm: %d tablets joining at once (TLS WebSocket, enroll by join "
                    "code, hello, subscribe, snapshot), on %d cores\n",
            tablets, QThread::idealThreadCount());
        std::fflush(stdout);
        QJsonObject result {{QStringLiteral("bench"), QStringLiteral("joinstorm")},
            {QStringLiteral("tablets"), tablets}, {QStringLiteral("config_extra"), configExtra}};
        std::optional<Storm> before;
        if (!baseline.isEmpty()) {
            before = storm(baseline, tablets, configExtra, timeoutMs);
            print("before", *before);
            result.insert(QStringLiteral("before"), before->json());
        }
        const Storm after = storm(parser.value(chamberdOption), tablets, configExtra, timeoutMs);
        print(before ? "after" : "storm", after);
        result.insert(before ? QStringLiteral("after") : QStringLiteral("storm"), after.json());
        if (before && before->allJoinedMs > 0 && after.allJoinedMs > 0) {
            const double ratio = after.allJoinedMs / before->allJoinedMs;
            std::printf("after / before: %.2f (all joined %.0f ms vs %.0f ms; chamberd CPU %.2f s "
                        "vs %.2f s)\n",
                ratio, after.allJoinedMs, before->allJoinedMs, after.chamberdCpuS,
                before->chamberdCpuS);
            result.insert(QStringLiteral("ratio_after_before"), ratio);
        }
        std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
        return 0;
    } catch (const Failure &failure) {
        std::fprintf(stderr, "bench_joinstorm: %s\n", qPrintable(failure.why));
        return 1;
    }
}
