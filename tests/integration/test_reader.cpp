// The phone reader against the real chamberd over TLS: reader links made by the secretary
// (REST, chamberctl) and by a delegate's tablet (WebSocket), refused for others; the page;
// the meeting's documents by agenda item; page 1 of a real Vietnamese PDF rendered and
// decoded; out-of-range pages; another meeting's and removed documents refused; expired,
// revoked (DELETE, and with the delegate's tablet) and made-up tokens refused.
#include "enroll.h"
#include "pdfmaker.h"
#include "protocol/readerlink.h"
#include "restcall.h"
#include "serverprocess.h"
#include "wsclient.h"

#include "childprocess.h"

#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace chamber;
using namespace chamber::testing;

namespace {

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString reasonOf(const RestResponse &response)
{
    return response.json()
        .value(QLatin1String("details"))
        .toArray()
        .at(0)
        .toObject()
        .value(QLatin1String("reason"))
        .toString();
}

} // namespace

class TestReader : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_server;
    QTemporaryDir m_work;
    QByteArray m_article;
    QString m_articleSha;
    qint64 m_articlePages = 0;
    QString m_otherMeetingSha;
    QString m_token;

    RestResponse admin(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        return restCall(method, m_server.baseUrl() + QStringLiteral("/api/v1") + path,
            m_server.pin(), m_server.adminToken(), body);
    }

    RestResponse reader(const QString &path, const QString &token,
        const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return restCall(
            "GET", m_server.baseUrl() + path, m_server.pin(), token.toLatin1(), {}, headers);
    }

    QString newLink(qint64 delegate, int ttlSeconds = 0)
    {
        QJsonObject body {{QStringLiteral("delegate"), delegate}};
        if (ttlSeconds)
            body.insert(QStringLiteral("ttlSeconds"), ttlSeconds);
        const RestResponse made = admin(
            "POST", QStringLiteral("/meetings/1/reader-links"), QJsonDocument(body).toJson());
        if (made.status != 201)
            qWarning("reader link refused: %s", made.body.constData());
        return protocol::parseReaderLink(made.json().value(QLatin1String("url")).toString())
            .value()
            .token;
    }

    qint64 upload(qint64 meeting, qint64 item, const QByteArray &pdf)
    {
        const RestResponse uploaded = admin("POST",
            QStringLiteral("/meetings/%1/items/%2/documents?name=a.pdf").arg(meeting).arg(item),
            pdf);
        if (uploaded.status != 201)
            qWarning("upload refused: %s", uploaded.body.constData());
        return uploaded.json()
            .value(QLatin1String("document"))
            .toObject()
            .value(QLatin1String("id"))
            .toInteger();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start({QStringLiteral("--demo")}));
        m_article = makeArticlePdf(2, 3);
        m_articleSha = sha256Of(m_article);
        QVERIFY(upload(1, 3, m_article) > 0);
        m_articlePages = admin("GET", QStringLiteral("/meetings/1/documents"))
                             .json()
                             .value(QLatin1String("documents"))
                             .toArray()
                             .at(0)
                             .toObject()
                             .value(QLatin1String("pages"))
                             .toInteger();
        QVERIFY(m_articlePages >= 3);
        // Another meeting with a document of its own.
        QCOMPARE(admin("POST", QStringLiteral("/meetings"), R"({"title":"Phiên họp thường trực"})")
                     .status,
            201);
        QCOMPARE(
            admin("POST", QStringLiteral("/meetings/2/agenda"), R"({"title":"Tờ trình"})").status,
            201);
        const QByteArray other = makeArticlePdf(4);
        m_otherMeetingSha = sha256Of(other);
        QVERIFY(upload(2, 1, other) > 0);
        m_token = newLink(3);
        QCOMPARE(m_token.size(), protocol::kReaderTokenLength);
    }

    void secretaryMakesLinks()
    {
        const RestResponse made = admin("POST", QStringLiteral("/meetings/1/reader-links"),
            R"({"delegate":4,"ttlSeconds":600})");
        QCOMPARE(made.status, 201);
        const QJsonObject link = made.json();
        auto parsed = protocol::parseReaderLink(link.value(QLatin1String("url")).toString());
        QVERIFY(parsed);
        QCOMPARE(parsed->port, m_server.port());
        QCOMPARE(link.value(QLatin1String("delegate")).toInteger(), 4);
        QVERIFY(link.value(QLatin1String("svg")).toString().startsWith(QLatin1String("<?xml")));
        QVERIFY(!QImage::fromData(
            QByteArray::fromBase64(link.value(QLatin1String("png")).toString().toLatin1()), "PNG")
                     .isNull());
        const QDateTime expires
            = QDateTime::fromString(link.value(QLatin1String("expiresAt")).toString(), Qt::ISODate);
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 600) < 30);
        // The QR image itself.
        const RestResponse png = admin(
            "POST", QStringLiteral("/meetings/1/reader-links?format=png"), R"({"delegate":4})");
        QCOMPARE(png.status, 201);
        QCOMPARE(png.header("Content-Type"), QByteArray("image/png"));
        QVERIFY(!QImage::fromData(png.body, "PNG").isNull());
        QVERIFY(protocol::parseReaderLink(QString::fromUtf8(png.header("Chamber-Reader-Url"))));
        // Refusals.
        QCOMPARE(admin("POST", QStringLiteral("/meetings/1/reader-links"), "{}").status, 400);
        QCOMPARE(
            admin("POST", QStringLiteral("/meetings/1/reader-links"), R"({"delegate":999})").status,
            404);
        QCOMPARE(admin("POST", QStringLiteral("/meetings/1/reader-links"),
                     R"({"delegate":4,"ttlSeconds":99999999})")
                     .status,
            400);
        QCOMPARE(
            admin("POST", QStringLiteral("/meetings/1/reader-links"), R"({"delegate":"4"})").status,
            400);
        QCOMPARE(admin("POST", QStringLiteral("/meetings/1/reader-links?format=gif"),
                     R"({"delegate":4})")
                     .status,
            400);
        // The secretary sees them; never their tokens.
        const RestResponse list = admin("GET", QStringLiteral("/meetings/1/reader-links"));
        QCOMPARE(list.status, 200);
        QVERIFY(list.json().value(QLatin1String("links")).toArray().size() >= 3);
        QVERIFY(!list.body.contains(m_token.toLatin1()));
    }

    void delegateTabletMakesItsOwnLink()
    {
        const QString credential = enrollDevice(m_server, 1, QStringLiteral("delegate"), 5);
        QVERIFY(!credential.isEmpty());
        WsClient tablet(m_server.pin());
        QVERIFY(tablet.connectAndHello(m_server.wsUrl(), credential.toUtf8()));
        const QJsonObject reply
            = tablet.request({{QStringLiteral("type"), QStringLiteral("readerLink.create")},
                {QStringLiteral("meeting"), 1}});
        QCOMPARE(reply.value(QLatin1String("type")).toString(), QStringLiteral("ok"));
        const QJsonObject result = reply.value(QLatin1String("result")).toObject();
        QCOMPARE(result.value(QLatin1String("delegate")).toInteger(), 5);
        QVERIFY(result.value(QLatin1String("svg")).toString().contains(QLatin1String("<svg")));
        auto link = protocol::parseReaderLink(result.value(QLatin1String("url")).toString());
        QVERIFY(link);
        const RestResponse meeting = reader(QStringLiteral("/reader/api/meeting"), link->token);
        QCOMPARE(meeting.status, 200);
        QCOMPARE(meeting.json()
                     .value(QLatin1String("delegate"))
                     .toObject()
                     .value(QLatin1String("id"))
                     .toInteger(),
            5);
        // Not for another delegate, not for another meeting.
        const QJsonObject other
            = tablet.request({{QStringLiteral("type"), QStringLiteral("readerLink.create")},
                {QStringLiteral("meeting"), 1}, {QStringLiteral("delegate"), 6}});
        QCOMPARE(other.value(QLatin1String("code")).toString(), QStringLiteral("forbidden"));
        const QJsonObject elsewhere
            = tablet.request({{QStringLiteral("type"), QStringLiteral("readerLink.create")},
                {QStringLiteral("meeting"), 2}});
        QCOMPARE(elsewhere.value(QLatin1String("code")).toString(), QStringLiteral("forbidden"));
        // The log says who handed it out, without the token.
        const RestResponse events = admin("GET", QStringLiteral("/meetings/1/events"));
        QVERIFY(events.body.contains("\"readerLink.created\""));
        QVERIFY(!events.body.contains(link->token.toLatin1()));

        // A tally screen may not.
        const QString tallyCredential = enrollDevice(m_server, 1, QStringLiteral("tally"));
        WsClient tally(m_server.pin());
        QVERIFY(tally.connectAndHello(m_server.wsUrl(), tallyCredential.toUtf8()));
        const QJsonObject refused
            = tally.request({{QStringLiteral("type"), QStringLiteral("readerLink.create")},
                {QStringLiteral("meeting"), 1}, {QStringLiteral("delegate"), 5}});
        QCOMPARE(refused.value(QLatin1String("code")).toString(), QStringLiteral("forbidden"));
        const RestResponse byRest = restCall("POST",
            m_server.baseUrl() + QStringLiteral("/api/v1/meetings/1/reader-links"), m_server.pin(),
            tallyCredential.toUtf8(), R"({"delegate":5})");
        QCOMPARE(byRest.status, 403);

        // Revoking the tablet revokes its delegate's links.
        QCOMPARE(admin("DELETE",
                     QStringLiteral("/meetings/1/devices/%1")
                         .arg(tablet.received()
                                  .first()
                                  .value(QLatin1String("result"))
                                  .toObject()
                                  .value(QLatin1String("device"))
                                  .toInteger()))
                     .status,
            200);
        const RestResponse cut = reader(QStringLiteral("/reader/api/meeting"), link->token);
        QCOMPARE(cut.status, 401);
        QCOMPARE(reasonOf(cut), QStringLiteral("revoked"));
    }

    void thePage()
    {
        const RestResponse page
            = restCall("GET", m_server.baseUrl() + QStringLiteral("/read"), m_server.pin());
        QCOMPARE(page.status, 200);
        QCOMPARE(page.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
        QVERIFY(page.header("Content-Security-Policy").contains("default-src 'none'"));
        QCOMPARE(page.header("Cache-Control"), QByteArray("no-store"));
        QVERIFY(page.body.contains("Đang tải"));
        QVERIFY(page.body.contains("Loading"));
        QVERIFY(!page.body.contains("http://") && !page.body.contains("https://"));
        const RestResponse post = restCall(
            "POST", m_server.baseUrl() + QStringLiteral("/read"), m_server.pin(), {}, "x");
        QCOMPARE(post.status, 405);
    }

    void listsTheDocumentsByItem()
    {
        const RestResponse meeting = reader(QStringLiteral("/reader/api/meeting"), m_token);
        QCOMPARE(meeting.status, 200);
        const QJsonObject json = meeting.json();
        QVERIFY(json.value(QLatin1String("meeting"))
                    .toObject()
                    .value(QLatin1String("title"))
                    .toString()
                    .contains(QStringLiteral("Hội đồng nhân dân")));
        const QJsonArray items = json.value(QLatin1String("items")).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).toObject().value(QLatin1String("number")).toString(),
            QStringLiteral("1.2"));
        const QJsonObject document
            = items.at(0).toObject().value(QLatin1String("documents")).toArray().at(0).toObject();
        QCOMPARE(document.value(QLatin1String("sha256")).toString(), m_articleSha);
        QFile source(QStringLiteral(CHAMBER_SOURCE_DIR "/assets/sample/articles/article-2.txt"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QCOMPARE(document.value(QLatin1String("title")).toString(),
            QString::fromUtf8(source.readLine()).trimmed());
        QVERIFY(json.value(QLatin1String("presenting")).isNull());
        // The presenter's page shows.
        QCOMPARE(admin("POST", QStringLiteral("/meetings/1/present"), R"({"document":1,"page":2})")
                     .status,
            200);
        const QJsonObject presenting = reader(QStringLiteral("/reader/api/meeting"), m_token)
                                           .json()
                                           .value(QLatin1String("presenting"))
                                           .toObject();
        QCOMPARE(presenting.value(QLatin1String("sha256")).toString(), m_articleSha);
        QCOMPARE(presenting.value(QLatin1String("page")).toInt(), 2);
    }

    void rendersPageOne()
    {
        const QString path
            = QStringLiteral("/reader/api/docs/%1/pages/1?width=600").arg(m_articleSha);
        const RestResponse page = reader(path, m_token);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.header("Content-Type"), QByteArray("image/png"));
        const QByteArray etag = page.header("ETag");
        QCOMPARE(etag, '"' + m_articleSha.toLatin1() + "-p1-w600\"");
        QVERIFY(page.header("Cache-Control").contains("immutable"));
        const QImage image = QImage::fromData(page.body, "PNG");
        QCOMPARE(image.width(), 600);
        QCOMPARE(image.height(), 849);
        int dark = 0;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2)
                dark += qGray(image.pixel(x, y)) < 128;
        QVERIFY2(dark > 500, qPrintable(QString::number(dark)));
        QCOMPARE(image.pixelColor(1, 1), QColor(Qt::white));
        // From the cache the second time, the same bytes; revalidation costs nothing.
        QCOMPARE(reader(path, m_token).body, page.body);
        QCOMPARE(reader(path, m_token, {{"If-None-Match", etag}}).status, 304);
        // Widths are clamped and rounded.
        const QImage wide = QImage::fromData(
            reader(
                QStringLiteral("/reader/api/docs/%1/pages/2?width=5000").arg(m_articleSha), m_token)
                .body,
            "PNG");
        QCOMPARE(wide.width(), 2000);
        // The cache is in the data directory (written after the answer went out).
        QTRY_VERIFY(QFile::exists(m_server.dataDir() + QStringLiteral("/reader-cache/")
            + m_articleSha + QStringLiteral("-p1-w600.png")));
    }

    void badPagesAreRefused()
    {
        const QString base = QStringLiteral("/reader/api/docs/%1/pages/").arg(m_articleSha);
        const RestResponse past = reader(base + QString::number(m_articlePages + 1), m_token);
        QCOMPARE(past.status, 404);
        QCOMPARE(past.json().value(QLatin1String("field")).toString(), QStringLiteral("page"));
        QVERIFY(past.json()
                    .value(QLatin1String("message"))
                    .toString()
                    .contains(QString::number(m_articlePages)));
        QCOMPARE(reader(base + QStringLiteral("0"), m_token).status, 400);
        QCOMPARE(reader(base + QStringLiteral("1?width=abc"), m_token).status, 400);
        QCOMPARE(reader(base + QStringLiteral("1/x"), m_token).status, 404);
    }

    void downloadsThePdf()
    {
        const QString path = QStringLiteral("/reader/api/docs/") + m_articleSha;
        const RestResponse whole = reader(path, m_token);
        QCOMPARE(whole.status, 200);
        QCOMPARE(whole.body, m_article);
        QCOMPARE(whole.header("ETag"), '"' + m_articleSha.toLatin1() + '"');
        const RestResponse tail = reader(path, m_token, {{"Range", "bytes=100-"}});
        QCOMPARE(tail.status, 206);
        QCOMPARE(tail.body, m_article.mid(100));
    }

    void onlyThisMeetingsDocuments()
    {
        QCOMPARE(
            reader(QStringLiteral("/reader/api/docs/") + m_otherMeetingSha, m_token).status, 404);
        QCOMPARE(
            reader(QStringLiteral("/reader/api/docs/%1/pages/1").arg(m_otherMeetingSha), m_token)
                .status,
            404);
        QCOMPARE(
            reader(QStringLiteral("/reader/api/docs/") + QString(64, u'0'), m_token).status, 404);
        // A removed document is gone for the phone too.
        const qint64 extra = upload(1, 5, makeArticlePdf(5));
        const QString extraSha = reader(QStringLiteral("/reader/api/meeting"), m_token)
                                     .json()
                                     .value(QLatin1String("items"))
                                     .toArray()
                                     .last()
                                     .toObject()
                                     .value(QLatin1String("documents"))
                                     .toArray()
                                     .at(0)
                                     .toObject()
                                     .value(QLatin1String("sha256"))
                                     .toString();
        QCOMPARE(reader(QStringLiteral("/reader/api/docs/") + extraSha, m_token).status, 200);
        QCOMPARE(
            admin("DELETE", QStringLiteral("/meetings/1/documents/%1").arg(extra)).status, 200);
        QCOMPARE(reader(QStringLiteral("/reader/api/docs/") + extraSha, m_token).status, 404);
        QCOMPARE(
            reader(QStringLiteral("/reader/api/docs/%1/pages/1").arg(extraSha), m_token).status,
            404);
    }

    void badTokensAreRefused()
    {
        const QString meeting = QStringLiteral("/reader/api/meeting");
        QCOMPARE(reader(meeting, QString()).status, 401);
        QCOMPARE(reader(meeting, QStringLiteral("short")).status, 401);
        const RestResponse unknown = reader(meeting, QString(32, u'A'));
        QCOMPARE(unknown.status, 401);
        QCOMPARE(reasonOf(unknown), QStringLiteral("unknown"));
        // The admin token and device credentials are no reader tokens.
        QCOMPARE(reader(meeting, QString::fromLatin1(m_server.adminToken())).status, 401);

        const QString shortLived = newLink(6, 1);
        QCOMPARE(reader(meeting, shortLived).status, 200);
        QTest::qWait(1500);
        const RestResponse expired = reader(meeting, shortLived);
        QCOMPARE(expired.status, 401);
        QCOMPARE(reasonOf(expired), QStringLiteral("expired"));
        QCOMPARE(
            reader(QStringLiteral("/reader/api/docs/") + m_articleSha, shortLived).status, 401);

        const RestResponse made
            = admin("POST", QStringLiteral("/meetings/1/reader-links"), R"({"delegate":7})");
        const qint64 id = made.json().value(QLatin1String("id")).toInteger();
        const QString revokedToken
            = protocol::parseReaderLink(made.json().value(QLatin1String("url")).toString())->token;
        QCOMPARE(reader(meeting, revokedToken).status, 200);
        QCOMPARE(
            admin("DELETE", QStringLiteral("/meetings/1/reader-links/%1").arg(id)).status, 200);
        const RestResponse revoked = reader(meeting, revokedToken);
        QCOMPARE(revoked.status, 401);
        QCOMPARE(reasonOf(revoked), QStringLiteral("revoked"));
        QCOMPARE(
            reader(QStringLiteral("/reader/api/docs/%1/pages/1").arg(m_articleSha), revokedToken)
                .status,
            401);
        QCOMPARE(admin("DELETE", QStringLiteral("/meetings/1/reader-links/9999")).status, 404);
        QVERIFY(admin("GET", QStringLiteral("/meetings/1/events"))
                    .body.contains("\"readerLink.revoked\""));
        // The first link still works.
        QCOMPARE(reader(meeting, m_token).status, 200);
    }

    void chamberctlMakesAndRevokesLinks()
    {
        const auto ctl = [this](const QStringList &arguments, QString *out = nullptr) {
            QProcess process;
            chamber::testing::dieWithTest(process);
            process.start(binaryPath(QStringLiteral("chamberctl")),
                QStringList {QStringLiteral("--data"), m_server.dataDir(),
                    QStringLiteral("--server"), m_server.baseUrl()}
                    + arguments);
            if (!process.waitForFinished(30000))
                return -1;
            if (out)
                *out = QString::fromUtf8(process.readAllStandardOutput());
            return process.exitCode();
        };
        const QString png = m_work.filePath(QStringLiteral("phone.png"));
        QString out;
        QCOMPARE(
            ctl({QStringLiteral("reader-link"), QStringLiteral("1"), QStringLiteral("--delegate"),
                    QStringLiteral("3"), QStringLiteral("--output"), png},
                &out),
            0);
        const QString url = out.split(u'\n').value(1).trimmed();
        auto link = protocol::parseReaderLink(url);
        QVERIFY2(link, qPrintable(out));
        QVERIFY(!QImage(png).isNull());
        QCOMPARE(QFile(png).permissions() & (QFile::ReadOther | QFile::ReadGroup), 0);
        QCOMPARE(reader(QStringLiteral("/reader/api/meeting"), link->token).status, 200);
        const qint64 id = out.section(u' ', 2, 2).toLongLong();
        QVERIFY(id > 0);
        QCOMPARE(ctl({QStringLiteral("reader-links"), QStringLiteral("1")}, &out), 0);
        QVERIFY(out.contains(QStringLiteral("active")));
        QCOMPARE(ctl({QStringLiteral("reader-link"), QStringLiteral("revoke"), QStringLiteral("1"),
                     QString::number(id)}),
            0);
        QCOMPARE(reader(QStringLiteral("/reader/api/meeting"), link->token).status, 401);
        QCOMPARE(ctl({QStringLiteral("reader-link"), QStringLiteral("1")}), 2); // no --delegate
    }
};

QTEST_MAIN(TestReader)
#include "test_reader.moc"
