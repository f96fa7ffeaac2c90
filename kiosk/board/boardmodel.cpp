#include "boardmodel.h"

#include <QTimeZone>

namespace chamber::kiosk {

int BoardModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || m_screen >= int(m_screens.size()))
        return 0;
    return int(m_screens[size_t(m_screen)].size());
}

QVariant BoardModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BoardCell &cell = m_screens[size_t(m_screen)][size_t(index.row())];
    if (role == CellKindRole) {
        return cell.kind == BoardCell::Kind::Owner ? QStringLiteral("owner")
            : cell.kind == BoardCell::Kind::Task   ? QStringLiteral("task")
                                                   : QStringLiteral("empty");
    }
    if (cell.kind == BoardCell::Kind::Empty)
        return {};
    const BoardOwner &owner = m_board.owners[size_t(cell.owner)];
    const BoardTask *task
        = cell.kind == BoardCell::Kind::Task ? &owner.tasks[size_t(cell.task)] : nullptr;
    switch (Role(role)) {
    case CellKindRole:
        return {};
    case OwnerKindRole:
        return ownerKindName(owner.owner.kind);
    case OwnerIdRole:
        return int(owner.owner.id);
    case OwnerNameRole:
        return owner.owner.name;
    case ContinuedRole:
        return cell.continued;
    case OverdueCountRole:
        return owner.counts.overdue;
    case DueSoonCountRole:
        return owner.counts.dueSoon;
    case OnTimeCountRole:
        return owner.counts.onTime;
    case ClosedCountRole:
        return owner.counts.done + owner.counts.cancelled;
    case TotalCountRole:
        return owner.counts.total;
    case TaskIdRole:
        return task ? int(task->id) : 0;
    case TitleRole:
        return task ? task->title : QString();
    case StatusRole:
        return task ? task->status : QString();
    case ColourRole:
        return task ? taskColourName(task->colour) : QString();
    case DeadlineRole:
        return task ? task->deadline.toLocalTime() : QDateTime();
    case DaysLeftRole:
        return task ? daysLeft(m_board.now, task->deadline) : 0;
    case OriginMeetingRole:
        return task ? int(task->originMeeting) : 0;
    case OriginConclusionRole:
        return task ? int(task->originConclusion) : 0;
    case NotesRole:
        return task ? task->notes : 0;
    }
    return {};
}

QHash<int, QByteArray> BoardModel::roleNames() const
{
    return {{CellKindRole, "cellKind"}, {OwnerKindRole, "ownerKind"}, {OwnerIdRole, "ownerId"},
        {OwnerNameRole, "ownerName"}, {ContinuedRole, "continued"},
        {OverdueCountRole, "overdueCount"}, {DueSoonCountRole, "dueSoonCount"},
        {OnTimeCountRole, "onTimeCount"}, {ClosedCountRole, "closedCount"},
        {TotalCountRole, "totalCount"}, {TaskIdRole, "taskId"}, {TitleRole, "title"},
        {StatusRole, "status"}, {ColourRole, "colour"}, {DeadlineRole, "deadline"},
        {DaysLeftRole, "daysLeft"}, {OriginMeetingRole, "originMeeting"},
        {OriginConclusionRole, "originConclusion"}, {NotesRole, "notes"}};
}

void BoardModel::setBoard(const Board &board)
{
    m_board = board;
    m_taskCount = board.taskCount();
    relayout();
}

void BoardModel::setGrid(int rows, int columns)
{
    if (rows == m_rows && columns == m_columns)
        return;
    m_rows = rows;
    m_columns = columns;
    relayout();
}

void BoardModel::setScreen(int screen)
{
    screen = std::clamp(screen, 0, int(m_screens.size()) - 1);
    if (screen == m_screen)
        return;
    beginResetModel();
    m_screen = screen;
    endResetModel();
    emit layoutDone();
}

void BoardModel::nextScreen()
{
    setScreen(m_screen + 1 < int(m_screens.size()) ? m_screen + 1 : 0);
}

void BoardModel::relayout()
{
    beginResetModel();
    m_screens = layoutBoard(m_board.owners, m_rows, m_columns);
    // A refresh keeps the screen shown when it still exists.
    m_screen = std::clamp(m_screen, 0, int(m_screens.size()) - 1);
    endResetModel();
    emit layoutDone();
}

int BoardModel::daysLeft(const QDateTime &now, const QDateTime &deadline)
{
    if (!now.isValid() || !deadline.isValid())
        return 0;
    // Vietnam has no summer time: a fixed offset is its calendar.
    const QTimeZone vietnam(7 * 3600);
    return int(now.toTimeZone(vietnam).date().daysTo(deadline.toTimeZone(vietnam).date()));
}

} // namespace chamber::kiosk
