// Named accounts and their sessions in SQLite (migrations 9 and 11). Thin SQL access:
// AccountService decides; this reads and writes rows.
#pragma once

#include "storage/sqlite.h"

#include <vector>

namespace chamber::storage {

struct AccountRow
{
    qint64 id = 0;
    QString name;
    QString nameKey; // the case fold of name: unique
    QString displayName;
    QString role; // admin, secretary, observer, liaison
    bool disabled = false;
    QString passwordHash; // "scrypt$N$r$p$salt$key"
    QString created;
    // A liaison's council and organisation (migration 11); 0 for every other role.
    qint64 council = 0;
    qint64 organisation = 0;
};

struct SessionRow
{
    QByteArray tokenHash; // SHA-256 of the cookie's token
    qint64 account = 0;
    qint64 createdMs = 0;
    qint64 lastUsedMs = 0;
    qint64 expiresMs = 0; // the absolute end
};

class AccountStore
{
public:
    explicit AccountStore(Database &db)
        : m_db(db)
    { }

    Result<std::vector<AccountRow>> accounts();
    Result<qint64> insertAccount(const AccountRow &row);
    // Writes display name, role, disabled and password hash of row.id.
    Status updateAccount(const AccountRow &row);

    Result<std::vector<SessionRow>> sessions();
    Status insertSession(const SessionRow &row);
    Status touchSession(const QByteArray &tokenHash, qint64 lastUsedMs);
    Status deleteSession(const QByteArray &tokenHash);
    Status deleteSessionsOf(qint64 account);

private:
    Database &m_db;
};

} // namespace chamber::storage
