// One screen of the follow-up board for QML: owner headings and task cards, in the order the
// board layout gives (column after column). The view tells the model its grid (rows per column
// and columns); the model cuts the board into screens and shows one, turned by the view.
#pragma once

#include "boarddata.h"
#include "boardlayout.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace chamber::kiosk {

class BoardModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by Board")
    Q_PROPERTY(int count READ rowCount NOTIFY layoutDone)
    Q_PROPERTY(int screen READ screen WRITE setScreen NOTIFY layoutDone)
    Q_PROPERTY(int screenCount READ screenCount NOTIFY layoutDone)
    Q_PROPERTY(int taskCount READ taskCount NOTIFY layoutDone)

public:
    enum Role {
        CellKindRole = Qt::UserRole + 1, // string: owner, task, empty
        OwnerKindRole, // string: member, organisation
        OwnerIdRole, // int
        OwnerNameRole, // string
        ContinuedRole, // bool: an owner heading repeated at the top of a column
        OverdueCountRole, // int, the owner's tasks (whole board, not this screen)
        DueSoonCountRole, // int
        OnTimeCountRole, // int
        ClosedCountRole, // int: done and cancelled
        TotalCountRole, // int
        TaskIdRole, // int; 0 on owner cells
        TitleRole, // string
        StatusRole, // string: open, inProgress, done, cancelled
        ColourRole, // string: onTime, dueSoon, overdue, done, cancelled
        DeadlineRole, // date-time (local time)
        DaysLeftRole, // int: whole days from the board's instant to the deadline (< 0: late)
        OriginMeetingRole, // int; 0: not from a conclusion
        OriginConclusionRole, // int
        NotesRole, // int: progress notes so far
    };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setBoard(const Board &board);
    // rows <= 0: everything on one scrolling screen.
    Q_INVOKABLE void setGrid(int rows, int columns);
    int screen() const { return m_screen; }
    void setScreen(int screen);
    int screenCount() const { return int(m_screens.size()); }
    int taskCount() const { return m_taskCount; }
    // The next screen, back to the first after the last (the wall display's turn).
    Q_INVOKABLE void nextScreen();

    // Whole days from `now` to `deadline`, counted by calendar day in Vietnam (UTC+7): a
    // deadline at 23:59:59 tomorrow is 1 day away all day today.
    static int daysLeft(const QDateTime &now, const QDateTime &deadline);

Q_SIGNALS:
    void layoutDone();

private:
    void relayout();

    Board m_board;
    int m_rows = 0;
    int m_columns = 0;
    int m_screen = 0;
    int m_taskCount = 0;
    std::vector<BoardScreen> m_screens {BoardScreen {}};
};

} // namespace chamber::kiosk
