#include "protocol/tlspin.h"

#include <QCryptographicHash>
#include <QSslCertificate>
#include <QSslKey>

namespace chamber::protocol {

QByteArray spkiSha256(const QSslKey &publicKey)
{
    // Qt's DER encoding of a public key is the SubjectPublicKeyInfo structure, the same bytes
    // `openssl pkey -pubin -outform der` produces (checked in test_protocol).
    return QCryptographicHash::hash(publicKey.toDer(), QCryptographicHash::Sha256);
}

QByteArray spkiSha256(const QSslCertificate &certificate)
{
    return spkiSha256(certificate.publicKey());
}

QByteArray parsePin(const QString &text)
{
    const QByteArray latin = text.trimmed().toLatin1();
    if (latin.size() == 64) {
        const QByteArray raw = QByteArray::fromHex(latin);
        return raw.size() == 32 && raw.toHex() == latin.toLower() ? raw : QByteArray();
    }
    if (latin.size() == 43) {
        auto decoded = QByteArray::fromBase64Encoding(latin,
            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
                | QByteArray::AbortOnBase64DecodingErrors);
        if (decoded && decoded.decoded.size() == 32)
            return decoded.decoded;
    }
    return {};
}

QString formatPin(const QByteArray &digest)
{
    return QString::fromLatin1(
        digest.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QSslConfiguration pinnedClientConfiguration()
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates({});
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    return configuration;
}

bool peerMatchesPin(const QSslCertificate &peer, const QByteArray &pin)
{
    if (peer.isNull() || pin.size() != 32)
        return false;
    // Both sides are public; a plain comparison leaks nothing worth a constant-time compare.
    return spkiSha256(peer) == pin;
}

} // namespace chamber::protocol
