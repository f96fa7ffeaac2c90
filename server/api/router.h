// Routes HTTP requests by method and path pattern ("/api/v1/meetings/{id}/agenda"), with
// authentication decided per route. Replies are plain values so handlers stay testable.
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

    static HttpReply json(int status, const QJsonValue &value);
    static HttpReply error(const Error &error);
};

int httpStatusFor(ErrorCode code);

struct RouteContext
{
    const QHttpServerRequest &request;
    std::vector<qint64> ids; // the {id} captures, in path order
    services::Principal principal;
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
    std::optional<HttpReply> dispatch(
        const QHttpServerRequest &request, const Authenticate &authenticate) const;

private:
    struct Route
    {
        QHttpServerRequest::Method method;
        QStringList segments; // "{id}" marks an integer capture
        Access access;
        RouteHandler handler;
    };
    static bool match(const Route &route, const QStringList &path, std::vector<qint64> *ids);
    std::vector<Route> m_routes;
};

} // namespace chamber::api
