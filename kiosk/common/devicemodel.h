// Enrolled devices with their connection state, for the chair console.
#pragma once

#include "core/meeting.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QJsonArray>
#include <QtQml/qqmlregistration.h>

namespace chamber::kiosk {

class DeviceModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by Kiosk")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int onlineCount READ onlineCount NOTIFY countChanged)

public:
    enum Role {
        DeviceIdRole = Qt::UserRole + 1, // int
        LabelRole, // string: "A01 · Nguyễn Văn Danh", "Chair console"
        DeviceRoleRole, // string: delegate, chair, tally, bridge
        NameRole, // string: the device's own name
        OnlineRole, // bool
        SinceRole, // date-time: last came online or went offline
        RevokedRole, // bool
    };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int onlineCount() const;

    // Devices from the meeting state, connection state from the server's presence list.
    void update(const core::MeetingState &meeting, const QJsonArray &presence);

Q_SIGNALS:
    void countChanged();

private:
    struct Row
    {
        core::DeviceInfo device;
        bool online = false;
        QDateTime since;
    };
    std::vector<Row> m_rows;
};

} // namespace chamber::kiosk
