// Casting ballots. A ballot is acknowledged only when its transaction is on disk; ballots that
// arrive within a couple of milliseconds of each other share one transaction and one fsync, so
// hundreds of simultaneous votes cost a handful of commits. A resend of the same command gets
// the first answer. Ballots are not events of the meeting's log (see PROTOCOL.md, Voting): the
// log records the poll's opening, its closing with the counted ballots, and the signed result.
//
// Secret ballots: who voted and what was voted go to two tables, and within a batch in two
// unrelated random orders. When a secret poll closes (and at every start) both tables and the
// ballot answers are rewritten in key order and the write-ahead log is discarded, so a copy of
// the data directory no longer orders the ballots by when they came.
#pragma once

#include "core/meeting.h"
#include "protocol/ballotcast.h"
#include "protocol/event.h"
#include "protocol/message.h"
#include "services/principal.h"

#include <QByteArray>
#include <QJsonArray>
#include <QObject>
#include <QTimer>

#include <functional>
#include <map>
#include <vector>

namespace chamber::storage {
class EventStore;
}

namespace chamber::services {

class MeetingService;

struct VotingProgress
{
    qint64 poll = 0;
    qint64 cast = 0;
    qint64 eligible = 0;
    std::vector<qint64> pending; // can vote, no ballot yet
};

class BallotService : public QObject
{
    Q_OBJECT

public:
    using Reply = std::function<void(const QJsonObject &reply)>;

    // How long the first ballot of a batch waits for company before the batch is committed,
    // and the most ballots one transaction takes.
    static constexpr int kBatchWindowMs = 2;
    static constexpr int kMaxBatch = 500;

    BallotService(storage::EventStore &store, MeetingService &meetings, QObject *parent = nullptr);

    // Rebuilds which delegates voted in the open polls from the ballot tables (after a restart),
    // and seals the secret ballots (a crash may have come between a close and its sealing).
    Status load();

    // Checks the ballot now and answers refusals at once; a valid ballot is queued and `reply`
    // runs after the batch holding it is on disk.
    void cast(const Principal &principal, const protocol::Message &command, Reply reply);
    // Commits whatever is queued (before a poll closes: every acknowledged-to-be ballot counts).
    void flush();

    // The ballots of a poll, for closing it.
    Result<core::PollBallots> ballots(qint64 meeting, qint64 poll);
    // Of the meeting's open poll, if any.
    std::optional<VotingProgress> progress(qint64 meeting) const;

Q_SIGNALS:
    // Throttled: at most every kProgressIntervalMs while ballots come in.
    void progressChanged(qint64 meeting);

private:
    struct Cast
    {
        QByteArray digest; // of the voter's key; named polls only
        QString choice; // named polls only: a secret poll's are found by digest in the database
    };
    struct Pending
    {
        Principal principal;
        QString requestId;
        protocol::BallotCast ballot;
        QByteArray fingerprint;
        QByteArray digest;
        QString receipt;
        std::vector<Reply> replies; // the command and its resends while it waits
    };
    struct Accepted;

    Status commitBatch(const std::vector<Accepted> &accepted);
    // Rewrites the secret tables in key order and discards the write-ahead log.
    Status sealSecretBallots();
    void scheduleProgress(qint64 meeting);
    void onEventsCommitted(qint64 meeting, const std::vector<protocol::Event> &events);
    std::map<qint64, Cast> &castsOf(qint64 meeting, qint64 poll);

    storage::EventStore &m_store;
    MeetingService &m_meetings;
    // (meeting, poll) -> delegate -> ballot: who voted in the open polls.
    std::map<std::pair<qint64, qint64>, std::map<qint64, Cast>> m_casts;
    std::vector<Pending> m_pending;
    QTimer m_batchTimer;
    std::map<qint64, QTimer *> m_progressTimers;
};

} // namespace chamber::services
