// A strict, bounded reader of the few PDF structures the minutes signer writes and checks: the
// last cross-reference section with its trailer, and plain (stream-less) indirect objects.
// Not a general PDF parser: it never follows more than it is asked to, refuses what it does
// not understand, and keeps every object's byte span so the signer can copy entries verbatim
// and the checker can locate /Contents exactly.
#pragma once

#include "protocol/error.h"

#include <QByteArray>

#include <map>
#include <vector>

namespace chamber::minutespdf::pdf {

inline constexpr int kMaxDepth = 32; // nesting of arrays and dictionaries
inline constexpr qsizetype kMaxItems = 4096; // entries of one array or dictionary
inline constexpr qsizetype kMaxXrefEntries = 10'000'000;

struct Object
{
    enum class Type { Null, Boolean, Integer, Real, Name, String, Array, Dictionary, Reference };
    Type type = Type::Null;
    bool boolean = false;
    qint64 integer = 0; // Integer; Reference: the object number
    qint64 generation = 0; // Reference
    QByteArray bytes; // Name (without the slash, #xx decoded), String (decoded), Real (as written)
    std::vector<Object> items; // Array; Dictionary: the values
    std::vector<QByteArray> keys; // Dictionary: the keys, in file order (no duplicates)
    std::vector<qsizetype> keyStarts; // Dictionary: where each key's slash is
    qsizetype start = 0; // first byte of the object in the file
    qsizetype end = 0; // one past its last byte

    bool isName(const char *name) const { return type == Type::Name && bytes == name; }
    // Dictionary lookup; null when absent (or not a dictionary).
    const Object *find(const char *key) const;
};

struct XrefSection
{
    qsizetype offset = 0; // of the "xref" keyword
    std::map<qint64, qsizetype> objects; // in-use objects of this section: number -> offset
    Object trailer; // a dictionary
    qsizetype trailerEnd = 0;
};

// Where the last cross-reference section starts: the number after the last "startxref",
// which must be followed by "%%EOF" and nothing but an end of line.
Result<qsizetype> lastXrefOffset(const QByteArray &file);

// The classic cross-reference table at `offset` ("xref", subsections of 20-byte entries,
// "trailer" and its dictionary). Cross-reference streams are refused.
Result<XrefSection> parseXrefSection(const QByteArray &file, qsizetype offset);

// "number generation obj <object> endobj" at `offset`; streams are refused.
Result<Object> parseIndirectObject(const QByteArray &file, qsizetype offset, qint64 number);

// The object `reference` names, which must be in `section` (the last update).
Result<Object> resolveInSection(
    const QByteArray &file, const XrefSection &section, const Object *reference, const char *what);

} // namespace chamber::minutespdf::pdf
