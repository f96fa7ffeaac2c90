// Follow-up board links: the secretary makes one for a council, a lobby screen or a phone opens
// the council's board with it (/board/#<token>), read-only, until it is revoked.
//
// A link is a credential like a device's: it authenticates REST requests (Authorization:
// Bearer) and the WebSocket's hello, as principal "boardlink:<n>" bound to its council, and the
// permission table lets it read that council's board and task histories and nothing else. The
// database keeps only the token's SHA-256. Creation and revocation are logged (chamber.board),
// not written into the council's hash-chained log: a board link reads what is public in the
// lobby anyway, and the council log is the record of the council's decisions.
#pragma once

#include "protocol/error.h"
#include "services/principal.h"
#include "storage/sqlite.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

namespace chamber::services {

struct BoardLinkGrant
{
    qint64 id = 0;
    qint64 council = 0;
    QString token; // only known at creation
};

class BoardLinkService
{
public:
    // `councilExists` answers whether a council id names a council (the CouncilService's).
    BoardLinkService(storage::Database &db, std::function<bool(qint64)> councilExists)
        : m_db(db)
        , m_councilExists(std::move(councilExists))
    { }

    Result<BoardLinkGrant> create(const Principal &principal, qint64 council);
    // The link's principal, or Unauthenticated with details [{reason: unknown|revoked|gone}].
    Result<Principal> authenticate(const QString &token) const;
    // Whether `credential` has the shape of a board link token (so other credentials are not
    // looked up in the table at all).
    static bool looksLikeToken(const QString &credential);
    Status revoke(const Principal &principal, qint64 council, qint64 link);
    // {links: [{id, council, created, createdBy, revoked, active}]}
    Result<QJsonObject> list(const Principal &principal, qint64 council) const;

    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

private:
    QDateTime now() const;

    storage::Database &m_db;
    std::function<bool(qint64)> m_councilExists;
    std::function<QDateTime()> m_clock;
};

} // namespace chamber::services
