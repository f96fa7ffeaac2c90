#include "storage/accountstore.h"

namespace chamber::storage {

Result<std::vector<AccountRow>> AccountStore::accounts()
{
    auto query = m_db.prepare("SELECT id, name, name_key, display_name, role, disabled, "
                              "password_hash, created, council, organisation FROM accounts "
                              "ORDER BY id");
    if (!query)
        return query.error();
    std::vector<AccountRow> rows;
    Error error;
    while (query->next(&error)) {
        rows.push_back(AccountRow {query->integer(0), query->text(1), query->text(2),
            query->text(3), query->text(4), query->integer(5) != 0, query->text(6), query->text(7),
            query->integer(8), query->integer(9)});
    }
    if (!error.message.isEmpty())
        return error;
    return rows;
}

Result<qint64> AccountStore::insertAccount(const AccountRow &row)
{
    auto insert = m_db.prepare("INSERT INTO accounts (name, name_key, display_name, role, "
                               "disabled, password_hash, created, council, organisation) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!insert)
        return insert.error();
    insert->bind(1, row.name)
        .bind(2, row.nameKey)
        .bind(3, row.displayName)
        .bind(4, row.role)
        .bind(5, qint64(row.disabled ? 1 : 0))
        .bind(6, row.passwordHash)
        .bind(7, row.created)
        .bind(8, row.council)
        .bind(9, row.organisation);
    if (auto status = insert->run(); !status)
        return status.error();
    return m_db.queryInteger("SELECT last_insert_rowid()");
}

Status AccountStore::updateAccount(const AccountRow &row)
{
    auto update = m_db.prepare("UPDATE accounts SET display_name = ?1, role = ?2, disabled = ?3, "
                               "password_hash = ?4 WHERE id = ?5");
    if (!update)
        return update.error();
    update->bind(1, row.displayName)
        .bind(2, row.role)
        .bind(3, qint64(row.disabled ? 1 : 0))
        .bind(4, row.passwordHash)
        .bind(5, row.id);
    return update->run();
}

Result<std::vector<SessionRow>> AccountStore::sessions()
{
    auto query = m_db.prepare(
        "SELECT token_hash, account, created, last_used, expires FROM account_sessions");
    if (!query)
        return query.error();
    std::vector<SessionRow> rows;
    Error error;
    while (query->next(&error)) {
        rows.push_back(SessionRow {query->blob(0), query->integer(1), query->integer(2),
            query->integer(3), query->integer(4)});
    }
    if (!error.message.isEmpty())
        return error;
    return rows;
}

Status AccountStore::insertSession(const SessionRow &row)
{
    auto insert = m_db.prepare("INSERT INTO account_sessions (token_hash, account, created, "
                               "last_used, expires) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert)
        return insert.error();
    insert->bind(1, row.tokenHash)
        .bind(2, row.account)
        .bind(3, row.createdMs)
        .bind(4, row.lastUsedMs)
        .bind(5, row.expiresMs);
    return insert->run();
}

Status AccountStore::touchSession(const QByteArray &tokenHash, qint64 lastUsedMs)
{
    auto update = m_db.prepare("UPDATE account_sessions SET last_used = ?1 WHERE token_hash = ?2");
    if (!update)
        return update.error();
    update->bind(1, lastUsedMs).bind(2, tokenHash);
    return update->run();
}

Status AccountStore::deleteSession(const QByteArray &tokenHash)
{
    auto remove = m_db.prepare("DELETE FROM account_sessions WHERE token_hash = ?1");
    if (!remove)
        return remove.error();
    remove->bind(1, tokenHash);
    return remove->run();
}

Status AccountStore::deleteSessionsOf(qint64 account)
{
    auto remove = m_db.prepare("DELETE FROM account_sessions WHERE account = ?1");
    if (!remove)
        return remove.error();
    remove->bind(1, account);
    return remove->run();
}

} // namespace chamber::storage
