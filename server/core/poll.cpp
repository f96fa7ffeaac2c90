#include "core/poll.h"

namespace chamber::core {

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
    if (!closing.isEmpty())
        json.insert(QStringLiteral("closing"), closing);
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
    poll.closing = json.value(QLatin1String("closing")).toObject();
    poll.published = json.value(QLatin1String("published")).toObject();
    return poll;
}

} // namespace chamber::core
