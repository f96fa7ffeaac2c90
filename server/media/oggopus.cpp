#include "media/oggopus.h"

#include <QFile>

#include <array>

namespace chamber::media {

namespace {

constexpr qsizetype kPageHeaderBytes = 27;
constexpr int kHeaderFlagEndOfStream = 0x04;
constexpr qint64 kOpusRate = 48000;

std::array<quint32, 256> makeCrcTable()
{
    std::array<quint32, 256> table {};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 r = i << 24;
        for (int bit = 0; bit < 8; ++bit)
            r = (r & 0x80000000u) ? (r << 1) ^ 0x04c11db7u : r << 1;
        table[i] = r;
    }
    return table;
}

quint32 readLe32(const uchar *p)
{
    return quint32(p[0]) | quint32(p[1]) << 8 | quint32(p[2]) << 16 | quint32(p[3]) << 24;
}

qint64 readLe64(const uchar *p)
{
    return qint64(quint64(readLe32(p)) | quint64(readLe32(p + 4)) << 32);
}

// One page at the start of `bytes`: its total length, or 0 when it is not a whole, valid page.
qsizetype pageLength(QByteArrayView bytes)
{
    if (bytes.size() < kPageHeaderBytes || !bytes.startsWith("OggS") || bytes[4] != 0)
        return 0;
    const auto *p = reinterpret_cast<const uchar *>(bytes.data());
    const int segments = p[26];
    if (bytes.size() < kPageHeaderBytes + segments)
        return 0;
    qsizetype body = 0;
    for (int i = 0; i < segments; ++i)
        body += p[kPageHeaderBytes + i];
    const qsizetype length = kPageHeaderBytes + segments + body;
    if (bytes.size() < length)
        return 0;
    if (oggPageCrc(bytes.first(length)) != readLe32(p + 22))
        return 0;
    return length;
}

// Feeds pages to `scan` from the start of `bytes`; returns how many bytes were whole pages.
qsizetype scanPages(QByteArrayView bytes, OggOpusScan &scan, quint32 &serial)
{
    qsizetype offset = 0;
    for (;;) {
        const QByteArrayView rest = bytes.sliced(offset);
        const qsizetype length = pageLength(rest);
        if (length == 0)
            return offset;
        const auto *p = reinterpret_cast<const uchar *>(rest.data());
        const quint32 pageSerial = readLe32(p + 14);
        if (scan.pages == 0) {
            serial = pageSerial;
            const qsizetype headerEnd = kPageHeaderBytes + p[26];
            const QByteArrayView body = rest.sliced(headerEnd, length - headerEnd);
            if (body.size() >= 19 && body.startsWith("OpusHead")) {
                scan.opusHead = true;
                const auto *head = reinterpret_cast<const uchar *>(body.data());
                scan.preSkip = int(head[10]) | int(head[11]) << 8;
            }
        }
        if (pageSerial == serial) {
            const qint64 granule = readLe64(p + 6);
            if (granule != -1)
                scan.lastGranule = granule;
            scan.endOfStream = (p[5] & kHeaderFlagEndOfStream) != 0;
        }
        ++scan.pages;
        offset += length;
        scan.goodBytes += length;
    }
}

} // namespace

quint32 oggPageCrc(QByteArrayView page)
{
    static const std::array<quint32, 256> table = makeCrcTable();
    quint32 crc = 0;
    for (qsizetype i = 0; i < page.size(); ++i) {
        const uchar byte = (i >= 22 && i < 26) ? 0 : uchar(page[i]);
        crc = (crc << 8) ^ table[((crc >> 24) ^ byte) & 0xff];
    }
    return crc;
}

qint64 OggOpusScan::durationMs() const
{
    if (lastGranule <= preSkip)
        return 0;
    // Whole seconds first: a forged granule near 2^63 would overflow samples * 1000.
    const qint64 samples = lastGranule - preSkip;
    return samples / kOpusRate * 1000 + samples % kOpusRate * 1000 / kOpusRate;
}

OggOpusScan scanOggOpus(QByteArrayView bytes)
{
    OggOpusScan scan;
    quint32 serial = 0;
    scanPages(bytes, scan, serial);
    return scan;
}

Result<OggOpusScan> scanOggOpusFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Internal,
            QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    OggOpusScan scan;
    quint32 serial = 0;
    QByteArray pending;
    // A page is at most 27 + 255 + 255 * 255 bytes; blocks of 256 KiB always hold a whole one.
    constexpr qint64 kBlock = 256 * 1024;
    for (;;) {
        const QByteArray block = file.read(kBlock);
        if (block.isEmpty() && file.error() != QFileDevice::NoError)
            return makeError(ErrorCode::Internal,
                QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
        pending += block;
        const qsizetype used = scanPages(pending, scan, serial);
        pending.remove(0, used);
        if (block.isEmpty())
            return scan;
        // Nothing usable in a full block and more: the rest is not Ogg pages.
        if (used == 0 && pending.size() > 2 * kBlock)
            return scan;
    }
}

} // namespace chamber::media
