#include "support/selfsigned.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace chamber::support {

namespace {

template<typename T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using BignumPtr = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;

Error certificateError(const QString &what)
{
    return makeError(ErrorCode::Internal, what);
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(size));
}

bool addExtension(X509 *certificate, int nid, const QByteArray &value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value.constData()));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

bool setRandomSerial(X509 *certificate)
{
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return false;
    serial[0] &= 0x7f; // positive
    BignumPtr number(BN_bin2bn(serial, sizeof serial, nullptr));
    return number && BN_to_ASN1_INTEGER(number.get(), X509_get_serialNumber(certificate));
}

} // namespace

Result<SelfSignedPem> makeSelfSigned(EVP_PKEY *key, const SelfSignedSpec &spec)
{
    X509Ptr certificate(X509_new());
    X509_set_version(certificate.get(), X509_VERSION_3);
    if (!setRandomSerial(certificate.get()))
        return certificateError(QStringLiteral("no randomness for the serial number"));
    if (!ASN1_TIME_set(X509_getm_notBefore(certificate.get()), spec.notBefore.toSecsSinceEpoch())
        || !ASN1_TIME_set(X509_getm_notAfter(certificate.get()), spec.notAfter.toSecsSinceEpoch()))
        return certificateError(QStringLiteral("cannot set the validity"));
    X509_set_pubkey(certificate.get(), key);

    X509_NAME *name = X509_get_subject_name(certificate.get());
    X509_NAME_add_entry_by_txt(
        name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>("Chamber"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
        reinterpret_cast<const unsigned char *>(spec.commonName.constData()), -1, -1, 0);
    X509_set_issuer_name(certificate.get(), name);
    for (const auto &[nid, value] : spec.extensions) {
        if (!addExtension(certificate.get(), nid, value))
            return certificateError(QStringLiteral("cannot add certificate extensions"));
    }
    if (X509_sign(certificate.get(), key, EVP_sha256()) == 0)
        return certificateError(QStringLiteral("cannot sign the certificate"));

    BioPtr keyBio(BIO_new(BIO_s_mem()));
    BioPtr certificateBio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_PrivateKey(keyBio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1
        || PEM_write_bio_X509(certificateBio.get(), certificate.get()) != 1)
        return certificateError(QStringLiteral("cannot encode key or certificate"));
    return SelfSignedPem {bioContents(keyBio.get()), bioContents(certificateBio.get())};
}

} // namespace chamber::support
