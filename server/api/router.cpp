#include "api/router.h"

#include "protocol/event.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace chamber::api {

HttpReply HttpReply::json(int status, const QJsonValue &value)
{
    HttpReply reply;
    reply.status = status;
    reply.body = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    return reply;
}

HttpReply HttpReply::error(const Error &error)
{
    QJsonObject body = error.toJson();
    body.insert(QStringLiteral("type"), QStringLiteral("error"));
    HttpReply reply = json(httpStatusFor(error.code), body);
    if (error.code == ErrorCode::Unauthenticated)
        reply.headers.append(
            qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer realm=\"chamber\"")));
    return reply;
}

HttpReply HttpReply::later()
{
    HttpReply reply;
    reply.deferred = true;
    return reply;
}

int httpStatusFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::BadJson:
    case ErrorCode::NotAnObject:
    case ErrorCode::UnknownType:
    case ErrorCode::MissingField:
    case ErrorCode::BadField:
    case ErrorCode::UnsupportedVersion:
        return 400;
    case ErrorCode::Unauthenticated:
        return 401;
    case ErrorCode::Forbidden:
        return 403;
    case ErrorCode::NotFound:
        return 404;
    case ErrorCode::Conflict:
    case ErrorCode::IdReused:
        return 409;
    case ErrorCode::TooLarge:
        return 413;
    case ErrorCode::Invalid:
        return 422;
    case ErrorCode::Unavailable:
        return 503;
    case ErrorCode::Internal:
        return 500;
    }
    return 500;
}

void Router::add(
    QHttpServerRequest::Method method, const QString &pattern, Access access, RouteHandler handler)
{
    m_routes.push_back(
        Route {method, pattern.split(u'/', Qt::SkipEmptyParts), access, std::move(handler)});
}

bool Router::match(const Route &route, const QStringList &path, std::vector<qint64> *ids,
    std::vector<QString> *hashes)
{
    if (route.segments.size() != path.size())
        return false;
    ids->clear();
    hashes->clear();
    for (qsizetype i = 0; i < path.size(); ++i) {
        if (route.segments.at(i) == QLatin1String("{id}")) {
            bool ok = false;
            const qint64 id = path.at(i).toLongLong(&ok);
            // Plain decimal only: "+1", "01" or " 1" are different resources, i.e. none.
            if (!ok || id <= 0 || QString::number(id) != path.at(i))
                return false;
            ids->push_back(id);
        } else if (route.segments.at(i) == QLatin1String("{sha256}")) {
            if (!protocol::isSha256Hex(path.at(i)))
                return false;
            hashes->push_back(path.at(i));
        } else if (route.segments.at(i) != path.at(i)) {
            return false;
        }
    }
    return true;
}

std::optional<HttpReply> Router::dispatch(const QHttpServerRequest &request,
    const Authenticate &authenticate, const AnswerLater &answerLater) const
{
    const QStringList path = request.url().path().split(u'/', Qt::SkipEmptyParts);
    bool pathMatched = false;
    std::vector<qint64> ids;
    std::vector<QString> hashes;
    for (const Route &route : m_routes) {
        if (!match(route, path, &ids, &hashes))
            continue;
        pathMatched = true;
        if (route.method != request.method())
            continue;
        services::Principal principal;
        if (route.access == Access::Authenticated) {
            auto authenticated = authenticate(request);
            if (!authenticated)
                return HttpReply::error(makeError(ErrorCode::Unauthenticated,
                    QStringLiteral("a valid bearer token is required")));
            principal = *authenticated;
        }
        return route.handler(RouteContext {request, ids, principal, answerLater, hashes});
    }
    if (pathMatched) {
        HttpReply reply = HttpReply::error(
            makeError(ErrorCode::BadField, QStringLiteral("method not allowed on this path")));
        reply.status = 405;
        return reply;
    }
    return std::nullopt;
}

} // namespace chamber::api
