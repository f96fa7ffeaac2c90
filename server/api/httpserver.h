// chamberd's HTTP front: routes REST requests, hands WebSocket upgrades on /ws to the hub.
#pragma once

#include "api/router.h"

#include <QAbstractHttpServer>

namespace chamber::services {
class Authenticator;
}

namespace chamber::api {

class DocumentApi;
class ReaderApi;

class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    static constexpr QLatin1String kWebSocketPath {"/ws"};

    // `documents` (may be null) answers /docs/<sha256> itself: those answers are streamed.
    HttpServer(const Router &router, const services::Authenticator &authenticator,
        const DocumentApi *documents = nullptr, QObject *parent = nullptr);
    // /read and /reader/… (the phone reader) are answered by `reader`, some of them later.
    void setReader(const ReaderApi *reader) { m_reader = reader; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void send(const QHttpServerRequest &request, QTcpSocket *socket, const HttpReply &reply);

    const Router &m_router;
    const services::Authenticator &m_authenticator;
    const DocumentApi *m_documents;
    const ReaderApi *m_reader = nullptr;
};

} // namespace chamber::api
