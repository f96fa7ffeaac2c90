// The follow-up board in a real browser: headless Chromium (the Debian package) driven over the
// DevTools protocol against the real chamberd, whose clock is a file the test rewrites
// (--test-clock). A council with tasks in every colour (made through REST with the admin token)
// and a board link: the lobby screen (1920×1080) shows the counts and colours per owner, a task
// named like markup stays text, Enter on a task opens its history, the filters narrow the
// board and live in the address, a task set done by REST and a deadline passed on the clock
// change the board without a reload (board.changed, no polling), English works, a phone's
// width works, and a revoked link says so. Screenshots go to /tmp/ws15/shots/board/ (or
// $CHAMBER_BOARD_SHOTS).
//
// Chromium missing is a failure, not a skip: scripts/test.sh installs it.
#include "accounts.h"
#include "browser.h"
#include "restcall.h"
#include "serverprocess.h"
#include "workspacesession.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace chamber;
using namespace chamber::testing;

namespace {

const QString kXssTitle = QStringLiteral("<img src=x onerror=alert(1)>");
// The council's tasks are created at T0; the board is looked at 35 days later (T1).
const QDateTime kT0 = QDateTime::fromString(QStringLiteral("2027-01-01T03:00:00Z"), Qt::ISODate);
const QDateTime kT1 = kT0.addDays(35);

QString iso(const QDateTime &instant)
{
    return instant.toUTC().toString(Qt::ISODate);
}

QJsonObject resultOf(const RestResponse &response)
{
    const QJsonObject json = response.json();
    return json.contains(QLatin1String("result")) ? json.value(QLatin1String("result")).toObject()
                                                  : json;
}

QByteArray body(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

} // namespace

class TestBoardBrowser : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_clockFile;
    ServerProcess m_server;
    Browser m_browser;
    CdpClient m_page;
    qint64 m_council = 0;
    qint64 m_otherCouncil = 0;
    QString m_url;
    QString m_token;
    qint64 m_link = 0;
    // Tasks by what they show at T1.
    qint64 m_overdue = 0, m_dueSoon = 0, m_onTime = 0, m_done = 0, m_xss = 0, m_turnsRed = 0;
    qint64 m_finance = 0, m_planning = 0, m_member = 0;
    QString m_shots;

    void setClock(const QDateTime &instant)
    {
        QFile file(m_clockFile);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(iso(instant).toLatin1() + '\n');
    }

    RestResponse call(const QByteArray &method, const QString &path, const QByteArray &token,
        const QByteArray &payload = {})
    {
        return restCall(method, m_server.baseUrl() + QStringLiteral("/api/v1") + path,
            m_server.pin(), token, payload);
    }
    RestResponse admin(const QByteArray &method, const QString &path, const QJsonObject &json = {})
    {
        return call(
            method, path, m_server.adminToken(), json.isEmpty() ? QByteArray() : body(json));
    }

    qint64 created(const RestResponse &response, const char *field)
    {
        if (response.status != 200 && response.status != 201)
            qWarning("%s", response.body.constData());
        return resultOf(response).value(QLatin1String(field)).toInteger();
    }

    qint64 task(
        const QString &title, const char *ownerKind, qint64 owner, const QDateTime &deadline)
    {
        const qint64 id = created(
            admin("POST", QStringLiteral("/councils/%1/tasks").arg(m_council),
                {{QStringLiteral("title"), title},
                    {QStringLiteral("ownerKind"), QLatin1String(ownerKind)},
                    {QStringLiteral("owner"), owner}, {QStringLiteral("deadline"), iso(deadline)}}),
            "task");
        return id;
    }

    bool setStatus(qint64 taskId, const char *status, const QString &reason = {})
    {
        QJsonObject json {{QStringLiteral("status"), QLatin1String(status)}};
        if (!reason.isEmpty())
            json.insert(QStringLiteral("reason"), reason);
        const RestResponse answer = admin("POST",
            QStringLiteral("/councils/%1/tasks/%2/status").arg(m_council).arg(taskId), json);
        if (answer.status != 200)
            qWarning("%s", answer.body.constData());
        return answer.status == 200;
    }

    bool waitFor(const QString &condition, int timeoutMs = 15000)
    {
        return m_page.waitForOrReport(condition, timeoutMs);
    }
    QString eval(const QString &expression) { return m_page.evaluate(expression).toString(); }
    QString card(qint64 taskId)
    {
        return QStringLiteral("#board .task[data-task=\"%1\"]").arg(taskId);
    }

    void screenshot(const QString &name, int width)
    {
        const QByteArray png = m_page.screenshot();
        const QImage image = QImage::fromData(png, "PNG");
        QCOMPARE(image.width(), width);
        QDir().mkpath(m_shots);
        QFile file(m_shots + u'/' + name);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(png);
    }

    // Opens the board at `fragmentTail` (after the token) and waits until it is drawn.
    void openBoard(const QString &fragmentTail = {})
    {
        QVERIFY(m_page.navigate(QStringLiteral("about:blank")));
        QVERIFY(m_page.navigate(m_url + fragmentTail));
        QVERIFY(waitFor(QStringLiteral("document.body.dataset.state === 'ready'")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!Browser::executable().isEmpty(),
            "chromium is missing: install the Debian package `chromium` (scripts/test.sh does)");
        m_shots
            = qEnvironmentVariable("CHAMBER_BOARD_SHOTS", QStringLiteral("/tmp/ws15/shots/board"));
        QVERIFY(m_dir.isValid());
        m_clockFile = m_dir.filePath(QStringLiteral("clock"));
        setClock(kT0);
        QVERIFY(m_server.start({QStringLiteral("--test-clock"), m_clockFile}));

        m_council
            = created(admin("POST", QStringLiteral("/councils"),
                          {{QStringLiteral("name"), QStringLiteral("HĐND tỉnh Tiền Giang khóa X")},
                              {QStringLiteral("term"), QStringLiteral("2021–2026")},
                              {QStringLiteral("amberDays"), 7}}),
                "council");
        QVERIFY(m_council > 0);
        m_otherCouncil
            = created(admin("POST", QStringLiteral("/councils"),
                          {{QStringLiteral("name"), QStringLiteral("HĐND huyện Chợ Gạo")}}),
                "council");
        QVERIFY(m_otherCouncil > 0);
        const QString organisations = QStringLiteral("/councils/%1/organisations").arg(m_council);
        m_finance = created(admin("POST", organisations,
                                {{QStringLiteral("name"), QStringLiteral("Sở Tài chính")},
                                    {QStringLiteral("kind"), QStringLiteral("department")}}),
            "organisation");
        m_planning = created(admin("POST", organisations,
                                 {{QStringLiteral("name"), QStringLiteral("Sở Kế hoạch và Đầu tư")},
                                     {QStringLiteral("kind"), QStringLiteral("department")}}),
            "organisation");
        m_member
            = created(admin("POST", QStringLiteral("/councils/%1/members").arg(m_council),
                          {{QStringLiteral("name"), QStringLiteral("Nguyễn Văn An")},
                              {QStringLiteral("title"), QStringLiteral("Phó Chủ tịch HĐND tỉnh")}}),
                "member");
        QVERIFY(m_finance > 0 && m_planning > 0 && m_member > 0);

        // Seen at T1: overdue by 5 days, 3 days left (amber), well ahead (green), done, a
        // name that is markup (green), and one amber for two hours more.
        m_overdue = task(QStringLiteral("Báo cáo tiến độ giải ngân vốn đầu tư công"),
            "organisation", m_finance, kT1.addDays(-5));
        m_dueSoon = task(QStringLiteral("Rà soát phương án bố trí vốn năm 2027"), "organisation",
            m_finance, kT1.addDays(3));
        m_onTime = task(QStringLiteral("Kiểm tra việc thực hiện kết luận thanh tra"), "member",
            m_member, kT1.addDays(40));
        m_done = task(QStringLiteral("Hoàn thiện hồ sơ điều chỉnh quy hoạch"), "organisation",
            m_planning, kT1.addDays(20));
        m_xss = task(kXssTitle, "organisation", m_planning, kT1.addDays(30));
        m_turnsRed = task(QStringLiteral("Trình đề án nâng cấp tuyến đường tỉnh 864"),
            "organisation", m_planning, kT1.addSecs(2 * 3600));
        for (qint64 id : {m_overdue, m_dueSoon, m_onTime, m_done, m_xss, m_turnsRed})
            QVERIFY(id > 0);
        QVERIFY(setStatus(m_overdue, "inProgress"));
        QVERIFY(setStatus(m_done, "inProgress"));
        QVERIFY(setStatus(m_done, "done"));
        QCOMPARE(admin("POST",
                     QStringLiteral("/councils/%1/tasks/%2/notes").arg(m_council).arg(m_overdue),
                     {{QStringLiteral("text"), QStringLiteral("Đã gửi dự thảo báo cáo lần 1")}})
                     .status,
            200);
        setClock(kT1);

        const RestResponse link
            = admin("POST", QStringLiteral("/councils/%1/board-links").arg(m_council));
        QCOMPARE(link.status, 201);
        m_url = link.json().value(QLatin1String("url")).toString();
        m_token = link.json().value(QLatin1String("token")).toString();
        m_link = link.json().value(QLatin1String("id")).toInteger();
        QVERIFY2(m_url.contains(QStringLiteral("/board/#") + m_token), qPrintable(m_url));
        QVERIFY(link.json().value(QLatin1String("svg")).toString().startsWith(QLatin1String("<")));

        QVERIFY2(m_browser.start({QStringLiteral("--ignore-certificate-errors")}),
            qPrintable(m_browser.errors()));
        const QString target = m_browser.pageWebSocketUrl();
        QVERIFY(!target.isEmpty());
        QVERIFY(m_page.open(target));
        QVERIFY(m_page.setViewport(1920, 1080));
        // An English browser: the board is Vietnamese all the same, unless asked.
        QString error;
        m_page.call(QStringLiteral("Emulation.setUserAgentOverride"),
            {{QStringLiteral("userAgent"), QStringLiteral("Mozilla/5.0 Chamber-test")},
                {QStringLiteral("acceptLanguage"), QStringLiteral("en-GB,en")}},
            10000, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // Any alert() (markup that ran) is counted, not shown.
        m_page.call(QStringLiteral("Page.addScriptToEvaluateOnNewDocument"),
            {{QStringLiteral("source"),
                QStringLiteral("window.alerts = 0; window.alert = () => { window.alerts++; };")}},
            10000, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void linkReadsItsOwnBoardOnly()
    {
        const QByteArray token = m_token.toLatin1();
        const RestResponse own = call("GET", QStringLiteral("/board-link"), token);
        QCOMPARE(own.status, 200);
        QCOMPARE(own.json().value(QLatin1String("council")).toInteger(), m_council);
        QCOMPARE(
            call("GET", QStringLiteral("/councils/%1/board").arg(m_council), token).status, 200);
        QCOMPARE(
            call("GET", QStringLiteral("/councils/%1/board").arg(m_otherCouncil), token).status,
            403);
        QCOMPARE(call("GET", QStringLiteral("/meetings"), token).status, 403);
        QCOMPARE(
            call("POST", QStringLiteral("/councils/%1/board-links").arg(m_council), token).status,
            403);
        QCOMPARE(
            call("POST", QStringLiteral("/councils/%1/tasks/%2/status").arg(m_council).arg(m_done),
                token, R"({"status":"open","reason":"x"})")
                .status,
            403);
        // The database keeps the token's hash only.
        QCOMPARE(call("GET", QStringLiteral("/board-link"), "b1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                     .status,
            401);
    }

    void lobbyShowsColoursAndCounts()
    {
        openBoard();
        QCOMPARE(eval(QStringLiteral("document.documentElement.lang")), QStringLiteral("vi"));
        QCOMPARE(
            m_page.textOf(QStringLiteral("#name")), QStringLiteral("HĐND tỉnh Tiền Giang khóa X"));
        const auto total = [this](const char *colour) {
            return m_page.textOf(
                QStringLiteral("#totals .chip[data-colour=\"%1\"] .n").arg(QLatin1String(colour)));
        };
        QCOMPARE(total("overdue"), QStringLiteral("1"));
        QCOMPARE(total("dueSoon"), QStringLiteral("2"));
        QCOMPARE(total("onTime"), QStringLiteral("2"));
        QCOMPARE(total("done"), QStringLiteral("1"));
        QVERIFY(m_page.textOf(QStringLiteral("#totals .chip[data-colour=\"overdue\"]"))
                    .contains(QStringLiteral("Quá hạn")));
        // Per owner: Sở Tài chính has one red and one amber, and comes first (most overdue).
        QCOMPARE(eval(QStringLiteral("document.querySelector('#board .owner').dataset.owner")),
            QStringLiteral("organisation-%1").arg(m_finance));
        const QString finance
            = QStringLiteral("#board .owner[data-owner=\"organisation-%1\"]").arg(m_finance);
        QCOMPARE(m_page.textOf(finance + QStringLiteral(" .mini[data-colour=\"overdue\"]"))
                     .trimmed()
                     .right(1),
            QStringLiteral("1"));
        QCOMPARE(m_page.textOf(finance + QStringLiteral(" .mini[data-colour=\"dueSoon\"]"))
                     .trimmed()
                     .right(1),
            QStringLiteral("1"));
        // Each card: its colour as a word, an icon and the colour itself.
        const struct
        {
            qint64 task;
            const char *colour;
            const char *word;
            const char *rgb;
        } cards[] = {
            {m_overdue, "overdue", "Quá hạn", "rgb(198, 40, 40)"},
            {m_dueSoon, "dueSoon", "Sắp đến hạn", "rgb(178, 106, 0)"},
            {m_onTime, "onTime", "Đúng tiến độ", "rgb(46, 125, 50)"},
            {m_done, "done", "Đã hoàn thành", "rgb(138, 150, 163)"},
        };
        for (const auto &expected : cards) {
            const QString selector = card(expected.task);
            QCOMPARE(eval(QStringLiteral("document.querySelector(%1).dataset.colour")
                              .arg(jsString(selector))),
                QLatin1String(expected.colour));
            QVERIFY(m_page.textOf(selector + QStringLiteral(" .state"))
                        .contains(QString::fromUtf8(expected.word)));
            QCOMPARE(
                eval(QStringLiteral("getComputedStyle(document.querySelector(%1)).borderLeftColor")
                         .arg(jsString(selector))),
                QLatin1String(expected.rgb));
        }
        QVERIFY(m_page.textOf(card(m_overdue) + QStringLiteral(" .left"))
                    .contains(QStringLiteral("quá hạn 5 ngày")));
        QVERIFY(m_page.textOf(card(m_dueSoon) + QStringLiteral(" .left"))
                    .contains(QStringLiteral("còn 3 ngày")));
    }

    void namesStayText()
    {
        QCOMPARE(m_page.textOf(card(m_xss) + QStringLiteral(" .title")), kXssTitle);
        QCOMPARE(m_page.evaluate(QStringLiteral("document.querySelectorAll('#board img').length"))
                     .toInt(),
            0);
        QCOMPARE(m_page.evaluate(QStringLiteral("window.alerts")).toInt(), 0);
    }

    void screenshotsViAndEn()
    {
        screenshot(QStringLiteral("board-vi-1920x1080.png"), 1920);
        QVERIFY(m_page.click(QStringLiteral("#lang button[data-lang=\"en\"]")));
        QVERIFY(waitFor(QStringLiteral("document.documentElement.lang === 'en'")));
        QVERIFY(m_page.textOf(QStringLiteral("#totals .chip[data-colour=\"overdue\"]"))
                    .contains(QStringLiteral("Overdue")));
        QVERIFY(m_page.textOf(card(m_overdue) + QStringLiteral(" .left"))
                    .contains(QStringLiteral("5 days overdue")));
        QCOMPARE(
            m_page.textOf(QStringLiteral("#subtitle")), QStringLiteral("Follow-up of conclusions"));
        screenshot(QStringLiteral("board-en-1920x1080.png"), 1920);
        // ?lang=en in the address does the same; the switch back is kept by this screen.
        QVERIFY(m_page.click(QStringLiteral("#lang button[data-lang=\"vi\"]")));
        QVERIFY(waitFor(QStringLiteral("document.documentElement.lang === 'vi'")));
    }

    void historyOnEnter()
    {
        // Keyboard: focus the red card and press Enter (a real key press, through DevTools).
        QVERIFY(m_page
                    .evaluate(QStringLiteral(
                        "document.querySelector(%1).focus(), document.activeElement.dataset.task")
                                  .arg(jsString(card(m_overdue))))
                    .toString()
            == QString::number(m_overdue));
        for (const char *type : {"keyDown", "keyUp"}) {
            QString error;
            m_page.call(QStringLiteral("Input.dispatchKeyEvent"),
                {{QStringLiteral("type"), QLatin1String(type)},
                    {QStringLiteral("key"), QStringLiteral("Enter")},
                    {QStringLiteral("code"), QStringLiteral("Enter")},
                    {QStringLiteral("windowsVirtualKeyCode"), 13},
                    {QStringLiteral("text"), QStringLiteral("\r")}},
                10000, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        QVERIFY(
            waitFor(QStringLiteral("document.getElementById('history').open && "
                                   "document.querySelectorAll('#h-events .event').length >= 3")));
        const QString events = m_page.textOf(QStringLiteral("#h-events"));
        QVERIFY2(events.contains(QStringLiteral("Giao nhiệm vụ")), qPrintable(events));
        QVERIFY2(events.contains(QStringLiteral("Đang thực hiện")), qPrintable(events));
        QVERIFY2(
            events.contains(QStringLiteral("Đã gửi dự thảo báo cáo lần 1")), qPrintable(events));
        screenshot(QStringLiteral("board-history-vi-1920x1080.png"), 1920);
        QVERIFY(m_page.click(QStringLiteral("#h-close")));
        QVERIFY(waitFor(QStringLiteral("!document.getElementById('history').open")));
    }

    void filtersNarrowAndStayInTheAddress()
    {
        const auto choose = [this](const char *select, const QString &value) {
            return m_page
                .evaluate(QStringLiteral("(s => (s.value = %2, s.dispatchEvent(new "
                                         "Event('change')), s.value))(document.getElementById(%1))")
                              .arg(jsString(QLatin1String(select)), jsString(value)))
                .toString();
        };
        QCOMPARE(choose("f-status", QStringLiteral("overdue")), QStringLiteral("overdue"));
        QVERIFY(waitFor(QStringLiteral("document.querySelectorAll('#board .task').length === 1")));
        QCOMPARE(eval(QStringLiteral("document.querySelector('#board .task').dataset.task")),
            QString::number(m_overdue));
        QVERIFY(eval(QStringLiteral("location.hash")).contains(QStringLiteral("status=overdue")));
        QCOMPARE(choose("f-status", QString()), QString());
        QCOMPARE(choose("f-owner", QStringLiteral("organisation-%1").arg(m_planning)),
            QStringLiteral("organisation-%1").arg(m_planning));
        QVERIFY(waitFor(QStringLiteral("document.querySelectorAll('#board .owner').length === 1 && "
                                       "document.querySelectorAll('#board .task').length === 3")));
        // A lobby screen fixed to one department: the address opens the same view.
        openBoard(QStringLiteral("&owner=organisation-%1&status=dueSoon").arg(m_planning));
        QCOMPARE(eval(QStringLiteral("document.getElementById('f-owner').value")),
            QStringLiteral("organisation-%1").arg(m_planning));
        QCOMPARE(eval(QStringLiteral("document.getElementById('f-status').value")),
            QStringLiteral("dueSoon"));
        QCOMPARE(m_page.evaluate(QStringLiteral("document.querySelectorAll('#board .task').length"))
                     .toInt(),
            1);
        QCOMPARE(eval(QStringLiteral("document.querySelector('#board .task').dataset.task")),
            QString::number(m_turnsRed));
    }

    void liveChangesWithoutReload()
    {
        openBoard();
        m_page.evaluate(QStringLiteral("window.sameDocument = true"));
        QVERIFY(setStatus(m_dueSoon, "inProgress"));
        QVERIFY(setStatus(m_dueSoon, "done"));
        QVERIFY(waitFor(QStringLiteral("document.querySelector(%1).dataset.colour === 'done'")
                            .arg(jsString(card(m_dueSoon)))));
        QCOMPARE(m_page.textOf(QStringLiteral("#totals .chip[data-colour=\"done\"] .n")),
            QStringLiteral("2"));
        QVERIFY(m_page.evaluate(QStringLiteral("window.sameDocument === true")).toBool());
    }

    void clockTurnsATaskRed()
    {
        QCOMPARE(eval(QStringLiteral("document.querySelector(%1).dataset.colour")
                          .arg(jsString(card(m_turnsRed)))),
            QStringLiteral("dueSoon"));
        // Two hours and a second later the deadline has passed: the server announces it
        // (board.changed) and the page, which never polls, draws it red.
        setClock(kT1.addSecs(2 * 3600 + 1));
        QVERIFY(waitFor(QStringLiteral("document.querySelector(%1).dataset.colour === 'overdue'")
                            .arg(jsString(card(m_turnsRed))),
            20000));
        QCOMPARE(m_page.textOf(QStringLiteral("#totals .chip[data-colour=\"overdue\"] .n")),
            QStringLiteral("2"));
        QVERIFY(m_page.evaluate(QStringLiteral("window.sameDocument === true")).toBool());
        screenshot(QStringLiteral("board-vi-after-clock-1920x1080.png"), 1920);
    }

    void phoneWidth()
    {
        QVERIFY(m_page.setViewport(390, 844, 1.0, true));
        openBoard(QStringLiteral("&lang=en"));
        QCOMPARE(eval(QStringLiteral("document.documentElement.lang")), QStringLiteral("en"));
        QVERIFY(!m_page.evaluate(QStringLiteral("window.boardPage.lobby")).toBool());
        // Nothing wider than the phone.
        QVERIFY(m_page.evaluate(QStringLiteral("document.documentElement.scrollWidth <= 390"))
                    .toBool());
        screenshot(QStringLiteral("board-en-390x844.png"), 390);
        QVERIFY(m_page.setViewport(1920, 1080));
    }

    void workspaceMakesABoardLinkWithItsQr()
    {
        // The secretary's workspace: under the meetings, each council's board link and QR code.
        QCOMPARE(createAccount(m_server, QStringLiteral("thuky"), QStringLiteral("secretary"),
                     QStringLiteral("mat-khau-thu-ky-2027"))
                     .status,
            201);
        QVERIFY(m_page.navigate(m_server.baseUrl() + QStringLiteral("/api/v1/health")));
        QVERIFY(
            loginInPage(m_page, QStringLiteral("thuky"), QStringLiteral("mat-khau-thu-ky-2027")));
        QVERIFY(m_page.navigate(m_server.baseUrl() + QStringLiteral("/#/meetings")));
        const QString button
            = QStringLiteral(".council-board button[data-council=\"%1\"]").arg(m_council);
        QVERIFY(waitFor(QStringLiteral("!!document.querySelector(%1)").arg(jsString(button))));
        QVERIFY(m_page.click(button));
        QVERIFY(waitFor(QStringLiteral("(img => img && img.complete && img.naturalWidth > "
                                       "0)(document.querySelector('.board-qr img.qr'))")));
        const QString url = m_page.textOf(QStringLiteral(".board-qr .board-url"));
        QVERIFY2(url.contains(QStringLiteral("/board/#b1.")), qPrintable(url));
        // The browser asks for English (the workspace follows it; the board itself does not).
        QCOMPARE(
            m_page.textOf(QStringLiteral(".board-links h2")), QStringLiteral("Follow-up board"));
        screenshot(QStringLiteral("workspace-board-link-en-1920x1080.png"), 1920);
        // The link it made opens the board.
        const RestResponse own
            = call("GET", QStringLiteral("/board-link"), url.section(u'#', 1).toLatin1());
        QCOMPARE(own.status, 200);
        QCOMPARE(own.json().value(QLatin1String("council")).toInteger(), m_council);
    }

    void revokedLinkSaysSo()
    {
        openBoard();
        QCOMPARE(admin("DELETE",
                     QStringLiteral("/councils/%1/board-links/%2").arg(m_council).arg(m_link))
                     .status,
            200);
        // The open page is told at once (its WebSocket closes with bye "revoked").
        QVERIFY(waitFor(QStringLiteral("document.body.dataset.state === 'invalid' && "
                                       "!document.getElementById('message').hidden")));
        QVERIFY(m_page.textOf(QStringLiteral("#msgtext"))
                    .contains(QStringLiteral("không còn hiệu lực")));
        QCOMPARE(
            call("GET", QStringLiteral("/councils/%1/board").arg(m_council), m_token.toLatin1())
                .status,
            401);
        // Opened again, it says the same.
        QVERIFY(m_page.navigate(QStringLiteral("about:blank")));
        QVERIFY(m_page.navigate(m_url));
        QVERIFY(waitFor(QStringLiteral("document.body.dataset.state === 'invalid'")));
        screenshot(QStringLiteral("board-revoked-vi-1920x1080.png"), 1920);
    }

    void cleanupTestCase()
    {
        m_browser.stop();
        m_server.terminate();
    }
};

QTEST_MAIN(TestBoardBrowser)
#include "test_board_browser.moc"
