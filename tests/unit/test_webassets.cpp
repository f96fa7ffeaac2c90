// The browser's files as chamberd serves them (api::WebAssets, compiled-in assets/web): every
// file of the directory is there, with its content type, an ETag that a client gets 304 for,
// no-cache; paths that try to leave /web/ are 404; HTML carries the contract's CSP and holds
// no inline script or style that the CSP would block; no page script parses HTML.
#include "api/webassets.h"
#include "edge/httprequest.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace chamber;
using namespace chamber::api;

namespace {

const QString kSourceWeb = QStringLiteral(CHAMBER_SOURCE_DIR "/assets/web");

HttpReply get(const WebAssets &web, const QByteArray &target,
    QList<QPair<QByteArray, QByteArray>> headers = {}, const QByteArray &method = "GET")
{
    edge::HttpHead head;
    head.method = method;
    head.target = target;
    for (auto &[name, value] : headers)
        head.headers.append(qMakePair(name.toLower(), value));
    return web.serve(edge::HttpRequest(head, QHostAddress::LocalHost));
}

QByteArray header(const HttpReply &reply, const QByteArray &name)
{
    for (const auto &[key, value] : reply.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

// Every file of assets/web in the source tree, as paths under it.
QStringList sourceFiles()
{
    QStringList files;
    QDirIterator it(kSourceWeb, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next().mid(kSourceWeb.size() + 1);
        if (!path.section(u'/', -1).startsWith(u'.') && !path.endsWith(u'~'))
            files << path;
    }
    return files;
}

QByteArray sourceBytes(const QString &path)
{
    QFile file(kSourceWeb + u'/' + path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestWebAssets : public QObject
{
    Q_OBJECT

private:
    WebAssets m_web;

private Q_SLOTS:
    void everySourceFileIsCompiledIn()
    {
        const QStringList files = sourceFiles();
        QVERIFY(files.contains(QStringLiteral("common/client.js")));
        QVERIFY(files.contains(QStringLiteral("common/chamber.css")));
        for (const QString &file : files) {
            QVERIFY2(m_web.contains(file), qPrintable(file));
            const HttpReply reply = get(m_web, "/web/" + file.toUtf8());
            QCOMPARE(reply.status, 200);
            QVERIFY2(reply.body == sourceBytes(file), qPrintable(file));
        }
        QCOMPARE(m_web.fileCount(), files.size());
    }

    void contentTypes_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("type");
        QTest::newRow("html") << "a/index.html" << QByteArray("text/html; charset=utf-8");
        QTest::newRow("css") << "chamber.css" << QByteArray("text/css; charset=utf-8");
        QTest::newRow("js") << "client.js" << QByteArray("text/javascript; charset=utf-8");
        QTest::newRow("JS upper") << "X.JS" << QByteArray("text/javascript; charset=utf-8");
        QTest::newRow("svg") << "logo.svg" << QByteArray("image/svg+xml");
        QTest::newRow("png") << "icon.png" << QByteArray("image/png");
        QTest::newRow("woff2") << "NotoSans.woff2" << QByteArray("font/woff2");
        QTest::newRow("json") << "x.json" << QByteArray("application/json");
        QTest::newRow("unknown") << "x.exe" << QByteArray("application/octet-stream");
        QTest::newRow("no suffix") << "LICENSE" << QByteArray("application/octet-stream");
    }
    void contentTypes()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, type);
        QCOMPARE(WebAssets::contentTypeFor(path), type);
    }

    void servedFileHasItsHeaders()
    {
        const HttpReply reply = get(m_web, "/web/common/client.js");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.contentType, QByteArray("text/javascript; charset=utf-8"));
        QCOMPARE(header(reply, "Cache-Control"), QByteArray("no-cache"));
        const QByteArray etag = header(reply, "ETag");
        QVERIFY2(QRegularExpression(QStringLiteral("^\"[0-9a-f]{32}\"$"))
                     .match(QString::fromLatin1(etag))
                     .hasMatch(),
            etag.constData());
        QVERIFY(header(reply, "Content-Security-Policy").isEmpty()); // not a page
        // Another file, another tag.
        QVERIFY(header(get(m_web, "/web/common/chamber.css"), "ETag") != etag);
        QCOMPARE(get(m_web, "/web/common/client.js", {}, "HEAD").status, 200);
    }

    void etagGives304()
    {
        const QByteArray etag = header(get(m_web, "/web/common/chamber.css"), "ETag");
        const HttpReply same = get(m_web, "/web/common/chamber.css", {{"If-None-Match", etag}});
        QCOMPARE(same.status, 304);
        QVERIFY(same.body.isEmpty());
        QCOMPARE(header(same, "ETag"), etag);
        QCOMPARE(
            get(m_web, "/web/common/chamber.css", {{"If-None-Match", "W/" + etag}}).status, 304);
        QCOMPARE(
            get(m_web, "/web/common/chamber.css", {{"If-None-Match", "\"x\", " + etag}}).status,
            304);
        const HttpReply other
            = get(m_web, "/web/common/chamber.css", {{"If-None-Match", "\"0123456789abcdef\""}});
        QCOMPARE(other.status, 200);
        QVERIFY(!other.body.isEmpty());
        // Another file's tag is not this file's.
        QCOMPARE(get(m_web, "/web/common/client.js", {{"If-None-Match", etag}}).status, 200);
    }

    void pathsOutsideAreNotFound_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("dot dot") << QByteArray("/web/../CMakeLists.txt");
        QTest::newRow("dot dot inside") << QByteArray("/web/common/../common/client.js");
        QTest::newRow("escaped dots") << QByteArray("/web/%2e%2e/server/api/webassets.cpp");
        QTest::newRow("escaped upper") << QByteArray("/web/common/%2E%2E/common/client.js");
        QTest::newRow("escaped slash") << QByteArray("/web/common%2fclient.js");
        QTest::newRow("backslash") << QByteArray("/web/common\\client.js");
        QTest::newRow("escaped backslash") << QByteArray("/web/common%5cclient.js");
        QTest::newRow("nul") << QByteArray("/web/common/client.js%00");
        QTest::newRow("nul inside") << QByteArray("/web/common/client%00.js");
        QTest::newRow("dot") << QByteArray("/web/./common/client.js");
        QTest::newRow("hidden") << QByteArray("/web/common/.client.js");
        QTest::newRow("empty segment") << QByteArray("/web//common/client.js");
        QTest::newRow("directory") << QByteArray("/web/common/");
        QTest::newRow("root") << QByteArray("/web/");
        QTest::newRow("unknown") << QByteArray("/web/common/nothing.js");
        QTest::newRow("resource syntax") << QByteArray("/web/:/chamber/web/common/client.js");
        QTest::newRow("absolute") << QByteArray("/web//etc/passwd");
    }
    void pathsOutsideAreNotFound()
    {
        QFETCH(QByteArray, target);
        const HttpReply reply = get(m_web, target);
        QCOMPARE(reply.status, 404);
        QVERIFY(!reply.body.contains("export function"));
    }

    void onlyReading()
    {
        const HttpReply reply = get(m_web, "/web/common/client.js", {}, "POST");
        QCOMPARE(reply.status, 405);
        QCOMPARE(header(reply, "Allow"), QByteArray("GET, HEAD"));
        QCOMPARE(get(m_web, "/read", {}, "DELETE").status, 405);
        // A page is opened, as the route list says (GET); only files answer HEAD.
        const HttpReply head = get(m_web, "/join", {}, "HEAD");
        QCOMPARE(head.status, 405);
        QCOMPARE(header(head, "Allow"), QByteArray("GET"));
    }

    void pagesHaveAStrictPolicy_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("needs"); // what the page's own policy must allow
        QTest::newRow("workspace") << QByteArray("/") << QByteArray("connect-src 'self'");
        QTest::newRow("join") << QByteArray("/join") << QByteArray("script-src 'self'");
        QTest::newRow("read") << QByteArray("/read") << QByteArray("img-src blob:");
        QTest::newRow("read/") << QByteArray("/read/") << QByteArray("img-src blob:");
        QTest::newRow("watch") << QByteArray("/watch") << QByteArray("media-src 'self' blob:");
        QTest::newRow("file") << QByteArray("/web/read/index.html")
                              << QByteArray("form-action 'self'");
    }
    void pagesHaveAStrictPolicy()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, needs);
        const HttpReply reply = get(m_web, target);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.contentType, QByteArray("text/html; charset=utf-8"));
        const QByteArray policy = header(reply, "Content-Security-Policy");
        QVERIFY2(policy.contains("script-src 'self'"), policy.constData());
        QVERIFY2(policy.contains("style-src 'self'"), policy.constData());
        QVERIFY2(policy.contains("frame-ancestors 'none'"), policy.constData());
        QVERIFY2(policy.contains("base-uri 'none'"), policy.constData());
        QVERIFY2(!policy.contains("unsafe"), policy.constData());
        QVERIFY2(policy.contains(needs), policy.constData());
        QCOMPARE(header(reply, "X-Frame-Options"), QByteArray("DENY"));
    }

    void pageAddressesAreNotCached()
    {
        const HttpReply watch = get(m_web, "/watch");
        QCOMPARE(header(watch, "Cache-Control"), QByteArray("no-store"));
        QVERIFY(header(watch, "Permissions-Policy").contains("camera=()"));
        QCOMPARE(watch.body, sourceBytes(QStringLiteral("watch/index.html")));
        QCOMPARE(get(m_web, "/").body, sourceBytes(QStringLiteral("workspace/index.html")));
        QCOMPARE(get(m_web, "/join").body, sourceBytes(QStringLiteral("join/index.html")));
        QVERIFY(WebAssets::handles(QStringLiteral("/read")));
        QVERIFY(!WebAssets::handles(QStringLiteral("/reader/api/meeting")));
        QVERIFY(!WebAssets::handles(QStringLiteral("/api/v1/health")));
        QVERIFY(!WebAssets::handles(QStringLiteral("/webx")));
    }

    // The CSP blocks inline script and style: a page that had them would silently not work.
    void htmlHasNothingInline()
    {
        const QRegularExpression inlineScript(QStringLiteral("<script(?![^>]*\\ssrc=)[^>]*>"),
            QRegularExpression::CaseInsensitiveOption);
        const QRegularExpression handler(
            QStringLiteral("<[^>]*\\son[a-z]+\\s*="), QRegularExpression::CaseInsensitiveOption);
        const QRegularExpression scriptUrl(QStringLiteral("=\\s*[\"']?\\s*javascript:"),
            QRegularExpression::CaseInsensitiveOption);
        const QRegularExpression styleAttribute(
            QStringLiteral("<[^>]*\\sstyle\\s*="), QRegularExpression::CaseInsensitiveOption);
        for (const QString &file : sourceFiles()) {
            if (!file.endsWith(QLatin1String(".html")))
                continue;
            const QString html = QString::fromUtf8(sourceBytes(file));
            QVERIFY2(!inlineScript.match(html).hasMatch(), qPrintable(file));
            QVERIFY2(!handler.match(html).hasMatch(), qPrintable(file));
            QVERIFY2(!styleAttribute.match(html).hasMatch(), qPrintable(file));
            QVERIFY2(
                !html.contains(QLatin1String("<style"), Qt::CaseInsensitive), qPrintable(file));
            QVERIFY2(!scriptUrl.match(html).hasMatch(), qPrintable(file));
            // Nothing from elsewhere: no CDN, no absolute URL.
            QVERIFY2(!html.contains(QLatin1String("http://"))
                    && !html.contains(QLatin1String("https://")),
                qPrintable(file));
        }
    }

    // Names, titles and the rest come from users: they go into the DOM as text (el(),
    // textContent). A script that parses HTML is where that would break.
    void scriptsNeverParseHtml()
    {
        const QRegularExpression parsing(
            QStringLiteral("\\.(innerHTML|outerHTML)\\s*[+]?=|insertAdjacentHTML|document\\.write|"
                           "createContextualFragment|\\beval\\(|new Function\\("));
        int scripts = 0;
        for (const QString &file : sourceFiles()) {
            if (!file.endsWith(QLatin1String(".js")))
                continue;
            ++scripts;
            const QString js = QString::fromUtf8(sourceBytes(file));
            const QRegularExpressionMatch found = parsing.match(js);
            QVERIFY2(
                !found.hasMatch(), qPrintable(file + QStringLiteral(": ") + found.captured(0)));
        }
        QVERIFY(scripts >= 4);
    }

    void anotherRootServesItsFiles()
    {
        // The tree is whatever the root holds: a directory works like the resources.
        WebAssets web(kSourceWeb);
        QCOMPARE(web.fileCount(), sourceFiles().size());
        QCOMPARE(get(web, "/web/common/chamber.css").body,
            sourceBytes(QStringLiteral("common/chamber.css")));
        // A symbolic escape from that root still cannot be named.
        QCOMPARE(get(web, "/web/../CMakeLists.txt").status, 404);
    }
};

QTEST_GUILESS_MAIN(TestWebAssets)
#include "test_webassets.moc"
