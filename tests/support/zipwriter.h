// ZIP archives for tests (office files are ZIP archives): stored or deflated entries, written
// whole in memory. Deflate is zlib's through Qt (qCompress), so no other library is needed.
// Tests of the archive check damage its output byte by byte; ZipEntryOffsets says where.
#pragma once

#include <QByteArray>

#include <vector>

namespace chamber::testing {

struct ZipEntry
{
    QByteArray name;
    QByteArray data;
    bool deflate = true;
    // Sizes as 0xffffffff in both headers, the real ones in a ZIP64 extra field.
    bool zip64Sizes = false;
};

struct ZipEntryOffsets
{
    qsizetype local = 0; // the local header
    qsizetype central = 0; // the central directory header
};

struct Zip
{
    QByteArray bytes;
    std::vector<ZipEntryOffsets> entries;
    qsizetype endOfDirectory = 0;
};

// `zip64Directory`: the end of the directory as a ZIP64 record and locator, the plain record
// holding only 0xffff and 0xffffffff markers.
Zip makeZip(const std::vector<ZipEntry> &entries, bool zip64Directory = false);
quint32 zipCrc32(const QByteArray &data);
// Raw deflate (RFC 1951), as a ZIP entry holds it.
QByteArray rawDeflate(const QByteArray &data);
// Little-endian field patches for damaging an archive.
void putLe16(QByteArray &bytes, qsizetype at, quint16 value);
void putLe32(QByteArray &bytes, qsizetype at, quint32 value);

} // namespace chamber::testing
