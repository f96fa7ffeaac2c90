// The workspace's Minutes view, recording failures on the Run desk and absence reasons in its
// attendance list, in headless Chromium over the DevTools protocol against the real chamberd.
//
// A meeting with three delegates and two items; two speeches are given and ended over REST.
// Their recordings are then put where chamber-media and the recording service leave them: an
// Ogg Opus file (a 2 s tone made by gst-launch-1.0) in <data>/recordings/<sha256>.ogg and the
// `recording.saved` / `recording.failed` events appended to the meeting's log by the actor
// "media" (chamberd stopped meanwhile, its own store API committing them, so the hash chain
// is the server's). chamberd starts again on that data.
//
// The page, as a secretary: the minutes are a draft made from the state's last event; the
// vi/en PDF links give signed PDFs; the fingerprint shown is GET /api/v1/server's
// minutesCertificate.sha256 and the verify command carries it; every export link answers (CSV
// with the UTF-8 BOM); each speech is listed under its item with its recording playable in an
// <audio> element whose bytes have the recording's SHA-256, the partial one marked, the failed
// one with its reason. The desk shows the failure; an absent delegate is excused in place (and
// the reason changed, refused when too long, withdrawn), each step checked over REST; a reason
// made of HTML stays text. After the meeting ends the minutes say final.
//
// Screenshots vi/en at 1366x768 (and 1920x1080) go to $CHAMBER_SHOTS_DIR (else the build
// directory's workspace-minutes-screenshots).
#include "accounts.h"
#include "browser.h"
#include "oggtone.h"
#include "restcall.h"
#include "serverprocess.h"
#include "storage/eventstore.h"
#include "workspacesession.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace chamber;
using namespace chamber::testing;

namespace {

const QString kXss = QStringLiteral("<img src=x onerror=alert(1)>");
const QString kSecretary = QStringLiteral("thuky");
const QString kPassword = QStringLiteral("mat-khau-du-dai-2026");
const QString kPartialNote = QStringLiteral("chamber-media stopped during the speech");
const QString kFailure = QStringLiteral("chamber-media is not running");

QByteArray body(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestWorkspaceMinutes : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_data;
    std::unique_ptr<ServerProcess> m_server;
    Browser m_browser;
    CdpClient m_page;
    QString m_shots;
    qint64 m_firstSpeech = 0;
    qint64 m_secondSpeech = 0;
    QString m_whole; // sha256 of the first speech's recording
    QString m_partial; // sha256 of the second speech's partial recording

    RestResponse admin(const QByteArray &method, const QString &path, const QByteArray &data = {})
    {
        return restCall(method, m_server->baseUrl() + QStringLiteral("/api/v1") + path,
            m_server->pin(), m_server->adminToken(), data);
    }
    QJsonObject state() { return admin("GET", QStringLiteral("/meetings/1")).json(); }
    QJsonObject delegate(qint64 id)
    {
        for (const QJsonValue &d : state().value(QLatin1String("delegates")).toArray()) {
            if (d.toObject().value(QLatin1String("id")).toInteger() == id)
                return d.toObject();
        }
        return {};
    }

    bool waitFor(const QString &condition, int timeoutMs = 15000)
    {
        return m_page.waitForOrReport(condition, timeoutMs);
    }
    QJsonValue eval(const QString &expression) { return m_page.evaluate(expression, 30000); }

    bool openView(const QString &view)
    {
        return m_page.navigate(m_server->baseUrl() + QStringLiteral("/#/m/1/") + view)
            && waitFor(QStringLiteral("!!document.querySelector('.run-view') && "
                                      "!document.querySelector('.run-view .run-message:not(:empty)"
                                      ":not(.error)')"));
    }

    // Appends the recording events as the recording service does (actor "media"), with the
    // server stopped, through the event store chamberd itself commits with.
    void appendRecordingEvents(const QList<QJsonObject> &savedOrFailed)
    {
        auto store = storage::EventStore::open(m_data.filePath(QStringLiteral("chamber.db")));
        QVERIFY2(store.ok(), qPrintable(store ? QString() : store.error().message));
        storage::Batch batch;
        for (const QJsonObject &event : savedOrFailed) {
            batch.events.push_back(
                {1, event.value(QLatin1String("kind")).toString(), QStringLiteral("media"),
                    QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                    event.value(QLatin1String("data")).toObject()});
        }
        auto committed = store.value()->commit(batch);
        QVERIFY2(committed.ok(), qPrintable(committed ? QString() : committed.error().message));
    }

    QString storeRecording(int seconds)
    {
        const QByteArray ogg = oggTone(m_data.path(), seconds);
        if (ogg.isEmpty())
            return {};
        const QString sha256 = QString::fromLatin1(
            QCryptographicHash::hash(ogg, QCryptographicHash::Sha256).toHex());
        QDir().mkpath(m_data.filePath(QStringLiteral("recordings")));
        QFile file(m_data.filePath(QStringLiteral("recordings/%1.ogg").arg(sha256)));
        if (!file.open(QIODevice::WriteOnly) || file.write(ogg) != ogg.size())
            return {};
        return sha256;
    }

    static QJsonObject saved(qint64 speech, int segment, const QString &sha256, qint64 bytes,
        qint64 durationMs, bool partial, const QString &note)
    {
        return {{QStringLiteral("kind"), QStringLiteral("recording.saved")},
            {QStringLiteral("data"),
                QJsonObject {{QStringLiteral("recording"),
                                 QStringLiteral("1-%1-%2").arg(speech).arg(segment)},
                    {QStringLiteral("speech"), speech}, {QStringLiteral("segment"), segment},
                    {QStringLiteral("sha256"), sha256}, {QStringLiteral("bytes"), bytes},
                    {QStringLiteral("durationMs"), durationMs},
                    {QStringLiteral("partial"), partial}, {QStringLiteral("note"), note}}}};
    }

    // The seq of every speaker.granted event so far.
    QList<qint64> grants()
    {
        QList<qint64> seqs;
        const QByteArray log
            = admin("GET", QStringLiteral("/meetings/1/events?since=0&limit=100000")).body;
        for (const QByteArray &line : log.split('\n')) {
            const QJsonObject event = QJsonDocument::fromJson(line).object();
            if (event.value(QLatin1String("kind")).toString() == QLatin1String("speaker.granted"))
                seqs.append(event.value(QLatin1String("seq")).toInteger());
        }
        return seqs;
    }

    void screenshots(const QString &name) { QVERIFY(saveOfficeScreenshots(m_page, m_shots, name)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!Browser::executable().isEmpty(),
            "chromium is missing: install the Debian package `chromium` (scripts/test.sh does)");
        m_shots = qEnvironmentVariable("CHAMBER_SHOTS_DIR",
            QStringLiteral(CHAMBER_BIN_DIR "/../workspace-minutes-screenshots"));
        QVERIFY(QDir().mkpath(m_shots));
        QVERIFY(m_data.isValid());
        m_server = std::make_unique<ServerProcess>(m_data.path());
        QVERIFY(m_server->start());
        QCOMPARE(admin("POST", QStringLiteral("/meetings"),
                     body({{QStringLiteral("title"), QStringLiteral("Kỳ họp thứ 16 — HĐND tỉnh")}}))
                     .status,
            201);
        const QStringList names {QStringLiteral("Nguyễn Văn An"), QStringLiteral("Trần Thị Bình"),
            QStringLiteral("Lê Hoàng Phúc")};
        for (int i = 0; i < names.size(); ++i)
            QCOMPARE(admin("POST", QStringLiteral("/meetings/1/delegates"),
                         body({{QStringLiteral("name"), names.at(i)},
                             {QStringLiteral("seat"), QStringLiteral("A%1").arg(i + 1)}}))
                         .status,
                201);
        for (const QString &title :
            {QStringLiteral("Khai mạc kỳ họp"), QStringLiteral("Nghị quyết về ngân sách năm 2027")})
            QCOMPARE(admin("POST", QStringLiteral("/meetings/1/agenda"),
                         body({{QStringLiteral("title"), title}}))
                         .status,
                201);
        QCOMPARE(admin("POST", QStringLiteral("/meetings/1/start")).status, 200);
        for (qint64 d : {1, 2})
            QCOMPARE(
                admin("POST", QStringLiteral("/meetings/1/delegates/%1/check-in").arg(d)).status,
                200);
        QCOMPARE(
            admin("PUT", QStringLiteral("/meetings/1/current-item"), R"({"item":2})").status, 200);
        for (qint64 d : {1, 2}) {
            QCOMPARE(admin("POST", QStringLiteral("/meetings/1/speakers/grant"),
                         body({{QStringLiteral("delegate"), d}}))
                         .status,
                200);
            QCOMPARE(admin("POST", QStringLiteral("/meetings/1/speakers/end")).status, 200);
        }
        const QList<qint64> granted = grants();
        QCOMPARE(granted.size(), 2);
        m_firstSpeech = granted.at(0);
        m_secondSpeech = granted.at(1);
        QCOMPARE(
            createAccount(*m_server, kSecretary, QStringLiteral("secretary"), kPassword).status,
            201);

        // The recordings, as chamber-media and the recording service leave them.
        QCOMPARE(m_server->terminate(), 0);
        m_whole = storeRecording(2);
        QVERIFY2(!m_whole.isEmpty(), "gst-launch-1.0 (gstreamer1.0-tools) made no Ogg file");
        m_partial = storeRecording(1);
        QVERIFY(!m_partial.isEmpty() && m_partial != m_whole);
        const qint64 wholeBytes
            = QFileInfo(m_data.filePath(QStringLiteral("recordings/%1.ogg").arg(m_whole))).size();
        const qint64 partialBytes
            = QFileInfo(m_data.filePath(QStringLiteral("recordings/%1.ogg").arg(m_partial))).size();
        appendRecordingEvents({saved(m_firstSpeech, 1, m_whole, wholeBytes, 2000, false, {}),
            saved(m_secondSpeech, 1, m_partial, partialBytes, 1000, true, kPartialNote),
            {{QStringLiteral("kind"), QStringLiteral("recording.failed")},
                {QStringLiteral("data"),
                    QJsonObject {
                        {QStringLiteral("recording"), QStringLiteral("1-%1-2").arg(m_secondSpeech)},
                        {QStringLiteral("speech"), m_secondSpeech}, {QStringLiteral("segment"), 2},
                        {QStringLiteral("reason"), kFailure}}}}});
        m_server = std::make_unique<ServerProcess>(m_data.path());
        QVERIFY(m_server->start());
        QCOMPARE(state().value(QLatin1String("recordings")).toArray().size(), 3);

        QVERIFY2(m_browser.start({QStringLiteral("--ignore-certificate-errors"),
                     QStringLiteral("--autoplay-policy=no-user-gesture-required")}),
            qPrintable(m_browser.errors()));
        QVERIFY(m_page.open(m_browser.pageWebSocketUrl()));
        QVERIFY(m_page.setViewport(1366, 768));
        m_page.call(QStringLiteral("Page.addScriptToEvaluateOnNewDocument"),
            {{QStringLiteral("source"),
                QStringLiteral("window.alert = () => { window.__alerted = (window.__alerted || 0) "
                               "+ 1; }; localStorage.setItem('chamber.lang', 'vi');")}});
        QVERIFY(m_page.navigate(m_server->baseUrl() + QStringLiteral("/#/login")));
        QVERIFY(loginInPage(m_page, kSecretary, kPassword));
    }

    void minutesSummaryAndDownloads()
    {
        QVERIFY(openView(QStringLiteral("minutes")));
        const QJsonObject now = state();
        const qint64 seq = now.value(QLatin1String("seq")).toInteger();
        QVERIFY(waitFor(QStringLiteral("!!document.querySelector('.minutes-kind')")));
        QCOMPARE(m_page.textOf(QStringLiteral(".minutes-kind")), QStringLiteral("Dự thảo"));
        QCOMPARE(
            eval(QStringLiteral("document.querySelector('.minutes-kind').dataset.kind")).toString(),
            QStringLiteral("draft"));
        QCOMPARE(eval(QStringLiteral("document.querySelector('.minutes-made-from').dataset.seq"))
                     .toString(),
            QString::number(seq));
        QVERIFY(m_page.textOf(QStringLiteral(".minutes-made-from"))
                    .contains(now.value(QLatin1String("head")).toString()));

        // The fingerprint is the server's, and the verify command names it.
        const QString fingerprint = admin("GET", QStringLiteral("/server"))
                                        .json()
                                        .value(QLatin1String("minutesCertificate"))
                                        .toObject()
                                        .value(QLatin1String("sha256"))
                                        .toString();
        QCOMPARE(fingerprint.size(), 64);
        QCOMPARE(m_page.textOf(QStringLiteral(".minutes-fingerprint")), fingerprint);
        QCOMPARE(m_page.textOf(QStringLiteral(".minutes-verify")),
            QStringLiteral("chamberctl verify bien-ban-1-%1-vi.pdf --fingerprint %2")
                .arg(seq)
                .arg(fingerprint));

        // Both PDFs, fetched from the links as the browser would download them.
        for (const QString &lang : {QStringLiteral("vi"), QStringLiteral("en")}) {
            const QJsonObject pdf
                = eval(QStringLiteral(
                           "(async () => { const a = document.querySelector('a[data-lang=%1]'); "
                           "const r = await fetch(a.href, {credentials: 'same-origin'}); "
                           "const b = new Uint8Array(await r.arrayBuffer()); "
                           "return {status: r.status, type: r.headers.get('content-type'), "
                           "disposition: r.headers.get('content-disposition') || '', "
                           "start: String.fromCharCode(...b.slice(0, 5)), size: b.length}; })()")
                           .arg(lang))
                      .toObject();
            QCOMPARE(pdf.value(QLatin1String("status")).toInt(), 200);
            QVERIFY(pdf.value(QLatin1String("type"))
                        .toString()
                        .startsWith(QLatin1String("application/pdf")));
            QCOMPARE(pdf.value(QLatin1String("start")).toString(), QStringLiteral("%PDF-"));
            QVERIFY(pdf.value(QLatin1String("disposition"))
                        .toString()
                        .contains(QStringLiteral("bien-ban-1-%1-%2.pdf").arg(seq).arg(lang)));
        }

        // Every export: JSON, and each CSV table with the UTF-8 BOM.
        QCOMPARE(
            eval(QStringLiteral("document.querySelectorAll('a[data-export]').length")).toInt(), 7);
        const QJsonArray exports = eval(
            QStringLiteral(
                "Promise.all([...document.querySelectorAll('a[data-export]')].map(async (a) => { "
                "const r = await fetch(a.href, {credentials: 'same-origin'}); "
                "const b = new Uint8Array(await r.arrayBuffer()); "
                "return {name: a.dataset.export, status: r.status, type: "
                "r.headers.get('content-type'), "
                "bom: b[0] === 0xEF && b[1] === 0xBB && b[2] === 0xBF, "
                "text: new TextDecoder().decode(b)}; }))"))
                                       .toArray();
        QCOMPARE(exports.size(), 7);
        for (const QJsonValue &value : exports) {
            const QJsonObject e = value.toObject();
            const QString name = e.value(QLatin1String("name")).toString();
            QVERIFY2(e.value(QLatin1String("status")).toInt() == 200, qPrintable(name));
            if (name == QLatin1String("json")) {
                const QJsonObject json
                    = QJsonDocument::fromJson(e.value(QLatin1String("text")).toString().toUtf8())
                          .object();
                QCOMPARE(json.value(QLatin1String("speeches")).toArray().size(), 2);
            } else {
                QVERIFY2(e.value(QLatin1String("bom")).toBool(), qPrintable(name));
                QVERIFY2(
                    e.value(QLatin1String("type")).toString().startsWith(QLatin1String("text/csv")),
                    qPrintable(name));
            }
        }
        const QJsonObject speechesCsv = [&] {
            for (const QJsonValue &v : exports)
                if (v.toObject().value(QLatin1String("name")).toString()
                    == QLatin1String("speeches"))
                    return v.toObject();
            return QJsonObject();
        }();
        QVERIFY(speechesCsv.value(QLatin1String("text"))
                    .toString()
                    .contains(QStringLiteral("Trần Thị Bình")));
    }

    void speechesWithRecordings()
    {
        QVERIFY(openView(QStringLiteral("minutes")));
        QVERIFY(
            waitFor(QStringLiteral("document.querySelectorAll('.minutes-speech').length === 2")));
        // Both under item 2, in speaking order, with the speaker's name.
        const QString first
            = QStringLiteral(".minutes-item[data-item='2'] .minutes-speech[data-speech='%1']")
                  .arg(m_firstSpeech);
        const QString second
            = QStringLiteral(".minutes-item[data-item='2'] .minutes-speech[data-speech='%1']")
                  .arg(m_secondSpeech);
        QVERIFY(m_page.textOf(first).contains(QStringLiteral("Nguyễn Văn An")));
        QVERIFY(m_page.textOf(second).contains(QStringLiteral("Trần Thị Bình")));
        QVERIFY(m_page.textOf(QStringLiteral(".minutes-item[data-item='2'] h3"))
                    .contains(QStringLiteral("Nghị quyết về ngân sách")));
        // The whole recording: an <audio> that loads nothing until asked, its bytes the hash.
        const QString audio = first + QStringLiteral(" audio");
        QCOMPARE(eval(QStringLiteral("document.querySelector(%1).preload").arg(jsString(audio)))
                     .toString(),
            QStringLiteral("none"));
        QVERIFY(eval(QStringLiteral("document.querySelector(%1).controls").arg(jsString(audio)))
                    .toBool());
        QCOMPARE(eval(QStringLiteral(
                          "(async () => { const r = await fetch(document.querySelector(%1).src, "
                          "{credentials: 'same-origin'}); "
                          "const d = await crypto.subtle.digest('SHA-256', await r.arrayBuffer()); "
                          "return r.status + ' ' + r.headers.get('content-type') + ' ' + "
                          "[...new Uint8Array(d)].map(b => b.toString(16).padStart(2, "
                          "'0')).join(''); })()")
                          .arg(jsString(audio)))
                     .toString(),
            QStringLiteral("200 audio/ogg %1").arg(m_whole));
        // Chromium decodes it: the player knows its length once asked to load.
        QVERIFY(eval(QStringLiteral("(() => { const a = document.querySelector(%1); a.preload = "
                                    "'auto'; a.load(); return 1; })()")
                         .arg(jsString(audio)))
                    .toInt());
        QVERIFY(waitFor(
            QStringLiteral("(() => { const a = document.querySelector(%1); "
                           "return a.readyState >= 1 && Math.abs(a.duration - 2) < 0.2; })()")
                .arg(jsString(audio))));
        // The partial one is marked with its note; the failed segment shows its reason.
        QVERIFY(
            waitFor(QStringLiteral("!!document.querySelector(%1)")
                        .arg(jsString(second
                            + QStringLiteral(
                                " .minutes-recording.partial[data-sha256='%1'] .minutes-partial")
                                  .arg(m_partial)))));
        QVERIFY(m_page.textOf(second).contains(kPartialNote));
        QVERIFY(m_page.textOf(second + QStringLiteral(" .minutes-recording.failed"))
                    .contains(kFailure));
        QCOMPARE(eval(QStringLiteral("document.querySelectorAll('.minutes-speech audio').length"))
                     .toInt(),
            2);
        screenshots(QStringLiteral("minutes-vi"));
        QVERIFY(m_page.click(QStringLiteral("#top button[lang=en]")));
        QVERIFY(waitFor(
            QStringLiteral("document.querySelector('.run-minutes h1') && "
                           "document.querySelector('.run-minutes h1').textContent === 'Minutes' && "
                           "document.querySelectorAll('.minutes-speech').length === 2")));
        QCOMPARE(m_page.textOf(QStringLiteral(".minutes-kind")), QStringLiteral("Draft"));
        screenshots(QStringLiteral("minutes-en"));
        QVERIFY(m_page.click(QStringLiteral("#top button[lang=vi]")));
    }

    void deskShowsRecordingFailures()
    {
        QVERIFY(openView(QStringLiteral("run")));
        QVERIFY(waitFor(
            QStringLiteral("!!document.querySelector('.run-recording-failures:not([hidden])')")));
        QCOMPARE(
            eval(QStringLiteral("document.querySelector('.run-recording-badge').dataset.count"))
                .toString(),
            QStringLiteral("1"));
        QVERIFY(m_page.textOf(QStringLiteral(".run-recording-list")).contains(kFailure));
        QVERIFY(eval(QStringLiteral("window.scrollTo(0, 0), 1")).toInt());
        screenshots(QStringLiteral("desk-recording-failure-vi"));
        QVERIFY(m_page.textOf(QStringLiteral(".run-recording-list"))
                    .contains(QString::number(m_secondSpeech)));
    }

    void excuseAbsentDelegate()
    {
        QVERIFY(openView(QStringLiteral("run")));
        const QString row = QStringLiteral(".run-attendance tr[data-delegate='3']");
        // Present delegates have nothing to excuse.
        QVERIFY(waitFor(
            QStringLiteral("!!document.querySelector(\".run-attendance tr[data-delegate='1']\") && "
                           "!document.querySelector(\".run-attendance tr[data-delegate='1'] "
                           "[data-action=excuse]\")")));
        QVERIFY(m_page.click(row + QStringLiteral(" [data-action=excuse]")));
        QVERIFY(waitFor(QStringLiteral("!!document.querySelector(%1)")
                            .arg(jsString(row + QStringLiteral(" .run-absence-input")))));
        const auto typeAndSave = [&](const QString &text) {
            QVERIFY(eval(
                QStringLiteral("(() => { const i = document.querySelector(%1); i.value = %2; "
                               "i.closest('form').requestSubmit(); return 1; })()")
                    .arg(jsString(row + QStringLiteral(" .run-absence-input")), jsString(text)))
                        .toInt());
        };
        typeAndSave(QStringLiteral("Đi công tác tại Hà Nội"));
        QVERIFY(waitFor(
            QStringLiteral("document.querySelector(%1).dataset.reason === 'Đi công tác tại Hà Nội'")
                .arg(jsString(row + QStringLiteral(" .run-absence")))));
        QCOMPARE(delegate(3).value(QLatin1String("absenceReason")).toString(),
            QStringLiteral("Đi công tác tại Hà Nội"));
        QVERIFY(
            m_page.textOf(row).contains(QStringLiteral("Vắng có lý do: Đi công tác tại Hà Nội")));

        // Too long: refused in the page with a reason, nothing changes on the server.
        QVERIFY(m_page.click(row + QStringLiteral(" [data-action=excuse]")));
        QVERIFY(waitFor(QStringLiteral("!!document.querySelector(%1)")
                            .arg(jsString(row + QStringLiteral(" .run-absence-input")))));
        typeAndSave(QString(501, u'x'));
        QVERIFY(waitFor(QStringLiteral("document.querySelector(%1).textContent !== ''")
                            .arg(jsString(row + QStringLiteral(" .run-absence-error")))));
        QCOMPARE(delegate(3).value(QLatin1String("absenceReason")).toString(),
            QStringLiteral("Đi công tác tại Hà Nội"));

        // HTML stays text.
        typeAndSave(kXss);
        QVERIFY(waitFor(QStringLiteral("document.querySelector(%1).dataset.reason === %2")
                            .arg(jsString(row + QStringLiteral(" .run-absence")), jsString(kXss))));
        QCOMPARE(delegate(3).value(QLatin1String("absenceReason")).toString(), kXss);
        QCOMPARE(injectedImageTraces(m_page), 0);
        screenshots(QStringLiteral("desk-absence-vi"));

        // Withdrawn with an empty reason.
        QVERIFY(m_page.click(row + QStringLiteral(" [data-action=excuse]")));
        QVERIFY(waitFor(QStringLiteral("!!document.querySelector(%1)")
                            .arg(jsString(row + QStringLiteral(" .run-absence-input")))));
        typeAndSave(QString());
        QVERIFY(waitFor(QStringLiteral("document.querySelector(%1).dataset.reason === ''")
                            .arg(jsString(row + QStringLiteral(" .run-absence")))));
        QCOMPARE(delegate(3).value(QLatin1String("absenceReason")).toString(), QString());
    }

    void finalAfterTheEnd()
    {
        QCOMPARE(admin("POST", QStringLiteral("/meetings/1/end")).status, 200);
        QVERIFY(openView(QStringLiteral("minutes")));
        QVERIFY(waitFor(QStringLiteral(
            "(document.querySelector('.minutes-kind') || {}).dataset?.kind === 'final'")));
        QCOMPARE(m_page.textOf(QStringLiteral(".minutes-kind")), QStringLiteral("Bản chính thức"));
        QCOMPARE(eval(QStringLiteral("document.querySelector('.minutes-made-from').dataset.seq"))
                     .toString(),
            QString::number(state().value(QLatin1String("seq")).toInteger()));
    }

    void cleanupTestCase()
    {
        m_browser.stop();
        if (m_server)
            m_server->terminate();
    }
};

QTEST_MAIN(TestWorkspaceMinutes)
#include "test_workspace_minutes.moc"
