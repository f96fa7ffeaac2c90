#include "api/readerapi.h"

#include "api/admission.h"
#include "api/documentapi.h"
#include "core/meeting.h"
#include "protocol/message.h"
#include "protocol/readerlink.h"
#include "qrcode/qrcode.h"
#include "services/meetingservice.h"
#include "services/pagerenderer.h"
#include "services/permissions.h"
#include "services/readerlinks.h"
#include "storage/documentfiles.h"
#include "support/log.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace chamber::api {

Q_LOGGING_CATEGORY(lcReader, "chamber.reader")

namespace {

using Method = HttpMethod;

const QByteArray kImmutable = "private, max-age=31536000, immutable";

struct LinkRequest
{
    qint64 delegate = 0;
    int ttlSeconds = services::kDefaultReaderLinkSeconds;
};

Result<LinkRequest> parseLinkRequest(const QByteArray &body)
{
    LinkRequest request;
    if (body.trimmed().isEmpty())
        return request;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return makeError(ErrorCode::BadJson, QStringLiteral("body must be a JSON object"));
    const QJsonObject json = document.object();
    for (const QString &key : json.keys()) {
        if (key != QLatin1String("delegate") && key != QLatin1String("ttlSeconds"))
            return makeError(ErrorCode::BadField, QStringLiteral("unknown field ") + key, key);
    }
    const QJsonValue delegate = json.value(QLatin1String("delegate"));
    if (!delegate.isUndefined()) {
        if (!protocol::isJsonInteger(delegate) || delegate.toInteger() < 1)
            return makeError(ErrorCode::BadField, QStringLiteral("delegate must be a delegate id"),
                QStringLiteral("delegate"));
        request.delegate = delegate.toInteger();
    }
    const QJsonValue ttl = json.value(QLatin1String("ttlSeconds"));
    if (!ttl.isUndefined()) {
        if (!protocol::isJsonInteger(ttl))
            return makeError(ErrorCode::BadField,
                QStringLiteral("ttlSeconds must be a whole number"), QStringLiteral("ttlSeconds"));
        request.ttlSeconds = int(std::clamp<qint64>(ttl.toInteger(), 0, 100000000));
    }
    return request;
}

// Every reader answer: the phone's browser must not leak the link's token in a Referer.
HttpReply readerReply(int status, const QByteArray &contentType, const QByteArray &body,
    const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    HttpReply reply;
    reply.status = status;
    reply.contentType = contentType;
    reply.body = body;
    reply.headers = headers;
    reply.headers.append(qMakePair(QByteArray("Referrer-Policy"), QByteArray("no-referrer")));
    return reply;
}

HttpReply readerError(const Error &error)
{
    HttpReply reply = HttpReply::error(error);
    reply.headers.append(qMakePair(QByteArray("Cache-Control"), QByteArray("no-store")));
    reply.headers.append(qMakePair(QByteArray("Referrer-Policy"), QByteArray("no-referrer")));
    return reply;
}

const core::Document *findDocument(const core::MeetingState &meeting, const QString &sha256)
{
    for (const auto &[id, document] : meeting.documents.all()) {
        if (!document.removed && document.sha256 == sha256)
            return &document;
    }
    return nullptr;
}

} // namespace

ReaderApi::ReaderApi(services::ReaderLinkService &links, services::MeetingService &meetings,
    const DocumentApi &documents, const storage::DocumentFiles &files,
    services::PageRenderer &renderer, ReaderLinkMaker link)
    : m_links(links)
    , m_meetings(meetings)
    , m_documents(documents)
    , m_files(files)
    , m_renderer(renderer)
    , m_link(std::move(link))
{ }

bool ReaderApi::handles(const QString &path)
{
    // The page itself (/read) is a file of assets/web, served by WebAssets.
    return path.startsWith(QLatin1String("/reader/"));
}

Result<QJsonObject> ReaderApi::createLink(
    const services::Principal &principal, qint64 meeting, qint64 delegate, int ttlSeconds)
{
    auto grant = m_links.create(principal, meeting, delegate, ttlSeconds);
    if (!grant)
        return grant.error();
    const QString url = m_link(grant->token);
    auto matrix = qrcode::encode(url.toUtf8());
    if (!matrix)
        return matrix.error();
    log::info(lcReader(), QStringLiteral("reader link created"),
        {{QStringLiteral("meeting"), meeting}, {QStringLiteral("link"), grant->id},
            {QStringLiteral("delegate"), grant->delegate},
            {QStringLiteral("principal"), principal.id}});
    return QJsonObject {{QStringLiteral("id"), grant->id},
        {QStringLiteral("meeting"), grant->meeting}, {QStringLiteral("delegate"), grant->delegate},
        {QStringLiteral("url"), url},
        {QStringLiteral("expiresAt"), grant->expiresAt.toString(Qt::ISODate)},
        {QStringLiteral("svg"), QString::fromUtf8(qrcode::toSvg(matrix.value()))},
        {QStringLiteral("png"), QString::fromLatin1(qrcode::toPng(matrix.value()).toBase64())}};
}

HttpReply ReaderApi::create(const RouteContext &context)
{
    const QString format
        = QUrlQuery(context.request.url()).queryItemValue(QStringLiteral("format"));
    if (!format.isEmpty() && format != QLatin1String("json") && format != QLatin1String("png")
        && format != QLatin1String("svg"))
        return HttpReply::error(makeError(ErrorCode::BadField,
            QStringLiteral("format must be json, png or svg"), QStringLiteral("format")));
    auto request = parseLinkRequest(context.request.body());
    if (!request)
        return HttpReply::error(request.error());
    if (request->delegate == 0 && context.principal.isAdmin())
        return HttpReply::error(makeError(ErrorCode::MissingField,
            QStringLiteral("say which delegate the link is for"), QStringLiteral("delegate")));
    auto link
        = createLink(context.principal, context.ids.at(0), request->delegate, request->ttlSeconds);
    if (!link)
        return HttpReply::error(link.error());
    if (format == QLatin1String("png") || format == QLatin1String("svg")) {
        HttpReply reply;
        reply.status = 201;
        const bool png = format == QLatin1String("png");
        reply.contentType = png ? "image/png" : "image/svg+xml";
        reply.body = png
            ? QByteArray::fromBase64(link->value(QLatin1String("png")).toString().toLatin1())
            : link->value(QLatin1String("svg")).toString().toUtf8();
        reply.headers.append(qMakePair(QByteArray("Chamber-Reader-Url"),
            link->value(QLatin1String("url")).toString().toUtf8()));
        reply.headers.append(qMakePair(QByteArray("Chamber-Reader-Expires"),
            link->value(QLatin1String("expiresAt")).toString().toUtf8()));
        return reply;
    }
    return HttpReply::json(201, link.value());
}

void ReaderApi::registerRoutes(Router &router)
{
    using Op = services::Operation;
    const QString links = QStringLiteral("/api/v1/meetings/{meeting}/reader-links");
    router.add(Method::Post, links, Op::CreateReaderLink,
        [this](const RouteContext &c) { return create(c); });
    router.add(Method::Get, links, Op::ListReaderLinks, [this](const RouteContext &c) {
        auto list = m_links.list(c.principal, c.ids.at(0));
        return list ? HttpReply::json(200, list.value()) : HttpReply::error(list.error());
    });
    router.add(Method::Delete, links + QStringLiteral("/{link}"), Op::RevokeReaderLink,
        [this](const RouteContext &c) {
            auto revoked = m_links.revoke(c.principal, c.ids.at(0), c.ids.at(1));
            if (!revoked)
                return HttpReply::error(revoked.error());
            log::info(lcReader(), QStringLiteral("reader link revoked"),
                {{QStringLiteral("meeting"), c.ids.at(0)}, {QStringLiteral("link"), c.ids.at(1)},
                    {QStringLiteral("principal"), c.principal.id}});
            return HttpReply::json(200,
                QJsonObject {
                    {QStringLiteral("id"), c.ids.at(1)}, {QStringLiteral("revoked"), true}});
        });
    // What serve() answers (protocol/readerlink.h): the link's own reads.
    const QString api = QStringLiteral("/reader/api");
    router.addServedElsewhere(
        QStringLiteral("GET"), api + QStringLiteral("/meeting"), Op::ReadAsReader);
    for (const char *method : {"GET", "HEAD"})
        router.addServedElsewhere(
            QLatin1String(method), api + QStringLiteral("/docs/{sha256}"), Op::ReadAsReader);
    router.addServedElsewhere(QStringLiteral("GET"),
        api + QStringLiteral("/docs/{sha256}/pages/{page}"), Op::ReadAsReader);
}

QJsonObject ReaderApi::meetingJson(const services::ReaderSession &session) const
{
    const core::MeetingState *meeting = m_meetings.meeting(session.meeting);
    std::map<qint64, QJsonArray> byItem;
    for (const auto &[id, document] : meeting->documents.all()) {
        if (document.removed)
            continue;
        byItem[document.item].append(QJsonObject {{QStringLiteral("id"), id},
            {QStringLiteral("sha256"), document.sha256}, {QStringLiteral("title"), document.title},
            {QStringLiteral("name"), document.name},
            {QStringLiteral("fileName"), document.fileName()},
            {QStringLiteral("pages"), document.pages}, {QStringLiteral("bytes"), document.bytes}});
    }
    QJsonArray items;
    for (qint64 id : meeting->agenda.preorder()) {
        const auto documents = byItem.find(id);
        if (documents == byItem.end())
            continue;
        const core::AgendaItem *item = meeting->agenda.find(id);
        items.append(QJsonObject {{QStringLiteral("id"), id},
            {QStringLiteral("number"), meeting->agenda.number(id)},
            {QStringLiteral("title"), item->title},
            {QStringLiteral("current"), meeting->currentItem == id},
            {QStringLiteral("documents"), documents->second}});
    }
    QJsonValue presenting;
    if (const core::Document *shown = meeting->documents.find(meeting->presenting.document);
        shown && !shown->removed)
        presenting = QJsonObject {{QStringLiteral("document"), shown->id},
            {QStringLiteral("sha256"), shown->sha256},
            {QStringLiteral("page"), meeting->presenting.page}};
    const core::Delegate *delegate = meeting->roster.find(session.delegate);
    return QJsonObject {{QStringLiteral("meeting"),
                            QJsonObject {{QStringLiteral("id"), meeting->id},
                                {QStringLiteral("title"), meeting->title},
                                {QStringLiteral("venue"), meeting->venue},
                                {QStringLiteral("startsAt"), meeting->startsAt}}},
        {QStringLiteral("delegate"),
            QJsonObject {{QStringLiteral("id"), delegate->id},
                {QStringLiteral("name"), delegate->name},
                {QStringLiteral("seat"), delegate->seat}}},
        {QStringLiteral("expiresAt"), session.expiresAt.toString(Qt::ISODate)},
        {QStringLiteral("items"), items}, {QStringLiteral("presenting"), presenting}};
}

HttpReply ReaderApi::serve(const edge::HttpRequest &request, const AnswerLater &later) const
{
    auto parsed = protocol::parseReaderRequest(
        request.url().path(), request.url().query(QUrl::FullyEncoded));
    if (!parsed)
        return readerError(parsed.error());
    const bool head = request.method() == Method::Head;
    const bool document = parsed->kind == protocol::ReaderRequest::Kind::Document;
    if (request.method() != Method::Get && !(head && document)) {
        const HttpReply reply = HttpReply::error(
            makeError(ErrorCode::BadField, QStringLiteral("the reader only reads (GET)")));
        return readerReply(405, reply.contentType, reply.body,
            {{"Allow", document ? "GET, HEAD" : "GET"}, {"Cache-Control", "no-store"}});
    }
    if (parsed->kind == protocol::ReaderRequest::Kind::Page) // /read is WebAssets'
        return readerError(makeError(ErrorCode::NotFound, QStringLiteral("no such resource")));
    auto token = protocol::readerTokenFromHeader(request.value("Authorization"));
    if (!token)
        return readerError(token.error());
    if (m_admission) {
        if (auto refused = m_admission->admitAttempt(Attempt::Reader, request.peer()))
            return readerError(*refused);
    }
    auto session = m_links.authenticate(token.value());
    if (!session) {
        if (m_admission)
            m_admission->attemptFailed(Attempt::Reader, request.peer(), session.error().message);
        return readerError(session.error());
    }
    const auto reader
        = services::Principal::forReader(session->link, session->meeting, session->delegate);
    if (auto allowed
        = services::authorizeAccess(reader, services::Operation::ReadAsReader, session->meeting);
        !allowed)
        return readerError(allowed.error());
    if (parsed->kind == protocol::ReaderRequest::Kind::Meeting) {
        return readerReply(200, "application/json",
            QJsonDocument(meetingJson(session.value())).toJson(QJsonDocument::Compact),
            {{"Cache-Control", "no-store"}});
    }
    const core::MeetingState *meeting = m_meetings.meeting(session->meeting);
    // Only this meeting's documents that are not removed; anything else is not even named.
    if (!meeting || !findDocument(*meeting, parsed->sha256))
        return readerError(makeError(ErrorCode::NotFound, QStringLiteral("no such document")));
    if (document) {
        HttpReply reply = m_documents.streamDocument(
            request, parsed->sha256, findDocument(*meeting, parsed->sha256)->fileName());
        reply.headers.append(qMakePair(QByteArray("Referrer-Policy"), QByteArray("no-referrer")));
        return reply;
    }
    return servePage(session.value(), parsed->sha256, parsed->page, parsed->width, request, later);
}

HttpReply ReaderApi::servePage(const services::ReaderSession &session, const QString &sha256,
    int page, int width, const edge::HttpRequest &request, const AnswerLater &later) const
{
    const core::Document *document = findDocument(*m_meetings.meeting(session.meeting), sha256);
    if (page > document->pages) {
        return readerError(makeError(ErrorCode::NotFound,
            QStringLiteral("the document has %1 pages; there is no page %2")
                .arg(document->pages)
                .arg(page),
            QStringLiteral("page")));
    }
    // The rendering of a page at a width never changes: its name is its identity.
    const QByteArray etag
        = '"' + QStringLiteral("%1-p%2-w%3").arg(sha256).arg(page).arg(width).toLatin1() + '"';
    if (request.value("If-None-Match").contains(etag))
        return readerReply(
            304, QByteArray(), QByteArray(), {{"ETag", etag}, {"Cache-Control", kImmutable}});
    m_renderer.render(
        m_files.pathOf(sha256), sha256, page, width, [later, etag](const Result<QByteArray> &png) {
            // A phone that gave up gets nothing; the page is in the cache for next time.
            if (!png) {
                HttpReply reply = readerError(png.error());
                if (png.error().code == ErrorCode::Unavailable)
                    reply.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("2")));
                later(reply);
                return;
            }
            later(readerReply(
                200, "image/png", png.value(), {{"ETag", etag}, {"Cache-Control", kImmutable}}));
        });
    return HttpReply::later();
}

} // namespace chamber::api
