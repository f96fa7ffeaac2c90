// The secretary's workspace in headless Chromium against a real chamberd, with a meeting of 500
// delegates and a 200-item agenda: what the first load of the Run view costs (bytes over HTTP
// and over /ws, from the DevTools Network events) and how long until it is interactive (the
// view's window.__ready mark, performance.now() from navigation start), and how long a live
// change takes to show: another client (the admin token, from inside the page so that one clock
// measures both ends) checks a delegate in over REST, and a MutationObserver stamps the moment
// the row changes. Baselines in the same run: the meeting's state read once over REST (the
// data the page needs, without the page), and the check-in's REST round trip alone.
// Goals (issue 14): under 300 KB, interactive under 1 s, a change shown under 200 ms.
//
//   bench_workspace [--delegates 500] [--items 200] [--changes 30]
#include "accounts.h"
#include "benchmeeting.h"
#include "browser.h"
#include "restcall.h"
#include "serverprocess.h"
#include "stats.h"
#include "workspacesession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <cstdio>

using namespace chamber;
using namespace chamber::testing;

namespace {

const QStringList kFamily {QStringLiteral("Nguyễn"), QStringLiteral("Trần"), QStringLiteral("Lê"),
    QStringLiteral("Phạm"), QStringLiteral("Hoàng"), QStringLiteral("Võ"), QStringLiteral("Đặng")};
const QStringList kGiven {QStringLiteral("Văn An"), QStringLiteral("Thị Bình"),
    QStringLiteral("Minh Châu"), QStringLiteral("Hoàng Phúc"), QStringLiteral("Thị Dung"),
    QStringLiteral("Quốc Huy"), QStringLiteral("Thanh Hương")};

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench_workspace: %s\n", qPrintable(why));
    std::exit(1);
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// UTF-8 bytes of a WebSocket frame's payload as DevTools reports it (text frames as text).
qint64 frameBytes(const QJsonObject &event)
{
    return event.value(QLatin1String("params"))
        .toObject()
        .value(QLatin1String("response"))
        .toObject()
        .value(QLatin1String("payloadData"))
        .toString()
        .toUtf8()
        .size();
}

struct Load
{
    double interactiveMs = 0;
    qint64 httpBytes = 0;
    qint64 wsBytes = 0;
    int requests = 0;
    int snapshots = 0; // snapshot messages over /ws (one is what the page needs)
    QStringList urls; // what was loaded over HTTP, for the report
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("delegates"), QStringLiteral("delegates"), QStringLiteral("n"),
        QStringLiteral("500")});
    parser.addOption({QStringLiteral("items"), QStringLiteral("agenda items"), QStringLiteral("n"),
        QStringLiteral("200")});
    parser.addOption({QStringLiteral("changes"), QStringLiteral("check-ins measured"),
        QStringLiteral("n"), QStringLiteral("30")});
    parser.process(app);
    const int delegates = parser.value(QStringLiteral("delegates")).toInt();
    const int items = parser.value(QStringLiteral("items")).toInt();
    const int changes = std::min(parser.value(QStringLiteral("changes")).toInt(), delegates);

    ServerProcess server;
    if (!server.start())
        fail(QStringLiteral("chamberd did not start"));
    const auto admin = [&](const QByteArray &method, const QString &path, const QByteArray &body) {
        return restCall(method, server.baseUrl() + QStringLiteral("/api/v1") + path, server.pin(),
            server.adminToken(), body);
    };
    if (admin("POST", QStringLiteral("/meetings"),
            json({{QStringLiteral("title"), QStringLiteral("Kỳ họp thứ 14 — HĐND tỉnh")}}))
            .status
        != 201)
        fail(QStringLiteral("no meeting"));
    QString csv = QStringLiteral("name,group,seat,weight\n");
    for (int i = 0; i < delegates; ++i) {
        csv += QStringLiteral("%1 %2 %3,Tổ %4,%5%6,1\n")
                   .arg(kFamily.at(i % kFamily.size()),
                       kGiven.at(i / kFamily.size() % kGiven.size()))
                   .arg(i + 1)
                   .arg(i % 25 + 1)
                   .arg(QChar(u'A' + i / 26 % 26))
                   .arg(i % 26 + 1);
    }
    const RestResponse imported = admin("POST", QStringLiteral("/meetings/1/delegates/import"),
        json({{QStringLiteral("csv"), csv}}));
    if (imported.status != 200 && imported.status != 201)
        fail(QStringLiteral("import: ") + QString::fromUtf8(imported.body));
    // 20 sections of 9 items each, in order: parents first, then their items.
    bench::voting::PinnedRest rest(
        server.baseUrl() + QStringLiteral("/api/v1"), server.pin(), server.adminToken());
    const int sections = items / 10;
    for (int s = 0; s < sections; ++s) {
        const RestResponse section = admin("POST", QStringLiteral("/meetings/1/agenda"),
            json({{QStringLiteral("title"),
                      QStringLiteral("Phần %1: Các tờ trình của UBND tỉnh").arg(s + 1)},
                {QStringLiteral("kind"), QStringLiteral("section")}}));
        const qint64 parent = section.json()
                                  .value(QLatin1String("result"))
                                  .toObject()
                                  .value(QLatin1String("item"))
                                  .toInteger();
        std::vector<QByteArray> bodies;
        for (int i = 0; i < 9 && s * 10 + i + 1 < items; ++i)
            bodies.push_back(
                json({{QStringLiteral("title"),
                          QStringLiteral("Tờ trình số %1/TTr-UBND về dự thảo nghị quyết "
                                         "phân bổ ngân sách năm 2027, mục %2")
                              .arg(s * 10 + i + 1)
                              .arg(i + 1)},
                    {QStringLiteral("parent"), parent}}));
        for (const auto &answer : rest.postAll(QStringLiteral("/meetings/1/agenda"), bodies)) {
            if (answer.status != 201)
                fail(QStringLiteral("agenda: ") + QString::fromUtf8(answer.body));
        }
    }
    if (createAccount(server, QStringLiteral("thuky"), QStringLiteral("secretary"),
            QStringLiteral("mat-khau-bench-2026"))
            .status
        != 201)
        fail(QStringLiteral("no account"));
    admin("POST", QStringLiteral("/meetings/1/start"), "{}");

    Browser browser;
    // The server's key accepted by its pin, as a certificate Chromium trusts: with
    // --ignore-certificate-errors instead, it would not keep anything in its HTTP cache.
    if (!browser.start({QStringLiteral("--ignore-certificate-errors-spki-list=")
            + QString::fromLatin1(server.pin().toBase64())}))
        fail(browser.errors());
    CdpClient page;
    if (!page.open(browser.pageWebSocketUrl()))
        fail(QStringLiteral("no page"));
    page.setViewport(1366, 768);
    page.call(QStringLiteral("Network.enable"));
    page.call(
        QStringLiteral("Network.setCacheDisabled"), {{QStringLiteral("cacheDisabled"), true}});
    // Log in on a page of the server that is not the workspace, then load the workspace cold.
    if (!page.navigate(server.baseUrl() + QStringLiteral("/api/v1/health"))
        || !loginInPage(page, QStringLiteral("thuky"), QStringLiteral("mat-khau-bench-2026")))
        fail(QStringLiteral("login failed"));

    const auto load = [&]() {
        page.navigate(QStringLiteral("about:blank")); // closes the previous page's /ws
        QTest::qWait(200);
        const qsizetype blankHttp = page.events(QStringLiteral("Network.loadingFinished")).size();
        const qsizetype received
            = page.events(QStringLiteral("Network.webSocketFrameReceived")).size();
        const qsizetype sent = page.events(QStringLiteral("Network.webSocketFrameSent")).size();
        if (!page.navigate(server.baseUrl() + QStringLiteral("/#/m/1/run")))
            fail(QStringLiteral("the workspace did not load"));
        QString last;
        if (!page.waitFor(
                QStringLiteral("document.documentElement.dataset.ready === '1' && "
                               "document.querySelectorAll('tr[data-delegate]').length === %1")
                    .arg(delegates),
                30000, &last))
            fail(QStringLiteral("not interactive: ") + last + page.consoleText());
        QTest::qWait(500); // late requests (the state read, presence) are counted too
        Load result;
        result.interactiveMs = page.evaluate(QStringLiteral("window.__ready")).toDouble();
        QHash<QString, QString> urlOf; // requestId -> URL
        for (const QJsonObject &event : page.events(QStringLiteral("Network.responseReceived"))) {
            const QJsonObject params = event.value(QLatin1String("params")).toObject();
            urlOf.insert(params.value(QLatin1String("requestId")).toString(),
                params.value(QLatin1String("response"))
                    .toObject()
                    .value(QLatin1String("url"))
                    .toString());
        }
        const auto finished = page.events(QStringLiteral("Network.loadingFinished"));
        for (qsizetype i = blankHttp; i < finished.size(); ++i) {
            const QJsonObject params = finished.at(i).value(QLatin1String("params")).toObject();
            const qint64 bytes = params.value(QLatin1String("encodedDataLength")).toInteger();
            result.httpBytes += bytes;
            result.urls.append(QStringLiteral("%1 %2").arg(bytes, 7).arg(
                QUrl(urlOf.value(params.value(QLatin1String("requestId")).toString())).path()));
            ++result.requests;
        }
        const auto framesIn = page.events(QStringLiteral("Network.webSocketFrameReceived"));
        for (qsizetype i = received; i < framesIn.size(); ++i) {
            result.wsBytes += frameBytes(framesIn.at(i));
            const QString payload = framesIn.at(i)
                                        .value(QLatin1String("params"))
                                        .toObject()
                                        .value(QLatin1String("response"))
                                        .toObject()
                                        .value(QLatin1String("payloadData"))
                                        .toString();
            if (payload.contains(QLatin1String("\"type\":\"snapshot\"")))
                ++result.snapshots;
        }
        const auto framesOut = page.events(QStringLiteral("Network.webSocketFrameSent"));
        for (qsizetype i = sent; i < framesOut.size(); ++i) {
            result.wsBytes += frameBytes(framesOut.at(i));
            if (qEnvironmentVariableIsSet("BENCH_WORKSPACE_FRAMES"))
                std::printf("    sent: %s\n",
                    qPrintable(framesOut.at(i)
                                   .value(QLatin1String("params"))
                                   .toObject()
                                   .value(QLatin1String("response"))
                                   .toObject()
                                   .value(QLatin1String("payloadData"))
                                   .toString()
                                   .left(200)));
        }
        return result;
    };
    Load cold = load();
    page.call(
        QStringLiteral("Network.setCacheDisabled"), {{QStringLiteral("cacheDisabled"), false}});
    const Load warmFirst = load(); // fills the cache (the cold run had it disabled)
    Q_UNUSED(warmFirst);
    const Load warm = load(); // revalidated: no-cache with ETags

    // Live changes: the admin token checks delegates in from inside the page (another
    // principal than the page's session; same clock as the observer).
    const QString measure = QStringLiteral(
        "new Promise((resolve, reject) => {"
        " const row = document.querySelector(\"tr[data-delegate='%1']\");"
        " let sent = 0;"
        " const observer = new MutationObserver(() => {"
        "  if (row.dataset.present === '1') { observer.disconnect(); resolve(performance.now() - "
        "sent); } });"
        " observer.observe(row, {attributes: true, childList: true, subtree: true, characterData: "
        "true});"
        " sent = performance.now();"
        " fetch('/api/v1/meetings/1/delegates/%1/check-in', {method: 'POST', credentials: 'omit',"
        "  headers: {Authorization: 'Bearer %2', 'Content-Type': 'application/json'}, body: '{}'})"
        "  .then(r => { if (r.status !== 200) reject('HTTP ' + r.status); });"
        " setTimeout(() => reject('not shown'), 5000); })");
    const QString roundTrip = QStringLiteral(
        "(async () => { const t0 = performance.now(); const r = await fetch("
        "'/api/v1/meetings/1/delegates/%1/check-out', {method: 'POST', credentials: 'omit',"
        " headers: {Authorization: 'Bearer %2', 'Content-Type': 'application/json'}, body: '{}'});"
        " await r.text(); return r.status === 200 ? performance.now() - t0 : -1; })()");
    std::vector<double> shown;
    std::vector<double> restOnly;
    const QString token = QString::fromLatin1(server.adminToken());
    for (int i = 0; i < changes; ++i) {
        const int delegate = 1 + (i * 17) % delegates;
        QString error;
        const QJsonValue ms = page.evaluate(measure.arg(delegate).arg(token), 10000, &error);
        if (!error.isEmpty() || !ms.isDouble())
            fail(QStringLiteral("check-in %1 not shown: %2").arg(delegate).arg(error));
        shown.push_back(ms.toDouble());
        const double rt = page.evaluate(roundTrip.arg(delegate).arg(token)).toDouble();
        if (rt < 0)
            fail(QStringLiteral("check-out failed"));
        restOnly.push_back(rt);
        QTest::qWait(50);
    }
    // Baseline for the load: the meeting's state over REST, the data without the page.
    const QJsonObject stateRead
        = page.evaluate(
                  QStringLiteral("(async () => { const t0 = performance.now(); const r = await "
                                 "fetch('/api/v1/meetings/1',"
                                 " {credentials: 'same-origin'}); const b = await r.arrayBuffer();"
                                 " return {ms: performance.now() - t0, bytes: b.byteLength}; })()"))
              .toObject();

    const double kb = 1024.0;
    const double coldKb = double(cold.httpBytes + cold.wsBytes) / kb;
    const double p50 = bench::percentile(shown, 50), p95 = bench::percentile(shown, 95);
    const double maxShown = *std::max_element(shown.begin(), shown.end());
    std::printf("workspace: Run view of a meeting with %d delegates and %d agenda items, headless "
                "Chromium\n",
        delegates, items);
    std::printf("  first load (cache off): %.1f KB (%.1f KB over HTTP in %d requests, %.1f KB over "
                "/ws), interactive at %.0f ms   [goals: < 300 KB, < 1000 ms]\n",
        coldKb, cold.httpBytes / kb, cold.requests, cold.wsBytes / kb, cold.interactiveMs);
    cold.urls.sort();
    std::printf("  %d snapshot(s) over /ws; over HTTP (bytes, path):\n", cold.snapshots);
    for (const QString &line : cold.urls)
        std::printf("    %s\n", qPrintable(line));
    std::printf("  reload (cached, revalidated): %.1f KB, interactive at %.0f ms\n",
        (warm.httpBytes + warm.wsBytes) / kb, warm.interactiveMs);
    std::printf("  a check-in by another client shown in the page: p50 %.1f ms p95 %.1f max %.1f "
                "(%d changes)   [goal: < 200 ms]\n",
        p50, p95, maxShown, changes);
    std::printf("  baseline, the check-in's REST round trip alone: p50 %.1f ms p95 %.1f\n",
        bench::percentile(restOnly, 50), bench::percentile(restOnly, 95));
    std::printf("  baseline, the meeting's state read once over REST: %.1f KB in %.0f ms\n",
        stateRead.value(QLatin1String("bytes")).toDouble() / kb,
        stateRead.value(QLatin1String("ms")).toDouble());

    const QJsonObject result {{QStringLiteral("bench"), QStringLiteral("workspace")},
        {QStringLiteral("delegates"), delegates}, {QStringLiteral("items"), items},
        {QStringLiteral("firstLoadKB"), coldKb},
        {QStringLiteral("firstLoadHttpKB"), cold.httpBytes / kb},
        {QStringLiteral("firstLoadWsKB"), cold.wsBytes / kb},
        {QStringLiteral("firstLoadRequests"), cold.requests},
        {QStringLiteral("interactiveMs"), cold.interactiveMs},
        {QStringLiteral("reloadKB"), (warm.httpBytes + warm.wsBytes) / kb},
        {QStringLiteral("reloadInteractiveMs"), warm.interactiveMs},
        {QStringLiteral("changeShownP50Ms"), p50}, {QStringLiteral("changeShownP95Ms"), p95},
        {QStringLiteral("changeShownMaxMs"), maxShown},
        {QStringLiteral("baselineCheckInRestP50Ms"), bench::percentile(restOnly, 50)},
        {QStringLiteral("baselineStateKB"),
            stateRead.value(QLatin1String("bytes")).toDouble() / kb},
        {QStringLiteral("baselineStateMs"), stateRead.value(QLatin1String("ms")).toDouble()},
        {QStringLiteral("goals"),
            QJsonObject {{QStringLiteral("firstLoadKB"), 300},
                {QStringLiteral("interactiveMs"), 1000}, {QStringLiteral("changeShownMs"), 200}}},
        {QStringLiteral("met"), coldKb < 300 && cold.interactiveMs < 1000 && p95 < 200}};
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    browser.stop();
    server.terminate();
    return 0;
}
