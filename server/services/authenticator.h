// Turns a presented credential into a Principal: the admin token, or the credential of an
// enrolled device. REST and WebSocket both come through here.
#pragma once

#include "services/principal.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace chamber::services {

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

private:
    QByteArray m_adminToken;
    const DeviceRegistry *m_devices;
};

// Compares without an early exit, so the time taken says nothing about how much matched.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace chamber::services
