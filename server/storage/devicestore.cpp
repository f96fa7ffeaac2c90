#include "storage/devicestore.h"

#include <QJsonObject>

namespace chamber::storage {

namespace {

void bindOptionalId(Statement &statement, int index, qint64 id)
{
    if (id > 0)
        statement.bind(index, id);
    // else stays NULL: reset() cleared the bindings
}

} // namespace

Result<qint64> DeviceStore::insertJoinCode(const JoinCodeRow &row)
{
    auto insert
        = m_db.prepare("INSERT INTO join_codes (meeting, role, delegate, label, token_hash, "
                       "created, expires) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!insert)
        return insert.error();
    insert->bind(1, row.meeting).bind(2, row.role);
    bindOptionalId(insert.value(), 3, row.delegate);
    insert->bind(4, row.label).bind(5, row.tokenHash).bind(6, row.created).bind(7, row.expires);
    if (auto status = insert->run(); !status)
        return status.error();
    return m_db.queryInteger("SELECT last_insert_rowid()");
}

Result<std::optional<JoinCodeRow>> DeviceStore::findJoinCode(const QByteArray &tokenHash)
{
    auto query = m_db.prepare("SELECT id, meeting, role, coalesce(delegate, 0), label, created, "
                              "expires, coalesce(redeemed, ''), coalesce(device, 0) "
                              "FROM join_codes WHERE token_hash = ?1");
    if (!query)
        return query.error();
    query->bind(1, tokenHash);
    Error error;
    if (!query->next(&error)) {
        if (!error.message.isEmpty())
            return error;
        return std::optional<JoinCodeRow>();
    }
    JoinCodeRow row;
    row.id = query->integer(0);
    row.meeting = query->integer(1);
    row.role = query->text(2);
    row.delegate = query->integer(3);
    row.label = query->text(4);
    row.tokenHash = tokenHash;
    row.created = query->text(5);
    row.expires = query->text(6);
    row.redeemed = query->text(7);
    row.device = query->integer(8);
    return std::optional<JoinCodeRow>(row);
}

Status DeviceStore::markRedeemed(qint64 code, qint64 device, const QString &time)
{
    // The WHERE clause makes a second redemption of the same code change nothing, even if two
    // devices raced past the check before it.
    auto update = m_db.prepare(
        "UPDATE join_codes SET redeemed = ?1, device = ?2 WHERE id = ?3 AND redeemed IS NULL");
    if (!update)
        return update.error();
    update->bind(1, time).bind(2, device).bind(3, code);
    if (auto status = update->run(); !status)
        return status;
    auto changed = m_db.queryInteger("SELECT changes()");
    if (!changed)
        return changed.error();
    if (changed.value() != 1) {
        // Two devices raced with the same code; the loser is told like any replay.
        Error error = makeError(ErrorCode::Unauthenticated,
            QStringLiteral("this join code was already used; ask for a new one"),
            QStringLiteral("token"));
        error.details.append(QJsonObject {{QStringLiteral("reason"), QStringLiteral("used")}});
        return error;
    }
    return success();
}

Result<qint64> DeviceStore::nextDeviceId()
{
    return m_db.queryInteger("SELECT coalesce(max(id), 0) + 1 FROM devices");
}

Status DeviceStore::insertDevice(const DeviceRow &row)
{
    auto insert = m_db.prepare("INSERT INTO devices (id, meeting, role, delegate, credential_hash, "
                               "enrolled) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert)
        return insert.error();
    insert->bind(1, row.id).bind(2, row.meeting).bind(3, row.role);
    bindOptionalId(insert.value(), 4, row.delegate);
    insert->bind(5, row.credentialHash).bind(6, row.enrolled);
    return insert->run();
}

Status DeviceStore::markRevoked(qint64 device, const QString &time)
{
    auto update = m_db.prepare("UPDATE devices SET revoked = ?1 WHERE id = ?2 AND revoked IS NULL");
    if (!update)
        return update.error();
    update->bind(1, time).bind(2, device);
    return update->run();
}

Result<std::vector<DeviceRow>> DeviceStore::devices()
{
    auto query = m_db.prepare("SELECT id, meeting, role, coalesce(delegate, 0), credential_hash, "
                              "enrolled, coalesce(revoked, '') FROM devices ORDER BY id");
    if (!query)
        return query.error();
    std::vector<DeviceRow> rows;
    Error error;
    while (query->next(&error)) {
        rows.push_back(DeviceRow {query->integer(0), query->integer(1), query->text(2),
            query->integer(3), query->blob(4), query->text(5), query->text(6)});
    }
    if (!error.message.isEmpty())
        return error;
    return rows;
}

} // namespace chamber::storage
