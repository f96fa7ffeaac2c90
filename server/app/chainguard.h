// chamberd's watch over the event log's hash chain.
//
// At start, before the log is replayed, every meeting is checked from its signed checkpoint
// (the last position a check covered): that the checkpoint is signed with the server's key, that
// the checkpointed event still has the checkpointed hash, and every event after it. That keeps
// the start fast on a long log, but cannot see an old event's data edited below a checkpoint
// while its hash column is left alone; so once the server listens, a second check reads every
// event from the first, on its own read-only connection and thread. A break it finds drops
// that meeting's checkpoint (the next start reads the meeting in full, and refuses) and stops
// the server, unless told to accept a broken chain.
#pragma once

#include "protocol/ed25519.h"
#include "storage/chaincheck.h"

#include <QObject>

#include <atomic>
#include <thread>

namespace chamber::app {

class ChainGuard : public QObject
{
    Q_OBJECT

public:
    // `key` signs checkpoints and is the key published results must carry.
    ChainGuard(storage::EventStore &store, const protocol::Ed25519Key &key, bool acceptBroken,
        QObject *parent = nullptr);
    ~ChainGuard() override; // stops and joins the background check

    // Refuses (an error naming the meeting, the event and what is wrong) on a broken chain,
    // unless accepting it; records new checkpoints for the meetings found intact.
    Status checkAtStart();
    // The check of every event, in the background; fullCheckDone() reports it.
    void startFullCheck();
    const storage::ChainCheck &startCheck() const { return m_startCheck; }

Q_SIGNALS:
    // After the background check (not when cancelled); `intact` false means breaks were found
    // and logged. `mustStop`: they were not accepted, the server has to stop.
    void fullCheckDone(bool intact, bool mustStop);

private:
    void fullCheckFinished(const Result<storage::ChainCheck> &check);
    Status recordCheckpoints(const QHash<qint64, protocol::ChainPosition> &heads);

    storage::EventStore &m_store;
    const protocol::Ed25519Key &m_key;
    bool m_acceptBroken = false;
    storage::ChainCheck m_startCheck;
    std::atomic<bool> m_cancel {false};
    std::thread m_thread;
};

// One line per break, for the refusal and the logs.
QString describeBreaks(const protocol::ChainReport &report);

} // namespace chamber::app
