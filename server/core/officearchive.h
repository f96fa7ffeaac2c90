// The ZIP container of an office upload (.docx, .xlsx, .pptx, .odt, .ods, .odp), read from its
// central directory before LibreOffice sees it: a 1 MB file whose document.xml unpacks to
// 1 GiB (a "zip bomb") is refused here, naming the entry, instead of taking LibreOffice to
// gigabytes of memory. Only the directory is read, nothing is inflated, so the sizes checked
// are the declared ones: a file that lies about them is caught by the memory limit of the
// conversion (OfficeConverterOptions::memoryBytes), not here. A pure function over outside
// bytes, fuzzed by tests/fuzz/fuzz_office_archive.cpp.
#pragma once

#include "protocol/error.h"

#include <QByteArray>
#include <QString>

namespace chamber::core {

struct OfficeArchiveLimits
{
    qint64 maxEntries = 10000;
    qint64 maxUnpackedBytes = 256LL * 1024 * 1024; // the sum of the entries' declared sizes
    // An entry above ratioFloorBytes unpacked may be at most maxRatio times its packed size.
    // Real office XML packs 5 to 30 times; repeating one thing a billion times packs 1000.
    qint64 maxRatio = 200;
    qint64 ratioFloorBytes = 1024 * 1024;
};

struct OfficeArchiveSummary
{
    qint64 entries = 0;
    qint64 unpackedBytes = 0; // declared
};

// Refused with TooLarge (too many entries, too much unpacked, a ratio above the limit) or
// Invalid (not a ZIP archive, damaged, encrypted, split over several disks, a compression
// method office files do not use, entries overlapping or disagreeing with their local
// headers, duplicate names), each with a message naming the entry; field "content". ZIP64
// records are read (some writers use them for small files too).
Result<OfficeArchiveSummary> checkOfficeArchive(
    const QByteArray &archive, const QString &format, const OfficeArchiveLimits &limits = {});

} // namespace chamber::core
