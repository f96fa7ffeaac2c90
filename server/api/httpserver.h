// chamberd's HTTP front on the main thread: takes the requests the network edge has read and
// limited (edge::EdgeServer), routes REST requests, /docs, the phone reader and the web pages,
// decides whether a large body may be read at all, and hands upgraded WebSockets on /ws to the hub.
#pragma once

#include "api/router.h"
#include "edge/connectionlink.h"
#include "edge/wspeer.h" // complete for the signal

#include <QObject>

namespace chamber::services {
class Authenticator;
}

namespace chamber::edge {
class EdgeServer;
}

namespace chamber::api {

class DocumentApi;
class ReaderApi;
class WebAssets;

class HttpServer : public QObject
{
    Q_OBJECT

public:
    static constexpr QLatin1String kWebSocketPath {"/ws"};

    // `documents` (may be null) answers /docs/<sha256>.
    HttpServer(const Router &router, const services::Authenticator &authenticator,
        const DocumentApi *documents = nullptr, QObject *parent = nullptr);
    // /read and /reader/… (the phone reader) are answered by `reader`, some of them later.
    void setReader(const ReaderApi *reader) { m_reader = reader; }
    // /, /join, /read, /watch and /web/… (the files of assets/web) are answered by `web`.
    void setWebAssets(const WebAssets *web) { m_web = web; }

    // Takes the edge's requests from now on.
    void serve(edge::EdgeServer &edge);

    // What a request gets, as the edge sends it; public for the tests of the routes.
    HttpReply answer(const edge::HttpRequest &request, const AnswerLater &later) const;

Q_SIGNALS:
    void webSocketOpened(chamber::edge::WsPeer *peer);

private:
    void handle(const edge::HttpRequest &request, const edge::Responder &responder);
    void handleAnnouncedBody(const edge::HttpRequest &request, const edge::Responder &responder);
    static void send(
        const edge::HttpRequest &request, const edge::Responder &responder, const HttpReply &reply);
    std::optional<services::Principal> authenticate(const edge::HttpRequest &request) const;

    const Router &m_router;
    const services::Authenticator &m_authenticator;
    const DocumentApi *m_documents;
    const ReaderApi *m_reader = nullptr;
    const WebAssets *m_web = nullptr;
};

} // namespace chamber::api
