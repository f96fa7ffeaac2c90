#include "services/permissions.h"

#include <QStringList>

namespace chamber::services {

namespace {

Error forbidden(const QString &why)
{
    return makeError(ErrorCode::Forbidden, why);
}

// Commands a device role may send. Everything else is the secretary's (admin) work.
const QStringList &commandsOf(DeviceRole role)
{
    static const QStringList chair {QStringLiteral("meeting.start"), QStringLiteral("meeting.end"),
        QStringLiteral("agenda.select"), QStringLiteral("attendance.checkIn"),
        QStringLiteral("attendance.checkOut"), QStringLiteral("poll.create"),
        QStringLiteral("poll.open"), QStringLiteral("poll.close"), QStringLiteral("poll.publish"),
        QStringLiteral("speaker.request"), QStringLiteral("speaker.withdraw"),
        QStringLiteral("speaker.move"), QStringLiteral("speaker.grant"),
        QStringLiteral("speaker.end"), QStringLiteral("speaker.setLimit"),
        QStringLiteral("proxy.give"), QStringLiteral("proxy.revoke"),
        QStringLiteral("document.present")};
    // ballot.cast: whose ballot it may be is decided with the meeting's proxies (checkBallot).
    static const QStringList delegate {QStringLiteral("attendance.checkIn"),
        QStringLiteral("attendance.checkOut"), QStringLiteral("speaker.request"),
        QStringLiteral("speaker.withdraw"), QStringLiteral("ballot.cast")};
    // A bridge point asks for the floor for its own site (checked in authorizeCommand).
    static const QStringList bridge {
        QStringLiteral("speaker.request"), QStringLiteral("speaker.withdraw")};
    static const QStringList none;
    switch (role) {
    case DeviceRole::Chair:
        return chair;
    case DeviceRole::Delegate:
        return delegate;
    case DeviceRole::Bridge:
        return bridge;
    case DeviceRole::Tally:
        return none;
    }
    return none;
}

} // namespace

QString roleName(DeviceRole role)
{
    switch (role) {
    case DeviceRole::Delegate:
        return QStringLiteral("delegate");
    case DeviceRole::Chair:
        return QStringLiteral("chair");
    case DeviceRole::Tally:
        return QStringLiteral("tally");
    case DeviceRole::Bridge:
        return QStringLiteral("bridge");
    }
    return {};
}

std::optional<DeviceRole> roleFromName(const QString &name)
{
    for (DeviceRole role :
        {DeviceRole::Delegate, DeviceRole::Chair, DeviceRole::Tally, DeviceRole::Bridge}) {
        if (roleName(role) == name)
            return role;
    }
    return std::nullopt;
}

Status authorizeCommand(const Principal &principal, const protocol::Message &command)
{
    const QString type = command.type();
    // Nobody votes in somebody else's name, the secretary included.
    if (principal.isAdmin())
        return type == QLatin1String("ballot.cast")
            ? forbidden(QStringLiteral("ballots are cast from the delegates' own tablets"))
            : success();
    if (!commandsOf(principal.role).contains(type))
        return forbidden(
            QStringLiteral("a %1 device may not send %2").arg(roleName(principal.role), type));
    if (command.integer(QLatin1String("meeting")) != principal.meeting)
        return forbidden(QStringLiteral("this device belongs to another meeting"));
    // A seat's tablet acts for its own delegate; ballots for a proxy giver are checked with
    // the meeting's proxies when they are cast.
    if (principal.role == DeviceRole::Delegate && type != QLatin1String("ballot.cast")
        && command.integer(QLatin1String("delegate")) != principal.delegate)
        return forbidden(QStringLiteral("a seat's tablet acts only for its own delegate"));
    if (principal.role == DeviceRole::Bridge
        && (!command.has(QLatin1String("bridge"))
            || command.integer(QLatin1String("bridge")) != principal.device))
        return forbidden(QStringLiteral("a bridge point asks for the floor only for itself"));
    return success();
}

Status authorizeSubscribe(const Principal &principal, qint64 meeting)
{
    if (principal.isAdmin() || principal.meeting == meeting)
        return success();
    return forbidden(QStringLiteral("this device belongs to another meeting"));
}

Status authorizeSeatCodes(const Principal &principal, qint64 meeting)
{
    if (principal.isAdmin())
        return success();
    if ((principal.role == DeviceRole::Tally || principal.role == DeviceRole::Chair)
        && principal.meeting == meeting)
        return success();
    return forbidden(QStringLiteral("only the tally screen and the chair console show seat codes"));
}

Status authorizeReaderLink(const Principal &principal, qint64 meeting, qint64 delegate)
{
    if (principal.isAdmin())
        return success();
    if (principal.role != DeviceRole::Delegate)
        return forbidden(QStringLiteral("reader links are asked for by a delegate's own tablet"));
    if (principal.meeting != meeting)
        return forbidden(QStringLiteral("this device belongs to another meeting"));
    if (principal.delegate != delegate)
        return forbidden(QStringLiteral("a seat's tablet asks for its own delegate's link only"));
    return success();
}

Status authorizeMedia(const Principal &principal, qint64 meeting)
{
    if (!principal.isDevice()
        || (principal.role != DeviceRole::Bridge && principal.role != DeviceRole::Tally))
        return forbidden(
            QStringLiteral("the video programme goes to enrolled bridge devices only"));
    if (principal.meeting != meeting)
        return forbidden(QStringLiteral("this device belongs to another meeting"));
    return success();
}

bool seesPresence(const Principal &principal, qint64 meeting)
{
    return principal.isAdmin()
        || (principal.role == DeviceRole::Chair && principal.meeting == meeting);
}

} // namespace chamber::services
