// Ballots in SQLite: named (who voted what) and secret (who voted; separately, what was voted),
// and the stored answers to ballot.cast.
#pragma once

#include "storage/eventstore.h"
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
    // A secret poll's two halves, written separately (and, within a batch, in unrelated
    // orders): that the delegate voted, and the ballot.
    Status addSecretVoter(qint64 meeting, qint64 poll, qint64 delegate);
    Status addSecretBallot(const SecretBallotRow &row);
    // Changes the choice of an existing secret ballot, found by its digest alone.
    Status changeSecret(const SecretBallotRow &row);

    // The choice of a secret ballot, found by its digest (empty if there is none).
    Result<QString> secretChoice(qint64 meeting, qint64 poll, const QByteArray &ballot);

    Result<std::vector<NamedBallotRow>> named(qint64 meeting, qint64 poll);
    Result<std::vector<SecretBallotRow>> secret(qint64 meeting, qint64 poll);
    Result<std::vector<qint64>> secretVoters(qint64 meeting, qint64 poll);

    // The answer to a ballot.cast, for resends (EventStore::findCommandResult finds it). Kept
    // apart from command_results: no time, and rewritten in key order with the secret ballots.
    Status putAnswer(const CommandRecord &answer);

    // Rewrites secret_voters, secret_ballots and ballot_answers, every row in key order, into
    // pages emptied first. SQLite places each new cell lower in its page than the one before,
    // so a table filled over time keeps its insertion order in the file, and the two secret
    // tables filled together would zip voters to choices. Written in key order, the voters'
    // cells follow the delegates and the ballots' follow the random key digests. The old cells
    // are zeroed (secure_delete) and their pages go to the freelist, zeroed too. The caller
    // owns the transaction; afterwards the write-ahead log still holds the old pages (see
    // EventStore::discardWriteAheadLog). Returns the number of rows rewritten.
    Result<qint64> rewriteInKeyOrder();

private:
    Database &m_db;
};

} // namespace chamber::storage
