// The durable event log: every meeting's events, hash-chained, in SQLite.
#pragma once

#include "protocol/chain.h"
#include "protocol/event.h"
#include "storage/sqlite.h"

#include <QHash>
#include <QJsonObject>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace chamber::storage {

// An event before it has its place in the log (seq, prev, hash are assigned on commit).
struct PendingEvent
{
    qint64 meeting = 0;
    QString kind;
    QString actor;
    QString time;
    QJsonObject data;
};

// The answer to a command, stored with its events so a resend gets the very same answer.
struct CommandRecord
{
    QString principal;
    QString requestId;
    QByteArray fingerprint; // hash of the request body: a reused id with a new body is refused
    QByteArray response; // the reply frame, verbatim
};

struct Batch
{
    std::vector<PendingEvent> events;
    // The answers to the commands this batch carries out (one for a meeting command, many for
    // a group of ballots), stored with them so resends get the same answers.
    std::vector<CommandRecord> commands;
    // Other writes that must happen with these events or not at all (a device's credential
    // with its enrollment, a revocation in the credentials table). Runs inside the transaction.
    std::function<Status(Database &)> alsoWrite;
};

class EventStore
{
public:
    // Opens or creates the database and migrates it to the latest schema.
    static Result<std::unique_ptr<EventStore>> open(const QString &path);
    // Opens an existing database without changing it (chamberctl verify, exports).
    static Result<std::unique_ptr<EventStore>> openReadOnly(const QString &path);
    // Unit tests only.
    static Result<std::unique_ptr<EventStore>> openInMemory();

    // Calls `visit` for every event, meeting by meeting in sequence order; stops on failure.
    Status forEachEvent(const std::function<Status(const protocol::Event &)> &visit) const;
    Result<std::vector<protocol::Event>> events(
        qint64 meeting, qint64 afterSeq, qint64 limit = -1) const;

    qint64 headSeq(qint64 meeting) const;
    QByteArray headHash(qint64 meeting) const;
    qint64 lastMeetingId() const;
    // Every meeting that has events, in ascending order.
    std::vector<qint64> meetingIds() const;

    // Appends the batch's events and records its command result in one transaction; on
    // return the data is on disk (synchronous=FULL). On failure nothing was written.
    Result<std::vector<protocol::Event>> commit(const Batch &batch);

    // The stored answer to a command, or to a ballot (BallotStore::putAnswer keeps those
    // apart, without time).
    std::optional<CommandRecord> findCommandResult(
        const QString &principal, const QString &requestId) const;

    // Folds the write-ahead log into the database and truncates it to nothing, so no
    // per-transaction history stays on disk (after a secret poll closes).
    Status checkpointAndTruncate();
    // Checkpoints, then deletes the write-ahead log and its index (-shm) and starts both anew
    // (journal mode DELETE and back to WAL). A truncated log leaves the index's stale entries,
    // which page each past frame wrote, in the -shm file; only new files have none. Falls back
    // to checkpointAndTruncate() when another connection keeps WAL mode (a reader running).
    Status discardWriteAheadLog();

    // Recomputes every hash and link from the stored rows.
    Result<protocol::ChainReport> verify() const;

    Database &database() { return *m_db; }

private:
    enum class SchemaPolicy { Migrate, RequireLatest };
    explicit EventStore(std::unique_ptr<Database> db)
        : m_db(std::move(db))
    { }
    static Result<std::unique_ptr<EventStore>> fromDatabase(
        Result<std::unique_ptr<Database>> opened, SchemaPolicy policy);
    Status loadHeads();
    std::optional<CommandRecord> findBallotAnswer(
        const QString &principal, const QString &requestId) const;

    struct Head
    {
        qint64 seq = 0;
        QByteArray hash;
    };
    std::unique_ptr<Database> m_db;
    QHash<qint64, Head> m_heads;
    mutable Statement m_insertEvent;
    mutable Statement m_insertCommand;
    mutable Statement m_findCommand;
    mutable Statement m_eventsAfter;
    mutable Statement m_findBallotAnswer; // prepared on first use
};

// Reads one row of `events` (columns meeting, seq, kind, time, actor, data, prev, hash).
protocol::Event eventFromRow(const Statement &row);

} // namespace chamber::storage
