// The watch page (/watch) in a real browser: headless Chromium (the Debian package, no WebRTC
// flags) receives the programme of a real chamber-media (test sources, x264 constrained
// baseline + Opus) over loopback WebRTC and decodes it.
//
// Against the real chamberd, which runs chamber-media and relays its signaling: a bridge join
// code made over REST, its /join page and button, the real enroll and hello, frames and audio
// decoded, a revoked device, a seat's code that gets no media. Against a stand-in relay
// (standinrelay.h: the same page bytes, chamber-media's stdio passed through), what is slow or
// awkward to make the real server do: a dropped WebSocket, a reload, chamber-media restarting
// and unavailable, the floor, a second tab.
//
// No WebRTC flags: a participant's Chromium has none either. Its host candidates are mDNS
// names chamber-media cannot resolve, and it gathers no loopback address, yet it connects: it
// reaches chamber-media's candidates (--ice-address 127.0.0.1 here) and chamber-media learns
// the browser's address from its checks (peer-reflexive). WATCH_DEBUG=1 logs the signaling.
//
// Chromium missing is a failure, not a skip: scripts/test.sh installs it.
#include "browser.h"
#include "restcall.h"
#include "serverprocess.h"
#include "standinrelay.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace chamber;
using namespace chamber::testing;

class TestWatchBrowser : public QObject
{
    Q_OBJECT

private:
    StandInRelay m_relay;
    QTemporaryDir m_configDir;
    ServerProcess m_server;
    QString m_bridgeUrl;
    qint64 m_bridgeDevice = 0;
    Browser m_browser;
    CdpClient m_page;
    QString m_screenshots = QStringLiteral(CHAMBER_BIN_DIR "/../watch-screenshots");

    bool waitFor(const QString &condition, int timeoutMs = 15000)
    {
        return m_page.waitForOrReport(condition, timeoutMs);
    }
    QString text(const QString &id)
    {
        return m_page.evaluate(QStringLiteral("document.getElementById('%1').textContent").arg(id))
            .toString();
    }
    // A real click (a user gesture, unlike element.click()): browsers let sound play only after
    // one.
    bool click(const QString &id)
    {
        const QJsonObject box
            = m_page
                  .evaluate(QStringLiteral("(r => ({x: r.x + r.width / 2, y: r.y + r.height / 2}))("
                                           "document.getElementById('%1').getBoundingClientRect())")
                                .arg(id))
                  .toObject();
        for (const char *type : {"mousePressed", "mouseReleased"}) {
            QString error;
            m_page.call(QStringLiteral("Input.dispatchMouseEvent"),
                {{QStringLiteral("type"), QLatin1String(type)},
                    {QStringLiteral("x"), box.value(QLatin1String("x"))},
                    {QStringLiteral("y"), box.value(QLatin1String("y"))},
                    {QStringLiteral("button"), QStringLiteral("left")},
                    {QStringLiteral("clickCount"), 1}},
                5000, &error);
            if (!error.isEmpty())
                return false;
        }
        return true;
    }
    QString state()
    {
        return m_page.evaluate(QStringLiteral("document.body.dataset.state")).toString();
    }
    int frames()
    {
        return m_page
            .evaluate(QStringLiteral(
                "document.getElementById('video').getVideoPlaybackQuality().totalVideoFrames"))
            .toInt();
    }
    void screenshot(const QString &name)
    {
        const QByteArray png = m_page.screenshot();
        QVERIFY(!QImage::fromData(png, "PNG").isNull());
        QDir().mkpath(m_screenshots);
        QFile file(m_screenshots + u'/' + name);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(png);
    }
    QString pageUrl(const QString &token)
    {
        return QStringLiteral("http://127.0.0.1:%1/watch#v=1&t=%2&p=x")
            .arg(m_relay.port())
            .arg(token);
    }

    RestResponse admin(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        return restCall(method, m_server.baseUrl() + QStringLiteral("/api/v1") + path,
            m_server.pin(), m_server.adminToken(), body);
    }
    // A join code as the secretary makes it.
    QString joinCode(const QByteArray &body)
    {
        const RestResponse code = admin("POST", QStringLiteral("/meetings/1/join-codes"), body);
        if (code.status != 201)
            qWarning("join code: %d %s", code.status, code.body.constData());
        return code.json().value(QLatin1String("url")).toString();
    }
    QJsonObject device(const QString &role)
    {
        const QJsonArray devices = admin("GET", QStringLiteral("/meetings/1/devices"))
                                       .json()
                                       .value(QLatin1String("devices"))
                                       .toArray();
        for (const QJsonValue &device : devices) {
            if (device.toObject().value(QLatin1String("role")).toString() == role)
                return device.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!Browser::executable().isEmpty(),
            "chromium is missing: install the Debian package `chromium` (scripts/test.sh does)");
        QVERIFY(m_relay.listen(QHostAddress::LocalHost, 0));
        QVERIFY(m_relay.startMedia());
        // chamberd runs chamber-media itself: the programme at its real size, test sources.
        const QString config
            = writeMediaConfig(m_configDir.path(), binaryPath(QStringLiteral("chamber-media")),
                QStringLiteral("--video test --audio test --ice-address 127.0.0.1"));
        QVERIFY(!config.isEmpty());
        QVERIFY(m_server.start({QStringLiteral("--demo"), QStringLiteral("--config"), config}));
        // chamberd's certificate is self-signed: the participant accepts it once.
        QVERIFY2(m_browser.start({QStringLiteral("--ignore-certificate-errors")}),
            qPrintable(m_browser.errors()));
        const QString target = m_browser.pageWebSocketUrl();
        QVERIFY(!target.isEmpty());
        QVERIFY(m_page.open(target));
        QVERIFY(m_page.setViewport(1280, 720));
    }

    void decodesTheProgramme()
    {
        QVERIFY(m_page.navigate(pageUrl(m_relay.token)));
        QVERIFY(waitFor(QStringLiteral("document.body.dataset.state === 'live'"), 20000));
        QVERIFY(waitFor(QStringLiteral("document.getElementById('video')"
                                       ".getVideoPlaybackQuality().totalVideoFrames > 30")));
        QCOMPARE(
            m_page.evaluate(QStringLiteral("document.getElementById('video').videoWidth")).toInt(),
            1280);
        QCOMPARE(
            m_page.evaluate(QStringLiteral("document.getElementById('video').videoHeight")).toInt(),
            720);
        QCOMPARE(m_page
                     .evaluate(QStringLiteral("document.getElementById('video').srcObject"
                                              ".getAudioTracks().map(t => t.readyState).join()"))
                     .toString(),
            QStringLiteral("live"));
        // The codec Chromium decodes is the programme's H.264.
        const QString codec = m_page
                                  .evaluate(QStringLiteral(
                                      "pc.getStats().then(s => { var c = []; s.forEach(r => { if "
                                      "(r.type === 'codec') c.push(r.mimeType); }); return "
                                      "c.join(); })"))
                                  .toString();
        QVERIFY2(codec.contains(QStringLiteral("video/H264")), qPrintable(codec));
        QVERIFY2(
            codec.contains(QStringLiteral("audio/opus"), Qt::CaseInsensitive), qPrintable(codec));
        QCOMPARE(m_page.evaluate(QStringLiteral("document.documentElement.lang")).toString(),
            QStringLiteral("en")); // headless Chromium says en-US
        QCOMPARE(text(QStringLiteral("status")), QStringLiteral("Live"));
        // Muted until the user asks: browsers refuse autoplay with sound.
        QVERIFY(m_page.evaluate(QStringLiteral("video.muted")).toBool());
        QCOMPARE(text(QStringLiteral("sound")), QStringLiteral("Turn sound on"));
        // A script's click is no user gesture: the sound stays off.
        QVERIFY(
            m_page.evaluate(QStringLiteral("document.getElementById('sound').click(), 1")).toInt());
        QVERIFY(waitFor(QStringLiteral("video.muted && !video.paused"), 5000));
        QVERIFY(click(QStringLiteral("sound")));
        QVERIFY(waitFor(QStringLiteral("!video.muted && !video.paused"), 5000));
        QCOMPARE(text(QStringLiteral("sound")), QStringLiteral("Mute"));
        QVERIFY(m_page
                    .evaluate(QStringLiteral("document.querySelector('#lang [data-lang=vi]')"
                                             ".click(), 1"))
                    .toInt());
        QCOMPARE(text(QStringLiteral("status")), QStringLiteral("Trực tiếp"));
        QCOMPARE(text(QStringLiteral("sound")), QStringLiteral("Tắt tiếng"));
        screenshot(QStringLiteral("watch-live-vi.png"));
        // Nothing is sent but the answer and candidates: no camera, no microphone.
        QCOMPARE(
            m_page.evaluate(QStringLiteral("pc.getSenders().filter(s => s.track).length")).toInt(),
            0);
        QCOMPARE(m_relay.enrolls, 1);
        QVERIFY(m_relay.pageSent.contains(QStringLiteral("answer")));
    }

    void floorIsShown()
    {
        // A bridge site has the floor: the programme is its picture, and the page says so.
        m_relay.pushFloor(QStringLiteral("d9"));
        QVERIFY(waitFor(QStringLiteral("document.getElementById('status').textContent === "
                                       "'Trực tiếp · Điểm cầu đang phát biểu'"),
            5000));
        m_relay.pushFloor({});
        QVERIFY(waitFor(
            QStringLiteral("document.getElementById('status').textContent === 'Trực tiếp'"), 5000));
    }

    void reconnectsAfterADrop()
    {
        const int joins = m_relay.joins;
        m_relay.dropSession();
        QVERIFY(waitFor(QStringLiteral("document.body.dataset.state === 'reconnecting'"), 5000));
        QCOMPARE(text(QStringLiteral("status")), QStringLiteral("Mất kết nối, đang kết nối lại…"));
        // Back with the stored credential (the token is spent: no second enroll), a new offer,
        // frames again.
        QVERIFY(waitFor(QStringLiteral("document.body.dataset.state === 'live'"), 20000));
        QVERIFY(m_relay.joins > joins);
        QCOMPARE(m_relay.enrolls, 1);
        // The user turned the sound on before: the new connection plays with sound.
        QVERIFY(waitFor(QStringLiteral("!video.muted && !video.paused"), 5000));
        const int before = frames();
        QVERIFY(waitFor(QStringLiteral("document.getElementById('video')"
                                       ".getVideoPlaybackQuality().totalVideoFrames > %1")
                            .arg(before + 15)));
    }

    void reloadKeepsTheCredential()
    {
        QVERIFY(m_page.navigate(QStringLiteral("about:blank")));
        QVERIFY(m_page.navigate(pageUrl(QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))));
        QVERIFY(waitFor(QStringLiteral("document.body.dataset.state === 'live'"), 20000));
        QCOMPARE(m_relay.enrolls, 1);
    }

    void mediaRestartGivesANewOffer()
    {
        // chamber-media dies and comes back: a fresh offer replaces the receiver.
        const int offers = m_relay.offers;
        QVERIFY(m_page.evaluate(QStringLiteral("window.before = pc, 1")).toInt());
        m_relay.restartMedia();
        QVERIFY(waitFor(QStringLiteral("pc && pc !== window.before && "
                                       "document.body.dataset.state === 'live'"),
            20000));
        QCOMPARE(m_relay.offers, offers + 1);
        const int before = frames();
        QVERIFY(waitFor(QStringLiteral("document.getElementById('video')"
                                       ".getVideoPlaybackQuality().totalVideoFrames > %1")
                            .arg(before + 15)));
    }

    void unavailableMediaSaysSo()
    {
        m_relay.mediaUnavailable();
        QVERIFY(waitFor(QStringLiteral("document.body.dataset.state === 'unavailable'"), 5000));
        QVERIFY(text(QStringLiteral("wait")).contains(QStringLiteral("không phát hình")));
        QVERIFY(
            m_page.evaluate(QStringLiteral("pc === null && video.srcObject === null")).toBool());
        screenshot(QStringLiteral("watch-unavailable-vi.png"));
        m_relay.bringMediaBack();
        QVERIFY(waitFor(QStringLiteral("document.body.dataset.state === 'live'"), 20000));
    }

    void anotherTabTakesOver()
    {
        // A second tab of this browser starts watching (it says so on the tabs' channel): this
        // one lets go instead of taking the device's connection back and forth.
        QVERIFY(m_page
                    .evaluate(QStringLiteral("new BroadcastChannel('chamber.watch').postMessage("
                                             "{type: 'watching', tab: 'other'}), 1"))
                    .toInt());
        QVERIFY(waitFor(QStringLiteral("document.body.dataset.state === 'stopped'"), 5000));
        QVERIFY(m_page.evaluate(QStringLiteral("pc === null && ws === null")).toBool());
        QVERIFY(text(QStringLiteral("msgtext")).contains(QStringLiteral("thẻ khác")));
        QCOMPARE(text(QStringLiteral("retry")), QStringLiteral("Xem ở đây"));
        QVERIFY(click(QStringLiteral("retry")));
        QVERIFY(waitFor(QStringLiteral("document.body.dataset.state === 'live'"), 20000));
    }

    void revokedDeviceSaysSo()
    {
        m_relay.revoke();
        QVERIFY(waitFor(QStringLiteral("document.body.dataset.state === 'stopped'"), 5000));
        QVERIFY(text(QStringLiteral("msgtext")).contains(QStringLiteral("thu hồi")));
        QVERIFY(
            m_page.evaluate(QStringLiteral("document.getElementById('retry').hidden")).toBool());
        // A reload says the same: the stored credential is refused.
        QVERIFY(m_page.navigate(QStringLiteral("about:blank")));
        QVERIFY(m_page.navigate(pageUrl(QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))));
        QVERIFY(waitFor(QStringLiteral("document.body.dataset.state === 'stopped'"), 5000));
        QVERIFY(m_page
                    .evaluate(QStringLiteral("document.querySelector('#lang [data-lang=en]')"
                                             ".click(), 1"))
                    .toInt());
        QVERIFY(text(QStringLiteral("msgtext")).contains(QStringLiteral("was revoked")));
        screenshot(QStringLiteral("watch-revoked-en.png"));
    }

    void otherRoleIsForbidden()
    {
        m_page.evaluate(QStringLiteral("localStorage.clear(), 1"));
        m_relay.revoked = false;
        m_relay.role = QStringLiteral("delegate");
        m_relay.token = QStringLiteral("BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB");
        QVERIFY(m_page.navigate(QStringLiteral("about:blank")));
        QVERIFY(m_page.navigate(pageUrl(m_relay.token)));
        QVERIFY(waitFor(QStringLiteral("document.body.dataset.state === 'stopped'"), 10000));
        QVERIFY(text(QStringLiteral("msgtext")).contains(QStringLiteral("not for watching")));
        QCOMPARE(frames(), 0);
    }

    void spentCodeSaysSo()
    {
        m_page.evaluate(QStringLiteral("localStorage.clear(), 1"));
        QVERIFY(m_page.navigate(QStringLiteral("about:blank")));
        QVERIFY(m_page.navigate(pageUrl(QStringLiteral("BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"))));
        QVERIFY(waitFor(QStringLiteral("document.body.dataset.state === 'stopped'"), 10000));
        QVERIFY(text(QStringLiteral("msgtext")).contains(QStringLiteral("already used")));
    }

    // What the server says goes into the page as text: an error code made of markup (the one
    // server-sent string the watch page shows; it shows no names or titles) is printed as it
    // is, creates no element and opens no dialog.
    void markupFromTheServerStaysText()
    {
        const QString markup = QStringLiteral("<img src=x onerror=alert(1)>");
        m_page.evaluate(QStringLiteral("localStorage.clear(), 1"));
        m_relay.role = QStringLiteral("bridge");
        m_relay.token = QStringLiteral("CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC");
        m_relay.joinRefusal = markup;
        QVERIFY(m_page.navigate(QStringLiteral("about:blank")));
        QVERIFY(m_page.navigate(pageUrl(m_relay.token)));
        QVERIFY(waitFor(QStringLiteral("document.body.dataset.state === 'stopped'"), 10000));
        QVERIFY2(text(QStringLiteral("msgtext")).contains(markup),
            qPrintable(text(QStringLiteral("msgtext"))));
        QCOMPARE(
            m_page.evaluate(QStringLiteral("document.querySelectorAll('img').length")).toInt(), 0);
        QVERIFY(
            !m_page.evaluate(QStringLiteral("document.body.innerHTML.includes('<img')")).toBool());
        QVERIFY(m_page.events(QStringLiteral("Page.javascriptDialogOpening")).isEmpty());
        screenshot(QStringLiteral("watch-markup-as-text.png"));
        m_relay.joinRefusal.clear();
    }

    // chamberd itself: the /join page of a bridge code, its button, the real enroll and hello.
    void chamberdJoinPageLeadsToWatching()
    {
        m_page.evaluate(QStringLiteral("localStorage.clear(), 1"));
        m_bridgeUrl = joinCode(R"({"role":"bridge","label":"Điểm cầu xã Lũng Cú"})");
        QVERIFY(m_bridgeUrl.contains(QStringLiteral("/join#v=1&t=")));
        const QString base = m_server.baseUrl();
        const RestResponse join = restCall("GET", base + QStringLiteral("/join"), m_server.pin());
        QCOMPARE(join.status, 200);
        // The pages are files now (assets/web): scripts from this server only, nothing inline.
        QVERIFY(join.header("Content-Security-Policy").contains("script-src 'self'"));
        QVERIFY(!join.header("Content-Security-Policy").contains("unsafe-inline"));
        const RestResponse watch = restCall("GET", base + QStringLiteral("/watch"), m_server.pin());
        QCOMPARE(watch.status, 200);
        QCOMPARE(watch.header("Cache-Control"), QByteArray("no-store"));
        QVERIFY(watch.header("Content-Type").startsWith("text/html"));
        QVERIFY(watch.header("Content-Security-Policy").contains("connect-src 'self'"));
        QVERIFY(watch.header("Permissions-Policy").contains("camera=()"));
        QVERIFY(watch.body.contains("Xem") || watch.body.contains("Trực tiếp"));

        QVERIFY(m_page.navigate(m_bridgeUrl));
        screenshot(QStringLiteral("join-page.png"));
        const QString fragment = m_bridgeUrl.section(u'#', 1);
        QCOMPARE(
            m_page.evaluate(QStringLiteral("document.getElementById('watch').getAttribute('href')"))
                .toString(),
            QStringLiteral("/watch#") + fragment);
        QVERIFY(m_page.evaluate(QStringLiteral("document.body.textContent"))
                    .toString()
                    .contains(QStringLiteral("Watch in this browser")));
        QVERIFY(
            m_page.evaluate(QStringLiteral("document.getElementById('watch').click(), 1")).toInt());
        QVERIFY(waitFor(QStringLiteral("location.pathname === '/watch' && !!window.TEXT")));
        QCOMPARE(m_page.evaluate(QStringLiteral("location.hash")).toString(), u'#' + fragment);
        // Enrolled for real: the bridge device is there, named by the page.
        QVERIFY(
            QTest::qWaitFor([this] { return !device(QStringLiteral("bridge")).isEmpty(); }, 15000));
        QCOMPARE(device(QStringLiteral("bridge")).value(QLatin1String("name")).toString(),
            QStringLiteral("browser"));
        m_bridgeDevice = device(QStringLiteral("bridge")).value(QLatin1String("id")).toInteger();
        QVERIFY(m_bridgeDevice > 0);
        QVERIFY(waitFor(
            QStringLiteral("!!JSON.parse(localStorage.getItem('chamber.watch')).credential")));
        // The programme through chamberd's relay, decoded.
        QVERIFY(waitFor(QStringLiteral("document.body.dataset.state === 'live'"), 30000));
        QVERIFY(waitFor(QStringLiteral("document.getElementById('video')"
                                       ".getVideoPlaybackQuality().totalVideoFrames > 30")));
        QCOMPARE(m_page.evaluate(QStringLiteral("video.videoWidth")).toInt(), 1280);
        QCOMPARE(m_page.evaluate(QStringLiteral("video.videoHeight")).toInt(), 720);
        QCOMPARE(m_page
                     .evaluate(QStringLiteral("video.srcObject.getAudioTracks().map(t => "
                                              "t.readyState + ':' + t.muted).join()"))
                     .toString(),
            QStringLiteral("live:false"));
        QCOMPARE(m_page.evaluate(QStringLiteral("peer")).toString(),
            QStringLiteral("d%1").arg(m_bridgeDevice));
        QVERIFY(device(QStringLiteral("bridge")).value(QLatin1String("online")).toBool());
        // Audio packets arrive and are decoded, not only announced.
        QVERIFY(waitFor(QStringLiteral(
            "pc.getStats().then(s => { var n = 0; s.forEach(r => { if (r.type === 'inbound-rtp' "
            "&& r.kind === 'audio') n = r.totalSamplesReceived || 0; }); return n > 48000; })")));
        screenshot(QStringLiteral("watch-chamberd-live.png"));
        // Figures (printed, not asserted): from the page's start to the first picture, and
        // over 3 s of steady state what Chromium's receiver says of the stream.
        const QString sample = QStringLiteral(
            "pc.getStats().then(s => { var v = {}; s.forEach(r => { if (r.type === 'inbound-rtp' "
            "&& r.kind === 'video') v = r; }); return {t: performance.now(), decoded: "
            "v.framesDecoded, dropped: video.getVideoPlaybackQuality().droppedVideoFrames, "
            "jitter: v.jitterBufferDelay, emitted: v.jitterBufferEmittedCount, decode: "
            "v.totalDecodeTime, nacks: v.nackCount, plis: v.pliCount, lost: v.packetsLost}; })");
        const QJsonObject first = m_page.evaluate(sample).toObject();
        QTest::qWait(3000);
        const QJsonObject last = m_page.evaluate(sample).toObject();
        const auto delta = [&](const char *key) {
            return last.value(QLatin1String(key)).toDouble()
                - first.value(QLatin1String(key)).toDouble();
        };
        const double frames = delta("decoded");
        const QJsonObject figures {
            {QStringLiteral("firstPictureMs"),
                qRound(m_page
                           .evaluate(QStringLiteral("performance.getEntriesByName('chamber-"
                                                    "live')[0].startTime"))
                           .toDouble())},
            {QStringLiteral("fps"), qRound(frames * 1000 / delta("t") * 10) / 10.0},
            {QStringLiteral("framesDropped"), delta("dropped")},
            {QStringLiteral("jitterBufferMs"), qRound(delta("jitter") * 1000 / delta("emitted"))},
            {QStringLiteral("decodeMsPerFrame"), qRound(delta("decode") * 10000 / frames) / 10.0},
            {QStringLiteral("packetsLost"), last.value(QLatin1String("lost"))},
            {QStringLiteral("nacks"), last.value(QLatin1String("nacks"))},
            {QStringLiteral("plis"), last.value(QLatin1String("plis"))}};
        qInfo("watch page figures: %s",
            QJsonDocument(figures).toJson(QJsonDocument::Compact).constData());
        QVERIFY(figures.value(QLatin1String("firstPictureMs")).toInt() > 0);
    }

    void chamberdRevokedDeviceSaysSo()
    {
        QCOMPARE(
            admin("DELETE", QStringLiteral("/meetings/1/devices/%1").arg(m_bridgeDevice)).status,
            200);
        // Watching, it is cut off at once and says why.
        QVERIFY(waitFor(QStringLiteral("document.body.dataset.state === 'stopped'"), 10000));
        QVERIFY(m_page
                    .evaluate(QStringLiteral("TEXT[lang].revoked === "
                                             "document.getElementById('msgtext').textContent && "
                                             "pc === null"))
                    .toBool());
        // A reload too.
        QVERIFY(m_page.navigate(QStringLiteral("about:blank")));
        QVERIFY(m_page.navigate(m_bridgeUrl));
        QVERIFY(
            m_page.evaluate(QStringLiteral("document.getElementById('watch').click(), 1")).toInt());
        QVERIFY(waitFor(QStringLiteral("location.pathname === '/watch' && "
                                       "document.body.dataset.state === 'stopped'")));
        QVERIFY(text(QStringLiteral("msgtext")).contains(QStringLiteral("revoked"))
            || text(QStringLiteral("msgtext")).contains(QStringLiteral("thu hồi")));
        // The code itself is spent: a browser without the credential is told so.
        m_page.evaluate(QStringLiteral("localStorage.removeItem('chamber.watch'), 1"));
        QVERIFY(m_page.navigate(QStringLiteral("about:blank")));
        QVERIFY(m_page.navigate(
            m_bridgeUrl.replace(QStringLiteral("/join#"), QStringLiteral("/watch#"))));
        QVERIFY(waitFor(QStringLiteral("document.body.dataset.state === 'stopped'")));
        QVERIFY(m_page
                    .evaluate(QStringLiteral(
                        "TEXT[lang].badLink === document.getElementById('msgtext').textContent"))
                    .toBool());
    }

    void chamberdSeatCodeGetsNoMedia()
    {
        m_page.evaluate(QStringLiteral("localStorage.clear(), 1"));
        const QString url = joinCode(R"({"role":"delegate","delegate":3})");
        QVERIFY(!url.isEmpty());
        QVERIFY(m_page.navigate(url));
        QVERIFY(
            m_page.evaluate(QStringLiteral("document.getElementById('watch').click(), 1")).toInt());
        QVERIFY(waitFor(QStringLiteral("location.pathname === '/watch' && "
                                       "document.body.dataset.state === 'stopped'")));
        QVERIFY(m_page
                    .evaluate(QStringLiteral("TEXT[lang].forbidden === "
                                             "document.getElementById('msgtext').textContent"))
                    .toBool());
        QVERIFY(
            m_page.evaluate(QStringLiteral("pc === null && video.srcObject === null")).toBool());
        QCOMPARE(frames(), 0);
        screenshot(QStringLiteral("watch-forbidden.png"));
    }

    void cleanupTestCase()
    {
        m_browser.stop();
        m_relay.stopMedia();
        if (QTest::currentTestFailed() || qEnvironmentVariableIsSet("CHAMBER_TEST_LOG"))
            qWarning("%s", m_server.log().right(6000).constData());
        m_server.terminate();
    }
};

QTEST_MAIN(TestWatchBrowser)
#include "test_watch_browser.moc"
