// Routes HTTP requests by method and path pattern ("/api/v1/meetings/{id}/agenda", where {id}
// is a positive integer and {sha256} a content hash), with authentication decided per route.
// Replies are plain values so handlers stay testable.
#pragma once

#include "protocol/error.h"
#include "services/principal.h"

#include <QByteArray>
#include <QHttpServerRequest>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace chamber::api {

struct HttpReply
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    // The handler answers later through RouteContext::answerLater; nothing is written now.
    bool deferred = false;

    static HttpReply json(int status, const QJsonValue &value);
    static HttpReply error(const Error &error);
    static HttpReply later();
};

// Writes the answer of a deferred request, once its work (a conversion in another process) is
// done, so the event loop never waits for it. Does nothing when the client has gone.
using AnswerLater = std::function<void(const HttpReply &)>;

int httpStatusFor(ErrorCode code);

struct RouteContext
{
    const QHttpServerRequest &request;
    std::vector<qint64> ids; // the {id} captures, in path order
    services::Principal principal;
    AnswerLater answerLater; // empty where the caller cannot answer later (handlers must check)
    std::vector<QString> hashes; // the {sha256} captures (64 lower-case hex digits), in order
};

using RouteHandler = std::function<HttpReply(const RouteContext &)>;

class Router
{
public:
    enum class Access { Public, Authenticated };

    void add(QHttpServerRequest::Method method, const QString &pattern, Access access,
        RouteHandler handler);

    // nullopt when the path matches no route (404); a 405 reply when only the method differs.
    using Authenticate
        = std::function<std::optional<services::Principal>(const QHttpServerRequest &)>;
    std::optional<HttpReply> dispatch(const QHttpServerRequest &request,
        const Authenticate &authenticate, const AnswerLater &answerLater = {}) const;

private:
    struct Route
    {
        QHttpServerRequest::Method method;
        QStringList segments; // "{id}" marks an integer capture, "{sha256}" a hash
        Access access;
        RouteHandler handler;
    };
    static bool match(const Route &route, const QStringList &path, std::vector<qint64> *ids,
        std::vector<QString> *hashes);
    std::vector<Route> m_routes;
};

} // namespace chamber::api
