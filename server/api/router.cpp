#include "api/router.h"

#include "api/admission.h"
#include "protocol/event.h"
#include "services/authenticator.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

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
    if (error.retryAfterMs)
        reply.headers.append(qMakePair(QByteArray("Retry-After"),
            QByteArray::number((std::max<qint64>(*error.retryAfterMs, 1) + 999) / 1000)));
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
    case ErrorCode::RateLimited:
        return 429;
    case ErrorCode::Internal:
        return 500;
    }
    return 500;
}

QString methodName(HttpMethod method)
{
    return edge::httpMethodName(method);
}

namespace {

// A capture may carry a literal suffix in its segment: "{sha256}.ogg" matches "<hash>.ogg".
QString suffixOf(const QString &segment)
{
    const qsizetype close = segment.indexOf(u'}');
    return segment.startsWith(u'{') && close > 0 ? segment.mid(close + 1) : QString();
}

QString captureOf(const QString &segment)
{
    return segment.left(segment.size() - suffixOf(segment).size());
}

bool isCapture(const QString &segment)
{
    return segment.startsWith(u'{') && segment.contains(u'}');
}

bool isHashCapture(const QString &segment)
{
    return captureOf(segment) == QLatin1String("{sha256}");
}

bool isNameCapture(const QString &segment)
{
    return captureOf(segment) == QLatin1String("{account}");
}

bool isIntegerCapture(const QString &segment)
{
    return isCapture(segment) && !isHashCapture(segment) && !isNameCapture(segment);
}

bool changesState(HttpMethod method)
{
    return method == HttpMethod::Post || method == HttpMethod::Put || method == HttpMethod::Patch
        || method == HttpMethod::Delete;
}

// A cookie-authenticated request that changes something: the browser sends the cookie to any
// page's request, but only our own script can read the CSRF token and set the header.
std::optional<HttpReply> refuseForgery(
    const edge::HttpRequest &request, const services::Principal &principal)
{
    if (principal.csrf.isEmpty() || !changesState(request.method()))
        return std::nullopt;
    if (!services::constantTimeEquals(request.value("X-CSRF-Token"), principal.csrf))
        return HttpReply::error(makeError(ErrorCode::Forbidden,
            QStringLiteral("a missing or wrong X-CSRF-Token header; reload the page"),
            QStringLiteral("X-CSRF-Token")));
    if (!sameOrigin(request))
        return HttpReply::error(makeError(ErrorCode::Forbidden,
            QStringLiteral("a request from another site (Origin) was refused"),
            QStringLiteral("Origin")));
    return std::nullopt;
}

} // namespace

bool sameOrigin(const edge::HttpRequest &request)
{
    const QByteArray origin = request.value("Origin");
    if (origin.isEmpty())
        return true;
    const QByteArray host = request.value("Host");
    // chamberd speaks only TLS: its own pages' origin is https://<Host>.
    return !host.isEmpty()
        && origin.compare(QByteArray("https://" + host), Qt::CaseInsensitive) == 0;
}

void Router::add(HttpMethod method, const QString &pattern, services::Operation operation,
    RouteHandler handler, qint64 maxBodyBytes, const QString &limitSetting)
{
    Route route {method, maxBodyBytes, limitSetting, pattern.split(u'/', Qt::SkipEmptyParts),
        operation, std::move(handler)};
    int integerCaptures = 0;
    for (const QString &segment : std::as_const(route.segments)) {
        if (!isIntegerCapture(segment))
            continue;
        if (segment == QLatin1String("{meeting}"))
            route.meetingCapture = integerCaptures;
        if (segment == QLatin1String("{council}"))
            route.councilCapture = integerCaptures;
        ++integerCaptures;
    }
    // A programming error, caught by every test that starts chamberd: a meeting-scoped
    // operation on a path that names no meeting could not be confined to the device's own.
    if (services::ruleOf(operation).scope == services::Scope::Meeting && route.meetingCapture < 0)
        qFatal("route %s %s: operation %s needs a {meeting} in its path",
            qPrintable(methodName(method)), qPrintable(pattern), services::ruleOf(operation).name);
    // Likewise a council's operation must name its council, or a meeting standing for it.
    if (services::ruleOf(operation).scope == services::Scope::Council && route.councilCapture < 0
        && route.meetingCapture < 0)
        qFatal("route %s %s: operation %s needs a {council} or {meeting} in its path",
            qPrintable(methodName(method)), qPrintable(pattern), services::ruleOf(operation).name);
    m_routes.push_back(std::move(route));
}

void Router::addServedElsewhere(
    const QString &method, const QString &pattern, services::Operation operation)
{
    m_servedElsewhere.push_back(RouteInfo {method, pattern, operation});
}

std::vector<RouteInfo> Router::routes() const
{
    std::vector<RouteInfo> list;
    for (const Route &route : m_routes)
        list.push_back(RouteInfo {
            methodName(route.method), u'/' + route.segments.join(u'/'), route.operation});
    list.insert(list.end(), m_servedElsewhere.begin(), m_servedElsewhere.end());
    return list;
}

bool Router::match(const Route &route, const QStringList &path, std::vector<qint64> *ids,
    std::vector<QString> *hashes, std::vector<QString> *names)
{
    if (route.segments.size() != path.size())
        return false;
    ids->clear();
    hashes->clear();
    names->clear();
    for (qsizetype i = 0; i < path.size(); ++i) {
        const QString &segment = route.segments.at(i);
        QString part = path.at(i);
        if (isCapture(segment)) {
            const QString suffix = suffixOf(segment);
            if (!part.endsWith(suffix) || part.size() == suffix.size())
                return false;
            part.chop(suffix.size());
        }
        if (isNameCapture(segment)) {
            const QString name = QUrl::fromPercentEncoding(part.toUtf8());
            if (name.isEmpty())
                return false;
            names->push_back(name);
        } else if (isIntegerCapture(segment)) {
            bool ok = false;
            const qint64 id = part.toLongLong(&ok);
            // Plain decimal only: "+1", "01" or " 1" are different resources, i.e. none.
            if (!ok || id <= 0 || QString::number(id) != part)
                return false;
            ids->push_back(id);
        } else if (isHashCapture(segment)) {
            if (!protocol::isSha256Hex(part))
                return false;
            hashes->push_back(part);
        } else if (segment != path.at(i)) {
            return false;
        }
    }
    return true;
}

Router::Admitted Router::admit(
    const edge::HttpRequest &request, const Authenticate &authenticate) const
{
    const QStringList path = request.url().path().split(u'/', Qt::SkipEmptyParts);
    bool pathMatched = false;
    Admitted admitted;
    for (const Route &route : m_routes) {
        if (!match(route, path, &admitted.ids, &admitted.hashes, &admitted.names))
            continue;
        pathMatched = true;
        if (route.method != request.method())
            continue;
        admitted.route = &route;
        if (!(services::ruleOf(route.operation).who & services::Who::Anyone)) {
            // No token at all is no guess; a wrong one counts against the address. A wrong
            // session cookie does not: its 256 bits are not guessed, and a browser sends its
            // stale cookie with every request after a logout elsewhere or an expiry.
            const bool presented = !request.value("Authorization").isEmpty();
            if (m_admission && presented) {
                if (auto refused = m_admission->admitAttempt(Attempt::Bearer, request.peer())) {
                    admitted.refusal = HttpReply::error(*refused);
                    return admitted;
                }
            }
            auto authenticated = authenticate(request);
            if (!authenticated) {
                if (m_admission && presented)
                    m_admission->attemptFailed(Attempt::Bearer, request.peer(),
                        QStringLiteral("unknown or revoked token"));
                admitted.refusal = HttpReply::error(makeError(ErrorCode::Unauthenticated,
                    QStringLiteral("a valid bearer token or session is required")));
                return admitted;
            }
            admitted.principal = *authenticated;
            if (auto refused = refuseForgery(request, admitted.principal)) {
                admitted.refusal = refused;
                return admitted;
            }
            if (m_admission) {
                if (auto refused = m_admission->charge(admitted.principal)) {
                    admitted.refusal = HttpReply::error(*refused);
                    return admitted;
                }
            }
        }
        const qint64 meeting
            = route.meetingCapture >= 0 ? admitted.ids.at(route.meetingCapture) : 0;
        qint64 council = route.councilCapture >= 0 ? admitted.ids.at(route.councilCapture) : 0;
        if (!council && meeting && m_councilOfMeeting
            && services::ruleOf(route.operation).scope == services::Scope::Council)
            council = m_councilOfMeeting(meeting);
        if (auto allowed
            = services::authorizeAccess(admitted.principal, route.operation, meeting, council);
            !allowed)
            admitted.refusal = HttpReply::error(allowed.error());
        return admitted;
    }
    if (pathMatched) {
        HttpReply reply = HttpReply::error(
            makeError(ErrorCode::BadField, QStringLiteral("method not allowed on this path")));
        reply.status = 405;
        admitted.refusal = reply;
    }
    return admitted;
}

std::optional<HttpReply> Router::dispatch(const edge::HttpRequest &request,
    const Authenticate &authenticate, const AnswerLater &answerLater) const
{
    Admitted admitted = admit(request, authenticate);
    if (admitted.refusal)
        return admitted.refusal;
    if (!admitted.route)
        return std::nullopt;
    if (request.contentLength() > admitted.route->maxBodyBytes)
        return tooLarge(*admitted.route, request.contentLength());
    return admitted.route->handler(RouteContext {request, admitted.ids, admitted.principal,
        answerLater, admitted.hashes, request.peer(), admitted.names});
}

std::variant<qint64, HttpReply> Router::admitBody(
    const edge::HttpRequest &request, const Authenticate &authenticate) const
{
    Admitted admitted = admit(request, authenticate);
    if (admitted.refusal)
        return *admitted.refusal;
    if (!admitted.route)
        return HttpReply::error(makeError(
            ErrorCode::NotFound, QStringLiteral("no such resource: ") + request.url().path()));
    if (request.contentLength() > admitted.route->maxBodyBytes)
        return tooLarge(*admitted.route, request.contentLength());
    return admitted.route->maxBodyBytes;
}

HttpReply Router::tooLarge(const Route &route, qint64 length)
{
    const auto size = [](qint64 bytes) -> QString {
        return bytes >= 1024 * 1024
            ? QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MiB")
            : QString::number(double(bytes) / 1024.0, 'f', 1) + QStringLiteral(" KiB");
    };
    return HttpReply::error(makeError(ErrorCode::TooLarge,
        QStringLiteral("the body is %1; the limit is %2%3")
            .arg(size(length), size(route.maxBodyBytes),
                route.limitSetting.isEmpty() ? QString()
                                             : QStringLiteral(" (%1)").arg(route.limitSetting))));
}

} // namespace chamber::api
