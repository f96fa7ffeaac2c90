// Passwords as scrypt hashes (OpenSSL's EVP_PBE_scrypt): memory-hard, so a stolen database
// costs a guesser 32 MiB and tens of milliseconds per try and per account, on any hardware.
//
// Stored as "scrypt$N$r$p$<salt>$<key>" (salt and key in unpadded base64url): the parameters
// travel with each hash, so raising them later re-hashes nobody's password and still verifies
// every old one.
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace chamber::services {

struct ScryptParameters
{
    quint64 n = quint64(1) << 15; // cost: memory is 128 * n * r bytes (32 MiB here)
    quint32 r = 8;
    quint32 p = 1;
};

// The bounds a stored hash's parameters must keep to be checked at all: a garbled or planted
// row cannot make the server allocate gigabytes or spin for minutes.
constexpr quint64 kMaxScryptN = quint64(1) << 20;
constexpr quint32 kMaxScryptR = 32;
constexpr quint32 kMaxScryptP = 16;
constexpr quint64 kMaxScryptMemory = quint64(256) << 20; // 128·N·r bytes
constexpr quint64 kMaxScryptWork = quint64(1) << 22; // N·r·p: 16 times ours
constexpr int kSaltBytes = 16;
constexpr int kKeyBytes = 32;

struct StoredHash
{
    ScryptParameters parameters;
    QByteArray salt;
    QByteArray key;
};

// A fresh random salt (QRandomGenerator::system); empty on an OpenSSL failure.
QString hashPassword(const QString &password, const ScryptParameters &parameters = {});
// The same, with a given salt (tests and the dummy hash).
QString hashPasswordWithSalt(
    const QString &password, const QByteArray &salt, const ScryptParameters &parameters);
// nullopt for anything that is not exactly the format above within the bounds.
std::optional<StoredHash> parseStoredHash(const QString &stored);
// True only when `stored` parses and `password` derives its key (compared in constant time).
bool verifyPassword(const QString &password, const QString &stored);

} // namespace chamber::services
