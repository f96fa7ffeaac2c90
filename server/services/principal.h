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
    Board, // a follow-up board screen of the meeting's council (read-only, like a tally)
};

QString roleName(DeviceRole role);
std::optional<DeviceRole> roleFromName(const QString &name);

// What a named account (a person at a browser) may do; see services/permissions.cpp.
enum class AccountRole {
    Admin, // accounts and the server, and everything a secretary may
    Secretary, // prepares and runs meetings
    Observer, // reads meetings, documents and published results (e.g. the press office)
    Liaison, // an organisation's liaison: reads and reports on its own tasks in one council
};

QString accountRoleName(AccountRole role);
std::optional<AccountRole> accountRoleFromName(const QString &name);

struct Principal
{
    // Anonymous is the default, so a principal nobody authenticated can do nothing that
    // needs a credential (it used to default to the admin).
    enum class Kind {
        Anonymous, // no credential (or one that did not authenticate)
        Admin, // the secretary's token
        Device, // an enrolled device's credential
        Reader, // a phone reader link: reads one meeting's documents for one delegate
        Account, // a named account, by its session cookie (id "account:<name>")
    };
    Kind kind = Kind::Anonymous;
    // Stable identifier: the actor in the event log and the scope of request ids.
    QString id;
    // Devices (device, meeting, role, delegate) and readers (meeting, delegate).
    qint64 device = 0;
    qint64 meeting = 0;
    DeviceRole role = DeviceRole::Tally;
    qint64 delegate = 0; // the seat's delegate, for DeviceRole::Delegate and readers
    // Accounts: which, with what role.
    qint64 account = 0;
    AccountRole accountRole = AccountRole::Observer;
    // Set when the request was authenticated by the session cookie: the CSRF token its
    // state-changing requests must carry (a browser sends cookies on its own, headers not).
    QByteArray csrf;
    // The session's key (SHA-256 of its cookie), so a logout can close its WebSockets.
    QByteArray sessionHash;
    // Councils: a liaison account's council and organisation; a device's meeting's council
    // (filled when it authenticates; 0: a meeting of no council).
    qint64 council = 0;
    qint64 organisation = 0;

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
    static Principal forAccount(qint64 account, const QString &name, AccountRole role)
    {
        Principal principal {Kind::Account, QStringLiteral("account:") + name};
        principal.account = account;
        principal.accountRole = role;
        return principal;
    }
    bool isAnonymous() const { return kind == Kind::Anonymous; }
    bool isAdmin() const { return kind == Kind::Admin; }
    bool isDevice() const { return kind == Kind::Device; }
    bool isReader() const { return kind == Kind::Reader; }
    bool isAccount() const { return kind == Kind::Account; }
    bool isLiaison() const { return isAccount() && accountRole == AccountRole::Liaison; }
    // The admin token and accounts act in every meeting (what they may do there is the table's);
    // a liaison account in none: it reports on its organisation's tasks only.
    bool spansMeetings() const { return isAdmin() || (isAccount() && !isLiaison()); }
};

} // namespace chamber::services
