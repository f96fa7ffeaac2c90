// The event log's hash chain checked where the server keeps it: from signed checkpoints (at
// chamberd's start, so the start does not grow with the log) or every event from the first
// (chamberd's background check after start, chamberctl verify --data).
#pragma once

#include "protocol/chain.h"
#include "storage/eventstore.h"

#include <atomic>
#include <functional>
#include <vector>

namespace chamber::storage {

// "Meeting M's chain was verified up to event `position.seq`, which had `position.hash`."
struct ChainCheckpoint
{
    qint64 meeting = 0;
    protocol::ChainPosition position;
    QByteArray signature; // Ed25519 by the server's result key over checkpointSigningBytes()
    QString verifiedAt; // UTC; for people reading a report, not covered by the signature
};

Result<std::vector<ChainCheckpoint>> loadCheckpoints(Database &db);
// Writes (or replaces) these meetings' checkpoints in one transaction.
Status saveCheckpoints(Database &db, const std::vector<ChainCheckpoint> &checkpoints);
// Forgets a meeting's checkpoint, so the next check reads that meeting from its first event.
Status dropCheckpoint(Database &db, qint64 meeting);

struct ChainCheckOptions
{
    enum class Scope {
        AfterCheckpoints, // a meeting with a checkpoint: only that event and those after it
        Everything, // every event; checkpoints must agree with what is read
    };
    Scope scope = Scope::AfterCheckpoints;
    // The server's public result key (raw 32 bytes): checkpoints and published results must
    // be signed with it. Empty: checkpoint signatures are not checked and each published
    // result only against the key it names.
    QByteArray resultKey;
    // Events read per read transaction: short ones let the server's commits and the WAL
    // truncation after a secret poll go on beside a long check.
    qint64 chunk = 10000;
    const std::atomic<bool> *cancel = nullptr; // when it becomes true the check stops early
    // Sees every event read, meeting by meeting in sequence order (chamberctl replays them).
    std::function<void(const protocol::Event &)> onEvent;
};

struct ChainCheck
{
    protocol::ChainReport report;
    qint64 eventsBelowCheckpoints = 0; // vouched for by checkpoints, not read
    bool cancelled = false;
    QHash<qint64, protocol::ChainPosition> intactHeads; // what new checkpoints may record
};

Result<ChainCheck> checkChain(EventStore &store, const ChainCheckOptions &options);

} // namespace chamber::storage
