// Follow-up board links in SQLite (migration 12): the council and the hash of the token.
#pragma once

#include "storage/sqlite.h"

#include <optional>
#include <vector>

namespace chamber::storage {

struct BoardLinkRow
{
    qint64 id = 0;
    qint64 council = 0;
    QByteArray tokenHash;
    QString created;
    QString createdBy; // the principal: "admin" or "account:thuky"
    QString revoked; // empty while valid
};

// Thin SQL access; callers own transactions.
class BoardLinkStore
{
public:
    explicit BoardLinkStore(Database &db)
        : m_db(db)
    { }

    // Inserts with the next free id and returns it.
    Result<qint64> insert(const BoardLinkRow &row);
    Result<std::optional<BoardLinkRow>> findByToken(const QByteArray &tokenHash);
    Result<std::optional<BoardLinkRow>> find(qint64 id);
    Result<std::vector<BoardLinkRow>> list(qint64 council);
    // Returns how many links changed (0 when it was revoked already).
    Result<qint64> revoke(qint64 id, const QString &time);

private:
    Database &m_db;
};

} // namespace chamber::storage
