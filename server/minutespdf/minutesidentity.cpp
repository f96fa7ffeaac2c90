#include "minutespdf/minutesidentity.h"

#include "minutespdf/opensslptr.h"
#include "support/privatefile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHostInfo>

#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509v3.h>

namespace chamber::minutespdf {

using namespace ossl;

namespace {

Error identityError(const QString &what)
{
    return makeError(ErrorCode::Internal, QStringLiteral("minutes signing identity: %1").arg(what));
}

bool addExtension(X509 *certificate, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

struct GeneratedPem
{
    QByteArray key;
    QByteArray certificate;
};

Result<GeneratedPem> generate()
{
    PKeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(kMinutesKeyBits)));
    if (!key)
        return identityError(QStringLiteral("RSA key generation failed"));

    X509Ptr certificate(X509_new());
    X509_set_version(certificate.get(), X509_VERSION_3);
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return identityError(QStringLiteral("no randomness for the serial number"));
    serial[0] &= 0x7f; // positive
    BIGNUM *serialNumber = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(serialNumber, X509_get_serialNumber(certificate.get()));
    BN_free(serialNumber);
    // A signature's time is the meeting's last event, which may be years before this key was
    // made (minutes of an archived meeting): the certificate is valid from long before.
    if (ASN1_TIME_set_string_X509(X509_getm_notBefore(certificate.get()), "20000101000000Z") != 1
        || ASN1_TIME_set_string_X509(X509_getm_notAfter(certificate.get()), "20991231235959Z") != 1)
        return identityError(QStringLiteral("cannot set the validity"));
    X509_set_pubkey(certificate.get(), key.get());

    const QByteArray commonName = "Chamber minutes " + QHostInfo::localHostName().toUtf8().left(40);
    X509_NAME *name = X509_get_subject_name(certificate.get());
    X509_NAME_add_entry_by_txt(
        name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>("Chamber"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
        reinterpret_cast<const unsigned char *>(commonName.constData()), -1, -1, 0);
    X509_set_issuer_name(certificate.get(), name);
    if (!addExtension(certificate.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(
            certificate.get(), NID_key_usage, "critical,digitalSignature,nonRepudiation")
        || !addExtension(certificate.get(), NID_subject_key_identifier, "hash"))
        return identityError(QStringLiteral("cannot add certificate extensions"));
    if (X509_sign(certificate.get(), key.get(), EVP_sha256()) == 0)
        return identityError(QStringLiteral("cannot sign the certificate"));

    BioPtr keyBio(BIO_new(BIO_s_mem()));
    BioPtr certificateBio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)
            != 1
        || PEM_write_bio_X509(certificateBio.get(), certificate.get()) != 1)
        return identityError(QStringLiteral("cannot encode key or certificate"));
    return GeneratedPem {bioContents(keyBio.get()), bioContents(certificateBio.get())};
}

Status createIdentity(const QString &directory)
{
    auto pem = generate();
    if (!pem)
        return pem.error();
    return support::writePrivateDirectory(directory,
        {{QStringLiteral("key.pem"), pem->key}, {QStringLiteral("cert.pem"), pem->certificate}});
}

Result<QByteArray> readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return identityError(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    // A PEM key or certificate is a few kilobytes; anything far larger is not one.
    if (file.size() > 64 * 1024)
        return identityError(QStringLiteral("%1 is too large to be a PEM file").arg(path));
    return file.readAll();
}

} // namespace

QByteArray MinutesIdentity::certificatePem() const
{
    X509Ptr certificate = certificateFromDer(certificateDer);
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!certificate || PEM_write_bio_X509(bio.get(), certificate.get()) != 1)
        return {};
    return bioContents(bio.get());
}

QString certificateFingerprint(const QByteArray &certificateDer)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(certificateDer, QCryptographicHash::Sha256).toHex());
}

Result<MinutesIdentity> loadOrCreateMinutesIdentity(const QString &directory)
{
    if (!QDir(directory).exists()) {
        if (auto status = createIdentity(directory); !status)
            return status.error();
    }
    const QString keyPath = directory + QStringLiteral("/key.pem");
    const QString certificatePath = directory + QStringLiteral("/cert.pem");
    auto keyPem = readAll(keyPath);
    if (!keyPem)
        return keyPem.error();
    auto certificatePem = readAll(certificatePath);
    if (!certificatePem)
        return certificatePem.error();

    BioPtr keyBio = memoryBio(keyPem.value());
    BioPtr certificateBio = memoryBio(certificatePem.value());
    PKeyPtr key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
    X509Ptr certificate(PEM_read_bio_X509(certificateBio.get(), nullptr, nullptr, nullptr));
    if (!key || !certificate || X509_check_private_key(certificate.get(), key.get()) != 1)
        return identityError(QStringLiteral("%1 and %2 do not belong together (or cannot be "
                                            "read); restore them from a backup, or remove the "
                                            "directory to create a new identity (its fingerprint "
                                            "changes)")
                                 .arg(keyPath, certificatePath));
    if (EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA)
        return identityError(
            QStringLiteral("%1 is not an RSA key: minutes need deterministic signatures")
                .arg(keyPath));
    MinutesIdentity identity;
    identity.keyPem = keyPem.value();
    identity.certificateDer = certificateToDer(certificate.get());
    if (identity.certificateDer.isEmpty())
        return identityError(QStringLiteral("cannot encode %1").arg(certificatePath));
    identity.fingerprint = certificateFingerprint(identity.certificateDer);
    return identity;
}

} // namespace chamber::minutespdf
