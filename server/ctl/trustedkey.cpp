#include "ctl/trustedkey.h"

#include "ctl/connectionsettings.h"
#include "protocol/ed25519.h"

#include <QFile>
#include <QRegularExpression>

namespace chamber::ctl {

bool TrustedKey::matches(const QByteArray &publicKey) const
{
    if (!key.isEmpty())
        return key == publicKey;
    return protocol::keyFingerprint(publicKey) == fingerprint;
}

std::optional<QByteArray> dataDirectorySigningKey(const QString &dataDir, QString *why)
{
    const QString path = dataDir + QStringLiteral("/signing/ed25519.pem");
    QFile file(path);
    if (!file.exists()) {
        *why = QStringLiteral("%1 does not exist").arg(path);
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *why = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    auto key = protocol::Ed25519Key::fromPem(file.readAll());
    if (!key) {
        *why = QStringLiteral("%1: %2").arg(path, key.error().message);
        return std::nullopt;
    }
    return key->publicKey();
}

namespace {

Result<TrustedKey> keyFromOption(const QString &text)
{
    static const QRegularExpression fingerprint(QStringLiteral("^[0-9a-fA-F]{16}$"));
    if (fingerprint.match(text).hasMatch())
        return TrustedKey {{}, text.toLower(), QStringLiteral("--key (fingerprint)")};
    const auto decoded
        = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 32)
        return makeError(ErrorCode::BadField,
            QStringLiteral("--key must be the server's signing key in base64 (signingKey of GET "
                           "/api/v1/server) or its 16-hex-digit fingerprint"),
            QStringLiteral("key"));
    return TrustedKey {
        decoded.decoded, protocol::keyFingerprint(decoded.decoded), QStringLiteral("--key")};
}

bool serverConfigured(const Arguments &arguments, const QString &dataDir)
{
    return arguments.has(QStringLiteral("server")) || arguments.has(QStringLiteral("pin"))
        || qEnvironmentVariableIsSet("CHAMBER_SERVER") || qEnvironmentVariableIsSet("CHAMBER_PIN")
        || QFile::exists(dataDir + QStringLiteral("/tls/cert.pem"));
}

void askServer(const Arguments &arguments, KeyLookup &lookup)
{
    // With a token when there is one (the route may come to need it), else without.
    auto connection = resolveConnection(arguments);
    if (!connection)
        connection = resolvePublicConnection(arguments);
    if (!connection) {
        lookup.tried << QStringLiteral("cannot ask the server: ") + connection.error().message;
        return;
    }
    RestClient client(connection.value());
    const auto reply = client.get(QStringLiteral("/api/v1/server"));
    if (!reply) {
        lookup.tried << reply.error().message;
        lookup.unreachable = reply.error().code == ErrorCode::Unavailable;
        lookup.refused = !lookup.unreachable;
        return;
    }
    const QJsonObject json = reply->json();
    const auto key = QByteArray::fromBase64Encoding(
        json.value(QLatin1String("signingKey")).toString().toLatin1(),
        QByteArray::AbortOnBase64DecodingErrors);
    if (reply->status != 200 || !key || key.decoded.size() != 32
        || json.value(QLatin1String("signingKeyFingerprint")).toString()
            != protocol::keyFingerprint(key.decoded)) {
        lookup.tried << QStringLiteral("%1 did not answer GET /api/v1/server with a signing key "
                                       "(HTTP %2)")
                            .arg(connection->server.toString())
                            .arg(reply->status);
        lookup.refused = true;
        return;
    }
    lookup.key = TrustedKey {key.decoded, protocol::keyFingerprint(key.decoded),
        QStringLiteral("the server at %1 (GET /api/v1/server over pinned TLS)")
            .arg(connection->server.toString())};
}

} // namespace

Result<KeyLookup> findTrustedKey(const Arguments &arguments, bool askTheServer)
{
    KeyLookup lookup;
    if (arguments.has(QStringLiteral("key"))) {
        auto key = keyFromOption(arguments.value(QStringLiteral("key")).trimmed());
        if (!key)
            return key.error();
        lookup.key = key.value();
        return lookup;
    }
    const QString dataDir = arguments.value(QStringLiteral("data"), defaultDataDirectory());
    QString why;
    if (const auto key = dataDirectorySigningKey(dataDir, &why)) {
        lookup.key = TrustedKey {*key, protocol::keyFingerprint(*key),
            QStringLiteral("the server's key file in %1").arg(dataDir)};
        return lookup;
    }
    lookup.tried << why;
    if (!askTheServer)
        return lookup;
    if (!serverConfigured(arguments, dataDir)) {
        lookup.tried << QStringLiteral("no server to ask (--server URL --pin PIN)");
        return lookup;
    }
    askServer(arguments, lookup);
    return lookup;
}

} // namespace chamber::ctl
