// Ed25519 signatures (OpenSSL) for published poll results: the server signs, anyone holding the
// result file and the server's public key can check it.
#pragma once

#include "protocol/error.h"

#include <QByteArray>
#include <QJsonObject>

#include <memory>

namespace chamber::protocol {

class Ed25519Key
{
public:
    static Result<Ed25519Key> generate();
    static Result<Ed25519Key> fromPem(const QByteArray &privateKeyPem);
    ~Ed25519Key();
    Ed25519Key(Ed25519Key &&) noexcept;
    Ed25519Key &operator=(Ed25519Key &&) noexcept;

    QByteArray privateKeyPem() const;
    QByteArray publicKey() const; // raw 32 bytes
    QByteArray sign(const QByteArray &message) const; // 64 bytes; empty on failure

private:
    struct Private;
    explicit Ed25519Key(std::unique_ptr<Private> key);
    std::unique_ptr<Private> d;
};

bool verifyEd25519(
    const QByteArray &publicKey, const QByteArray &message, const QByteArray &signature);

// What a published result's signature covers: the document as compact JSON, keys sorted.
QByteArray resultSigningBytes(const QJsonObject &document);
// Checks {document, signature, publicKey} (base64); if `trustedKey` is given (raw 32 bytes) the
// result must also be signed by that key.
Status verifyResult(const QJsonObject &signedResult, const QByteArray &trustedKey = {});
// A short fingerprint of a signing key for people to compare: 16 hex digits of its SHA-256.
QString keyFingerprint(const QByteArray &publicKey);

} // namespace chamber::protocol
