// The delegates with their seats and attendance, for QML lists and seat grids.
#pragma once

#include "core/meeting.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace chamber::kiosk {

class DelegateModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by Kiosk")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        DelegateIdRole = Qt::UserRole + 1, // int
        NameRole, // string
        SeatRole, // string
        GroupRole, // string
        WeightRole, // int; 0: guest without a vote
        PresentRole, // bool
        PresentSinceRole, // date-time (UTC) or invalid
    };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void update(const core::MeetingState &meeting);

Q_SIGNALS:
    void countChanged();

private:
    // Rows are in seat order (natural: "A2" before "A10"), the order of the room.
    std::vector<core::Delegate> m_rows;
};

} // namespace chamber::kiosk
