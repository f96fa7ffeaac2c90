#include "services/boardlinks.h"

#include "services/devices.h"
#include "services/permissions.h"
#include "storage/boardlinkstore.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace chamber::services {

namespace {

// Board link tokens carry this prefix, so a device credential or the admin token is never
// looked up among them (and a log line that shows a token's start says what it is).
const QLatin1String kTokenPrefix("b1.");

Error refused(const QString &why, const QString &reason)
{
    Error error = makeError(ErrorCode::Unauthenticated, why, QStringLiteral("token"));
    error.details.append(QJsonObject {{QStringLiteral("reason"), reason}});
    return error;
}

Error noSuchCouncil(qint64 council)
{
    return makeError(ErrorCode::NotFound, QStringLiteral("council %1 does not exist").arg(council),
        QStringLiteral("council"));
}

} // namespace

QDateTime BoardLinkService::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

bool BoardLinkService::looksLikeToken(const QString &credential)
{
    static const QRegularExpression pattern(QStringLiteral("^b1\\.[A-Za-z0-9_-]{32}$"));
    return pattern.match(credential).hasMatch();
}

Result<BoardLinkGrant> BoardLinkService::create(const Principal &principal, qint64 council)
{
    if (auto allowed = authorizeAccess(principal, Operation::CreateBoardLink, 0); !allowed)
        return allowed.error();
    if (!m_councilExists || !m_councilExists(council))
        return noSuchCouncil(council);
    BoardLinkGrant grant;
    grant.council = council;
    grant.token = kTokenPrefix
        + QString::fromLatin1(randomSecret(24).toBase64(
            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const storage::BoardLinkRow row {0, council, hashSecret(grant.token.toLatin1()),
        now().toString(Qt::ISODateWithMs), principal.id, {}};
    auto id = storage::BoardLinkStore(m_db).insert(row);
    if (!id)
        return id.error();
    grant.id = id.value();
    return grant;
}

Result<Principal> BoardLinkService::authenticate(const QString &token) const
{
    if (!looksLikeToken(token))
        return refused(QStringLiteral("this board link is not valid"), QStringLiteral("unknown"));
    auto found = storage::BoardLinkStore(m_db).findByToken(hashSecret(token.toLatin1()));
    if (!found)
        return found.error();
    if (!found->has_value())
        return refused(QStringLiteral("this board link is not valid"), QStringLiteral("unknown"));
    const storage::BoardLinkRow &row = **found;
    if (!row.revoked.isEmpty())
        return refused(QStringLiteral("this board link was revoked; ask for a new one"),
            QStringLiteral("revoked"));
    if (!m_councilExists || !m_councilExists(row.council))
        return refused(
            QStringLiteral("this board link's council no longer exists"), QStringLiteral("gone"));
    return Principal::forBoardLink(row.id, row.council);
}

Status BoardLinkService::revoke(const Principal &principal, qint64 council, qint64 link)
{
    if (auto allowed = authorizeAccess(principal, Operation::RevokeBoardLink, 0); !allowed)
        return allowed;
    storage::BoardLinkStore store(m_db);
    auto found = store.find(link);
    if (!found)
        return found.error();
    if (!found->has_value() || (*found)->council != council)
        return makeError(ErrorCode::NotFound,
            QStringLiteral("board link %1 does not exist").arg(link), QStringLiteral("link"));
    auto changed = store.revoke(link, now().toString(Qt::ISODateWithMs));
    if (!changed)
        return changed.error();
    return success(); // revoking twice changes nothing
}

Result<QJsonObject> BoardLinkService::list(const Principal &principal, qint64 council) const
{
    if (auto allowed = authorizeAccess(principal, Operation::ListBoardLinks, 0); !allowed)
        return allowed.error();
    if (!m_councilExists || !m_councilExists(council))
        return noSuchCouncil(council);
    auto rows = storage::BoardLinkStore(m_db).list(council);
    if (!rows)
        return rows.error();
    QJsonArray links;
    for (const storage::BoardLinkRow &row : rows.value()) {
        links.append(QJsonObject {{QStringLiteral("id"), row.id},
            {QStringLiteral("council"), row.council}, {QStringLiteral("created"), row.created},
            {QStringLiteral("createdBy"), row.createdBy},
            {QStringLiteral("revoked"), row.revoked.isEmpty() ? QJsonValue() : row.revoked},
            {QStringLiteral("active"), row.revoked.isEmpty()}});
    }
    return QJsonObject {{QStringLiteral("links"), links}};
}

} // namespace chamber::services
