#include "core/roster.h"

#include <QJsonObject>

namespace chamber::core {

QJsonObject Delegate::toJson() const
{
    QJsonObject json {
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("group"), group},
        {QStringLiteral("seat"), seat},
        {QStringLiteral("weight"), weight},
        {QStringLiteral("present"), present},
    };
    if (present)
        json.insert(QStringLiteral("presentSince"), presentSince);
    return json;
}

const Delegate *Roster::find(qint64 id) const
{
    const auto it = m_delegates.find(id);
    return it == m_delegates.end() ? nullptr : &it->second;
}

Delegate *Roster::findMutable(qint64 id)
{
    const auto it = m_delegates.find(id);
    return it == m_delegates.end() ? nullptr : &it->second;
}

const Delegate *Roster::findBySeat(const QString &seat) const
{
    if (seat.isEmpty())
        return nullptr;
    for (const auto &[id, delegate] : m_delegates) {
        if (delegate.seat.compare(seat, Qt::CaseInsensitive) == 0)
            return &delegate;
    }
    return nullptr;
}

qint64 Roster::memberCount() const
{
    qint64 count = 0;
    for (const auto &[id, delegate] : m_delegates)
        count += delegate.isMember() ? 1 : 0;
    return count;
}

qint64 Roster::presentMemberCount() const
{
    qint64 count = 0;
    for (const auto &[id, delegate] : m_delegates)
        count += delegate.isMember() && delegate.present ? 1 : 0;
    return count;
}

qint64 Roster::memberWeight() const
{
    qint64 weight = 0;
    for (const auto &[id, delegate] : m_delegates)
        weight += delegate.weight;
    return weight;
}

qint64 Roster::presentMemberWeight() const
{
    qint64 weight = 0;
    for (const auto &[id, delegate] : m_delegates)
        weight += delegate.present ? delegate.weight : 0;
    return weight;
}

qint64 Roster::presentCount() const
{
    qint64 count = 0;
    for (const auto &[id, delegate] : m_delegates)
        count += delegate.present ? 1 : 0;
    return count;
}

QJsonArray Roster::toJson() const
{
    QJsonArray list;
    for (const auto &[id, delegate] : m_delegates)
        list.append(delegate.toJson());
    return list;
}

} // namespace chamber::core
