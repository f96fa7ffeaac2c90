// Phone reader benchmark against a real chamberd: how long a page image takes over HTTPS the
// first time (QtPdf renders it on a worker thread) and from the disk cache, beside the same
// rendering in this process without server, TLS or cache (PageRenderer::renderPng on the
// same file) and a bare HTTPS request (GET /api/v1/health). And what rendering costs the
// server's main thread, which counts ballots: WebSocket ping round trips while idle and while
// phones ask for pages that are not cached yet.
//
//   bench_reader [--pages 12] [--widths 800,2000] [--pings 200]
#include "pdfmaker.h"
#include "protocol/readerlink.h"
#include "protocol/tlspin.h"
#include "restcall.h"
#include "serverprocess.h"
#include "services/pagerenderer.h"
#include "stats.h"
#include "wsclient.h"

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace chamber;
using namespace chamber::testing;

namespace {

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

struct Summary
{
    double p50 = 0;
    double p99 = 0;
};

Summary summarize(const std::vector<double> &samples)
{
    return Summary {bench::percentile(samples, 50), bench::percentile(samples, 99)};
}

QJsonObject toJson(const Summary &summary)
{
    return QJsonObject {
        {QStringLiteral("p50Ms"), summary.p50}, {QStringLiteral("p99Ms"), summary.p99}};
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv); // fonts for the PDF writer
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("pages"), QStringLiteral("pages per width"),
        QStringLiteral("n"), QStringLiteral("12")});
    parser.addOption({QStringLiteral("widths"), QStringLiteral("widths in pixels"),
        QStringLiteral("list"), QStringLiteral("800,2000")});
    parser.addOption({QStringLiteral("pings"), QStringLiteral("pings per phase"),
        QStringLiteral("n"), QStringLiteral("200")});
    parser.process(app);
    const int pages = parser.value(QStringLiteral("pages")).toInt();
    const int pings = parser.value(QStringLiteral("pings")).toInt();
    QList<int> widths;
    for (const QString &w : parser.value(QStringLiteral("widths")).split(u','))
        widths.append(protocol::snapPageWidth(w.toInt()));

    ServerProcess server;
    if (!server.start({QStringLiteral("--demo")})) {
        std::fprintf(stderr, "chamberd did not start\n");
        return 1;
    }
    const QByteArray pdf = makeArticlePdf(2, pages * 2 + 2);
    const QString sha
        = QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex());
    const QString api = server.baseUrl() + QStringLiteral("/api/v1");
    const RestResponse uploaded
        = restCall("POST", api + QStringLiteral("/meetings/1/items/3/documents?name=bench.pdf"),
            server.pin(), server.adminToken(), pdf);
    const RestResponse link = restCall("POST", api + QStringLiteral("/meetings/1/reader-links"),
        server.pin(), server.adminToken(), R"({"delegate":3})");
    const auto parsed
        = protocol::parseReaderLink(link.json().value(QLatin1String("url")).toString());
    if (uploaded.status != 201 || !parsed) {
        std::fprintf(
            stderr, "setup failed: %s %s\n", uploaded.body.constData(), link.body.constData());
        return 1;
    }
    const QByteArray token = parsed->token.toLatin1();
    const auto pagePath = [&](int page, int width) -> QString {
        return server.baseUrl()
            + QStringLiteral("/reader/api/docs/%1/pages/%2?width=%3").arg(sha).arg(page).arg(width);
    };
    QTemporaryDir work;
    const QString local = work.filePath(QStringLiteral("bench.pdf"));
    {
        QFile file(local);
        file.open(QIODevice::WriteOnly);
        file.write(pdf);
    }

    std::printf("phone reader: %d pages per width of a %lld KiB Vietnamese PDF, one phone\n", pages,
        qint64(pdf.size() / 1024));
    QJsonObject perWidth;
    for (int width : widths) {
        std::vector<double> inProcess, cold, cached;
        qint64 bytes = 0;
        for (int page = 1; page <= pages; ++page) {
            QElapsedTimer timer;
            timer.start();
            auto png = services::PageRenderer::renderPng(local, page, width);
            inProcess.push_back(msSince(timer));
            bytes += png ? png->size() : 0;
        }
        for (auto *samples : {&cold, &cached}) {
            for (int page = 1; page <= pages; ++page) {
                QElapsedTimer timer;
                timer.start();
                const RestResponse image
                    = restCall("GET", pagePath(page, width), server.pin(), token);
                samples->push_back(msSince(timer));
                if (image.status != 200) {
                    std::fprintf(
                        stderr, "page %d: %d %s\n", page, image.status, image.body.constData());
                    return 1;
                }
            }
        }
        const Summary a = summarize(inProcess), b = summarize(cold), c = summarize(cached);
        std::printf("  width %4d: over HTTPS first time p50 %6.1f ms p99 %6.1f | cached p50 %5.1f "
                    "ms p99 %5.1f | baseline, render in process p50 %6.1f ms p99 %6.1f | %lld KiB "
                    "per page\n",
            width, b.p50, b.p99, c.p50, c.p99, a.p50, a.p99, bytes / pages / 1024);
        perWidth.insert(QString::number(width),
            QJsonObject {{QStringLiteral("coldHttps"), toJson(b)},
                {QStringLiteral("cachedHttps"), toJson(c)},
                {QStringLiteral("renderInProcess"), toJson(a)},
                {QStringLiteral("pngKiB"), bytes / pages / 1024}});
    }
    std::vector<double> health;
    for (int i = 0; i < 50; ++i) {
        QElapsedTimer timer;
        timer.start();
        restCall("GET", api + QStringLiteral("/health"), server.pin());
        health.push_back(msSince(timer));
    }
    const Summary bare = summarize(health);
    std::printf("  baseline, bare HTTPS request (GET /api/v1/health): p50 %.1f ms p99 %.1f\n",
        bare.p50, bare.p99);

    // The main thread while pages render: pings from a tablet, with and without phones asking.
    WsClient tablet(server.pin());
    if (!tablet.connectAndHello(server.wsUrl(), server.adminToken()))
        return 1;
    const auto ping = [&] {
        QElapsedTimer timer;
        timer.start();
        tablet.request({{QStringLiteral("type"), QStringLiteral("ping")}});
        return msSince(timer);
    };
    std::vector<double> idle, busy;
    for (int i = 0; i < pings; ++i)
        idle.push_back(ping());
    // Phones asking for pages nobody asked for yet (2000 px: the most expensive).
    QNetworkAccessManager network;
    int outstanding = 0;
    int failed = 0;
    const int busyWidth = protocol::kMaxPageWidth;
    const int busyPages = pages * 2;
    QElapsedTimer busyTimer;
    busyTimer.start();
    for (int page = 1; page <= busyPages; ++page) {
        QNetworkRequest request {QUrl(pagePath(page, busyWidth - protocol::kPageWidthStep))};
        request.setSslConfiguration(protocol::pinnedClientConfiguration());
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setRawHeader("Authorization", "Bearer " + token);
        QNetworkReply *reply = network.get(request);
        QObject::connect(reply, &QNetworkReply::sslErrors, reply,
            [reply, &server](const QList<QSslError> &errors) {
                if (protocol::peerMatchesPin(
                        reply->sslConfiguration().peerCertificate(), server.pin()))
                    reply->ignoreSslErrors(errors);
            });
        ++outstanding;
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, &outstanding, &failed] {
            failed += reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200;
            --outstanding;
            reply->deleteLater();
        });
    }
    while (outstanding > 0)
        busy.push_back(ping());
    const double busyMs = msSince(busyTimer);
    const Summary quiet = summarize(idle), loaded = summarize(busy);
    std::printf("  tablet ping while %d pages at %d px render: p50 %.1f ms p99 %.1f (%zu pings, "
                "%.0f ms in all, %d failed) | baseline, idle: p50 %.1f ms p99 %.1f\n",
        busyPages, busyWidth - protocol::kPageWidthStep, loaded.p50, loaded.p99, busy.size(),
        busyMs, failed, quiet.p50, quiet.p99);
    std::printf("  (ping times are polled every 2 ms by the test client)\n");

    const QJsonObject result {{QStringLiteral("bench"), QStringLiteral("reader")},
        {QStringLiteral("pages"), pages}, {QStringLiteral("widths"), perWidth},
        {QStringLiteral("bareHttps"), toJson(bare)}, {QStringLiteral("pingIdle"), toJson(quiet)},
        {QStringLiteral("pingWhileRendering"), toJson(loaded)},
        {QStringLiteral("renderingPages"), busyPages}, {QStringLiteral("renderingMs"), busyMs},
        {QStringLiteral("failed"), failed}};
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    server.terminate();
    return failed == 0 ? 0 : 1;
}
