#include "minutespdf/minutesidentity.h"

#include "minutespdf/opensslptr.h"
#include "support/privatefile.h"
#include "support/selfsigned.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHostInfo>

#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509v3.h>

namespace chamber::minutespdf {

using namespace ossl;

namespace {

Error identityError(const QString &what)
{
    return makeError(ErrorCode::Internal, QStringLiteral("minutes signing identity: %1").arg(what));
}

Result<support::SelfSignedPem> generate()
{
    PKeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(kMinutesKeyBits)));
    if (!key)
        return identityError(QStringLiteral("RSA key generation failed"));
    support::SelfSignedSpec spec;
    spec.commonName = "Chamber minutes " + QHostInfo::localHostName().toUtf8().left(40);
    // A signature's time is the meeting's last event, which may be years before this key was
    // made (minutes of an archived meeting): the certificate is valid from long before.
    spec.notBefore = QDateTime(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC);
    spec.notAfter = QDateTime(QDate(2099, 12, 31), QTime(23, 59, 59), Qt::UTC);
    spec.extensions = {{NID_basic_constraints, "critical,CA:FALSE"},
        {NID_key_usage, "critical,digitalSignature,nonRepudiation"},
        {NID_subject_key_identifier, "hash"}};
    auto pem = support::makeSelfSigned(key.get(), spec);
    if (!pem)
        return identityError(pem.error().message);
    return pem;
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
