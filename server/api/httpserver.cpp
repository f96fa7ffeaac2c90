#include "api/httpserver.h"

#include "api/documentapi.h"
#include "api/readerapi.h"
#include "services/authenticator.h"
#include "support/log.h"

#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpSocket>

namespace chamber::api {

Q_LOGGING_CATEGORY(lcHttp, "chamber.http")

HttpServer::HttpServer(const Router &router, const services::Authenticator &authenticator,
    const DocumentApi *documents, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_router(router)
    , m_authenticator(authenticator)
    , m_documents(documents)
{ }

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    if (request.url().path() == kWebSocketPath) {
        // Qt 6.4 upgrades the connection itself when this returns true for an upgrade request,
        // and expects nothing written. A plain GET gets told what to do instead.
        if (request.value("Upgrade").compare("websocket", Qt::CaseInsensitive) == 0)
            return true;
        HttpReply reply = HttpReply::error(
            makeError(ErrorCode::BadField, QStringLiteral("/ws expects a WebSocket upgrade")));
        reply.status = 426;
        reply.headers.append(qMakePair(QByteArray("Upgrade"), QByteArray("websocket")));
        send(request, socket, reply);
        return true;
    }
    if (m_documents && request.url().path().startsWith(DocumentApi::kDocsPrefix)) {
        QHttpServerResponder responder = makeResponder(request, socket);
        m_documents->serve(request, socket, responder);
        return true;
    }
    if (m_reader && ReaderApi::handles(request.url().path())) {
        QHttpServerResponder responder = makeResponder(request, socket);
        m_reader->serve(request, socket, responder);
        return true;
    }
    const auto authenticate = [this](const QHttpServerRequest &r) {
        return m_authenticator.authenticateHeader(r.value("Authorization"));
    };
    // Qt 6.4 keeps one request object per connection until the socket is destroyed, so it is
    // still there when a deferred answer is written, as long as the socket is.
    const QPointer<QTcpSocket> connection(socket);
    const QHttpServerRequest *pending = &request;
    const AnswerLater answerLater = [this, connection, pending](const HttpReply &reply) {
        if (connection && connection->state() == QAbstractSocket::ConnectedState)
            send(*pending, connection, reply);
    };
    std::optional<HttpReply> reply
        = m_router.dispatch(request, socket->peerAddress(), authenticate, answerLater);
    if (!reply)
        return false;
    if (!reply->deferred)
        send(request, socket, *reply);
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    send(request, socket,
        HttpReply::error(makeError(
            ErrorCode::NotFound, QStringLiteral("no such resource: ") + request.url().path())));
}

void HttpServer::send(const QHttpServerRequest &request, QTcpSocket *socket, const HttpReply &reply)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    responder.writeHeader("Content-Type", reply.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    // API answers describe live state; nothing in between should keep a copy.
    responder.writeHeader("Cache-Control", "no-store");
    responder.writeHeader("X-Content-Type-Options", "nosniff");
    for (const auto &[name, value] : reply.headers)
        responder.writeHeader(name, value);
    responder.writeBody(reply.body);
    log::debug(lcHttp(), QStringLiteral("request"),
        {{QStringLiteral("method"), methodName(request.method())},
            {QStringLiteral("path"), request.url().path()},
            {QStringLiteral("status"), reply.status}});
}

} // namespace chamber::api
