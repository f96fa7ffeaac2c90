// QR codes and seat cards for the browser (the workspace's devices and codes view):
//  GET  /api/v1/qr.svg?text=…                  the QR code of a short text (≤ 1 KiB) as SVG
//  POST /api/v1/meetings/{meeting}/seat-cards  the seat cards PDF chamberctl prints, with a
//                                              fresh join code for every delegate with a seat
// The PDF is drawn by a child chamberd (--render-seat-cards, qrcode/seatcardjob.h) through the
// ChildRenderer the minutes share (api/childrender.h).
#pragma once

#include "api/childrender.h"
#include "api/enrollmentapi.h"
#include "api/router.h"

#include <QString>

namespace chamber::api {

class QrApi
{
public:
    static constexpr int kMaxQrTextBytes = 1024;
    // Printed the day before; valid through the session (as `chamberctl seat-cards`).
    static constexpr int kSeatCardSeconds = 12 * 3600;
    static constexpr int kMaxSeatCardSeconds = 7 * 24 * 3600;

    QrApi(services::EnrollmentService &enrollment, services::MeetingService &meetings,
        JoinLinkMaker joinLink, ChildRenderer &renderer);
    void registerRoutes(Router &router);

    HttpReply qrSvg(const RouteContext &context) const;
    HttpReply seatCards(const RouteContext &context);

private:
    services::EnrollmentService &m_enrollment;
    services::MeetingService &m_meetings;
    JoinLinkMaker m_joinLink;
    ChildRenderer &m_renderer;
};

} // namespace chamber::api
