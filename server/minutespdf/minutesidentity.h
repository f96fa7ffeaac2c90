// The key and self-signed certificate the server signs minutes PDFs with, created on first use
// in the data directory. RSA on purpose: PKCS#1 v1.5 signatures are deterministic (ECDSA's are
// not), so the same log signed twice gives the same PDF bytes. Readers trust it by comparing
// the certificate's fingerprint with the one the server publishes, not through any CA.
#pragma once

#include "protocol/error.h"

#include <QByteArray>
#include <QString>

namespace chamber::minutespdf {

inline constexpr int kMinutesKeyBits = 3072;

struct MinutesIdentity
{
    QByteArray keyPem; // PKCS#8 PEM of the RSA private key
    QByteArray certificateDer;
    QString fingerprint; // lower-case hex SHA-256 of certificateDer
    QByteArray certificatePem() const;
};

// Loads <directory>/key.pem and <directory>/cert.pem (chamberd passes <data>/minutes-signing),
// or, when the directory does not exist, creates it (0700) with a new RSA-3072 key and a
// self-signed certificate, files 0600. An existing identity is never overwritten: minutes
// signed earlier are checked against its fingerprint. A key and certificate that do not belong
// together, or are not RSA, are an Internal error naming the files.
Result<MinutesIdentity> loadOrCreateMinutesIdentity(const QString &directory);

// Lower-case hex SHA-256 of a DER certificate: the fingerprint people compare.
QString certificateFingerprint(const QByteArray &certificateDer);

} // namespace chamber::minutespdf
