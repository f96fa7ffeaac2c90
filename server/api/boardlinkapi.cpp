#include "api/boardlinkapi.h"

#include "api/websockethub.h"
#include "qrcode/qrcode.h"
#include "services/boardlinks.h"
#include "support/log.h"

#include <QJsonDocument>
#include <QUrl>

namespace chamber::api {

Q_LOGGING_CATEGORY(lcBoard, "chamber.board")

namespace {

using Method = HttpMethod;

// The creation takes no fields: an empty body or {}. Anything else is a mistake worth saying.
Status checkEmptyBody(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return success();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return makeError(ErrorCode::BadJson, QStringLiteral("body must be a JSON object"));
    const QJsonObject json = document.object();
    if (!json.isEmpty())
        return makeError(ErrorCode::BadField,
            QStringLiteral("unknown field ") + json.keys().constFirst(), json.keys().constFirst());
    return success();
}

} // namespace

QString boardLinkUrl(const QString &host, quint16 port, const QString &token)
{
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(host);
    url.setPort(port);
    url.setPath(QStringLiteral("/board/"));
    url.setFragment(token);
    return url.toString(QUrl::FullyEncoded);
}

BoardLinkApi::BoardLinkApi(services::BoardLinkService &links, BoardLinkMaker link,
    CouncilNamer councilName, WebSocketHub *hub)
    : m_links(links)
    , m_link(std::move(link))
    , m_councilName(std::move(councilName))
    , m_hub(hub)
{ }

HttpReply BoardLinkApi::create(const RouteContext &context)
{
    if (auto body = checkEmptyBody(context.request.body()); !body)
        return HttpReply::error(body.error());
    const qint64 council = context.ids.at(0);
    auto grant = m_links.create(context.principal, council);
    if (!grant)
        return HttpReply::error(grant.error());
    const QString url = m_link(grant->token);
    auto matrix = qrcode::encode(url.toUtf8());
    if (!matrix)
        return HttpReply::error(matrix.error());
    log::info(lcBoard(), QStringLiteral("board link created"),
        {{QStringLiteral("council"), council}, {QStringLiteral("link"), grant->id},
            {QStringLiteral("principal"), context.principal.id}});
    return HttpReply::json(201,
        QJsonObject {{QStringLiteral("id"), grant->id}, {QStringLiteral("council"), council},
            {QStringLiteral("token"), grant->token}, {QStringLiteral("url"), url},
            {QStringLiteral("svg"), QString::fromUtf8(qrcode::toSvg(matrix.value()))}});
}

HttpReply BoardLinkApi::revoke(const RouteContext &context)
{
    const qint64 council = context.ids.at(0);
    const qint64 link = context.ids.at(1);
    if (auto revoked = m_links.revoke(context.principal, council, link); !revoked)
        return HttpReply::error(revoked.error());
    log::info(lcBoard(), QStringLiteral("board link revoked"),
        {{QStringLiteral("council"), council}, {QStringLiteral("link"), link},
            {QStringLiteral("principal"), context.principal.id}});
    // A lobby screen showing the board learns at once that its link no longer opens it.
    if (m_hub)
        m_hub->endBoardLinkSessions(QStringLiteral("boardlink:%1").arg(link));
    return HttpReply::json(
        200, QJsonObject {{QStringLiteral("id"), link}, {QStringLiteral("revoked"), true}});
}

HttpReply BoardLinkApi::readOwn(const RouteContext &context) const
{
    const qint64 council = context.principal.council;
    return HttpReply::json(200,
        QJsonObject {{QStringLiteral("link"), context.principal.id},
            {QStringLiteral("council"), council},
            {QStringLiteral("name"), m_councilName ? m_councilName(council) : QString()}});
}

void BoardLinkApi::registerRoutes(Router &router)
{
    using Op = services::Operation;
    const QString links = QStringLiteral("/api/v1/councils/{council}/board-links");
    router.add(Method::Post, links, Op::CreateBoardLink,
        [this](const RouteContext &c) { return create(c); });
    router.add(Method::Get, links, Op::ListBoardLinks, [this](const RouteContext &c) {
        auto list = m_links.list(c.principal, c.ids.at(0));
        return list ? HttpReply::json(200, list.value()) : HttpReply::error(list.error());
    });
    router.add(Method::Delete, links + QStringLiteral("/{link}"), Op::RevokeBoardLink,
        [this](const RouteContext &c) { return revoke(c); });
    router.add(Method::Get, QStringLiteral("/api/v1/board-link"), Op::ReadBoardLink,
        [this](const RouteContext &c) { return readOwn(c); });
}

} // namespace chamber::api
