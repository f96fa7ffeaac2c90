#include "sealedbox.h"

#include <QtEndian>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>

namespace chamber::kiosk {

namespace {

constexpr char kMagic[] = "CHSB1";
constexpr int kMagicSize = 5;
constexpr int kSaltSize = 16;
constexpr int kNonceSize = 12;
constexpr int kTagSize = 16;
constexpr int kHeaderSize = kMagicSize + 4 + kSaltSize + kNonceSize;
// Slow enough to make guessing a passphrase costly, fast enough for a tablet (about 0.2 s).
constexpr int kMinIterations = 100000;
constexpr int kMaxIterations = 5000000;

struct CipherDeleter
{
    void operator()(EVP_CIPHER_CTX *context) const { EVP_CIPHER_CTX_free(context); }
};
using Cipher = std::unique_ptr<EVP_CIPHER_CTX, CipherDeleter>;

Error unopenable()
{
    return makeError(ErrorCode::Invalid,
        QStringLiteral("the backup cannot be opened: wrong passphrase, or it was altered"));
}

QByteArray deriveKey(const QString &passphrase, const QByteArray &salt, int iterations)
{
    const QByteArray secret = passphrase.normalized(QString::NormalizationForm_C).toUtf8();
    QByteArray key(32, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(secret.constData(), int(secret.size()),
            reinterpret_cast<const unsigned char *>(salt.constData()), int(salt.size()), iterations,
            EVP_sha256(), int(key.size()), reinterpret_cast<unsigned char *>(key.data()))
        != 1)
        return {};
    return key;
}

} // namespace

QByteArray SealedBoxContext::associatedData() const
{
    return QStringLiteral("chamber-annotations|%1|%2|%3")
        .arg(sha256)
        .arg(meeting)
        .arg(delegate)
        .toUtf8();
}

Result<QByteArray> seal(const QByteArray &plaintext, const QString &passphrase,
    const SealedBoxContext &context, int iterations)
{
    if (passphrase.size() < 6)
        return makeError(ErrorCode::Invalid, QStringLiteral("the passphrase is too short"));
    if (iterations < kMinIterations || iterations > kMaxIterations)
        return makeError(ErrorCode::Invalid, QStringLiteral("unsupported key derivation cost"));
    QByteArray salt(kSaltSize, Qt::Uninitialized);
    QByteArray nonce(kNonceSize, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(salt.data()), kSaltSize) != 1
        || RAND_bytes(reinterpret_cast<unsigned char *>(nonce.data()), kNonceSize) != 1)
        return makeError(ErrorCode::Internal, QStringLiteral("no random numbers"));
    const QByteArray key = deriveKey(passphrase, salt, iterations);
    QByteArray header(kMagic, kMagicSize);
    char count[4];
    qToBigEndian<quint32>(quint32(iterations), count);
    header += QByteArray(count, 4) + salt + nonce;

    Cipher cipher(EVP_CIPHER_CTX_new());
    const QByteArray aad = header + context.associatedData();
    QByteArray out(plaintext.size() + kTagSize, Qt::Uninitialized);
    int length = 0;
    int total = 0;
    auto *output = reinterpret_cast<unsigned char *>(out.data());
    if (key.isEmpty() || !cipher
        || EVP_EncryptInit_ex(cipher.get(), EVP_aes_256_gcm(), nullptr,
               reinterpret_cast<const unsigned char *>(key.constData()),
               reinterpret_cast<const unsigned char *>(nonce.constData()))
            != 1
        || EVP_EncryptUpdate(cipher.get(), nullptr, &length,
               reinterpret_cast<const unsigned char *>(aad.constData()), int(aad.size()))
            != 1
        || EVP_EncryptUpdate(cipher.get(), output, &length,
               reinterpret_cast<const unsigned char *>(plaintext.constData()),
               int(plaintext.size()))
            != 1)
        return makeError(ErrorCode::Internal, QStringLiteral("encryption failed"));
    total = length;
    if (EVP_EncryptFinal_ex(cipher.get(), output + total, &length) != 1
        || EVP_CIPHER_CTX_ctrl(
               cipher.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, output + total + length)
            != 1)
        return makeError(ErrorCode::Internal, QStringLiteral("encryption failed"));
    total += length;
    out.truncate(total + kTagSize);
    return QByteArray(header + out);
}

Result<QByteArray> open(
    const QByteArray &box, const QString &passphrase, const SealedBoxContext &context)
{
    if (box.size() < kHeaderSize + kTagSize || !box.startsWith(QByteArray(kMagic, kMagicSize)))
        return makeError(ErrorCode::Invalid, QStringLiteral("not an annotation backup"));
    const int iterations = int(qFromBigEndian<quint32>(box.constData() + kMagicSize));
    if (iterations < kMinIterations || iterations > kMaxIterations)
        return makeError(ErrorCode::Invalid, QStringLiteral("unsupported key derivation cost"));
    const QByteArray header = box.left(kHeaderSize);
    const QByteArray salt = box.mid(kMagicSize + 4, kSaltSize);
    const QByteArray nonce = box.mid(kMagicSize + 4 + kSaltSize, kNonceSize);
    const QByteArray ciphertext = box.mid(kHeaderSize, box.size() - kHeaderSize - kTagSize);
    QByteArray tag = box.right(kTagSize);
    const QByteArray key = deriveKey(passphrase, salt, iterations);
    const QByteArray aad = header + context.associatedData();

    Cipher cipher(EVP_CIPHER_CTX_new());
    QByteArray plain(ciphertext.size() + 16, Qt::Uninitialized);
    auto *output = reinterpret_cast<unsigned char *>(plain.data());
    int length = 0;
    if (key.isEmpty() || !cipher
        || EVP_DecryptInit_ex(cipher.get(), EVP_aes_256_gcm(), nullptr,
               reinterpret_cast<const unsigned char *>(key.constData()),
               reinterpret_cast<const unsigned char *>(nonce.constData()))
            != 1
        || EVP_DecryptUpdate(cipher.get(), nullptr, &length,
               reinterpret_cast<const unsigned char *>(aad.constData()), int(aad.size()))
            != 1
        || EVP_DecryptUpdate(cipher.get(), output, &length,
               reinterpret_cast<const unsigned char *>(ciphertext.constData()),
               int(ciphertext.size()))
            != 1)
        return unopenable();
    int total = length;
    if (EVP_CIPHER_CTX_ctrl(cipher.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tag.data()) != 1
        || EVP_DecryptFinal_ex(cipher.get(), output + total, &length) != 1)
        return unopenable(); // nothing of an unauthenticated plaintext leaves this function
    total += length;
    plain.truncate(total);
    return plain;
}

} // namespace chamber::kiosk
