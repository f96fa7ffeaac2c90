// The phone reader in a real browser: headless Chromium (the Debian package) driven over the
// DevTools protocol, in a phone's viewport, against the real chamberd. The list shows the
// Vietnamese documents by agenda item with the presenter's one marked, a tap shows page 1
// (the image decoded), the next page turns, the English switch changes the text, and a made-up
// or revoked link shows a clear message. Screenshots go to the build directory.
//
// Chromium missing is a failure, not a skip: scripts/test.sh installs it.
#include "browser.h"
#include "pdfmaker.h"
#include "restcall.h"
#include "serverprocess.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUrl>

using namespace chamber;
using namespace chamber::testing;

namespace {

QString headline(int article)
{
    QFile file(
        QStringLiteral(CHAMBER_SOURCE_DIR "/assets/sample/articles/article-%1.txt").arg(article));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readLine()).trimmed()
                                          : QString();
}

} // namespace

class TestReaderBrowser : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_server;
    Browser m_browser;
    CdpClient m_page;
    QString m_url;
    qint64 m_linkId = 0;
    int m_pages = 0; // of the document opened
    QString m_screenshots = QStringLiteral(CHAMBER_BIN_DIR "/../reader-screenshots");

    RestResponse admin(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        return restCall(method, m_server.baseUrl() + QStringLiteral("/api/v1") + path,
            m_server.pin(), m_server.adminToken(), body);
    }

    void upload(qint64 item, int article, int pages)
    {
        const RestResponse uploaded = admin("POST",
            QStringLiteral("/meetings/1/items/%1/documents?name=bai-%2.pdf").arg(item).arg(article),
            makeArticlePdf(article, pages));
        QCOMPARE(uploaded.status, 201);
    }

    bool waitFor(const QString &condition, int timeoutMs = 15000)
    {
        return m_page.waitForOrReport(condition, timeoutMs);
    }

    QString text(const QString &selector) { return m_page.textOf(selector); }

    void screenshot(const QString &name)
    {
        const QByteArray png = m_page.screenshot();
        const QImage image = QImage::fromData(png, "PNG");
        QCOMPARE(image.width(), 390 * 2);
        QDir().mkpath(m_screenshots);
        QFile file(m_screenshots + u'/' + name);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(png);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!Browser::executable().isEmpty(),
            "chromium is missing: install the Debian package `chromium` (scripts/test.sh does)");
        QVERIFY(m_server.start({QStringLiteral("--demo")}));
        upload(3, 1, 1); // 1.2
        upload(5, 2, 3); // 2.1
        upload(5, 3, 2);
        QCOMPARE(admin("POST", QStringLiteral("/meetings/1/present"), R"({"document":1,"page":1})")
                     .status,
            200);
        const RestResponse link
            = admin("POST", QStringLiteral("/meetings/1/reader-links"), R"({"delegate":3})");
        QCOMPARE(link.status, 201);
        m_url = link.json().value(QLatin1String("url")).toString();
        m_linkId = link.json().value(QLatin1String("id")).toInteger();

        // The server's certificate is self-signed: a phone's user accepts it once.
        QVERIFY2(m_browser.start({QStringLiteral("--ignore-certificate-errors")}),
            qPrintable(m_browser.errors()));
        const QString target = m_browser.pageWebSocketUrl();
        QVERIFY(!target.isEmpty());
        QVERIFY(m_page.open(target));
        QVERIFY(m_page.setViewport(390, 844, 2.0, true));
        // A Vietnamese phone.
        QString error;
        m_page.call(QStringLiteral("Emulation.setUserAgentOverride"),
            {{QStringLiteral("userAgent"),
                 QStringLiteral("Mozilla/5.0 (Linux; Android 14) Mobile Chamber-test")},
                {QStringLiteral("acceptLanguage"), QStringLiteral("vi-VN,vi")}},
            10000, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void listShowsTheDocuments()
    {
        QVERIFY(m_page.navigate(m_url));
        QVERIFY(waitFor(QStringLiteral("document.querySelectorAll('.doc').length === 3")));
        QCOMPARE(m_page.evaluate(QStringLiteral("navigator.language")).toString(),
            QStringLiteral("vi-VN"));
        QCOMPARE(m_page.evaluate(QStringLiteral("document.documentElement.lang")).toString(),
            QStringLiteral("vi"));
        const QString list = text(QStringLiteral("#list"));
        for (int article : {1, 2, 3})
            QVERIFY2(list.contains(headline(article)), qPrintable(headline(article)));
        QVERIFY(list.contains(QStringLiteral("Diễn văn khai mạc")));
        m_pages = m_page
                      .evaluate(QStringLiteral(
                          "fetch('/reader/api/meeting', {headers: {Authorization: 'Bearer ' + "
                          "token}}).then(r => r.json()).then(m => m.items[1].documents[0].pages)"))
                      .toInt();
        QVERIFY(m_pages >= 3);
        QVERIFY(list.contains(QStringLiteral("%1 trang").arg(m_pages)));
        QVERIFY(text(QStringLiteral("h1")).contains(QStringLiteral("Hội đồng nhân dân")));
        QVERIFY(text(QStringLiteral("#who")).contains(QStringLiteral("Lê Hoàng Phúc")));
        // The presenter's document is marked.
        QCOMPARE(m_page.evaluate(QStringLiteral("document.querySelectorAll('.doc.live').length"))
                     .toInt(),
            1);
        QVERIFY(text(QStringLiteral(".doc.live")).contains(headline(1)));
        QVERIFY(text(QStringLiteral(".doc.live")).contains(QStringLiteral("Đang trình chiếu")));
        screenshot(QStringLiteral("reader-list-vi.png"));
    }

    void tapOpensPageOne()
    {
        QVERIFY(m_page.evaluate(QStringLiteral("document.querySelectorAll('.doc')[1].click(), 1"))
                    .toInt());
        QVERIFY(waitFor(QStringLiteral("!document.getElementById('viewer').hidden")));
        QVERIFY(waitFor(QStringLiteral(
            "document.getElementById('page').complete && document.getElementById('page')"
            ".naturalWidth > 0 && document.getElementById('page').style.visibility === "
            "'visible'")));
        // 390 CSS pixels at 2 device pixels each: 780, rounded up to the 800 step.
        QCOMPARE(
            m_page.evaluate(QStringLiteral("document.getElementById('page').naturalWidth")).toInt(),
            800);
        QCOMPARE(text(QStringLiteral("#pageno")), QStringLiteral("Trang 1 / %1").arg(m_pages));
        QCOMPARE(text(QStringLiteral("#doctitle")), headline(2));
        QVERIFY(text(QStringLiteral("#download")).startsWith(QStringLiteral("Tải tệp PDF")));
        QVERIFY(
            m_page.evaluate(QStringLiteral("document.getElementById('prev').disabled")).toBool());
        screenshot(QStringLiteral("reader-page-vi.png"));
    }

    void nextPageTurns()
    {
        const QString first
            = m_page.evaluate(QStringLiteral("document.getElementById('page').src")).toString();
        QVERIFY(
            m_page.evaluate(QStringLiteral("document.getElementById('next').click(), 1")).toInt());
        QVERIFY(waitFor(QStringLiteral("document.getElementById('pageno').textContent === "
                                       "'Trang 2 / %1'")
                            .arg(m_pages)));
        QVERIFY(waitFor(QStringLiteral("document.getElementById('page').src !== %1 && "
                                       "document.getElementById('page').complete && "
                                       "document.getElementById('page').naturalWidth > 0")
                            .arg(jsString(first))));
        QVERIFY(
            !m_page.evaluate(QStringLiteral("document.getElementById('prev').disabled")).toBool());
    }

    void englishSwitch()
    {
        QVERIFY(m_page
                    .evaluate(
                        QStringLiteral("document.querySelector('#lang [data-lang=en]').click(), 1"))
                    .toInt());
        QVERIFY(waitFor(QStringLiteral("document.documentElement.lang === 'en'")));
        QCOMPARE(text(QStringLiteral("#pageno")), QStringLiteral("Page 2 of %1").arg(m_pages));
        QCOMPARE(text(QStringLiteral("#back")), QStringLiteral("‹ Documents"));
        QVERIFY(text(QStringLiteral("#download")).startsWith(QStringLiteral("Download the PDF")));
        screenshot(QStringLiteral("reader-page-en.png"));
        QVERIFY(
            m_page.evaluate(QStringLiteral("document.getElementById('back').click(), 1")).toInt());
        QVERIFY(waitFor(QStringLiteral("!document.getElementById('list').hidden")));
        QVERIFY(text(QStringLiteral("#list")).contains(QStringLiteral("%1 pages").arg(m_pages)));
        QVERIFY(text(QStringLiteral(".doc.live")).contains(QStringLiteral("On screen")));
        screenshot(QStringLiteral("reader-list-en.png"));
    }

    void badLinkShowsAMessage()
    {
        const QString bad = m_url.section(QStringLiteral("#t="), 0, 0) + QStringLiteral("#t=")
            + QString(32, u'A');
        // Only the fragment differs: the open page starts again with the new token by itself.
        QVERIFY(m_page.navigate(bad));
        QVERIFY(waitFor(QStringLiteral("!document.getElementById('message').hidden")));
        QVERIFY(text(QStringLiteral("#msgtext")).contains(QStringLiteral("không hợp lệ")));
        QVERIFY(m_page.evaluate(QStringLiteral("document.getElementById('list').hidden")).toBool());
        // Trying the same link again cannot help: no button for it.
        QVERIFY(
            m_page.evaluate(QStringLiteral("document.getElementById('retry').hidden")).toBool());
        screenshot(QStringLiteral("reader-error-vi.png"));
        // No token at all.
        QVERIFY(m_page.navigate(m_url.section(QStringLiteral("#"), 0, 0)));
        QVERIFY(waitFor(QStringLiteral("!document.getElementById('message').hidden")));
        QVERIFY(text(QStringLiteral("#msgtext")).contains(QStringLiteral("thiếu mã truy cập")));
        // A revoked one says so.
        QCOMPARE(
            admin("DELETE", QStringLiteral("/meetings/1/reader-links/%1").arg(m_linkId)).status,
            200);
        QVERIFY(m_page.navigate(QStringLiteral("about:blank")));
        QVERIFY(m_page.navigate(m_url));
        QVERIFY(waitFor(QStringLiteral("!document.getElementById('message').hidden")));
        QVERIFY(text(QStringLiteral("#msgtext")).contains(QStringLiteral("đã bị thu hồi")));
        QVERIFY(m_page
                    .evaluate(
                        QStringLiteral("document.querySelector('#lang [data-lang=en]').click(), 1"))
                    .toInt());
        QVERIFY(waitFor(QStringLiteral(
            "document.getElementById('msgtext').textContent.indexOf('was revoked') >= 0")));
    }

    // A meeting title, delegate name, agenda title and document name made of markup show as
    // text: no element is made of them, no script of theirs runs, no dialog opens.
    void markupStaysText()
    {
        const QString markup = QStringLiteral("<img src=x onerror=alert(1)>");
        const QByteArray quoted
            = QJsonDocument(QJsonArray {markup}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
        QCOMPARE(
            admin("PATCH", QStringLiteral("/meetings/1"), R"({"title":)" + quoted + "}").status,
            200);
        const RestResponse delegate = admin("POST", QStringLiteral("/meetings/1/delegates"),
            R"({"name":)" + quoted + R"(,"seat":"Z99"})");
        QVERIFY2(delegate.status == 200 || delegate.status == 201, delegate.body.constData());
        const qint64 delegateId = delegate.json()
                                      .value(QLatin1String("result"))
                                      .toObject()
                                      .value(QLatin1String("delegate"))
                                      .toInteger();
        const RestResponse item
            = admin("POST", QStringLiteral("/meetings/1/agenda"), R"({"title":)" + quoted + "}");
        QCOMPARE(item.status, 201);
        const qint64 itemId = item.json()
                                  .value(QLatin1String("result"))
                                  .toObject()
                                  .value(QLatin1String("item"))
                                  .toInteger();
        // The PDF's own title is the markup too, and so is its file name.
        const RestResponse uploaded = admin("POST",
            QStringLiteral("/meetings/1/items/%1/documents?name=%2")
                .arg(itemId)
                .arg(QString::fromLatin1(QUrl::toPercentEncoding(markup + QStringLiteral(".pdf")))),
            makeTextPdf(markup, QStringLiteral("Nội dung")));
        QVERIFY2(uploaded.status == 201, uploaded.body.constData());
        const RestResponse link = admin("POST", QStringLiteral("/meetings/1/reader-links"),
            QByteArray(R"({"delegate":)") + QByteArray::number(delegateId) + "}");
        QCOMPARE(link.status, 201);

        QVERIFY(m_page.navigate(QStringLiteral("about:blank")));
        QVERIFY(m_page.navigate(link.json().value(QLatin1String("url")).toString()));
        QVERIFY(waitFor(QStringLiteral("!document.getElementById('list').hidden")));
        QCOMPARE(text(QStringLiteral("#title")), markup);
        QVERIFY(text(QStringLiteral("#who")).contains(markup));
        QCOMPARE(text(QStringLiteral("#list")).count(markup), 2); // the item and the document
        const QString noMarkup
            = QStringLiteral("document.querySelectorAll('img:not(#page)').length === 0 && "
                             "!document.body.innerHTML.includes('<img src')");
        QVERIFY(m_page.evaluate(noMarkup).toBool());
        QVERIFY(m_page
                    .evaluate(QStringLiteral("(() => { const b = [...document.querySelectorAll("
                                             "'.doc')].pop(); b.click(); return 1; })()"))
                    .toInt());
        QVERIFY(waitFor(QStringLiteral("!document.getElementById('viewer').hidden")));
        QCOMPARE(text(QStringLiteral("#doctitle")), markup);
        QVERIFY(m_page.evaluate(noMarkup).toBool());
        QVERIFY(m_page.events(QStringLiteral("Page.javascriptDialogOpening")).isEmpty());
        screenshot(QStringLiteral("reader-markup-as-text.png"));
    }

    void cleanupTestCase() { m_browser.stop(); }
};

QTEST_MAIN(TestReaderBrowser)
#include "test_reader_browser.moc"
