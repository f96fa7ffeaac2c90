#include "services/passwordhash.h"

#include "services/authenticator.h"

#include <QRandomGenerator>
#include <QStringList>

#include <openssl/evp.h>

namespace chamber::services {

namespace {

constexpr QByteArray::Base64Options kBase64
    = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray derive(const QString &password, const QByteArray &salt, const ScryptParameters &p)
{
    const QByteArray secret = password.toUtf8();
    QByteArray key(kKeyBytes, '\0');
    // maxmem: what these parameters need (128·N·r plus the p blocks) with room to spare;
    // OpenSSL's default (32 MiB) is exactly our N=2^15, r=8 and would refuse it.
    const quint64 maxmem = 128 * p.n * p.r + 128 * quint64(p.r) * p.p + (quint64(1) << 20);
    const int ok = EVP_PBE_scrypt(secret.constData(), size_t(secret.size()),
        reinterpret_cast<const unsigned char *>(salt.constData()), size_t(salt.size()), p.n, p.r,
        p.p, maxmem, reinterpret_cast<unsigned char *>(key.data()), size_t(key.size()));
    return ok == 1 ? key : QByteArray();
}

bool isPowerOfTwo(quint64 value)
{
    return value >= 2 && (value & (value - 1)) == 0;
}

std::optional<quint64> parseNumber(const QString &text, quint64 max)
{
    // Plain decimal digits only: no sign, no spaces, no leading zeros.
    if (text.isEmpty() || text.size() > 8 || (text.size() > 1 && text.front() == u'0'))
        return std::nullopt;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    const quint64 value = text.toULongLong();
    if (value == 0 || value > max)
        return std::nullopt;
    return value;
}

std::optional<QByteArray> parseBase64(const QString &text, int bytes)
{
    auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != bytes
        || decoded.decoded.toBase64(kBase64) != text.toLatin1())
        return std::nullopt;
    return decoded.decoded;
}

} // namespace

QString hashPasswordWithSalt(
    const QString &password, const QByteArray &salt, const ScryptParameters &parameters)
{
    const QByteArray key = derive(password, salt, parameters);
    if (key.isEmpty())
        return {};
    return QStringLiteral("scrypt$%1$%2$%3$%4$%5")
        .arg(parameters.n)
        .arg(parameters.r)
        .arg(parameters.p)
        .arg(QString::fromLatin1(salt.toBase64(kBase64)),
            QString::fromLatin1(key.toBase64(kBase64)));
}

QString hashPassword(const QString &password, const ScryptParameters &parameters)
{
    QByteArray salt(kSaltBytes, '\0');
    QRandomGenerator::system()->fillRange(
        reinterpret_cast<quint32 *>(salt.data()), salt.size() / 4);
    return hashPasswordWithSalt(password, salt, parameters);
}

std::optional<StoredHash> parseStoredHash(const QString &stored)
{
    if (stored.size() > 256)
        return std::nullopt;
    const QStringList parts = stored.split(u'$');
    if (parts.size() != 6 || parts.at(0) != QLatin1String("scrypt"))
        return std::nullopt;
    const auto n = parseNumber(parts.at(1), kMaxScryptN);
    const auto r = parseNumber(parts.at(2), kMaxScryptR);
    const auto p = parseNumber(parts.at(3), kMaxScryptP);
    const auto salt = parseBase64(parts.at(4), kSaltBytes);
    const auto key = parseBase64(parts.at(5), kKeyBytes);
    if (!n || !r || !p || !salt || !key || !isPowerOfTwo(*n))
        return std::nullopt;
    if (128 * *n * *r > kMaxScryptMemory || *n * *r * *p > kMaxScryptWork)
        return std::nullopt;
    return StoredHash {ScryptParameters {*n, quint32(*r), quint32(*p)}, *salt, *key};
}

bool verifyPassword(const QString &password, const QString &stored)
{
    const auto parsed = parseStoredHash(stored);
    if (!parsed)
        return false;
    const QByteArray key = derive(password, parsed->salt, parsed->parameters);
    return !key.isEmpty() && constantTimeEquals(key, parsed->key);
}

} // namespace chamber::services
