// Ballot keys and receipts. The voter's device makes a random key for each ballot; the server
// stores only digests of it. The receipt is derived from the key, so the device can show it
// without the server ever storing "this device got this receipt", and the voter can find it
// in the published result.
#pragma once

#include <QByteArray>
#include <QString>

namespace chamber::protocol {

// 128 random bits as 22 characters of base64url.
QString makeBallotKey();
// The stored identity of a ballot: nobody can go back from it to the key.
QByteArray ballotId(qint64 meeting, qint64 poll, const QString &key);
// "K7P2-QX9M": 40 bits in Crockford base32 (no I, L, O, U), easy to read aloud and compare.
QString ballotReceipt(qint64 meeting, qint64 poll, const QString &key);

} // namespace chamber::protocol
