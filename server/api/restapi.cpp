#include "api/restapi.h"

#include "core/commands.h"
#include "core/delegatecsv.h"
#include "protocol/message.h"
#include "protocol/schema.h"
#include "services/meetingservice.h"
#include "services/permissions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>
#include <QUrlQuery>
#include <QUuid>

namespace chamber::api {

namespace {

using Method = HttpMethod;

constexpr qsizetype kMaxBodyBytes = 2 * 1024 * 1024;
constexpr qint64 kMaxExportPage = 100000;

Result<QJsonObject> jsonBody(const edge::HttpRequest &request)
{
    const QByteArray body = request.body();
    if (body.size() > kMaxBodyBytes)
        return makeError(ErrorCode::TooLarge, QStringLiteral("request body above 2 MiB"));
    if (body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(ErrorCode::BadJson,
            QStringLiteral("body is not valid JSON at offset %1: %2")
                .arg(parseError.offset)
                .arg(parseError.errorString()));
    if (!document.isObject())
        return makeError(ErrorCode::NotAnObject, QStringLiteral("body must be a JSON object"));
    return document.object();
}

Result<QString> requestId(const edge::HttpRequest &request)
{
    const QByteArray key = request.value("Idempotency-Key");
    if (key.isEmpty())
        return QString(
            QStringLiteral("rest-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
    const QString id = QString::fromLatin1(key);
    if (!protocol::isValidRequestId(id))
        return makeError(ErrorCode::BadField,
            QStringLiteral("Idempotency-Key must be 1 to 64 characters of "
                           "A-Z a-z 0-9 - _ . :"),
            QStringLiteral("Idempotency-Key"));
    return id;
}

const core::MeetingState *findMeeting(
    const services::MeetingService &service, qint64 id, HttpReply *notFound)
{
    const core::MeetingState *state = service.meeting(id);
    if (!state)
        *notFound = HttpReply::error(makeError(ErrorCode::NotFound,
            QStringLiteral("meeting %1 does not exist").arg(id), QStringLiteral("meeting")));
    return state;
}

QJsonObject ruleJson(const services::OperationRule &rule)
{
    return QJsonObject {{QStringLiteral("operation"), QString::fromLatin1(rule.name)},
        {QStringLiteral("allowed"), QJsonArray::fromStringList(services::whoNames(rule.who))},
        {QStringLiteral("scope"),
            rule.scope == services::Scope::Meeting       ? QStringLiteral("meeting")
                : rule.scope == services::Scope::Council ? QStringLiteral("council")
                                                         : QStringLiteral("server")}};
}

HttpReply routeList(const Router &router)
{
    QJsonArray routes;
    for (const RouteInfo &route : router.routes()) {
        QJsonObject entry = ruleJson(services::ruleOf(route.operation));
        entry.insert(QStringLiteral("method"), route.method);
        entry.insert(QStringLiteral("path"), route.pattern);
        routes.append(entry);
    }
    QJsonArray messages;
    for (const protocol::MessageSpec &spec : protocol::allMessages()) {
        if (spec.direction != protocol::Direction::ToServer)
            continue;
        const auto operation = services::operationForMessage(QLatin1String(spec.type));
        QJsonObject entry = operation ? ruleJson(services::ruleOf(*operation)) : QJsonObject();
        entry.insert(QStringLiteral("type"), QString::fromLatin1(spec.type));
        messages.append(entry);
    }
    return HttpReply::json(200,
        QJsonObject {{QStringLiteral("routes"), routes}, {QStringLiteral("messages"), messages}});
}

} // namespace

RestApi::RestApi(services::MeetingService &service)
    : m_service(service)
{ }

HttpReply RestApi::command(const RouteContext &context, const char *type,
    std::initializer_list<const char *> pathFields, int successStatus, QJsonObject body,
    bool bodyFromRequest)
{
    auto message = commandMessage(context, type, pathFields, std::move(body), bodyFromRequest);
    if (!message)
        return HttpReply::error(message.error());
    return commandReply(m_service.execute(context.principal, message.value()), successStatus);
}

Result<protocol::Message> RestApi::commandMessage(const RouteContext &context, const char *type,
    std::initializer_list<const char *> pathFields, QJsonObject body, bool bodyFromRequest)
{
    if (bodyFromRequest) {
        auto parsed = jsonBody(context.request);
        if (!parsed)
            return parsed.error();
        body = parsed.value();
    }
    for (const char *reserved : {"type", "id"}) {
        if (body.contains(QLatin1String(reserved)))
            return makeError(ErrorCode::BadField,
                QStringLiteral("unknown field %1").arg(QLatin1String(reserved)),
                QString::fromLatin1(reserved));
    }
    size_t index = 0;
    for (const char *field : pathFields) {
        if (body.contains(QLatin1String(field)))
            return makeError(ErrorCode::BadField,
                QStringLiteral("%1 is given by the URL, not the body").arg(QLatin1String(field)),
                QString::fromLatin1(field));
        body.insert(QLatin1String(field), context.ids.at(index++));
    }
    auto id = requestId(context.request);
    if (!id)
        return id.error();
    body.insert(QStringLiteral("type"), QString::fromLatin1(type));
    body.insert(QStringLiteral("id"), id.value());
    return protocol::validateMessage(body, protocol::Direction::ToServer);
}

HttpReply RestApi::commandReply(const QJsonObject &reply, int successStatus)
{
    if (reply.value(QLatin1String("type")).toString() == QLatin1String("error")) {
        HttpReply http = HttpReply::json(400, reply);
        ErrorCode code = ErrorCode::Internal;
        errorCodeFromName(reply.value(QLatin1String("code")).toString(), &code);
        http.status = httpStatusFor(code);
        return http;
    }
    return HttpReply::json(successStatus, reply);
}

HttpReply RestApi::importCsv(const RouteContext &context)
{
    const QByteArray bytes = context.request.body();
    if (bytes.size() > kMaxBodyBytes)
        return HttpReply::error(makeError(ErrorCode::TooLarge, QStringLiteral("CSV above 2 MiB")));
    if (QUrlQuery(context.request.url()).queryItemValue(QStringLiteral("dryRun"))
        == QLatin1String("1"))
        return previewCsv(context);
    // A JSON body {"csv": "..."} is accepted too, for clients that only speak JSON.
    if (context.request.value("Content-Type").startsWith("application/json"))
        return command(context, "delegate.import", {"meeting"});

    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        const core::DelegateCsv parsed = core::parseDelegateCsv(bytes);
        Error error = makeError(ErrorCode::Invalid,
            QStringLiteral("line %1: %2; nothing was imported")
                .arg(parsed.problems.front().line)
                .arg(parsed.problems.front().message),
            QStringLiteral("csv"));
        error.details.append(QJsonObject {{QStringLiteral("line"), parsed.problems.front().line},
            {QStringLiteral("message"), parsed.problems.front().message}});
        return HttpReply::error(error);
    }
    return command(context, "delegate.import", {"meeting"}, 200,
        QJsonObject {{QStringLiteral("csv"), text}}, false);
}

// ?dryRun=1: every line checked as the import would check it, nothing stored, so the
// secretary sees all bad lines with their reasons before anything happens.
HttpReply RestApi::previewCsv(const RouteContext &context) const
{
    HttpReply notFound;
    const core::MeetingState *state = findMeeting(m_service, context.ids.at(0), &notFound);
    if (!state)
        return notFound;
    const QByteArray bytes = context.request.body();
    core::DelegateCsv csv;
    if (context.request.value("Content-Type").startsWith("application/json")) {
        auto body = jsonBody(context.request);
        if (!body)
            return HttpReply::error(body.error());
        const QJsonValue text = body->value(QLatin1String("csv"));
        if (!text.isString() || body->size() != 1)
            return HttpReply::error(makeError(ErrorCode::BadField,
                QStringLiteral("the body must be {\"csv\": \"...\"}"), QStringLiteral("csv")));
        csv = core::checkDelegateImport(*state, text.toString());
    } else {
        QStringDecoder decoder(QStringDecoder::Utf8);
        const QString text = decoder.decode(bytes);
        csv = decoder.hasError() ? core::parseDelegateCsv(bytes)
                                 : core::checkDelegateImport(*state, text);
    }
    QJsonArray rows;
    for (const core::CsvDelegate &row : csv.rows)
        rows.append(QJsonObject {{QStringLiteral("line"), row.line},
            {QStringLiteral("name"), row.name}, {QStringLiteral("group"), row.group},
            {QStringLiteral("seat"), row.seat}, {QStringLiteral("weight"), row.weight}});
    QJsonArray problems;
    for (const core::CsvProblem &problem : csv.problems)
        problems.append(QJsonObject {
            {QStringLiteral("line"), problem.line}, {QStringLiteral("message"), problem.message}});
    return HttpReply::json(200,
        QJsonObject {{QStringLiteral("dryRun"), true}, {QStringLiteral("ok"), csv.ok()},
            {QStringLiteral("rows"), rows}, {QStringLiteral("problems"), problems}});
}

HttpReply RestApi::exportEvents(const RouteContext &context)
{
    HttpReply notFound;
    if (!findMeeting(m_service, context.ids.at(0), &notFound))
        return notFound;
    const QUrlQuery query(context.request.url());
    bool sinceOk = true;
    bool limitOk = true;
    const qint64 since = query.hasQueryItem(QStringLiteral("since"))
        ? query.queryItemValue(QStringLiteral("since")).toLongLong(&sinceOk)
        : 0;
    const qint64 limit = query.hasQueryItem(QStringLiteral("limit"))
        ? query.queryItemValue(QStringLiteral("limit")).toLongLong(&limitOk)
        : kMaxExportPage;
    if (!sinceOk || since < 0)
        return HttpReply::error(makeError(ErrorCode::BadField,
            QStringLiteral("since must be a whole number >= 0"), QStringLiteral("since")));
    if (!limitOk || limit < 1 || limit > kMaxExportPage)
        return HttpReply::error(makeError(ErrorCode::BadField,
            QStringLiteral("limit must be 1 to %1").arg(kMaxExportPage), QStringLiteral("limit")));
    auto events = m_service.eventsAfter(context.ids.at(0), since, limit);
    if (!events)
        return HttpReply::error(events.error());
    HttpReply reply;
    reply.contentType = "application/x-ndjson";
    for (const protocol::Event &event : events.value())
        reply.body += protocol::toFrame(event.toJson()) + '\n';
    return reply;
}

HttpReply RestApi::health() const
{
    return HttpReply::json(200,
        QJsonObject {{QStringLiteral("status"), QStringLiteral("ok")},
            {QStringLiteral("service"), QStringLiteral("chamberd")},
            {QStringLiteral("version"), QStringLiteral(CHAMBER_VERSION)},
            {QStringLiteral("protocol"), protocol::kProtocolVersion},
            {QStringLiteral("uptimeSeconds"), m_started.secsTo(QDateTime::currentDateTimeUtc())}});
}

HttpReply RestApi::meetingView(const RouteContext &context, const char *part) const
{
    HttpReply notFound;
    const core::MeetingState *state = findMeeting(m_service, context.ids.at(0), &notFound);
    if (!state)
        return notFound;
    const QLatin1String view(part);
    if (view == QLatin1String("meeting"))
        return HttpReply::json(200, state->toJson());
    if (view == QLatin1String("agenda"))
        return HttpReply::json(200,
            QJsonObject {{QStringLiteral("agenda"), state->agenda.toJson()},
                {QStringLiteral("currentItem"),
                    state->currentItem ? QJsonValue(state->currentItem) : QJsonValue()},
                {QStringLiteral("seq"), state->seq}});
    if (view == QLatin1String("delegates"))
        return HttpReply::json(200,
            QJsonObject {{QStringLiteral("delegates"), state->roster.toJson()},
                {QStringLiteral("seq"), state->seq}});
    // attendance and quorum
    QJsonObject quorum = state->quorum().toJson();
    quorum.insert(QStringLiteral("rule"), state->quorumRule.toJson());
    quorum.insert(QStringLiteral("ruleText"), state->quorumRule.describe());
    if (view == QLatin1String("quorum"))
        return HttpReply::json(200, quorum);
    QJsonArray present;
    QJsonArray absent;
    for (const auto &[id, delegate] : state->roster.all())
        (delegate.present ? present : absent).append(delegate.toJson());
    return HttpReply::json(200,
        QJsonObject {{QStringLiteral("present"), present}, {QStringLiteral("absent"), absent},
            {QStringLiteral("quorum"), quorum}, {QStringLiteral("seq"), state->seq}});
}

void RestApi::registerRoutes(Router &router)
{
    using Op = services::Operation;
    router.add(Method::Get, QStringLiteral("/api/v1/health"), Op::Health,
        [this](const RouteContext &) { return health(); });

    router.add(Method::Get, QStringLiteral("/api/v1/meetings"), Op::ListMeetings,
        [this](const RouteContext &c) {
            QJsonArray list;
            for (const core::MeetingState *state : m_service.meetings()) {
                // A device sees its own meeting only; the others are not even named.
                if (services::allows(c.principal, Op::ReadMeeting, state->id))
                    list.append(state->summaryJson());
            }
            return HttpReply::json(200, QJsonObject {{QStringLiteral("meetings"), list}});
        });
    router.add(Method::Post, QStringLiteral("/api/v1/meetings"), Op::MeetingCreate,
        [this](const RouteContext &c) { return command(c, "meeting.create", {}, 201); });

    const QString meeting = QStringLiteral("/api/v1/meetings/{meeting}");
    for (const char *view : {"agenda", "delegates", "attendance", "quorum"}) {
        router.add(Method::Get, meeting + u'/' + QLatin1String(view), Op::ReadMeeting,
            [this, view](const RouteContext &c) { return meetingView(c, view); });
    }
    router.add(Method::Get, meeting, Op::ReadMeeting,
        [this](const RouteContext &c) { return meetingView(c, "meeting"); });
    router.add(Method::Patch, meeting, Op::MeetingUpdate,
        [this](const RouteContext &c) { return command(c, "meeting.update", {"meeting"}); });
    router.add(Method::Post, meeting + QStringLiteral("/start"), Op::MeetingStart,
        [this](const RouteContext &c) { return command(c, "meeting.start", {"meeting"}); });
    router.add(Method::Post, meeting + QStringLiteral("/end"), Op::MeetingEnd,
        [this](const RouteContext &c) { return command(c, "meeting.end", {"meeting"}); });
    router.add(Method::Put, meeting + QStringLiteral("/quorum"), Op::QuorumSetRule,
        [this](const RouteContext &c) { return command(c, "quorum.setRule", {"meeting"}); });
    router.add(Method::Get, meeting + QStringLiteral("/events"), Op::ReadEvents,
        [this](const RouteContext &c) { return exportEvents(c); });

    const QString agenda = meeting + QStringLiteral("/agenda");
    router.add(Method::Post, agenda, Op::AgendaAdd,
        [this](const RouteContext &c) { return command(c, "agenda.add", {"meeting"}, 201); });
    router.add(Method::Patch, agenda + QStringLiteral("/{item}"), Op::AgendaUpdate,
        [this](const RouteContext &c) {
            return command(c, "agenda.update", {"meeting", "item"});
        });
    router.add(Method::Delete, agenda + QStringLiteral("/{item}"), Op::AgendaRemove,
        [this](const RouteContext &c) {
            return command(c, "agenda.remove", {"meeting", "item"});
        });
    router.add(Method::Post, agenda + QStringLiteral("/{item}/move"), Op::AgendaMove,
        [this](const RouteContext &c) {
            return command(c, "agenda.move", {"meeting", "item"});
        });
    router.add(Method::Put, meeting + QStringLiteral("/current-item"), Op::AgendaSelect,
        [this](const RouteContext &c) { return command(c, "agenda.select", {"meeting"}); });

    const QString delegates = meeting + QStringLiteral("/delegates");
    router.add(Method::Post, delegates, Op::DelegateAdd,
        [this](const RouteContext &c) { return command(c, "delegate.add", {"meeting"}, 201); });
    router.add(Method::Post, delegates + QStringLiteral("/import"), Op::DelegateImport,
        [this](const RouteContext &c) { return importCsv(c); });
    router.add(Method::Patch, delegates + QStringLiteral("/{delegate}"), Op::DelegateUpdate,
        [this](const RouteContext &c) {
            return command(c, "delegate.update", {"meeting", "delegate"});
        });
    router.add(Method::Delete, delegates + QStringLiteral("/{delegate}"), Op::DelegateRemove,
        [this](const RouteContext &c) {
            return command(c, "delegate.remove", {"meeting", "delegate"});
        });
    router.add(Method::Delete, meeting + QStringLiteral("/devices/{device}"), Op::DeviceRevoke,
        [this](const RouteContext &c) {
            return command(c, "device.revoke", {"meeting", "device"});
        });
    router.add(Method::Post, delegates + QStringLiteral("/{delegate}/check-in"),
        Op::AttendanceCheckIn, [this](const RouteContext &c) {
            return command(c, "attendance.checkIn", {"meeting", "delegate"});
        });
    router.add(Method::Post, delegates + QStringLiteral("/{delegate}/check-out"),
        Op::AttendanceCheckOut, [this](const RouteContext &c) {
            return command(c, "attendance.checkOut", {"meeting", "delegate"});
        });
    router.add(Method::Put, delegates + QStringLiteral("/{delegate}/absence"), Op::AttendanceExcuse,
        [this](const RouteContext &c) {
            return command(c, "attendance.excuse", {"meeting", "delegate"});
        });
    // The table itself: every route with the operation it performs and who may.
    router.add(Method::Get, QStringLiteral("/api/v1/routes"), Op::ListRoutes,
        [&router](const RouteContext &) { return routeList(router); });
}

} // namespace chamber::api
