// The first checks of an uploaded document, before anything touches the disk: is the name a
// plain file name, and do the first bytes say PDF or an office document we can convert?
// Pure functions over outside data, so they are fuzzed (tests/fuzz/fuzz_document_upload.cpp).
#pragma once

#include "protocol/error.h"

#include <QByteArray>
#include <QString>

namespace chamber::core {

// The longest file name kept (in UTF-8 bytes), as on common file systems.
constexpr int kMaxUploadNameBytes = 255;

// The name as it will be shown: trimmed and NFC-normalised. Refused (BadField, with the
// reason) when it is empty, longer than kMaxUploadNameBytes, contains NUL or other control
// characters, or a path ("/", "\", "." or ".."). The name is never used as a path anyway:
// files are stored under their SHA-256; refusing says plainly that the client sent garbage.
Result<QString> checkUploadName(const QString &raw);

enum class UploadFormat { Pdf, Office };

struct DetectedFormat
{
    UploadFormat format = UploadFormat::Pdf;
    QString source; // "pdf", or the office extension: "docx", "xlsx", "pptx", "odt", "ods", "odp"
};

// By the content's first bytes; an office file also by its extension (they are all ZIP
// archives). A PDF is a PDF whatever its name says; anything else is refused with a reason.
Result<DetectedFormat> detectUploadFormat(const QByteArray &content, const QString &name);

} // namespace chamber::core
