// The first checks of an uploaded document, before anything touches the disk: is the name a
// label fit to be shown, do the first bytes say PDF or an office document we can convert, and
// does a PDF end the way a complete one does? Pure functions over outside data, so they are
// fuzzed (tests/fuzz/fuzz_document_upload.cpp).
#pragma once

#include "protocol/error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace chamber::core {

// The longest name kept (in UTF-8 bytes), as on common file systems.
constexpr int kMaxUploadNameBytes = 255;

// The name as it will be shown: a label, never a path (files are stored under their SHA-256,
// and downloads get a file name made by protocol::safeFileName()), so "/" is fine: Vietnamese
// document numbers always hold one ("Tờ trình số 12/TTr-UBND.pdf"). Trimmed and NFC-normalised;
// refused (BadField "name", with the reason) when empty, only dots, longer than
// kMaxUploadNameBytes, or holding what protocol::labelProblem() refuses (controls, bidi
// overrides, zero-width characters), named in the message.
Result<QString> checkUploadName(const QString &raw);

// The same for the name's bytes as they came (the percent-decoded query string): refused with
// "the name is not valid UTF-8" rather than shown with replacement characters.
Result<QString> checkUploadNameBytes(QByteArrayView raw);

// The extension of a name (lower case, without the dot), when the part after its last dot looks
// like one (1 to 5 letters or digits); "12/TTr-UBND" has none.
QString uploadExtension(const QString &name);

// The title shown for a document that has no metadata title: the name without its extension.
QString titleFromName(const QString &name);

enum class UploadFormat { Pdf, Office };

struct DetectedFormat
{
    UploadFormat format = UploadFormat::Pdf;
    QString source; // "pdf", or the office extension: "docx", "xlsx", "pptx", "odt", "ods", "odp"
};

// By the content's first bytes; an office file also by its extension (they are all ZIP
// archives). A PDF is a PDF whatever its name says; anything else is refused with a reason.
Result<DetectedFormat> detectUploadFormat(const QByteArray &content, const QString &name);

// A complete PDF ends with its last revision: "startxref", the offset of that revision's
// cross-reference table ("xref") or stream ("N G obj" with /Type /XRef), then "%%EOF" and
// nothing but white space. A file cut short inside an appended (incremental-update) revision
// still holds the earlier revision's %%EOF, but not at its end, so it is refused (Invalid,
// field "content", with the reason) instead of silently losing the newer revision.
Status checkPdfEnd(QByteArrayView content);

} // namespace chamber::core
