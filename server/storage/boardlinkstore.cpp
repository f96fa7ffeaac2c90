#include "storage/boardlinkstore.h"

namespace chamber::storage {

namespace {

constexpr const char *kColumns
    = "id, council, token_hash, created, created_by, coalesce(revoked, '')";

BoardLinkRow readRow(const Statement &query)
{
    return BoardLinkRow {query.integer(0), query.integer(1), query.blob(2), query.text(3),
        query.text(4), query.text(5)};
}

Result<std::optional<BoardLinkRow>> single(Result<Statement> query)
{
    if (!query)
        return query.error();
    Error error;
    if (!query->next(&error)) {
        if (!error.message.isEmpty())
            return error;
        return std::optional<BoardLinkRow>();
    }
    return std::optional<BoardLinkRow>(readRow(query.value()));
}

} // namespace

Result<qint64> BoardLinkStore::insert(const BoardLinkRow &row)
{
    auto next = m_db.queryInteger("SELECT coalesce(max(id), 0) + 1 FROM board_links");
    if (!next)
        return next.error();
    auto insert = m_db.prepare("INSERT INTO board_links (id, council, token_hash, created, "
                               "created_by) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert)
        return insert.error();
    insert->bind(1, next.value()).bind(2, row.council).bind(3, row.tokenHash);
    insert->bind(4, row.created).bind(5, row.createdBy);
    if (auto status = insert->run(); !status)
        return status.error();
    return next.value();
}

Result<std::optional<BoardLinkRow>> BoardLinkStore::findByToken(const QByteArray &tokenHash)
{
    auto query = m_db.prepare(
        QByteArray("SELECT ") + kColumns + " FROM board_links WHERE token_hash = ?1");
    if (query)
        query->bind(1, tokenHash);
    return single(std::move(query));
}

Result<std::optional<BoardLinkRow>> BoardLinkStore::find(qint64 id)
{
    auto query = m_db.prepare(QByteArray("SELECT ") + kColumns + " FROM board_links WHERE id = ?1");
    if (query)
        query->bind(1, id);
    return single(std::move(query));
}

Result<std::vector<BoardLinkRow>> BoardLinkStore::list(qint64 council)
{
    auto query = m_db.prepare(
        QByteArray("SELECT ") + kColumns + " FROM board_links WHERE council = ?1 ORDER BY id");
    if (!query)
        return query.error();
    query->bind(1, council);
    std::vector<BoardLinkRow> rows;
    Error error;
    while (query->next(&error))
        rows.push_back(readRow(query.value()));
    if (!error.message.isEmpty())
        return error;
    return rows;
}

Result<qint64> BoardLinkStore::revoke(qint64 id, const QString &time)
{
    auto update
        = m_db.prepare("UPDATE board_links SET revoked = ?1 WHERE id = ?2 AND revoked IS NULL");
    if (!update)
        return update.error();
    update->bind(1, time).bind(2, id);
    if (auto status = update->run(); !status)
        return status.error();
    return m_db.queryInteger("SELECT changes()");
}

} // namespace chamber::storage
