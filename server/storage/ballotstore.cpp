#include "storage/ballotstore.h"

namespace chamber::storage {

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

Status BallotStore::addSecret(qint64 delegate, const SecretBallotRow &row)
{
    auto voter
        = m_db.prepare("INSERT INTO secret_voters (meeting, poll, delegate) VALUES (?1, ?2, ?3)");
    auto ballot
        = m_db.prepare("INSERT INTO secret_ballots (meeting, poll, ballot, receipt, choice, "
                       "weight) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!voter)
        return voter.error();
    if (!ballot)
        return ballot.error();
    voter->bind(1, row.meeting).bind(2, row.poll).bind(3, delegate);
    if (auto status = voter->run(); !status)
        return status;
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

} // namespace chamber::storage
