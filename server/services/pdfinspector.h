// Does an uploaded file open as a PDF a tablet can show? Checked with QtPdf (the engine the
// kiosk's viewer uses), plus what QtPdf forgives: a missing or wrong end (a truncated upload, or
// one cut short inside an appended revision, whose newer revision QtPdf silently drops) and
// encryption with an empty user password (it opens, but the kiosk would need the password
// for annotations and text search).
#pragma once

#include "protocol/error.h"

#include <QString>

namespace chamber::services {

struct PdfInfo
{
    qint64 pages = 0;
    QString title; // the document's metadata title; empty when it has none
};

// `path` holds the upload's bytes. Invalid errors say why the file is refused.
Result<PdfInfo> inspectPdf(const QString &path);

} // namespace chamber::services
