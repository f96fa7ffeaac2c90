#include "api/webassets.h"

#include "support/log.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>

namespace chamber::api {

Q_LOGGING_CATEGORY(lcWeb, "chamber.web")

namespace {

using Method = HttpMethod;

// The pages the devices open (/join, /read, /watch) need less than the workspace: nothing
// beyond what each one uses.
const QByteArray kPageTail = "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const QByteArray kJoinPolicy
    = "default-src 'none'; script-src 'self'; style-src 'self'; " + kPageTail;
// The reader shows pages as images it fetched (blob: URLs) from this server.
const QByteArray kReadPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; "
                               "img-src blob:; connect-src 'self'; "
    + kPageTail;
// The watch page's WebSocket goes to this server; the programme plays from a MediaStream.
const QByteArray kWatchPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; "
                                "connect-src 'self'; media-src 'self' blob:; "
    + kPageTail;

// The board fetches its JSON from this server and opens its WebSocket; the QR is an image.
const QByteArray kBoardPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; "
                                "connect-src 'self'; img-src 'self'; "
    + kPageTail;

const QRegularExpression &segmentPattern()
{
    // Letters, digits, '-', '_' and '.', not starting with a dot: no "..", no hidden files,
    // no escapes (the path is taken percent-encoded, so an escaped dot or slash has a '%').
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-][A-Za-z0-9._-]*$"));
    return pattern;
}

HttpReply notFound(const QString &path)
{
    return HttpReply::error(
        makeError(ErrorCode::NotFound, QStringLiteral("no such file: ") + path));
}

} // namespace

const QByteArray WebAssets::kPagePolicy
    = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
      "connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; "
      "form-action 'self'";

WebAssets::WebAssets(const QString &root)
{
    QDirIterator files(root, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            log::warning(
                lcWeb(), QStringLiteral("web file unreadable"), {{QStringLiteral("path"), path}});
            continue;
        }
        Asset asset;
        asset.body = file.readAll();
        asset.contentType = contentTypeFor(path);
        asset.etag = '"'
            + QCryptographicHash::hash(asset.body, QCryptographicHash::Sha256).left(16).toHex()
            + '"';
        m_files.insert(path.mid(root.size() + 1), asset);
    }
}

bool WebAssets::handles(const QString &path)
{
    return path == QLatin1String("/") || path.startsWith(kPrefix) || pageFor(path).has_value();
}

std::optional<WebAssets::Page> WebAssets::pageFor(const QString &path)
{
    if (path == QLatin1String("/"))
        return Page {QStringLiteral("workspace/index.html"), kPagePolicy, {}};
    if (path == QLatin1String("/join") || path == QLatin1String("/join/"))
        return Page {QStringLiteral("join/index.html"), kJoinPolicy, {}};
    if (path == QLatin1String("/read") || path == QLatin1String("/read/"))
        return Page {QStringLiteral("read/index.html"), kReadPolicy, {}};
    // The follow-up board: its token is in the fragment (/board/#<token>), never sent.
    if (path == QLatin1String("/board") || path == QLatin1String("/board/"))
        return Page {QStringLiteral("board/index.html"), kBoardPolicy, {}};
    if (path == QLatin1String("/watch") || path == QLatin1String("/watch/")) {
        // The page receives only: camera and microphone are refused outright.
        return Page {QStringLiteral("watch/index.html"), kWatchPolicy,
            {{"Permissions-Policy", "camera=(), microphone=(), geolocation=()"}}};
    }
    return std::nullopt;
}

QByteArray WebAssets::contentTypeFor(const QString &path)
{
    const QString suffix = path.section(u'.', -1).toLower();
    if (suffix == QLatin1String("html"))
        return "text/html; charset=utf-8";
    if (suffix == QLatin1String("css"))
        return "text/css; charset=utf-8";
    if (suffix == QLatin1String("js") || suffix == QLatin1String("mjs"))
        return "text/javascript; charset=utf-8";
    if (suffix == QLatin1String("json"))
        return "application/json";
    if (suffix == QLatin1String("svg"))
        return "image/svg+xml";
    if (suffix == QLatin1String("png"))
        return "image/png";
    if (suffix == QLatin1String("woff2"))
        return "font/woff2";
    if (suffix == QLatin1String("txt") || suffix == QLatin1String("md"))
        return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

QString WebAssets::assetPathOf(const QByteArray &encodedPath)
{
    if (!encodedPath.startsWith(QByteArray(kPrefix.data(), kPrefix.size())))
        return {};
    const QString rest = QString::fromLatin1(encodedPath.mid(kPrefix.size()));
    const QStringList segments = rest.split(u'/');
    for (const QString &segment : segments) {
        if (!segmentPattern().match(segment).hasMatch())
            return {};
    }
    return rest;
}

bool WebAssets::matches(const QByteArray &ifNoneMatch, const QByteArray &etag)
{
    const QList<QByteArray> tags = ifNoneMatch.split(',');
    for (const QByteArray &tag : tags) {
        const QByteArray trimmed = tag.trimmed();
        // A weak validator (W/"…") names the same bytes here: every file is whole.
        if (trimmed == etag || trimmed == "W/" + etag || trimmed == "*")
            return true;
    }
    return false;
}

HttpReply WebAssets::fileReply(
    const edge::HttpRequest &request, const QString &file, bool revalidate) const
{
    const auto found = m_files.constFind(file);
    if (found == m_files.constEnd())
        return notFound(file);
    HttpReply reply;
    if (!revalidate) {
        reply.contentType = found->contentType;
        reply.body = found->body;
        return reply;
    }
    reply.headers = {{"ETag", found->etag}, {"Cache-Control", "no-cache"}};
    if (matches(request.value("If-None-Match"), found->etag)) {
        reply.status = 304;
        reply.contentType.clear();
        return reply;
    }
    reply.contentType = found->contentType;
    reply.body = found->body;
    return reply;
}

HttpReply WebAssets::serve(const edge::HttpRequest &request) const
{
    const QByteArray encoded = request.url().path(QUrl::FullyEncoded).toLatin1();
    const std::optional<Page> page = pageFor(QString::fromLatin1(encoded));
    // A page is opened (GET, as the route list says); a file may also be asked about (HEAD).
    const bool allowed
        = request.method() == Method::Get || (request.method() == Method::Head && !page);
    if (!allowed) {
        const QByteArray methods = page ? "GET" : "GET, HEAD";
        HttpReply reply = HttpReply::error(makeError(ErrorCode::BadField,
            QStringLiteral("only read here (%1)").arg(QLatin1String(methods))));
        reply.status = 405;
        reply.headers.append(qMakePair(QByteArray("Allow"), methods));
        return reply;
    }
    if (page) {
        // A page's public address is never cached: a link opened again gets today's page.
        HttpReply reply = fileReply(request, page->file, false);
        if (reply.status != 200)
            return reply;
        reply.headers = {{"Cache-Control", "no-store"}, {"Content-Security-Policy", page->policy},
            {"X-Frame-Options", "DENY"}, {"Referrer-Policy", "no-referrer"}};
        reply.headers += page->extraHeaders;
        return reply;
    }
    const QString file = assetPathOf(encoded);
    if (file.isEmpty()) {
        log::debug(lcWeb(), QStringLiteral("web path refused"),
            {{QStringLiteral("path"), QString::fromLatin1(encoded.left(200))}});
        return notFound(QString::fromLatin1(encoded.left(200)));
    }
    HttpReply reply = fileReply(request, file, true);
    if (reply.contentType.startsWith("text/html")) {
        reply.headers.append(qMakePair(QByteArray("Content-Security-Policy"), kPagePolicy));
        reply.headers.append(qMakePair(QByteArray("X-Frame-Options"), QByteArray("DENY")));
    }
    return reply;
}

void WebAssets::registerRoutes(Router &router)
{
    using Op = services::Operation;
    router.addServedElsewhere(QStringLiteral("GET"), QStringLiteral("/"), Op::WorkspacePage);
    router.addServedElsewhere(QStringLiteral("GET"), QStringLiteral("/join"), Op::JoinPage);
    router.addServedElsewhere(QStringLiteral("GET"), QStringLiteral("/read"), Op::ReaderPage);
    router.addServedElsewhere(QStringLiteral("GET"), QStringLiteral("/watch"), Op::WatchPage);
    router.addServedElsewhere(QStringLiteral("GET"), QStringLiteral("/board"), Op::BoardPage);
    for (const char *method : {"GET", "HEAD"})
        router.addServedElsewhere(
            QLatin1String(method), QStringLiteral("/web/{path}"), Op::WebFile);
}

} // namespace chamber::api
