// Follow-up board links over REST: the secretary creates (with its QR code), lists and revokes
// a council's links; a link's own page asks what it names (GET /api/v1/board-link). The board
// itself is read through the council's board routes, with the link as the bearer credential.
#pragma once

#include "api/router.h"

#include <QJsonObject>

#include <functional>

namespace chamber::services {
class BoardLinkService;
}

namespace chamber::api {

class WebSocketHub;

// Makes the address a board QR code carries from a token: https://HOST:PORT/board/#<token>.
using BoardLinkMaker = std::function<QString(const QString &token)>;
// A council's name ("" when there is none).
using CouncilNamer = std::function<QString(qint64 council)>;

class BoardLinkApi
{
public:
    BoardLinkApi(services::BoardLinkService &links, BoardLinkMaker link, CouncilNamer councilName,
        WebSocketHub *hub = nullptr);
    void registerRoutes(Router &router);

private:
    HttpReply create(const RouteContext &context);
    HttpReply revoke(const RouteContext &context);
    HttpReply readOwn(const RouteContext &context) const;

    services::BoardLinkService &m_links;
    BoardLinkMaker m_link;
    CouncilNamer m_councilName;
    WebSocketHub *m_hub;
};

// The board page's address for a token, as the QR code carries it.
QString boardLinkUrl(const QString &host, quint16 port, const QString &token);

} // namespace chamber::api
