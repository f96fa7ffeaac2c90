#include "delegatemodel.h"

#include <QDateTime>

namespace chamber::kiosk {

namespace {
bool sameRow(const core::Delegate &a, const core::Delegate &b)
{
    return a.id == b.id && a.name == b.name && a.seat == b.seat && a.group == b.group
        && a.weight == b.weight && a.present == b.present && a.presentSince == b.presentSince;
}
} // namespace

int DelegateModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant DelegateModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::Delegate &row = m_rows[size_t(index.row())];
    switch (Role(role)) {
    case DelegateIdRole:
        return int(row.id);
    case NameRole:
        return row.name;
    case SeatRole:
        return row.seat;
    case GroupRole:
        return row.group;
    case WeightRole:
        return int(row.weight);
    case PresentRole:
        return row.present;
    case PresentSinceRole:
        return row.present ? QDateTime::fromString(row.presentSince, Qt::ISODateWithMs)
                           : QDateTime();
    }
    return {};
}

QHash<int, QByteArray> DelegateModel::roleNames() const
{
    return {{DelegateIdRole, "delegateId"}, {NameRole, "name"}, {SeatRole, "seat"},
        {GroupRole, "group"}, {WeightRole, "weight"}, {PresentRole, "present"},
        {PresentSinceRole, "presentSince"}};
}

void DelegateModel::update(const core::MeetingState &meeting)
{
    std::vector<core::Delegate> rows;
    for (const auto &[id, delegate] : meeting.roster.all())
        rows.push_back(delegate);
    std::stable_sort(
        rows.begin(), rows.end(), [](const core::Delegate &a, const core::Delegate &b) {
            if (a.seat.isEmpty() != b.seat.isEmpty())
                return b.seat.isEmpty(); // seated people first
            return core::compareSeats(a.seat, b.seat) < 0;
        });
    const bool sameShape = rows.size() == m_rows.size()
        && std::equal(rows.begin(), rows.end(), m_rows.begin(),
            [](const core::Delegate &a, const core::Delegate &b) { return a.id == b.id; });
    if (!sameShape) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        emit countChanged();
        return;
    }
    for (size_t i = 0; i < rows.size(); ++i) {
        if (sameRow(rows[i], m_rows[i]))
            continue;
        m_rows[i] = rows[i];
        emit dataChanged(index(int(i)), index(int(i)));
    }
}

} // namespace chamber::kiosk
