// Document download benchmark: N clients at once each fetch one large PDF over TLS from
// chamberd (/docs/<sha256> with a device credential, the way tablets do) and the same file
// from nginx, started here on another loopback port with chamberd's own ECDSA P-256
// certificate and key, by the same client code (downloadfleet.h) in the same run. Rounds
// alternate which server goes first; the median of each is reported.
//
// Goals: chamberd's throughput at least 0.9 of nginx's (nginx with as many workers as
// chamberd has event loops: one, unless --nginx-workers); chamberd's memory does not grow
// with file size x clients: its RSS growth while serving 100 x 20 MB is compared with 100 x
// 2 MB and 10 x 20 MB, and must stay far below the bytes in flight.
#include "clientfleet.h"
#include "downloadfleet.h"
#include "enroll.h"
#include "nginxbaseline.h"
#include "processinfo.h"
#include "restcall.h"
#include "serverprocess.h"

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QPdfWriter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>

using namespace chamber;
using namespace chamber::bench;

namespace {

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench_documents: %s\n", qPrintable(why));
    std::exit(1);
}

// Pages of noise images (they do not compress) with a line of text each, until the file has
// about `targetBytes`.
void writePdf(const QString &path, int pages, quint32 seed)
{
    QPdfWriter writer(path);
    writer.setTitle(QStringLiteral("Tài liệu kiểm thử tải xuống"));
    writer.setResolution(150);
    QPainter painter(&writer);
    QRandomGenerator random(seed);
    QImage image(600, 600, QImage::Format_RGB32);
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            writer.newPage();
        for (int y = 0; y < image.height(); ++y) {
            auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
            random.fillRange(line, image.width());
        }
        painter.drawText(QPointF(40, 60), QStringLiteral("Trang %1 / %2").arg(page + 1).arg(pages));
        painter.drawImage(QRectF(40, 100, 1000, 1000), image);
    }
    painter.end();
}

QByteArray makePdf(const QString &path, qint64 targetBytes, quint32 seed)
{
    writePdf(path, 2, seed);
    const qint64 perPage = std::max<qint64>(1, QFile(path).size() / 2);
    writePdf(path, int(std::max<qint64>(1, (targetBytes + perPage - 1) / perPage)), seed);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        fail(QStringLiteral("cannot read back %1").arg(path));
    return file.readAll();
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

struct Served
{
    DownloadRun run;
    double rssBeforeMiB = 0;
    double rssPeakMiB = 0;
};

Served measure(DownloadFleet &fleet, int clients, qint64 pid)
{
    Served served;
    served.rssBeforeMiB = processMemoryMiB(pid);
    served.rssPeakMiB = served.rssBeforeMiB;
    served.run = fleet.run(clients,
        [&served, pid] { served.rssPeakMiB = std::max(served.rssPeakMiB, processMemoryMiB(pid)); });
    return served;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication application(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption clientsOption(QStringLiteral("clients"),
        QStringLiteral("concurrent downloads"), QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption sizeOption(QStringLiteral("megabytes"),
        QStringLiteral("size of the large PDF"), QStringLiteral("MB"), QStringLiteral("20"));
    const QCommandLineOption smallOption(QStringLiteral("small-megabytes"),
        QStringLiteral("size of the small PDF (memory comparison)"), QStringLiteral("MB"),
        QStringLiteral("2"));
    const QCommandLineOption fewOption(QStringLiteral("few-clients"),
        QStringLiteral("clients of the memory comparison"), QStringLiteral("N"),
        QStringLiteral("10"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"),
        QStringLiteral("rounds per server"), QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption workersOption(QStringLiteral("nginx-workers"),
        QStringLiteral("nginx worker processes"), QStringLiteral("N"), QStringLiteral("1"));
    parser.addOptions(
        {clientsOption, sizeOption, smallOption, fewOption, roundsOption, workersOption});
    parser.addHelpOption();
    parser.process(application);
    const int clients = parser.value(clientsOption).toInt();
    const int fewClients = parser.value(fewOption).toInt();
    const int rounds = std::max(1, parser.value(roundsOption).toInt());
    const int workers = std::max(1, parser.value(workersOption).toInt());
    const qint64 largeTarget = qint64(parser.value(sizeOption).toDouble() * 1e6);
    const qint64 smallTarget = qint64(parser.value(smallOption).toDouble() * 1e6);

    // --- the PDFs ------------------------------------------------------------------------------
    QTemporaryDir scratch;
    const QString largePath = scratch.filePath(QStringLiteral("large.pdf"));
    const QString smallPath = scratch.filePath(QStringLiteral("small.pdf"));
    const QByteArray large = makePdf(largePath, largeTarget, 1);
    const QByteArray small = makePdf(smallPath, smallTarget, 2);
    const QByteArray largeSha = QCryptographicHash::hash(large, QCryptographicHash::Sha256);
    const QByteArray smallSha = QCryptographicHash::hash(small, QCryptographicHash::Sha256);

    // --- chamberd with both, and a device to fetch them -------------------------------------
    testing::ServerProcess server;
    if (!server.start({QStringLiteral("--demo")}))
        fail(QStringLiteral("chamberd did not start: ") + QString::fromUtf8(server.log()));
    const qint64 pid = server.records(QStringLiteral("chamberd ready"))
                           .value(0)
                           .value(QLatin1String("pid"))
                           .toInteger();
    for (const auto &[name, content] : {std::pair {"large.pdf", &large}, {"small.pdf", &small}}) {
        const testing::RestResponse uploaded = testing::restCall("POST",
            server.baseUrl() + QStringLiteral("/api/v1/meetings/1/items/1/documents?name=")
                + QLatin1String(name),
            server.pin(), server.adminToken(), *content, {}, 120000);
        if (uploaded.status != 201)
            fail(QStringLiteral("upload of %1 refused: %2")
                     .arg(QLatin1String(name), QString::fromUtf8(uploaded.body)));
    }
    const QString credential = testing::enrollDevice(server, 1, QStringLiteral("tally"));
    if (credential.isEmpty())
        fail(QStringLiteral("could not enroll a device"));
    const QByteArray bearer = "Bearer " + credential.toUtf8();
    const double idleRss = processMemoryMiB(pid);

    NginxBaseline nginx;
    const QString nginxProblem = nginx.start(server.dataDir() + QStringLiteral("/tls/cert.pem"),
        server.dataDir() + QStringLiteral("/tls/key.pem"),
        {{QString::fromLatin1(largeSha.toHex()), largePath},
            {QString::fromLatin1(smallSha.toHex()), smallPath}},
        workers);
    if (!nginxProblem.isEmpty())
        fail(nginxProblem);

    const auto docsPath
        = [](const QByteArray &sha) -> QByteArray { return "/docs/" + sha.toHex(); };
    DownloadFleet fromChamberd(server.port(), docsPath(largeSha), bearer, large.size(), largeSha);
    DownloadFleet fromNginx(nginx.port(), docsPath(largeSha), {}, large.size(), largeSha);

    std::printf("bench_documents: %d clients each fetching a %.1f MB PDF over TLS, %d rounds, "
                "on %d cores; %s with %d worker(s); chamberd pid %lld\n",
        clients, double(large.size()) / 1e6, rounds, QThread::idealThreadCount(),
        qPrintable(nginx.version()), workers, pid);
    std::fflush(stdout);

    // --- throughput: rounds alternate which server goes first -------------------------------
    std::vector<double> chamberdSeconds;
    std::vector<double> nginxSeconds;
    // CPU time each server used for a round: on a shared machine a steadier comparison than
    // wall time, since both serve from one thread (nginx: one worker).
    std::vector<double> chamberdCpu;
    std::vector<double> nginxCpu;
    double rssPeakLarge = idleRss;
    double nginxRssPeak = 0;
    for (int round = 0; round < rounds; ++round) {
        for (int turn = 0; turn < 2; ++turn) {
            if ((turn == 0) == (round % 2 == 0)) {
                const double cpuBefore = processCpuSeconds(pid);
                const Served served = measure(fromChamberd, clients, pid);
                if (served.run.completed != clients)
                    fail(QStringLiteral("chamberd: %1 of %2 downloads failed: %3\n%4")
                             .arg(clients - served.run.completed)
                             .arg(clients)
                             .arg(served.run.error, QString::fromUtf8(server.log().right(3000))));
                chamberdCpu.push_back(processCpuSeconds(pid) - cpuBefore);
                chamberdSeconds.push_back(served.run.seconds);
                rssPeakLarge = std::max(rssPeakLarge, served.rssPeakMiB);
                std::printf("  round %d chamberd %6.2f s  %7.1f MB/s  CPU %5.2f s  RSS %.1f -> "
                            "peak %.1f MiB\n",
                    round + 1, served.run.seconds, served.run.megabytesPerSecond(),
                    chamberdCpu.back(), served.rssBeforeMiB, served.rssPeakMiB);
            } else {
                double peak = 0;
                const double cpuBefore = nginx.cpuSeconds();
                const DownloadRun run
                    = fromNginx.run(clients, [&] { peak = std::max(peak, nginx.rssMiB()); });
                if (run.completed != clients)
                    fail(QStringLiteral("nginx: %1 of %2 downloads failed: %3")
                             .arg(clients - run.completed)
                             .arg(clients)
                             .arg(run.error));
                nginxSeconds.push_back(run.seconds);
                nginxCpu.push_back(nginx.cpuSeconds() - cpuBefore);
                nginxRssPeak = std::max(nginxRssPeak, peak);
                std::printf("  round %d nginx    %6.2f s  %7.1f MB/s  CPU %5.2f s\n", round + 1,
                    run.seconds, run.megabytesPerSecond(), nginxCpu.back());
            }
            std::fflush(stdout);
        }
    }

    nginx.stop();
    server.terminate();

    // --- memory: each case on a fresh chamberd (the heap keeps what a previous case took) ---
    struct MemoryCase
    {
        const char *what;
        int clients;
        const QByteArray *sha;
        qint64 bytes;
        Served served;
    };
    std::vector<MemoryCase> memory {{"large file, all clients", clients, &largeSha, large.size()},
        {"small file, all clients", clients, &smallSha, small.size()},
        {"large file, few clients", fewClients, &largeSha, large.size()}};
    for (MemoryCase &scenario : memory) {
        testing::ServerProcess fresh(server.dataDir());
        if (!fresh.start({QStringLiteral("--demo")}))
            fail(QStringLiteral("chamberd did not restart: ") + QString::fromUtf8(fresh.log()));
        const qint64 freshPid = fresh.records(QStringLiteral("chamberd ready"))
                                    .value(0)
                                    .value(QLatin1String("pid"))
                                    .toInteger();
        DownloadFleet fleet(
            fresh.port(), docsPath(*scenario.sha), bearer, scenario.bytes, *scenario.sha);
        scenario.served = measure(fleet, scenario.clients, freshPid);
        if (scenario.served.run.completed != scenario.clients)
            fail(QStringLiteral("chamberd: %1 of %2 downloads failed: %3\n%4")
                     .arg(scenario.clients - scenario.served.run.completed)
                     .arg(scenario.clients)
                     .arg(scenario.served.run.error, QString::fromUtf8(fresh.log().right(3000))));
        std::printf("  memory: %-24s %3d x %5.1f MB: RSS %.1f -> peak %.1f MiB\n", scenario.what,
            scenario.clients, double(scenario.bytes) / 1e6, scenario.served.rssBeforeMiB,
            scenario.served.rssPeakMiB);
        std::fflush(stdout);
        fresh.terminate();
    }

    // --- report --------------------------------------------------------------------------------
    const double totalMB = double(large.size()) * clients / 1e6;
    const double chamberdTime = median(chamberdSeconds);
    const double nginxTime = median(nginxSeconds);
    const double chamberdRate = chamberdTime > 0 ? totalMB / chamberdTime : 0;
    const double nginxRate = nginxTime > 0 ? totalMB / nginxTime : 0;
    const double ratio = nginxRate > 0 ? chamberdRate / nginxRate : 0;
    const auto growth
        = [](const MemoryCase &c) { return c.served.rssPeakMiB - c.served.rssBeforeMiB; };
    const double growthLarge = growth(memory[0]);
    const double growthSmall = growth(memory[1]);
    const double growthFew = growth(memory[2]);
    const double inFlightMiB = double(large.size()) * clients / 1048576.0;
    // Bounded per connection, not per byte: far below what is in flight, and about the same
    // for a file ten times smaller.
    const bool rssGoal = growthLarge < 0.1 * inFlightMiB && growthLarge <= 2 * growthSmall + 16;
    std::printf("chamberd  %d x %.1f MB: %6.2f s for all, %7.1f MB/s (median of %d)\n", clients,
        double(large.size()) / 1e6, chamberdTime, chamberdRate, rounds);
    std::printf("nginx     %d x %.1f MB: %6.2f s for all, %7.1f MB/s (median of %d)\n", clients,
        double(large.size()) / 1e6, nginxTime, nginxRate, rounds);
    std::printf("chamberd / nginx throughput: %.2f (goal >= 0.9)\n", ratio);
    const double cpuRatio = median(chamberdCpu) > 0 ? median(nginxCpu) / median(chamberdCpu) : 0;
    std::printf("server CPU per round: chamberd %.2f s, nginx %.2f s (%.2f GB each); nginx / "
                "chamberd CPU: %.2f\n",
        median(chamberdCpu), median(nginxCpu), totalMB / 1000, cpuRatio);
    std::printf("chamberd RSS growth while serving (fresh process each): %d x %.1f MB %.1f MiB "
                "(peak %.1f), %d x %.1f MB %.1f MiB, %d x %.1f MB %.1f MiB; %.0f MiB in flight "
                "(goal: growth does not follow file size x clients)\n",
        clients, double(large.size()) / 1e6, growthLarge, memory[0].served.rssPeakMiB, clients,
        double(small.size()) / 1e6, growthSmall, fewClients, double(large.size()) / 1e6, growthFew,
        inFlightMiB);
    std::printf("chamberd RSS in the throughput rounds: idle %.1f MiB, peak %.1f MiB\n", idleRss,
        rssPeakLarge);
    std::printf("nginx RSS peak (master + workers): %.1f MiB\n", nginxRssPeak);
    const QJsonObject result {
        {QStringLiteral("bench"), QStringLiteral("documents")},
        {QStringLiteral("clients"), clients},
        {QStringLiteral("file_mb"), double(large.size()) / 1e6},
        {QStringLiteral("rounds"), rounds},
        {QStringLiteral("nginx_workers"), workers},
        {QStringLiteral("chamberd_seconds"), chamberdTime},
        {QStringLiteral("nginx_seconds"), nginxTime},
        {QStringLiteral("chamberd_mb_s"), chamberdRate},
        {QStringLiteral("nginx_mb_s"), nginxRate},
        {QStringLiteral("ratio"), ratio},
        {QStringLiteral("chamberd_cpu_seconds"), median(chamberdCpu)},
        {QStringLiteral("nginx_cpu_seconds"), median(nginxCpu)},
        {QStringLiteral("cpu_ratio"), cpuRatio},
        {QStringLiteral("small_file_mb"), double(small.size()) / 1e6},
        {QStringLiteral("rss_idle_mib"), idleRss},
        {QStringLiteral("rss_peak_mib"), rssPeakLarge},
        {QStringLiteral("rss_fresh_peak_mib"), memory[0].served.rssPeakMiB},
        {QStringLiteral("rss_growth_mib"), growthLarge},
        {QStringLiteral("rss_growth_small_file_mib"), growthSmall},
        {QStringLiteral("rss_growth_few_clients_mib"), growthFew},
        {QStringLiteral("nginx_rss_peak_mib"), nginxRssPeak},
        {QStringLiteral("goal_throughput_met"), ratio >= 0.9},
        {QStringLiteral("goal_rss_met"), rssGoal},
    };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
