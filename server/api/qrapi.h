// QR codes and seat cards for the browser (the workspace's devices and codes view):
//  GET  /api/v1/qr.svg?text=…                  the QR code of a short text (≤ 1 KiB) as SVG
//  POST /api/v1/meetings/{meeting}/seat-cards  the seat cards PDF chamberctl prints, with a
//                                              fresh join code for every delegate with a seat
// The PDF is drawn by a child chamberd (--render-seat-cards, qrcode/seatcardjob.h): fonts need a
// QGuiApplication, which the server has not, and the event loop must not wait for the drawing.
#pragma once

#include "api/enrollmentapi.h"
#include "api/router.h"

#include <QString>

#include <memory>

namespace chamber::api {

class QrApi
{
public:
    static constexpr int kMaxQrTextBytes = 1024;
    // Printed the day before; valid through the session (as `chamberctl seat-cards`).
    static constexpr int kSeatCardSeconds = 12 * 3600;
    static constexpr int kMaxSeatCardSeconds = 7 * 24 * 3600;
    // Drawings at once; more are refused (rate_limited) rather than queued.
    static constexpr int kMaxRenderers = 2;
    static constexpr int kRenderTimeoutMs = 120000;

    // `renderer`: the program started with --render-seat-cards (chamberd itself).
    QrApi(services::EnrollmentService &enrollment, services::MeetingService &meetings,
        JoinLinkMaker joinLink, QString renderer);
    void registerRoutes(Router &router);

    HttpReply qrSvg(const RouteContext &context) const;
    HttpReply seatCards(const RouteContext &context);

private:
    services::EnrollmentService &m_enrollment;
    services::MeetingService &m_meetings;
    JoinLinkMaker m_joinLink;
    QString m_renderer;
    std::shared_ptr<int> m_running = std::make_shared<int>(0);
};

} // namespace chamber::api
