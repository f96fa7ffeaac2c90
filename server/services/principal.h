// Who is asking: decided from the credential presented at hello or in the Authorization
// header, never from a field of the request.
#pragma once

#include <QString>

#include <optional>

namespace chamber::services {

// What an enrolled device is for; fixed when its join code is made.
enum class DeviceRole {
    Delegate, // a seat's tablet, bound to one delegate
    Chair, // the chair console
    Tally, // the tally screen (read-only)
    Bridge, // a remote bridge point
};

QString roleName(DeviceRole role);
std::optional<DeviceRole> roleFromName(const QString &name);

struct Principal
{
    enum class Kind { Admin, Device };
    Kind kind = Kind::Admin;
    // Stable identifier: the actor in the event log and the scope of request ids.
    QString id;
    // Devices only.
    qint64 device = 0;
    qint64 meeting = 0;
    DeviceRole role = DeviceRole::Tally;
    qint64 delegate = 0; // the seat's delegate, for DeviceRole::Delegate

    static Principal admin() { return Principal {Kind::Admin, QStringLiteral("admin")}; }
    static Principal forDevice(qint64 device, qint64 meeting, DeviceRole role, qint64 delegate)
    {
        return Principal {
            Kind::Device, QStringLiteral("device:%1").arg(device), device, meeting, role, delegate};
    }
    bool isAdmin() const { return kind == Kind::Admin; }
    bool isDevice() const { return kind == Kind::Device; }
};

} // namespace chamber::services
