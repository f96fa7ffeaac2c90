#include "devicemodel.h"

#include <QJsonObject>

namespace chamber::kiosk {

int DeviceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant DeviceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    switch (Role(role)) {
    case DeviceIdRole:
        return int(row.device.id);
    case LabelRole:
        return row.device.label;
    case DeviceRoleRole:
        return row.device.role;
    case NameRole:
        return row.device.name;
    case OnlineRole:
        return row.online;
    case SinceRole:
        return row.since;
    case RevokedRole:
        return row.device.revoked;
    }
    return {};
}

QHash<int, QByteArray> DeviceModel::roleNames() const
{
    return {{DeviceIdRole, "deviceId"}, {LabelRole, "label"}, {DeviceRoleRole, "deviceRole"},
        {NameRole, "name"}, {OnlineRole, "online"}, {SinceRole, "since"}, {RevokedRole, "revoked"}};
}

int DeviceModel::onlineCount() const
{
    return int(
        std::count_if(m_rows.begin(), m_rows.end(), [](const Row &row) { return row.online; }));
}

void DeviceModel::update(const core::MeetingState &meeting, const QJsonArray &presence)
{
    QHash<qint64, QJsonObject> byDevice;
    for (const QJsonValue &value : presence)
        byDevice.insert(
            value.toObject().value(QLatin1String("device")).toInteger(), value.toObject());
    beginResetModel();
    m_rows.clear();
    // Offline first (those need attention), then by label.
    for (const auto &[id, device] : meeting.devices) {
        if (device.revoked)
            continue;
        const QJsonObject state = byDevice.value(id);
        m_rows.push_back(Row {device, state.value(QLatin1String("online")).toBool(),
            QDateTime::fromString(
                state.value(QLatin1String("since")).toString(), Qt::ISODateWithMs)});
    }
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) {
        if (a.online != b.online)
            return !a.online;
        return a.device.label.localeAwareCompare(b.device.label) < 0;
    });
    endResetModel();
    emit countChanged();
}

} // namespace chamber::kiosk
