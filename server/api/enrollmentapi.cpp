#include "api/enrollmentapi.h"

#include "api/websockethub.h"
#include "core/meeting.h"
#include "protocol/joinlink.h"
#include "protocol/message.h"
#include "protocol/text.h"
#include "qrcode/qrcode.h"
#include "services/enrollment.h"
#include "services/meetingservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace chamber::api {

namespace {

using Method = HttpMethod;

Error badField(const QString &field, const QString &message)
{
    return makeError(ErrorCode::BadField, message, field);
}

struct JoinCodeRequest
{
    services::DeviceRole role = services::DeviceRole::Delegate;
    qint64 delegate = 0;
    QString label;
    int ttlSeconds = services::kDefaultJoinCodeSeconds;
};

Result<JoinCodeRequest> parseRequest(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return makeError(ErrorCode::BadJson, QStringLiteral("body must be a JSON object"));
    const QJsonObject json = document.object();
    for (const QString &key : json.keys()) {
        if (!QStringList {QStringLiteral("role"), QStringLiteral("delegate"),
                QStringLiteral("label"), QStringLiteral("ttlSeconds")}
                 .contains(key))
            return badField(key, QStringLiteral("unknown field ") + key);
    }
    JoinCodeRequest request;
    const auto role = services::roleFromName(json.value(QLatin1String("role")).toString());
    if (!role)
        return badField(QStringLiteral("role"),
            QStringLiteral("role must be delegate, chair, tally, bridge or board"));
    request.role = *role;
    const QJsonValue delegate = json.value(QLatin1String("delegate"));
    if (!delegate.isUndefined() && !delegate.isNull()) {
        if (!protocol::isJsonInteger(delegate) || delegate.toInteger() < 1)
            return badField(
                QStringLiteral("delegate"), QStringLiteral("delegate must be a delegate id"));
        request.delegate = delegate.toInteger();
    }
    const QJsonValue label = json.value(QLatin1String("label"));
    if (!label.isUndefined() && (!label.isString() || label.toString().size() > 100))
        return badField(QStringLiteral("label"),
            QStringLiteral("label must be text of at most 100 characters"));
    // Shown on the device list, the tally screen and the bridge points: a label like a name.
    request.label = protocol::normalizedLabel(label.toString());
    if (auto problem = protocol::labelProblem(request.label))
        return badField(QStringLiteral("label"), QStringLiteral("label ") + *problem);
    const QJsonValue ttl = json.value(QLatin1String("ttlSeconds"));
    if (!ttl.isUndefined()) {
        if (!protocol::isJsonInteger(ttl))
            return badField(
                QStringLiteral("ttlSeconds"), QStringLiteral("ttlSeconds must be a whole number"));
        request.ttlSeconds = int(std::clamp<qint64>(ttl.toInteger(), 0, 100000000));
    }
    return request;
}

} // namespace

EnrollmentApi::EnrollmentApi(services::EnrollmentService &enrollment,
    services::MeetingService &meetings, const WebSocketHub &hub, JoinLinkMaker joinLink)
    : m_enrollment(enrollment)
    , m_meetings(meetings)
    , m_hub(hub)
    , m_joinLink(std::move(joinLink))
{ }

HttpReply EnrollmentApi::createJoinCode(const RouteContext &context)
{
    const QString format
        = QUrlQuery(context.request.url()).queryItemValue(QStringLiteral("format"));
    if (!format.isEmpty() && format != QLatin1String("json") && format != QLatin1String("png")
        && format != QLatin1String("svg"))
        return HttpReply::error(
            badField(QStringLiteral("format"), QStringLiteral("format must be json, png or svg")));
    auto request = parseRequest(context.request.body());
    if (!request)
        return HttpReply::error(request.error());
    auto code = m_enrollment.createJoinCode(
        context.ids.at(0), request->role, request->delegate, request->label, request->ttlSeconds);
    if (!code)
        return HttpReply::error(code.error());

    const QString url = m_joinLink(code->token);
    auto matrix = qrcode::encode(url.toUtf8());
    if (!matrix)
        return HttpReply::error(matrix.error());

    if (format == QLatin1String("png") || format == QLatin1String("svg")) {
        HttpReply reply;
        reply.contentType = format == QLatin1String("png") ? "image/png" : "image/svg+xml";
        reply.body = format == QLatin1String("png") ? qrcode::toPng(matrix.value())
                                                    : qrcode::toSvg(matrix.value());
        reply.status = 201;
        reply.headers.append(qMakePair(QByteArray("Chamber-Join-Url"), url.toUtf8()));
        reply.headers.append(qMakePair(
            QByteArray("Chamber-Join-Expires"), code->expiresAt.toString(Qt::ISODate).toUtf8()));
        return reply;
    }
    return HttpReply::json(201,
        QJsonObject {{QStringLiteral("id"), code->id}, {QStringLiteral("meeting"), code->meeting},
            {QStringLiteral("role"), services::roleName(code->role)},
            {QStringLiteral("delegate"),
                code->delegate ? QJsonValue(code->delegate) : QJsonValue()},
            {QStringLiteral("label"), code->label},
            {QStringLiteral("expiresAt"), code->expiresAt.toString(Qt::ISODate)},
            {QStringLiteral("url"), url},
            {QStringLiteral("svg"), QString::fromUtf8(qrcode::toSvg(matrix.value()))},
            {QStringLiteral("png"),
                QString::fromLatin1(qrcode::toPng(matrix.value()).toBase64())}});
}

HttpReply EnrollmentApi::listDevices(const RouteContext &context) const
{
    const core::MeetingState *meeting = m_meetings.meeting(context.ids.at(0));
    if (!meeting)
        return HttpReply::error(services::meetingNotFound(context.ids.at(0)));
    QJsonArray devices;
    const QJsonArray presence = m_hub.presence(meeting->id);
    for (const QJsonValue &entry : presence) {
        const QJsonObject online = entry.toObject();
        QJsonObject device
            = meeting->devices.at(online.value(QLatin1String("device")).toInteger()).toJson();
        device.insert(QStringLiteral("online"), online.value(QLatin1String("online")));
        device.insert(QStringLiteral("since"), online.value(QLatin1String("since")));
        devices.append(device);
    }
    return HttpReply::json(200, QJsonObject {{QStringLiteral("devices"), devices}});
}

void EnrollmentApi::registerRoutes(Router &router)
{
    using Op = services::Operation;
    const QString meeting = QStringLiteral("/api/v1/meetings/{meeting}");
    router.add(Method::Post, meeting + QStringLiteral("/join-codes"), Op::CreateJoinCode,
        [this](const RouteContext &c) { return createJoinCode(c); });
    router.add(Method::Get, meeting + QStringLiteral("/devices"), Op::ReadDevices,
        [this](const RouteContext &c) { return listDevices(c); });
    // The pages /join and /watch are web files (webassets.cpp).
}

} // namespace chamber::api
