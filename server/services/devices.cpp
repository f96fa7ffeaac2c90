#include "services/devices.h"

#include "services/authenticator.h"
#include "storage/devicestore.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace chamber::services {

QString makeCredential(qint64 device, const QByteArray &secret)
{
    return QStringLiteral("d%1.%2").arg(device).arg(QString::fromLatin1(
        secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
}

QByteArray hashSecret(const QByteArray &secret)
{
    return QCryptographicHash::hash(secret, QCryptographicHash::Sha256);
}

QByteArray randomSecret(int bytes)
{
    QByteArray secret(bytes, '\0');
    // The system generator reads the kernel's CSPRNG.
    QRandomGenerator::system()->generate(secret.begin(), secret.end());
    return secret;
}

Status DeviceRegistry::load()
{
    storage::DeviceStore devices(m_store.database());
    auto rows = devices.devices();
    if (!rows)
        return rows.error();
    m_devices.clear();
    for (const storage::DeviceRow &row : rows.value())
        m_devices.insert(row.id, row);
    return success();
}

std::optional<Principal> DeviceRegistry::authenticate(const QString &credential) const
{
    if (!credential.startsWith(u'd'))
        return std::nullopt;
    const qsizetype dot = credential.indexOf(u'.');
    bool idOk = false;
    const qint64 id = credential.mid(1, dot - 1).toLongLong(&idOk);
    if (dot < 2 || !idOk)
        return std::nullopt;
    const auto it = m_devices.constFind(id);
    if (it == m_devices.constEnd() || !it->revoked.isEmpty())
        return std::nullopt;
    auto secret = QByteArray::fromBase64Encoding(credential.mid(dot + 1).toLatin1(),
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
            | QByteArray::AbortOnBase64DecodingErrors);
    if (!secret || !constantTimeEquals(hashSecret(secret.decoded), it->credentialHash))
        return std::nullopt;
    const auto role = roleFromName(it->role);
    if (!role)
        return std::nullopt;
    return Principal::forDevice(it->id, it->meeting, *role, it->delegate);
}

bool DeviceRegistry::isRevoked(qint64 device) const
{
    const auto it = m_devices.constFind(device);
    return it == m_devices.constEnd() || !it->revoked.isEmpty();
}

Status DeviceRegistry::project(
    storage::Database &db, const std::vector<storage::PendingEvent> &events)
{
    storage::DeviceStore devices(db);
    for (const storage::PendingEvent &event : events) {
        if (event.kind != QLatin1String("device.revoked"))
            continue;
        if (auto status = devices.markRevoked(
                event.data.value(QLatin1String("device")).toInteger(), event.time);
            !status)
            return status;
    }
    return success();
}

void DeviceRegistry::forgetRevoked(const std::vector<protocol::Event> &events)
{
    for (const protocol::Event &event : events) {
        if (event.kind != QLatin1String("device.revoked"))
            continue;
        auto it = m_devices.find(event.data.value(QLatin1String("device")).toInteger());
        if (it != m_devices.end())
            it->revoked = event.time;
    }
}

} // namespace chamber::services
