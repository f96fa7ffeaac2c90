#include "core/speakers.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>

namespace chamber::core {

namespace {

const QLatin1String kDelegate("delegate");
const QLatin1String kBridge("bridge");

Error damagedSnapshot()
{
    return makeError(ErrorCode::Invalid, QStringLiteral("snapshot: speaker queue is damaged"));
}

QJsonArray totalsJson(const std::map<qint64, qint64> &totals, QLatin1String field)
{
    QJsonArray list;
    for (const auto &[id, ms] : totals)
        list.append(QJsonObject {{field, id}, {QStringLiteral("ms"), ms}});
    return list;
}

void readTotals(const QJsonValue &json, QLatin1String field, std::map<qint64, qint64> &totals)
{
    for (const QJsonValue &value : json.toArray()) {
        const QJsonObject total = value.toObject();
        totals[total.value(field).toInteger()] = total.value(QLatin1String("ms")).toInteger();
    }
}

} // namespace

QString Speaker::field() const
{
    return kind == Kind::Bridge ? QString(kBridge) : QString(kDelegate);
}

qint64 SpeakerState::positionOf(const Speaker &speaker) const
{
    const auto found = std::find(queue.begin(), queue.end(), speaker);
    return found == queue.end() ? -1 : qint64(found - queue.begin());
}

std::vector<qint64> SpeakerState::waitingDelegates() const
{
    std::vector<qint64> delegates;
    for (const Speaker &speaker : queue) {
        if (speaker.isDelegate())
            delegates.push_back(speaker.id);
    }
    return delegates;
}

void SpeakerState::remove(const Speaker &speaker, const QString &time)
{
    queue.erase(std::remove(queue.begin(), queue.end(), speaker), queue.end());
    requestedAt.erase(speaker);
    if (current != speaker)
        return;
    auto &totals = speaker.isBridge() ? bridgeTotalMs : totalMs;
    totals[speaker.id] += millisecondsBetween(since, time);
    current = Speaker {};
    since.clear();
    limitSeconds = 0;
}

QJsonObject SpeakerState::toJson() const
{
    QJsonArray waiting;
    for (const Speaker &speaker : queue)
        waiting.append(QJsonObject {{speaker.field(), speaker.id},
            {QStringLiteral("requestedAt"), requestedAt.at(speaker)}});
    const auto idOrNull = [](qint64 id) { return id ? QJsonValue(id) : QJsonValue(); };
    return QJsonObject {
        {QStringLiteral("queue"), waiting},
        // `current` is the delegate with the floor, as before sites could speak; a bridge
        // with the floor is `currentBridge` (and `current` is null).
        {QStringLiteral("current"), idOrNull(currentDelegate())},
        {QStringLiteral("currentBridge"), idOrNull(currentBridge())},
        {QStringLiteral("since"), since},
        {QStringLiteral("limitSeconds"), limitSeconds},
        {QStringLiteral("defaultLimitSeconds"), defaultLimitSeconds},
        {QStringLiteral("totals"), totalsJson(totalMs, kDelegate)},
        {QStringLiteral("bridgeTotals"), totalsJson(bridgeTotalMs, kBridge)},
    };
}

Result<SpeakerState> SpeakerState::fromJson(const QJsonObject &json)
{
    SpeakerState state;
    for (const QJsonValue &value : json.value(QLatin1String("queue")).toArray()) {
        const QJsonObject entry = value.toObject();
        // Exactly one of the two names the entry.
        if (entry.contains(kDelegate) == entry.contains(kBridge))
            return damagedSnapshot();
        const Speaker speaker = entry.contains(kBridge)
            ? Speaker::bridge(entry.value(kBridge).toInteger())
            : Speaker::delegate(entry.value(kDelegate).toInteger());
        if (speaker.id <= 0 || state.positionOf(speaker) >= 0)
            return damagedSnapshot();
        state.queue.push_back(speaker);
        state.requestedAt[speaker] = entry.value(QLatin1String("requestedAt")).toString();
    }
    const qint64 delegate = json.value(QLatin1String("current")).toInteger();
    const qint64 bridge = json.value(QLatin1String("currentBridge")).toInteger();
    if (delegate && bridge)
        return makeError(ErrorCode::Invalid,
            QStringLiteral("snapshot: a delegate and a bridge cannot both have the floor"));
    state.current = bridge ? Speaker::bridge(bridge) : Speaker::delegate(delegate);
    state.since = json.value(QLatin1String("since")).toString();
    state.limitSeconds = json.value(QLatin1String("limitSeconds")).toInteger();
    state.defaultLimitSeconds = json.value(QLatin1String("defaultLimitSeconds")).toInteger();
    readTotals(json.value(QLatin1String("totals")), kDelegate, state.totalMs);
    readTotals(json.value(QLatin1String("bridgeTotals")), kBridge, state.bridgeTotalMs);
    return state;
}

qint64 millisecondsBetween(const QString &from, const QString &to)
{
    const QDateTime start = QDateTime::fromString(from, Qt::ISODateWithMs);
    const QDateTime end = QDateTime::fromString(to, Qt::ISODateWithMs);
    if (!start.isValid() || !end.isValid())
        return 0;
    return std::max<qint64>(0, start.msecsTo(end));
}

} // namespace chamber::core
