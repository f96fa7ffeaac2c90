// Broadcast benchmark: N TLS WebSocket clients subscribed to one meeting; the chair changes the
// current agenda item and every client receives the event. Measured from the moment the chair
// sends to the moment each client has the event (so it includes the durable commit).
//
// Baseline in the same run, by the same client code: a bare TLS WebSocket echo server (same
// Qt stack, same key) and the same N clients each sending one frame at the same moment; the
// time from that burst to each client's echo is the cost of moving N frames through one Qt
// event loop with TLS, without any of chamberd's work. Also the idle echo round trip of one
// client, for scale.
//
// Goals: p99 delivery within 3x the burst-echo p99; chamberd under 150 MB RSS with N clients.
#include "clientfleet.h"
#include "processinfo.h"
#include "restcall.h"
#include "serverprocess.h"
#include "stats.h"

#include "childprocess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QThread>

#include <cstdio>

using namespace chamber;
using namespace chamber::bench;

namespace {

struct Latency
{
    double p50 = 0;
    double p99 = 0;
    double max = 0;
    QJsonObject json() const
    {
        return {{QStringLiteral("p50_ms"), p50}, {QStringLiteral("p99_ms"), p99},
            {QStringLiteral("max_ms"), max}};
    }
};

Latency summarise(const std::vector<double> &samplesMs)
{
    return Latency {
        percentile(samplesMs, 50), percentile(samplesMs, 99), percentile(samplesMs, 100)};
}

void appendArrivals(const ClientFleet &fleet, qint64 startNs, std::vector<double> &samplesMs)
{
    for (qint64 arrival : fleet.arrivals()) {
        if (arrival >= 0)
            samplesMs.push_back(double(arrival - startNs) / 1e6);
    }
}

void pause(int ms)
{
    const qint64 until = nowNs() + qint64(ms) * 1000000;
    while (nowNs() < until)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench_broadcast: %s\n", qPrintable(why));
    std::exit(1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption clientsOption(QStringLiteral("clients"), QStringLiteral("subscribers"),
        QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"),
        QStringLiteral("broadcasts and echo bursts"), QStringLiteral("N"), QStringLiteral("30"));
    parser.addOptions({clientsOption, roundsOption});
    parser.addHelpOption();
    parser.process(application);
    const int clients = parser.value(clientsOption).toInt();
    const int rounds = parser.value(roundsOption).toInt();

    // --- chamberd with one meeting of two items --------------------------------------------
    testing::ServerProcess server;
    if (!server.start())
        fail(QStringLiteral("chamberd did not start: ") + QString::fromUtf8(server.log()));
    const QString api = server.baseUrl() + QStringLiteral("/api/v1");
    testing::restCall("POST", api + QStringLiteral("/meetings"), server.pin(), server.adminToken(),
        R"({"title":"Bench"})");
    for (const char *title : {R"({"title":"One"})", R"({"title":"Two"})"})
        testing::restCall("POST", api + QStringLiteral("/meetings/1/agenda"), server.pin(),
            server.adminToken(), title);
    const qint64 pid = server.records(QStringLiteral("chamberd ready"))
                           .value(0)
                           .value(QLatin1String("pid"))
                           .toInteger();
    const double idleRss = processMemoryMiB(pid);

    // --- the echo baseline, with chamberd's own certificate and key ---------------------------
    QProcess echo;
    chamber::testing::dieWithTest(echo);
    echo.start(QStringLiteral(CHAMBER_BENCH_DIR "/bench_echo_server"),
        {QStringLiteral("--cert"), server.dataDir() + QStringLiteral("/tls/cert.pem"),
            QStringLiteral("--key"), server.dataDir() + QStringLiteral("/tls/key.pem")});
    if (!echo.waitForReadyRead(10000))
        fail(QStringLiteral("echo server did not start"));
    const QString echoUrl
        = QStringLiteral("wss://127.0.0.1:%1")
              .arg(QString::fromLatin1(echo.readLine()).split(u' ').last().trimmed());

    std::printf("bench_broadcast: %d clients over TLS, %d rounds, on %d cores\n", clients, rounds,
        QThread::idealThreadCount());

    // --- subscribers ---------------------------------------------------------------------------
    const qint64 connectStart = nowNs();
    ClientFleet subscribers(server.pin(), clients);
    if (!subscribers.connectAll(server.wsUrl()))
        fail(QStringLiteral("could not connect %1 clients to chamberd").arg(clients));
    subscribers.arm([](const QString &text) {
        return text.startsWith(QLatin1String(R"({"id":)"))
            && text.contains(QLatin1String(R"("type":"ok")"));
    });
    const QString hello
        = QStringLiteral(R"({"type":"hello","id":"h","protocol":1,"credential":"%1"})")
              .arg(QString::fromUtf8(server.adminToken()));
    subscribers.sendAll(hello);
    subscribers.sendAll(QStringLiteral(R"({"type":"subscribe","id":"s","meeting":1})"));
    if (!subscribers.waitForCount(2, 60000))
        fail(QStringLiteral("not every client got through hello and subscribe"));
    const double connectSeconds = double(nowNs() - connectStart) / 1e9;
    pause(500);
    const double rssWithClients = processMemoryMiB(pid);

    ClientFleet chair(server.pin(), 1);
    if (!chair.connectAll(server.wsUrl()))
        fail(QStringLiteral("chair could not connect"));
    chair.arm([](const QString &text) { return text.contains(QLatin1String(R"("type":"ok")")); });
    chair.send(0, hello);
    chair.waitAllArrived(10000);

    // --- broadcasts ----------------------------------------------------------------------------
    std::vector<double> delivery;
    for (int round = 0; round < rounds; ++round) {
        subscribers.arm(
            [](const QString &text) { return text.contains(QLatin1String(R"("type":"event")")); });
        const qint64 start = nowNs();
        chair.send(0,
            QStringLiteral(R"({"type":"agenda.select","id":"r%1","meeting":1,"item":%2})")
                .arg(round)
                .arg(1 + round % 2));
        if (!subscribers.waitAllArrived(30000))
            fail(QStringLiteral("round %1: not every client received the event").arg(round));
        appendArrivals(subscribers, start, delivery);
        pause(50);
    }
    const double peakRss = processMemoryMiB(pid, "VmHWM");
    subscribers.closeAll();
    chair.closeAll();

    // --- echo: the same number of clients, all at once; then one client alone -------------------
    ClientFleet echoClients(server.pin(), clients);
    if (!echoClients.connectAll(echoUrl))
        fail(QStringLiteral("could not connect %1 clients to the echo server").arg(clients));
    std::vector<double> burst;
    for (int round = 0; round < rounds; ++round) {
        const QString frame = QStringLiteral(R"({"type":"ping","id":"e%1"})").arg(round);
        echoClients.arm([frame](const QString &text) { return text == frame; });
        const qint64 start = nowNs();
        echoClients.sendAll(frame);
        if (!echoClients.waitAllArrived(30000))
            fail(QStringLiteral("echo round %1 incomplete").arg(round));
        appendArrivals(echoClients, start, burst);
        pause(50);
    }
    echoClients.closeAll();
    ClientFleet single(server.pin(), 1);
    single.connectAll(echoUrl);
    std::vector<double> idle;
    for (int round = 0; round < 200; ++round) {
        const QString frame = QStringLiteral(R"({"type":"ping","id":"i%1"})").arg(round);
        single.arm([frame](const QString &text) { return text == frame; });
        const qint64 start = nowNs();
        single.send(0, frame);
        single.waitAllArrived(5000);
        appendArrivals(single, start, idle);
    }
    echo.kill();
    echo.waitForFinished();
    server.terminate();

    // --- report --------------------------------------------------------------------------------
    const Latency deliveryStats = summarise(delivery);
    const Latency burstStats = summarise(burst);
    const Latency idleStats = summarise(idle);
    const double ratio = burstStats.p99 > 0 ? deliveryStats.p99 / burstStats.p99 : 0;
    std::printf("connect+hello+subscribe of %d clients: %.1f s\n", clients, connectSeconds);
    std::printf(
        "chamberd broadcast delivery  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (%zu samples)\n",
        deliveryStats.p50, deliveryStats.p99, deliveryStats.max, delivery.size());
    std::printf(
        "baseline echo, %d at once    p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (%zu samples)\n",
        clients, burstStats.p50, burstStats.p99, burstStats.max, burst.size());
    std::printf(
        "baseline echo, one client    p50 %7.2f ms  p99 %7.2f ms\n", idleStats.p50, idleStats.p99);
    std::printf("delivery p99 / echo p99: %.2f (goal <= 3)\n", ratio);
    std::printf(
        "chamberd RSS: idle %.1f MiB, with %d clients %.1f MiB, peak %.1f MiB (goal < 150 MB)\n",
        idleRss, clients, rssWithClients, peakRss);
    const QJsonObject result {
        {QStringLiteral("bench"), QStringLiteral("broadcast")},
        {QStringLiteral("clients"), clients},
        {QStringLiteral("rounds"), rounds},
        {QStringLiteral("delivery"), deliveryStats.json()},
        {QStringLiteral("echo_burst"), burstStats.json()},
        {QStringLiteral("echo_idle"), idleStats.json()},
        {QStringLiteral("p99_ratio"), ratio},
        {QStringLiteral("rss_idle_mib"), idleRss},
        {QStringLiteral("rss_clients_mib"), rssWithClients},
        {QStringLiteral("rss_peak_mib"), peakRss},
        {QStringLiteral("goal_latency_met"), ratio > 0 && ratio <= 3},
        {QStringLiteral("goal_rss_met"), peakRss * 1.048576 < 150},
    };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
