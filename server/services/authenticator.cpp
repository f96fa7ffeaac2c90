#include "services/authenticator.h"

#include "services/accountservice.h"
#include "services/devices.h"

namespace chamber::services {

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    // Lengths are not secret (tokens have a fixed length); the contents are.
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

std::optional<Principal> Authenticator::authenticate(const QString &credential) const
{
    if (!m_adminToken.isEmpty() && constantTimeEquals(credential.toUtf8(), m_adminToken))
        return Principal::admin();
    auto principal = m_devices ? m_devices->authenticate(credential) : std::nullopt;
    if (principal && m_councilOfMeeting)
        principal->council = m_councilOfMeeting(principal->meeting);
    return principal;
}

std::optional<Principal> Authenticator::authenticateHeader(const QByteArray &authorization) const
{
    static const QByteArray prefix = "Bearer ";
    if (!authorization.startsWith(prefix))
        return std::nullopt;
    return authenticate(QString::fromUtf8(authorization.mid(prefix.size()).trimmed()));
}

std::optional<Principal> Authenticator::authenticateRequest(
    const QByteArray &authorization, const QByteArray &cookieHeader) const
{
    if (!authorization.isEmpty())
        return authenticateHeader(authorization);
    return authenticateCookie(cookieHeader);
}

std::optional<Principal> Authenticator::authenticateCookie(const QByteArray &cookieHeader) const
{
    if (!m_accounts || cookieHeader.isEmpty())
        return std::nullopt;
    const QByteArray value = AccountService::cookieFromHeader(cookieHeader);
    return value.isEmpty() ? std::nullopt : m_accounts->authenticateSession(value);
}

void Authenticator::sessionUsed(const Principal &principal) const
{
    if (m_accounts && principal.isAccount())
        m_accounts->touch(principal.sessionHash);
}

} // namespace chamber::services
