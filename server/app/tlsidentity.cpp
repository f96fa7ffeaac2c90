#include "app/tlsidentity.h"

#include "protocol/tlspin.h"
#include "support/privatefile.h"

#include <QDir>
#include <QFile>
#include <QHostInfo>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace chamber::app {

namespace {

template<typename T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using PKeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;

Error tlsError(const QString &what)
{
    return makeError(ErrorCode::Internal, QStringLiteral("TLS identity: %1").arg(what));
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(size));
}

bool addExtension(X509 *certificate, int nid, const QByteArray &value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value.constData()));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

struct GeneratedPem
{
    QByteArray key;
    QByteArray certificate;
};

Result<GeneratedPem> generate()
{
    PKeyPtr key(EVP_EC_gen("P-256"));
    if (!key)
        return tlsError(QStringLiteral("key generation failed"));

    X509Ptr certificate(X509_new());
    X509_set_version(certificate.get(), X509_VERSION_3);
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return tlsError(QStringLiteral("no randomness for the serial number"));
    serial[0] &= 0x7f; // positive
    BIGNUM *serialNumber = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(serialNumber, X509_get_serialNumber(certificate.get()));
    BN_free(serialNumber);
    // Valid from an hour ago (clock skew between tablets and server) for ten years.
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 10L * 365 * 24 * 3600);
    X509_set_pubkey(certificate.get(), key.get());

    const QByteArray host = QHostInfo::localHostName().toUtf8().left(60);
    const QByteArray commonName = "chamberd " + host;
    X509_NAME *name = X509_get_subject_name(certificate.get());
    X509_NAME_add_entry_by_txt(
        name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>("Chamber"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
        reinterpret_cast<const unsigned char *>(commonName.constData()), -1, -1, 0);
    X509_set_issuer_name(certificate.get(), name);

    QByteArray altNames = "DNS:localhost,IP:127.0.0.1,IP:::1";
    if (!host.isEmpty() && host != "localhost")
        altNames += ",DNS:" + host;
    if (!addExtension(certificate.get(), NID_subject_alt_name, altNames)
        || !addExtension(certificate.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(certificate.get(), NID_key_usage, "critical,digitalSignature")
        || !addExtension(certificate.get(), NID_ext_key_usage, "serverAuth"))
        return tlsError(QStringLiteral("cannot add certificate extensions"));
    if (X509_sign(certificate.get(), key.get(), EVP_sha256()) == 0)
        return tlsError(QStringLiteral("cannot sign the certificate"));

    BioPtr keyBio(BIO_new(BIO_s_mem()));
    BioPtr certificateBio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)
            != 1
        || PEM_write_bio_X509(certificateBio.get(), certificate.get()) != 1)
        return tlsError(QStringLiteral("cannot encode key or certificate"));
    return GeneratedPem {bioContents(keyBio.get()), bioContents(certificateBio.get())};
}

Result<QByteArray> readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tlsError(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    return file.readAll();
}

// Key and certificate must belong together; a mismatch would only show up as failed
// handshakes on every tablet.
bool keyMatchesCertificate(const QByteArray &keyPem, const QByteArray &certificatePem)
{
    BioPtr keyBio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())));
    BioPtr certificateBio(BIO_new_mem_buf(certificatePem.constData(), int(certificatePem.size())));
    PKeyPtr key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
    X509Ptr certificate(PEM_read_bio_X509(certificateBio.get(), nullptr, nullptr, nullptr));
    return key && certificate && X509_check_private_key(certificate.get(), key.get()) == 1;
}

Status createIdentity(const QString &directory)
{
    auto pem = generate();
    if (!pem)
        return pem.error();
    return support::writePrivateDirectory(directory,
        {{QStringLiteral("key.pem"), pem->key}, {QStringLiteral("cert.pem"), pem->certificate}});
}

} // namespace

Result<TlsIdentity> loadOrCreateTlsIdentity(const QString &directory)
{
    const QString keyPath = directory + QStringLiteral("/key.pem");
    const QString certificatePath = directory + QStringLiteral("/cert.pem");
    TlsIdentity identity;
    if (!QDir(directory).exists()) {
        if (auto status = createIdentity(directory); !status)
            return status.error();
        identity.created = true;
    }
    auto keyPem = readAll(keyPath);
    if (!keyPem)
        return keyPem.error();
    auto certificatePem = readAll(certificatePath);
    if (!certificatePem)
        return certificatePem.error();
    if (!keyMatchesCertificate(keyPem.value(), certificatePem.value()))
        return tlsError(QStringLiteral("%1 and %2 do not belong together (or cannot be read); "
                                       "restore them, or remove the directory to create a new "
                                       "identity (devices will then need new QR codes)")
                            .arg(keyPath, certificatePath));
    identity.key = QSslKey(keyPem.value(), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    if (identity.key.isNull())
        identity.key = QSslKey(keyPem.value(), QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
    identity.certificate = QSslCertificate(certificatePem.value(), QSsl::Pem);
    if (identity.key.isNull() || identity.certificate.isNull())
        return tlsError(
            QStringLiteral("%1 holds a key type Qt cannot use (EC or RSA expected)").arg(keyPath));
    identity.pin = protocol::spkiSha256(identity.certificate);
    return identity;
}

} // namespace chamber::app
