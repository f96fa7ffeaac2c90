#include "api/httpserver.h"

#include "api/documentapi.h"
#include "api/readerapi.h"
#include "api/webassets.h"
#include "edge/edgeserver.h"
#include "edge/wspeer.h"
#include "services/authenticator.h"
#include "support/log.h"

namespace chamber::api {

Q_LOGGING_CATEGORY(lcHttp, "chamber.http")

HttpServer::HttpServer(const Router &router, const services::Authenticator &authenticator,
    const DocumentApi *documents, QObject *parent)
    : QObject(parent)
    , m_router(router)
    , m_authenticator(authenticator)
    , m_documents(documents)
{ }

void HttpServer::serve(edge::EdgeServer &edge)
{
    connect(&edge, &edge::EdgeServer::requestReceived, this, &HttpServer::handle);
    connect(&edge, &edge::EdgeServer::bodyAnnounced, this, &HttpServer::handleAnnouncedBody);
    connect(&edge, &edge::EdgeServer::webSocketOpened, this,
        [this](edge::WsPeer *peer, const edge::HttpRequest &) { Q_EMIT webSocketOpened(peer); });
}

std::optional<services::Principal> HttpServer::authenticate(const edge::HttpRequest &request) const
{
    return m_authenticator.authenticateHeader(request.value("Authorization"));
}

HttpReply HttpServer::answer(const edge::HttpRequest &request, const AnswerLater &later) const
{
    const QString path = request.url().path();
    if (path == kWebSocketPath) {
        // An upgrade to /ws never gets here (the edge upgrades it); a plain GET is told how.
        HttpReply reply = HttpReply::error(
            makeError(ErrorCode::BadField, QStringLiteral("/ws expects a WebSocket upgrade")));
        reply.status = 426;
        reply.headers.append(qMakePair(QByteArray("Upgrade"), QByteArray("websocket")));
        return reply;
    }
    if (m_documents && path.startsWith(DocumentApi::kDocsPrefix))
        return m_documents->serve(request);
    if (m_web && WebAssets::handles(path))
        return m_web->serve(request);
    if (m_reader && ReaderApi::handles(path))
        return m_reader->serve(request, later);
    std::optional<HttpReply> reply = m_router.dispatch(
        request, [this](const edge::HttpRequest &r) { return authenticate(r); }, later);
    if (!reply)
        return HttpReply::error(
            makeError(ErrorCode::NotFound, QStringLiteral("no such resource: ") + path));
    return *reply;
}

void HttpServer::handle(const edge::HttpRequest &request, const edge::Responder &responder)
{
    // A spooled upload's bytes are a mapping of its file: kept until a deferred answer is
    // written (the work that answers later holds this function).
    const AnswerLater later
        = [request, responder](const HttpReply &reply) { send(request, responder, reply); };
    const HttpReply reply = answer(request, later);
    if (!reply.deferred)
        send(request, responder, reply);
}

void HttpServer::handleAnnouncedBody(
    const edge::HttpRequest &request, const edge::Responder &responder)
{
    // Only routes take bodies; /docs, the reader, the web files and /ws are read-only.
    std::variant<qint64, HttpReply> admitted = m_router.admitBody(
        request, [this](const edge::HttpRequest &r) { return authenticate(r); });
    if (const qint64 *limit = std::get_if<qint64>(&admitted)) {
        responder.acceptBody(*limit);
        return;
    }
    send(request, responder, std::get<HttpReply>(admitted));
}

void HttpServer::send(
    const edge::HttpRequest &request, const edge::Responder &responder, const HttpReply &reply)
{
    edge::HttpResponse response;
    response.status = reply.status;
    bool cacheControl = false;
    for (const auto &[name, value] : reply.headers)
        cacheControl = cacheControl || name.compare("Cache-Control", Qt::CaseInsensitive) == 0;
    if (!reply.contentType.isEmpty())
        response.headers.append(qMakePair(QByteArray("Content-Type"), reply.contentType));
    // API answers describe live state; nothing in between should keep a copy.
    if (!cacheControl)
        response.headers.append(qMakePair(QByteArray("Cache-Control"), QByteArray("no-store")));
    response.headers.append(qMakePair(QByteArray("X-Content-Type-Options"), QByteArray("nosniff")));
    response.headers += reply.headers;
    response.body = reply.body;
    response.filePath = reply.filePath;
    response.fileOffset = reply.fileOffset;
    response.fileLength = reply.fileLength;
    response.headOnly = request.method() == edge::HttpMethod::Head;
    responder.respond(std::move(response));
    log::debug(lcHttp(), QStringLiteral("request"),
        {{QStringLiteral("method"), methodName(request.method())},
            {QStringLiteral("path"), request.url().path()},
            {QStringLiteral("status"), reply.status}});
}

} // namespace chamber::api
