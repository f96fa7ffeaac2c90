// The minutes of a real sitting against the real chamberd (issue 16): the demo meeting is run
// through attendance changes (a late arrival, an early leave, an excused absence), agenda items
// with a document, speeches of delegates and of a bridge point, a named and a secret poll
// published, a conclusion on the named poll and the meeting's end. Then its minutes: the
// signed PDF in Vietnamese and English over REST and through chamberctl, every section found
// by pdftotext, the same bytes again (kept and freshly drawn), pdfsig's verdict before and after
// one changed byte, chamberctl verify against the exported log, another meeting's log and a
// shortened one, the CSV and JSON exports, the recordings route, and who may read them.
#include "accounts.h"
#include "chamberctlrun.h"
#include "pdfmaker.h"
#include "protocol/joinlink.h"
#include "protocol/receipt.h"
#include "votingserver.h"

#include "childprocess.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace chamber;
using namespace chamber::testing;

namespace {

constexpr int kRenderTimeoutMs = 150000;
const QString kExcuse = QStringLiteral("Đi công tác tại Hà Nội theo quyết định của Tỉnh ủy");
const QString kBridgeLabel = QStringLiteral("Điểm cầu huyện Cái Bè");
const QString kNamedPoll = QStringLiteral("Thông qua Nghị quyết về dự toán ngân sách năm 2027");
const QString kSecretPoll = QStringLiteral("Bầu Phó Chủ tịch Hội đồng nhân dân tỉnh");
const QString kConclusion
    = QStringLiteral("Hội đồng thống nhất thông qua dự toán ngân sách năm 2027 như tờ trình");
const QString kDocumentName = QStringLiteral("Tờ trình dự toán ngân sách 2027.pdf");

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// What a program printed (stdout and stderr together) and its exit code; -1 when it did not run.
struct ToolRun
{
    int exitCode = -1;
    QString output;
};

ToolRun runTool(const QString &program, const QStringList &arguments)
{
    QProcess process;
    chamber::testing::dieWithTest(process);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAll())};
}

// Text as pdftotext extracts it, whitespace runs made single spaces (lines wrap anywhere).
QString pdfText(const QString &path)
{
    const ToolRun run = runTool(QStringLiteral("pdftotext"),
        {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    return run.exitCode == 0 ? run.output.simplified() : QString();
}

QJsonObject resultOf(const RestResponse &response)
{
    return response.json().value(QLatin1String("result")).toObject();
}

} // namespace

class TestMinutes : public QObject
{
    Q_OBJECT

private:
    VotingServer m_server;
    std::optional<Room> m_room;
    QTemporaryDir m_work;
    qint64 m_item = 0; // the budget item: document, speeches, polls, conclusion
    qint64 m_namedPoll = 0;
    qint64 m_secretPoll = 0;
    qint64 m_bridge = 0;
    QString m_bridgeCredential;
    QString m_documentSha;
    QString m_draftPath;
    qint64 m_draftSeq = 0;
    QString m_certificateSha;
    QStringList m_receipts;

    RestResponse call(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        return m_server.call(method, path,
            body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    RestResponse get(const QString &path, const QByteArray &credential = {})
    {
        return restCall("GET", m_server.process.baseUrl() + QStringLiteral("/api/v1") + path,
            m_server.process.pin(),
            credential.isEmpty() ? m_server.process.adminToken() : credential, {}, {},
            kRenderTimeoutMs);
    }

    QString write(const QString &name, const QByteArray &content)
    {
        return writeTestFile(m_work, name, content);
    }

    CtlRun ctl(const QStringList &arguments)
    {
        return runChamberctl(QStringList {QStringLiteral("--data"), m_server.process.dataDir(),
                                 QStringLiteral("--server"), m_server.process.baseUrl()}
                + arguments,
            QProcessEnvironment::systemEnvironment(), kRenderTimeoutMs);
    }

    // chamberctl verify with nothing found by itself: no data directory, no server.
    CtlRun verify(const QStringList &arguments)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"CHAMBER_SERVER", "CHAMBER_PIN", "CHAMBER_TOKEN"})
            environment.remove(QLatin1String(name));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_work.filePath(QStringLiteral("xdg")));
        return runChamberctl(QStringList {QStringLiteral("verify")} + arguments, environment);
    }

    void speech(const QJsonObject &who)
    {
        QCOMPARE(call("POST", QStringLiteral("/meetings/1/speakers/grant"), who).status, 200);
        QCOMPARE(call("POST", QStringLiteral("/meetings/1/speakers/end")).status, 200);
    }

    void castAll(qint64 poll, const std::map<qint64, QString> &choices, bool keepReceipts)
    {
        for (const auto &[delegate, choice] : choices) {
            const QString key = protocol::makeBallotKey();
            if (keepReceipts)
                m_receipts << protocol::ballotReceipt(1, poll, key);
            const QJsonObject reply = m_room->seats.at(delegate).ws->request(
                {{QStringLiteral("type"), QStringLiteral("ballot.cast")},
                    {QStringLiteral("meeting"), 1}, {QStringLiteral("poll"), poll},
                    {QStringLiteral("delegate"), delegate}, {QStringLiteral("choice"), choice},
                    {QStringLiteral("key"), key}});
            QCOMPARE(codeOf(reply), QStringLiteral("ok"));
        }
    }

    void closeAndPublish(qint64 poll)
    {
        m_server.closePoll(poll);
        QCOMPARE(
            call("POST", QStringLiteral("/meetings/1/polls/%1/publish").arg(poll)).status, 200);
    }

    qint64 headSeq()
    {
        return get(QStringLiteral("/meetings/1")).json().value(QLatin1String("seq")).toInteger();
    }

    // The minutes PDF over REST, saved under `name`.
    QString fetchPdf(const QString &name, const QString &query)
    {
        const RestResponse pdf = get(QStringLiteral("/meetings/1/minutes.pdf") + query);
        if (pdf.status != 200 || !pdf.body.startsWith("%PDF-")) {
            qWarning("minutes.pdf%s: %d %s", qPrintable(query), pdf.status,
                pdf.body.left(300).constData());
            return {};
        }
        return write(name, pdf.body);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        m_room = m_server.startWithRoom();
        QVERIFY(m_room);
        // The heading of the minutes.
        QCOMPARE(call("PATCH", QStringLiteral("/meetings/1"),
                     {{QStringLiteral("session"), QStringLiteral("Kỳ họp thứ mười hai")},
                         {QStringLiteral("chairperson"), QStringLiteral("Nguyễn Văn Danh")},
                         {QStringLiteral("secretary"), QStringLiteral("Trần Thị Thu Hà")}})
                     .status,
            200);
        const QJsonArray agenda = get(QStringLiteral("/meetings/1/agenda"))
                                      .json()
                                      .value(QLatin1String("agenda"))
                                      .toArray();
        // The first item (not a section) whose title names the budget.
        std::function<void(const QJsonArray &)> find = [&](const QJsonArray &items) {
            for (const QJsonValue &value : items) {
                const QJsonObject item = value.toObject();
                if (!m_item && item.value(QLatin1String("kind")).toString() == QLatin1String("item")
                    && item.value(QLatin1String("title"))
                           .toString()
                           .contains(QStringLiteral("ngân sách")))
                    m_item = item.value(QLatin1String("id")).toInteger();
                find(item.value(QLatin1String("children")).toArray());
            }
        };
        find(agenda);
        QVERIFY(m_item > 0);
    }

    void runTheSitting()
    {
        // A bridge point joins with its site's name (a join code redeemed as a kiosk does).
        const auto link
            = protocol::parseJoinLink(call("POST", QStringLiteral("/meetings/1/join-codes"),
                {{QStringLiteral("role"), QStringLiteral("bridge")},
                    {QStringLiteral("label"), kBridgeLabel}})
                                          .json()
                                          .value(QLatin1String("url"))
                                          .toString());
        QVERIFY(link);
        WsClient enroller(m_server.process.pin());
        QVERIFY(enroller.open(m_server.process.wsUrl()));
        m_bridgeCredential = enroller
                                 .request({{QStringLiteral("type"), QStringLiteral("enroll")},
                                     {QStringLiteral("token"), link->token}})
                                 .value(QLatin1String("result"))
                                 .toObject()
                                 .value(QLatin1String("credential"))
                                 .toString();
        QVERIFY(!m_bridgeCredential.isEmpty());
        for (const QJsonValue &device : get(QStringLiteral("/meetings/1/devices"))
                                            .json()
                                            .value(QLatin1String("devices"))
                                            .toArray()) {
            if (device.toObject().value(QLatin1String("role")).toString()
                == QLatin1String("bridge"))
                m_bridge = device.toObject().value(QLatin1String("id")).toInteger();
        }
        QVERIFY(m_bridge > 0);
        // The document of the budget item.
        const RestResponse uploaded = m_server.call("POST",
            QStringLiteral("/meetings/1/items/%1/documents?name=%2")
                .arg(m_item)
                .arg(QString::fromLatin1(QUrl::toPercentEncoding(kDocumentName))),
            makeArticlePdf(2, 3));
        QVERIFY2(uploaded.status == 200 || uploaded.status == 201, uploaded.body.constData());
        m_documentSha = uploaded.json()
                            .value(QLatin1String("document"))
                            .toObject()
                            .value(QLatin1String("sha256"))
                            .toString();
        QVERIFY2(m_documentSha.size() == 64, uploaded.body.constData());

        QCOMPARE(call("POST", QStringLiteral("/meetings/1/start")).status, 200);
        // Delegate 6 is excused; 7 comes late and leaves early.
        QCOMPARE(call("PUT", QStringLiteral("/meetings/1/delegates/6/absence"),
                     {{QStringLiteral("reason"), kExcuse}})
                     .status,
            200);
        QCOMPARE(call("POST", QStringLiteral("/meetings/1/delegates/7/check-in")).status, 200);
        QCOMPARE(call("PUT", QStringLiteral("/meetings/1/current-item"),
                     {{QStringLiteral("item"), m_item}})
                     .status,
            200);
        speech({{QStringLiteral("delegate"), 1}});
        speech({{QStringLiteral("delegate"), 3}});
        speech({{QStringLiteral("bridge"), m_bridge}});
        QCOMPARE(call("POST", QStringLiteral("/meetings/1/delegates/7/check-out")).status, 200);

        m_namedPoll = m_server.openPoll(
            {{QStringLiteral("title"), kNamedPoll}, {QStringLiteral("item"), m_item}});
        castAll(m_namedPoll,
            {{1, QStringLiteral("yes")}, {2, QStringLiteral("yes")}, {3, QStringLiteral("no")},
                {4, QStringLiteral("abstain")}, {5, QStringLiteral("yes")}},
            false);
        closeAndPublish(m_namedPoll);
        m_secretPoll = m_server.openPoll({{QStringLiteral("title"), kSecretPoll},
            {QStringLiteral("item"), m_item}, {QStringLiteral("secret"), true}});
        castAll(m_secretPoll,
            {{1, QStringLiteral("yes")}, {2, QStringLiteral("no")}, {3, QStringLiteral("yes")},
                {4, QStringLiteral("yes")}},
            true);
        closeAndPublish(m_secretPoll);
        QCOMPARE(call("POST", QStringLiteral("/meetings/1/conclusions"),
                     {{QStringLiteral("item"), m_item}, {QStringLiteral("text"), kConclusion},
                         {QStringLiteral("poll"), m_namedPoll}})
                     .status,
            201);
    }

    void draftBeforeTheEnd()
    {
        m_draftSeq = headSeq();
        m_draftPath = fetchPdf(QStringLiteral("draft-vi.pdf"), QStringLiteral("?lang=vi"));
        QVERIFY(!m_draftPath.isEmpty());
        const CtlRun checked
            = verify({m_draftPath, QStringLiteral("--data"), m_server.process.dataDir()});
        QVERIFY2(checked.exitCode == 0, qPrintable(checked.err + checked.out));
        QVERIFY2(checked.out.contains(QStringLiteral("draft minutes of meeting 1")),
            qPrintable(checked.out));
        const QString text = pdfText(m_draftPath);
        QVERIFY2(text.contains(QStringLiteral("DỰ THẢO")), qPrintable(text.left(2000)));
        // Its name says which event it was made up to; Vietnamese unless asked otherwise.
        const RestResponse again = get(QStringLiteral("/meetings/1/minutes.pdf"));
        QVERIFY(again.header("Content-Disposition")
                    .contains(QStringLiteral("bien-ban-1-%1-vi.pdf").arg(m_draftSeq).toLatin1()));
        QCOMPARE(again.body, readFile(m_draftPath));
    }

    void finalMinutesInBothLanguages()
    {
        QCOMPARE(call("POST", QStringLiteral("/meetings/1/end")).status, 200);
        const qint64 seq = headSeq();
        const QString vi = fetchPdf(QStringLiteral("final-vi.pdf"), QStringLiteral("?lang=vi"));
        const QString en = fetchPdf(QStringLiteral("final-en.pdf"), QStringLiteral("?lang=en"));
        QVERIFY(!vi.isEmpty() && !en.isEmpty());
        const QString viText = pdfText(vi);
        const QString enText = pdfText(en);
        // Facts of the log, in both languages.
        for (const QString &text : {viText, enText}) {
            for (const QString &fact : {QStringLiteral("Kỳ họp thứ mười hai"),
                     QStringLiteral("Nguyễn Văn Danh"), QStringLiteral("Trần Thị Thu Hà"), kExcuse,
                     kNamedPoll, kSecretPoll, kConclusion, kBridgeLabel, m_documentSha.left(16),
                     QStringLiteral("Hội trường Hội đồng nhân dân tỉnh")})
                QVERIFY2(text.contains(fact),
                    qPrintable(fact + QStringLiteral(" not in ") + text.left(3000)));
            // The footer names the last event.
            QVERIFY2(text.contains(QString::number(seq)), qPrintable(text.right(500)));
            // The secret poll's receipts, not its voters.
            for (const QString &receipt : std::as_const(m_receipts))
                QVERIFY2(text.contains(receipt.left(12)), qPrintable(receipt));
            QVERIFY(!text.contains(QStringLiteral("DỰ THẢO")));
        }
        QVERIFY2(viText.contains(QStringLiteral("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
            qPrintable(viText.left(500)));
        QVERIFY(viText.contains(QStringLiteral("Độc lập - Tự do - Hạnh phúc")));
        QVERIFY(viText.contains(QStringLiteral("BIÊN BẢN")));
        QVERIFY2(enText.contains(QStringLiteral("MINUTES")), qPrintable(enText.left(500)));
        QVERIFY(!enText.contains(QStringLiteral("BIÊN BẢN")));
    }

    void sameLogSameBytes()
    {
        const QByteArray first = readFile(m_work.filePath(QStringLiteral("final-vi.pdf")));
        QVERIFY(!first.isEmpty());
        // Kept.
        QCOMPARE(get(QStringLiteral("/meetings/1/minutes.pdf?lang=vi")).body, first);
        // Drawn and signed again: the kept files taken away.
        const QDir kept(m_server.process.dataDir() + QStringLiteral("/minutes"));
        const QStringList files = kept.entryList({QStringLiteral("*.pdf")}, QDir::Files);
        QVERIFY(files.contains(QStringLiteral("bien-ban-1-%1-vi.pdf").arg(headSeq())));
        for (const QString &file : files)
            QVERIFY(QFile::remove(kept.filePath(file)));
        QCOMPARE(get(QStringLiteral("/meetings/1/minutes.pdf?lang=vi")).body, first);
        // And through chamberctl.
        const QString viaCtl = m_work.filePath(QStringLiteral("ctl-en.pdf"));
        const CtlRun run = ctl({QStringLiteral("minutes"), QStringLiteral("1"),
            QStringLiteral("--output"), viaCtl, QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("final minutes of meeting 1 (en)")),
            qPrintable(run.out));
        QCOMPARE(readFile(viaCtl), readFile(m_work.filePath(QStringLiteral("final-en.pdf"))));
        // As of the draft's event, drawn again after the end: the draft's bytes.
        QCOMPARE(get(QStringLiteral("/meetings/1/minutes.pdf?lang=vi&seq=%1").arg(m_draftSeq)).body,
            readFile(m_draftPath));
    }

    void certificateIsPublished()
    {
        const QJsonObject certificate = get(QStringLiteral("/server"))
                                            .json()
                                            .value(QLatin1String("minutesCertificate"))
                                            .toObject();
        m_certificateSha = certificate.value(QLatin1String("sha256")).toString();
        QCOMPARE(m_certificateSha.size(), 64);
        const QList<QSslCertificate> parsed = QSslCertificate::fromData(
            certificate.value(QLatin1String("pem")).toString().toLatin1(), QSsl::Pem);
        QCOMPARE(parsed.size(), 1);
        QCOMPARE(QString::fromLatin1(
                     QCryptographicHash::hash(parsed.first().toDer(), QCryptographicHash::Sha256)
                         .toHex()),
            m_certificateSha);
        // The file the data directory keeps is the same certificate.
        const QList<QSslCertificate> own = QSslCertificate::fromPath(
            m_server.process.dataDir() + QStringLiteral("/minutes-signing/cert.pem"));
        QCOMPARE(own.size(), 1);
        QCOMPARE(own.first(), parsed.first());
    }

    void pdfsigAndVerifyAgreeOnOneChangedByte()
    {
        const QString genuine = m_work.filePath(QStringLiteral("final-vi.pdf"));
        const ToolRun valid = runTool(QStringLiteral("pdfsig"), {genuine});
        QVERIFY2(
            valid.output.contains(QStringLiteral("Signature is Valid")), qPrintable(valid.output));
        QVERIFY2(valid.output.contains(QStringLiteral("Total document signed")),
            qPrintable(valid.output));
        const QByteArray bytes = readFile(genuine);
        QByteArray changed = bytes;
        const qsizetype at = bytes.size() / 3;
        changed[at] = char(changed.at(at) ^ 0x01);
        const QString tampered = write(QStringLiteral("tampered.pdf"), changed);
        const ToolRun invalid = runTool(QStringLiteral("pdfsig"), {tampered});
        QVERIFY2(!invalid.output.contains(QStringLiteral("Signature is Valid")),
            qPrintable(invalid.output));
        const CtlRun refused
            = verify({tampered, QStringLiteral("--data"), m_server.process.dataDir()});
        QVERIFY2(refused.exitCode == 1, qPrintable(refused.err + refused.out));
        QVERIFY2(
            refused.err.contains(QStringLiteral("signature: not valid")), qPrintable(refused.err));
        // Bytes added after the signature are not covered by it.
        const QString appended = write(QStringLiteral("appended.pdf"), bytes + "% added\n");
        const CtlRun uncovered
            = verify({appended, QStringLiteral("--data"), m_server.process.dataDir()});
        QCOMPARE(uncovered.exitCode, 1);
        QVERIFY2(uncovered.err.contains(QStringLiteral("does not cover the whole file"))
                || uncovered.err.contains(QStringLiteral("bytes after %%EOF")),
            qPrintable(uncovered.err));
        // Not a PDF of minutes at all.
        const QString plain = write(
            QStringLiteral("plain.pdf"), makeTextPdf(QStringLiteral("x"), QStringLiteral("y")));
        const CtlRun notMinutes = verify({plain});
        QCOMPARE(notMinutes.exitCode, 1);
        QVERIFY2(notMinutes.err.contains(QStringLiteral("is not signed minutes")),
            qPrintable(notMinutes.err));
    }

    void verifyAgainstTheExportedLog()
    {
        QByteArray events = get(QStringLiteral("/meetings/1/events")).body;
        QVERIFY(events.count('\n') > 20);
        const QString log = write(QStringLiteral("meeting-1.jsonl"), events);
        const QString pdf = m_work.filePath(QStringLiteral("final-en.pdf"));
        const CtlRun ok = verify(
            {pdf, QStringLiteral("--log"), log, QStringLiteral("--fingerprint"), m_certificateSha});
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err + ok.out));
        QVERIFY(ok.out.startsWith(QStringLiteral("OK: final minutes of meeting 1 (en)")));
        QVERIFY(ok.out.contains(m_certificateSha));
        QVERIFY(ok.out.contains(QStringLiteral("signed with the trusted certificate")));
        // The draft too, against the same (longer) log: it names an earlier event of it.
        QCOMPARE(verify({m_draftPath, QStringLiteral("--log"), log, QStringLiteral("--fingerprint"),
                            m_certificateSha})
                     .exitCode,
            0);
        // Nobody vouched for the certificate: not a pass.
        const CtlRun untrusted = verify({pdf, QStringLiteral("--log"), log});
        QCOMPARE(untrusted.exitCode, 4);
        QVERIFY2(untrusted.err.contains(QStringLiteral("NOT VERIFIED")), qPrintable(untrusted.err));
        // Another certificate.
        const CtlRun wrong = verify({pdf, QStringLiteral("--log"), log,
            QStringLiteral("--fingerprint"), QString(64, u'a')});
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY(wrong.err.contains(QStringLiteral("but the trusted one is")));

        // A shortened log ends before the minutes' event.
        const QList<QByteArray> lines = events.split('\n');
        QByteArray shortened;
        for (qsizetype i = 0; i < lines.size() / 2; ++i)
            shortened += lines.at(i) + '\n';
        const CtlRun truncated
            = verify({pdf, QStringLiteral("--log"), write(QStringLiteral("short.jsonl"), shortened),
                QStringLiteral("--fingerprint"), m_certificateSha});
        QCOMPARE(truncated.exitCode, 1);
        QVERIFY2(
            truncated.err.contains(QStringLiteral("a shortened log")), qPrintable(truncated.err));

        // The log of another meeting.
        const qint64 other
            = resultOf(call("POST", QStringLiteral("/meetings"),
                           {{QStringLiteral("title"), QStringLiteral("Phiên họp khác")}}))
                  .value(QLatin1String("meeting"))
                  .toInteger();
        QVERIFY(other > 1);
        QCOMPARE(call("POST", QStringLiteral("/meetings/%1/agenda").arg(other),
                     {{QStringLiteral("title"), QStringLiteral("Một mục")}})
                     .status,
            201);
        const QString otherLog = write(QStringLiteral("other.jsonl"),
            get(QStringLiteral("/meetings/%1/events").arg(other)).body);
        const CtlRun foreign = verify({pdf, QStringLiteral("--log"), otherLog,
            QStringLiteral("--fingerprint"), m_certificateSha});
        QCOMPARE(foreign.exitCode, 1);
        QVERIFY2(
            foreign.err.contains(QStringLiteral("holds no event of it")), qPrintable(foreign.err));
    }

    void exports()
    {
        for (const char *table :
            {"attendance", "speeches", "polls", "rollcall", "conclusions", "recordings"}) {
            const RestResponse csv
                = get(QStringLiteral("/meetings/1/minutes/%1.csv").arg(QLatin1String(table)));
            QCOMPARE(csv.status, 200);
            QVERIFY(csv.header("Content-Type").startsWith("text/csv; charset=utf-8"));
            QVERIFY2(csv.body.startsWith("\xEF\xBB\xBF"), table);
            QVERIFY2(csv.body.contains("\r\n"), table);
        }
        const QString attendance
            = QString::fromUtf8(get(QStringLiteral("/meetings/1/minutes/attendance.csv")).body);
        QVERIFY(attendance.contains(QStringLiteral("Nguyễn Văn Danh")));
        QVERIFY(attendance.contains(kExcuse));
        const QString rollCall
            = QString::fromUtf8(get(QStringLiteral("/meetings/1/minutes/rollcall.csv")).body);
        QVERIFY(rollCall.contains(QStringLiteral("Lê Hoàng Phúc"))); // delegate 3 voted no
        const QString speeches
            = QString::fromUtf8(get(QStringLiteral("/meetings/1/minutes/speeches.csv")).body);
        QVERIFY(speeches.contains(kBridgeLabel));
        QCOMPARE(get(QStringLiteral("/meetings/1/minutes/votes.csv")).status, 404);

        const QJsonObject json = get(QStringLiteral("/meetings/1/minutes.json")).json();
        QCOMPARE(json.value(QLatin1String("kind")).toString(), QStringLiteral("final"));
        QCOMPARE(
            json.value(QLatin1String("generatedFrom")).toString(), QStringLiteral("event log"));
        bool rollCallFound = false;
        for (const QJsonValue &poll : json.value(QLatin1String("polls")).toArray()) {
            const QJsonArray calls = poll.toObject().value(QLatin1String("rollCall")).toArray();
            if (!calls.isEmpty()) {
                rollCallFound = true;
                QCOMPARE(calls.size(), 5);
            }
        }
        QVERIFY(rollCallFound);
        QVERIFY(QJsonDocument(json).toJson().contains(kExcuse.toUtf8()));

        // Through chamberctl.
        const QString output = m_work.filePath(QStringLiteral("attendance.csv"));
        const CtlRun run
            = ctl({QStringLiteral("minutes"), QStringLiteral("1"), QStringLiteral("--export"),
                QStringLiteral("attendance"), QStringLiteral("--output"), output});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(QString::fromUtf8(readFile(output)), attendance);
        const CtlRun bad
            = ctl({QStringLiteral("minutes"), QStringLiteral("1"), QStringLiteral("--export"),
                QStringLiteral("votes"), QStringLiteral("--output"), output});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains(QStringLiteral("--export must be one of json|attendance")));
    }

    void badRequests()
    {
        QCOMPARE(get(QStringLiteral("/meetings/1/minutes.pdf?lang=fr")).status, 400);
        QCOMPARE(get(QStringLiteral("/meetings/1/minutes.pdf?seq=0")).status, 400);
        QCOMPARE(get(QStringLiteral("/meetings/1/minutes.pdf?seq=999999")).status, 404);
        QCOMPARE(get(QStringLiteral("/meetings/1/minutes.pdf?colour=red")).status, 400);
        QCOMPARE(get(QStringLiteral("/meetings/99/minutes.pdf")).status, 404);
        QCOMPARE(get(QStringLiteral("/meetings/99/minutes.json")).status, 404);
        // A recording the meeting does not list.
        const QString unknown = QString::fromLatin1(
            QCryptographicHash::hash("no such recording", QCryptographicHash::Sha256).toHex());
        QCOMPARE(get(QStringLiteral("/meetings/1/recordings/%1.ogg").arg(unknown)).status, 404);
        // The document's hash is a file of this server, but no recording.
        QCOMPARE(
            get(QStringLiteral("/meetings/1/recordings/%1.ogg").arg(m_documentSha)).status, 404);
        QCOMPARE(get(QStringLiteral("/meetings/1/recordings/%1").arg(unknown)).status, 404);
    }

    void whoMayRead()
    {
        const QByteArray seat = m_room->seats.at(1).credential.toUtf8();
        const QByteArray tally = m_room->tally.credential.toUtf8();
        const QByteArray chair = m_room->chair.credential.toUtf8();
        for (const QString &path :
            {QStringLiteral("/meetings/1/minutes.pdf"), QStringLiteral("/meetings/1/minutes.json"),
                QStringLiteral("/meetings/1/minutes/rollcall.csv")}) {
            for (const QByteArray &credential : {seat, tally, m_bridgeCredential.toUtf8()}) {
                const RestResponse refused = get(path, credential);
                QVERIFY2(refused.status == 403, qPrintable(path));
                QVERIFY(!refused.body.contains("Nguy"));
            }
        }
        QCOMPARE(get(QStringLiteral("/meetings/1/minutes.json"), chair).status, 200);
        // The chair's PDF is the secretary's (kept by the earlier request).
        QCOMPARE(get(QStringLiteral("/meetings/1/minutes.pdf?lang=en"), chair).body,
            readFile(m_work.filePath(QStringLiteral("final-en.pdf"))));
        // An observer's account reads; it changes nothing.
        QCOMPARE(createAccount(m_server.process, QStringLiteral("quan-sat"),
                     QStringLiteral("observer"), QStringLiteral("mật khẩu quan sát 2026"))
                     .status,
            201);
        const BrowserSession observer = logIn(
            m_server.process, QStringLiteral("quan-sat"), QStringLiteral("mật khẩu quan sát 2026"));
        QVERIFY(observer.ok());
        const RestResponse read = asBrowser(
            m_server.process, observer, "GET", QStringLiteral("/api/v1/meetings/1/minutes.json"));
        QCOMPARE(read.status, 200);
        QVERIFY(read.body.contains(kConclusion.toUtf8()));
    }
};

QTEST_MAIN(TestMinutes)
#include "test_minutes.moc"
