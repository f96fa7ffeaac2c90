// Join codes and device credentials in SQLite. Only hashes of secrets are stored.
#pragma once

#include "storage/sqlite.h"

#include <optional>
#include <vector>

namespace chamber::storage {

struct JoinCodeRow
{
    qint64 id = 0;
    qint64 meeting = 0;
    QString role;
    qint64 delegate = 0;
    QString label;
    QByteArray tokenHash;
    QString created;
    QString expires;
    QString redeemed; // empty while unused
    qint64 device = 0;
};

struct DeviceRow
{
    qint64 id = 0;
    qint64 meeting = 0;
    QString role;
    qint64 delegate = 0;
    QByteArray credentialHash;
    QString enrolled;
    QString revoked; // empty while valid
};

// Thin SQL access; callers own transactions (see EventStore::commit's Batch::alsoWrite).
class DeviceStore
{
public:
    explicit DeviceStore(Database &db)
        : m_db(db)
    { }

    Result<qint64> insertJoinCode(const JoinCodeRow &row);
    Result<std::optional<JoinCodeRow>> findJoinCode(const QByteArray &tokenHash);
    Status markRedeemed(qint64 code, qint64 device, const QString &time);

    Result<qint64> nextDeviceId();
    Status insertDevice(const DeviceRow &row);
    Status markRevoked(qint64 device, const QString &time);
    Result<std::vector<DeviceRow>> devices();

private:
    Database &m_db;
};

} // namespace chamber::storage
