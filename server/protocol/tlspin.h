// Public-key pinning: a client trusts exactly one server key, the one whose SPKI SHA-256 it was
// given (in a QR code, on the command line or from the data directory), and nothing else.
#pragma once

#include <QByteArray>
#include <QList>
#include <QSslConfiguration>
#include <QSslError>
#include <QString>

class QSslCertificate;
class QSslKey;

namespace chamber::protocol {

// SHA-256 of the DER SubjectPublicKeyInfo.
QByteArray spkiSha256(const QSslKey &publicKey);
QByteArray spkiSha256(const QSslCertificate &certificate);

// Pins are written as unpadded base64url of the 32-byte digest (43 characters); hex (64
// characters) is accepted too. Returns an empty array for anything else.
QByteArray parsePin(const QString &text);
QString formatPin(const QByteArray &digest);

// A TLS configuration that trusts no certificate authority at all, so that every handshake
// reports errors and the pin check below is the only way a connection is accepted.
QSslConfiguration pinnedClientConfiguration();

// Decides a handshake: accept only if the peer's leaf key matches the pin. The caller then
// ignores exactly these errors (never blanket ignoreSslErrors()).
bool peerMatchesPin(const QSslCertificate &peer, const QByteArray &pin);

} // namespace chamber::protocol
