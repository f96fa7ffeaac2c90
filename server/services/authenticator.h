// Turns a presented credential into a Principal: the admin token, the credential of an
// enrolled device, or a named account's session cookie. REST and WebSocket both come through
// here.
#pragma once

#include "services/principal.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>

namespace chamber::services {

class AccountService;
class DeviceRegistry;

class Authenticator
{
public:
    explicit Authenticator(QByteArray adminToken, const DeviceRegistry *devices = nullptr)
        : m_adminToken(std::move(adminToken))
        , m_devices(devices)
    { }

    std::optional<Principal> authenticate(const QString &credential) const;
    // For "Authorization: Bearer <token>".
    std::optional<Principal> authenticateHeader(const QByteArray &authorization) const;
    // An HTTP request: by its Authorization header when it has one (no CSRF token needed),
    // else by its chamber_session cookie (the principal carries the CSRF token to check).
    std::optional<Principal> authenticateRequest(
        const QByteArray &authorization, const QByteArray &cookieHeader) const;
    // The session cookie of a Cookie header (a WebSocket's upgrade request).
    std::optional<Principal> authenticateCookie(const QByteArray &cookieHeader) const;

    // An account's session was used other than by a request (a WebSocket message).
    void sessionUsed(const Principal &principal) const;

    // The council of a meeting (0: none): a device's principal carries its meeting's council,
    // the only one it may act in (services/permissions.h, Scope::Council).
    void setCouncilOfMeeting(std::function<qint64(qint64 meeting)> councilOf)
    {
        m_councilOfMeeting = std::move(councilOf);
    }

    // Sessions of named accounts (null: cookies authenticate nobody).
    void setAccounts(AccountService *accounts) { m_accounts = accounts; }

private:
    QByteArray m_adminToken;
    const DeviceRegistry *m_devices;
    AccountService *m_accounts = nullptr; // a session's use is recorded (idle limit)
    std::function<qint64(qint64)> m_councilOfMeeting;
};

// Compares without an early exit, so the time taken says nothing about how much matched.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace chamber::services
