#include "core/agenda.h"

#include <QJsonObject>

#include <algorithm>

namespace chamber::core {

namespace {
const std::vector<qint64> kNoChildren;
} // namespace

const AgendaItem *Agenda::find(qint64 id) const
{
    const auto it = m_items.find(id);
    return it == m_items.end() ? nullptr : &it->second;
}

AgendaItem *Agenda::findMutable(qint64 id)
{
    const auto it = m_items.find(id);
    return it == m_items.end() ? nullptr : &it->second;
}

const std::vector<qint64> &Agenda::children(qint64 parent) const
{
    const auto it = m_children.find(parent);
    return it == m_children.end() ? kNoChildren : it->second;
}

Status Agenda::checkInsert(qint64 parent, qint64 position) const
{
    if (parent != kRoot && !contains(parent))
        return makeError(ErrorCode::NotFound,
            QStringLiteral("parent item %1 does not exist").arg(parent), QStringLiteral("parent"));
    const auto siblings = qint64(children(parent).size());
    if (position < 0 || position > siblings)
        return makeError(ErrorCode::Invalid,
            QStringLiteral("position %1 is outside 0..%2").arg(position).arg(siblings),
            QStringLiteral("position"));
    return success();
}

Status Agenda::checkMove(qint64 id, qint64 newParent, qint64 position) const
{
    const AgendaItem *item = find(id);
    if (!item)
        return makeError(ErrorCode::NotFound, QStringLiteral("item %1 does not exist").arg(id),
            QStringLiteral("item"));
    if (newParent != kRoot && !contains(newParent))
        return makeError(ErrorCode::NotFound,
            QStringLiteral("parent item %1 does not exist").arg(newParent),
            QStringLiteral("parent"));
    if (newParent == id || isDescendant(newParent, id))
        return makeError(ErrorCode::Invalid,
            QStringLiteral("item %1 cannot move under itself").arg(id), QStringLiteral("parent"));
    // Among the new siblings, the moved item itself does not count.
    qint64 siblings = qint64(children(newParent).size());
    if (item->parent == newParent)
        --siblings;
    if (position < 0 || position > siblings)
        return makeError(ErrorCode::Invalid,
            QStringLiteral("position %1 is outside 0..%2").arg(position).arg(siblings),
            QStringLiteral("position"));
    return success();
}

void Agenda::insert(const AgendaItem &item, qint64 position)
{
    m_items[item.id] = item;
    m_lastId = std::max(m_lastId, item.id);
    auto &siblings = m_children[item.parent];
    siblings.insert(
        siblings.begin() + std::clamp<qint64>(position, 0, qint64(siblings.size())), item.id);
}

void Agenda::move(qint64 id, qint64 newParent, qint64 position)
{
    AgendaItem &item = m_items.at(id);
    auto &oldSiblings = m_children[item.parent];
    oldSiblings.erase(std::remove(oldSiblings.begin(), oldSiblings.end(), id), oldSiblings.end());
    item.parent = newParent;
    auto &newSiblings = m_children[newParent];
    newSiblings.insert(
        newSiblings.begin() + std::clamp<qint64>(position, 0, qint64(newSiblings.size())), id);
}

std::vector<qint64> Agenda::remove(qint64 id)
{
    std::vector<qint64> removed {id};
    collect(id, removed);
    const qint64 parent = m_items.at(id).parent;
    auto &siblings = m_children[parent];
    siblings.erase(std::remove(siblings.begin(), siblings.end(), id), siblings.end());
    for (qint64 gone : removed) {
        m_items.erase(gone);
        m_children.erase(gone);
    }
    return removed;
}

qint64 Agenda::indexOf(qint64 id) const
{
    const AgendaItem *item = find(id);
    if (!item)
        return -1;
    const auto &siblings = children(item->parent);
    return qint64(std::find(siblings.begin(), siblings.end(), id) - siblings.begin());
}

bool Agenda::isDescendant(qint64 candidate, qint64 ancestor) const
{
    // Walk up from the candidate; depth is bounded by the number of items.
    for (const AgendaItem *item = find(candidate); item; item = find(item->parent)) {
        if (item->parent == ancestor)
            return true;
    }
    return false;
}

void Agenda::collect(qint64 parent, std::vector<qint64> &out) const
{
    for (qint64 child : children(parent)) {
        out.push_back(child);
        collect(child, out);
    }
}

std::vector<qint64> Agenda::preorder() const
{
    std::vector<qint64> out;
    out.reserve(m_items.size());
    collect(kRoot, out);
    return out;
}

QString Agenda::number(qint64 id) const
{
    const AgendaItem *item = find(id);
    if (!item || item->kind == QLatin1String("break"))
        return {};
    int ordinal = 0;
    for (qint64 sibling : children(item->parent)) {
        if (find(sibling)->kind != QLatin1String("break"))
            ++ordinal;
        if (sibling == id)
            break;
    }
    const QString own = QString::number(ordinal);
    if (item->parent == kRoot)
        return own;
    const QString parentNumber = number(item->parent);
    return parentNumber.isEmpty() ? own : parentNumber + u'.' + own;
}

int Agenda::depth(qint64 id) const
{
    int depth = 0;
    for (const AgendaItem *item = find(id); item && item->parent != kRoot;
         item = find(item->parent))
        ++depth;
    return depth;
}

QJsonArray Agenda::toJson() const
{
    QJsonArray list;
    for (qint64 id : preorder()) {
        const AgendaItem &item = m_items.at(id);
        list.append(QJsonObject {
            {QStringLiteral("id"), item.id},
            {QStringLiteral("parent"),
                item.parent == kRoot ? QJsonValue() : QJsonValue(item.parent)},
            {QStringLiteral("position"), indexOf(id)},
            {QStringLiteral("depth"), depth(id)},
            {QStringLiteral("number"), number(id)},
            {QStringLiteral("title"), item.title},
            {QStringLiteral("description"), item.description},
            {QStringLiteral("kind"), item.kind},
        });
    }
    return list;
}

} // namespace chamber::core
