#include "core/speakers.h"

#include <QDateTime>
#include <QJsonArray>

namespace chamber::core {

qint64 SpeakerState::positionOf(qint64 delegate) const
{
    for (size_t i = 0; i < queue.size(); ++i) {
        if (queue[i] == delegate)
            return qint64(i);
    }
    return -1;
}

QJsonObject SpeakerState::toJson() const
{
    QJsonArray waiting;
    for (qint64 delegate : queue)
        waiting.append(QJsonObject {{QStringLiteral("delegate"), delegate},
            {QStringLiteral("requestedAt"), requestedAt.at(delegate)}});
    QJsonArray totals;
    for (const auto &[delegate, ms] : totalMs)
        totals.append(
            QJsonObject {{QStringLiteral("delegate"), delegate}, {QStringLiteral("ms"), ms}});
    return QJsonObject {
        {QStringLiteral("queue"), waiting},
        {QStringLiteral("current"), current ? QJsonValue(current) : QJsonValue()},
        {QStringLiteral("since"), since},
        {QStringLiteral("limitSeconds"), limitSeconds},
        {QStringLiteral("defaultLimitSeconds"), defaultLimitSeconds},
        {QStringLiteral("totals"), totals},
    };
}

Result<SpeakerState> SpeakerState::fromJson(const QJsonObject &json)
{
    SpeakerState state;
    for (const QJsonValue &value : json.value(QLatin1String("queue")).toArray()) {
        const qint64 delegate = value.toObject().value(QLatin1String("delegate")).toInteger();
        if (delegate <= 0 || state.positionOf(delegate) >= 0)
            return makeError(
                ErrorCode::Invalid, QStringLiteral("snapshot: speaker queue is damaged"));
        state.queue.push_back(delegate);
        state.requestedAt[delegate]
            = value.toObject().value(QLatin1String("requestedAt")).toString();
    }
    state.current = json.value(QLatin1String("current")).toInteger();
    state.since = json.value(QLatin1String("since")).toString();
    state.limitSeconds = json.value(QLatin1String("limitSeconds")).toInteger();
    state.defaultLimitSeconds = json.value(QLatin1String("defaultLimitSeconds")).toInteger();
    for (const QJsonValue &value : json.value(QLatin1String("totals")).toArray()) {
        const QJsonObject total = value.toObject();
        state.totalMs[total.value(QLatin1String("delegate")).toInteger()]
            = total.value(QLatin1String("ms")).toInteger();
    }
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
