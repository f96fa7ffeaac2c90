// The workspace's Conclusions view (Run part), in headless Chromium over the DevTools protocol
// against the real chamberd: a secretary account, on a meeting created for a council, adds
// conclusions on an agenda item (typed with the keyboard), sees them numbered, edits one, makes
// a task from it for an organisation with a deadline date (23:59:59 Vietnam time), sees the task
// under it, removes another; each step is checked over REST too. A conclusion made of HTML is
// shown as text. The After view lists the conclusions.
//
// Screenshots of the view with two conclusions and a task, vi and en, 1366x768 and 1920x1080,
// go to $CHAMBER_SHOTS_DIR (else the build directory's workspace-conclusions-screenshots).
#include "accounts.h"
#include "browser.h"
#include "enroll.h"
#include "restcall.h"
#include "serverprocess.h"
#include "workspacesession.h"
#include "wsclient.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace chamber;
using namespace chamber::testing;

namespace {

const QString kXss = QStringLiteral("<img src=x onerror=alert(1)>");
const QString kSecretary = QStringLiteral("thuky");
const QString kPassword = QStringLiteral("mat-khau-du-dai-2026");

QByteArray body(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestWorkspaceConclusions : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_server;
    Browser m_browser;
    CdpClient m_page;
    QString m_shots;

    RestResponse admin(const QByteArray &method, const QString &path, const QByteArray &data = {})
    {
        return restCall(method, m_server.baseUrl() + QStringLiteral("/api/v1") + path,
            m_server.pin(), m_server.adminToken(), data);
    }

    // The meeting's conclusions that are not removed.
    QJsonArray conclusions()
    {
        QJsonArray kept;
        const QJsonObject state = admin("GET", QStringLiteral("/meetings/1")).json();
        for (const QJsonValue &c : state.value(QLatin1String("conclusions")).toArray()) {
            if (!c.toObject().value(QLatin1String("removed")).toBool())
                kept.append(c);
        }
        return kept;
    }

    bool waitFor(const QString &condition, int timeoutMs = 15000)
    {
        return m_page.waitForOrReport(condition, timeoutMs);
    }

    bool click(const QString &selector) { return m_page.click(selector); }

    // Sets a form control's value as typing would (an input event follows).
    void setValue(const QString &selector, const QString &value)
    {
        QVERIFY(m_page
                    .evaluate(QStringLiteral("(() => { const e = document.querySelector(%1); "
                                             "e.value = %2; e.dispatchEvent(new Event('input')); "
                                             "return 1; })()")
                                  .arg(jsString(selector), jsString(value)))
                    .toInt());
    }

    void typeInto(const QString &selector, const QString &text)
    {
        QVERIFY(
            m_page
                .evaluate(
                    QStringLiteral("document.querySelector(%1).focus(), 1").arg(jsString(selector)))
                .toInt());
        m_page.call(QStringLiteral("Input.insertText"), {{QStringLiteral("text"), text}});
    }

    void submit(const QString &formSelector)
    {
        QVERIFY(m_page
                    .evaluate(QStringLiteral("document.querySelector(%1).requestSubmit(), 1")
                                  .arg(jsString(formSelector)))
                    .toInt());
    }

    void noInjectedImages() { QCOMPARE(injectedImageTraces(m_page), 0); }

    void screenshots(const QString &name) { QVERIFY(saveOfficeScreenshots(m_page, m_shots, name)); }

    bool openView(const QString &view)
    {
        return m_page.navigate(m_server.baseUrl() + QStringLiteral("/#/m/1/") + view)
            && waitFor(QStringLiteral("!!document.querySelector('.run-view') && "
                                      "!document.querySelector('.run-view .run-message:not(:empty)"
                                      ":not(.error)')"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!Browser::executable().isEmpty(),
            "chromium is missing: install the Debian package `chromium` (scripts/test.sh does)");
        m_shots = qEnvironmentVariable("CHAMBER_SHOTS_DIR",
            QStringLiteral(CHAMBER_BIN_DIR "/../workspace-conclusions-screenshots"));
        QVERIFY(QDir().mkpath(m_shots));
        QVERIFY(m_server.start());
        QCOMPARE(admin("POST", QStringLiteral("/councils"),
                     body({{QStringLiteral("name"), QStringLiteral("HĐND tỉnh Tiền Giang khóa X")},
                         {QStringLiteral("term"), QStringLiteral("2021–2026")}}))
                     .status,
            201);
        for (const QString &name :
            {QStringLiteral("Nguyễn Văn An"), QStringLiteral("Trần Thị Bình")})
            QCOMPARE(admin("POST", QStringLiteral("/councils/1/members"),
                         body({{QStringLiteral("name"), name}}))
                         .status,
                201);
        for (const QString &name : {QStringLiteral("Sở Tài chính"), QStringLiteral("Sở Y tế")})
            QCOMPARE(admin("POST", QStringLiteral("/councils/1/organisations"),
                         body({{QStringLiteral("name"), name},
                             {QStringLiteral("kind"), QStringLiteral("department")}}))
                         .status,
                201);
        QCOMPARE(admin("POST", QStringLiteral("/meetings"),
                     body({{QStringLiteral("title"), QStringLiteral("Kỳ họp thứ 15")},
                         {QStringLiteral("council"), 1}}))
                     .status,
            201);
        for (const QString &title :
            {QStringLiteral("Khai mạc kỳ họp"), QStringLiteral("Nghị quyết về ngân sách năm 2027")})
            QCOMPARE(admin("POST", QStringLiteral("/meetings/1/agenda"),
                         body({{QStringLiteral("title"), title}}))
                         .status,
                201);
        // A passed, published poll on item 2: both delegates (the council's members) check in
        // and vote yes from their tablets.
        QCOMPARE(admin("POST", QStringLiteral("/meetings/1/start")).status, 200);
        QList<qint64> delegates;
        for (const QJsonValue &d : admin("GET", QStringLiteral("/meetings/1"))
                                       .json()
                                       .value(QLatin1String("delegates"))
                                       .toArray())
            delegates.append(d.toObject().value(QLatin1String("id")).toInteger());
        QCOMPARE(delegates.size(), 2);
        for (qint64 delegate : delegates)
            QCOMPARE(
                admin("POST", QStringLiteral("/meetings/1/delegates/%1/check-in").arg(delegate))
                    .status,
                200);
        QCOMPARE(admin("POST", QStringLiteral("/meetings/1/polls"),
                     body({{QStringLiteral("title"), QStringLiteral("Thông qua dự toán")},
                         {QStringLiteral("item"), 2},
                         {QStringLiteral("rule"),
                             QJsonObject {{QStringLiteral("preset"),
                                 QStringLiteral("majority-of-members")}}}}))
                     .status,
            201);
        QCOMPARE(admin("POST", QStringLiteral("/meetings/1/polls/1/open")).status, 200);
        int i = 0;
        for (qint64 delegate : delegates) {
            const QString credential
                = enrollDevice(m_server, 1, QStringLiteral("delegate"), delegate);
            QVERIFY(!credential.isEmpty());
            WsClient seat(m_server.pin());
            QVERIFY(seat.connectAndHello(m_server.wsUrl(), credential.toUtf8()));
            const QJsonObject cast
                = seat.request({{QStringLiteral("type"), QStringLiteral("ballot.cast")},
                    {QStringLiteral("meeting"), 1}, {QStringLiteral("poll"), 1},
                    {QStringLiteral("delegate"), delegate},
                    {QStringLiteral("choice"), QStringLiteral("yes")},
                    {QStringLiteral("key"), QStringLiteral("AAAAAAAAAAAAAAAAAAAAA%1").arg(++i)}});
            QCOMPARE(cast.value(QLatin1String("type")).toString(), QStringLiteral("ok"));
        }
        QCOMPARE(admin("POST", QStringLiteral("/meetings/1/polls/1/close")).status, 200);
        QCOMPARE(admin("POST", QStringLiteral("/meetings/1/polls/1/publish")).status, 200);
        QCOMPARE(createAccount(m_server, kSecretary, QStringLiteral("secretary"), kPassword).status,
            201);

        QVERIFY2(m_browser.start({QStringLiteral("--ignore-certificate-errors")}),
            qPrintable(m_browser.errors()));
        QVERIFY(m_page.open(m_browser.pageWebSocketUrl()));
        QVERIFY(m_page.setViewport(1366, 768));
        m_page.call(QStringLiteral("Page.addScriptToEvaluateOnNewDocument"),
            {{QStringLiteral("source"),
                QStringLiteral("window.alert = () => { window.__alerted = (window.__alerted || 0) "
                               "+ 1; }; localStorage.setItem('chamber.lang', 'vi');")}});
        QVERIFY(m_page.navigate(m_server.baseUrl() + QStringLiteral("/#/login")));
        QVERIFY(loginInPage(m_page, kSecretary, kPassword));
    }

    void addEditTaskRemove()
    {
        QVERIFY(openView(QStringLiteral("conclusions")));
        QVERIFY(
            waitFor(QStringLiteral("document.querySelectorAll('section.conc-item').length === 2")));
        const QString item2 = QStringLiteral("section.conc-item[data-item='2']");
        // Three conclusions on item 2, typed with the keyboard.
        const QStringList texts {QStringLiteral("Giao Sở Tài chính rà soát dự toán ngân sách"),
            QStringLiteral("Kết luận sẽ bị xoá"), kXss};
        // Item 2's form offers its passed poll; item 1's has none to offer.
        QVERIFY(waitFor(QStringLiteral(
            "document.querySelectorAll(\"%1 .conc-poll-choice option\").length === 2 && "
            "document.querySelector(\"section.conc-item[data-item='1'] .conc-poll-choice\")"
            ".closest('.field').hidden")
                            .arg(item2)));
        for (int i = 0; i < texts.size(); ++i) {
            typeInto(item2 + QStringLiteral(" .conc-add textarea"), texts.at(i));
            if (i == 0)
                setValue(item2 + QStringLiteral(" .conc-poll-choice"), QStringLiteral("1"));
            submit(item2 + QStringLiteral(" .conc-add"));
            QVERIFY(waitFor(
                QStringLiteral("document.querySelectorAll(\"%1 .conc-entry\").length === %2")
                    .arg(item2)
                    .arg(i + 1)));
        }
        QCOMPARE(conclusions().size(), 3);
        QCOMPARE(conclusions().at(0).toObject().value(QLatin1String("poll")).toInteger(), 1);
        QVERIFY(m_page.textOf(QStringLiteral(".conc-entry[data-conclusion='1'] .conc-poll"))
                    .contains(QStringLiteral("Thông qua dự toán")));
        // Numbered 1, 2, 3; the HTML one is text.
        QCOMPARE(m_page
                     .evaluate(QStringLiteral("[...document.querySelectorAll('.conc-number')]"
                                              ".map(e => e.textContent).join(' ')"))
                     .toString(),
            QStringLiteral("1. 2. 3."));
        QCOMPARE(
            m_page.textOf(QStringLiteral(".conc-entry[data-conclusion='3'] .conc-body")), kXss);
        noInjectedImages();

        // Edit conclusion 1.
        QVERIFY(click(QStringLiteral(".conc-entry[data-conclusion='1'] [data-action=edit]")));
        QVERIFY(waitFor(QStringLiteral("!!document.querySelector('.conc-edit textarea')")));
        setValue(QStringLiteral(".conc-edit textarea"),
            QStringLiteral("Giao Sở Tài chính rà soát dự toán ngân sách năm 2027"));
        submit(QStringLiteral(".conc-edit"));
        QVERIFY(waitFor(QStringLiteral(
            "(document.querySelector(\".conc-entry[data-conclusion='1'] .conc-body\") || {})"
            ".textContent === 'Giao Sở Tài chính rà soát dự toán ngân sách năm 2027'")));
        QCOMPARE(conclusions().at(0).toObject().value(QLatin1String("text")).toString(),
            QStringLiteral("Giao Sở Tài chính rà soát dự toán ngân sách năm 2027"));

        // A task from conclusion 1 for Sở Tài chính, due 30/06/2027 (Vietnam time).
        QVERIFY(click(QStringLiteral(".conc-entry[data-conclusion='1'] [data-action=task]")));
        QVERIFY(waitFor(QStringLiteral("!!document.querySelector('.conc-task-form')")));
        QCOMPARE(m_page.evaluate(QStringLiteral("document.querySelector('.conc-task-title').value"))
                     .toString(),
            QStringLiteral("Giao Sở Tài chính rà soát dự toán ngân sách năm 2027"));
        // No date: an error next to the form, nothing made.
        submit(QStringLiteral(".conc-task-form"));
        QVERIFY(waitFor(QStringLiteral(
            "document.querySelector('.conc-task-form .conc-error').textContent !== ''")));
        setValue(QStringLiteral(".conc-task-owner"), QStringLiteral("organisation:1"));
        setValue(QStringLiteral(".conc-task-deadline"), QStringLiteral("2027-06-30"));
        submit(QStringLiteral(".conc-task-form"));
        QVERIFY(waitFor(QStringLiteral("!!document.querySelector(\".conc-entry[data-conclusion='1']"
                                       " .conc-task[data-task='1']\")")));
        QVERIFY(m_page.textOf(QStringLiteral(".conc-task[data-task='1']"))
                    .contains(QStringLiteral("Sở Tài chính")));
        QVERIFY(m_page.textOf(QStringLiteral(".conc-task[data-task='1']"))
                    .contains(QStringLiteral("30/06/2027")));
        const QJsonArray tasks = admin("GET", QStringLiteral("/councils/1/tasks?origin=1"))
                                     .json()
                                     .value(QLatin1String("tasks"))
                                     .toArray();
        QCOMPARE(tasks.size(), 1);
        const QJsonObject task = tasks.at(0).toObject();
        QCOMPARE(
            task.value(QLatin1String("owner")).toObject().value(QLatin1String("kind")).toString(),
            QStringLiteral("organisation"));
        QCOMPARE(
            task.value(QLatin1String("owner")).toObject().value(QLatin1String("id")).toInteger(),
            1);
        QCOMPARE(task.value(QLatin1String("deadline")).toString(),
            QStringLiteral("2027-06-30T16:59:59Z"));
        QCOMPARE(task.value(QLatin1String("origin")).toObject(),
            (QJsonObject {{QStringLiteral("meeting"), 1}, {QStringLiteral("conclusion"), 1}}));
        // Changed elsewhere (the council's log, not the meeting's): shown by the board.changed
        // push, without a reload and without a meeting event.
        QCOMPARE(admin("POST", QStringLiteral("/councils/1/tasks/1/status"),
                     R"({"status":"inProgress"})")
                     .status,
            200);
        QVERIFY(waitFor(QStringLiteral(
            "!!document.querySelector(\".conc-task[data-task='1'] .task-inProgress\")")));

        // Remove conclusion 2 (confirmed in the dialog); the others keep their numbers.
        QVERIFY(click(QStringLiteral(".conc-entry[data-conclusion='2'] [data-action=remove]")));
        QVERIFY(waitFor(QStringLiteral("!!document.querySelector('dialog.ws-dialog[open]')")));
        QVERIFY(click(QStringLiteral("dialog.ws-dialog .btn.danger")));
        QVERIFY(waitFor(
            QStringLiteral("!document.querySelector(\".conc-entry[data-conclusion='2']\")")));
        QCOMPARE(conclusions().size(), 2);
        QCOMPARE(m_page
                     .evaluate(QStringLiteral("[...document.querySelectorAll('.conc-number')]"
                                              ".map(e => e.textContent).join(' ')"))
                     .toString(),
            QStringLiteral("1. 3."));
        noInjectedImages();
    }

    void screenshotsAndAfter()
    {
        screenshots(QStringLiteral("conclusions-vi"));
        QVERIFY(click(QStringLiteral("#top button[lang=en]")));
        QVERIFY(waitFor(QStringLiteral("!!document.querySelector('.conc-task[data-task=\"1\"]') && "
                                       "document.querySelector('.run-conclusions h1').textContent "
                                       "=== 'Conclusions'")));
        screenshots(QStringLiteral("conclusions-en"));
        QVERIFY(openView(QStringLiteral("after")));
        QVERIFY(
            waitFor(QStringLiteral("document.querySelectorAll('.after-conclusion').length === 2")));
        QVERIFY(m_page.textOf(QStringLiteral(".run-after-conclusions")).contains(kXss));
        noInjectedImages();
    }

    void cleanupTestCase() { m_browser.stop(); }
};

QTEST_MAIN(TestWorkspaceConclusions)
#include "test_workspace_conclusions.moc"
