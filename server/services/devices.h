// Enrolled devices and their credentials: who is who when a device says hello.
#pragma once

#include "protocol/error.h"
#include "services/principal.h"
#include "storage/devicestore.h"
#include "storage/eventstore.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

namespace chamber::services {

// A device credential is "d<id>.<secret>": the id finds the row, the secret (256 random bits)
// proves possession; only its SHA-256 is stored.
QString makeCredential(qint64 device, const QByteArray &secret);
QByteArray hashSecret(const QByteArray &secret);
QByteArray randomSecret(int bytes);

class DeviceRegistry
{
public:
    explicit DeviceRegistry(storage::EventStore &store)
        : m_store(store)
    { }

    Status load();
    std::optional<Principal> authenticate(const QString &credential) const;
    bool isRevoked(qint64 device) const;

    // Keeps the credentials table in step with device.revoked events (a MeetingService
    // projection: runs inside the commit's transaction).
    Status project(storage::Database &db, const std::vector<storage::PendingEvent> &events);
    // After a commit: the in-memory copy follows.
    void remember(const storage::DeviceRow &row) { m_devices.insert(row.id, row); }
    void forgetRevoked(const std::vector<protocol::Event> &events);

private:
    storage::EventStore &m_store;
    QHash<qint64, storage::DeviceRow> m_devices;
};

} // namespace chamber::services
