#include "ctl/connectionsettings.h"

#include "protocol/tlspin.h"

#include <QFile>
#include <QSslCertificate>
#include <QStandardPaths>

namespace chamber::ctl {

namespace {
enum class TokenPolicy { Required, None };
Result<Connection> resolve(const Arguments &arguments, TokenPolicy policy);
} // namespace

QString defaultDataDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/chamber");
}

Result<Connection> resolveConnection(const Arguments &arguments)
{
    return resolve(arguments, TokenPolicy::Required);
}

Result<Connection> resolvePublicConnection(const Arguments &arguments)
{
    return resolve(arguments, TokenPolicy::None);
}

namespace {

Result<Connection> resolve(const Arguments &arguments, TokenPolicy policy)
{
    const QString dataDir = arguments.value(QStringLiteral("data"), defaultDataDirectory());
    Connection connection;

    const QString server = arguments.value(QStringLiteral("server"),
        qEnvironmentVariable("CHAMBER_SERVER", QStringLiteral("https://127.0.0.1:8443")));
    connection.server = QUrl(server);
    if (!connection.server.isValid() || connection.server.scheme() != QLatin1String("https")
        || connection.server.host().isEmpty())
        return makeError(ErrorCode::BadField,
            QStringLiteral("--server must be an https:// URL, not \"%1\"").arg(server));

    if (policy == TokenPolicy::None) {
        // Public routes only: no token is read, so none can leak to a server we merely ask.
    } else if (arguments.has(QStringLiteral("token-file"))
        || !qEnvironmentVariableIsSet("CHAMBER_TOKEN")) {
        const QString path = arguments.value(
            QStringLiteral("token-file"), dataDir + QStringLiteral("/admin.token"));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Unauthenticated,
                QStringLiteral("no admin token: cannot read %1 (%2); use --token-file "
                               "or CHAMBER_TOKEN")
                    .arg(path, file.errorString()));
        connection.token = file.readAll().trimmed();
    } else {
        connection.token = qgetenv("CHAMBER_TOKEN").trimmed();
    }

    QString pin = arguments.value(QStringLiteral("pin"), qEnvironmentVariable("CHAMBER_PIN"));
    if (pin.isEmpty()) {
        const QString path = dataDir + QStringLiteral("/tls/cert.pem");
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Unauthenticated,
                QStringLiteral("no key pin: cannot read %1 (%2); use --pin or "
                               "CHAMBER_PIN with the spkiSha256 chamberd logs")
                    .arg(path, file.errorString()));
        connection.pin = protocol::spkiSha256(QSslCertificate(file.readAll(), QSsl::Pem));
    } else {
        connection.pin = protocol::parsePin(pin);
        if (connection.pin.isEmpty())
            return makeError(ErrorCode::BadField,
                QStringLiteral("--pin must be 43 base64url or 64 hex characters"));
    }
    return connection;
}

} // namespace

} // namespace chamber::ctl
