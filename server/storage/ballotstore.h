// Ballots in SQLite: named (who voted what) and secret (who voted; separately, what was voted).
#pragma once

#include "storage/sqlite.h"

#include <QString>

#include <optional>
#include <vector>

namespace chamber::storage {

struct NamedBallotRow
{
    qint64 meeting = 0;
    qint64 poll = 0;
    qint64 delegate = 0;
    QByteArray ballot; // digest of the voter's key
    QString choice;
    qint64 weight = 1;
    qint64 proxyHolder = 0;
};

struct SecretBallotRow
{
    qint64 meeting = 0;
    qint64 poll = 0;
    QByteArray ballot; // digest of the voter's key: the only way to this row
    QString receipt;
    QString choice;
    qint64 weight = 1;
};

// Callers own the transaction (BallotService commits a whole batch at once).
class BallotStore
{
public:
    explicit BallotStore(Database &db)
        : m_db(db)
    { }

    // Inserts or replaces the delegate's ballot in a named poll.
    Status putNamed(const NamedBallotRow &row);
    // Records that the delegate voted, and the ballot, in a secret poll (new ballot).
    Status addSecret(qint64 delegate, const SecretBallotRow &row);
    // Changes the choice of an existing secret ballot, found by its digest alone.
    Status changeSecret(const SecretBallotRow &row);

    // The choice of a secret ballot, found by its digest (empty if there is none).
    Result<QString> secretChoice(qint64 meeting, qint64 poll, const QByteArray &ballot);

    Result<std::vector<NamedBallotRow>> named(qint64 meeting, qint64 poll);
    Result<std::vector<SecretBallotRow>> secret(qint64 meeting, qint64 poll);
    Result<std::vector<qint64>> secretVoters(qint64 meeting, qint64 poll);

private:
    Database &m_db;
};

} // namespace chamber::storage
