// Phone reader links in SQLite: meeting, delegate, lifetime and the hash of the token.
#pragma once

#include "storage/sqlite.h"

#include <optional>
#include <vector>

namespace chamber::storage {

struct ReaderLinkRow
{
    qint64 id = 0;
    qint64 meeting = 0;
    qint64 delegate = 0;
    QByteArray tokenHash;
    QString created;
    QString createdBy; // the principal: "admin" or "device:7"
    QString expires;
    QString revoked; // empty while valid
};

// Thin SQL access; callers own transactions.
class ReaderLinkStore
{
public:
    explicit ReaderLinkStore(Database &db)
        : m_db(db)
    { }

    Result<qint64> nextId();
    Status insert(const ReaderLinkRow &row);
    Result<std::optional<ReaderLinkRow>> findByToken(const QByteArray &tokenHash);
    Result<std::optional<ReaderLinkRow>> find(qint64 id);
    Result<std::vector<ReaderLinkRow>> list(qint64 meeting);
    // Returns how many links changed (0 when it was revoked already).
    Result<qint64> revoke(qint64 id, const QString &time);
    // Every unrevoked link of the delegate whose tablet `device` is (none for other roles).
    Status revokeForDevice(qint64 device, const QString &time);

private:
    Database &m_db;
};

} // namespace chamber::storage
