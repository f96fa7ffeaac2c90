// The secretary's REST API under /api/v1. Every change becomes the same protocol command a
// WebSocket client would send, so REST and WebSocket share one validated path.
#pragma once

#include "api/router.h"
#include "protocol/message.h"

#include <QDateTime>

namespace chamber::services {
class MeetingService;
}

namespace chamber::api {

class RestApi
{
public:
    explicit RestApi(services::MeetingService &service);
    void registerRoutes(Router &router);

    // Builds the command from the JSON body plus the ids in the path, runs it and maps the
    // reply to an HTTP status. `pathFields` name the {id} captures in order.
    HttpReply command(const RouteContext &context, const char *type,
        std::initializer_list<const char *> pathFields, int successStatus = 200,
        QJsonObject body = {}, bool bodyFromRequest = true);
    // The same in two halves, for commands another service runs (councils): the validated
    // command, and the HTTP reply of a service's answer.
    static Result<protocol::Message> commandMessage(const RouteContext &context, const char *type,
        std::initializer_list<const char *> pathFields, QJsonObject body = {},
        bool bodyFromRequest = true);
    static HttpReply commandReply(const QJsonObject &reply, int successStatus);

private:
    HttpReply importCsv(const RouteContext &context);
    HttpReply previewCsv(const RouteContext &context) const;
    HttpReply exportEvents(const RouteContext &context);
    HttpReply health() const;
    HttpReply meetingView(const RouteContext &context, const char *part) const;

    services::MeetingService &m_service;
    QDateTime m_started = QDateTime::currentDateTimeUtc();
};

} // namespace chamber::api
