// Hostile-load benchmark: 200 honest delegate tablets (enrolled by join code, each ballot acked
// after its group commit) vote in polls, first in quiet, then while the same chamberd gets,
// at the same time: 2000 idle TCP connections that never send a TLS ClientHello, 50 slowloris
// clients (TLS done, then a request head at one byte a second, never finished), 5 clients
// sending huge things (unfinished 64 MiB header lines; unauthenticated POSTs announcing and
// streaming 256 MiB bodies) and one enrolled tablet flooding commands without waiting for the
// answers. Each attacker reconnects when cut, so the pressure lasts however the server defends.
//
// Measured: the ack latency of every honest ballot (send to its ok) in both rounds, refused or
// lost honest ballots, chamberd's peak RSS (VmRSS every 100 ms) and CPU, whether a brand-new
// client gets TLS + GET /api/v1/health through under attack, and after the attackers all
// stop, how long until one does.
//
// Goals (issue 12): p99 under attack <= 2 x quiet p99; no honest ballot refused; peak RSS under
// 300 MB; a new connection accepted (TLS + health answered) within 1 s after the attack ends.
//
// Three processes beside chamberd: this one (the chair's console, the samplers, the probes),
// the honest tablets (--voter-process, as bench_voting's) and the attackers
// (--attacker-process), so no event loop is shared with 2000 attacking sockets. Attackers come
// from their own loopback addresses (idle 127.0.2.x, slowloris 127.0.3.x, huge 127.0.4.x, the
// flooder 127.0.5.1), the honest tablets and probes from 127.0.0.1, so a server's per-address
// limits can tell them apart.
#include "benchmeeting.h"
#include "clientfleet.h"
#include "drivenprocess.h"
#include "healthprobe.h"
#include "hostileclients.h"
#include "processinfo.h"
#include "protocol/schema.h"
#include "stats.h"
#include "votingbench.h"
#include "wsclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdio>

using namespace chamber;
using namespace chamber::bench;
using namespace chamber::bench::voting;

namespace {

constexpr double kRssGoalMiB = 300e6 / (1024.0 * 1024.0); // 300 MB
constexpr int kRecoveryGoalMs = 1000;
constexpr int kRecoveryTriesMs = 30000;

struct Options
{
    int tablets = 200;
    int polls = 3; // per round
    int idle = 2000;
    int slowloris = 50;
    int hugeHeaders = 3;
    int hugeBodies = 2;
    double headerMiB = 64;
    double bodyMiB = 256;
    QString flood = QStringLiteral("mixed");
    QString chamberd; // empty: the one built beside this benchmark
    QString configExtra;
    int settleMs = 2000;
};

// Peak VmRSS of a process, looked at every 100 ms while the event loop runs.
class RssSampler
{
public:
    explicit RssSampler(qint64 pid)
        : m_pid(pid)
    {
        QObject::connect(&m_timer, &QTimer::timeout, [this] { sample(); });
    }
    void start()
    {
        m_peak = 0;
        sample();
        m_timer.start(100);
    }
    double stop()
    {
        m_timer.stop();
        sample();
        return m_peak;
    }

private:
    void sample() { m_peak = std::max(m_peak, processMemoryMiB(m_pid)); }

    qint64 m_pid;
    QTimer m_timer;
    double m_peak = 0;
};

struct Round
{
    std::vector<double> latencies; // of every answered ballot, ms
    int cast = 0;
    int refused = 0; // not ok, or no answer within 60 s
    QString firstProblem;
    double seconds = 0;
    double chamberdCpuS = 0;
    double rssPeakMiB = 0;

    Latency ack() const { return summarise(latencies); }
    QJsonObject json() const
    {
        return {{QStringLiteral("ack"), ack().json()}, {QStringLiteral("cast"), cast},
            {QStringLiteral("refused"), refused}, {QStringLiteral("first_problem"), firstProblem},
            {QStringLiteral("seconds"), seconds}, {QStringLiteral("chamberd_cpu_s"), chamberdCpuS},
            {QStringLiteral("rss_peak_mib"), rssPeakMiB}};
    }
};

// The chair's console: one admin connection, open before any attack, for poll.open/close.
bool chairCommand(testing::WsClient &chair, const QString &type, qint64 poll, QString *problem)
{
    const QJsonObject reply = chair.request(
        {{kType, type}, {QStringLiteral("meeting"), 1}, {QStringLiteral("poll"), poll}}, 60000);
    if (isOk(reply))
        return true;
    if (problem->isEmpty())
        *problem = QStringLiteral("%1 %2: %3").arg(type).arg(poll).arg(compact(reply));
    return false;
}

// The honest tablets vote in each of `polls` in turn: the chair opens it, all cast at once,
// the chair closes it.
Round vote(BenchServer &server, testing::WsClient &chair, DrivenProcess &voters,
    const std::vector<qint64> &polls, int tablets)
{
    Round round;
    RssSampler rss(server.pid);
    rss.start();
    const double cpuBefore = processCpuSeconds(server.pid);
    const qint64 start = nowNs();
    for (qint64 poll : polls) {
        chairCommand(chair, QStringLiteral("poll.open"), poll, &round.firstProblem);
        voters.tell(
            {{QStringLiteral("cmd"), QStringLiteral("cast")}, {QStringLiteral("poll"), poll}});
        const QJsonObject cast = voters.await(QStringLiteral("cast"), 120000);
        const std::vector<double> latencies
            = fromJsonArray(cast.value(QLatin1String("latencies_ms")).toArray());
        round.latencies.insert(round.latencies.end(), latencies.begin(), latencies.end());
        round.cast += tablets;
        round.refused
            += cast.value(QLatin1String("errors")).toInt() + (tablets - int(latencies.size()));
        if (round.firstProblem.isEmpty())
            round.firstProblem = cast.isEmpty()
                ? QStringLiteral("the voters' process did not report")
                : cast.value(QLatin1String("first_error")).toString();
        chairCommand(chair, QStringLiteral("poll.close"), poll, &round.firstProblem);
        waitUntil([] { return false; }, 300); // the closing's broadcast goes by
    }
    round.seconds = double(nowNs() - start) / 1e9;
    round.chamberdCpuS = processCpuSeconds(server.pid) - cpuBefore;
    round.rssPeakMiB = rss.stop();
    return round;
}

QJsonObject awaitStatus(DrivenProcess &attackers)
{
    attackers.tell({{QStringLiteral("cmd"), QStringLiteral("status")}});
    return attackers.await(QStringLiteral("status"), 10000);
}

// Every attacker has got through at least once (idle: TCP connected; slowloris and huge: TLS
// done; the flooder: hello answered). Not "all at this moment": a server that cuts idle
// connections after a while never lets all 2000 be connected at once.
bool allInPlace(const QJsonObject &status, const Options &options)
{
    const auto count
        = [&status](const char *name) { return status.value(QLatin1String(name)).toInt(); };
    return !status.isEmpty() && count("idle_ever") >= options.idle
        && count("slowloris_ever") >= options.slowloris
        && count("huge_ever") >= options.hugeHeaders + options.hugeBodies
        && status.value(QLatin1String("flooder_ever")).toBool();
}

QString verdict(bool met)
{
    return met ? QStringLiteral("goal met") : QStringLiteral("goal NOT met");
}

int driver(const Options &options)
{
    raiseFileLimit(); // chamberd inherits it: 2000 idle connections and more
    QTemporaryDir work;
    QByteArray config = "[log]\nlevel = info\n[sync]\n"
                        // One process opening 200 TLS connections in batches takes a while
                        // before the last of them says hello, which a kiosk does at once.
                        "hello-timeout = 600\n";
    if (!options.configExtra.isEmpty())
        config += options.configExtra.toUtf8() + '\n';
    BenchServer server(work.path(), config, options.chamberd);
    const QHostAddress host(QStringLiteral("127.0.0.1"));
    const quint16 port = server.process.port();
    std::printf("bench_hostile: %d honest tablets, %d polls per round, on %d cores; chamberd %s\n",
        options.tablets, options.polls, QThread::idealThreadCount(),
        qPrintable(options.chamberd.isEmpty() ? QStringLiteral("(built)") : options.chamberd));
    std::printf("attack: %d idle, %d slowloris, %d x %.0f MiB header lines, %d x %.0f MiB bodies, "
                "1 tablet flooding (%s)\n",
        options.idle, options.slowloris, options.hugeHeaders, options.headerMiB, options.hugeBodies,
        options.bodyMiB, qPrintable(options.flood));
    std::fflush(stdout);

    // --- the meeting: honest delegates and the flooder's, join codes, check-in, polls ----------
    const QJsonArray delegates
        = createMeetingWithDelegates(server, options.tablets + 1, QStringLiteral("Bench hostile"));
    const JoinCodes codes = makeJoinCodes(server, delegates);
    QJsonArray honestTokens = codes.tokens;
    const QString floodToken = honestTokens.takeAt(honestTokens.size() - 1).toString();
    DrivenProcess voters({QStringLiteral("--voter-process")});
    DrivenProcess attackers({QStringLiteral("--attacker-process")});
    if (!voters.started() || !attackers.started())
        fail(QStringLiteral("the helper processes did not start"));
    voters.tell(
        {{QStringLiteral("cmd"), QStringLiteral("enroll")}, {QStringLiteral("url"), codes.wsUrl},
            {QStringLiteral("pin"), QString::fromLatin1(codes.pin.toHex())},
            {QStringLiteral("tokens"), honestTokens}});
    if (voters.await(QStringLiteral("enrolled"), 600000).isEmpty())
        fail(QStringLiteral("the honest tablets did not enroll"));
    testing::WsClient floodEnroller(codes.pin);
    if (!floodEnroller.open(codes.wsUrl))
        fail(QStringLiteral("the flooding tablet could not connect to enroll"));
    const QJsonObject floodResult
        = floodEnroller
              .request({{kType, QStringLiteral("enroll")}, {QStringLiteral("token"), floodToken}})
              .value(kResult)
              .toObject();
    floodEnroller.abort();
    const QString floodCredential = floodResult.value(QLatin1String("credential")).toString();
    if (floodCredential.isEmpty())
        fail(QStringLiteral("the flooding tablet was not enrolled"));
    QJsonArray honestDelegates = delegates;
    honestDelegates.removeLast();
    pipelineAsAdmin(server, checkInFrames(honestDelegates), QStringLiteral("ci"));
    std::vector<qint64> quietPolls;
    std::vector<qint64> attackPolls;
    for (int i = 0; i < options.polls; ++i) {
        quietPolls.push_back(createPoll(server, QStringLiteral("Quiet motion %1").arg(i + 1)));
        attackPolls.push_back(
            createPoll(server, QStringLiteral("Motion under attack %1").arg(i + 1)));
    }
    testing::WsClient chair(server.process.pin());
    if (!chair.connectAndHello(server.process.wsUrl(), server.process.adminToken()))
        fail(QStringLiteral("the chair's console could not connect"));
    std::printf("set up: %d delegates, %d tablets enrolled and checked in, the flooder enrolled\n",
        int(delegates.size()), options.tablets);
    std::fflush(stdout);

    // --- quiet round -----------------------------------------------------------------------------
    const Round quiet = vote(server, chair, voters, quietPolls, options.tablets);
    const Latency quietAck = quiet.ack();
    std::printf("quiet:        ack p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (%zu acks, %d "
                "refused); chamberd CPU %.2f s in %.1f s, peak RSS %.1f MiB\n",
        quietAck.p50, quietAck.p99, quietAck.max, quietAck.samples, quiet.refused,
        quiet.chamberdCpuS, quiet.seconds, quiet.rssPeakMiB);
    std::fflush(stdout);

    // The new-client probe in quiet, as the yardstick of the ones under and after the attack.
    const hostile::HealthProbe quietProbe
        = hostile::probeHealth(host, port, server.process.pin(), 10000);
    std::printf("a new client in quiet: %s (TCP %.1f ms, TLS %.1f ms, answer %.1f ms)\n",
        quietProbe.ok ? "got in"
                      : qPrintable(QStringLiteral("did NOT get in: ") + quietProbe.error),
        quietProbe.connectMs, quietProbe.handshakeMs, quietProbe.totalMs);
    std::fflush(stdout);

    // --- the attack starts; the same tablets vote again
    // -------------------------------------------
    RssSampler attackRss(server.pid);
    attackRss.start();
    const double cpuAttackStart = processCpuSeconds(server.pid);
    const qint64 attackStart = nowNs();
    attackers.tell({{QStringLiteral("cmd"), QStringLiteral("start")},
        {QStringLiteral("host"), host.toString()}, {QStringLiteral("port"), int(port)},
        {QStringLiteral("idle"), options.idle}, {QStringLiteral("idle_per_address"), 100},
        {QStringLiteral("slowloris"), options.slowloris},
        {QStringLiteral("slowloris_per_address"), 10},
        {QStringLiteral("huge_headers"), options.hugeHeaders},
        {QStringLiteral("huge_bodies"), options.hugeBodies},
        {QStringLiteral("huge_per_address"), 1}, {QStringLiteral("header_mib"), options.headerMiB},
        {QStringLiteral("body_mib"), options.bodyMiB},
        {QStringLiteral("flood_credential"), floodCredential},
        {QStringLiteral("flood_delegate"), floodResult.value(QLatin1String("delegate"))},
        {QStringLiteral("flood"), options.flood}});
    if (attackers.await(QStringLiteral("started"), 30000).isEmpty())
        fail(QStringLiteral("the attackers' process did not start the attack"));
    QJsonObject inPlace;
    for (QDeadlineTimer deadline(60000); !deadline.hasExpired();) {
        inPlace = awaitStatus(attackers);
        if (allInPlace(inPlace, options))
            break;
        waitUntil([] { return false; }, 500);
    }
    const double inPlaceS = double(nowNs() - attackStart) / 1e9;
    const bool allPlaced = allInPlace(inPlace, options);
    std::printf(
        "attackers %s after %.1f s: got in at least once: %d idle, %d slowloris, %d huge, "
        "flooder %s; at that moment: %d idle connected, %d slowloris, %d huge, flooder %s\n",
        allPlaced ? "all in place" : "NOT all in place (going on anyway)", inPlaceS,
        inPlace.value(QLatin1String("idle_ever")).toInt(),
        inPlace.value(QLatin1String("slowloris_ever")).toInt(),
        inPlace.value(QLatin1String("huge_ever")).toInt(),
        inPlace.value(QLatin1String("flooder_ever")).toBool() ? "yes" : "no",
        inPlace.value(QLatin1String("idle_connected")).toInt(),
        inPlace.value(QLatin1String("slowloris_in_place")).toInt(),
        inPlace.value(QLatin1String("huge_in_place")).toInt(),
        inPlace.value(QLatin1String("flooder_in_place")).toBool() ? "flooding" : "not flooding");
    std::fflush(stdout);
    waitUntil([] { return false; }, options.settleMs);
    const Round attacked = vote(server, chair, voters, attackPolls, options.tablets);
    const Latency attackAck = attacked.ack();
    // A client that was not there before: does it get in while the attack goes on?
    const hostile::HealthProbe underAttack
        = hostile::probeHealth(host, port, server.process.pin(), 10000);
    const double attackCpuS = processCpuSeconds(server.pid) - cpuAttackStart;
    const double attackS = double(nowNs() - attackStart) / 1e9;

    // --- the attack ends: how soon does a new client get in? -------------------------------------
    attackers.tell({{QStringLiteral("cmd"), QStringLiteral("stop")}});
    const QJsonObject stopped = attackers.await(QStringLiteral("stopped"), 30000);
    const qint64 stoppedAt = nowNs();
    double recoveredMs = -1;
    int probes = 0;
    hostile::HealthProbe firstProbe;
    hostile::HealthProbe lastProbe;
    while (double(nowNs() - stoppedAt) / 1e6 < kRecoveryTriesMs) {
        const int left = kRecoveryTriesMs - int((nowNs() - stoppedAt) / 1000000);
        lastProbe = hostile::probeHealth(host, port, server.process.pin(), std::min(5000, left));
        if (probes++ == 0)
            firstProbe = lastProbe;
        if (lastProbe.ok) {
            recoveredMs = double(nowNs() - stoppedAt) / 1e6;
            break;
        }
        waitUntil([] { return false; }, 100);
    }
    const double rssPeak = attackRss.stop();
    const bool alive = processMemoryMiB(server.pid) >= 0;

    // --- report ----------------------------------------------------------------------------------
    const bool p99Met = attackAck.samples > 0 && attackAck.p99 <= 2 * quietAck.p99;
    const bool refusedMet = attacked.refused == 0 && quiet.refused == 0;
    const bool rssMet = rssPeak >= 0 && rssPeak < kRssGoalMiB;
    const bool recoveryMet = recoveredMs >= 0 && recoveredMs <= kRecoveryGoalMs;
    std::printf("under attack: ack p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (%zu acks, %d "
                "refused); chamberd CPU %.2f s in %.1f s\n",
        attackAck.p50, attackAck.p99, attackAck.max, attackAck.samples, attacked.refused,
        attacked.chamberdCpuS, attacked.seconds);
    if (!attacked.firstProblem.isEmpty() || !quiet.firstProblem.isEmpty())
        std::printf("first problem: %s\n",
            qPrintable(
                attacked.firstProblem.isEmpty() ? quiet.firstProblem : attacked.firstProblem));
    std::printf("chamberd during the attack: CPU %.2f s in %.1f s (%.0f%% of a core), peak RSS "
                "%.1f MiB%s\n",
        attackCpuS, attackS, 100 * attackCpuS / attackS, rssPeak, alive ? "" : "; it has EXITED");
    std::printf("a new client under attack: %s (TCP %.0f ms, TLS %.0f ms, answer %.0f ms)%s\n",
        underAttack.ok ? "got in" : "did NOT get in", underAttack.connectMs,
        underAttack.handshakeMs, underAttack.totalMs,
        underAttack.ok ? "" : qPrintable(QStringLiteral(": ") + underAttack.error));
    if (recoveredMs >= 0)
        std::printf("after the attack: a new client got TLS + health %.0f ms after the attackers "
                    "stopped (%d tries; the last took %.0f ms)\n",
            recoveredMs, probes, lastProbe.totalMs);
    else
        std::printf("after the attack: NO new connection got through in %d s (%d tries; last: "
                    "%s)\n",
            kRecoveryTriesMs / 1000, probes, qPrintable(lastProbe.error));
    std::printf(
        "attackers: %s\n", QJsonDocument(stopped).toJson(QJsonDocument::Compact).constData());
    std::printf("goal p99 under attack <= 2 x quiet p99 (%.2f <= %.2f ms): %s\n", attackAck.p99,
        2 * quietAck.p99, qPrintable(verdict(p99Met)));
    std::printf("goal no honest ballot refused (%d refused under attack, %d in quiet): %s\n",
        attacked.refused, quiet.refused, qPrintable(verdict(refusedMet)));
    std::printf("goal RSS under 300 MB = %.1f MiB (peak %.1f MiB): %s\n", kRssGoalMiB, rssPeak,
        qPrintable(verdict(rssMet)));
    std::printf("goal new connections accepted within 1 s after the attack (%s): %s\n",
        recoveredMs >= 0 ? qPrintable(QStringLiteral("%1 ms").arg(recoveredMs, 0, 'f', 0))
                         : "never within 30 s",
        qPrintable(verdict(recoveryMet)));
    QJsonObject attackJson = attacked.json();
    attackJson.insert(QStringLiteral("rss_peak_mib"), rssPeak);
    attackJson.insert(QStringLiteral("chamberd_cpu_s_whole_attack"), attackCpuS);
    attackJson.insert(QStringLiteral("attack_s"), attackS);
    attackJson.insert(QStringLiteral("attackers_in_place"), allPlaced);
    attackJson.insert(QStringLiteral("attackers_in_place_s"), inPlaceS);
    attackJson.insert(QStringLiteral("attackers"), stopped);
    attackJson.insert(QStringLiteral("new_client_under_attack"), underAttack.json());
    const QJsonObject result {
        {QStringLiteral("bench"), QStringLiteral("hostile")},
        {QStringLiteral("chamberd"),
            options.chamberd.isEmpty() ? QStringLiteral("built") : options.chamberd},
        {QStringLiteral("config_extra"), options.configExtra},
        {QStringLiteral("tablets"), options.tablets},
        {QStringLiteral("polls_per_round"), options.polls},
        {QStringLiteral("idle"), options.idle},
        {QStringLiteral("slowloris"), options.slowloris},
        {QStringLiteral("huge_headers"), options.hugeHeaders},
        {QStringLiteral("huge_bodies"), options.hugeBodies},
        {QStringLiteral("flood"), options.flood},
        {QStringLiteral("quiet"), quiet.json()},
        {QStringLiteral("attack"), attackJson},
        {QStringLiteral("new_client_in_quiet"), quietProbe.json()},
        {QStringLiteral("recovery_ms"), recoveredMs},
        {QStringLiteral("recovery_probes"), probes},
        {QStringLiteral("recovery_first_probe"), firstProbe.json()},
        {QStringLiteral("chamberd_alive"), alive},
        {QStringLiteral("goal_p99_met"), p99Met},
        {QStringLiteral("goal_none_refused_met"), refusedMet},
        {QStringLiteral("goal_rss_met"), rssMet},
        {QStringLiteral("goal_recovery_met"), recoveryMet},
    };
    server.process.terminate();
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCommandLineParser parser;
    const auto option
        = [&parser](const char *name, const char *help, const char *value, const char *fallback) {
              QCommandLineOption created {QString::fromLatin1(name), QString::fromLatin1(help),
                  QString::fromLatin1(value), QString::fromLatin1(fallback)};
              parser.addOption(created);
              return created;
          };
    const auto tablets = option("tablets", "honest tablets voting", "N", "200");
    const auto polls = option("polls", "polls per round (each: all tablets cast)", "N", "3");
    const auto idle = option("idle", "idle TCP connections", "N", "2000");
    const auto slowloris = option("slowloris", "slowloris clients", "N", "50");
    const auto hugeHeaders = option("huge-headers", "clients sending a huge header line", "N", "3");
    const auto hugeBodies = option("huge-bodies", "clients sending a huge body", "N", "2");
    const auto headerMiB = option("header-mib", "size of the huge header line", "MIB", "64");
    const auto bodyMiB = option("body-mib", "size of the huge body", "MIB", "256");
    const auto flood
        = option("flood", "the flooder's commands: mixed, ping or attendance", "WHAT", "mixed");
    const auto chamberd
        = option("chamberd", "run this chamberd binary instead of the built one", "PATH", "");
    const auto configExtra = option(
        "config-extra", "appended to chamberd's config file (\\n in it: a new line)", "TEXT", "");
    const auto settle = option("settle-ms", "wait after the attackers are in place", "MS", "2000");
    const QCommandLineOption voterOption(QStringLiteral("voter-process"),
        QStringLiteral("internal: be the honest tablets' process"));
    const QCommandLineOption attackerOption(
        QStringLiteral("attacker-process"), QStringLiteral("internal: be the attackers' process"));
    parser.addOptions({voterOption, attackerOption});
    parser.addHelpOption();
    parser.process(application);
    try {
        if (parser.isSet(voterOption)) {
            raiseFileLimit();
            return voterProcess();
        }
        if (parser.isSet(attackerOption)) {
            raiseFileLimit();
            return hostile::attackerProcess();
        }
        Options options;
        options.tablets = parser.value(tablets).toInt();
        options.polls = std::max(1, parser.value(polls).toInt());
        options.idle = std::max(0, parser.value(idle).toInt());
        options.slowloris = std::max(0, parser.value(slowloris).toInt());
        options.hugeHeaders = std::max(0, parser.value(hugeHeaders).toInt());
        options.hugeBodies = std::max(0, parser.value(hugeBodies).toInt());
        options.headerMiB = parser.value(headerMiB).toDouble();
        options.bodyMiB = parser.value(bodyMiB).toDouble();
        options.flood = parser.value(flood);
        options.chamberd = parser.value(chamberd);
        options.configExtra
            = parser.value(configExtra).replace(QLatin1String("\\n"), QLatin1String("\n"));
        options.settleMs = std::max(0, parser.value(settle).toInt());
        if (options.tablets < 1)
            fail(QStringLiteral("--tablets must be at least 1"));
        if (!QStringList {
                QStringLiteral("mixed"), QStringLiteral("ping"), QStringLiteral("attendance")}
                 .contains(options.flood))
            fail(QStringLiteral("--flood must be mixed, ping or attendance"));
        return driver(options);
    } catch (const Failure &failure) {
        std::fprintf(stderr, "bench_hostile: %s\n", qPrintable(failure.why));
        return 1;
    }
}
