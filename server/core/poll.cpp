#include "core/poll.h"

#include "protocol/message.h"

#include <algorithm>

namespace chamber::core {

namespace {

const QLatin1String kContext("context");
const QLatin1String kTally("tally");
const QLatin1String kCounts("counts");
const QLatin1String kBallots("ballots");
const QLatin1String kOutcome("outcome");
const QLatin1String kVerdict("verdict");
const QLatin1String kWinner("winner");
const QLatin1String kReceipts("receipts");
const QLatin1String kVoters("voters");
const QLatin1String kDelegate("delegate");
const QLatin1String kChoice("choice");
const QLatin1String kWeight("weight");
const QLatin1String kProxyHolder("proxyHolder");

std::optional<Verdict> verdictFromName(const QString &name)
{
    for (Verdict verdict : {Verdict::Passed, Verdict::Failed, Verdict::Tie, Verdict::NoQuorum,
             Verdict::Elected, Verdict::NoWinner}) {
        if (verdictName(verdict) == name)
            return verdict;
    }
    return std::nullopt;
}

// Reads the parts of a poll.closed event one by one; the first thing missing or of the wrong
// type is remembered and the rest read as zero, so one message names what was wrong.
class ClosingReader
{
public:
    QJsonObject object(const QJsonObject &json, QLatin1String key)
    {
        const QJsonValue value = json.value(key);
        if (!value.isObject())
            fail(key, "an object");
        return value.toObject();
    }
    QJsonArray array(const QJsonObject &json, QLatin1String key)
    {
        const QJsonValue value = json.value(key);
        if (!value.isArray())
            fail(key, "an array");
        return value.toArray();
    }
    qint64 integer(const QJsonValue &value, QLatin1String key)
    {
        // isDouble() is true for every JSON number; a fraction is as wrong as a string.
        if (!protocol::isJsonInteger(value))
            fail(key, "an integer");
        return value.toInteger();
    }
    qint64 integer(const QJsonObject &json, QLatin1String key)
    {
        return integer(json.value(key), key);
    }
    QString string(const QJsonValue &value, QLatin1String key)
    {
        if (!value.isString())
            fail(key, "a string");
        return value.toString();
    }
    QString string(const QJsonObject &json, QLatin1String key)
    {
        return string(json.value(key), key);
    }
    void fail(QLatin1String key, const char *expected)
    {
        if (m_problem.isEmpty())
            m_problem
                = QStringLiteral("poll.closed: \"%1\" is not %2").arg(key, QLatin1String(expected));
    }
    const QString &problem() const { return m_problem; }

private:
    QString m_problem;
};

} // namespace

qint64 PollClosing::count(const QString &choice) const
{
    const auto it = tally.counts.find(choice);
    return it == tally.counts.end() ? 0 : it->second;
}

qint64 PollClosing::totalCount() const
{
    qint64 total = 0;
    for (const auto &[choice, count] : tally.counts)
        total += count;
    return total;
}

const NamedBallot *PollClosing::ballotOf(qint64 delegate) const
{
    const auto it = std::find_if(ballots.begin(), ballots.end(),
        [delegate](const NamedBallot &ballot) { return ballot.delegate == delegate; });
    return it == ballots.end() ? nullptr : &*it;
}

QJsonObject PollClosing::toJson(qint64 poll) const
{
    QJsonObject counts;
    for (const auto &[choice, count] : tally.counts)
        counts.insert(choice, count);
    QJsonArray voterList;
    for (qint64 voter : voters)
        voterList.append(voter);
    QJsonArray rollCall;
    for (const NamedBallot &ballot : ballots) {
        QJsonObject entry {
            {kDelegate, ballot.delegate}, {kChoice, ballot.choice}, {kWeight, ballot.weight}};
        if (ballot.proxyHolder)
            entry.insert(kProxyHolder, ballot.proxyHolder);
        rollCall.append(entry);
    }
    return QJsonObject {
        {QStringLiteral("poll"), poll},
        {kContext,
            QJsonObject {{QStringLiteral("members"), context.members},
                {QStringLiteral("presentMembers"), context.presentMembers},
                {QStringLiteral("memberHeads"), context.memberHeads},
                {QStringLiteral("presentHeads"), context.presentHeads}}},
        {kTally, QJsonObject {{kCounts, counts}, {kBallots, tally.ballots}}},
        {kOutcome, outcome.toJson()},
        {kReceipts, QJsonArray::fromStringList(receipts)},
        {kVoters, voterList},
        {kBallots, rollCall},
    };
}

Result<PollClosing> PollClosing::fromJson(const QJsonObject &json)
{
    ClosingReader read;
    PollClosing closing;
    const QJsonObject context = read.object(json, kContext);
    closing.context.members = read.integer(context, QLatin1String("members"));
    closing.context.presentMembers = read.integer(context, QLatin1String("presentMembers"));
    closing.context.memberHeads = read.integer(context, QLatin1String("memberHeads"));
    closing.context.presentHeads = read.integer(context, QLatin1String("presentHeads"));

    const QJsonObject tally = read.object(json, kTally);
    const QJsonObject counts = read.object(tally, kCounts);
    for (auto it = counts.begin(); it != counts.end(); ++it)
        closing.tally.counts[it.key()] = read.integer(it.value(), kCounts);
    closing.tally.ballots = read.integer(tally, kBallots);

    const QJsonObject outcome = read.object(json, kOutcome);
    const auto verdict = verdictFromName(read.string(outcome, kVerdict));
    if (!verdict)
        read.fail(kVerdict, "a verdict");
    closing.outcome.verdict = verdict.value_or(Verdict::Failed);
    // Only a single-choice poll with a winner names one.
    if (outcome.contains(kWinner)) {
        closing.outcome.winner = read.string(outcome, kWinner);
        if (closing.outcome.winner.isEmpty())
            read.fail(kWinner, "a name");
    }
    closing.outcome.base = read.integer(outcome, QLatin1String("base"));
    closing.outcome.required = read.integer(outcome, QLatin1String("required"));
    closing.outcome.decisive = read.integer(outcome, QLatin1String("decisive"));
    closing.outcome.explanation = read.string(outcome, QLatin1String("explanation"));

    for (const QJsonValue &receipt : read.array(json, kReceipts))
        closing.receipts << read.string(receipt, kReceipts);
    for (const QJsonValue &voter : read.array(json, kVoters))
        closing.voters.push_back(read.integer(voter, kVoters));
    for (const QJsonValue &value : read.array(json, kBallots)) {
        if (!value.isObject())
            read.fail(kBallots, "a list of objects");
        const QJsonObject entry = value.toObject();
        NamedBallot ballot;
        ballot.delegate = read.integer(entry, kDelegate);
        ballot.choice = read.string(entry, kChoice);
        ballot.weight = read.integer(entry, kWeight);
        if (entry.contains(kProxyHolder)) {
            ballot.proxyHolder = read.integer(entry, kProxyHolder);
            if (ballot.proxyHolder <= 0)
                read.fail(kProxyHolder, "a delegate");
        }
        closing.ballots.push_back(ballot);
    }
    if (!read.problem().isEmpty())
        return makeError(ErrorCode::Invalid, read.problem());
    return closing;
}

QString pollStateName(PollState state)
{
    switch (state) {
    case PollState::Draft:
        return QStringLiteral("draft");
    case PollState::Open:
        return QStringLiteral("open");
    case PollState::Closed:
        return QStringLiteral("closed");
    case PollState::Published:
        return QStringLiteral("published");
    }
    return {};
}

std::optional<PollState> pollStateFromName(const QString &name)
{
    for (PollState state :
        {PollState::Draft, PollState::Open, PollState::Closed, PollState::Published}) {
        if (pollStateName(state) == name)
            return state;
    }
    return std::nullopt;
}

QStringList Poll::validChoices() const
{
    if (isYesNo())
        return {QStringLiteral("yes"), QStringLiteral("no"), QStringLiteral("abstain")};
    return choices + QStringList {QStringLiteral("abstain")};
}

QJsonObject Poll::toJson() const
{
    QJsonObject json {
        {QStringLiteral("id"), id},
        {QStringLiteral("item"), item ? QJsonValue(item) : QJsonValue()},
        {QStringLiteral("title"), title},
        {QStringLiteral("choices"), QJsonArray::fromStringList(choices)},
        {QStringLiteral("secret"), secret},
        {QStringLiteral("rule"), rule.toJson()},
        {QStringLiteral("ruleText"), rule.describe()},
        {QStringLiteral("allowChange"), allowChange},
        {QStringLiteral("state"), pollStateName(state)},
        {QStringLiteral("createdAt"), createdAt},
        {QStringLiteral("openedAt"), openedAt},
        {QStringLiteral("closedAt"), closedAt},
        {QStringLiteral("publishedAt"), publishedAt},
    };
    if (closing)
        json.insert(QStringLiteral("closing"), closing->toJson(id));
    if (!published.isEmpty())
        json.insert(QStringLiteral("published"), published);
    return json;
}

Result<Poll> Poll::fromJson(const QJsonObject &json)
{
    Poll poll;
    poll.id = json.value(QLatin1String("id")).toInteger();
    poll.item = json.value(QLatin1String("item")).toInteger();
    poll.title = json.value(QLatin1String("title")).toString();
    for (const QJsonValue &choice : json.value(QLatin1String("choices")).toArray())
        poll.choices << choice.toString();
    poll.secret = json.value(QLatin1String("secret")).toBool();
    auto rule = MajorityRule::fromJson(json.value(QLatin1String("rule")).toObject());
    if (!rule)
        return rule.error();
    poll.rule = rule.value();
    poll.allowChange = json.value(QLatin1String("allowChange")).toBool();
    const auto state = pollStateFromName(json.value(QLatin1String("state")).toString());
    if (poll.id <= 0 || !state)
        return makeError(ErrorCode::Invalid, QStringLiteral("snapshot: poll without id or state"));
    poll.state = *state;
    poll.createdAt = json.value(QLatin1String("createdAt")).toString();
    poll.openedAt = json.value(QLatin1String("openedAt")).toString();
    poll.closedAt = json.value(QLatin1String("closedAt")).toString();
    poll.publishedAt = json.value(QLatin1String("publishedAt")).toString();
    if (json.contains(QLatin1String("closing"))) {
        const QJsonObject data = json.value(QLatin1String("closing")).toObject();
        auto closing = PollClosing::fromJson(data);
        if (!closing)
            return makeError(ErrorCode::Invalid,
                QStringLiteral("snapshot: poll %1: %2").arg(poll.id).arg(closing.error().message));
        if (data.value(QLatin1String("poll")).toInteger() != poll.id)
            return makeError(ErrorCode::Invalid,
                QStringLiteral("snapshot: poll %1: its closing names another poll").arg(poll.id));
        poll.closing = std::move(closing.value());
    }
    poll.published = json.value(QLatin1String("published")).toObject();
    return poll;
}

} // namespace chamber::core
