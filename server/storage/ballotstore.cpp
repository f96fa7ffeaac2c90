#include "storage/ballotstore.h"

#include <sqlite3.h>

#include <array>
#include <memory>

namespace chamber::storage {

namespace {

// The tables whose order in the file could link a voter to a ballot, with their keys.
struct KeyedTable
{
    const char *name;
    const char *key;
};
constexpr std::array kSecretTables {
    KeyedTable {"secret_voters", "meeting, poll, delegate"},
    KeyedTable {"secret_ballots", "meeting, poll, ballot"},
    KeyedTable {"ballot_answers", "principal, request_id"},
};

struct FinalizeStatement
{
    void operator()(sqlite3_stmt *statement) const { sqlite3_finalize(statement); }
};
using RawStatement = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;
struct FreeValue
{
    void operator()(sqlite3_value *value) const { sqlite3_value_free(value); }
};
using OwnedValue = std::unique_ptr<sqlite3_value, FreeValue>;

Result<RawStatement> prepareRaw(Database &db, const QByteArray &sql)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db.handle(), sql.constData(), int(sql.size()), &statement, nullptr)
        != SQLITE_OK)
        return storageError(QStringLiteral("prepare"), db.lastError());
    return RawStatement(statement);
}

// Reads every row in key order, empties the table and writes the rows back in that order.
// Generic over the columns (values are copied as SQLite holds them), so a column added to one
// of these tables later is carried along.
Result<qint64> rewriteTable(Database &db, const KeyedTable &table)
{
    const QByteArray name(table.name);
    auto select = prepareRaw(db, "SELECT * FROM " + name + " ORDER BY " + table.key);
    if (!select)
        return select.error();
    const int columns = sqlite3_column_count(select->get());
    std::vector<OwnedValue> values;
    int rc = SQLITE_OK;
    while ((rc = sqlite3_step(select->get())) == SQLITE_ROW) {
        for (int column = 0; column < columns; ++column) {
            values.emplace_back(sqlite3_value_dup(sqlite3_column_value(select->get(), column)));
            if (!values.back())
                return storageError(QStringLiteral("rewrite %1").arg(QLatin1String(table.name)),
                    QStringLiteral("out of memory"));
        }
    }
    if (rc != SQLITE_DONE)
        return sqliteError(
            db.handle(), rc, QStringLiteral("rewrite %1").arg(QLatin1String(table.name)));
    select->reset();
    // Without a WHERE clause SQLite clears the table's pages at once; secure_delete zeroes them.
    if (auto status = db.exec("DELETE FROM " + name); !status)
        return status.error();
    QByteArray placeholders;
    for (int column = 1; column <= columns; ++column)
        placeholders += (column > 1 ? ", ?" : "?") + QByteArray::number(column);
    auto insert = prepareRaw(db, "INSERT INTO " + name + " VALUES (" + placeholders + ")");
    if (!insert)
        return insert.error();
    const qint64 rows = columns ? qint64(values.size()) / columns : 0;
    for (qint64 row = 0; row < rows; ++row) {
        for (int column = 0; column < columns; ++column)
            sqlite3_bind_value(insert->get(), column + 1, values[row * columns + column].get());
        if (const int step = sqlite3_step(insert->get()); step != SQLITE_DONE)
            return sqliteError(
                db.handle(), step, QStringLiteral("rewrite %1").arg(QLatin1String(table.name)));
        sqlite3_reset(insert->get());
    }
    return rows;
}

} // namespace

Status BallotStore::putNamed(const NamedBallotRow &row)
{
    auto statement
        = m_db.prepare("INSERT OR REPLACE INTO named_ballots (meeting, poll, delegate, "
                       "ballot, choice, weight, proxy_holder) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!statement)
        return statement.error();
    statement->bind(1, row.meeting).bind(2, row.poll).bind(3, row.delegate).bind(4, row.ballot);
    statement->bind(5, row.choice).bind(6, row.weight).bind(7, row.proxyHolder);
    return statement->run();
}

Status BallotStore::addSecretVoter(qint64 meeting, qint64 poll, qint64 delegate)
{
    auto voter
        = m_db.prepare("INSERT INTO secret_voters (meeting, poll, delegate) VALUES (?1, ?2, ?3)");
    if (!voter)
        return voter.error();
    voter->bind(1, meeting).bind(2, poll).bind(3, delegate);
    return voter->run();
}

Status BallotStore::addSecretBallot(const SecretBallotRow &row)
{
    auto ballot
        = m_db.prepare("INSERT INTO secret_ballots (meeting, poll, ballot, receipt, choice, "
                       "weight) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!ballot)
        return ballot.error();
    ballot->bind(1, row.meeting).bind(2, row.poll).bind(3, row.ballot).bind(4, row.receipt);
    ballot->bind(5, row.choice).bind(6, row.weight);
    return ballot->run();
}

Status BallotStore::changeSecret(const SecretBallotRow &row)
{
    auto statement = m_db.prepare("UPDATE secret_ballots SET choice = ?1 WHERE meeting = ?2 AND "
                                  "poll = ?3 AND ballot = ?4");
    if (!statement)
        return statement.error();
    statement->bind(1, row.choice).bind(2, row.meeting).bind(3, row.poll).bind(4, row.ballot);
    return statement->run();
}

Result<QString> BallotStore::secretChoice(qint64 meeting, qint64 poll, const QByteArray &ballot)
{
    auto query = m_db.prepare(
        "SELECT choice FROM secret_ballots WHERE meeting = ?1 AND poll = ?2 AND ballot = ?3");
    if (!query)
        return query.error();
    query->bind(1, meeting).bind(2, poll).bind(3, ballot);
    Error error;
    if (query->next(&error))
        return query->text(0);
    if (!error.message.isEmpty())
        return error;
    return QString();
}

Result<std::vector<NamedBallotRow>> BallotStore::named(qint64 meeting, qint64 poll)
{
    auto query
        = m_db.prepare("SELECT delegate, ballot, choice, weight, proxy_holder FROM named_ballots "
                       "WHERE meeting = ?1 AND poll = ?2 ORDER BY delegate");
    if (!query)
        return query.error();
    query->bind(1, meeting).bind(2, poll);
    std::vector<NamedBallotRow> rows;
    Error error;
    while (query->next(&error))
        rows.push_back({meeting, poll, query->integer(0), query->blob(1), query->text(2),
            query->integer(3), query->integer(4)});
    if (!error.message.isEmpty())
        return error;
    return rows;
}

Result<std::vector<SecretBallotRow>> BallotStore::secret(qint64 meeting, qint64 poll)
{
    auto query = m_db.prepare("SELECT ballot, receipt, choice, weight FROM secret_ballots "
                              "WHERE meeting = ?1 AND poll = ?2 ORDER BY ballot");
    if (!query)
        return query.error();
    query->bind(1, meeting).bind(2, poll);
    std::vector<SecretBallotRow> rows;
    Error error;
    while (query->next(&error))
        rows.push_back(
            {meeting, poll, query->blob(0), query->text(1), query->text(2), query->integer(3)});
    if (!error.message.isEmpty())
        return error;
    return rows;
}

Result<std::vector<qint64>> BallotStore::secretVoters(qint64 meeting, qint64 poll)
{
    auto query = m_db.prepare(
        "SELECT delegate FROM secret_voters WHERE meeting = ?1 AND poll = ?2 ORDER BY delegate");
    if (!query)
        return query.error();
    query->bind(1, meeting).bind(2, poll);
    std::vector<qint64> voters;
    Error error;
    while (query->next(&error))
        voters.push_back(query->integer(0));
    if (!error.message.isEmpty())
        return error;
    return voters;
}

Status BallotStore::putAnswer(const CommandRecord &answer)
{
    auto statement = m_db.prepare("INSERT INTO ballot_answers (principal, request_id, "
                                  "fingerprint, response) VALUES (?1, ?2, ?3, ?4)");
    if (!statement)
        return statement.error();
    statement->bind(1, answer.principal).bind(2, answer.requestId).bind(3, answer.fingerprint);
    statement->bindText(4, answer.response);
    return statement->run();
}

Result<qint64> BallotStore::rewriteInKeyOrder()
{
    qint64 rows = 0;
    for (const KeyedTable &table : kSecretTables) {
        auto rewritten = rewriteTable(m_db, table);
        if (!rewritten)
            return rewritten.error();
        rows += rewritten.value();
    }
    return rows;
}

} // namespace chamber::storage
