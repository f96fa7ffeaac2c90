#include "deviceidentity.h"

#include "protocol/tlspin.h"
#include "support/privatefile.h"

#include <QFile>
#include <QJsonDocument>

namespace chamber::kiosk {

bool DeviceIdentity::isValid() const
{
    static const QStringList roles {QStringLiteral("delegate"), QStringLiteral("chair"),
        QStringLiteral("tally"), QStringLiteral("bridge"), QStringLiteral("board")};
    return !host.isEmpty() && port > 0 && pin.size() == 32 && device > 0 && !credential.isEmpty()
        && meeting > 0 && roles.contains(role)
        && (role != QLatin1String("delegate") || delegate > 0);
}

QUrl DeviceIdentity::webSocketUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("wss"));
    url.setHost(host);
    url.setPort(port);
    url.setPath(QStringLiteral("/ws"));
    return url;
}

QJsonObject DeviceIdentity::toJson() const
{
    return QJsonObject {{QStringLiteral("host"), host}, {QStringLiteral("port"), port},
        {QStringLiteral("pin"), protocol::formatPin(pin)}, {QStringLiteral("device"), device},
        {QStringLiteral("credential"), credential}, {QStringLiteral("meeting"), meeting},
        {QStringLiteral("role"), role}, {QStringLiteral("delegate"), delegate},
        {QStringLiteral("label"), label}};
}

Result<DeviceIdentity> DeviceIdentity::fromJson(const QJsonObject &json)
{
    DeviceIdentity identity;
    identity.host = json.value(QLatin1String("host")).toString();
    identity.port = quint16(json.value(QLatin1String("port")).toInt());
    identity.pin = protocol::parsePin(json.value(QLatin1String("pin")).toString());
    identity.device = json.value(QLatin1String("device")).toInteger();
    identity.credential = json.value(QLatin1String("credential")).toString();
    identity.meeting = json.value(QLatin1String("meeting")).toInteger();
    identity.role = json.value(QLatin1String("role")).toString();
    identity.delegate = json.value(QLatin1String("delegate")).toInteger();
    identity.label = json.value(QLatin1String("label")).toString();
    if (!identity.isValid())
        return makeError(
            ErrorCode::Invalid, QStringLiteral("the stored device identity is incomplete"));
    return identity;
}

Result<DeviceIdentity> DeviceIdentity::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound, QStringLiteral("no device identity at %1").arg(path));
    return fromJson(QJsonDocument::fromJson(file.readAll()).object());
}

Status DeviceIdentity::save(const QString &path) const
{
    return support::writePrivateFile(path, QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
}

} // namespace chamber::kiosk
