// The browser's side of chamberd, against the real server: the web files over HTTPS (types,
// ETag and 304, nosniff, the workspace at /), paths that try to leave /web/ written raw on the
// socket, the QR code route, the seat cards PDF (join codes made, the child renderer), and the
// shared client module in headless Chromium: el() keeps markup as text, makeT, api() and
// ApiError, and Live against the real /ws (hello, subscribe, snapshot, an ordered event, an
// error reply, a dropped socket that comes back and resumes without losing an event).
//
// Chromium missing is a failure, not a skip: scripts/test.sh installs it.
#include "browser.h"
#include "pdfmaker.h"
#include "qrcode/qrcode.h"
#include "rawclient.h"
#include "restcall.h"
#include "serverprocess.h"
#include "wsclient.h"
#ifdef CHAMBER_TEST_DECODE_QR
#include "scanner/qrdecode.h"
#endif

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPainter>
#include <QPdfDocument>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace chamber;
using namespace chamber::testing;

namespace {

const QByteArray kPolicy
    = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
      "connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; "
      "form-action 'self'";

// Requests, bytes over the wire and times of the page loaded last (Navigation and Resource
// Timing): the page with its scripts and styles, not what it fetched from the API.
const QString kLoadFigures = QStringLiteral(
    "(() => { const n = performance.getEntriesByType('navigation')[0]; const r = "
    "performance.getEntriesByType('resource').filter(e => e.name.includes('/web/')); return "
    "{requests: 1 + r.length, transferBytes: n.transferSize + r.reduce((a, e) => a + "
    "e.transferSize, 0), bodyBytes: n.decodedBodySize + r.reduce((a, e) => a + "
    "e.decodedBodySize, 0), domContentLoadedMs: Math.round(n.domContentLoadedEventEnd), "
    "loadMs: Math.round(n.loadEventEnd)}; })()");

} // namespace

class TestWeb : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_server;
    Browser m_browser;
    CdpClient m_page;

    RestResponse get(const QString &path, const QByteArray &token = {},
        const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return restCall("GET", m_server.baseUrl() + path, m_server.pin(), token, {}, headers);
    }
    RestResponse admin(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        return restCall(method, m_server.baseUrl() + path, m_server.pin(), m_server.adminToken(),
            body, {}, 60000);
    }
    bool waitFor(const QString &condition, int timeoutMs = 15000)
    {
        return m_page.waitForOrReport(condition, timeoutMs);
    }
    QJsonValue evaluate(const QString &expression)
    {
        QString error;
        const QJsonValue value = m_page.evaluate(expression, 15000, &error);
        if (!error.isEmpty())
            qWarning("evaluate: %s\n%s", qPrintable(error), qPrintable(expression));
        return value;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start({QStringLiteral("--demo")})); }

    void filesOverHttps()
    {
        const RestResponse client = get(QStringLiteral("/web/common/client.js"));
        QCOMPARE(client.status, 200);
        QCOMPARE(client.header("Content-Type"), QByteArray("text/javascript; charset=utf-8"));
        QCOMPARE(client.header("Cache-Control"), QByteArray("no-cache"));
        QCOMPARE(client.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QVERIFY(client.body.contains("export function el("));
        const QByteArray etag = client.header("ETag");
        QVERIFY(etag.startsWith('"') && etag.size() == 34);
        const RestResponse again
            = get(QStringLiteral("/web/common/client.js"), {}, {{"If-None-Match", etag}});
        QCOMPARE(again.status, 304);
        QVERIFY(again.body.isEmpty());
        const RestResponse css = get(QStringLiteral("/web/common/chamber.css"));
        QCOMPARE(css.header("Content-Type"), QByteArray("text/css; charset=utf-8"));
        QVERIFY(css.header("ETag") != etag);
        const RestResponse head = restCall(
            "HEAD", m_server.baseUrl() + QStringLiteral("/web/common/chamber.css"), m_server.pin());
        QCOMPARE(head.status, 200);
        QVERIFY(head.body.isEmpty());
        QCOMPARE(head.header("ETag"), css.header("ETag"));
        QCOMPARE(get(QStringLiteral("/web/common/none.js")).status, 404);
    }

    void workspaceAtTheRoot()
    {
        const RestResponse root = get(QStringLiteral("/"));
        QCOMPARE(root.status, 200);
        QCOMPARE(root.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
        QCOMPARE(root.header("Content-Security-Policy"), kPolicy);
        QCOMPARE(root.header("X-Frame-Options"), QByteArray("DENY"));
        QVERIFY(root.body.contains("/web/common/chamber.css"));
        // The route list names the web addresses.
        const QJsonArray routes = admin("GET", QStringLiteral("/api/v1/routes"))
                                      .json()
                                      .value(QLatin1String("routes"))
                                      .toArray();
        QStringList listed;
        for (const QJsonValue &route : routes)
            listed << route.toObject().value(QLatin1String("method")).toString() + u' '
                    + route.toObject().value(QLatin1String("path")).toString();
        for (const char *expected :
            {"GET /", "GET /web/{path}", "HEAD /web/{path}", "GET /join", "GET /read", "GET /watch",
                "GET /api/v1/qr.svg", "POST /api/v1/meetings/{meeting}/seat-cards"})
            QVERIFY2(listed.contains(QLatin1String(expected)), expected);
    }

    // Written raw: an HTTP client library would tidy the path before it left.
    void pathsThatLeaveAreRefused_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("dots") << QByteArray("/web/../../../etc/passwd");
        QTest::newRow("escaped dots") << QByteArray("/web/%2e%2e/%2e%2e/etc/passwd");
        QTest::newRow("escaped slash") << QByteArray("/web/..%2f..%2fCMakeLists.txt");
        QTest::newRow("backslash") << QByteArray("/web/common\\..\\..\\CMakeLists.txt");
        QTest::newRow("escaped backslash") << QByteArray("/web/common%5c..%5cclient.js");
        QTest::newRow("nul") << QByteArray("/web/common/client.js%00.png");
        QTest::newRow("double escaped") << QByteArray("/web/%252e%252e/etc/passwd");
        QTest::newRow("resource path") << QByteArray("/web/:/chamber/web/common/client.js");
    }
    void pathsThatLeaveAreRefused()
    {
        QFETCH(QByteArray, target);
        RawClient raw;
        QVERIFY(raw.connectTls(m_server.port()));
        raw.write("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        QVERIFY(raw.waitClosed());
        QVERIFY2(raw.status() == 404 || raw.status() == 400, raw.received().left(200).constData());
        QVERIFY(!raw.received().contains("root:"));
        QVERIFY(!raw.received().contains("export "));
    }

    void qrCodeOfAText()
    {
        const QString text = QStringLiteral("https://192.0.2.1:8443/join#v=1&t=abc&p=xyz");
        const RestResponse qr = admin("GET",
            QStringLiteral("/api/v1/qr.svg?text=")
                + QString::fromLatin1(QUrl::toPercentEncoding(text)));
        QCOMPARE(qr.status, 200);
        QCOMPARE(qr.header("Content-Type"), QByteArray("image/svg+xml"));
        QVERIFY(qr.header("Content-Security-Policy").contains("sandbox"));
        QCOMPARE(qr.body, qrcode::toSvg(qrcode::encode(text.toUtf8()).value()));
        // Vietnamese goes as UTF-8.
        const QString vietnamese = QStringLiteral("Kỳ họp thứ 12");
        QCOMPARE(admin("GET",
                     QStringLiteral("/api/v1/qr.svg?text=")
                         + QString::fromLatin1(QUrl::toPercentEncoding(vietnamese)))
                     .body,
            qrcode::toSvg(qrcode::encode(vietnamese.toUtf8()).value()));
        // 1 KiB and not a byte more, counted before any drawing.
        QCOMPARE(
            admin("GET", QStringLiteral("/api/v1/qr.svg?text=") + QString(1024, u'a')).status, 200);
        const RestResponse large
            = admin("GET", QStringLiteral("/api/v1/qr.svg?text=") + QString(1025, u'a'));
        QCOMPARE(large.status, 413);
        QCOMPARE(large.json().value(QLatin1String("code")).toString(), QStringLiteral("too_large"));
        // Counted in bytes of UTF-8: 500 letters é are 1000, 600 are 1200.
        QCOMPARE(
            admin("GET", QStringLiteral("/api/v1/qr.svg?text=") + QString(500, u'é')).status, 200);
        QCOMPARE(
            admin("GET", QStringLiteral("/api/v1/qr.svg?text=") + QString(600, u'é')).status, 413);
        QCOMPARE(admin("GET", QStringLiteral("/api/v1/qr.svg")).status, 400);
        QCOMPARE(admin("GET", QStringLiteral("/api/v1/qr.svg?text=")).status, 400);
        QCOMPARE(admin("GET", QStringLiteral("/api/v1/qr.svg?text=a&size=9")).status, 400);
        QCOMPARE(get(QStringLiteral("/api/v1/qr.svg?text=a")).status, 401);
    }

    void seatCardsPdf()
    {
        const RestResponse cards = admin("POST", QStringLiteral("/api/v1/meetings/1/seat-cards"));
        QCOMPARE(cards.status, 200);
        QCOMPARE(cards.header("Content-Type"), QByteArray("application/pdf"));
        QVERIFY(cards.header("Content-Disposition").contains("seat-cards-1.pdf"));
        QVERIFY(cards.body.startsWith("%PDF-"));
        QBuffer buffer;
        buffer.setData(cards.body);
        buffer.open(QIODevice::ReadOnly);
        QPdfDocument pdf;
        pdf.load(&buffer);
        QCOMPARE(pdf.status(), QPdfDocument::Status::Ready);
        // The demo's 40 seated delegates, six cards a page.
        QCOMPARE(pdf.pageCount(), 7);
        // Long names wrap: lines joined with spaces.
        const QString first = pdf.getAllText(0).text().simplified();
        QVERIFY2(first.contains(QStringLiteral("Nguyễn Văn Danh")), qPrintable(first));
        QVERIFY(first.contains(QStringLiteral("A01")));
#ifdef CHAMBER_TEST_DECODE_QR
        // The first card's code is a real join code of its delegate: a tablet redeems it.
        constexpr double pixelsPerMm = 150 / 25.4;
        const QImage page = pdf.render(0, QSizeF(210 * pixelsPerMm, 297 * pixelsPerMm).toSize());
        QImage paper(page.size(), QImage::Format_RGB32);
        paper.fill(Qt::white);
        QPainter(&paper).drawImage(0, 0, page);
        const double cardWidth = (210.0 - 16.0) / 2;
        const double cardHeight = (297.0 - 16.0) / 3;
        const std::optional<QString> link = kiosk::decodeQr(paper.copy(QRectF(
            8 * pixelsPerMm, 8 * pixelsPerMm, cardWidth * pixelsPerMm, cardHeight * pixelsPerMm)
                                                                           .toAlignedRect()));
        QVERIFY(link.has_value());
        const QString token = QUrlQuery(QUrl(*link).fragment()).queryItemValue(QStringLiteral("t"));
        WsClient tablet(m_server.pin());
        QVERIFY(tablet.open(m_server.wsUrl()));
        const QJsonObject enrolled = tablet.request(
            {{QStringLiteral("type"), QStringLiteral("enroll")}, {QStringLiteral("token"), token}});
        QCOMPARE(enrolled.value(QLatin1String("type")).toString(), QStringLiteral("ok"));
        QCOMPARE(enrolled.value(QLatin1String("result")).toObject().value(QLatin1String("role")),
            QJsonValue(QStringLiteral("delegate")));
#endif

        // Refused before anything is made.
        QCOMPARE(
            admin("POST", QStringLiteral("/api/v1/meetings/1/seat-cards"), R"({"ttlSeconds":5})")
                .status,
            400);
        QCOMPARE(
            admin("POST", QStringLiteral("/api/v1/meetings/1/seat-cards"), R"({"x":1})").status,
            400);
        QCOMPARE(admin("POST", QStringLiteral("/api/v1/meetings/1/seat-cards"), "[").status, 400);
        QCOMPARE(admin("POST", QStringLiteral("/api/v1/meetings/99/seat-cards")).status, 404);
        QCOMPARE(
            restCall("POST", m_server.baseUrl() + QStringLiteral("/api/v1/meetings/1/seat-cards"),
                m_server.pin())
                .status,
            401);
    }

    // A hall of 500 seats (the size the issue names): every card drawn, and how long it takes
    // (printed, not asserted: 500 join codes written, then the PDF drawn by the child).
    void seatCardsForAHall()
    {
        const RestResponse created = admin("POST", QStringLiteral("/api/v1/meetings"),
            R"({"title":"Kỳ họp chuyên đề – hội trường 500 chỗ"})");
        QCOMPARE(created.status, 201);
        const qint64 meeting = created.json()
                                   .value(QLatin1String("result"))
                                   .toObject()
                                   .value(QLatin1String("meeting"))
                                   .toInteger();
        QByteArray csv = "name,group,seat,weight\n";
        for (int i = 0; i < 500; ++i)
            csv += QStringLiteral("Đại biểu Nguyễn Thị Số %1,Tổ %2,%3%4,1\n")
                       .arg(i + 1)
                       .arg(i / 50 + 1)
                       .arg(QChar(u'A' + i / 25))
                       .arg(i % 25 + 1)
                       .toUtf8();
        const RestResponse imported = restCall("POST",
            m_server.baseUrl()
                + QStringLiteral("/api/v1/meetings/%1/delegates/import").arg(meeting),
            m_server.pin(), m_server.adminToken(), csv, {{"Content-Type", "text/csv"}});
        QVERIFY2(imported.status == 200 || imported.status == 201, imported.body.constData());
        QElapsedTimer timer;
        timer.start();
        const RestResponse cards
            = admin("POST", QStringLiteral("/api/v1/meetings/%1/seat-cards").arg(meeting));
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(cards.status, 200);
        QBuffer buffer;
        buffer.setData(cards.body);
        buffer.open(QIODevice::ReadOnly);
        QPdfDocument pdf;
        pdf.load(&buffer);
        QCOMPARE(pdf.pageCount(), 84); // 500 cards, six a page
        QVERIFY(pdf.getAllText(83).text().simplified().contains(QStringLiteral("Số 500")));
        const QList<QJsonObject> drawn = m_server.records(QStringLiteral("seat cards drawn"));
        QVERIFY(!drawn.isEmpty());
        qInfo("seat cards for 500 seats: %lld ms in all, %lld ms making the codes (event loop), "
              "%lld ms drawing (child), %lld bytes",
            elapsed, drawn.last().value(QLatin1String("codesMs")).toInteger(),
            drawn.last().value(QLatin1String("drawMs")).toInteger(), qint64(cards.body.size()));
    }

    void clientModuleInChromium()
    {
        QVERIFY2(!Browser::executable().isEmpty(),
            "chromium is missing: install the Debian package `chromium` (scripts/test.sh does)");
        QVERIFY2(m_browser.start({QStringLiteral("--ignore-certificate-errors")}),
            qPrintable(m_browser.errors()));
        QVERIFY(m_page.open(m_browser.pageWebSocketUrl()));
        QVERIFY(m_page.navigate(m_server.baseUrl() + QStringLiteral("/")));
        QVERIFY(waitFor(QStringLiteral(
            "import('/web/common/client.js').then(m => { window.c = m; return true; })")));
        // el(): markup in a string stays text.
        QCOMPARE(
            evaluate(QStringLiteral(
                         "(() => { const d = c.el('div', {class: 'x', 'data-id': 7, onClick: () => "
                         "{}}, '<img src=x onerror=alert(1)>', ['a', null, 2]); return "
                         "[d.textContent, d.querySelectorAll('img').length, d.className, "
                         "d.dataset.id].join('|'); })()"))
                .toString(),
            QStringLiteral("<img src=x onerror=alert(1)>a2|0|x|7"));
        // makeT: arguments by position and by name; a missing key shows itself.
        QCOMPARE(
            evaluate(QStringLiteral(
                         "(() => { c.setLang('en'); const t = c.makeT({vi: {a: 'Xin {0}'}, en: {a: "
                         "'Hello {0} {1}', b: '{n} pages'}}); return [t('a', 'x', 2), t('b', {n: "
                         "3}), t('missing'), document.documentElement.lang].join('|'); })()"))
                .toString(),
            QStringLiteral("Hello x 2|3 pages|missing|en"));
        QCOMPARE(
            evaluate(QStringLiteral("c.setLang('vi'), c.lang()")).toString(), QStringLiteral("vi"));
        // Times: 24 hours in both languages; what is no time comes back as it was.
        QCOMPARE(
            evaluate(QStringLiteral(
                         "[/^\\d\\d:\\d\\d$/.test(c.formatTime(Date.UTC(2026, 11, 7, 15, 5))), "
                         "c.formatDateTime('2026-12-07T15:05:00Z').includes('2026'), "
                         "c.formatTime('không phải giờ'), c.formatTime(null), "
                         "c.formatDateTime(undefined)].join('|')"))
                .toString(),
            QStringLiteral("true|true|không phải giờ||"));
        // api(): JSON, and the refusal as an ApiError.
        QCOMPARE(evaluate(QStringLiteral("c.api('GET', '/api/v1/health').then(h => typeof h)"))
                     .toString(),
            QStringLiteral("object"));
        QCOMPARE(
            evaluate(QStringLiteral("c.api('GET', '/api/v1/meetings').catch(e => [e instanceof "
                                    "c.ApiError, e.status, e.code].join('|'))"))
                .toString(),
            QStringLiteral("true|401|unauthenticated"));

        // Live against the real /ws, with the admin token as its credential.
        const QString token = QString::fromLatin1(m_server.adminToken());
        QVERIFY(evaluate(
            QStringLiteral(
                "window.events = []; window.states = []; window.live = new c.Live({credential: "
                "'%1'}); live.subscribe(1, {onSnapshot: s => { window.snap = s; }, onEvent: e "
                "=> events.push(e), onState: s => states.push(s)}); true")
                .arg(token))
                    .toBool());
        QVERIFY(waitFor(QStringLiteral("!!window.snap && live.state === 'online'")));
        QCOMPARE(evaluate(QStringLiteral("snap.state.title")).toString().isEmpty(), false);
        const QJsonArray agenda
            = evaluate(QStringLiteral("snap.state.agenda.map(i => i.id)")).toArray();
        QVERIFY(agenda.size() >= 3);
        const int seq = evaluate(QStringLiteral("snap.seq")).toInt();
        QCOMPARE(evaluate(QStringLiteral("live.send({type: 'agenda.select', meeting: 1, item: %1})"
                                         ".then(ok => ok.type)")
                              .arg(agenda.at(1).toInteger()))
                     .toString(),
            QStringLiteral("ok"));
        QVERIFY(waitFor(QStringLiteral("events.length === 1 && events[0].kind === "
                                       "'agenda.selected' && events[0].seq === %1")
                            .arg(seq + 1)));
        // An error answer rejects with the protocol's code.
        QCOMPARE(evaluate(QStringLiteral("live.send({type: 'agenda.select', meeting: 1, item: "
                                         "999999}).then(() => 'ok', e => e.code)"))
                     .toString(),
            QStringLiteral("not_found"));
        // The socket drops: Live comes back, resumes from its last seq, and an event made while
        // it was away arrives once, in order.
        QVERIFY(evaluate(QStringLiteral("live.socket.close(), true")).toBool());
        QVERIFY(waitFor(QStringLiteral("states.includes('reconnecting')")));
        QCOMPARE(admin("PUT", QStringLiteral("/api/v1/meetings/1/current-item"),
                     QByteArray(R"({"item":)") + QByteArray::number(agenda.at(2).toInteger()) + "}")
                     .status,
            200);
        QVERIFY(waitFor(QStringLiteral("live.state === 'online' && events.length === 2")));
        QCOMPARE(evaluate(QStringLiteral("events.map(e => e.seq).join()")).toString(),
            QStringLiteral("%1,%2").arg(seq + 1).arg(seq + 2));
        QCOMPARE(
            evaluate(QStringLiteral("events[1].data.item")).toInteger(), agenda.at(2).toInteger());
        // A wrong credential stops for good instead of reconnecting forever.
        QVERIFY(evaluate(QStringLiteral("window.bad = new c.Live({credential: 'nope'}), true"))
                    .toBool());
        QVERIFY(waitFor(QStringLiteral("bad.state === 'offline' && bad.stoppedBecause === "
                                       "'unauthenticated'")));
        QVERIFY(evaluate(QStringLiteral("live.close(), live.state === 'offline'")).toBool());
    }

    // /join, /read and /watch at 1366 × 768 in both languages, into `directory`: the pages of
    // `server` (this build's, or an older chamberd's for comparison). The watch page has no
    // chamber-media here: it says the video is unavailable.
    void shootPages(ServerProcess &server, const QString &directory)
    {
        const auto call = [&server](const QByteArray &method, const QString &path,
                              const QByteArray &body = {}) {
            return restCall(method, server.baseUrl() + path, server.pin(), server.adminToken(),
                body, {}, 60000);
        };
        QCOMPARE(call("POST", QStringLiteral("/api/v1/meetings/1/items/3/documents?name=bai-1.pdf"),
                     makeArticlePdf(1, 2))
                     .status,
            201);
        const QString read
            = call("POST", QStringLiteral("/api/v1/meetings/1/reader-links"), R"({"delegate":3})")
                  .json()
                  .value(QLatin1String("url"))
                  .toString();
        const QString join = call("POST", QStringLiteral("/api/v1/meetings/1/join-codes"),
            R"({"role":"bridge","label":"Điểm cầu xã Lũng Cú"})")
                                 .json()
                                 .value(QLatin1String("url"))
                                 .toString();
        QVERIFY(!read.isEmpty() && !join.isEmpty());
        QString watch = join;
        watch.replace(QStringLiteral("/join#"), QStringLiteral("/watch#"));
        QVERIFY(m_page.setViewport(1366, 768));
        m_page.call(QStringLiteral("Network.clearBrowserCache"));
        QDir().mkpath(directory);
        const auto shoot = [this, &directory](const QString &name) {
            QTest::qWait(300); // the last layout and paint
            const QByteArray png = m_page.screenshot();
            const QImage image = QImage::fromData(png, "PNG");
            QCOMPARE(image.size(), QSize(1366, 768));
            QFile file(directory + u'/' + name);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(png);
        };
        const auto choose = [this](const QString &language) {
            m_page.evaluate(QStringLiteral("(b => b ? (b.click(), 1) : 0)(document.querySelector("
                                           "'#lang [data-lang=%1]'))")
                                .arg(language));
        };
        for (const QString &language : {QStringLiteral("vi"), QStringLiteral("en")}) {
            QVERIFY(m_page.navigate(QStringLiteral("about:blank")));
            QVERIFY(m_page.navigate(join));
            shoot(QStringLiteral("join-%1.png").arg(language));
            QVERIFY(m_page.navigate(QStringLiteral("about:blank")));
            QVERIFY(m_page.navigate(read));
            QVERIFY(waitFor(QStringLiteral("document.querySelectorAll('.doc').length === 1")));
            // Figures (printed, not asserted): what loading the reader cost, cold then warm.
            qInfo("reader page load (%s, %s): %s", qPrintable(directory), qPrintable(language),
                QJsonDocument(evaluate(kLoadFigures).toObject())
                    .toJson(QJsonDocument::Compact)
                    .constData());
            choose(language);
            shoot(QStringLiteral("read-%1.png").arg(language));
            QVERIFY(m_page.evaluate(QStringLiteral("document.querySelector('.doc').click(), 1"))
                        .toInt());
            QVERIFY(waitFor(QStringLiteral("document.getElementById('page').naturalWidth > 0 && "
                                           "document.getElementById('page').style.visibility === "
                                           "'visible'")));
            shoot(QStringLiteral("read-page-%1.png").arg(language));
            QVERIFY(m_page.navigate(QStringLiteral("about:blank")));
            QVERIFY(m_page.navigate(watch));
            QVERIFY(waitFor(QStringLiteral("['unavailable', 'waiting', 'stopped'].includes("
                                           "document.body.dataset.state)")));
            choose(language);
            shoot(QStringLiteral("watch-%1.png").arg(language));
        }
    }

    void screenshotsOfThePages()
    {
        shootPages(m_server, QStringLiteral(CHAMBER_BIN_DIR "/../web-screenshots"));
        // CHAMBER_SCREENSHOT_BEFORE=<an older chamberd>: the same pages as it served them.
        const QString before = qEnvironmentVariable("CHAMBER_SCREENSHOT_BEFORE");
        if (before.isEmpty())
            return;
        ServerProcess older;
        older.setProgram(before);
        QVERIFY(older.start({QStringLiteral("--demo")}));
        shootPages(older, QStringLiteral(CHAMBER_BIN_DIR "/../web-screenshots/before"));
    }

    void cleanupTestCase()
    {
        m_browser.stop();
        if (QTest::currentTestFailed())
            qWarning("%s", m_server.log().right(4000).constData());
    }
};

QTEST_MAIN(TestWeb)
#include "test_web.moc"
