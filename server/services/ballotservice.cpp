#include "services/ballotservice.h"

#include "core/ballots.h"
#include "protocol/receipt.h"
#include "services/meetingservice.h"
#include "services/permissions.h"
#include "storage/ballotstore.h"
#include "storage/eventstore.h"
#include "support/log.h"

#include <QJsonDocument>
#include <QSet>

namespace chamber::services {

Q_LOGGING_CATEGORY(lcBallots, "chamber.ballots")

namespace {

constexpr int kProgressIntervalMs = 150;

const QLatin1String kMeeting("meeting");
const QLatin1String kPoll("poll");
const QLatin1String kDelegate("delegate");

// What a valid ballot does to the poll.
struct Effect
{
    enum class Kind { New, Change, Same } kind = Kind::New;
    core::BallotTarget target;
};

QJsonObject okReply(const QString &id, bool changed)
{
    // Never the receipt: this answer is stored, and would link the device to it.
    return protocol::okReply(
        id, QJsonObject {{QStringLiteral("recorded"), true}, {QStringLiteral("changed"), changed}});
}

} // namespace

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
    return success();
}

namespace {

// The delegate's ballot so far: the digest of its key and its choice; none if not voted. For a
// secret ballot cast with another key, the digest is empty (we know only that they voted).
using Existing
    = std::function<Result<std::optional<std::pair<QByteArray, QString>>>(qint64 delegate)>;

// Judges one ballot against what the delegate has already cast.
Result<Effect> judge(const core::MeetingState &meeting, const Principal &principal,
    const protocol::Message &command, const QByteArray &ballot, const Existing &existing)
{
    const qint64 pollId = command.integer(kPoll);
    const qint64 delegate = command.integer(kDelegate);
    const QString choice = command.string(QLatin1String("choice"));
    auto target = core::checkBallot(meeting, pollId, delegate, principal.delegate, choice);
    if (!target)
        return target.error();
    auto previous = existing(delegate);
    if (!previous)
        return previous.error();
    if (!previous->has_value())
        return Effect {Effect::Kind::New, target.value()};
    const auto &[previousBallot, previousChoice] = **previous;
    // Another key: a second device, or a lost key. Either way, not this voter's ballot to change.
    if (previousBallot != ballot)
        return makeError(ErrorCode::Conflict,
            QStringLiteral("a ballot was already cast for this delegate"),
            QStringLiteral("delegate"));
    if (previousChoice == choice)
        return Effect {Effect::Kind::Same, target.value()};
    const core::Poll &poll = meeting.polls.at(pollId);
    if (!poll.allowChange)
        return makeError(ErrorCode::Conflict,
            QStringLiteral("your ballot is recorded; this poll does not allow changing it"),
            QStringLiteral("choice"));
    return Effect {Effect::Kind::Change, target.value()};
}

} // namespace

void BallotService::cast(const Principal &principal, const protocol::Message &command, Reply reply)
{
    // A resend of an answered ballot: the same answer, at once.
    if (auto stored = m_store.findCommandResult(principal.id, command.id)) {
        if (stored->fingerprint != requestFingerprint(command)) {
            reply(protocol::errorReply(command.id,
                makeError(ErrorCode::IdReused,
                    QStringLiteral("request id %1 was already used for a different request")
                        .arg(command.id),
                    QStringLiteral("id"))));
            return;
        }
        reply(QJsonDocument::fromJson(stored->response).object());
        return;
    }
    // A resend while the first is still waiting for its commit: one ballot, two answers.
    for (Pending &pending : m_pending) {
        if (pending.principal.id == principal.id && pending.command.id == command.id) {
            if (pending.fingerprint != requestFingerprint(command)) {
                reply(protocol::errorReply(command.id,
                    makeError(ErrorCode::IdReused,
                        QStringLiteral("request id %1 was already used for a different request")
                            .arg(command.id),
                        QStringLiteral("id"))));
                return;
            }
            pending.replies.push_back(std::move(reply));
            return;
        }
    }
    if (auto allowed = authorizeCommand(principal, command); !allowed) {
        reply(protocol::errorReply(command.id, allowed.error()));
        return;
    }
    const qint64 meetingId = command.integer(kMeeting);
    const core::MeetingState *meeting = m_meetings.meeting(meetingId);
    if (!meeting) {
        reply(protocol::errorReply(command.id, meetingNotFound(meetingId)));
        return;
    }
    const qint64 pollId = command.integer(kPoll);
    const QString key = command.string(QLatin1String("key"));
    Pending pending {principal, command, requestFingerprint(command),
        protocol::ballotId(meetingId, pollId, key), protocol::ballotReceipt(meetingId, pollId, key),
        {std::move(reply)}};
    // Check now against what is committed and queued, so refusals come at once; the batch
    // checks again in order when it commits.
    const auto it = m_casts.find({meetingId, pollId});
    auto existing = [&](qint64 delegate) -> Result<std::optional<std::pair<QByteArray, QString>>> {
        for (auto queued = m_pending.rbegin(); queued != m_pending.rend(); ++queued) {
            if (queued->command.integer(kMeeting) == meetingId
                && queued->command.integer(kPoll) == pollId
                && queued->command.integer(kDelegate) == delegate)
                return std::optional(
                    std::pair(queued->ballot, queued->command.string(QLatin1String("choice"))));
        }
        if (it == m_casts.end() || !it->second.count(delegate))
            return std::optional<std::pair<QByteArray, QString>>();
        const Cast &cast = it->second.at(delegate);
        if (!cast.ballot.isEmpty())
            return std::optional(std::pair(cast.ballot, cast.choice));
        // Secret: is this the voter's own ballot (same key)? The database knows its choice.
        storage::BallotStore ballots(m_store.database());
        auto choice = ballots.secretChoice(meetingId, pollId, pending.ballot);
        if (!choice)
            return choice.error();
        return std::optional(
            std::pair(choice->isEmpty() ? QByteArray() : pending.ballot, choice.value()));
    };
    auto effect = judge(*meeting, principal, command, pending.ballot, existing);
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
    struct Accepted
    {
        Pending *pending;
        Effect effect;
    };
    std::vector<Accepted> accepted;
    storage::BallotStore lookup(m_store.database());
    for (Pending &pending : batch) {
        const qint64 meetingId = pending.command.integer(kMeeting);
        const qint64 pollId = pending.command.integer(kPoll);
        const core::MeetingState *meeting = m_meetings.meeting(meetingId);
        auto &casts = working[{meetingId, pollId}];
        auto existing
            = [&](qint64 delegate) -> Result<std::optional<std::pair<QByteArray, QString>>> {
            if (!casts.count(delegate))
                return std::optional<std::pair<QByteArray, QString>>();
            const Cast &cast = casts.at(delegate);
            if (!cast.ballot.isEmpty())
                return std::optional(std::pair(cast.ballot, cast.choice));
            auto choice = lookup.secretChoice(meetingId, pollId, pending.ballot);
            if (!choice)
                return choice.error();
            return std::optional(
                std::pair(choice->isEmpty() ? QByteArray() : pending.ballot, choice.value()));
        };
        auto effect = meeting
            ? judge(*meeting, pending.principal, pending.command, pending.ballot, existing)
            : Result<Effect>(meetingNotFound(meetingId));
        if (!effect) {
            for (const Reply &reply : pending.replies)
                reply(protocol::errorReply(pending.command.id, effect.error()));
            continue;
        }
        const bool secret = meeting->polls.at(pollId).secret;
        casts[pending.command.integer(kDelegate)] = Cast {
            pending.ballot, secret ? QString() : pending.command.string(QLatin1String("choice"))};
        accepted.push_back({&pending, effect.value()});
    }
    if (accepted.empty())
        return;

    storage::Batch commit;
    for (const Accepted &entry : accepted) {
        const Pending &pending = *entry.pending;
        commit.commands.push_back(
            storage::CommandRecord {pending.principal.id, pending.command.id, pending.fingerprint,
                protocol::toFrame(
                    okReply(pending.command.id, entry.effect.kind == Effect::Kind::Change))});
    }
    commit.alsoWrite = [&](storage::Database &db) -> Status {
        storage::BallotStore ballots(db);
        for (const Accepted &entry : accepted) {
            const protocol::Message &command = entry.pending->command;
            const qint64 meetingId = command.integer(kMeeting);
            const qint64 pollId = command.integer(kPoll);
            const QString choice = command.string(QLatin1String("choice"));
            if (entry.effect.kind == Effect::Kind::Same)
                continue;
            Status written = success();
            if (m_meetings.meeting(meetingId)->polls.at(pollId).secret) {
                const storage::SecretBallotRow row {meetingId, pollId, entry.pending->ballot,
                    entry.pending->receipt, choice, entry.effect.target.weight};
                written = entry.effect.kind == Effect::Kind::New
                    ? ballots.addSecret(command.integer(kDelegate), row)
                    : ballots.changeSecret(row);
            } else {
                written = ballots.putNamed(storage::NamedBallotRow {meetingId, pollId,
                    command.integer(kDelegate), entry.pending->ballot, choice,
                    entry.effect.target.weight, entry.effect.target.proxyHolder});
            }
            if (!written)
                return written;
        }
        return success();
    };
    auto committed = m_store.commit(commit);
    if (!committed) {
        log::critical(lcBallots(), QStringLiteral("ballot batch not stored"),
            {{QStringLiteral("reason"), committed.error().message}});
        for (const Accepted &entry : accepted) {
            for (const Reply &reply : entry.pending->replies)
                reply(protocol::errorReply(entry.pending->command.id,
                    makeError(ErrorCode::Internal,
                        QStringLiteral("the ballot could not be stored; please vote again"))));
        }
        return;
    }
    // On disk: now the voters hear so, and the counts move.
    m_casts = std::move(working);
    QSet<qint64> meetings;
    for (const Accepted &entry : accepted) {
        for (const Reply &reply : entry.pending->replies)
            reply(okReply(entry.pending->command.id, entry.effect.kind == Effect::Kind::Change));
        meetings.insert(entry.pending->command.integer(kMeeting));
    }
    log::debug(lcBallots(), QStringLiteral("ballots committed"),
        {{QStringLiteral("count"), qint64(accepted.size())}});
    for (qint64 meeting : meetings)
        scheduleProgress(meeting);
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
        const auto proxy = meeting->proxies.find(id);
        const core::Delegate *voter
            = proxy == meeting->proxies.end() ? &delegate : meeting->roster.find(proxy->second);
        const bool voted = it != m_casts.end() && it->second.count(id);
        progress.cast += voted ? 1 : 0;
        if (voter && voter->present) {
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
            // No per-transaction record of which ballot came with which voter stays on disk.
            if (auto truncated = m_store.checkpointAndTruncate(); !truncated)
                log::warning(lcBallots(), QStringLiteral("write-ahead log not truncated"),
                    {{QStringLiteral("reason"), truncated.error().message}});
            emit progressChanged(meeting);
        }
    }
}

} // namespace chamber::services
