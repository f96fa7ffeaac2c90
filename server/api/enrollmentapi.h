// REST for enrollment: join codes (JSON, PNG or SVG QR), the device list with who is online,
// and the page a phone shows when its camera opens a join link.
#pragma once

#include "api/router.h"

#include <functional>

namespace chamber::services {
class EnrollmentService;
class MeetingService;
} // namespace chamber::services

namespace chamber::api {

class WebSocketHub;

// Makes the join link (the QR code's URL) for a token: server address as devices see it, and
// the pin of the server's key.
using JoinLinkMaker = std::function<QString(const QString &token)>;

class EnrollmentApi
{
public:
    EnrollmentApi(services::EnrollmentService &enrollment, services::MeetingService &meetings,
        const WebSocketHub &hub, JoinLinkMaker joinLink);
    void registerRoutes(Router &router);

private:
    HttpReply createJoinCode(const RouteContext &context);
    HttpReply listDevices(const RouteContext &context) const;

    services::EnrollmentService &m_enrollment;
    services::MeetingService &m_meetings;
    const WebSocketHub &m_hub;
    JoinLinkMaker m_joinLink;
};

} // namespace chamber::api
