#include "core/officearchive.h"

#include <QSet>

#include <algorithm>
#include <vector>

namespace chamber::core {

namespace {

constexpr quint32 kLocalHeader = 0x04034b50;
constexpr quint32 kCentralHeader = 0x02014b50;
constexpr quint32 kEndOfDirectory = 0x06054b50;
constexpr quint32 kZip64EndOfDirectory = 0x06064b50;
constexpr quint32 kZip64Locator = 0x07064b50;
constexpr qint64 kEndOfDirectorySize = 22;
constexpr qint64 kZip64LocatorSize = 20;
constexpr qint64 kZip64EndOfDirectorySize = 56;
constexpr qint64 kCentralHeaderSize = 46;
constexpr qint64 kLocalHeaderSize = 30;
constexpr quint16 kZip64ExtraId = 0x0001;
constexpr quint16 kEncryptedFlag = 0x0001;
constexpr quint16 kDataDescriptorFlag = 0x0008;
constexpr quint16 kStored = 0;
constexpr quint16 kDeflated = 8;

// Little-endian reads inside [0, size); callers check the bounds first.
class Bytes
{
public:
    explicit Bytes(const QByteArray &data)
        : m_data(reinterpret_cast<const uchar *>(data.constData()))
        , m_size(data.size())
    { }
    qint64 size() const { return m_size; }
    bool has(qint64 offset, qint64 length) const
    {
        return offset >= 0 && length >= 0 && offset <= m_size && length <= m_size - offset;
    }
    quint16 u16(qint64 at) const { return quint16(m_data[at] | (m_data[at + 1] << 8)); }
    quint32 u32(qint64 at) const { return quint32(u16(at)) | (quint32(u16(at + 2)) << 16); }
    quint64 u64(qint64 at) const { return quint64(u32(at)) | (quint64(u32(at + 4)) << 32); }
    QByteArray slice(qint64 at, qint64 length) const
    {
        return QByteArray(reinterpret_cast<const char *>(m_data + at), length);
    }

private:
    const uchar *m_data;
    qint64 m_size;
};

struct Directory
{
    quint64 entries = 0;
    quint64 offset = 0;
    quint64 size = 0;
    qint64 end = 0; // where the directory must end: the ZIP64 record or the end record
};

struct Entry
{
    QByteArray name;
    quint16 flags = 0;
    quint16 method = 0;
    quint32 crc = 0;
    quint64 packed = 0;
    quint64 unpacked = 0;
    quint64 localOffset = 0;
    qint64 dataEnd = 0; // filled in from the local header
};

class Checker
{
public:
    Checker(const QByteArray &archive, const QString &format, const OfficeArchiveLimits &limits)
        : m_bytes(archive)
        , m_format(format)
        , m_limits(limits)
    { }

    Result<OfficeArchiveSummary> run();

private:
    Error invalid(const QString &what) const
    {
        return makeError(ErrorCode::Invalid,
            QStringLiteral("the server could not read the .%1 file as an office document (a ZIP "
                           "archive), so LibreOffice was not asked to convert it: %2")
                .arg(m_format, what),
            QStringLiteral("content"));
    }
    Error invalidEntry(const Entry &entry, const QString &what) const
    {
        return invalid(QStringLiteral("entry \"%1\" %2").arg(shownName(entry), what));
    }
    static QString shownName(const Entry &entry) { return QString::fromUtf8(entry.name.left(200)); }

    Result<Directory> findDirectory() const;
    Result<Directory> readZip64(qint64 endRecord, Directory plain) const;
    Result<Entry> readEntry(qint64 *at, const Directory &directory) const;
    Status readZip64Extra(
        QByteArray extra, Entry *entry, bool wantUnpacked, bool wantPacked, bool wantOffset) const;
    Status checkLocal(Entry *entry, const Directory &directory) const;
    Status checkSizes(const Entry &entry, quint64 totalBefore) const;

    Bytes m_bytes;
    QString m_format;
    OfficeArchiveLimits m_limits;
};

QString mebibytes(quint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

Result<Directory> Checker::findDirectory() const
{
    // The end record is the last 22 bytes, or ends a comment of up to 64 KiB.
    const qint64 last = m_bytes.size() - kEndOfDirectorySize;
    const qint64 first = std::max<qint64>(0, last - 0xffff);
    for (qint64 at = last; at >= first; --at) {
        if (m_bytes.u32(at) != kEndOfDirectory)
            continue;
        const quint16 commentLength = m_bytes.u16(at + 20);
        if (!m_bytes.has(at + kEndOfDirectorySize, commentLength))
            continue; // a signature inside the comment or the data, not the record
        if (m_bytes.u16(at + 4) != 0 || m_bytes.u16(at + 6) != 0)
            return invalid(QStringLiteral("it is split over several disks"));
        Directory directory;
        directory.entries = m_bytes.u16(at + 10);
        if (m_bytes.u16(at + 8) != directory.entries)
            return invalid(QStringLiteral("its directory counts disagree"));
        directory.size = m_bytes.u32(at + 12);
        directory.offset = m_bytes.u32(at + 16);
        directory.end = at;
        if (directory.entries == 0xffff || directory.size == 0xffffffff
            || directory.offset == 0xffffffff)
            return readZip64(at, directory);
        return directory;
    }
    return invalid(QStringLiteral("it has no ZIP directory at its end (damaged or cut short)"));
}

Result<Directory> Checker::readZip64(qint64 endRecord, Directory plain) const
{
    const qint64 locator = endRecord - kZip64LocatorSize;
    if (!m_bytes.has(locator, kZip64LocatorSize) || m_bytes.u32(locator) != kZip64Locator) {
        // Values that only look like ZIP64 markers in a small archive are taken as they are.
        return plain;
    }
    if (m_bytes.u32(locator + 4) != 0 || m_bytes.u32(locator + 16) > 1)
        return invalid(QStringLiteral("it is split over several disks"));
    const quint64 record = m_bytes.u64(locator + 8);
    if (record > quint64(locator) || !m_bytes.has(qint64(record), kZip64EndOfDirectorySize)
        || qint64(record) + kZip64EndOfDirectorySize > locator
        || m_bytes.u32(qint64(record)) != kZip64EndOfDirectory)
        return invalid(QStringLiteral("its ZIP64 directory record is missing or misplaced"));
    const qint64 at = qint64(record);
    if (m_bytes.u32(at + 16) != 0 || m_bytes.u32(at + 20) != 0)
        return invalid(QStringLiteral("it is split over several disks"));
    Directory directory;
    directory.entries = m_bytes.u64(at + 32);
    if (m_bytes.u64(at + 24) != directory.entries)
        return invalid(QStringLiteral("its directory counts disagree"));
    directory.size = m_bytes.u64(at + 40);
    directory.offset = m_bytes.u64(at + 48);
    directory.end = at;
    return directory;
}

Status Checker::readZip64Extra(
    QByteArray extra, Entry *entry, bool wantUnpacked, bool wantPacked, bool wantOffset) const
{
    const Bytes fields(extra);
    for (qint64 at = 0; fields.has(at, 4);) {
        const quint16 id = fields.u16(at);
        const quint16 length = fields.u16(at + 2);
        if (!fields.has(at + 4, length))
            break;
        if (id == kZip64ExtraId) {
            qint64 field = at + 4;
            const qint64 end = field + length;
            for (auto [want, target] :
                {std::pair {wantUnpacked, &entry->unpacked}, std::pair {wantPacked, &entry->packed},
                    std::pair {wantOffset, &entry->localOffset}}) {
                if (!want)
                    continue;
                if (field + 8 > end)
                    return invalidEntry(*entry, QStringLiteral("has a short ZIP64 field"));
                *target = fields.u64(field);
                field += 8;
            }
            return success();
        }
        at += 4 + length;
    }
    return invalidEntry(*entry, QStringLiteral("lacks the ZIP64 field its sizes point to"));
}

Result<Entry> Checker::readEntry(qint64 *at, const Directory &directory) const
{
    const qint64 start = *at;
    if (!m_bytes.has(start, kCentralHeaderSize) || start + kCentralHeaderSize > directory.end
        || m_bytes.u32(start) != kCentralHeader)
        return invalid(QStringLiteral("its directory is damaged"));
    Entry entry;
    entry.flags = m_bytes.u16(start + 8);
    entry.method = m_bytes.u16(start + 10);
    entry.crc = m_bytes.u32(start + 16);
    entry.packed = m_bytes.u32(start + 20);
    entry.unpacked = m_bytes.u32(start + 24);
    const quint16 nameLength = m_bytes.u16(start + 28);
    const quint16 extraLength = m_bytes.u16(start + 30);
    const quint16 commentLength = m_bytes.u16(start + 32);
    const quint16 disk = m_bytes.u16(start + 34);
    entry.localOffset = m_bytes.u32(start + 42);
    const qint64 next = start + kCentralHeaderSize + nameLength + extraLength + commentLength;
    if (next > directory.end)
        return invalid(QStringLiteral("its directory is damaged"));
    entry.name = m_bytes.slice(start + kCentralHeaderSize, nameLength);
    if (entry.name.isEmpty())
        return invalid(QStringLiteral("an entry has no name"));
    const bool wantUnpacked = entry.unpacked == 0xffffffff;
    const bool wantPacked = entry.packed == 0xffffffff;
    const bool wantOffset = entry.localOffset == 0xffffffff;
    if (wantUnpacked || wantPacked || wantOffset) {
        if (auto read
            = readZip64Extra(m_bytes.slice(start + kCentralHeaderSize + nameLength, extraLength),
                &entry, wantUnpacked, wantPacked, wantOffset);
            !read)
            return read.error();
    }
    if (disk != 0 && disk != 0xffff)
        return invalid(QStringLiteral("it is split over several disks"));
    if (entry.flags & kEncryptedFlag)
        return invalidEntry(
            entry, QStringLiteral("is encrypted: remove the password in the office program first"));
    if (entry.method != kStored && entry.method != kDeflated)
        return invalidEntry(entry,
            QStringLiteral("uses compression method %1, which office files do not use")
                .arg(entry.method));
    if (entry.method == kStored && entry.packed != entry.unpacked)
        return invalidEntry(entry, QStringLiteral("is stored uncompressed with two sizes"));
    *at = next;
    return entry;
}

Status Checker::checkLocal(Entry *entry, const Directory &directory) const
{
    // Entries lie before the directory; their data too.
    const quint64 limit = directory.offset;
    if (entry->localOffset > limit || limit - entry->localOffset < quint64(kLocalHeaderSize))
        return invalidEntry(*entry, QStringLiteral("points outside the file"));
    const qint64 at = qint64(entry->localOffset);
    if (m_bytes.u32(at) != kLocalHeader)
        return invalidEntry(*entry, QStringLiteral("points to no local header"));
    const quint16 flags = m_bytes.u16(at + 6);
    const quint16 method = m_bytes.u16(at + 8);
    const quint16 nameLength = m_bytes.u16(at + 26);
    const quint16 extraLength = m_bytes.u16(at + 28);
    const quint64 dataStart = quint64(at) + kLocalHeaderSize + nameLength + extraLength;
    if (dataStart > limit || limit - dataStart < entry->packed)
        return invalidEntry(*entry, QStringLiteral("runs past the end of its data"));
    if (method != entry->method || (flags & kEncryptedFlag) != (entry->flags & kEncryptedFlag)
        || m_bytes.slice(at + kLocalHeaderSize, nameLength) != entry->name)
        return invalidEntry(*entry, QStringLiteral("disagrees with its local header"));
    if (!(flags & kDataDescriptorFlag)) {
        const quint32 crc = m_bytes.u32(at + 14);
        const quint32 packed = m_bytes.u32(at + 18);
        const quint32 unpacked = m_bytes.u32(at + 22);
        const bool zip64 = packed == 0xffffffff || unpacked == 0xffffffff;
        if (crc != entry->crc
            || (!zip64 && (packed != entry->packed || unpacked != entry->unpacked)))
            return invalidEntry(*entry, QStringLiteral("disagrees with its local header"));
    }
    entry->dataEnd = qint64(dataStart + entry->packed);
    return success();
}

Status Checker::checkSizes(const Entry &entry, quint64 totalBefore) const
{
    // Each term at most the limit, so the sum cannot wrap.
    if (entry.unpacked > quint64(m_limits.maxUnpackedBytes)
        || totalBefore + entry.unpacked > quint64(m_limits.maxUnpackedBytes))
        return makeError(ErrorCode::TooLarge,
            QStringLiteral("the .%1 file unpacks to more than %2 MiB, the limit ([documents] "
                           "max-unpacked-mib); \"%3\" alone is %4 MiB")
                .arg(m_format, mebibytes(quint64(m_limits.maxUnpackedBytes)), shownName(entry),
                    mebibytes(entry.unpacked)),
            QStringLiteral("content"));
    if (entry.unpacked > quint64(m_limits.ratioFloorBytes)
        && entry.unpacked / std::max<quint64>(entry.packed, 1) > quint64(m_limits.maxRatio))
        return makeError(ErrorCode::TooLarge,
            QStringLiteral("\"%1\" in the .%2 file unpacks from %3 KiB to %4 MiB, more than "
                           "%5 times its size: a file made to exhaust the server's memory (a "
                           "\"zip bomb\"), not a document")
                .arg(shownName(entry), m_format,
                    QString::number(double(entry.packed) / 1024.0, 'f', 1),
                    mebibytes(entry.unpacked))
                .arg(m_limits.maxRatio),
            QStringLiteral("content"));
    return success();
}

Result<OfficeArchiveSummary> Checker::run()
{
    if (m_bytes.size() < kEndOfDirectorySize)
        return invalid(QStringLiteral("it is too short"));
    auto found = findDirectory();
    if (!found)
        return found.error();
    const Directory directory = found.value();
    if (directory.entries > quint64(m_limits.maxEntries))
        return makeError(ErrorCode::TooLarge,
            QStringLiteral("the .%1 file holds %2 entries; the limit is %3")
                .arg(m_format)
                .arg(directory.entries)
                .arg(m_limits.maxEntries),
            QStringLiteral("content"));
    if (directory.entries == 0)
        return invalid(QStringLiteral("it is empty"));
    if (directory.offset > quint64(directory.end)
        || quint64(directory.end) - directory.offset < directory.size)
        return invalid(QStringLiteral("its directory lies outside the file"));

    std::vector<Entry> entries;
    entries.reserve(size_t(directory.entries));
    QSet<QByteArray> names;
    quint64 total = 0;
    qint64 at = qint64(directory.offset);
    const qint64 directoryEnd = qint64(directory.offset + directory.size);
    for (quint64 index = 0; index < directory.entries; ++index) {
        auto entry = readEntry(&at, directory);
        if (!entry)
            return entry.error();
        if (at > directoryEnd)
            return invalid(QStringLiteral("its directory is longer than it says"));
        if (names.contains(entry->name))
            return invalidEntry(entry.value(), QStringLiteral("is there twice"));
        names.insert(entry->name);
        if (auto local = checkLocal(&entry.value(), directory); !local)
            return local.error();
        if (auto sizes = checkSizes(entry.value(), total); !sizes)
            return sizes.error();
        total += entry->unpacked;
        entries.push_back(std::move(entry.value()));
    }
    if (at != directoryEnd)
        return invalid(QStringLiteral("its directory holds more than it says"));
    // Entries sharing bytes are how small archives declare huge contents without a high ratio.
    std::sort(entries.begin(), entries.end(),
        [](const Entry &a, const Entry &b) { return a.localOffset < b.localOffset; });
    for (size_t i = 1; i < entries.size(); ++i) {
        if (qint64(entries[i].localOffset) < entries[i - 1].dataEnd)
            return invalidEntry(
                entries[i], QStringLiteral("overlaps \"%1\"").arg(shownName(entries[i - 1])));
    }
    return OfficeArchiveSummary {qint64(entries.size()), qint64(total)};
}

} // namespace

Result<OfficeArchiveSummary> checkOfficeArchive(
    const QByteArray &archive, const QString &format, const OfficeArchiveLimits &limits)
{
    return Checker(archive, format, limits).run();
}

} // namespace chamber::core
