#include "sqlitefile.h"

#include <QSet>

#include <cstring>
#include <functional>

namespace chamber::testing::sqlitefile {

namespace {

quint32 be(const QByteArray &data, qsizetype at, int bytes)
{
    quint32 value = 0;
    for (int i = 0; i < bytes; ++i)
        value = (value << 8) | quint8(data.at(at + i));
    return value;
}

// A varint: 1-9 bytes, big-endian, 7 bits a byte with the high bit for "more", 8 in the ninth.
// Returns its length, 0 when it runs past `end`.
int varint(const QByteArray &data, qsizetype at, qsizetype end, quint64 *value)
{
    quint64 result = 0;
    for (int i = 0; i < 9; ++i) {
        if (at + i >= end)
            return 0;
        const quint8 byte = quint8(data.at(at + i));
        if (i == 8) {
            *value = (result << 8) | byte;
            return 9;
        }
        result = (result << 7) | (byte & 0x7f);
        if (!(byte & 0x80)) {
            *value = result;
            return i + 1;
        }
    }
    return 0;
}

// The record format: a header of serial types, then the values.
Record parseRecord(const QByteArray &data, qsizetype at, qsizetype end)
{
    Record record;
    quint64 headerSize = 0;
    const int n = varint(data, at, end, &headerSize);
    if (!n || at + qsizetype(headerSize) > end)
        return record;
    std::vector<quint64> types;
    for (qsizetype h = at + n; h < at + qsizetype(headerSize);) {
        quint64 type = 0;
        const int m = varint(data, h, at + qsizetype(headerSize), &type);
        if (!m)
            return {};
        types.push_back(type);
        h += m;
    }
    qsizetype body = at + qsizetype(headerSize);
    for (quint64 type : types) {
        Value value;
        static const int intSizes[] = {0, 1, 2, 3, 4, 6, 8};
        qsizetype size = 0;
        if (type >= 1 && type <= 6) {
            size = intSizes[type];
            if (body + size > end)
                break;
            qint64 v = qint8(data.at(body)); // sign from the first byte
            for (qsizetype i = 1; i < size; ++i)
                v = (v << 8) | quint8(data.at(body + i));
            value.type = Value::Type::Integer;
            value.integer = v;
        } else if (type == 7) {
            size = 8;
            value.type = Value::Type::Real;
        } else if (type == 8 || type == 9) {
            value.type = Value::Type::Integer;
            value.integer = type == 9 ? 1 : 0;
        } else if (type >= 12) {
            size = qsizetype((type - 12) / 2);
            if (body + size > end)
                break;
            value.type = type % 2 ? Value::Type::Text : Value::Type::Blob;
            value.bytes = data.mid(body, size);
        }
        body += size;
        record.push_back(std::move(value));
    }
    return record;
}

// How much of a payload of `size` bytes lies in the page (the rest is on overflow pages).
qsizetype localPayload(quint64 size, int usable, bool table)
{
    const qint64 x = table ? usable - 35 : (qint64(usable - 12) * 64 / 255) - 23;
    if (qint64(size) <= x)
        return qsizetype(size);
    const qint64 m = (qint64(usable - 12) * 32 / 255) - 23;
    const qint64 k = m + (qint64(size) - m) % (usable - 4);
    return qsizetype(k <= x ? k : m);
}

int nonZero(const QByteArray &data, qsizetype from, qsizetype to)
{
    int count = 0;
    for (qsizetype i = std::max<qsizetype>(from, 0); i < std::min(to, data.size()); ++i)
        count += data.at(i) != 0 ? 1 : 0;
    return count;
}

} // namespace

std::optional<Page> parsePage(const QByteArray &image, quint32 number, int usableSize)
{
    const qsizetype hdr = number == 1 ? 100 : 0;
    if (image.size() < hdr + 8)
        return std::nullopt;
    Page page;
    page.number = number;
    page.type = quint8(image.at(hdr));
    if (page.type != 0x02 && page.type != 0x05 && page.type != 0x0a && page.type != 0x0d)
        return std::nullopt;
    const qsizetype headerSize = page.leaf() ? 8 : 12;
    const int cellCount = int(be(image, hdr + 3, 2));
    qsizetype contentStart = be(image, hdr + 5, 2);
    if (contentStart == 0)
        contentStart = 65536;
    const qsizetype pointers = hdr + headerSize;
    if (pointers + 2 * cellCount > usableSize || contentStart > usableSize)
        return std::nullopt;
    const bool table = page.type == 0x05 || page.type == 0x0d;
    for (int slot = 0; slot < cellCount; ++slot) {
        Cell cell;
        cell.slot = slot;
        cell.offset = int(be(image, pointers + 2 * slot, 2));
        if (cell.offset < pointers || cell.offset >= usableSize)
            continue;
        qsizetype at = cell.offset;
        if (!page.leaf()) {
            if (at + 4 > usableSize)
                continue;
            page.children.push_back(be(image, at, 4));
            at += 4;
        }
        quint64 payload = 0;
        if (page.type != 0x05) {
            const int n = varint(image, at, usableSize, &payload);
            if (!n)
                continue;
            at += n;
        }
        if (table) {
            quint64 rowid = 0;
            const int n = varint(image, at, usableSize, &rowid);
            if (!n)
                continue;
            cell.rowid = qint64(rowid);
            at += n;
        }
        if (page.type != 0x05) {
            const qsizetype local = localPayload(payload, usableSize, table);
            cell.record = parseRecord(image, at, std::min<qsizetype>(at + local, usableSize));
        }
        page.cells.push_back(std::move(cell));
    }
    if (!page.leaf())
        page.children.push_back(be(image, hdr + 8, 4));
    page.freeRanges.push_back({int(pointers + 2 * cellCount), int(contentStart)});
    QSet<qsizetype> seen;
    for (qsizetype block = be(image, hdr + 1, 2); block && block + 4 <= usableSize;) {
        if (seen.contains(block))
            break;
        seen.insert(block);
        const qsizetype size = be(image, block + 2, 2);
        page.freeRanges.push_back(
            {int(block + 4), int(std::min<qsizetype>(block + size, usableSize))});
        block = be(image, block, 2);
    }
    for (const auto &[from, to] : page.freeRanges)
        page.staleBytes += nonZero(image, from, to);
    return page;
}

std::optional<Database> readDatabase(const QByteArray &file)
{
    if (file.size() < 100 || !file.startsWith(QByteArray("SQLite format 3\0", 16)))
        return std::nullopt;
    Database db;
    db.file = file;
    db.pageSize = int(be(file, 16, 2));
    if (db.pageSize == 1)
        db.pageSize = 65536;
    db.usableSize = db.pageSize - quint8(file.at(20));
    db.pageCount = quint32(file.size() / db.pageSize);
    auto image = [&](quint32 number) {
        return file.mid(qsizetype(number - 1) * db.pageSize, db.pageSize);
    };
    for (quint32 number = 1; number <= db.pageCount; ++number) {
        if (auto page = parsePage(image(number), number, db.usableSize))
            db.pages[number] = std::move(*page);
    }

    for (const auto &[number, page] : db.pages) {
        for (const auto &[from, to] : page.freeRanges)
            db.freeRanges.push_back({number, from, to});
    }

    // Each b-tree's pages from its root, parents before children, left to right.
    const auto walk = [&](quint32 root) {
        std::vector<quint32> order;
        QSet<quint32> seen;
        std::function<void(quint32)> visit = [&](quint32 number) {
            if (seen.contains(number) || !db.pages.count(number))
                return;
            seen.insert(number);
            order.push_back(number);
            for (quint32 child : db.pages.at(number).children)
                visit(child);
        };
        visit(root);
        return order;
    };
    db.trees[QStringLiteral("sqlite_schema")] = walk(1);
    for (quint32 number : db.trees[QStringLiteral("sqlite_schema")]) {
        for (const Cell &cell : db.pages.at(number).cells) {
            if (cell.record.size() < 4 || cell.record[3].type != Value::Type::Integer)
                continue;
            SchemaEntry entry {
                cell.record[0].text(), cell.record[1].text(), quint32(cell.record[3].integer)};
            if (entry.rootPage > 0) {
                db.schema.push_back(entry);
                db.trees[entry.name] = walk(entry.rootPage);
            }
        }
    }

    // The freelist: trunk pages list leaf pages; neither should hold anything of what it held.
    QSet<quint32> seen;
    for (quint32 trunk = be(file, 32, 4);
         trunk && trunk <= db.pageCount && !seen.contains(trunk);) {
        seen.insert(trunk);
        const QByteArray page = image(trunk);
        const quint32 leaves = std::min<quint32>(be(page, 4, 4), quint32(db.usableSize / 4 - 2));
        db.freelist.push_back(trunk);
        db.freelistStaleBytes += nonZero(page, 8 + 4 * qsizetype(leaves), db.usableSize);
        db.freeRanges.push_back({trunk, int(8 + 4 * leaves), db.usableSize});
        for (quint32 i = 0; i < leaves; ++i) {
            const quint32 leaf = be(page, 8 + 4 * qsizetype(i), 4);
            if (leaf == 0 || leaf > db.pageCount)
                continue;
            db.freelist.push_back(leaf);
            db.freelistStaleBytes += nonZero(image(leaf), 0, db.usableSize);
            db.freeRanges.push_back({leaf, 0, db.usableSize});
        }
        trunk = be(page, 0, 4);
    }
    return db;
}

QByteArray Database::image(quint32 page) const
{
    return file.mid(qsizetype(page - 1) * pageSize, pageSize);
}

std::vector<Record> recordsIn(const QByteArray &image, int from, int to)
{
    std::vector<Record> records;
    const auto keep = [&](Record record) {
        if (!record.empty())
            records.push_back(std::move(record));
    };
    for (int at = from; at < to; ++at) {
        quint64 payload = 0;
        const int n = varint(image, at, to, &payload);
        if (n && at + n + qsizetype(payload) <= to) {
            keep(parseRecord(image, at + n, at + n + qsizetype(payload)));
            quint64 rowid = 0;
            const int m = varint(image, at + n, to, &rowid);
            if (m && at + n + m + qsizetype(payload) <= to)
                keep(parseRecord(image, at + n + m, at + n + m + qsizetype(payload)));
        }
        keep(parseRecord(image, at, to));
    }
    return records;
}

Wal readWal(const QByteArray &file)
{
    Wal wal;
    if (file.size() < 32)
        return wal;
    const quint32 magic = be(file, 0, 4);
    if (magic != 0x377f0682 && magic != 0x377f0683)
        return wal;
    wal.pageSize = int(be(file, 8, 4));
    if (wal.pageSize < 512)
        return wal;
    const quint32 salt1 = be(file, 16, 4);
    const quint32 salt2 = be(file, 20, 4);
    int index = 0;
    for (qsizetype at = 32; at + 24 + wal.pageSize <= file.size(); at += 24 + wal.pageSize) {
        WalFrame frame;
        frame.index = index++;
        frame.page = be(file, at, 4);
        frame.commit = be(file, at + 4, 4) != 0;
        frame.current = be(file, at + 8, 4) == salt1 && be(file, at + 12, 4) == salt2;
        frame.image = file.mid(at + 24, wal.pageSize);
        wal.frames.push_back(std::move(frame));
    }
    return wal;
}

ShmIndex readShm(const QByteArray &file)
{
    // Native byte order, unlike the database and the log: the index is shared memory.
    const auto u32 = [&](qsizetype at) {
        quint32 value = 0;
        std::memcpy(&value, file.constData() + at, 4);
        return value;
    };
    ShmIndex index;
    constexpr qsizetype kHeader = 136; // two copies of the index header and checkpoint info
    constexpr qsizetype kBlock = 32768; // page numbers, then their hash table
    constexpr qsizetype kFirstSlots = (kBlock / 2 - kHeader) / 4;
    constexpr qsizetype kSlots = kBlock / 2 / 4;
    if (file.size() < kHeader)
        return index;
    index.maxFrame = u32(16);
    qsizetype lastNonZero = -1;
    for (qsizetype block = 0; block * kBlock < file.size(); ++block) {
        const qsizetype first = block == 0 ? kHeader : block * kBlock;
        const qsizetype slotCount = block == 0 ? kFirstSlots : kSlots;
        for (qsizetype slot = 0; slot < slotCount && first + 4 * slot + 4 <= file.size(); ++slot) {
            index.framePages.push_back(u32(first + 4 * slot));
            if (index.framePages.back() != 0)
                lastNonZero = qsizetype(index.framePages.size()) - 1;
        }
    }
    index.framePages.resize(size_t(lastNonZero + 1));
    return index;
}

} // namespace chamber::testing::sqlitefile
