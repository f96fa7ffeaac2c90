#include "app/signingkey.h"

#include "support/privatefile.h"

#include <QFile>

namespace chamber::app {

Result<protocol::Ed25519Key> loadOrCreateSigningKey(const QString &directory, bool *created)
{
    const QString path = directory + QStringLiteral("/ed25519.pem");
    if (created)
        *created = false;
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Internal,
                QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
        auto key = protocol::Ed25519Key::fromPem(file.readAll());
        if (!key)
            return makeError(
                ErrorCode::Invalid, QStringLiteral("%1: %2").arg(path, key.error().message));
        return key;
    }
    if (auto status = support::ensurePrivateDirectory(directory); !status)
        return status.error();
    auto key = protocol::Ed25519Key::generate();
    if (!key)
        return key.error();
    if (auto status = support::writePrivateFile(path, key->privateKeyPem()); !status)
        return status.error();
    if (created)
        *created = true;
    return key;
}

} // namespace chamber::app
