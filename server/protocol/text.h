// The one check for text that people give names with: meeting, agenda and poll titles,
// delegate names, document names. Such a label is shown on tablets, the wall screen, seat
// cards, exports and as a download's file name, so it must look like what it is:
// no control characters, no bidirectional overrides that make "to-trinh-<RLO>fdp.exe" display
// as "to-trinh-exe.pdf", no invisible characters that make two names that look alike differ.
// Refused rather than silently removed: bad input gets a clear error and changes nothing.
#pragma once

#include "protocol/error.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace chamber::protocol {

// "U+202E RIGHT-TO-LEFT OVERRIDE": the code point and, for the characters refused here, its
// Unicode name, so a refusal tells the user exactly what to remove.
QString describeCodePoint(char32_t codePoint);

// Why `text` is not fit to be a label, naming the first offending character; nullopt when it
// is fine. Refused: C0 and C1 controls (tab and line breaks too: a label is one line), every
// format character (Unicode category Cf: bidi embeddings, overrides, isolates and marks,
// zero-width space/joiners, word joiner, BOM, soft hyphen, tag characters), U+180E, line and
// paragraph separators, noncharacters, lone surrogates and U+FFFD (text already damaged by a
// wrong encoding).
// ZERO WIDTH (NON-)JOINER are legitimate in Persian, Arabic and Indic scripts; this product
// is used in Vietnamese and English, where they only ever hide differences, so they go too.
std::optional<QString> labelProblem(QStringView text);

// The form a label is kept in: Unicode NFC (macOS sends NFD; "ồ" is one character on every
// screen and in every comparison) and trimmed.
QString normalizedLabel(const QString &text);

// normalizedLabel() when labelProblem() finds nothing, else BadField for `field` with the reason
// ("the name contains U+202E RIGHT-TO-LEFT OVERRIDE"). `what` names the label in the message
// ("the name", "the title").
Result<QString> checkLabel(const QString &raw, const QString &field, const QString &what);

// Bytes from outside (a query string, a header, a CSV file) become text only when they are
// valid UTF-8; otherwise BadField "<what> is not valid UTF-8" instead of replacement characters.
Result<QString> decodeUtf8(QByteArrayView bytes, const QString &field, const QString &what);

// A file name for saving `label` (a title that may hold "/" as in "Tờ trình số 12/TTr-UBND"):
// path separators, characters Windows refuses in names (: * ? " < > |), controls and the
// characters labelProblem() refuses become "_"; leading and trailing dots and spaces go; at most
// 255 UTF-8 bytes with `extension` (without the dot) appended unless the label already ends
// with it; "document" when nothing is left.
QString safeFileName(const QString &label, const QString &extension);

// The same, ASCII only (diacritics dropped, "đ" as "d", anything else "_"): the filename=
// fallback of a Content-Disposition header, next to filename*=UTF-8''.
QString asciiFileName(const QString &fileName);

// `Content-Disposition: <disposition>; filename="<ascii>"; filename*=UTF-8''<percent-encoded>`
// for a file name made by safeFileName().
QByteArray contentDisposition(const QByteArray &disposition, const QString &fileName);

} // namespace chamber::protocol
