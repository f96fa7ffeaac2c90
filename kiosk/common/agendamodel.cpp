#include "agendamodel.h"

#include "rowsupdate.h"

namespace chamber::kiosk {

int AgendaModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant AgendaModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    switch (Role(role)) {
    case ItemIdRole:
        return int(row.id);
    case NumberRole:
        return row.number;
    case TitleRole:
        return row.title;
    case DescriptionRole:
        return row.description;
    case KindRole:
        return row.kind;
    case DepthRole:
        return row.depth;
    case CurrentRole:
        return row.current;
    }
    return {};
}

QHash<int, QByteArray> AgendaModel::roleNames() const
{
    return {{ItemIdRole, "itemId"}, {NumberRole, "number"}, {TitleRole, "title"},
        {DescriptionRole, "description"}, {KindRole, "kind"}, {DepthRole, "depth"},
        {CurrentRole, "current"}};
}

int AgendaModel::rowOf(int itemId) const
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == itemId)
            return int(i);
    }
    return -1;
}

int AgendaModel::neighbour(int itemId, int step) const
{
    const int row = rowOf(itemId);
    const int next = row < 0 ? (step > 0 ? 0 : int(m_rows.size()) - 1) : row + step;
    return next >= 0 && next < int(m_rows.size()) ? int(m_rows[size_t(next)].id) : 0;
}

void AgendaModel::update(const core::MeetingState &meeting)
{
    std::vector<Row> rows;
    for (qint64 id : meeting.agenda.preorder()) {
        const core::AgendaItem *item = meeting.agenda.find(id);
        rows.push_back(Row {id, meeting.agenda.number(id), item->title, item->description,
            item->kind, meeting.agenda.depth(id), id == meeting.currentItem});
    }
    updateRows(
        m_rows, std::move(rows),
        [this](auto replace) {
            beginResetModel();
            replace();
            endResetModel();
        },
        [this](int row) { emit dataChanged(index(row), index(row)); });
}

} // namespace chamber::kiosk
