// Voting benchmark: N delegate tablets (1000) cast their ballots at the same moment. Measured
// from each cast's send to its ok, which chamberd sends only after the ballot's transaction is
// on disk (ballots arriving together share one commit); the time until all N are acknowledged;
// and the delay from the first cast until a tally screen's connection receives the `progress`
// push that says all N are in.
//
// The tablets run in a second process (this program with --voter-process, driven over
// stdin/stdout by JSON lines), so the server, the tally screen and the voters do not share one
// event loop, and the voters' process is the "client" of both measurements below.
//
// Baselines in the same run: the same client code and process sending one frame from each of
// N connections at once to a bare TLS WebSocket echo server (chamberd's key; no work behind
// it), and the duration of one fsync'd SQLite commit (WAL, synchronous=FULL) on the file
// system holding chamberd's data. A ballot needs both a round trip and a commit, so:
//
// Goals: all N acknowledged within 1 s; p99 ack <= 3 x (echo p99 + commit p99).
#include "benchmeeting.h"
#include "clientfleet.h"
#include "drivenprocess.h"
#include "processinfo.h"
#include "protocol/joinlink.h"
#include "protocol/schema.h"
#include "protocol/tlspin.h"
#include "restcall.h"
#include "serverprocess.h"
#include "stats.h"
#include "storage/sqlite.h"
#include "votingbench.h"

#include "childprocess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <unistd.h>

using namespace chamber;
using namespace chamber::bench;

namespace {

using namespace chamber::bench::voting;

// The voters' process, which answers with what bench_voting needs.
class Voters : public DrivenProcess
{
public:
    Voters()
        : DrivenProcess({QStringLiteral("--voter-process")})
    {
        if (!started())
            fail(QStringLiteral("the voters' process did not start"));
    }

    QJsonObject await(const QString &event, int timeoutMs)
    {
        const QJsonObject found = DrivenProcess::await(event, timeoutMs);
        if (found.isEmpty())
            fail(QStringLiteral("the voters' process did not report %1").arg(event));
        return found;
    }
};

Latency fsyncCommits(const QString &directory, int commits)
{
    const QString path = directory + QStringLiteral("/fsync-probe.db");
    std::vector<double> samples;
    {
        auto db = storage::Database::open(path); // WAL, synchronous=FULL, as chamberd's
        if (!db)
            fail(db.error().message);
        if (auto created = db.value()->exec("CREATE TABLE probe (id INTEGER PRIMARY KEY, v BLOB)");
            !created)
            fail(created.error().message);
        auto insert = db.value()->prepare("INSERT INTO probe (v) VALUES (?)");
        if (!insert)
            fail(insert.error().message);
        for (int i = 0; i < commits; ++i) {
            // One row per transaction, as a ballot batch's smallest case: BEGIN IMMEDIATE,
            // insert, COMMIT (the WAL is fsync'd).
            const qint64 start = steadyNs();
            storage::Transaction transaction(*db.value());
            insert->bind(1, QByteArray(200, char('a' + i % 26)));
            if (auto run = insert->run(); !run)
                fail(run.error().message);
            if (auto committed = transaction.commit(); !committed)
                fail(committed.error().message);
            samples.push_back(double(steadyNs() - start) / 1e6);
        }
    } // the statement, then the database, closed
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    return summarise(samples);
}

int driver(int clients, int echoRounds, int fsyncSamples)
{
    raiseFileLimit();
    (void)steadyOffsetNs();
    QTemporaryDir work;
    // Debug level: chamberd logs each group commit with its size. A long hello timeout: one
    // process opening a thousand TLS connections (in batches) takes seconds before the first of
    // them gets to enroll and say hello, which a kiosk does at once.
    BenchServer server(work.path(), "[log]\nlevel = debug\n[sync]\nhello-timeout = 600\n");
    const qint64 pid = server.pid;
    const QString fileSystem = fileSystemType(server.process.dataDir());
    std::printf("bench_voting: %d delegate tablets over TLS in a separate process, on %d cores, "
                "data on %s\n",
        clients, QThread::idealThreadCount(), qPrintable(fileSystem));
    std::fflush(stdout);

    // --- meeting, delegates ----------------------------------------------------------------------
    const QJsonArray delegates
        = createMeetingWithDelegates(server, clients, QStringLiteral("Bench voting"));

    // --- enrollment: a join code and an enroll per tablet (not the benchmark) --------------------
    qint64 start = steadyNs();
    const JoinCodes codes = makeJoinCodes(server, delegates);
    const QJsonArray &tokens = codes.tokens;
    const QString &wsUrl = codes.wsUrl;
    const QByteArray &pin = codes.pin;
    const double joinCodesS = double(steadyNs() - start) / 1e9;
    Voters voters;
    voters.tell({{QStringLiteral("cmd"), QStringLiteral("enroll")}, {QStringLiteral("url"), wsUrl},
        {QStringLiteral("pin"), QString::fromLatin1(pin.toHex())},
        {QStringLiteral("tokens"), tokens}});
    const QJsonObject enrolled = voters.await(QStringLiteral("enrolled"), 600000);
    const double enrollmentS = double(steadyNs() - start) / 1e9;
    std::printf("enrollment of %d tablets: %.1f s (join codes %.1f s; in the voters' process: "
                "connect %.1f s, enroll %.1f s, hello %.1f s)\n",
        clients, enrollmentS, joinCodesS, enrolled.value(QLatin1String("connect_s")).toDouble(),
        enrolled.value(QLatin1String("enroll_s")).toDouble(),
        enrolled.value(QLatin1String("hello_s")).toDouble());
    std::fflush(stdout);

    // --- check-in, poll --------------------------------------------------------------------------
    const QStringList checkIns = checkInFrames(delegates);
    const double checkInS = pipelineAsAdmin(server, checkIns, QStringLiteral("ci"));
    std::printf(
        "check-in of %d delegates (one admin connection, pipelined): %.1f s\n", clients, checkInS);
    std::fflush(stdout);
    const testing::RestResponse created = server.call("POST", QStringLiteral("/meetings/1/polls"),
        {{QStringLiteral("title"), QStringLiteral("Bench motion")},
            {QStringLiteral("rule"),
                QJsonObject {{QStringLiteral("preset"), QStringLiteral("simple-majority")}}}});
    const qint64 poll
        = created.json().value(kResult).toObject().value(QLatin1String("poll")).toInteger();
    if (created.status != 201
        || server.call("POST", QStringLiteral("/meetings/1/polls/%1/open").arg(poll)).status != 200)
        fail(QStringLiteral("poll: %1").arg(QString::fromUtf8(created.body)));

    // --- the tally screen, subscribed to the meeting ---------------------------------------------
    const testing::RestResponse tallyCode
        = server.call("POST", QStringLiteral("/meetings/1/join-codes"),
            {{QStringLiteral("role"), QStringLiteral("tally")}});
    auto tallyLink
        = protocol::parseJoinLink(tallyCode.json().value(QLatin1String("url")).toString());
    if (!tallyLink)
        fail(
            QStringLiteral("tally join code: %1").arg(QString::fromUtf8(tallyCode.body.left(300))));
    ClientFleet tally(tallyLink->pin, 1);
    if (!tally.connectAll(tallyLink->webSocketUrl().toString()))
        fail(QStringLiteral("tally screen could not connect"));
    QJsonObject tallyReply;
    auto tallyStep = [&](const QJsonObject &message) {
        tally.arm([&tallyReply, id = message.value(kId)](const QString &text) {
            const QJsonObject reply = parse(text);
            if (reply.value(kId) != id)
                return false;
            tallyReply = reply;
            return true;
        });
        tally.send(0, compact(message));
        if (!tally.waitAllArrived(30000) || !isOk(tallyReply))
            fail(QStringLiteral("tally screen: %1 answered %2")
                     .arg(message.value(kType).toString(), compact(tallyReply)));
    };
    tallyStep({{kType, QStringLiteral("enroll")}, {kId, QStringLiteral("enroll")},
        {QStringLiteral("token"), tallyLink->token}});
    tallyStep({{kType, QStringLiteral("hello")}, {kId, QStringLiteral("hello")},
        {QStringLiteral("protocol"), protocol::kProtocolVersion},
        {QStringLiteral("credential"),
            tallyReply.value(kResult).toObject().value(QLatin1String("credential"))}});
    tallyStep({{kType, QStringLiteral("subscribe")}, {kId, QStringLiteral("subscribe")},
        {QStringLiteral("meeting"), 1}});
    waitUntil([] { return false; }, 500); // the snapshot and the first progress go by
    int progressPushes = 0;
    tally.arm([&](const QString &text) {
        if (!text.contains(QLatin1String(R"("type":"progress")")))
            return false;
        ++progressPushes;
        return parse(text).value(QLatin1String("cast")).toInteger() >= clients;
    });
    const qint64 rssBefore = qint64(processMemoryMiB(pid));
    const int commitsBefore
        = int(server.process.records(QStringLiteral("ballots committed")).size());

    // --- the vote --------------------------------------------------------------------------------
    voters.tell({{QStringLiteral("cmd"), QStringLiteral("cast")}, {QStringLiteral("poll"), poll}});
    const QJsonObject cast = voters.await(QStringLiteral("cast"), 120000);
    const bool tallySawAll = tally.waitAllArrived(30000);
    const qint64 firstSend = cast.value(QLatin1String("first_send_ns")).toInteger();
    const double allAckedMs
        = double(cast.value(QLatin1String("last_ack_ns")).toInteger() - firstSend) / 1e6;
    const double sendingMs
        = double(cast.value(QLatin1String("last_send_ns")).toInteger() - firstSend) / 1e6;
    const double tallyMs
        = tallySawAll ? double(tally.arrivals().front() + steadyOffsetNs() - firstSend) / 1e6 : -1;
    const Latency ack
        = summarise(fromJsonArray(cast.value(QLatin1String("latencies_ms")).toArray()));
    const int errors = cast.value(QLatin1String("errors")).toInt();
    if (errors > 0)
        std::printf("%d ballots refused, first: %s\n", errors,
            qPrintable(cast.value(QLatin1String("first_error")).toString()));

    // What chamberd made of it: group commits (sizes from its log) and the counted tally.
    server.process.log();
    std::vector<qint64> batches;
    const auto commitRecords = server.process.records(QStringLiteral("ballots committed"));
    for (qsizetype i = commitsBefore; i < commitRecords.size(); ++i)
        batches.push_back(commitRecords.at(i).value(QLatin1String("count")).toInteger());
    const double rssPeak = processMemoryMiB(pid, "VmHWM");
    const testing::RestResponse closed
        = server.call("POST", QStringLiteral("/meetings/1/polls/%1/close").arg(poll));
    const qint64 counted = server.call("GET", QStringLiteral("/meetings/1/polls/%1").arg(poll))
                               .json()
                               .value(QLatin1String("closing"))
                               .toObject()
                               .value(QLatin1String("tally"))
                               .toObject()
                               .value(QLatin1String("ballots"))
                               .toInteger();
    if (closed.status != 200 || counted != clients)
        std::printf("WRONG: poll.close %d, %lld ballots counted for %d cast\n", closed.status,
            static_cast<long long>(counted), clients);

    // --- every tablet drops at once: how long chamberd is busy with it ---------------------------
    // Not a goal, a health check of the hub (as when the room's access point restarts): chamberd
    // logs each device going offline as it handles it, so the last record's time says when it
    // was through with all of them. A chair console (here the admin, who also sees presence)
    // subscribed meanwhile counts what it is sent.
    ClientFleet chair(server.process.pin(), 1);
    if (!chair.connectAll(server.process.wsUrl()))
        fail(QStringLiteral("chair connection failed"));
    chair.arm([](const QString &text) { return text.contains(QLatin1String(R"("type":"ok")")); });
    chair.send(0,
        compact({{kType, QStringLiteral("hello")}, {kId, QStringLiteral("hello")},
            {QStringLiteral("protocol"), protocol::kProtocolVersion},
            {QStringLiteral("credential"), QString::fromUtf8(server.process.adminToken())}}));
    chair.waitAllArrived(10000);
    chair.send(0,
        compact({{kType, QStringLiteral("subscribe")}, {kId, QStringLiteral("s")},
            {QStringLiteral("meeting"), 1}}));
    waitUntil([] { return false; }, 500);
    qint64 presenceFrames = 0;
    qint64 presenceBytes = 0;
    QString chairBye;
    chair.arm([&](const QString &text) {
        if (text.contains(QLatin1String(R"("type":"presence")"))) {
            ++presenceFrames;
            presenceBytes += text.toUtf8().size();
        } else if (text.contains(QLatin1String(R"("type":"bye")"))) {
            chairBye = parse(text).value(QLatin1String("reason")).toString();
        }
        return false;
    });
    voters.tell({{QStringLiteral("cmd"), QStringLiteral("disconnect")}});
    const qint64 droppedAt = voters.await(QStringLiteral("disconnected"), 30000)
                                 .value(QLatin1String("at_ms"))
                                 .toInteger();
    // Looking every 100 ms: this process shares the two cores with chamberd.
    const QByteArray offlineMarker = QByteArrayLiteral(R"("msg":"device offline")");
    for (QDeadlineTimer deadline(120000); !deadline.hasExpired();) {
        waitUntil([] { return false; }, 100);
        if (server.process.log().count(offlineMarker) >= clients)
            break;
    }
    waitUntil([] { return false; }, 200); // the last presence frames on their way
    const auto offlineRecords = server.process.records(QStringLiteral("device offline"));
    const double dropMs = offlineRecords.size() >= clients
        ? double(QDateTime::fromString(
                     offlineRecords.last().value(QLatin1String("ts")).toString(), Qt::ISODateWithMs)
                     .toMSecsSinceEpoch()
            - droppedAt)
        : -1;
    chair.closeAll();
    tally.closeAll();

    // --- baselines: echo from the same client process, fsync'd commit on the same disk -----------
    QProcess echoServer;
    chamber::testing::dieWithTest(echoServer);
    echoServer.start(QStringLiteral(CHAMBER_BENCH_DIR "/bench_echo_server"),
        {QStringLiteral("--cert"), server.process.dataDir() + QStringLiteral("/tls/cert.pem"),
            QStringLiteral("--key"), server.process.dataDir() + QStringLiteral("/tls/key.pem")});
    if (!echoServer.waitForReadyRead(10000))
        fail(QStringLiteral("echo server did not start"));
    const QString echoUrl
        = QStringLiteral("wss://127.0.0.1:%1")
              .arg(QString::fromLatin1(echoServer.readLine()).split(u' ').last().trimmed());
    voters.tell({{QStringLiteral("cmd"), QStringLiteral("echo")}, {QStringLiteral("url"), echoUrl},
        {QStringLiteral("pin"), QString::fromLatin1(server.process.pin().toHex())},
        {QStringLiteral("clients"), clients}, {QStringLiteral("rounds"), echoRounds}});
    const Latency echo = summarise(fromJsonArray(voters.await(QStringLiteral("echo"), 300000)
                                                     .value(QLatin1String("latencies_ms"))
                                                     .toArray()));
    echoServer.kill();
    echoServer.waitForFinished();
    const Latency commit = fsyncCommits(QFileInfo(server.process.dataDir()).path(), fsyncSamples);
    server.process.terminate();

    // --- report ----------------------------------------------------------------------------------
    const double bound = 3 * (echo.p99 + commit.p99);
    const bool allWithinGoal = errors == 0 && ack.samples == size_t(clients) && allAckedMs <= 1000;
    const bool p99WithinGoal = ack.samples == size_t(clients) && ack.p99 <= bound;
    const qint64 largestBatch
        = batches.empty() ? 0 : *std::max_element(batches.begin(), batches.end());
    std::printf("ballot ack latency           p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (%zu acks, "
                "%d refused)\n",
        ack.p50, ack.p99, ack.max, ack.samples, errors);
    std::printf("all %d acknowledged          %7.1f ms after the first cast (sending took %.1f ms) "
                "(goal <= 1000 ms: %s)\n",
        clients, allAckedMs, sendingMs, allWithinGoal ? "met" : "MISSED");
    std::printf("tally screen progress cast=%d %7.1f ms after the first cast (%d progress pushes; "
                "they come at most every 150 ms)\n",
        clients, tallyMs, progressPushes);
    std::printf("chamberd group commits: %zu for %d ballots (largest %lld); RSS %lld MiB before, "
                "peak %.1f MiB\n",
        batches.size(), clients, static_cast<long long>(largestBatch),
        static_cast<long long>(rssBefore), rssPeak);
    std::printf("all %d tablets dropping at once: chamberd done with them %.0f ms later; the "
                "chair console received %lld presence frames, %.1f MB%s\n",
        clients, dropMs, static_cast<long long>(presenceFrames), double(presenceBytes) / 1e6,
        chairBye.isEmpty() ? "" : qPrintable(QStringLiteral(", then bye (%1)").arg(chairBye)));
    std::printf(
        "baseline echo, %d at once    p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (%zu samples)\n",
        clients, echo.p50, echo.p99, echo.max, echo.samples);
    std::printf("baseline fsync'd commit      p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (%zu "
                "commits, WAL, synchronous=FULL, %s)\n",
        commit.p50, commit.p99, commit.max, commit.samples, qPrintable(fileSystem));
    std::printf("p99 ack %.2f ms vs 3 x (echo p99 + commit p99) = %.2f ms (goal: %s)\n", ack.p99,
        bound, p99WithinGoal ? "met" : "MISSED");
    QJsonArray batchSizes;
    for (qint64 size : batches)
        batchSizes.append(size);
    const QJsonObject result {
        {QStringLiteral("bench"), QStringLiteral("voting")},
        {QStringLiteral("clients"), clients},
        {QStringLiteral("enrollment_s"), enrollmentS},
        {QStringLiteral("check_in_s"), checkInS},
        {QStringLiteral("ack"), ack.json()},
        {QStringLiteral("all_acked_ms"), allAckedMs},
        {QStringLiteral("sending_ms"), sendingMs},
        {QStringLiteral("tally_progress_ms"), tallyMs},
        {QStringLiteral("refused"), errors},
        {QStringLiteral("counted"), counted},
        {QStringLiteral("group_commits"), batchSizes},
        {QStringLiteral("echo_burst"), echo.json()},
        {QStringLiteral("fsync_commit"), commit.json()},
        {QStringLiteral("file_system"), fileSystem},
        {QStringLiteral("p99_bound_ms"), bound},
        {QStringLiteral("rss_peak_mib"), rssPeak},
        {QStringLiteral("mass_disconnect_ms"), dropMs},
        {QStringLiteral("mass_disconnect_presence_frames"), presenceFrames},
        {QStringLiteral("mass_disconnect_presence_mb"), double(presenceBytes) / 1e6},
        {QStringLiteral("mass_disconnect_chair_bye"), chairBye},
        {QStringLiteral("goal_all_within_1s_met"), allWithinGoal},
        {QStringLiteral("goal_p99_met"), p99WithinGoal},
    };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return counted == clients && errors == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption clientsOption(QStringLiteral("clients"),
        QStringLiteral("delegate tablets voting"), QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption echoRoundsOption(QStringLiteral("echo-rounds"),
        QStringLiteral("echo bursts of N frames"), QStringLiteral("R"), QStringLiteral("5"));
    const QCommandLineOption fsyncOption(QStringLiteral("commits"),
        QStringLiteral("fsync'd commits timed"), QStringLiteral("C"), QStringLiteral("50"));
    const QCommandLineOption voterOption(QStringLiteral("voter-process"),
        QStringLiteral("internal: be the voters' process, driven over stdin/stdout"));
    parser.addOptions({clientsOption, echoRoundsOption, fsyncOption, voterOption});
    parser.addHelpOption();
    parser.process(application);
    try {
        if (parser.isSet(voterOption)) {
            raiseFileLimit();
            return voterProcess();
        }
        const int clients = parser.value(clientsOption).toInt();
        if (clients < 1)
            fail(QStringLiteral("--clients must be at least 1"));
        return driver(clients, std::max(1, parser.value(echoRoundsOption).toInt()),
            std::max(1, parser.value(fsyncOption).toInt()));
    } catch (const Failure &failure) {
        std::fprintf(stderr, "bench_voting: %s\n", qPrintable(failure.why));
        return 1;
    }
}
