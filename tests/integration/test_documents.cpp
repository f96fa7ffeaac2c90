// Documents against the real chamberd over TLS: uploads of real and broken files (each broken
// one refused with its reason, nothing stored, nothing logged), the same upload twice, the
// size limit from the config file, and downloads of /docs/<sha256> by the meeting's devices
// only, whole, in ranges, and revalidated with the ETag; the presenter's page reaching a
// screen.
#include "enroll.h"
#include "pdfmaker.h"
#include "restcall.h"
#include "serverprocess.h"
#include "wsclient.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <algorithm>

using namespace chamber;
using namespace chamber::testing;

namespace { } // namespace

class TestDocuments : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    ServerProcess m_server;
    QByteArray m_article;
    QString m_articleSha;
    QString m_delegateCredential;

    RestResponse admin(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        return restCall(method, m_server.baseUrl() + QStringLiteral("/api/v1") + path,
            m_server.pin(), m_server.adminToken(), body);
    }

    // `name` as bytes: a client may send ones that are not UTF-8.
    RestResponse uploadBytes(qint64 item, const QByteArray &name, const QByteArray &content)
    {
        return admin("POST",
            QStringLiteral("/meetings/1/items/%1/documents?name=%2")
                .arg(item)
                .arg(QString::fromLatin1(name.toPercentEncoding())),
            content);
    }

    RestResponse upload(qint64 item, const QString &name, const QByteArray &content)
    {
        return uploadBytes(item, name.toUtf8(), content);
    }

    RestResponse download(const QString &sha256, const QString &credential,
        const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return restCall("GET", m_server.baseUrl() + QStringLiteral("/docs/") + sha256,
            m_server.pin(), credential.toUtf8(), {}, headers);
    }

    QStringList storedFiles() const
    {
        return QDir(m_server.dataDir() + QStringLiteral("/docs"))
            .entryList(QDir::Files | QDir::Hidden);
    }

    int documentEvents()
    {
        return admin("GET", QStringLiteral("/meetings/1/events")).body.count("\"document.added\"");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile config(m_config.filePath(QStringLiteral("chamberd.conf")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("[documents]\nmax-upload-mib = 1\n");
        config.close();
        QVERIFY(m_server.start(
            {QStringLiteral("--demo"), QStringLiteral("--config"), config.fileName()}));
        m_article = makeArticlePdf(2, 4);
        QVERIFY(m_article.size() < 1024 * 1024);
        m_articleSha = QString::fromLatin1(
            QCryptographicHash::hash(m_article, QCryptographicHash::Sha256).toHex());
        m_delegateCredential = enrollDevice(m_server, 1, QStringLiteral("delegate"), 1);
        QVERIFY(!m_delegateCredential.isEmpty());
    }

    void uploadAndUploadAgain()
    {
        const RestResponse first = upload(3, QStringLiteral("Tờ trình số 12.pdf"), m_article);
        QCOMPARE(first.status, 201);
        const QJsonObject document = first.json().value(QLatin1String("document")).toObject();
        QCOMPARE(document.value(QLatin1String("sha256")).toString(), m_articleSha);
        QCOMPARE(
            document.value(QLatin1String("name")).toString(), QStringLiteral("Tờ trình số 12.pdf"));
        QVERIFY(document.value(QLatin1String("pages")).toInt() >= 4);
        // The title comes from the PDF's metadata: the article's headline.
        QFile source(QStringLiteral(CHAMBER_SOURCE_DIR "/assets/sample/articles/article-2.txt"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QCOMPARE(document.value(QLatin1String("title")).toString(),
            QString::fromUtf8(source.readLine()).trimmed());
        QCOMPARE(storedFiles(), QStringList {m_articleSha + QStringLiteral(".pdf")});
        // A retry after a lost answer: the same document, no second event.
        const RestResponse again = upload(3, QStringLiteral("Tờ trình số 12.pdf"), m_article);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(QLatin1String("created")).toBool(), false);
        QCOMPARE(
            again.json().value(QLatin1String("document")).toObject().value(QLatin1String("id")),
            document.value(QLatin1String("id")));
        QCOMPARE(documentEvents(), 1);
        // The meeting's state lists it, for every device.
        const QJsonArray listed = admin("GET", QStringLiteral("/meetings/1/documents"))
                                      .json()
                                      .value(QLatin1String("documents"))
                                      .toArray();
        QCOMPARE(listed.size(), 1);
    }

    void brokenUploadsAreRefusedAndLeaveNothing_data()
    {
        QTest::addColumn<QByteArray>("name"); // UTF-8, unless the row says otherwise
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("reason");
        const QByteArray other = makeArticlePdf(3);
        // An editor's incremental update, cut short inside it: the first revision's %%EOF is
        // still in the file's last kilobyte.
        const QByteArray updated = appendRevision(other, QStringLiteral("Bản sửa đổi"));
        QVERIFY(!updated.isEmpty());
        QTest::newRow("appended revision cut short")
            << QByteArray("a.pdf")
            << updated.left(other.size() + (updated.size() - other.size()) / 2) << 422
            << QStringLiteral("truncated");
        QTest::newRow("truncated") << QByteArray("a.pdf") << other.left(other.size() - 300) << 422
                                   << QStringLiteral("truncated");
        QTest::newRow("encrypted")
            << QByteArray("a.pdf") << encryptPdf(other, QStringLiteral("mat-khau")) << 422
            << QStringLiteral("encrypted");
        QTest::newRow("not a pdf")
            << QByteArray("bao-cao.pdf") << QByteArray("Báo cáo tình hình kinh tế - xã hội\n")
            << 422 << QStringLiteral("not a PDF");
        QTest::newRow("oversized")
            << QByteArray("big.pdf")
            << QByteArray("%PDF-1.7\n") + QByteArray(1100 * 1024, ' ') + "\n%%EOF\n"
            << 413 << QStringLiteral("limit is 1.0 MiB");
        QTest::newRow("nul") << QByteArray("a\0.pdf", 6) << other << 400
                             << QStringLiteral("U+0000 control character");
        // Windows-1258 bytes, as an old client sends "Báo cáo.pdf": refused, not stored with
        // replacement characters.
        QTest::newRow("not utf-8") << QByteArray("B\xe1o c\xe1o.pdf") << other << 400
                                   << QStringLiteral("the name is not valid UTF-8");
        // "to-trinh-<RLO>fdp.exe" would display as "to-trinh-exe.pdf".
        QTest::newRow("right-to-left override")
            << QStringLiteral("to-trinh-\u202Efdp.exe").toUtf8() << other << 400
            << QStringLiteral("the name contains U+202E RIGHT-TO-LEFT OVERRIDE");
        QTest::newRow("zero width space")
            << QStringLiteral("T\u1edd\u200Btr\u00ecnh.pdf").toUtf8() << other << 400
            << QStringLiteral("U+200B ZERO WIDTH SPACE");
        QTest::newRow("office file that is not one")
            << QStringLiteral("Báo cáo.docx").toUtf8() << QByteArray("PK\x03\x04 word/document.xml")
            << 422 << QStringLiteral("LibreOffice");
    }
    void brokenUploadsAreRefusedAndLeaveNothing()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, content);
        QFETCH(int, status);
        QFETCH(QString, reason);
        QVERIFY(!content.isEmpty());
        const QStringList filesBefore = storedFiles();
        const int eventsBefore = documentEvents();
        const RestResponse refused = uploadBytes(3, name, content);
        QCOMPARE(refused.status, status);
        const QString message = refused.json().value(QLatin1String("message")).toString();
        QVERIFY2(message.contains(reason), qPrintable(message));
        QCOMPARE(storedFiles(), filesBefore);
        QCOMPARE(documentEvents(), eventsBefore);
    }

    void onlyTheSecretaryUploads()
    {
        const RestResponse byTablet = restCall("POST",
            m_server.baseUrl() + QStringLiteral("/api/v1/meetings/1/items/3/documents?name=a.pdf"),
            m_server.pin(), m_delegateCredential.toUtf8(), makeArticlePdf(4));
        QCOMPARE(byTablet.status, 403);
        QCOMPARE(documentEvents(), 1);
    }

    void devicesOfTheMeetingDownload()
    {
        const RestResponse whole = download(m_articleSha, m_delegateCredential);
        QCOMPARE(whole.status, 200);
        QCOMPARE(whole.body, m_article);
        QCOMPARE(whole.header("Content-Type"), QByteArray("application/pdf"));
        QCOMPARE(whole.header("ETag"), '"' + m_articleSha.toLatin1() + '"');
        QVERIFY(whole.header("Cache-Control").contains("immutable"));
        // Resuming an interrupted download.
        const RestResponse tail
            = download(m_articleSha, m_delegateCredential, {{"Range", "bytes=1000-"}});
        QCOMPARE(tail.status, 206);
        QCOMPARE(tail.body, m_article.mid(1000));
        QCOMPARE(tail.header("Content-Range"),
            QByteArray("bytes 1000-") + QByteArray::number(m_article.size() - 1) + '/'
                + QByteArray::number(m_article.size()));
        const RestResponse past = download(m_articleSha, m_delegateCredential,
            {{"Range", "bytes=" + QByteArray::number(m_article.size()) + "-"}});
        QCOMPARE(past.status, 416);
        // A stale If-Range gets the whole file, not a piece of something else.
        QCOMPARE(download(m_articleSha, m_delegateCredential,
                     {{"Range", "bytes=10-20"}, {"If-Range", "\"other\""}})
                     .body,
            m_article);
        const RestResponse cached = download(
            m_articleSha, m_delegateCredential, {{"If-None-Match", whole.header("ETag")}});
        QCOMPARE(cached.status, 304);
        QVERIFY(cached.body.isEmpty());
    }

    void othersDoNot()
    {
        QCOMPARE(download(m_articleSha, QString()).status, 401);
        QCOMPARE(download(m_articleSha, QStringLiteral("d1.forged")).status, 401);
        // A device of another meeting: as if the document did not exist.
        const RestResponse meeting = admin("POST", QStringLiteral("/meetings"),
            R"({"title": "Phiên họp khác", "startsAt": "2026-12-01T08:00:00Z"})");
        QCOMPARE(meeting.status, 201);
        const qint64 other = meeting.json()
                                 .value(QLatin1String("result"))
                                 .toObject()
                                 .value(QLatin1String("meeting"))
                                 .toInteger();
        const QString stranger = enrollDevice(m_server, other, QStringLiteral("tally"));
        QVERIFY(!stranger.isEmpty());
        QCOMPARE(download(m_articleSha, stranger).status, 404);
        QCOMPARE(download(QString(64, QLatin1Char('0')), m_delegateCredential).status, 404);
        QCOMPARE(download(QStringLiteral("..%2Fchamber.db"), m_delegateCredential).status, 404);
    }

    void presenterPageReachesTheScreens()
    {
        const QString tallyCredential = enrollDevice(m_server, 1, QStringLiteral("tally"));
        WsClient tally(m_server.pin());
        QVERIFY(tally.connectAndHello(m_server.wsUrl(), tallyCredential.toUtf8()));
        tally.request({{QStringLiteral("type"), QStringLiteral("subscribe")},
            {QStringLiteral("meeting"), 1}});
        const qsizetype from = tally.received().size();
        QCOMPARE(
            admin("POST", QStringLiteral("/meetings/1/present"), R"({"document": 1, "page": 3})")
                .status,
            200);
        const QJsonObject presented = tally.waitFor(
            [](const QJsonObject &m) {
                return m.value(QLatin1String("kind")).toString()
                    == QLatin1String("document.presented");
            },
            10000, from);
        QCOMPARE(
            presented.value(QLatin1String("data")).toObject().value(QLatin1String("page")).toInt(),
            3);
        // Removed: gone for the devices, and the presentation stops.
        QCOMPARE(admin("DELETE", QStringLiteral("/meetings/1/documents/1")).status, 200);
        QCOMPARE(download(m_articleSha, m_delegateCredential).status, 404);
        const QJsonObject state = admin("GET", QStringLiteral("/meetings/1")).json();
        QVERIFY(state.value(QLatin1String("presenting"))
                    .toObject()
                    .value(QLatin1String("document"))
                    .isNull());
    }

    // Labels that look like HTML are text: stored and exported as the characters they are (the
    // log export is JSON Lines, never HTML, and says so). Labels with bidi overrides or
    // zero-width characters are refused by name and change nothing.
    void labelsStayText()
    {
        const QString hostile = QStringLiteral("<img src=x onerror=alert(1)>");
        QCOMPARE(admin("PATCH", QStringLiteral("/meetings/1/agenda/3"),
                     QJsonDocument(QJsonObject {{QStringLiteral("title"), hostile}}).toJson())
                     .status,
            200);
        const RestResponse exported = admin("GET", QStringLiteral("/meetings/1/events"));
        QCOMPARE(exported.status, 200);
        QCOMPARE(exported.header("Content-Type"), QByteArray("application/x-ndjson"));
        QCOMPARE(exported.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QVERIFY(exported.body.contains(hostile.toUtf8()));

        const qsizetype eventsBefore = exported.body.count('\n');
        const auto refused = [&](const QString &path, const QJsonObject &body, const QString &why) {
            const RestResponse answer = admin("PATCH", path, QJsonDocument(body).toJson());
            QCOMPARE(answer.status, 400);
            const QString message = answer.json().value(QLatin1String("message")).toString();
            QVERIFY2(message.contains(why), qPrintable(message));
            QCOMPARE(
                admin("GET", QStringLiteral("/meetings/1/events")).body.count('\n'), eventsBefore);
        };
        refused(QStringLiteral("/meetings/1/agenda/3"),
            {{QStringLiteral("title"), QStringLiteral("Tờ trình \u202Efdp.exe")}},
            QStringLiteral("title contains U+202E RIGHT-TO-LEFT OVERRIDE"));
        refused(QStringLiteral("/meetings/1/delegates/1"),
            {{QStringLiteral("name"), QStringLiteral("Nguyễn\u200BVăn A")}},
            QStringLiteral("name contains U+200B ZERO WIDTH SPACE"));
        refused(QStringLiteral("/meetings/1"),
            {{QStringLiteral("title"), QStringLiteral("Kỳ họp\u2066 thứ 12")}},
            QStringLiteral("title contains U+2066 LEFT-TO-RIGHT ISOLATE"));
        // A bridge point's label is shown on the tally screen like a name.
        const RestResponse code = admin("POST", QStringLiteral("/meetings/1/join-codes"),
            QJsonDocument(QJsonObject {{QStringLiteral("role"), QStringLiteral("bridge")},
                              {QStringLiteral("label"), QStringLiteral("Huyện Cái Bè\u202E")}})
                .toJson());
        QCOMPARE(code.status, 400);
        QVERIFY2(code.json()
                     .value(QLatin1String("message"))
                     .toString()
                     .contains(QStringLiteral("label contains U+202E RIGHT-TO-LEFT OVERRIDE")),
            code.body.constData());
    }

    // A Vietnamese document number holds "/": the name and the title keep it; on disk the file
    // is its hash; a download is saved under a name without path separators.
    void documentNumbersWithSlashes()
    {
        const QString name = QStringLiteral("Tờ trình số 12/TTr-UBND.pdf");
        // No metadata title: the title comes from the name.
        const QByteArray pdf
            = makeTextPdf(QString(), QStringLiteral("Kính gửi: Hội đồng nhân dân tỉnh"));
        const RestResponse uploaded = upload(3, name, pdf);
        QCOMPARE(uploaded.status, 201);
        const QJsonObject document = uploaded.json().value(QLatin1String("document")).toObject();
        QCOMPARE(document.value(QLatin1String("name")).toString(), name);
        QCOMPARE(document.value(QLatin1String("title")).toString(),
            QStringLiteral("Tờ trình số 12/TTr-UBND"));
        const QString fileName = QStringLiteral("Tờ trình số 12_TTr-UBND.pdf");
        QCOMPARE(document.value(QLatin1String("fileName")).toString(), fileName);
        const QString sha = document.value(QLatin1String("sha256")).toString();
        QVERIFY(storedFiles().contains(sha + QStringLiteral(".pdf")));
        QVERIFY(
            QDir(m_server.dataDir() + QStringLiteral("/docs/Tờ trình số 12")).exists() == false);
        // The meeting's state (what every screen shows) keeps the "/".
        const QJsonArray listed = admin("GET", QStringLiteral("/meetings/1/documents"))
                                      .json()
                                      .value(QLatin1String("documents"))
                                      .toArray();
        QVERIFY(std::any_of(listed.begin(), listed.end(), [&](const QJsonValue &value) {
            return value.toObject().value(QLatin1String("name")).toString() == name;
        }));
        const RestResponse downloaded = download(sha, m_delegateCredential);
        QCOMPARE(downloaded.status, 200);
        // A metadata title is outside data too: one with a bidi override is not shown, the
        // (checked) name is.
        const RestResponse spoofed = upload(3, QStringLiteral("Báo cáo 07/BC-UBND.pdf"),
            makeTextPdf(QStringLiteral("Báo cáo \u202Efdp.exe"), QStringLiteral("Nội dung")));
        QCOMPARE(spoofed.status, 201);
        QCOMPARE(spoofed.json()
                     .value(QLatin1String("document"))
                     .toObject()
                     .value(QLatin1String("title"))
                     .toString(),
            QStringLiteral("Báo cáo 07/BC-UBND"));
        QCOMPARE(downloaded.header("Content-Disposition"),
            QByteArray("inline; filename=\"To trinh so 12_TTr-UBND.pdf\"; "
                       "filename*=UTF-8''T%E1%BB%9D%20tr%C3%ACnh%20s%E1%BB%91%2012_TTr-UBND.pdf"));
    }
};

QTEST_MAIN(TestDocuments)
#include "test_documents.moc"
