// The server's TLS key and self-signed certificate, created on first start in the data
// directory. Clients trust it by pinning the key (SPKI SHA-256), not through any CA.
#pragma once

#include "protocol/error.h"

#include <QSslCertificate>
#include <QSslKey>

namespace chamber::app {

struct TlsIdentity
{
    QSslKey key;
    QSslCertificate certificate;
    QByteArray pin; // SHA-256 of the certificate's SubjectPublicKeyInfo
    bool created = false;
};

// Loads <dir>/key.pem and <dir>/cert.pem, or, when <dir> does not exist, creates it with a new
// key and certificate (ECDSA P-256, ten years, names of this host). An existing identity is
// never overwritten: its pin is printed on every QR code in the room.
Result<TlsIdentity> loadOrCreateTlsIdentity(const QString &directory);

} // namespace chamber::app
