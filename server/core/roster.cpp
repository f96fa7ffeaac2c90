#include "core/roster.h"

#include <QJsonObject>

namespace chamber::core {

int compareSeats(const QString &a, const QString &b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (a.at(i).isDigit() && b.at(j).isDigit()) {
            const qsizetype startA = i;
            const qsizetype startB = j;
            while (i < a.size() && a.at(i).isDigit())
                ++i;
            while (j < b.size() && b.at(j).isDigit())
                ++j;
            // Compare the numbers without converting (no overflow): strip leading zeros,
            // then the longer is larger, then digit by digit.
            QStringView left = QStringView(a).mid(startA, i - startA);
            QStringView right = QStringView(b).mid(startB, j - startB);
            while (left.size() > 1 && left.front() == u'0')
                left = left.mid(1);
            while (right.size() > 1 && right.front() == u'0')
                right = right.mid(1);
            if (left.size() != right.size())
                return left.size() < right.size() ? -1 : 1;
            if (const int order = left.compare(right); order != 0)
                return order < 0 ? -1 : 1;
            continue;
        }
        const QChar x = a.at(i).toCaseFolded();
        const QChar y = b.at(j).toCaseFolded();
        if (x != y)
            return x < y ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size())
        return 1;
    if (j < b.size())
        return -1;
    return 0;
}

QJsonObject Delegate::toJson() const
{
    QJsonObject json {
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("group"), group},
        {QStringLiteral("seat"), seat},
        {QStringLiteral("weight"), weight},
        {QStringLiteral("present"), present},
        {QStringLiteral("absenceReason"), absenceReason},
    };
    if (present)
        json.insert(QStringLiteral("presentSince"), presentSince);
    if (member)
        json.insert(QStringLiteral("member"), member);
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
