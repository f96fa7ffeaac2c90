#include "app/tlsidentity.h"

#include "protocol/tlspin.h"
#include "support/privatefile.h"
#include "support/selfsigned.h"

#include <QDir>
#include <QFile>
#include <QHostInfo>

#include <openssl/evp.h>
#include <openssl/pem.h>
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

Error tlsError(const QString &what)
{
    return makeError(ErrorCode::Internal, QStringLiteral("TLS identity: %1").arg(what));
}

Result<support::SelfSignedPem> generate()
{
    PKeyPtr key(EVP_EC_gen("P-256"));
    if (!key)
        return tlsError(QStringLiteral("key generation failed"));
    const QByteArray host = QHostInfo::localHostName().toUtf8().left(60);
    QByteArray altNames = "DNS:localhost,IP:127.0.0.1,IP:::1";
    if (!host.isEmpty() && host != "localhost")
        altNames += ",DNS:" + host;
    support::SelfSignedSpec spec;
    spec.commonName = "chamberd " + host;
    // Valid from an hour ago (clock skew between tablets and server) for ten years.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    spec.notBefore = now.addSecs(-3600);
    spec.notAfter = now.addSecs(10LL * 365 * 24 * 3600);
    spec.extensions
        = {{NID_subject_alt_name, altNames}, {NID_basic_constraints, "critical,CA:FALSE"},
            {NID_key_usage, "critical,digitalSignature"}, {NID_ext_key_usage, "serverAuth"}};
    auto pem = support::makeSelfSigned(key.get(), spec);
    if (!pem)
        return tlsError(pem.error().message);
    return pem;
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
