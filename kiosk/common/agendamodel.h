// The agenda in display order, for QML lists. Follows the meeting state: when only texts or
// the current item change, rows are updated in place, so a list keeps its scroll position.
#pragma once

#include "core/meeting.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace chamber::kiosk {

class AgendaModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by Kiosk")

public:
    enum Role {
        ItemIdRole = Qt::UserRole + 1, // int: the item's id
        NumberRole, // string: "2.1"; empty for breaks
        TitleRole, // string
        DescriptionRole, // string
        KindRole, // string: item, section, break
        DepthRole, // int: 0 for top level
        CurrentRole, // bool: the item under discussion
    };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void update(const core::MeetingState &meeting);
    Q_INVOKABLE int rowOf(int itemId) const;
    // The item in display order before/after `itemId` (0 when there is none); breaks count.
    Q_INVOKABLE int neighbour(int itemId, int step) const;

private:
    struct Row
    {
        qint64 id = 0;
        QString number;
        QString title;
        QString description;
        QString kind;
        int depth = 0;
        bool current = false;
        bool operator==(const Row &) const = default;
    };
    std::vector<Row> m_rows;
};

} // namespace chamber::kiosk
