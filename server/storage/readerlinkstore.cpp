#include "storage/readerlinkstore.h"

namespace chamber::storage {

namespace {

constexpr const char *kColumns = "id, meeting, delegate, token_hash, created, created_by, expires, "
                                 "coalesce(revoked, '')";

ReaderLinkRow readRow(const Statement &query)
{
    return ReaderLinkRow {query.integer(0), query.integer(1), query.integer(2), query.blob(3),
        query.text(4), query.text(5), query.text(6), query.text(7)};
}

Result<std::optional<ReaderLinkRow>> single(Result<Statement> query)
{
    if (!query)
        return query.error();
    Error error;
    if (!query->next(&error)) {
        if (!error.message.isEmpty())
            return error;
        return std::optional<ReaderLinkRow>();
    }
    return std::optional<ReaderLinkRow>(readRow(query.value()));
}

} // namespace

Result<qint64> ReaderLinkStore::nextId()
{
    return m_db.queryInteger("SELECT coalesce(max(id), 0) + 1 FROM reader_links");
}

Status ReaderLinkStore::insert(const ReaderLinkRow &row)
{
    auto insert = m_db.prepare("INSERT INTO reader_links (id, meeting, delegate, token_hash, "
                               "created, created_by, expires) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!insert)
        return insert.error();
    insert->bind(1, row.id).bind(2, row.meeting).bind(3, row.delegate).bind(4, row.tokenHash);
    insert->bind(5, row.created).bind(6, row.createdBy).bind(7, row.expires);
    return insert->run();
}

Result<std::optional<ReaderLinkRow>> ReaderLinkStore::findByToken(const QByteArray &tokenHash)
{
    auto query = m_db.prepare(
        QByteArray("SELECT ") + kColumns + " FROM reader_links WHERE token_hash = ?1");
    if (query)
        query->bind(1, tokenHash);
    return single(std::move(query));
}

Result<std::optional<ReaderLinkRow>> ReaderLinkStore::find(qint64 id)
{
    auto query
        = m_db.prepare(QByteArray("SELECT ") + kColumns + " FROM reader_links WHERE id = ?1");
    if (query)
        query->bind(1, id);
    return single(std::move(query));
}

Result<std::vector<ReaderLinkRow>> ReaderLinkStore::list(qint64 meeting)
{
    auto query = m_db.prepare(
        QByteArray("SELECT ") + kColumns + " FROM reader_links WHERE meeting = ?1 ORDER BY id");
    if (!query)
        return query.error();
    query->bind(1, meeting);
    std::vector<ReaderLinkRow> rows;
    Error error;
    while (query->next(&error))
        rows.push_back(readRow(query.value()));
    if (!error.message.isEmpty())
        return error;
    return rows;
}

Result<qint64> ReaderLinkStore::revoke(qint64 id, const QString &time)
{
    auto update
        = m_db.prepare("UPDATE reader_links SET revoked = ?1 WHERE id = ?2 AND revoked IS NULL");
    if (!update)
        return update.error();
    update->bind(1, time).bind(2, id);
    if (auto status = update->run(); !status)
        return status.error();
    return m_db.queryInteger("SELECT changes()");
}

Status ReaderLinkStore::revokeForDevice(qint64 device, const QString &time)
{
    auto update = m_db.prepare(
        "UPDATE reader_links SET revoked = ?1 WHERE revoked IS NULL AND EXISTS (SELECT 1 FROM "
        "devices d WHERE d.id = ?2 AND d.role = 'delegate' AND d.meeting = reader_links.meeting "
        "AND d.delegate = reader_links.delegate)");
    if (!update)
        return update.error();
    update->bind(1, time).bind(2, device);
    return update->run();
}

} // namespace chamber::storage
