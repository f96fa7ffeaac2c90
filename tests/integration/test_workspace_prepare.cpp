// The secretary's workspace prepares a whole meeting in a real browser: headless Chromium (the
// Debian package) over the DevTools protocol against the real chamberd, logged in with a named
// secretary account. It logs in through the page, creates the meeting with a hall layout, builds
// a nested agenda by drag and drop (and one keyboard move), imports a CSV whose bad line is shown
// with its reason before anything is stored, fixes it and imports, places seats by dragging and
// by the keyboard path, uploads a real PDF (file chooser) and an office file (dropped), downloads
// the seat cards PDF and makes a chair code whose QR code shows. Every step is checked on the
// server over REST, not only in the page. `<img src=x onerror=alert(1)>` as an agenda title,
// delegate name and document name stays text in every prepare view. Screenshots of every
// prepare page in vi and en at 1366x768 and 1920x1080 go to the build directory.
//
// Drag and drop is dispatched as synthesized DragEvents carrying a DataTransfer from
// Runtime.evaluate, not with Input.dispatchDragEvent: the latter needs a drag the browser started
// from real mouse input (Input.setInterceptDrags), which headless Chromium does not start
// reliably, whereas the synthesized events run exactly the page's dragstart/dragover/drop
// handlers with real coordinates (the drop zone is chosen from clientY within the row).
//
// Chromium and LibreOffice missing are failures, not skips: scripts/test.sh installs them.
#include "browser.h"
#include "enroll.h"
#include "pdfmaker.h"
#include "restcall.h"
#include "serverprocess.h"
#include "wsclient.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPdfDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace chamber;
using namespace chamber::testing;

namespace {

const QString kXss = QStringLiteral("<img src=x onerror=alert(1)>");
const QString kPassword = QStringLiteral("Thư ký họp 2026!");

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestWorkspacePrepare : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_server;
    Browser m_browser;
    CdpClient m_page;
    QTemporaryDir m_scratch;
    QString m_shots = QStringLiteral(CHAMBER_BIN_DIR "/../workspace-screenshots/prepare");

    RestResponse admin(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        return restCall(method, m_server.baseUrl() + QStringLiteral("/api/v1") + path,
            m_server.pin(), m_server.adminToken(), body, {{"Content-Type", "application/json"}});
    }

    QJsonObject meeting() { return admin("GET", QStringLiteral("/meetings/1")).json(); }

    QJsonObject itemTitled(const QString &title)
    {
        for (const QJsonValue &item : meeting().value(QLatin1String("agenda")).toArray()) {
            if (item.toObject().value(QLatin1String("title")).toString() == title)
                return item.toObject();
        }
        return {};
    }

    QJsonObject delegateNamed(const QString &name)
    {
        for (const QJsonValue &d : meeting().value(QLatin1String("delegates")).toArray()) {
            if (d.toObject().value(QLatin1String("name")).toString() == name)
                return d.toObject();
        }
        return {};
    }

    bool waitFor(const QString &condition, int timeoutMs = 15000)
    {
        return m_page.waitForOrReport(condition, timeoutMs);
    }

    QJsonValue eval(const QString &expression)
    {
        QString error;
        const QJsonValue value = m_page.evaluate(expression, 15000, &error);
        if (!error.isEmpty())
            qWarning("%s: %s", qPrintable(expression.left(200)), qPrintable(error));
        return value;
    }

    bool click(const QString &selector) { return m_page.click(selector); }

    // Types into an input as a user would: value, then the input event the page listens to.
    bool type(const QString &selector, const QString &value)
    {
        return eval(QStringLiteral("(() => { const e = document.querySelector(%1); if (!e) return "
                                   "false; e.focus(); e.value = %2; e.dispatchEvent(new "
                                   "Event('input', {bubbles: true})); e.dispatchEvent(new "
                                   "Event('change', {bubbles: true})); return true; })()")
                        .arg(jsString(selector), jsString(value)))
            .toBool();
    }

    bool submit(const QString &formSelector)
    {
        return eval(QStringLiteral("(() => { const f = document.querySelector(%1); if (!f) return "
                                   "false; f.requestSubmit(); return true; })()")
                        .arg(jsString(formSelector)))
            .toBool();
    }

    QString text(const QString &selector) { return m_page.textOf(selector); }

    // dragstart on `from`, dragover and drop on `to` at a height within it (0 top .. 1 bottom),
    // dragend on `from`: one DataTransfer throughout, as a browser does.
    bool drag(const QString &from, const QString &to, double height)
    {
        return eval(QStringLiteral(R"((() => {
            const source = document.querySelector(%1), target = document.querySelector(%2);
            if (!source || !target) return false;
            const data = new DataTransfer();
            const box = target.getBoundingClientRect();
            const at = {bubbles: true, cancelable: true, dataTransfer: data,
                clientX: box.left + box.width / 2, clientY: box.top + box.height * %3};
            source.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: data}));
            target.dispatchEvent(new DragEvent('dragenter', at));
            const accepted = !target.dispatchEvent(new DragEvent('dragover', at));
            target.dispatchEvent(new DragEvent('drop', at));
            source.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: data}));
            return accepted;
        })())")
                        .arg(jsString(from), jsString(to))
                        .arg(height))
            .toBool();
    }

    QString agendaRow(const QString &title)
    {
        const qint64 id = itemTitled(title).value(QLatin1String("id")).toInteger();
        return QStringLiteral(".agenda-row[data-id=\"%1\"]").arg(id);
    }

    bool noScriptRan()
    {
        return eval(QStringLiteral("window.__alerts.length === 0 && "
                                   "document.querySelectorAll('img[src=\"x\"]').length === 0"))
                   .toBool()
            && m_page.events(QStringLiteral("Page.javascriptDialogOpening")).isEmpty();
    }

    void go(const QString &hash, const QString &ready)
    {
        QVERIFY(eval(QStringLiteral("location.hash = %1, true").arg(jsString(hash))).toBool());
        QVERIFY(waitFor(ready));
    }

    void shoot(const QString &name)
    {
        const QByteArray png = m_page.screenshot();
        QVERIFY(!QImage::fromData(png, "PNG").isNull());
        for (const QString &dir : {m_shots, QStringLiteral("/tmp/ws14/shots/prepare")}) {
            QDir().mkpath(dir);
            QFile file(dir + u'/' + name + QStringLiteral(".png"));
            if (file.open(QIODevice::WriteOnly))
                file.write(png);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!Browser::executable().isEmpty(),
            "chromium is missing: install the Debian package `chromium` (scripts/test.sh does)");
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("soffice")).isEmpty(),
            "LibreOffice is missing: apt-get install libreoffice-writer-nogui (scripts/test.sh "
            "does)");
        QVERIFY(m_scratch.isValid());
        QVERIFY(m_server.start());
        const RestResponse account = admin("POST", QStringLiteral("/accounts"),
            QJsonDocument(QJsonObject {{QStringLiteral("name"), QStringLiteral("thuky")},
                              {QStringLiteral("password"), kPassword},
                              {QStringLiteral("role"), QStringLiteral("secretary")},
                              {QStringLiteral("displayName"), QStringLiteral("Nguyễn Thị Thư")}})
                .toJson());
        QVERIFY2(account.status == 201 || account.status == 200, account.body.constData());

        QVERIFY2(m_browser.start({QStringLiteral("--ignore-certificate-errors")}),
            qPrintable(m_browser.errors()));
        QVERIFY(m_page.open(m_browser.pageWebSocketUrl()));
        QVERIFY(m_page.setViewport(1366, 768));
        QString error;
        m_page.call(QStringLiteral("Emulation.setUserAgentOverride"),
            {{QStringLiteral("userAgent"), QStringLiteral("Mozilla/5.0 Chamber-test")},
                {QStringLiteral("acceptLanguage"), QStringLiteral("vi-VN,vi")}},
            10000, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_page.call(QStringLiteral("Browser.setDownloadBehavior"),
            {{QStringLiteral("behavior"), QStringLiteral("allow")},
                {QStringLiteral("downloadPath"), m_scratch.path()},
                {QStringLiteral("eventsEnabled"), true}},
            10000, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void loginThroughThePage()
    {
        QVERIFY(m_page.navigate(m_server.baseUrl() + u'/'));
        QVERIFY(waitFor(QStringLiteral("location.hash === '#/login' && "
                                       "!!document.getElementById('login-name')")));
        QCOMPARE(
            eval(QStringLiteral("document.documentElement.lang")).toString(), QStringLiteral("vi"));
        shoot(QStringLiteral("login-vi-1366"));
        QVERIFY(type(QStringLiteral("#login-name"), QStringLiteral("thuky")));
        QVERIFY(type(QStringLiteral("#login-password"), QStringLiteral("sai mật khẩu")));
        QVERIFY(submit(QStringLiteral("form.ws-login")));
        QVERIFY(waitFor(QStringLiteral(
            "document.getElementById('login-error').textContent.includes('Sai tên')")));
        QVERIFY(type(QStringLiteral("#login-password"), kPassword));
        QVERIFY(submit(QStringLiteral("form.ws-login")));
        QVERIFY(waitFor(QStringLiteral("!!document.getElementById('new-meeting')")));
        QVERIFY(text(QStringLiteral(".ws-account")).contains(QStringLiteral("thuky")));
        // Every alert() the page might be tricked into is recorded instead of shown.
        QVERIFY(eval(QStringLiteral("window.__alerts = []; window.alert = (m) => "
                                    "window.__alerts.push(String(m)); true"))
                    .toBool());
    }

    void createTheMeeting()
    {
        QVERIFY(click(QStringLiteral("#new-meeting")));
        QVERIFY(waitFor(QStringLiteral("!!document.querySelector('.meeting-form')")));
        QVERIFY(type(QStringLiteral(".meeting-form [name=title]"),
            QStringLiteral("Kỳ họp thứ 12 HĐND tỉnh")));
        QVERIFY(type(QStringLiteral(".meeting-form [name=venue]"), QStringLiteral("Hội trường A")));
        QVERIFY(type(
            QStringLiteral(".meeting-form [name=startsAt]"), QStringLiteral("2026-12-08T07:30")));
        QVERIFY(type(QStringLiteral(".meeting-form [name=hallRows]"), QStringLiteral("3")));
        QVERIFY(type(QStringLiteral(".meeting-form [name=hallColumns]"), QStringLiteral("4")));
        QVERIFY(submit(QStringLiteral(".meeting-form")));
        QVERIFY(waitFor(QStringLiteral("location.hash === '#/m/1/overview' && "
                                       "!!document.querySelector('.tiles')")));
        const QJsonObject state = meeting();
        QCOMPARE(state.value(QLatin1String("title")).toString(),
            QStringLiteral("Kỳ họp thứ 12 HĐND tỉnh"));
        QCOMPARE(state.value(QLatin1String("venue")).toString(), QStringLiteral("Hội trường A"));
        QCOMPARE(state.value(QLatin1String("hallRows")).toInt(), 3);
        QCOMPARE(state.value(QLatin1String("hallColumns")).toInt(), 4);
        QVERIFY(state.value(QLatin1String("startsAt"))
                    .toString()
                    .startsWith(QStringLiteral("2026-12-08T07:30:00")));
        // The log names the account that did it.
        const RestResponse events = admin("GET", QStringLiteral("/meetings/1/events?limit=1"));
        QVERIFY2(events.body.contains("account:thuky"), events.body.constData());
    }

    void nestedAgendaByDragAndDrop()
    {
        go(QStringLiteral("#/m/1/agenda"),
            QStringLiteral("!!document.getElementById('agenda-tree')"));
        const QList<std::pair<QString, QString>> items {
            {QStringLiteral("Khai mạc"), QStringLiteral("item")},
            {QStringLiteral("Phần I. Kinh tế - xã hội"), QStringLiteral("section")},
            {QStringLiteral("Báo cáo tình hình kinh tế"), QStringLiteral("item")},
            {kXss, QStringLiteral("item")}, {QStringLiteral("Giải lao"), QStringLiteral("break")}};
        int count = 0;
        for (const auto &[title, kind] : items) {
            QVERIFY(type(QStringLiteral(".agenda-add input"), title));
            QVERIFY(eval(QStringLiteral("(() => { const s = document.querySelector('.agenda-add "
                                        "select'); s.value = %1; return true; })()")
                             .arg(jsString(kind)))
                        .toBool());
            QVERIFY(submit(QStringLiteral(".agenda-add")));
            ++count;
            QVERIFY(
                waitFor(QStringLiteral("document.querySelectorAll('#agenda-tree li[role=treeitem]')"
                                       ".length === %1")
                            .arg(count)));
        }
        const qint64 section = itemTitled(items[1].first).value(QLatin1String("id")).toInteger();
        QCOMPARE(itemTitled(items[1].first).value(QLatin1String("kind")).toString(),
            QStringLiteral("section"));
        // The report into the section (the middle of its row), the hostile title after it.
        QVERIFY(drag(agendaRow(items[2].first), agendaRow(items[1].first), 0.5));
        QVERIFY(waitFor(QStringLiteral("!!document.querySelector('#agenda-tree li[data-id=\"%1\"] "
                                       "li[role=treeitem]')")
                            .arg(section)));
        QCOMPARE(itemTitled(items[2].first).value(QLatin1String("parent")).toInteger(), section);
        QVERIFY(drag(agendaRow(kXss), agendaRow(items[2].first), 0.9));
        QVERIFY(waitFor(QStringLiteral("document.querySelectorAll('#agenda-tree li[data-id=\"%1\"] "
                                       "li[role=treeitem]').length === 2")
                            .arg(section)));
        QJsonObject xss = itemTitled(kXss);
        QCOMPARE(xss.value(QLatin1String("parent")).toInteger(), section);
        QCOMPARE(xss.value(QLatin1String("position")).toInt(), 1);
        // The break before the section (the top of its row).
        QVERIFY(drag(agendaRow(items[4].first), agendaRow(items[1].first), 0.1));
        QVERIFY(waitFor(
            QStringLiteral("document.querySelectorAll('#agenda-tree > li')[1].dataset.id === '%1'")
                .arg(itemTitled(items[4].first).value(QLatin1String("id")).toInteger())));
        QCOMPARE(itemTitled(items[4].first).value(QLatin1String("position")).toInt(), 1);
        QVERIFY(itemTitled(items[4].first).value(QLatin1String("parent")).isNull());
        // A drop into its own child is refused in the page: nothing is sent.
        QVERIFY(!drag(agendaRow(items[1].first), agendaRow(items[2].first), 0.5));
        // The keyboard: Alt+↑ on the hostile item puts it first in the section.
        QVERIFY(eval(
            QStringLiteral(
                "(() => { const li = document.querySelector('#agenda-tree li[data-id=\"%1\"]'); "
                "li.focus(); li.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowUp', "
                "altKey: "
                "true, bubbles: true})); return true; })()")
                .arg(xss.value(QLatin1String("id")).toInteger()))
                    .toBool());
        QVERIFY(waitFor(QStringLiteral("document.querySelector('#agenda-tree li[data-id=\"%1\"] "
                                       "li[role=treeitem]').dataset.id === '%2'")
                            .arg(section)
                            .arg(xss.value(QLatin1String("id")).toInteger())));
        QCOMPARE(itemTitled(kXss).value(QLatin1String("position")).toInt(), 0);
        QVERIFY(text(QStringLiteral("#agenda-tree")).contains(kXss));
        QVERIFY(noScriptRan());
    }

    void csvImportShowsTheBadLineFirst()
    {
        go(QStringLiteral("#/m/1/delegates"),
            QStringLiteral("!!document.getElementById('open-import')"));
        QVERIFY(click(QStringLiteral("#open-import")));
        QVERIFY(waitFor(QStringLiteral("!!document.getElementById('csv-editor')")));
        const QString csv = QStringLiteral("Họ tên;Tổ;Ghế;Trọng số\n"
                                           "Nguyễn Văn An;Tổ 1;A1;1\n"
                                           "Trần Thị Bình;Tổ 1;A2;1\n"
                                           "Lê Văn Cường;Tổ 2;A3;hai\n"
                                           "\"%1\";Tổ 2;B1;1\n"
                                           "Phạm Thị Dung;Tổ 3;;1\n"
                                           "Hoàng Văn Em;Tổ 3;;1\n")
                                .arg(kXss);
        QVERIFY(type(QStringLiteral("#csv-editor"), csv));
        QVERIFY(click(QStringLiteral("#csv-check")));
        QVERIFY(waitFor(QStringLiteral("!!document.getElementById('csv-problems')")));
        QCOMPARE(eval(QStringLiteral("document.querySelectorAll('#csv-problems tbody tr').length"))
                     .toInt(),
            1);
        QCOMPARE(
            eval(QStringLiteral("document.querySelector('#csv-problems tbody tr').dataset.line"))
                .toString(),
            QStringLiteral("4"));
        const QString reason = text(QStringLiteral("#csv-problems td.reason"));
        QVERIFY2(reason.contains(QStringLiteral("weight"), Qt::CaseInsensitive)
                || reason.contains(QStringLiteral("trọng số"), Qt::CaseInsensitive),
            qPrintable(reason));
        QVERIFY(eval(QStringLiteral("document.getElementById('csv-import').disabled")).toBool());
        shoot(QStringLiteral("delegates-import-problem-vi-1366"));
        // Nothing was stored by the preview.
        QCOMPARE(meeting().value(QLatin1String("delegates")).toArray().size(), 0);
        // Fixed in the editor, checked again, imported.
        QVERIFY(type(QStringLiteral("#csv-editor"),
            QString(csv).replace(QStringLiteral("A3;hai"), QStringLiteral("A3;2"))));
        QVERIFY(click(QStringLiteral("#csv-check")));
        QVERIFY(waitFor(QStringLiteral("!document.getElementById('csv-import').disabled")));
        QVERIFY(click(QStringLiteral("#csv-import")));
        QVERIFY(waitFor(
            QStringLiteral("document.querySelectorAll('#delegates-table tbody tr[data-id]').length "
                           "=== 6")));
        QCOMPARE(meeting().value(QLatin1String("delegates")).toArray().size(), 6);
        QCOMPARE(
            delegateNamed(QStringLiteral("Lê Văn Cường")).value(QLatin1String("weight")).toInt(),
            2);
        QVERIFY(text(QStringLiteral("#delegates-table")).contains(kXss));
        // Edited in place: the group of one delegate.
        const qint64 dung
            = delegateNamed(QStringLiteral("Phạm Thị Dung")).value(QLatin1String("id")).toInteger();
        QVERIFY(click(QStringLiteral("#delegates-table tr[data-id=\"%1\"] .btn-edit").arg(dung)));
        QVERIFY(waitFor(QStringLiteral("!!document.getElementById('edit-%1-group')").arg(dung)));
        QVERIFY(type(QStringLiteral("#edit-%1-group").arg(dung), QStringLiteral("Tổ 1")));
        QVERIFY(
            eval(QStringLiteral("document.getElementById('edit-%1-group').dispatchEvent(new "
                                "KeyboardEvent('keydown', {key: 'Enter', bubbles: true})), true")
                     .arg(dung))
                .toBool());
        QVERIFY(waitFor(QStringLiteral("!document.querySelector('tr.editing')")));
        QCOMPARE(
            delegateNamed(QStringLiteral("Phạm Thị Dung")).value(QLatin1String("group")).toString(),
            QStringLiteral("Tổ 1"));
        QVERIFY(noScriptRan());
    }

    void placeSeats()
    {
        go(QStringLiteral("#/m/1/seats"), QStringLiteral("!!document.getElementById('seat-grid')"));
        QCOMPARE(
            eval(QStringLiteral("document.querySelectorAll('#seat-grid .seat').length")).toInt(),
            12);
        QCOMPARE(
            eval(QStringLiteral("document.querySelectorAll('#unseated-list li').length")).toInt(),
            2);
        const qint64 dung
            = delegateNamed(QStringLiteral("Phạm Thị Dung")).value(QLatin1String("id")).toInteger();
        const qint64 em
            = delegateNamed(QStringLiteral("Hoàng Văn Em")).value(QLatin1String("id")).toInteger();
        // Dragged from the unseated list onto B2.
        QVERIFY(drag(QStringLiteral("[data-delegate=\"%1\"]").arg(dung),
            QStringLiteral(".seat[data-seat=\"B2\"]"), 0.5));
        QVERIFY(waitFor(QStringLiteral("document.querySelector('.seat[data-seat=\"B2\"]')"
                                       ".textContent.includes('Phạm Thị Dung')")));
        QCOMPARE(
            delegateNamed(QStringLiteral("Phạm Thị Dung")).value(QLatin1String("seat")).toString(),
            QStringLiteral("B2"));
        // The keyboard path: choose the delegate, then the seat.
        QVERIFY(click(QStringLiteral("[data-delegate=\"%1\"]").arg(em)));
        QVERIFY(waitFor(QStringLiteral("!!document.querySelector('.chosen-banner')")));
        QVERIFY(click(QStringLiteral(".seat[data-seat=\"C4\"]")));
        QVERIFY(waitFor(QStringLiteral("document.querySelector('.seat[data-seat=\"C4\"]')"
                                       ".textContent.includes('Hoàng Văn Em')")));
        QCOMPARE(
            delegateNamed(QStringLiteral("Hoàng Văn Em")).value(QLatin1String("seat")).toString(),
            QStringLiteral("C4"));
        // A seated delegate dropped on an occupied seat swaps with its holder.
        QVERIFY(drag(QStringLiteral(".seat[data-seat=\"A1\"]"),
            QStringLiteral(".seat[data-seat=\"C4\"]"), 0.5));
        QVERIFY(waitFor(QStringLiteral("document.querySelector('.seat[data-seat=\"A1\"]')"
                                       ".textContent.includes('Hoàng Văn Em')")));
        QCOMPARE(
            delegateNamed(QStringLiteral("Nguyễn Văn An")).value(QLatin1String("seat")).toString(),
            QStringLiteral("C4"));
        QCOMPARE(
            delegateNamed(QStringLiteral("Hoàng Văn Em")).value(QLatin1String("seat")).toString(),
            QStringLiteral("A1"));
        QVERIFY(text(QStringLiteral("#seat-grid")).contains(kXss));
        QVERIFY(noScriptRan());
    }

    void uploadDocuments()
    {
        go(QStringLiteral("#/m/1/documents"),
            QStringLiteral("!!document.querySelector('.drop-zone')"));
        const qint64 report = itemTitled(QStringLiteral("Báo cáo tình hình kinh tế"))
                                  .value(QLatin1String("id"))
                                  .toInteger();
        // A real PDF through the file chooser, named like an attack.
        const QString pdfPath = m_scratch.filePath(kXss + QStringLiteral(".pdf"));
        QFile pdf(pdfPath);
        QVERIFY(pdf.open(QIODevice::WriteOnly));
        pdf.write(makeArticlePdf(1, 2));
        pdf.close();
        QString error;
        const QJsonObject root = m_page.call(QStringLiteral("DOM.getDocument"), {}, 10000, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QJsonObject node = m_page.call(QStringLiteral("DOM.querySelector"),
            {{QStringLiteral("nodeId"),
                 root.value(QLatin1String("root")).toObject().value(QLatin1String("nodeId"))},
                {QStringLiteral("selector"), QStringLiteral("#file-%1").arg(report)}},
            10000, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_page.call(QStringLiteral("DOM.setFileInputFiles"),
            {{QStringLiteral("files"), QJsonArray {pdfPath}},
                {QStringLiteral("nodeId"), node.value(QLatin1String("nodeId"))}},
            10000, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(
            waitFor(QStringLiteral("document.querySelectorAll('.item-documents[data-item=\"%1\"] "
                                   "li.document').length === 1")
                        .arg(report),
                30000));
        QJsonArray documents = admin("GET", QStringLiteral("/meetings/1/documents"))
                                   .json()
                                   .value(QLatin1String("documents"))
                                   .toArray();
        QCOMPARE(documents.size(), 1);
        QCOMPARE(documents[0].toObject().value(QLatin1String("item")).toInteger(), report);
        // The file's name is shown beside the PDF's own title, as text.
        QVERIFY(text(QStringLiteral("li.document[data-document=\"%1\"]")
                         .arg(documents[0].toObject().value(QLatin1String("id")).toInteger()))
                    .contains(kXss));

        // An office file dropped onto the opening item: converted by LibreOffice on the server.
        const qint64 opening
            = itemTitled(QStringLiteral("Khai mạc")).value(QLatin1String("id")).toInteger();
        const QByteArray docx
            = readFile(QStringLiteral(CHAMBER_SOURCE_DIR "/tests/data/office/to-trinh.docx"));
        QVERIFY(!docx.isEmpty());
        QVERIFY(eval(QStringLiteral(R"((() => {
            const bytes = Uint8Array.from(atob(%1), (c) => c.charCodeAt(0));
            const file = new File([bytes], 'to-trinh.docx', {type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'});
            const data = new DataTransfer();
            data.items.add(file);
            const zone = document.querySelector('.drop-zone[data-item="%2"]');
            zone.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data}));
            zone.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));
            return true;
        })())")
                         .arg(jsString(QString::fromLatin1(docx.toBase64())))
                         .arg(opening))
                    .toBool());
        QVERIFY(waitFor(QStringLiteral("!!document.querySelector('.item-documents[data-item=\"%1\"]"
                                       " li.upload progress')")
                            .arg(opening),
                    5000)
            || waitFor(QStringLiteral("document.querySelectorAll('.item-documents[data-item=\"%1\"]"
                                      " li.document').length === 1")
                           .arg(opening),
                1000));
        QVERIFY(
            waitFor(QStringLiteral("document.querySelectorAll('.item-documents[data-item=\"%1\"] "
                                   "li.document').length === 1")
                        .arg(opening),
                180000));
        documents = admin("GET", QStringLiteral("/meetings/1/documents"))
                        .json()
                        .value(QLatin1String("documents"))
                        .toArray();
        QCOMPARE(documents.size(), 2);
        QCOMPARE(documents[1].toObject().value(QLatin1String("source")).toString(),
            QStringLiteral("docx"));
        // A refusal keeps its reason on screen: a text file is not a PDF.
        QVERIFY(eval(QStringLiteral(R"((() => {
            const data = new DataTransfer();
            data.items.add(new File(['not a pdf'], 'ghi-chu.pdf', {type: 'application/pdf'}));
            document.querySelector('.drop-zone[data-item="%1"]').dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));
            return true;
        })())")
                         .arg(opening))
                    .toBool());
        QVERIFY(waitFor(
            QStringLiteral("!!document.querySelector('.item-documents[data-item=\"%1\"] .refusal')")
                .arg(opening)));
        QVERIFY(text(QStringLiteral(".refusal")).size() > 12);
        QCOMPARE(admin("GET", QStringLiteral("/meetings/1/documents"))
                     .json()
                     .value(QLatin1String("documents"))
                     .toArray()
                     .size(),
            2);
        // Presenting from the list.
        QVERIFY(
            click(QStringLiteral(".item-documents[data-item=\"%1\"] li.document .btn:not(.danger)")
                      .arg(report)));
        QVERIFY(waitFor(QStringLiteral("!!document.querySelector('li.document.presenting')")));
        QCOMPARE(meeting()
                     .value(QLatin1String("presenting"))
                     .toObject()
                     .value(QLatin1String("document"))
                     .toInteger(),
            documents[0].toObject().value(QLatin1String("id")).toInteger());
        QVERIFY(noScriptRan());
    }

    void seatCardsAndChairCode()
    {
        go(QStringLiteral("#/m/1/devices"),
            QStringLiteral("!!document.getElementById('seat-cards')"));
        QVERIFY(click(QStringLiteral("#seat-cards")));
        const QString saved = m_scratch.filePath(QStringLiteral("seat-cards-1.pdf"));
        QVERIFY(waitFor(QStringLiteral("!!document.querySelector('.toast.ok')"), 30000));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(saved) && QFileInfo(saved).size() > 1000, 20000);
        QTest::qWait(300); // the download's last bytes
        QPdfDocument cards;
        QCOMPARE(cards.load(saved), QPdfDocument::Error::None);
        // Six delegates with seats, six cards to an A4 page.
        QCOMPARE(cards.pageCount(), 1);
        QVERIFY(cards.getAllText(0).text().contains(QStringLiteral("Hoàng Văn Em")));

        QVERIFY(eval(QStringLiteral("document.getElementById('code-role').value = 'chair', true"))
                    .toBool());
        QVERIFY(type(QStringLiteral("#code-label"), QStringLiteral("Bàn chủ toạ")));
        QVERIFY(submit(QStringLiteral("#code-form")));
        QVERIFY(waitFor(
            QStringLiteral("(() => { const i = document.querySelector('.code-card img.qr'); "
                           "return !!i && i.complete && i.naturalWidth > 0; })()")));
        const QString url = text(QStringLiteral(".code-card .code-url"));
        QVERIFY2(url.contains(QStringLiteral("/join")), qPrintable(url));
        QCOMPARE(
            eval(QStringLiteral("document.querySelector('.code-card').dataset.role")).toString(),
            QStringLiteral("chair"));
        // A second code; printing puts each code on a page of its own.
        QVERIFY(eval(QStringLiteral("document.getElementById('code-role').value = 'tally', true"))
                    .toBool());
        QVERIFY(submit(QStringLiteral("#code-form")));
        QVERIFY(
            waitFor(QStringLiteral("document.querySelectorAll('.code-card img.qr').length === 2 "
                                   "&& [...document.querySelectorAll('.code-card img.qr')]"
                                   ".every((i) => i.complete && i.naturalWidth > 0)")));
        QString error;
        const QJsonObject printed = m_page.call(QStringLiteral("Page.printToPDF"),
            {{QStringLiteral("preferCSSPageSize"), true}}, 30000, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString printedPath = m_shots + QStringLiteral("/devices-codes-printed.pdf");
        QFile printedFile(printedPath);
        QVERIFY(printedFile.open(QIODevice::WriteOnly));
        printedFile.write(
            QByteArray::fromBase64(printed.value(QLatin1String("data")).toString().toLatin1()));
        printedFile.close();
        // What the printer gets, to look at.
        m_page.call(QStringLiteral("Emulation.setEmulatedMedia"),
            {{QStringLiteral("media"), QStringLiteral("print")}}, 10000, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        shoot(QStringLiteral("devices-print-vi-1366"));
        m_page.call(QStringLiteral("Emulation.setEmulatedMedia"),
            {{QStringLiteral("media"), QString()}}, 10000, &error);
        QPdfDocument sheets;
        QCOMPARE(sheets.load(printedPath), QPdfDocument::Error::None);
        QCOMPARE(sheets.pageCount(), 2);
        // Newest first: the tally screen's code, then the chair's.
        QVERIFY(sheets.getAllText(0).text().contains(QStringLiteral("Màn hình kết quả")));
        QVERIFY(sheets.getAllText(1).text().contains(QStringLiteral("Bàn chủ toạ")));
        QVERIFY(noScriptRan());
    }

    void devicesShowLiveAndAreRevoked()
    {
        const QString credential = enrollDevice(m_server, 1, QStringLiteral("tally"));
        QVERIFY(!credential.isEmpty());
        const qint64 device = credential.mid(1).section(u'.', 0, 0).toLongLong();
        QVERIFY(device > 0);
        const QString row = QStringLiteral("#devices-table tr[data-device=\"%1\"]").arg(device);
        // The enrolment is an event: the open page lists the device without being reloaded.
        QVERIFY(waitFor(QStringLiteral("!!document.querySelector('%1.offline')").arg(row)));
        // Online and offline arrive as presence pushes.
        WsClient tally(m_server.pin());
        QVERIFY(tally.connectAndHello(m_server.wsUrl(), credential.toUtf8()));
        QVERIFY(waitFor(QStringLiteral("!!document.querySelector('%1.online')").arg(row)));
        shoot(QStringLiteral("devices-online-vi-1366"));
        tally.close();
        QVERIFY(waitFor(QStringLiteral("!!document.querySelector('%1.offline')").arg(row)));
        // Revoked after a confirmation; Escape on the question changes nothing.
        QVERIFY(click(row + QStringLiteral(" .btn.danger")));
        QVERIFY(waitFor(QStringLiteral("!!document.querySelector('dialog.ws-dialog[open]')")));
        QVERIFY(eval(QStringLiteral("document.querySelector('dialog.ws-dialog').close('cancel'), "
                                    "true"))
                    .toBool());
        QVERIFY(waitFor(QStringLiteral("!document.querySelector('dialog.ws-dialog')")));
        const auto revoked = [this, device] {
            for (const QJsonValue &d : admin("GET", QStringLiteral("/meetings/1/devices"))
                                           .json()
                                           .value(QLatin1String("devices"))
                                           .toArray()) {
                if (d.toObject().value(QLatin1String("id")).toInteger() == device)
                    return d.toObject().value(QLatin1String("revoked")).toBool();
            }
            return false;
        };
        QVERIFY(!revoked());
        QVERIFY(click(row + QStringLiteral(" .btn.danger")));
        QVERIFY(waitFor(QStringLiteral("!!document.querySelector('dialog.ws-dialog[open]')")));
        QVERIFY(click(QStringLiteral("dialog.ws-dialog .btn.danger")));
        QVERIFY(waitFor(QStringLiteral("!!document.querySelector('%1.revoked')").arg(row)));
        QVERIFY(revoked());
        QVERIFY(!tally.connectAndHello(m_server.wsUrl(), credential.toUtf8()));
    }

    void screenshotsOfEveryPreparePage()
    {
        const QStringList views {QStringLiteral("overview"), QStringLiteral("agenda"),
            QStringLiteral("delegates"), QStringLiteral("seats"), QStringLiteral("documents"),
            QStringLiteral("devices")};
        for (const auto &[width, height] : {std::pair {1366, 768}, std::pair {1920, 1080}}) {
            QVERIFY(m_page.setViewport(width, height));
            for (const QString &language : {QStringLiteral("vi"), QStringLiteral("en")}) {
                QVERIFY(eval(
                    QStringLiteral("document.querySelector('.ws-lang [lang=%1]').click(), true")
                        .arg(language))
                            .toBool());
                QVERIFY(waitFor(
                    QStringLiteral("document.documentElement.lang === '%1'").arg(language)));
                go(QStringLiteral("#/meetings"),
                    QStringLiteral("!!document.querySelector('table.meetings')"));
                shoot(QStringLiteral("meetings-%1-%2").arg(language).arg(width));
                for (const QString &view : views) {
                    go(QStringLiteral("#/m/1/%1").arg(view),
                        QStringLiteral(
                            "document.querySelector('.ws-section a[aria-current=page]') && "
                            "document.querySelector('.ws-section a[aria-current=page]')"
                            ".getAttribute('href') === '#/m/1/%1' && "
                            "!!document.querySelector('.ws-page h1')")
                            .arg(view));
                    QTest::qWait(300); // images (QR codes) and the snapshot's refresh
                    shoot(QStringLiteral("%1-%2-%3").arg(view, language).arg(width));
                    QVERIFY(noScriptRan());
                }
            }
        }
        QCOMPARE(m_page.consoleText().count(QStringLiteral("Uncaught")), 0);
    }

    void cleanupTestCase() { m_browser.stop(); }
};

QTEST_MAIN(TestWorkspacePrepare)
#include "test_workspace_prepare.moc"
