// The secretary's workspace during and after a sitting, in headless Chromium over the DevTools
// protocol against the real chamberd: a secretary account logs in, opens a meeting prepared
// over REST, checks delegates in (buttons and the keyboard), creates a poll with a custom rule in
// the page (at least 2/3 of the votes cast, abstentions not counted, quorum more than 1/2
// present), opens it, four delegates' tablets vote over /ws, the page counts the ballots live,
// closes, publishes and shows the signed result's key fingerprint; the After page checks the
// event log's hash chain in the browser. The server's state is checked over REST at each step.
// Attacks through the workspace: no session, missing or wrong CSRF token, an observer's change,
// and a disabled account whose open page goes back to the login.
//
// Screenshots of every Run and After page in Vietnamese and English at 1366x768 and 1920x1080
// go to $CHAMBER_SHOTS_DIR (else the build directory's workspace-run-screenshots).
#include "accounts.h"
#include "browser.h"
#include "enroll.h"
#include "protocol/receipt.h"
#include "restcall.h"
#include "serverprocess.h"
#include "workspacesession.h"
#include "wsclient.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <map>
#include <memory>

using namespace chamber;
using namespace chamber::testing;

namespace {

const QString kXss = QStringLiteral("<img src=x onerror=alert(1)>");
const QString kSecretary = QStringLiteral("thuky");
const QString kObserver = QStringLiteral("baochi");
const QString kPassword = QStringLiteral("mat-khau-du-dai-2026");

QByteArray body(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestWorkspaceRun : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_server;
    Browser m_browser;
    CdpClient m_page;
    std::map<qint64, std::unique_ptr<WsClient>> m_tablets; // delegate -> its tablet
    qint64 m_poll = 0;
    QString m_shots;

    RestResponse admin(const QByteArray &method, const QString &path, const QByteArray &data = {})
    {
        return restCall(method, m_server.baseUrl() + QStringLiteral("/api/v1") + path,
            m_server.pin(), m_server.adminToken(), data);
    }

    QJsonObject meetingState() { return admin("GET", QStringLiteral("/meetings/1")).json(); }

    bool present(qint64 delegate)
    {
        for (const QJsonValue &d : meetingState().value(QLatin1String("delegates")).toArray()) {
            if (d.toObject().value(QLatin1String("id")).toInteger() == delegate)
                return d.toObject().value(QLatin1String("present")).toBool();
        }
        return false;
    }

    bool waitFor(const QString &condition, int timeoutMs = 15000)
    {
        return m_page.waitForOrReport(condition, timeoutMs);
    }

    QString text(const QString &selector) { return m_page.textOf(selector); }

    bool click(const QString &selector) { return m_page.click(selector); }

    void key(const QString &name, int code)
    {
        for (const char *type : {"keyDown", "keyUp"}) {
            m_page.call(QStringLiteral("Input.dispatchKeyEvent"),
                {{QStringLiteral("type"), QLatin1String(type)}, {QStringLiteral("key"), name},
                    {QStringLiteral("code"), name}, {QStringLiteral("windowsVirtualKeyCode"), code},
                    {QStringLiteral("nativeVirtualKeyCode"), code}});
        }
    }

    bool open(const QString &view)
    {
        return m_page.navigate(m_server.baseUrl() + QStringLiteral("/#/m/1/") + view)
            && waitFor(QStringLiteral("!!document.querySelector('.run-view') && "
                                      "!document.querySelector('.run-view .run-message:not(:empty)"
                                      ":not(.error)')"));
    }

    // Every user-supplied string is text: the payload is shown and no <img> was made from it.
    void noInjectedImages() { QCOMPARE(injectedImageTraces(m_page), 0); }

    void screenshots(const QString &name) { QVERIFY(saveOfficeScreenshots(m_page, m_shots, name)); }

    void setLanguage(const QString &code)
    {
        m_page.evaluate(
            QStringLiteral("localStorage.setItem('chamber.lang', %1)").arg(jsString(code)));
    }

    void vote(qint64 delegate, const QString &choice)
    {
        const QJsonObject reply = m_tablets.at(delegate)->request(
            {{QStringLiteral("type"), QStringLiteral("ballot.cast")},
                {QStringLiteral("meeting"), 1}, {QStringLiteral("poll"), m_poll},
                {QStringLiteral("delegate"), delegate}, {QStringLiteral("choice"), choice},
                {QStringLiteral("key"), protocol::makeBallotKey()}});
        QCOMPARE(reply.value(QLatin1String("type")).toString(), QStringLiteral("ok"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!Browser::executable().isEmpty(),
            "chromium is missing: install the Debian package `chromium` (scripts/test.sh does)");
        m_shots = qEnvironmentVariable(
            "CHAMBER_SHOTS_DIR", QStringLiteral(CHAMBER_BIN_DIR "/../workspace-run-screenshots"));
        QVERIFY(QDir().mkpath(m_shots));
        QVERIFY(m_server.start());
        // The meeting, prepared over REST with the admin token (the prepare test does it in
        // the page); one delegate and one item carry an HTML payload as their name.
        QCOMPARE(admin("POST", QStringLiteral("/meetings"),
                     body({{QStringLiteral("title"), QStringLiteral("Kỳ họp thứ 14 — HĐND tỉnh")}}))
                     .status,
            201);
        const QStringList names {QStringLiteral("Nguyễn Văn An"), QStringLiteral("Trần Thị Bình"),
            QStringLiteral("Lê Hoàng Phúc"), QStringLiteral("Phạm Minh Châu"),
            QStringLiteral("Võ Thị Dung"), kXss};
        for (int i = 0; i < names.size(); ++i) {
            QCOMPARE(admin("POST", QStringLiteral("/meetings/1/delegates"),
                         body({{QStringLiteral("name"), names.at(i)},
                             {QStringLiteral("seat"), QStringLiteral("A%1").arg(i + 1)},
                             {QStringLiteral("group"), QStringLiteral("Tổ %1").arg(i % 2 + 1)}}))
                         .status,
                201);
        }
        for (const QString &title : {QStringLiteral("Khai mạc kỳ họp"), kXss,
                 QStringLiteral("Nghị quyết về ngân sách năm 2027")}) {
            QCOMPARE(admin("POST", QStringLiteral("/meetings/1/agenda"),
                         body({{QStringLiteral("title"), title}}))
                         .status,
                201);
        }
        QCOMPARE(createAccount(m_server, kSecretary, QStringLiteral("secretary"), kPassword).status,
            201);
        QCOMPARE(
            createAccount(m_server, kObserver, QStringLiteral("observer"), kPassword).status, 201);
        // The tablets of delegates 1 to 4, enrolled as kiosks are.
        for (qint64 delegate = 1; delegate <= 4; ++delegate) {
            const QString credential
                = enrollDevice(m_server, 1, QStringLiteral("delegate"), delegate);
            QVERIFY(!credential.isEmpty());
            auto tablet = std::make_unique<WsClient>(m_server.pin());
            QVERIFY(tablet->connectAndHello(m_server.wsUrl(), credential.toUtf8()));
            m_tablets[delegate] = std::move(tablet);
        }

        QVERIFY2(m_browser.start({QStringLiteral("--ignore-certificate-errors")}),
            qPrintable(m_browser.errors()));
        QVERIFY(m_page.open(m_browser.pageWebSocketUrl()));
        QVERIFY(m_page.setViewport(1366, 768));
        // A Vietnamese office PC: the workspace starts in Vietnamese.
        QString error;
        m_page.call(QStringLiteral("Emulation.setUserAgentOverride"),
            {{QStringLiteral("userAgent"),
                 QStringLiteral("Mozilla/5.0 (X11; Linux x86_64) Chamber-test")},
                {QStringLiteral("acceptLanguage"), QStringLiteral("vi-VN,vi")}},
            10000, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // An alert() from injected markup would be recorded here.
        m_page.call(QStringLiteral("Page.addScriptToEvaluateOnNewDocument"),
            {{QStringLiteral("source"),
                QStringLiteral(
                    "window.alert = () => { window.__alerted = (window.__alerted || 0) + 1; };")}});
    }

    void noSessionGetsTheLogin()
    {
        // API: 401. The page: the workspace's HTML, which shows the login.
        QCOMPARE(
            restCall("GET", m_server.baseUrl() + QStringLiteral("/api/v1/meetings"), m_server.pin())
                .status,
            401);
        const RestResponse page
            = restCall("GET", m_server.baseUrl() + QStringLiteral("/"), m_server.pin());
        QCOMPARE(page.status, 200);
        QVERIFY(page.header("Content-Type").startsWith("text/html"));
        QVERIFY(m_page.navigate(m_server.baseUrl() + QStringLiteral("/#/m/1/run")));
        QVERIFY(waitFor(QStringLiteral("location.hash.startsWith('#/login')")));
    }

    void secretaryChecksDelegatesIn()
    {
        QVERIFY(loginInPage(m_page, kSecretary, kPassword));
        QVERIFY(open(QStringLiteral("run")));
        QVERIFY(
            waitFor(QStringLiteral("document.documentElement.dataset.ready === '1' && "
                                   "document.querySelectorAll('tr[data-delegate]').length === 6")));
        QVERIFY(text(QStringLiteral(".run-attendance")).contains(kXss));
        noInjectedImages();
        QVERIFY(click(QStringLiteral("[data-action=start]")));
        QVERIFY(
            waitFor(QStringLiteral("!!document.querySelector('.badge[data-status=in_session]')")));
        QCOMPARE(
            meetingState().value(QLatin1String("status")).toString(), QStringLiteral("in_session"));
        for (int delegate = 1; delegate <= 4; ++delegate) {
            QVERIFY(
                click(QStringLiteral("tr[data-delegate='%1'] [data-action=toggle]").arg(delegate)));
            QVERIFY(waitFor(QStringLiteral("document.querySelector(\"tr[data-delegate='%1']\")"
                                           ".dataset.present === '1'")
                                .arg(delegate)));
            QVERIFY(present(delegate));
        }
        // With the keyboard: type a name into the search box, Enter.
        QVERIFY(m_page.evaluate(QStringLiteral("document.querySelector('.run-search').focus(), 1"))
                    .toInt());
        m_page.call(QStringLiteral("Input.insertText"),
            {{QStringLiteral("text"), QStringLiteral("Võ Thị")}});
        QVERIFY(waitFor(QStringLiteral("[...document.querySelectorAll('tr[data-delegate]')].filter("
                                       "r => !r.hidden).length === 1")));
        key(QStringLiteral("Enter"), 13);
        QVERIFY(waitFor(QStringLiteral(
            "document.querySelector(\"tr[data-delegate='5']\").dataset.present === '1'")));
        QVERIFY(present(5));
        // 5 of 6 present: more than 1/2 of the members (4 needed).
        QVERIFY(waitFor(
            QStringLiteral("document.querySelector('.run-present').textContent === '5/6'")));
        QVERIFY(
            text(QStringLiteral(".run-quorum-state")).contains(QStringLiteral("Đủ số đại biểu")));
        QVERIFY(text(QStringLiteral(".run-quorum-rule")).contains(QStringLiteral("quá 1/2")));
        // Selecting the current item.
        QVERIFY(m_page
                    .evaluate(QStringLiteral(
                        "(s => { s.value = '2'; s.dispatchEvent(new Event('change')); return 1; })"
                        "(document.querySelector('.run-item-select'))"))
                    .toInt());
        QVERIFY(waitFor(QStringLiteral("document.querySelector('.run-current-title').textContent"
                                       ".includes(%1)")
                            .arg(jsString(kXss))));
        QCOMPARE(meetingState().value(QLatin1String("currentItem")).toInteger(), 2);
        // The selector shows the current item too (after the change came back over /ws).
        QVERIFY(
            waitFor(QStringLiteral("document.querySelector('.run-item-select').value === '2'")));
        noInjectedImages();
    }

    void pollWithACustomRule()
    {
        QVERIFY(open(QStringLiteral("polls")));
        QVERIFY(waitFor(QStringLiteral("!!document.querySelector('.run-pollform')")));
        // At least 2/3 of the votes cast, abstentions not counted, quorum more than 1/2 present.
        const QString fill = QStringLiteral(
            "(f => { const e = f.elements; e.title.value = %1; e.preset.value = 'custom';"
            " e.inclusive.value = 'true'; e.numerator.value = '2'; e.denominator.value = '3';"
            " e.base.value = 'cast'; e.abstentionsInBase.checked = false; e.useQuorum.checked = "
            "true;"
            " e.quorumInclusive.value = 'false'; e.quorumNumerator.value = '1';"
            " e.quorumDenominator.value = '2';"
            " f.dispatchEvent(new Event('change', {bubbles: true})); return 1; })"
            "(document.querySelector('.run-pollform'))")
                                 .arg(jsString(kXss));
        QVERIFY(m_page.evaluate(fill).toInt());
        QCOMPARE(text(QStringLiteral(".run-rule-words")),
            QStringLiteral("Thông qua khi: ít nhất 2/3 số phiếu biểu quyết, không tính phiếu không "
                           "biểu quyết; điều kiện có mặt: quá 1/2 đại biểu"));
        QVERIFY(m_page
                    .evaluate(QStringLiteral(
                        "document.querySelector('.run-pollform [type=submit]').click(), 1"))
                    .toInt());
        QVERIFY(
            waitFor(QStringLiteral("document.querySelectorAll('.run-poll-link').length === 1")));
        const QJsonArray polls = meetingState().value(QLatin1String("polls")).toArray();
        QCOMPARE(polls.size(), 1);
        const QJsonObject poll = polls.at(0).toObject();
        m_poll = poll.value(QLatin1String("id")).toInteger();
        QCOMPARE(poll.value(QLatin1String("title")).toString(), kXss);
        const QJsonObject rule = poll.value(QLatin1String("rule")).toObject();
        QCOMPARE(rule.value(QLatin1String("numerator")).toInt(), 2);
        QCOMPARE(rule.value(QLatin1String("denominator")).toInt(), 3);
        QCOMPARE(rule.value(QLatin1String("inclusive")).toBool(), true);
        QCOMPARE(rule.value(QLatin1String("base")).toString(), QStringLiteral("cast"));
        QCOMPARE(rule.value(QLatin1String("abstentionsInBase")).toBool(), false);
        QCOMPARE(rule.value(QLatin1String("quorum"))
                     .toObject()
                     .value(QLatin1String("numerator"))
                     .toInt(),
            1);
        // The server's own words for the rule are shown beside the page's.
        QVERIFY(waitFor(
            QStringLiteral("document.querySelector('.run-server-rule').textContent"
                           ".includes('at least 2/3 of votes cast, abstentions excluded')")));
        noInjectedImages();

        QVERIFY(click(QStringLiteral("[data-action=open]")));
        QVERIFY(waitFor(QStringLiteral("!!document.querySelector('.run-cast')")));
        // Two yes, one no, one abstention: 2 of 3 counted votes reach 2/3 (with abstentions
        // counted, 2 of 4 would not).
        vote(1, QStringLiteral("yes"));
        vote(2, QStringLiteral("yes"));
        vote(3, QStringLiteral("no"));
        QVERIFY(
            waitFor(QStringLiteral("document.querySelector('.run-cast').dataset.cast === '3'")));
        vote(4, QStringLiteral("abstain"));
        QVERIFY(waitFor(
            QStringLiteral("document.querySelector('.run-cast').dataset.cast === '4' && "
                           "document.querySelector('.run-cast').dataset.eligible === '5'")));
        // Delegate 5 is present without a tablet: named as not having voted.
        QVERIFY(waitFor(QStringLiteral("document.querySelector('.run-pending').textContent"
                                       ".includes('Võ Thị Dung')")));
        const RestResponse open = admin("GET", QStringLiteral("/meetings/1/polls/%1").arg(m_poll));
        QCOMPARE(open.json()
                     .value(QLatin1String("progress"))
                     .toObject()
                     .value(QLatin1String("cast"))
                     .toInt(),
            4);
        screenshots(QStringLiteral("polls-open-vi"));

        QVERIFY(click(QStringLiteral("[data-action=close]")));
        QVERIFY(waitFor(QStringLiteral("!!document.querySelector('.run-verdict')")));
        QCOMPARE(
            m_page
                .evaluate(QStringLiteral("document.querySelector('.run-verdict').dataset.verdict"))
                .toString(),
            QStringLiteral("passed"));
        QVERIFY(click(QStringLiteral("[data-action=publish]")));
        QVERIFY(
            waitFor(QStringLiteral("!!document.querySelector('.run-signed[data-fingerprint]')")));
        const QString fingerprint
            = m_page
                  .evaluate(
                      QStringLiteral("document.querySelector('.run-signed').dataset.fingerprint"))
                  .toString();
        const QJsonObject server = admin("GET", QStringLiteral("/server")).json();
        QCOMPARE(fingerprint, server.value(QLatin1String("signingKeyFingerprint")).toString());
        QVERIFY(text(QStringLiteral(".run-fingerprint")) == fingerprint);
        QVERIFY(
            waitFor(QStringLiteral("document.querySelector('.run-signed .badge.ok') !== null")));
        QVERIFY(text(QStringLiteral(".run-signed .run-command"))
                    .startsWith(QStringLiteral("chamberctl verify result-")));
        // The server's record of it.
        const QJsonObject result
            = admin("GET", QStringLiteral("/meetings/1/polls/%1/result").arg(m_poll)).json();
        const QJsonObject outcome = result.value(QLatin1String("document"))
                                        .toObject()
                                        .value(QLatin1String("outcome"))
                                        .toObject();
        QCOMPARE(outcome.value(QLatin1String("verdict")).toString(), QStringLiteral("passed"));
        QCOMPARE(outcome.value(QLatin1String("base")).toInt(), 3);
        QCOMPARE(outcome.value(QLatin1String("required")).toInt(), 2);
        QCOMPARE(text(QStringLiteral(".run-signature")),
            result.value(QLatin1String("signature")).toString());
        noInjectedImages();
    }

    void speakersList()
    {
        QVERIFY(open(QStringLiteral("speakers")));
        QVERIFY(admin("POST", QStringLiteral("/meetings/1/speakers/request"), R"({"delegate":2})")
                    .status
            == 200);
        QVERIFY(admin("POST", QStringLiteral("/meetings/1/speakers/request"), R"({"delegate":6})")
                    .status
            == 200);
        QVERIFY(
            waitFor(QStringLiteral("document.querySelectorAll('.run-queue-entry').length === 2")));
        // Delegate 6 (the payload's name) moves up, then gets the floor from the first place.
        QVERIFY(click(QStringLiteral(".run-queue-entry[data-position='1'] [data-action=up]")));
        QVERIFY(
            waitFor(QStringLiteral("document.querySelector(\".run-queue-entry[data-position='0']\")"
                                   ".textContent.includes(%1)")
                        .arg(jsString(kXss))));
        // The first cannot move up, the last not down.
        QVERIFY(m_page
                    .evaluate(QStringLiteral("document.querySelector(\".run-queue-entry[data-"
                                             "position='0'] [data-action=up]\").disabled && "
                                             "document.querySelector(\".run-queue-entry[data-"
                                             "position='1'] [data-action=down]\").disabled"))
                    .toBool());
        QVERIFY(click(QStringLiteral("[data-action=grant-next]")));
        QVERIFY(waitFor(
            QStringLiteral("document.querySelector('.run-speaker-now') && "
                           "document.querySelector('.run-clock').textContent.includes('Đã nói')")));
        QCOMPARE(meetingState()
                     .value(QLatin1String("speakers"))
                     .toObject()
                     .value(QLatin1String("current"))
                     .toInt(),
            6);
        noInjectedImages();
        screenshots(QStringLiteral("speakers-vi"));
        QTest::qWait(1100);
        QVERIFY(click(QStringLiteral("[data-action=end-speech]")));
        QVERIFY(waitFor(
            QStringLiteral("!document.querySelector('.run-speaker-now') && "
                           "document.querySelectorAll('.run-totals tbody tr').length === 1")));
    }

    void afterChecksTheChain()
    {
        QVERIFY(open(QStringLiteral("after")));
        QVERIFY(
            waitFor(QStringLiteral("document.querySelector('.run-chain') && "
                                   "document.querySelector('.run-chain').dataset.intact === '1'"),
                20000));
        const RestResponse log
            = admin("GET", QStringLiteral("/meetings/1/events?since=0&limit=100000"));
        QCOMPARE(log.status, 200);
        const QList<QByteArray> lines = log.body.trimmed().split('\n');
        const QString head = QJsonDocument::fromJson(lines.last())
                                 .object()
                                 .value(QLatin1String("hash"))
                                 .toString();
        QCOMPARE(
            m_page.evaluate(QStringLiteral("document.querySelector('.run-chain').dataset.events"))
                .toString(),
            QString::number(lines.size()));
        QCOMPARE(text(QStringLiteral(".run-head-hash")), head);
        QCOMPARE(text(QStringLiteral(".run-chain")),
            QStringLiteral("Chuỗi băm nguyên vẹn: %1 sự kiện").arg(lines.size()));
        // The same check finds an edited event (the payload's name changed in one line).
        const QString tampered = QStringLiteral(
            "import('/web/workspace/views/after-chain.js').then(m => fetch("
            "'/api/v1/meetings/1/events?since=0&limit=100000').then(r => r.text()).then(t => "
            "m.verifyChain(t.replace('Võ Thị Dung', 'Võ Thị Dũng')))).then(c => c.intact + ' ' + "
            "(c.problem && c.problem.reason))");
        QCOMPARE(m_page.evaluate(tampered).toString(), QStringLiteral("false edited"));
        QVERIFY(
            text(QStringLiteral(".run-after-attendance")).contains(QStringLiteral("Võ Thị Dung")));
        QVERIFY(text(QStringLiteral(".run-after-speaking")).contains(kXss));
        QVERIFY(text(QStringLiteral(".run-results")).contains(kXss));
        noInjectedImages();
    }

    void screenshotsOfEveryPage()
    {
        for (const QString &code : {QStringLiteral("vi"), QStringLiteral("en")}) {
            setLanguage(code);
            for (const QString &view : {QStringLiteral("run"), QStringLiteral("speakers"),
                     QStringLiteral("polls"), QStringLiteral("after")}) {
                QVERIFY(m_page.navigate(QStringLiteral("about:blank")));
                QVERIFY(open(view));
                QTest::qWait(view == QLatin1String("after") ? 1500 : 500);
                screenshots(QStringLiteral("%1-%2").arg(view, code));
                if (view == QLatin1String("after")) {
                    // The log's card, further down: the chain check and the command.
                    m_page.evaluate(
                        QStringLiteral("document.querySelector('.run-log').scrollIntoView(), 1"));
                    screenshots(QStringLiteral("after-log-%1").arg(code));
                }
            }
        }
        QVERIFY(text(QStringLiteral(".run-chain")).startsWith(QStringLiteral("Chain intact")));
        setLanguage(QStringLiteral("vi"));
    }

    void csrfIsRequired()
    {
        QVERIFY(!present(6));
        const QString post = QStringLiteral(
            "fetch('/api/v1/meetings/1/delegates/6/check-in', {method: 'POST', credentials: "
            "'same-origin', headers: {'Content-Type': 'application/json'%1}, body: '{}'}).then(r "
            "=> r.status)");
        QCOMPARE(m_page.evaluate(post.arg(QString())).toInt(), 403);
        QCOMPARE(
            m_page.evaluate(post.arg(QStringLiteral(", 'X-CSRF-Token': 'not-the-token'"))).toInt(),
            403);
        QVERIFY(!present(6));
    }

    void observerMayNotChange()
    {
        const BrowserSession observer = logIn(m_server, kObserver, kPassword);
        QVERIFY(observer.ok());
        QCOMPARE(
            asBrowser(m_server, observer, "GET", QStringLiteral("/api/v1/meetings/1")).status, 200);
        QCOMPARE(asBrowser(m_server, observer, "POST",
                     QStringLiteral("/api/v1/meetings/1/delegates/6/check-in"), "{}")
                     .status,
            403);
        QCOMPARE(asBrowser(m_server, observer, "POST", QStringLiteral("/api/v1/meetings/1/polls"),
                     R"({"title":"x","rule":{"preset":"simple-majority"}})")
                     .status,
            403);
        QVERIFY(!present(6));
        QCOMPARE(meetingState().value(QLatin1String("polls")).toArray().size(), 1);
    }

    void disabledAccountIsLoggedOut()
    {
        QVERIFY(open(QStringLiteral("run")));
        QVERIFY(waitFor(QStringLiteral("document.documentElement.dataset.ready === '1'")));
        QCOMPARE(
            admin("PATCH", QStringLiteral("/accounts/%1").arg(kSecretary), R"({"disabled":true})")
                .status,
            200);
        // The open page learns it from its /ws connection, which the server ends at once.
        QVERIFY(waitFor(QStringLiteral("location.hash.startsWith('#/login')"), 10000));
        QCOMPARE(
            m_page.evaluate(QStringLiteral("fetch('/api/v1/session').then(r => r.status)")).toInt(),
            401);
    }

    void cleanupTestCase() { m_browser.stop(); }
};

QTEST_MAIN(TestWorkspaceRun)
#include "test_workspace_run.moc"
