#include "services/ballotservice.h"

#include "core/ballots.h"
#include "protocol/receipt.h"
#include "services/meetingservice.h"
#include "services/permissions.h"
#include "storage/ballotstore.h"
#include "storage/eventstore.h"
#include "support/log.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>

#include <algorithm>
#include <tuple>

namespace chamber::services {

Q_LOGGING_CATEGORY(lcBallots, "chamber.ballots")

namespace {

constexpr int kProgressIntervalMs = 150;

const QLatin1String kPoll("poll");

// What a valid ballot does to the poll.
struct Effect
{
    enum class Kind { New, Change, Same } kind = Kind::New;
    core::BallotTarget target;
};

// What the delegate has cast in the poll so far.
struct Previous
{
    enum class Kind {
        None,
        SameKey, // a ballot with this key: the voter's own, to repeat or change
        OtherKey, // a second device, or a lost key: not this voter's ballot to change
    } kind
        = Kind::None;
    QString choice; // SameKey only
};
using PreviousLookup = std::function<Result<Previous>()>;

QJsonObject okReply(const QString &id, bool changed)
{
    // Never the receipt: this answer is stored, and would link the device to it.
    return protocol::okReply(
        id, QJsonObject {{QStringLiteral("recorded"), true}, {QStringLiteral("changed"), changed}});
}

Error idReused(const QString &id)
{
    return makeError(ErrorCode::IdReused,
        QStringLiteral("request id %1 was already used for a different request").arg(id),
        QStringLiteral("id"));
}

// Judges one ballot; `previous` is asked only once the ballot itself is acceptable.
Result<Effect> judge(const core::MeetingState &meeting, const Principal &principal,
    const protocol::BallotCast &ballot, const PreviousLookup &previous)
{
    auto target = core::checkBallot(
        meeting, ballot.poll, ballot.delegate, principal.delegate, ballot.choice);
    if (!target)
        return target.error();
    auto before = previous();
    if (!before)
        return before.error();
    switch (before->kind) {
    case Previous::Kind::None:
        return Effect {Effect::Kind::New, target.value()};
    case Previous::Kind::OtherKey:
        return makeError(ErrorCode::Conflict,
            QStringLiteral("a ballot was already cast for this delegate"),
            QStringLiteral("delegate"));
    case Previous::Kind::SameKey:
        break;
    }
    if (before->choice == ballot.choice)
        return Effect {Effect::Kind::Same, target.value()};
    if (!meeting.polls.at(ballot.poll).allowChange)
        return makeError(ErrorCode::Conflict,
            QStringLiteral("your ballot is recorded; this poll does not allow changing it"),
            QStringLiteral("choice"));
    return Effect {Effect::Kind::Change, target.value()};
}

Previous compareNamed(
    const QByteArray &castDigest, const QString &castChoice, const QByteArray &digest)
{
    return castDigest == digest ? Previous {Previous::Kind::SameKey, castChoice}
                                : Previous {Previous::Kind::OtherKey, {}};
}

// A secret poll's committed ballot is found only by the digest of the key that cast it.
Result<Previous> secretPrevious(
    storage::BallotStore &store, const protocol::BallotCast &ballot, const QByteArray &digest)
{
    auto choice = store.secretChoice(ballot.meeting, ballot.poll, digest);
    if (!choice)
        return choice.error();
    if (choice->isEmpty())
        return Previous {Previous::Kind::OtherKey, {}};
    return Previous {Previous::Kind::SameKey, choice.value()};
}

template<typename T>
void shuffle(std::vector<T> &items)
{
    std::shuffle(items.begin(), items.end(), *QRandomGenerator::system());
}

} // namespace

struct BallotService::Accepted
{
    const Pending *pending;
    Effect effect;
    bool secret;
};

BallotService::BallotService(storage::EventStore &store, MeetingService &meetings, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_meetings(meetings)
{
    m_batchTimer.setSingleShot(true);
    connect(&m_batchTimer, &QTimer::timeout, this, &BallotService::flush);
    connect(&m_meetings, &MeetingService::eventsCommitted, this, &BallotService::onEventsCommitted);
}

std::map<qint64, BallotService::Cast> &BallotService::castsOf(qint64 meeting, qint64 poll)
{
    return m_casts[{meeting, poll}];
}

Status BallotService::load()
{
    m_casts.clear();
    storage::BallotStore ballots(m_store.database());
    for (const core::MeetingState *meeting : m_meetings.meetings()) {
        const core::Poll *poll = meeting->openPoll();
        if (!poll)
            continue;
        auto &casts = castsOf(meeting->id, poll->id);
        if (poll->secret) {
            // Who voted is enough to refuse second ballots; a change of a secret ballot is
            // found by its key's digest in the database.
            auto voters = ballots.secretVoters(meeting->id, poll->id);
            if (!voters)
                return voters.error();
            for (qint64 voter : voters.value())
                casts[voter] = Cast {};
        } else {
            auto rows = ballots.named(meeting->id, poll->id);
            if (!rows)
                return rows.error();
            for (const storage::NamedBallotRow &row : rows.value())
                casts[row.delegate] = Cast {row.ballot, row.choice};
        }
    }
    return sealSecretBallots();
}

void BallotService::cast(const Principal &principal, const protocol::Message &command, Reply reply)
{
    const QByteArray fingerprint = requestFingerprint(command);
    // A resend of an answered ballot: the same answer, at once.
    if (auto stored = m_store.findCommandResult(principal.id, command.id)) {
        if (stored->fingerprint != fingerprint)
            reply(protocol::errorReply(command.id, idReused(command.id)));
        else
            reply(QJsonDocument::fromJson(stored->response).object());
        return;
    }
    // A resend while the first is still waiting for its commit: one ballot, two answers.
    for (Pending &pending : m_pending) {
        if (pending.principal.id == principal.id && pending.requestId == command.id) {
            if (pending.fingerprint != fingerprint)
                reply(protocol::errorReply(command.id, idReused(command.id)));
            else
                pending.replies.push_back(std::move(reply));
            return;
        }
    }
    if (auto allowed = authorizeCommand(principal, command); !allowed) {
        reply(protocol::errorReply(command.id, allowed.error()));
        return;
    }
    auto parsed = protocol::BallotCast::fromMessage(command);
    if (!parsed) {
        reply(protocol::errorReply(command.id, parsed.error()));
        return;
    }
    const protocol::BallotCast &ballot = parsed.value();
    const core::MeetingState *meeting = m_meetings.meeting(ballot.meeting);
    if (!meeting) {
        reply(protocol::errorReply(command.id, meetingNotFound(ballot.meeting)));
        return;
    }
    Pending pending {principal, command.id, ballot, fingerprint,
        protocol::ballotId(ballot.meeting, ballot.poll, ballot.key),
        protocol::ballotReceipt(ballot.meeting, ballot.poll, ballot.key), {std::move(reply)}};
    // Check now against what is committed and queued, so refusals come at once; the batch
    // checks again in order when it commits.
    auto previous = [&]() -> Result<Previous> {
        for (auto queued = m_pending.rbegin(); queued != m_pending.rend(); ++queued) {
            if (queued->ballot.meeting == ballot.meeting && queued->ballot.poll == ballot.poll
                && queued->ballot.delegate == ballot.delegate)
                return compareNamed(queued->digest, queued->ballot.choice, pending.digest);
        }
        const auto casts = m_casts.find({ballot.meeting, ballot.poll});
        if (casts == m_casts.end() || !casts->second.count(ballot.delegate))
            return Previous {};
        const Cast &cast = casts->second.at(ballot.delegate);
        if (!cast.digest.isEmpty())
            return compareNamed(cast.digest, cast.choice, pending.digest);
        storage::BallotStore store(m_store.database());
        return secretPrevious(store, ballot, pending.digest);
    };
    auto effect = judge(*meeting, principal, ballot, previous);
    if (!effect) {
        for (const Reply &answer : pending.replies)
            answer(protocol::errorReply(command.id, effect.error()));
        return;
    }
    m_pending.push_back(std::move(pending));
    if (int(m_pending.size()) >= kMaxBatch)
        flush();
    else if (!m_batchTimer.isActive())
        m_batchTimer.start(kBatchWindowMs);
}

void BallotService::flush()
{
    m_batchTimer.stop();
    if (m_pending.empty())
        return;
    std::vector<Pending> batch;
    batch.swap(m_pending);

    // Judge each ballot in order against the casts as they will be after the ones before it.
    auto working = m_casts;
    // This batch's secret ballots by (meeting, poll, digest): the database has them only after
    // the commit, and the casts keep no secret choice.
    std::map<std::tuple<qint64, qint64, QByteArray>, QString> batchSecret;
    std::vector<Accepted> accepted;
    storage::BallotStore lookup(m_store.database());
    for (const Pending &pending : batch) {
        const protocol::BallotCast &ballot = pending.ballot;
        const core::MeetingState *meeting = m_meetings.meeting(ballot.meeting);
        auto &casts = working[{ballot.meeting, ballot.poll}];
        const auto inBatch = std::tuple(ballot.meeting, ballot.poll, pending.digest);
        auto previous = [&]() -> Result<Previous> {
            if (!casts.count(ballot.delegate))
                return Previous {};
            const Cast &cast = casts.at(ballot.delegate);
            if (!cast.digest.isEmpty())
                return compareNamed(cast.digest, cast.choice, pending.digest);
            if (const auto queued = batchSecret.find(inBatch); queued != batchSecret.end())
                return Previous {Previous::Kind::SameKey, queued->second};
            return secretPrevious(lookup, ballot, pending.digest);
        };
        auto effect = meeting ? judge(*meeting, pending.principal, ballot, previous)
                              : Result<Effect>(meetingNotFound(ballot.meeting));
        if (!effect) {
            for (const Reply &reply : pending.replies)
                reply(protocol::errorReply(pending.requestId, effect.error()));
            continue;
        }
        const bool secret = meeting->polls.at(ballot.poll).secret;
        if (secret) {
            casts[ballot.delegate] = Cast {};
            batchSecret[inBatch] = ballot.choice;
        } else {
            casts[ballot.delegate] = Cast {pending.digest, ballot.choice};
        }
        accepted.push_back({&pending, effect.value(), secret});
    }
    if (accepted.empty())
        return;

    if (auto committed = commitBatch(accepted); !committed) {
        log::critical(lcBallots(), QStringLiteral("ballot batch not stored"),
            {{QStringLiteral("reason"), committed.error().message}});
        for (const Accepted &entry : accepted) {
            for (const Reply &reply : entry.pending->replies)
                reply(protocol::errorReply(entry.pending->requestId,
                    committed.error().code == ErrorCode::Unavailable
                        ? committed.error() // the disk is full: said as it is
                        : makeError(ErrorCode::Internal,
                            QStringLiteral("the ballot could not be stored; please vote again"))));
        }
        return;
    }
    // On disk: now the voters hear so, and the counts move.
    m_casts = std::move(working);
    QSet<qint64> meetings;
    for (const Accepted &entry : accepted) {
        for (const Reply &reply : entry.pending->replies)
            reply(okReply(entry.pending->requestId, entry.effect.kind == Effect::Kind::Change));
        meetings.insert(entry.pending->ballot.meeting);
    }
    log::debug(lcBallots(), QStringLiteral("ballots committed"),
        {{QStringLiteral("count"), qint64(accepted.size())}});
    for (qint64 meeting : meetings)
        scheduleProgress(meeting);
}

Status BallotService::commitBatch(const std::vector<Accepted> &accepted)
{
    // What the batch leaves in the tables, one row per voter, ballot and answer: a ballot cast
    // and changed within the batch is written once, with its last choice, so the rows do not
    // depend on each other's order.
    std::vector<std::tuple<qint64, qint64, qint64>> voters;
    std::map<std::tuple<qint64, qint64, QByteArray>, std::pair<storage::SecretBallotRow, bool>>
        secretRows; // -> (row, new)
    std::map<std::tuple<qint64, qint64, qint64>, storage::NamedBallotRow> namedRows;
    std::vector<storage::CommandRecord> answers;
    for (const Accepted &entry : accepted) {
        const Pending &pending = *entry.pending;
        const protocol::BallotCast &ballot = pending.ballot;
        answers.push_back({pending.principal.id, pending.requestId, pending.fingerprint,
            protocol::toFrame(
                okReply(pending.requestId, entry.effect.kind == Effect::Kind::Change))});
        if (entry.effect.kind == Effect::Kind::Same)
            continue;
        if (!entry.secret) {
            namedRows[{ballot.meeting, ballot.poll, ballot.delegate}] = storage::NamedBallotRow {
                ballot.meeting, ballot.poll, ballot.delegate, pending.digest, ballot.choice,
                entry.effect.target.weight, entry.effect.target.proxyHolder};
            continue;
        }
        const storage::SecretBallotRow row {ballot.meeting, ballot.poll, pending.digest,
            pending.receipt, ballot.choice, entry.effect.target.weight};
        const auto key = std::tuple(ballot.meeting, ballot.poll, pending.digest);
        if (entry.effect.kind == Effect::Kind::New) {
            voters.emplace_back(ballot.meeting, ballot.poll, ballot.delegate);
            secretRows[key] = {row, true};
        } else if (const auto it = secretRows.find(key); it != secretRows.end()) {
            it->second.first.choice = ballot.choice;
        } else {
            secretRows[key] = {row, false};
        }
    }
    // Each table gets its rows in its own random order: within a batch, the place of a voter's
    // cell says nothing about the place of their ballot's (or their answer's).
    std::vector<std::pair<storage::SecretBallotRow, bool>> ballots;
    for (const auto &[key, row] : secretRows)
        ballots.push_back(row);
    shuffle(voters);
    shuffle(ballots);
    shuffle(answers);

    storage::Batch commit;
    commit.alsoWrite = [&](storage::Database &db) -> Status {
        storage::BallotStore store(db);
        for (const auto &[meeting, poll, delegate] : voters) {
            if (auto written = store.addSecretVoter(meeting, poll, delegate); !written)
                return written;
        }
        for (const auto &[row, added] : ballots) {
            if (auto written = added ? store.addSecretBallot(row) : store.changeSecret(row);
                !written)
                return written;
        }
        for (const auto &[key, row] : namedRows) {
            if (auto written = store.putNamed(row); !written)
                return written;
        }
        for (const storage::CommandRecord &answer : answers) {
            if (auto written = store.putAnswer(answer); !written)
                return written;
        }
        return success();
    };
    auto committed = m_store.commit(commit);
    if (!committed)
        return committed.error();
    return success();
}

Status BallotService::sealSecretBallots()
{
    QElapsedTimer clock;
    clock.start();
    storage::Database &db = m_store.database();
    storage::Transaction transaction(db);
    if (!transaction.begun())
        return transaction.begun();
    auto rows = storage::BallotStore(db).rewriteInKeyOrder();
    if (!rows)
        return rows.error();
    if (auto committed = transaction.commit(); !committed)
        return committed;
    const qint64 rewriteMs = clock.elapsed();
    // The log still holds the pages as they were, in commit order; and the -shm index which
    // page each frame wrote.
    if (auto discarded = m_store.discardWriteAheadLog(); !discarded)
        log::warning(lcBallots(), QStringLiteral("write-ahead log not discarded"),
            {{QStringLiteral("reason"), discarded.error().message}});
    log::info(lcBallots(), QStringLiteral("secret ballots rewritten in key order"),
        {{QStringLiteral("rows"), rows.value()}, {QStringLiteral("rewriteMs"), rewriteMs},
            {QStringLiteral("totalMs"), clock.elapsed()}});
    return success();
}

Result<core::PollBallots> BallotService::ballots(qint64 meeting, qint64 poll)
{
    flush();
    storage::BallotStore store(m_store.database());
    core::PollBallots ballots;
    auto named = store.named(meeting, poll);
    if (!named)
        return named.error();
    for (const storage::NamedBallotRow &row : named.value()) {
        ballots.named.push_back({row.delegate, row.choice, row.weight, row.proxyHolder});
        ballots.voters.push_back(row.delegate);
    }
    auto secret = store.secret(meeting, poll);
    if (!secret)
        return secret.error();
    for (const storage::SecretBallotRow &row : secret.value())
        ballots.secret.push_back({row.receipt, row.choice, row.weight});
    auto voters = store.secretVoters(meeting, poll);
    if (!voters)
        return voters.error();
    ballots.voters.insert(ballots.voters.end(), voters->begin(), voters->end());
    return ballots;
}

std::optional<VotingProgress> BallotService::progress(qint64 meetingId) const
{
    const core::MeetingState *meeting = m_meetings.meeting(meetingId);
    const core::Poll *poll = meeting ? meeting->openPoll() : nullptr;
    if (!poll)
        return std::nullopt;
    VotingProgress progress;
    progress.poll = poll->id;
    const auto it = m_casts.find({meetingId, poll->id});
    for (const auto &[id, delegate] : meeting->roster.all()) {
        if (!delegate.isMember())
            continue;
        const bool voted = it != m_casts.end() && it->second.count(id);
        progress.cast += voted ? 1 : 0;
        // Who can vote now is the rule the ballots are checked with (and the tablets show).
        if (core::votingRight(*meeting, *poll, id, core::castingVoter(*meeting, id)).mayVote()) {
            ++progress.eligible;
            if (!voted)
                progress.pending.push_back(id);
        }
    }
    return progress;
}

void BallotService::scheduleProgress(qint64 meeting)
{
    QTimer *&timer = m_progressTimers[meeting];
    if (!timer) {
        timer = new QTimer(this);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this, meeting] { emit progressChanged(meeting); });
    }
    if (!timer->isActive())
        timer->start(kProgressIntervalMs);
}

void BallotService::onEventsCommitted(qint64 meeting, const std::vector<protocol::Event> &events)
{
    for (const protocol::Event &event : events) {
        const QString &kind = event.kind;
        if (kind == QLatin1String("poll.opened") || kind.startsWith(QLatin1String("attendance."))) {
            scheduleProgress(meeting);
        } else if (kind == QLatin1String("poll.closed")) {
            const qint64 poll = event.data.value(kPoll).toInteger();
            m_casts.erase({meeting, poll});
            const core::MeetingState *state = m_meetings.meeting(meeting);
            if (state && state->polls.count(poll) && state->polls.at(poll).secret) {
                // Before the close is answered, so a closed secret poll is sealed on disk.
                if (auto sealed = sealSecretBallots(); !sealed)
                    log::critical(lcBallots(),
                        QStringLiteral("secret ballots not rewritten (again at the next start)"),
                        {{QStringLiteral("reason"), sealed.error().message}});
            }
            emit progressChanged(meeting);
        }
    }
}

} // namespace chamber::services
