// Routes HTTP requests by method and path pattern ("/api/v1/meetings/{meeting}/agenda/{item}",
// where a {name} is a positive integer, {sha256} a content hash and {account} an account's
// name, percent-decoded; a capture may end its segment with a literal suffix, as in
// "{sha256}.ogg"). Every route names the
// operation it performs; the router authenticates and authorizes it from the one table in
// services/permissions.h (who, and in which meeting: the {meeting} capture) before the handler
// reads anything of the request. A request authenticated by a session cookie that would change
// something (POST, PUT, PATCH, DELETE) must also carry the session's X-CSRF-Token and, when it
// has an Origin, come from this server's own; else 403 before its body is read. Replies are
// plain values so handlers stay testable.
#pragma once

#include "edge/httprequest.h"
#include "edge/httpresponse.h"
#include "protocol/error.h"
#include "services/permissions.h"
#include "services/principal.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>
#include <optional>
#include <variant>
#include <vector>

namespace chamber::api {

class Admission;

struct HttpReply
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    // The handler answers later through RouteContext::answerLater; nothing is written now.
    bool deferred = false;
    // The body is this range of a file, streamed by the connection's I/O thread.
    QString filePath;
    qint64 fileOffset = 0;
    qint64 fileLength = 0;

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
    const edge::HttpRequest &request;
    std::vector<qint64> ids; // the integer captures ({meeting}, {poll}, …), in path order
    services::Principal principal;
    AnswerLater answerLater; // empty where the caller cannot answer later (handlers must check)
    std::vector<QString> hashes; // the {sha256} captures (64 lower-case hex digits), in order
    QHostAddress peer; // the client's address, as the connection has it
    std::vector<QString> names; // the {account} captures, percent-decoded, in order
};

// Whether a request's Origin header (when it has one) names this server, as its Host header
// does: a page of another site may make a browser send requests, not change their Origin.
bool sameOrigin(const edge::HttpRequest &request);

using RouteHandler = std::function<HttpReply(const RouteContext &)>;

// A route as the authorization test and `GET /api/v1/routes` list it.
struct RouteInfo
{
    QString method; // GET, POST, …
    QString pattern;
    services::Operation operation;
};

using HttpMethod = edge::HttpMethod;
QString methodName(HttpMethod method);

class Router
{
public:
    // A route with a meeting-scoped operation must capture {meeting}.
    // Bodies up to kDefaultMaxBodyBytes; a route that takes larger ones (uploads) says so.
    static constexpr qint64 kDefaultMaxBodyBytes = 1024 * 1024;
    // `limitSetting` names the setting behind a larger limit, for the refusal's message.
    void add(HttpMethod method, const QString &pattern, services::Operation operation,
        RouteHandler handler, qint64 maxBodyBytes = kDefaultMaxBodyBytes,
        const QString &limitSetting = {});
    // Paths the HTTP server answers itself (/ws, /docs, the phone reader), listed so that the
    // route list is complete; they authorize with the same table where they serve.
    void addServedElsewhere(
        const QString &method, const QString &pattern, services::Operation operation);
    std::vector<RouteInfo> routes() const;

    // nullopt when the path matches no route (404); a 405 reply when only the method differs.
    using Authenticate
        = std::function<std::optional<services::Principal>(const edge::HttpRequest &)>;
    std::optional<HttpReply> dispatch(const edge::HttpRequest &request,
        const Authenticate &authenticate, const AnswerLater &answerLater = {}) const;
    // For a request announced by its head before its body is read: the largest body its
    // route takes once the request is authenticated and authorized, or the refusal (no route,
    // not authorized, body too large), decided without reading the body.
    std::variant<qint64, HttpReply> admitBody(
        const edge::HttpRequest &request, const Authenticate &authenticate) const;

    // The council of a meeting (0: none), for council operations on a meeting's path
    // (/meetings/{meeting}/board): devices read their own meeting's council only.
    void setCouncilOfMeeting(std::function<qint64(qint64 meeting)> councilOf)
    {
        m_councilOfMeeting = std::move(councilOf);
    }

    // Failed bearer tokens count against the client's address, and an enrolled device's
    // requests against its budget (null: no limits, as in unit tests).
    void setAdmission(Admission *admission) { m_admission = admission; }

private:
    struct Route
    {
        HttpMethod method;
        qint64 maxBodyBytes = kDefaultMaxBodyBytes;
        QString limitSetting;
        QStringList segments; // "{name}" marks an integer capture, "{sha256}" a hash
        services::Operation operation;
        RouteHandler handler;
        int meetingCapture = -1; // index in ids of {meeting}; -1: none
        int councilCapture = -1; // index in ids of {council}; -1: none
    };
    struct Admitted
    {
        const Route *route = nullptr; // null: no route has this path and method
        std::optional<HttpReply> refusal;
        services::Principal principal;
        std::vector<qint64> ids;
        std::vector<QString> hashes;
        std::vector<QString> names;
    };
    Admitted admit(const edge::HttpRequest &request, const Authenticate &authenticate) const;
    static HttpReply tooLarge(const Route &route, qint64 length);
    static bool match(const Route &route, const QStringList &path, std::vector<qint64> *ids,
        std::vector<QString> *hashes, std::vector<QString> *names);
    std::vector<Route> m_routes;
    std::vector<RouteInfo> m_servedElsewhere;
    Admission *m_admission = nullptr;
    std::function<qint64(qint64)> m_councilOfMeeting;
};

} // namespace chamber::api
