#include "services/authenticator.h"

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
    return m_devices ? m_devices->authenticate(credential) : std::nullopt;
}

std::optional<Principal> Authenticator::authenticateHeader(const QByteArray &authorization) const
{
    static const QByteArray prefix = "Bearer ";
    if (!authorization.startsWith(prefix))
        return std::nullopt;
    return authenticate(QString::fromUtf8(authorization.mid(prefix.size()).trimmed()));
}

} // namespace chamber::services
