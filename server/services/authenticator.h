// Turns a presented credential into a Principal. Today: the admin token. Device credentials
// (kiosks enrolled by QR code) are added here, so REST and WebSocket stay the same.
#pragma once

#include "services/principal.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace chamber::services {

class Authenticator
{
public:
    explicit Authenticator(QByteArray adminToken)
        : m_adminToken(std::move(adminToken))
    { }

    std::optional<Principal> authenticate(const QString &credential) const;
    // For "Authorization: Bearer <token>".
    std::optional<Principal> authenticateHeader(const QByteArray &authorization) const;

private:
    QByteArray m_adminToken;
};

// Compares without an early exit, so the time taken says nothing about how much matched.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace chamber::services
