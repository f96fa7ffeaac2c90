#include "protocol/receipt.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace chamber::protocol {

namespace {

QByteArray digest(const char *purpose, qint64 meeting, qint64 poll, const QString &key)
{
    // Domain separation: the id and the receipt are different functions of the same key.
    const QByteArray input = QByteArray(purpose) + ':' + QByteArray::number(meeting) + ':'
        + QByteArray::number(poll) + ':' + key.toUtf8();
    return QCryptographicHash::hash(input, QCryptographicHash::Sha256);
}

} // namespace

QString makeBallotKey()
{
    QByteArray random(16, '\0');
    QRandomGenerator::system()->generate(random.begin(), random.end());
    return QString::fromLatin1(
        random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray ballotId(qint64 meeting, qint64 poll, const QString &key)
{
    return digest("chamber-ballot-id", meeting, poll, key);
}

QString ballotReceipt(qint64 meeting, qint64 poll, const QString &key)
{
    static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    const QByteArray hash = digest("chamber-ballot-receipt", meeting, poll, key);
    quint64 bits = 0;
    for (int i = 0; i < 5; ++i)
        bits = (bits << 8) | quint8(hash[i]);
    QString receipt;
    for (int i = 7; i >= 0; --i) {
        receipt += QLatin1Char(alphabet[(bits >> (i * 5)) & 31]);
        if (i == 4)
            receipt += u'-';
    }
    return receipt;
}

} // namespace chamber::protocol
