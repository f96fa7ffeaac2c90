// A published poll result as `chamberctl result` writes it: {document, signature, publicKey}.
// It comes from outside (mail, a USB stick, a web page), so it is parsed once, strictly, into
// what verification needs; every later check works on this struct.
#pragma once

#include "protocol/chain.h"
#include "protocol/error.h"

#include <QJsonObject>

namespace chamber::ctl {

struct SignedResult
{
    QJsonObject document; // exactly as signed; compared with what the log says
    QByteArray signature; // Ed25519, 64 bytes
    QByteArray publicKey; // Ed25519, 32 bytes
    // From the document, checked for type and range:
    qint64 meeting = 0;
    qint64 poll = 0;
    QString pollTitle;
    QString verdict;
    QString explanation;
    protocol::ChainPosition lastEvent; // the meeting's last event before publishing

    // The signature holds for the document under publicKey (says nothing about whose key).
    bool signatureHolds() const;
};

// Errors are Invalid with a message naming the field ("document.lastEvent.hash must be ...").
Result<SignedResult> parseSignedResult(const QByteArray &bytes);

} // namespace chamber::ctl
