#include "zipwriter.h"

#include <array>

namespace chamber::testing {

namespace {

void appendLe16(QByteArray &out, quint16 value)
{
    out.append(char(value & 0xff));
    out.append(char(value >> 8));
}

void appendLe32(QByteArray &out, quint32 value)
{
    appendLe16(out, quint16(value & 0xffff));
    appendLe16(out, quint16(value >> 16));
}

void appendLe64(QByteArray &out, quint64 value)
{
    appendLe32(out, quint32(value & 0xffffffffu));
    appendLe32(out, quint32(value >> 32));
}

} // namespace

quint32 zipCrc32(const QByteArray &data)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t {};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    quint32 crc = 0xffffffffu;
    for (const char byte : data)
        crc = table[(crc ^ quint8(byte)) & 0xff] ^ (crc >> 8);
    return crc ^ 0xffffffffu;
}

QByteArray rawDeflate(const QByteArray &data)
{
    // qCompress: a 4-byte length, then a zlib stream (2-byte header, raw deflate, Adler-32).
    const QByteArray zlib = qCompress(data, 9);
    return zlib.mid(6, zlib.size() - 10);
}

void putLe16(QByteArray &bytes, qsizetype at, quint16 value)
{
    bytes[at] = char(value & 0xff);
    bytes[at + 1] = char(value >> 8);
}

void putLe32(QByteArray &bytes, qsizetype at, quint32 value)
{
    putLe16(bytes, at, quint16(value & 0xffff));
    putLe16(bytes, at + 2, quint16(value >> 16));
}

Zip makeZip(const std::vector<ZipEntry> &entries, bool zip64Directory)
{
    Zip zip;
    QByteArray directory;
    std::vector<qsizetype> centralOffsets;
    for (const ZipEntry &entry : entries) {
        const QByteArray packed = entry.deflate ? rawDeflate(entry.data) : entry.data;
        const quint32 crc = zipCrc32(entry.data);
        const quint16 method = entry.deflate ? 8 : 0;
        QByteArray extra;
        if (entry.zip64Sizes) {
            appendLe16(extra, 0x0001);
            appendLe16(extra, 16);
            appendLe64(extra, quint64(entry.data.size()));
            appendLe64(extra, quint64(packed.size()));
        }
        const quint32 packedField = entry.zip64Sizes ? 0xffffffffu : quint32(packed.size());
        const quint32 sizeField = entry.zip64Sizes ? 0xffffffffu : quint32(entry.data.size());
        ZipEntryOffsets offsets;
        offsets.local = zip.bytes.size();
        QByteArray &out = zip.bytes;
        appendLe32(out, 0x04034b50);
        appendLe16(out, 20); // version needed
        appendLe16(out, 0); // flags
        appendLe16(out, method);
        appendLe16(out, 0); // time
        appendLe16(out, 0x21); // date: 1980-01-01
        appendLe32(out, crc);
        appendLe32(out, packedField);
        appendLe32(out, sizeField);
        appendLe16(out, quint16(entry.name.size()));
        appendLe16(out, quint16(extra.size()));
        out += entry.name;
        out += extra;
        out += packed;

        centralOffsets.push_back(directory.size());
        appendLe32(directory, 0x02014b50);
        appendLe16(directory, 20); // version made by
        appendLe16(directory, 20);
        appendLe16(directory, 0);
        appendLe16(directory, method);
        appendLe16(directory, 0);
        appendLe16(directory, 0x21);
        appendLe32(directory, crc);
        appendLe32(directory, packedField);
        appendLe32(directory, sizeField);
        appendLe16(directory, quint16(entry.name.size()));
        appendLe16(directory, quint16(extra.size()));
        appendLe16(directory, 0); // comment
        appendLe16(directory, 0); // disk
        appendLe16(directory, 0); // internal attributes
        appendLe32(directory, 0); // external attributes
        appendLe32(directory, quint32(offsets.local));
        directory += entry.name;
        directory += extra;
        zip.entries.push_back(offsets);
    }
    const qsizetype directoryOffset = zip.bytes.size();
    for (size_t i = 0; i < entries.size(); ++i)
        zip.entries[i].central = directoryOffset + centralOffsets[i];
    zip.bytes += directory;
    const quint16 count = zip64Directory ? 0xffff : quint16(entries.size());
    if (zip64Directory) {
        const qsizetype record = zip.bytes.size();
        appendLe32(zip.bytes, 0x06064b50);
        appendLe64(zip.bytes, 44); // the record's size after this field
        appendLe16(zip.bytes, 45);
        appendLe16(zip.bytes, 45);
        appendLe32(zip.bytes, 0);
        appendLe32(zip.bytes, 0);
        appendLe64(zip.bytes, entries.size());
        appendLe64(zip.bytes, entries.size());
        appendLe64(zip.bytes, quint64(directory.size()));
        appendLe64(zip.bytes, quint64(directoryOffset));
        appendLe32(zip.bytes, 0x07064b50);
        appendLe32(zip.bytes, 0);
        appendLe64(zip.bytes, quint64(record));
        appendLe32(zip.bytes, 1);
    }
    zip.endOfDirectory = zip.bytes.size();
    appendLe32(zip.bytes, 0x06054b50);
    appendLe16(zip.bytes, 0);
    appendLe16(zip.bytes, 0);
    appendLe16(zip.bytes, count);
    appendLe16(zip.bytes, count);
    appendLe32(zip.bytes, zip64Directory ? 0xffffffffu : quint32(directory.size()));
    appendLe32(zip.bytes, zip64Directory ? 0xffffffffu : quint32(directoryOffset));
    appendLe16(zip.bytes, 0); // comment
    return zip;
}

} // namespace chamber::testing
