// Encryption for the delegate's annotation backup, done on the tablet so the server only ever
// holds ciphertext: AES-256-GCM under a key derived from the delegate's own passphrase
// (PBKDF2-HMAC-SHA256), with a fresh salt and nonce for every backup. The header binds the
// box to its document and delegate (authenticated, not secret), so a box cannot be passed off
// as another document's. Anyone with the passphrase, on any tablet, can open it; nobody else,
// the server's administrator included.
#pragma once

#include "protocol/error.h"

#include <QByteArray>
#include <QString>

namespace chamber::kiosk {

struct SealedBoxContext
{
    QString sha256; // the document
    qint64 meeting = 0;
    qint64 delegate = 0;
    QByteArray associatedData() const;
};

// The format: "CHSB1" | iterations (4 bytes, big-endian) | salt (16) | nonce (12) | ciphertext
// | tag (16).
inline constexpr int kSealedBoxIterations = 210000;

Result<QByteArray> seal(const QByteArray &plaintext, const QString &passphrase,
    const SealedBoxContext &context, int iterations = kSealedBoxIterations);
// Refuses with a clear error, and gives nothing back, when the box is malformed, was made for
// another document or delegate, was altered, or the passphrase is wrong (these last three
// cannot be told apart, by design).
Result<QByteArray> open(
    const QByteArray &box, const QString &passphrase, const SealedBoxContext &context);

} // namespace chamber::kiosk
