// The agenda of a meeting: an ordered tree of items.
#pragma once

#include "protocol/error.h"

#include <QJsonArray>
#include <QString>

#include <algorithm>
#include <map>
#include <vector>

namespace chamber::core {

// Top-level items have this parent.
constexpr qint64 kRoot = 0;

struct AgendaItem
{
    qint64 id = 0;
    qint64 parent = kRoot;
    QString title;
    QString description;
    QString kind = QStringLiteral("item"); // item, section or break
};

class Agenda
{
public:
    bool contains(qint64 id) const { return m_items.count(id) > 0; }
    const AgendaItem *find(qint64 id) const;
    const std::vector<qint64> &children(qint64 parent) const;
    // Ids are never reused, even after the highest is removed: the log and the minutes refer
    // to items by id.
    qint64 nextId() const { return m_lastId + 1; }
    qint64 lastId() const { return m_lastId; }
    void reserveIds(qint64 lastId) { m_lastId = std::max(m_lastId, lastId); }
    qsizetype size() const { return qsizetype(m_items.size()); }

    // Checks, without changing anything, that an item could be inserted or moved there.
    // Positions are 0-based indices among the siblings, after the move.
    Status checkInsert(qint64 parent, qint64 position) const;
    Status checkMove(qint64 id, qint64 newParent, qint64 position) const;

    // Mutations assume the matching check passed.
    void insert(const AgendaItem &item, qint64 position);
    void move(qint64 id, qint64 newParent, qint64 position);
    // Removes the item and its descendants; returns the removed ids, the item first.
    std::vector<qint64> remove(qint64 id);
    AgendaItem *findMutable(qint64 id);

    qint64 indexOf(qint64 id) const;
    bool isDescendant(qint64 candidate, qint64 ancestor) const;
    // Depth-first, in display order.
    std::vector<qint64> preorder() const;
    // "2", "2.1", "2.1.3": position among numbered siblings; breaks are not numbered.
    QString number(qint64 id) const;
    int depth(qint64 id) const;

    // Display-order list: {id, parent, position, depth, number, title, description, kind}.
    QJsonArray toJson() const;

private:
    void collect(qint64 parent, std::vector<qint64> &out) const;

    std::map<qint64, AgendaItem> m_items;
    std::map<qint64, std::vector<qint64>> m_children;
    qint64 m_lastId = 0;
};

} // namespace chamber::core
