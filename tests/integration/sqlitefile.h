// Reads SQLite's files the way someone with a copy of the data directory would: the database's
// pages, cells and records, the write-ahead log's frames and the -shm index, from the bytes and
// the published file format alone. No SQLite library: it would answer in key order, and hide
// where each cell lies, which is what the secrecy audit looks at.
#pragma once

#include <QByteArray>
#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace chamber::testing::sqlitefile {

struct Value
{
    enum class Type { Null, Integer, Real, Text, Blob } type = Type::Null;
    qint64 integer = 0;
    QByteArray bytes; // text (UTF-8) or blob

    bool isInteger(qint64 expected) const { return type == Type::Integer && integer == expected; }
    bool isText() const { return type == Type::Text; }
    QString text() const { return QString::fromUtf8(bytes); }
};
using Record = std::vector<Value>;

struct Cell
{
    int offset = 0; // where the cell starts in its page: lower means written later
    int slot = 0; // its place in the cell pointer array (key order within the page)
    std::optional<qint64> rowid; // table b-trees only
    Record record; // empty for the cells of table interior pages
};

struct Page
{
    quint32 number = 0;
    quint8 type = 0; // 0x02, 0x05 interior index / table; 0x0a, 0x0d leaf index / table
    bool leaf() const { return type == 0x0a || type == 0x0d; }
    std::vector<Cell> cells;
    std::vector<quint32> children; // interior pages: left children in order, then the right one
    // Where the page holds no cell: the gap between the cell pointers and the cell content,
    // and freeblocks past their 4-byte headers ([from, to) in the page). Left-over cells would
    // be here, and entries of the cell pointer array past its end (SQLite does not clear them
    // when cells move to a sibling page).
    std::vector<std::pair<int, int>> freeRanges;
    int staleBytes = 0; // bytes in them that are not zero
};

// One page image as a b-tree page; nullopt when its type byte is not a b-tree page's.
// (Also the frames of the log, which are page images.)
std::optional<Page> parsePage(const QByteArray &image, quint32 number, int usableSize);

struct SchemaEntry
{
    QString type; // table, index
    QString name;
    quint32 rootPage = 0;
};

struct Database
{
    int pageSize = 0;
    int usableSize = 0;
    quint32 pageCount = 0;
    std::map<quint32, Page> pages; // every page that parses as a b-tree page
    std::vector<SchemaEntry> schema;
    // Each b-tree's pages in tree order (left to right, parents before children).
    std::map<QString, std::vector<quint32>> trees;
    std::vector<quint32> freelist; // trunk and leaf pages
    int freelistStaleBytes = 0; // non-zero bytes of freelist pages beyond their trunk headers
    // Every range of the file that holds nothing live: free ranges of b-tree pages and the
    // freelist's pages past their trunk headers; (page, from, to) with offsets in the page.
    struct Range
    {
        quint32 page;
        int from;
        int to;
    };
    std::vector<Range> freeRanges;
    QByteArray file;
    QByteArray image(quint32 page) const;
};

// Every record that a cell starting anywhere in [from, to) of `image` would hold, read as an
// index cell, a table leaf cell and a bare record: what an attacker digs out of free space.
std::vector<Record> recordsIn(const QByteArray &image, int from, int to);

std::optional<Database> readDatabase(const QByteArray &file);

struct WalFrame
{
    int index = 0; // 0-based position in the file
    quint32 page = 0;
    bool commit = false; // the last frame of a transaction
    bool current = false; // its salts match the header's (older frames stay in the file)
    QByteArray image;
};

struct Wal
{
    int pageSize = 0;
    std::vector<WalFrame> frames;
};

// An empty or absent log gives no frames.
Wal readWal(const QByteArray &file);

// The -shm index: which page each frame of the log wrote, slot by slot (frame 1 first), up to
// the last slot that is not zero. Slots past `maxFrame` outlive a truncated log until the index
// itself is reset, and tell which pages past transactions wrote, in order.
struct ShmIndex
{
    quint32 maxFrame = 0; // frames of the log that are valid now
    std::vector<quint32> framePages;
};
ShmIndex readShm(const QByteArray &file);

} // namespace chamber::testing::sqlitefile
