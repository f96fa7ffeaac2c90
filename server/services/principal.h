// Who is asking: decided from the credential presented at hello, in the Authorization header or
// in a phone reader link, never from a field of the request.
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
    // Anonymous is the default, so a principal nobody authenticated can do nothing that
    // needs a credential (it used to default to the admin).
    enum class Kind {
        Anonymous, // no credential (or one that did not authenticate)
        Admin, // the secretary's token
        Device, // an enrolled device's credential
        Reader, // a phone reader link: reads one meeting's documents for one delegate
    };
    Kind kind = Kind::Anonymous;
    // Stable identifier: the actor in the event log and the scope of request ids.
    QString id;
    // Devices (device, meeting, role, delegate) and readers (meeting, delegate).
    qint64 device = 0;
    qint64 meeting = 0;
    DeviceRole role = DeviceRole::Tally;
    qint64 delegate = 0; // the seat's delegate, for DeviceRole::Delegate and readers

    static Principal anonymous() { return Principal {}; }
    static Principal admin() { return Principal {Kind::Admin, QStringLiteral("admin")}; }
    static Principal forDevice(qint64 device, qint64 meeting, DeviceRole role, qint64 delegate)
    {
        return Principal {
            Kind::Device, QStringLiteral("device:%1").arg(device), device, meeting, role, delegate};
    }
    static Principal forReader(qint64 link, qint64 meeting, qint64 delegate)
    {
        return Principal {Kind::Reader, QStringLiteral("reader:%1").arg(link), 0, meeting,
            DeviceRole::Tally, delegate};
    }
    bool isAnonymous() const { return kind == Kind::Anonymous; }
    bool isAdmin() const { return kind == Kind::Admin; }
    bool isDevice() const { return kind == Kind::Device; }
    bool isReader() const { return kind == Kind::Reader; }
};

} // namespace chamber::services
