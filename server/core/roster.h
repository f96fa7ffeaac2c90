// Delegates of a meeting and their attendance.
#pragma once

#include <QJsonArray>
#include <QString>

#include <algorithm>
#include <map>

namespace chamber::core {

// Orders seat labels as a room is laid out: digit runs by value ("A2" before "A10"), letters
// without regard to case; the same on every machine, whatever its locale.
int compareSeats(const QString &a, const QString &b);

struct Delegate
{
    qint64 id = 0;
    QString name;
    QString group;
    QString seat;
    qint64 weight = 1; // 0: takes part but does not vote and does not count for quorum
    bool present = false;
    QString presentSince; // time of the last check-in while present
    qint64 member = 0; // the council member this delegate is; 0: a guest, or no council
    QString absenceReason; // attendance.excused: why they are away ("" : no excuse given)

    bool isMember() const { return weight > 0; }
    QJsonObject toJson() const;
};

class Roster
{
public:
    const Delegate *find(qint64 id) const;
    Delegate *findMutable(qint64 id);
    // Seats are unique when set; an empty seat matches nothing.
    const Delegate *findBySeat(const QString &seat) const;
    // Never reused: ballots, speeches and the log refer to delegates by id.
    qint64 nextId() const { return m_lastId + 1; }
    qint64 lastId() const { return m_lastId; }
    void reserveIds(qint64 lastId) { m_lastId = std::max(m_lastId, lastId); }
    qsizetype size() const { return qsizetype(m_delegates.size()); }

    void add(const Delegate &delegate)
    {
        m_delegates[delegate.id] = delegate;
        m_lastId = std::max(m_lastId, delegate.id);
    }
    void remove(qint64 id) { m_delegates.erase(id); }

    qint64 memberCount() const;
    qint64 presentMemberCount() const;
    qint64 memberWeight() const;
    qint64 presentMemberWeight() const;
    qint64 presentCount() const; // everyone present, members or not

    const std::map<qint64, Delegate> &all() const { return m_delegates; }
    QJsonArray toJson() const;

private:
    std::map<qint64, Delegate> m_delegates;
    qint64 m_lastId = 0;
};

} // namespace chamber::core
