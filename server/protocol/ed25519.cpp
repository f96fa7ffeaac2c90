#include "protocol/ed25519.h"

#include <QCryptographicHash>
#include <QJsonDocument>

#include <openssl/evp.h>
#include <openssl/pem.h>

namespace chamber::protocol {

namespace {

struct PKeyDeleter
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
using PKey = std::unique_ptr<EVP_PKEY, PKeyDeleter>;

struct MdDeleter
{
    void operator()(EVP_MD_CTX *context) const { EVP_MD_CTX_free(context); }
};

struct BioDeleter
{
    void operator()(BIO *bio) const { BIO_free_all(bio); }
};

} // namespace

struct Ed25519Key::Private
{
    PKey key;
};

Ed25519Key::Ed25519Key(std::unique_ptr<Private> key)
    : d(std::move(key))
{ }

Ed25519Key::~Ed25519Key() = default;
Ed25519Key::Ed25519Key(Ed25519Key &&) noexcept = default;
Ed25519Key &Ed25519Key::operator=(Ed25519Key &&) noexcept = default;

Result<Ed25519Key> Ed25519Key::generate()
{
    PKey key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
    if (!key)
        return makeError(ErrorCode::Internal, QStringLiteral("cannot generate an Ed25519 key"));
    return Ed25519Key(std::make_unique<Private>(Private {std::move(key)}));
}

Result<Ed25519Key> Ed25519Key::fromPem(const QByteArray &privateKeyPem)
{
    std::unique_ptr<BIO, BioDeleter> bio(
        BIO_new_mem_buf(privateKeyPem.constData(), int(privateKeyPem.size())));
    PKey key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    if (!key || EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519)
        return makeError(ErrorCode::Invalid, QStringLiteral("not an Ed25519 private key"));
    return Ed25519Key(std::make_unique<Private>(Private {std::move(key)}));
}

QByteArray Ed25519Key::privateKeyPem() const
{
    std::unique_ptr<BIO, BioDeleter> bio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_PrivateKey(bio.get(), d->key.get(), nullptr, nullptr, 0, nullptr, nullptr)
        != 1)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, int(size));
}

QByteArray Ed25519Key::publicKey() const
{
    QByteArray raw(32, '\0');
    size_t length = size_t(raw.size());
    if (EVP_PKEY_get_raw_public_key(
            d->key.get(), reinterpret_cast<unsigned char *>(raw.data()), &length)
            != 1
        || length != 32)
        return {};
    return raw;
}

QByteArray Ed25519Key::sign(const QByteArray &message) const
{
    std::unique_ptr<EVP_MD_CTX, MdDeleter> context(EVP_MD_CTX_new());
    QByteArray signature(64, '\0');
    size_t length = size_t(signature.size());
    if (!context || EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, d->key.get()) != 1
        || EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()),
               &length, reinterpret_cast<const unsigned char *>(message.constData()),
               size_t(message.size()))
            != 1)
        return {};
    signature.resize(qsizetype(length));
    return signature;
}

bool verifyEd25519(
    const QByteArray &publicKey, const QByteArray &message, const QByteArray &signature)
{
    if (publicKey.size() != 32 || signature.size() != 64)
        return false;
    PKey key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
        reinterpret_cast<const unsigned char *>(publicKey.constData()), size_t(publicKey.size())));
    std::unique_ptr<EVP_MD_CTX, MdDeleter> context(EVP_MD_CTX_new());
    return key && context
        && EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, key.get()) == 1
        && EVP_DigestVerify(context.get(),
               reinterpret_cast<const unsigned char *>(signature.constData()),
               size_t(signature.size()),
               reinterpret_cast<const unsigned char *>(message.constData()), size_t(message.size()))
        == 1;
}

QByteArray resultSigningBytes(const QJsonObject &document)
{
    return QJsonDocument(document).toJson(QJsonDocument::Compact);
}

Status verifyResult(const QJsonObject &signedResult, const QByteArray &trustedKey)
{
    const QJsonObject document = signedResult.value(QLatin1String("document")).toObject();
    const QByteArray signature = QByteArray::fromBase64(
        signedResult.value(QLatin1String("signature")).toString().toLatin1());
    const QByteArray publicKey = QByteArray::fromBase64(
        signedResult.value(QLatin1String("publicKey")).toString().toLatin1());
    if (document.isEmpty() || signature.size() != 64 || publicKey.size() != 32)
        return makeError(ErrorCode::Invalid,
            QStringLiteral("not a signed result: document, signature and publicKey are required"));
    if (!trustedKey.isEmpty() && trustedKey != publicKey)
        return makeError(ErrorCode::Unauthenticated,
            QStringLiteral("signed by key %1, not by the trusted key %2")
                .arg(keyFingerprint(publicKey), keyFingerprint(trustedKey)));
    if (!verifyEd25519(publicKey, resultSigningBytes(document), signature))
        return makeError(ErrorCode::Invalid,
            QStringLiteral(
                "the signature does not match the document (it was changed after signing)"));
    return success();
}

QString keyFingerprint(const QByteArray &publicKey)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(publicKey, QCryptographicHash::Sha256).toHex().left(16));
}

} // namespace chamber::protocol
