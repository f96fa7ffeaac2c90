// The key a result's signer must have, from somewhere other than the result itself: a signed
// file carries its own public key, so checking the signature alone proves only that whoever
// made the file had *a* key.
#pragma once

#include "ctl/arguments.h"
#include "protocol/error.h"

#include <optional>

namespace chamber::ctl {

struct TrustedKey
{
    QByteArray key; // raw 32 bytes; empty when only the fingerprint was given
    QString fingerprint; // 16 hex digits, as keyFingerprint() makes them
    QString source; // where it came from, for the report

    bool matches(const QByteArray &publicKey) const;
};

struct KeyLookup
{
    std::optional<TrustedKey> key;
    // When there is none: why not (each place tried), and whether asking the server failed
    // because it could not be reached (exit 3) rather than because nothing was configured.
    QStringList tried;
    bool unreachable = false;
    bool refused = false; // a server was reached but is not the pinned one, or lied
};

// --key BASE64 or a 16-hex-digit fingerprint; else the data directory's signing key (on the
// server itself: --data DIR or the default); else GET /api/v1/server over pinned TLS, when a
// server and its pin are known (--server/--pin, CHAMBER_SERVER/CHAMBER_PIN, the data
// directory's certificate) and `askServer`. A malformed --key is a usage error.
Result<KeyLookup> findTrustedKey(const Arguments &arguments, bool askServer);

// The public half of <dataDir>/signing/ed25519.pem; nullopt with `why` when not readable.
std::optional<QByteArray> dataDirectorySigningKey(const QString &dataDir, QString *why);

} // namespace chamber::ctl
