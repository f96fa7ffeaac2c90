// The browser's files: everything under assets/web/ is compiled into chamberd as a Qt resource
// (server/api/CMakeLists.txt globs the directory) and answered here at /web/<path>, plus the
// pages' public addresses: / (the workspace), /join, /read, /watch and /board.
//
// Every file is read and hashed once, when chamberd starts, so a request is a map lookup: a
// path that is not a key of the map is a 404, whatever dots, backslashes or escapes it holds
// (they are refused before the lookup anyway, so the log says why). Files are revalidated on
// every use (Cache-Control: no-cache + ETag, 304 on If-None-Match): a new chamberd is picked up
// at once and an unchanged file costs a few hundred bytes. HTML carries a Content-Security-
// Policy that allows scripts and styles from this server only: no inline script, no inline
// style, nothing from elsewhere.
#pragma once

#include "api/router.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

namespace chamber::api {

class WebAssets
{
public:
    static constexpr QLatin1String kPrefix {"/web/"};
    // Where qt_add_resources puts assets/web/ (PREFIX in server/api/CMakeLists.txt).
    static constexpr QLatin1String kResourceRoot {":/chamber/web"};

    // The policy of the workspace and every HTML file under /web/ (the contract's).
    static const QByteArray kPagePolicy;

    // Reads every file under `root` (the compiled-in resources unless a test says otherwise).
    explicit WebAssets(const QString &root = kResourceRoot);

    // Whether `path` is one of the addresses answered here (/, /join, /read, /watch, /web/…).
    static bool handles(const QString &path);
    // GET and HEAD; anything else is a 405.
    HttpReply serve(const edge::HttpRequest &request) const;
    // Lists the addresses in the route list (served by HttpServer, not the router).
    static void registerRoutes(Router &router);

    // The files loaded, by path under assets/web ("common/client.js").
    qsizetype fileCount() const { return m_files.size(); }
    bool contains(const QString &path) const { return m_files.contains(path); }

    // "text/javascript; charset=utf-8" for "x.js", …; application/octet-stream when unknown.
    static QByteArray contentTypeFor(const QString &path);
    // The file under assets/web a request path names, or empty when it names none (traversal
    // attempts, escapes, backslashes, NUL and hidden files included).
    static QString assetPathOf(const QByteArray &encodedPath);
    // Whether an If-None-Match header names `etag` (or is "*").
    static bool matches(const QByteArray &ifNoneMatch, const QByteArray &etag);

private:
    struct Asset
    {
        QByteArray body;
        QByteArray contentType;
        QByteArray etag; // quoted hex of the first 16 bytes of its SHA-256
    };
    // What a page's public address serves, and the policy it needs beyond the files.
    struct Page
    {
        QString file;
        QByteArray policy;
        QList<QPair<QByteArray, QByteArray>> extraHeaders;
    };
    static std::optional<Page> pageFor(const QString &path);
    // `revalidate`: answer with the ETag and no-cache (304 when the client has it); otherwise
    // the bare file, for an address that sets its own caching.
    HttpReply fileReply(
        const edge::HttpRequest &request, const QString &file, bool revalidate) const;

    QHash<QString, Asset> m_files;
};

} // namespace chamber::api
