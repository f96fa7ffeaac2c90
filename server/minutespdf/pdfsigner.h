// Signing minutes PDFs, and checking them. The signature is an incremental update appended to
// the PDF Qt wrote: a new document Info carrying the stamp (which event of which meeting the
// minutes were made from), a signature dictionary with a detached CMS (SHA-256, RSA, the
// certificate embedded), an invisible signature widget on the first page and an AcroForm in a
// redefined catalog. Everything but the signature's own /Contents is signed, so any changed
// byte shows. The CMS signing time is the meeting's last event time, so signing the same PDF
// with the same stamp and key twice gives the same bytes. pdfsig (poppler) and other PDF
// readers check it as an ordinary PAdES-style adbe.pkcs7.detached signature.
#pragma once

#include "minutespdf/minutesidentity.h"
#include "protocol/error.h"

#include <QByteArray>
#include <QString>

namespace chamber::minutespdf {

// What the minutes say about where they come from. Written into the signed document Info
// (/Keywords for people, /Chamber* keys for programs) and read back by checkSignedMinutesPdf.
struct MinutesStamp
{
    qint64 meeting = 0;
    qint64 seq = 0; // the last event the minutes were made from
    QString lastEventHash; // its hash, 64 lower-case hex digits
    QString lastEventTime; // its time (ISO 8601); also the signing time
    QString kind; // draft|final
    QString language; // vi|en
    QString modelSha256; // minutes::MinutesModel::modelSha256()
    bool operator==(const MinutesStamp &) const = default;
};

// The largest PDF either function reads (the minutes of a long session are a few MB).
inline constexpr qsizetype kMaxMinutesPdfBytes = 256 * 1024 * 1024;

// Invalid when the stamp is incomplete (a field names it) or the PDF is not one Qt wrote
// (a single classic cross-reference table, plain catalog, info and first page); Internal when
// OpenSSL fails.
Result<QByteArray> signMinutesPdf(
    const QByteArray &unsignedPdf, const MinutesStamp &stamp, const MinutesIdentity &identity);

struct SignedPdfCheck
{
    bool signatureValid = false; // the CMS signature holds over the signed bytes
    bool coversWholeFile = false; // the signed bytes are the whole file but /Contents
    QByteArray certificateDer; // the signer's certificate, as embedded
    QString certificateFingerprint; // lower-case hex SHA-256 of certificateDer
    MinutesStamp stamp;
    QString problem; // why it is not valid or not whole; empty when both hold
};

// Reads the last update's trailer, catalog, signature field and Info strictly and within
// bounds, then checks the CMS against its embedded certificate (no chain: the caller compares
// the fingerprint with the one it trusts). An Error (Invalid) only when the file is not a PDF,
// carries no Chamber signature or is malformed; a signature that does not hold is
// signatureValid = false with the reason in `problem`.
Result<SignedPdfCheck> checkSignedMinutesPdf(const QByteArray &pdf);

} // namespace chamber::minutespdf
