// Polls and proxies: creating, opening, closing (with the ballots the services supply),
// publishing (with the signature they supply), and checking ballots.
#include "core/ballots.h"
#include "core/commandroutes.h"
#include "protocol/text.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <array>

namespace chamber::core {

namespace {

using protocol::Message;

const QLatin1String kPoll("poll");

Result<const Poll *> findPoll(const MeetingState &state, const Message &command)
{
    const qint64 id = command.integer(kPoll);
    const auto it = state.polls.find(id);
    if (it == state.polls.end())
        return notFoundError(QStringLiteral("poll"), id, QStringLiteral("poll"));
    return &it->second;
}

Error conflict(const QString &message)
{
    return makeError(ErrorCode::Conflict, message);
}

Result<Decision> pollCreate(
    const MeetingState &state, const Message &command, const DecisionContext &)
{
    const QString title = command.string(QLatin1String("title")).trimmed();
    if (title.isEmpty())
        return makeError(ErrorCode::BadField, QStringLiteral("title must not be blank"),
            QStringLiteral("title"));
    const qint64 item = command.optionalInteger(QLatin1String("item")).value_or(0);
    if (item && !state.agenda.contains(item))
        return notFoundError(QStringLiteral("agenda item"), item, QStringLiteral("item"));
    QStringList choices;
    QSet<QString> seen;
    for (const QJsonValue &value : command.body.value(QLatin1String("choices")).toArray()) {
        // A candidate's name is a label like a delegate's (protocol/text.h).
        const QString choice = protocol::normalizedLabel(value.toString());
        if (!value.isString() || choice.isEmpty() || choice.size() > 200)
            return makeError(ErrorCode::BadField,
                QStringLiteral("each choice is a name of 1 to 200 characters"),
                QStringLiteral("choices"));
        if (auto problem = protocol::labelProblem(choice))
            return makeError(ErrorCode::BadField,
                QStringLiteral("choice %1 %2").arg(choices.size() + 1).arg(*problem),
                QStringLiteral("choices"));
        if (choice == QLatin1String("abstain") || seen.contains(choice.toLower()))
            return makeError(ErrorCode::BadField,
                QStringLiteral("choice \"%1\" appears twice or is reserved").arg(choice.left(40)),
                QStringLiteral("choices"));
        seen.insert(choice.toLower());
        choices << choice;
    }
    if (!choices.isEmpty() && (choices.size() < 2 || choices.size() > 50))
        return makeError(ErrorCode::BadField,
            QStringLiteral("a single-choice poll has 2 to 50 choices"), QStringLiteral("choices"));
    auto rule = MajorityRule::fromJson(command.object(QLatin1String("rule")));
    if (!rule)
        return rule.error();
    const qint64 id = state.nextPollId();
    return singleEvent(QStringLiteral("poll.created"),
        {{kPoll, id}, {QStringLiteral("title"), title},
            {QStringLiteral("item"), item ? QJsonValue(item) : QJsonValue()},
            {QStringLiteral("choices"), QJsonArray::fromStringList(choices)},
            {QStringLiteral("secret"), command.boolean(QLatin1String("secret"))},
            {QStringLiteral("rule"), rule->toJson()},
            {QStringLiteral("allowChange"), command.boolean(QLatin1String("allowChange"))}},
        {{kPoll, id}});
}

Result<Decision> pollOpen(
    const MeetingState &state, const Message &command, const DecisionContext &)
{
    auto poll = findPoll(state, command);
    if (!poll)
        return poll.error();
    switch ((*poll)->state) {
    case PollState::Open:
        return unchangedDecision();
    case PollState::Closed:
    case PollState::Published:
        return conflict(
            QStringLiteral("poll %1 is already closed; a closed poll cannot be reopened")
                .arg((*poll)->id));
    case PollState::Draft:
        break;
    }
    // One vote at a time: tablets show one set of voting buttons.
    if (const Poll *open = state.openPoll())
        return conflict(QStringLiteral("poll %1 is still open; close it first").arg(open->id));
    return singleEvent(QStringLiteral("poll.opened"), {{kPoll, (*poll)->id}});
}

Result<Decision> pollClose(
    const MeetingState &state, const Message &command, const DecisionContext &context)
{
    auto found = findPoll(state, command);
    if (!found)
        return found.error();
    const Poll &poll = **found;
    if (poll.state == PollState::Closed || poll.state == PollState::Published)
        return unchangedDecision();
    if (poll.state == PollState::Draft)
        return conflict(QStringLiteral("poll %1 was never opened").arg(poll.id));
    if (!context.ballots)
        return makeError(ErrorCode::Internal,
            QStringLiteral("the ballots of poll %1 are not available").arg(poll.id));

    const PollBallots &ballots = *context.ballots;
    PollClosing closing;
    closing.context = pollContext(state, poll.rule);
    const Tally tally = tallyBallots(poll, ballots);
    closing.outcome = evaluate(poll.rule, poll.choices, tally, closing.context);
    // The record names every choice of the poll, also those nobody chose.
    closing.tally.ballots = tally.ballots;
    for (const QString &choice : poll.validChoices()) {
        const auto counted = tally.counts.find(choice);
        closing.tally.counts[choice] = counted == tally.counts.end() ? 0 : counted->second;
    }
    for (const SecretBallot &ballot : ballots.secret)
        closing.receipts << ballot.receipt;
    // Sorted receipts reveal nothing about the order ballots came in.
    closing.receipts.sort();
    closing.voters = ballots.voters;
    std::sort(closing.voters.begin(), closing.voters.end());
    closing.ballots = ballots.named;
    std::sort(closing.ballots.begin(), closing.ballots.end(),
        [](const NamedBallot &a, const NamedBallot &b) { return a.delegate < b.delegate; });
    return singleEvent(QStringLiteral("poll.closed"), closing.toJson(poll.id));
}

Result<Decision> pollPublish(
    const MeetingState &state, const Message &command, const DecisionContext &context)
{
    auto found = findPoll(state, command);
    if (!found)
        return found.error();
    const Poll &poll = **found;
    if (poll.state == PollState::Published)
        return unchangedDecision();
    if (poll.state != PollState::Closed)
        return conflict(
            QStringLiteral("poll %1 must be closed before its result is published").arg(poll.id));
    if (context.signature.isEmpty())
        return makeError(ErrorCode::Internal, QStringLiteral("the result could not be signed"));
    return singleEvent(QStringLiteral("poll.published"),
        {{kPoll, poll.id}, {QStringLiteral("document"), resultDocument(state, poll)},
            {QStringLiteral("signature"), context.signature},
            {QStringLiteral("publicKey"), context.publicKey}});
}

Result<Decision> proxyGive(
    const MeetingState &state, const Message &command, const DecisionContext &)
{
    const qint64 giver = command.integer(QLatin1String("delegate"));
    const qint64 holder = command.integer(QLatin1String("holder"));
    if (!state.allowProxies)
        return conflict(QStringLiteral("this meeting does not allow proxies"));
    const Delegate *from = state.roster.find(giver);
    const Delegate *to = state.roster.find(holder);
    if (!from)
        return notFoundError(QStringLiteral("delegate"), giver, QStringLiteral("delegate"));
    if (!to)
        return notFoundError(QStringLiteral("delegate"), holder, QStringLiteral("holder"));
    if (giver == holder)
        return makeError(ErrorCode::Invalid,
            QStringLiteral("a delegate cannot hold their own proxy"), QStringLiteral("holder"));
    if (!from->isMember() || !to->isMember())
        return makeError(ErrorCode::Invalid,
            QStringLiteral("only voting members give and hold proxies"),
            QStringLiteral("delegate"));
    if (const auto it = state.proxies.find(giver); it != state.proxies.end())
        return it->second == holder
            ? Result<Decision>(unchangedDecision())
            : Result<Decision>(conflict(
                QStringLiteral("%1 has already given a proxy; revoke it first").arg(from->name)));
    // No chains and one proxy per holder: every vote has one person answering for it.
    if (state.proxies.count(holder))
        return conflict(QStringLiteral("%1 has given their own proxy away").arg(to->name));
    for (const auto &[otherGiver, otherHolder] : state.proxies) {
        if (otherHolder == holder)
            return conflict(QStringLiteral("%1 already holds a proxy").arg(to->name));
        if (otherHolder == giver)
            return conflict(QStringLiteral("%1 holds a proxy and cannot give one").arg(from->name));
    }
    if (state.openPoll())
        return conflict(QStringLiteral("proxies cannot change while a poll is open"));
    return singleEvent(QStringLiteral("proxy.given"),
        {{QStringLiteral("delegate"), giver}, {QStringLiteral("holder"), holder}});
}

Result<Decision> proxyRevoke(
    const MeetingState &state, const Message &command, const DecisionContext &)
{
    const qint64 giver = command.integer(QLatin1String("delegate"));
    if (!state.proxies.count(giver))
        return unchangedDecision();
    if (state.openPoll())
        return conflict(QStringLiteral("proxies cannot change while a poll is open"));
    return singleEvent(QStringLiteral("proxy.revoked"), {{QStringLiteral("delegate"), giver}});
}

constexpr std::array kPollRoutes {
    CommandRoute {"poll.create", pollCreate},
    CommandRoute {"poll.open", pollOpen},
    CommandRoute {"poll.close", pollClose},
    CommandRoute {"poll.publish", pollPublish},
    CommandRoute {"proxy.give", proxyGive},
    CommandRoute {"proxy.revoke", proxyRevoke},
};

} // namespace

std::span<const CommandRoute> pollRoutes()
{
    return kPollRoutes;
}

VotingRightCheck votingRight(
    const MeetingState &meeting, const Poll &poll, qint64 delegate, qint64 castBy)
{
    if (poll.state == PollState::Draft)
        return {VotingRight::PollNotOpen};
    if (poll.state != PollState::Open)
        return {VotingRight::PollClosed};
    const Delegate *voter = meeting.roster.find(delegate);
    if (!voter)
        return {VotingRight::UnknownDelegate};
    if (!voter->isMember())
        return {VotingRight::NotAMember};
    const auto given = meeting.proxies.find(delegate);
    if (castBy == delegate) {
        if (given != meeting.proxies.end())
            return {VotingRight::ProxyGiven, given->second};
        return {voter->present ? VotingRight::MayVote : VotingRight::NotCheckedIn};
    }
    // For someone else: only as their proxy holder, and only while present.
    if (given == meeting.proxies.end() || given->second != castBy)
        return {VotingRight::NotProxyHolder};
    const Delegate *holder = meeting.roster.find(castBy);
    if (!holder || !holder->present)
        return {VotingRight::HolderNotCheckedIn, castBy};
    return {VotingRight::MayVote, castBy};
}

qint64 castingVoter(const MeetingState &meeting, qint64 delegate)
{
    const auto given = meeting.proxies.find(delegate);
    return given == meeting.proxies.end() ? delegate : given->second;
}

Result<BallotTarget> checkBallot(const MeetingState &meeting, qint64 pollId, qint64 delegate,
    qint64 castBy, const QString &choice)
{
    const auto found = meeting.polls.find(pollId);
    if (found == meeting.polls.end())
        return notFoundError(QStringLiteral("poll"), pollId, QStringLiteral("poll"));
    const Poll &poll = found->second;
    const VotingRightCheck check = votingRight(meeting, poll, delegate, castBy);
    const QString field = QStringLiteral("delegate");
    auto forbidden = [&field](const QString &message) {
        return makeError(ErrorCode::Forbidden, message, field);
    };
    // The poll's state is judged before the choice, the choice before the voter.
    switch (check.right) {
    case VotingRight::PollNotOpen:
        return makeError(
            ErrorCode::Conflict, QStringLiteral("voting has not started"), QStringLiteral("poll"));
    case VotingRight::PollClosed:
        return makeError(
            ErrorCode::Conflict, QStringLiteral("voting has closed"), QStringLiteral("poll"));
    default:
        break;
    }
    if (!poll.validChoices().contains(choice))
        return makeError(ErrorCode::BadField,
            QStringLiteral("\"%1\" is not a choice of this poll").arg(choice.left(40)),
            QStringLiteral("choice"));
    switch (check.right) {
    case VotingRight::MayVote:
        return BallotTarget {meeting.roster.find(delegate)->weight, check.proxyHolder};
    case VotingRight::PollNotOpen:
    case VotingRight::PollClosed:
        break; // answered above
    case VotingRight::UnknownDelegate:
        return notFoundError(QStringLiteral("delegate"), delegate, field);
    case VotingRight::NotAMember:
        return forbidden(QStringLiteral("%1 takes part without a vote")
                             .arg(meeting.roster.find(delegate)->name));
    case VotingRight::ProxyGiven:
        return forbidden(QStringLiteral("you gave your proxy; your proxy holder votes for you"));
    case VotingRight::NotCheckedIn:
        return forbidden(QStringLiteral("check in before voting"));
    case VotingRight::NotProxyHolder:
        return forbidden(
            QStringLiteral("a ballot can only be cast for yourself or for whom you hold a proxy"));
    case VotingRight::HolderNotCheckedIn:
        return forbidden(QStringLiteral("a proxy counts only while its holder is present"));
    }
    return makeError(ErrorCode::Internal, QStringLiteral("unexpected voting right"));
}

PollContext pollContext(const MeetingState &meeting, const MajorityRule &rule)
{
    PollContext context;
    context.memberHeads = meeting.roster.memberCount();
    context.presentHeads = meeting.roster.presentMemberCount();
    context.members = rule.byWeight ? meeting.roster.memberWeight() : context.memberHeads;
    context.presentMembers
        = rule.byWeight ? meeting.roster.presentMemberWeight() : context.presentHeads;
    return context;
}

Tally tallyBallots(const Poll &poll, const PollBallots &ballots)
{
    Tally tally;
    auto add = [&](const QString &choice, qint64 weight) {
        tally.counts[choice] += poll.rule.byWeight ? weight : 1;
        ++tally.ballots;
    };
    for (const NamedBallot &ballot : ballots.named)
        add(ballot.choice, ballot.weight);
    for (const SecretBallot &ballot : ballots.secret)
        add(ballot.choice, ballot.weight);
    return tally;
}

QJsonObject resultDocument(const MeetingState &meeting, const Poll &poll)
{
    // The parts as the poll.closed event wrote them: what the log and the signature say agree.
    const QJsonObject closing = poll.closing ? poll.closing->toJson(poll.id) : QJsonObject();
    return QJsonObject {
        {QStringLiteral("type"), QStringLiteral("chamber.poll-result")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("meeting"),
            QJsonObject {
                {QStringLiteral("id"), meeting.id}, {QStringLiteral("title"), meeting.title}}},
        {QStringLiteral("poll"),
            QJsonObject {{QStringLiteral("id"), poll.id}, {QStringLiteral("title"), poll.title},
                {QStringLiteral("item"), poll.item ? QJsonValue(poll.item) : QJsonValue()},
                {QStringLiteral("choices"), QJsonArray::fromStringList(poll.choices)},
                {QStringLiteral("secret"), poll.secret},
                {QStringLiteral("rule"), poll.rule.toJson()},
                {QStringLiteral("ruleText"), poll.rule.describe()},
                {QStringLiteral("openedAt"), poll.openedAt},
                {QStringLiteral("closedAt"), poll.closedAt}}},
        {QStringLiteral("context"), closing.value(QLatin1String("context"))},
        {QStringLiteral("tally"), closing.value(QLatin1String("tally"))},
        {QStringLiteral("outcome"), closing.value(QLatin1String("outcome"))},
        {QStringLiteral("receipts"), closing.value(QLatin1String("receipts"))},
        {QStringLiteral("voters"), closing.value(QLatin1String("voters"))},
        {QStringLiteral("ballots"), closing.value(QLatin1String("ballots"))},
        {QStringLiteral("lastEvent"),
            QJsonObject {{QStringLiteral("seq"), meeting.seq},
                {QStringLiteral("hash"), QString::fromLatin1(meeting.lastHash.toHex())}}},
    };
}

} // namespace chamber::core
