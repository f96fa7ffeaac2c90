// chamberd's HTTP front: routes REST requests, hands WebSocket upgrades on /ws to the hub.
#pragma once

#include "api/router.h"

#include <QAbstractHttpServer>

namespace chamber::services {
class Authenticator;
}

namespace chamber::api {

class DocumentApi;

class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    static constexpr QLatin1String kWebSocketPath {"/ws"};

    // `documents` (may be null) answers /docs/<sha256> itself: those answers are streamed.
    HttpServer(const Router &router, const services::Authenticator &authenticator,
        const DocumentApi *documents = nullptr, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void send(const QHttpServerRequest &request, QTcpSocket *socket, const HttpReply &reply);

    const Router &m_router;
    const services::Authenticator &m_authenticator;
    const DocumentApi *m_documents;
};

} // namespace chamber::api
