#include "linkattack.h"

#include "sqlitefile.h"

#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <optional>

namespace chamber::testing::linkattack {

namespace {

using sqlitefile::Cell;
using sqlitefile::Record;
using sqlitefile::Value;

// Where a record was found, for sorting: smaller is older.
struct Place
{
    qint64 major = 0; // page number, place of the page in its tree, rowid, time or frame
    qint64 minor = 0; // within it: minus the cell's offset (a lower cell is newer)
    bool operator<(const Place &other) const
    {
        return std::tie(major, minor) < std::tie(other.major, other.minor);
    }
};

template<typename Item>
std::vector<Item> sorted(std::vector<std::pair<Place, Item>> found)
{
    std::stable_sort(
        found.begin(), found.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    std::vector<Item> items;
    for (auto &[place, item] : found)
        items.push_back(std::move(item));
    return items;
}

const QRegularExpression &receiptPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9A-Z]{4}-[0-9A-Z]{4}$"));
    return pattern;
}

std::optional<qint64> voterOf(const Record &record, const Target &target)
{
    if (record.size() == 3 && record[0].isInteger(target.meeting)
        && record[1].isInteger(target.poll) && record[2].type == Value::Type::Integer)
        return record[2].integer;
    return std::nullopt;
}

// A ballot answer of this poll: (principal, request id, ...).
std::optional<qint64> answererOf(const Record &record, const Target &target)
{
    if (record.size() < 2 || !record[0].isText() || !record[1].isText())
        return std::nullopt;
    const auto principal = target.principals.find(record[0].text());
    if (principal == target.principals.end() || !target.requestIds.contains(record[1].text()))
        return std::nullopt;
    return principal->second;
}

std::optional<qint64> timeIn(const Record &record)
{
    for (const Value &value : record) {
        if (!value.isText() || value.bytes.size() < 19 || value.bytes.size() > 40)
            continue;
        const QDateTime time = QDateTime::fromString(value.text(), Qt::ISODateWithMs);
        if (time.isValid())
            return time.toMSecsSinceEpoch();
    }
    return std::nullopt;
}

std::optional<QString> choiceOf(const Record &record, const Target &target)
{
    if (record.size() >= 5 && record[0].isInteger(target.meeting)
        && record[1].isInteger(target.poll) && record[2].type == Value::Type::Blob
        && record[2].bytes.size() == 32 && record[3].isText()
        && receiptPattern().match(record[3].text()).hasMatch() && record[4].isText())
        return record[4].text();
    return std::nullopt;
}

// Collects, per way of ordering, what `classify` finds in the cells of every b-tree.
template<typename Item, typename Classify>
std::map<QString, std::vector<std::pair<Place, Item>>> inTrees(
    const sqlitefile::Database &db, Classify classify, bool withTimes)
{
    std::map<QString, std::vector<std::pair<Place, Item>>> found;
    for (const auto &[tree, pages] : db.trees) {
        for (size_t rank = 0; rank < pages.size(); ++rank) {
            // Interior cells too: in an index b-tree (a WITHOUT ROWID table) they are rows.
            const sqlitefile::Page &page = db.pages.at(pages[rank]);
            for (const Cell &cell : page.cells) {
                const auto item = classify(cell.record);
                if (!item)
                    continue;
                found[tree + QStringLiteral(": cells, pages by number")].push_back(
                    {Place {page.number, -cell.offset}, *item});
                found[tree + QStringLiteral(": cells, pages in tree order")].push_back(
                    {Place {qint64(rank), -cell.offset}, *item});
                if (cell.rowid)
                    found[tree + QStringLiteral(": rowid")].push_back(
                        {Place {*cell.rowid, 0}, *item});
                if (withTimes) {
                    if (const auto time = timeIn(cell.record))
                        found[tree + QStringLiteral(": time")].push_back(
                            {Place {*time, -cell.offset}, *item});
                }
            }
        }
    }
    return found;
}

// The first frame of the log each item appears in (frames are written in commit order).
template<typename Item, typename Classify>
std::vector<std::pair<Place, Item>> inLog(
    const sqlitefile::Wal &wal, int usableSize, Classify classify)
{
    std::vector<std::pair<Place, Item>> found;
    std::vector<Item> seen;
    for (const sqlitefile::WalFrame &frame : wal.frames) {
        const auto page = sqlitefile::parsePage(frame.image, frame.page, usableSize);
        if (!page)
            continue;
        for (const Cell &cell : page->cells) {
            const auto item = classify(cell.record);
            if (!item || std::find(seen.begin(), seen.end(), *item) != seen.end())
                continue;
            seen.push_back(*item);
            found.push_back({Place {frame.index, -cell.offset}, *item});
        }
    }
    return found;
}

} // namespace

Orders findOrders(const Files &files, const Target &target)
{
    Orders orders;
    const auto db = sqlitefile::readDatabase(files.db);
    const sqlitefile::Wal wal = sqlitefile::readWal(files.wal);
    const int usable = db ? db->usableSize : wal.pageSize;
    const auto voter = [&](const Record &record) { return voterOf(record, target); };
    const auto answerer = [&](const Record &record) { return answererOf(record, target); };
    // Receipts make ballots distinct for the log's "first seen"; the choice is what is scored.
    const auto ballot = [&](const Record &record) -> std::optional<std::pair<QString, QString>> {
        if (const auto choice = choiceOf(record, target))
            return std::pair(record[3].text(), *choice);
        return std::nullopt;
    };
    const auto addVoters = [&](const QString &source, std::vector<std::pair<Place, qint64>> found) {
        if (!found.empty())
            orders.voters.push_back({source, sorted(std::move(found))});
    };
    const auto addBallots = [&](const QString &source,
                                std::vector<std::pair<Place, std::pair<QString, QString>>> found) {
        if (found.empty())
            return;
        BallotOrder order {source, {}};
        for (const auto &[receipt, choice] : sorted(std::move(found)))
            order.choices.push_back(choice);
        orders.ballots.push_back(std::move(order));
    };
    if (db) {
        for (auto &[source, found] : inTrees<qint64>(*db, voter, false))
            addVoters(QStringLiteral("voters in ") + source, std::move(found));
        for (auto &[source, found] : inTrees<qint64>(*db, answerer, true))
            addVoters(QStringLiteral("answers in ") + source, std::move(found));
        for (auto &[source, found] : inTrees<std::pair<QString, QString>>(*db, ballot, false))
            addBallots(QStringLiteral("ballots in ") + source, std::move(found));
    }
    addVoters(QStringLiteral("voters in the log, first frame"), inLog<qint64>(wal, usable, voter));
    addVoters(
        QStringLiteral("answers in the log, first frame"), inLog<qint64>(wal, usable, answerer));
    addBallots(QStringLiteral("ballots in the log, first frame"),
        inLog<std::pair<QString, QString>>(wal, usable, ballot));
    return orders;
}

int leftovers(const Files &files, const Target &target)
{
    const auto db = sqlitefile::readDatabase(files.db);
    if (!db)
        return 0;
    int found = 0;
    for (const sqlitefile::Database::Range &range : db->freeRanges) {
        for (const Record &record :
            sqlitefile::recordsIn(db->image(range.page), range.from, range.to)) {
            if (voterOf(record, target) || answererOf(record, target) || choiceOf(record, target))
                ++found;
        }
    }
    return found;
}

double binomialTail(int n, double p, int k)
{
    if (k <= 0)
        return 1;
    if (k > n)
        return 0;
    if (p <= 0)
        return 0;
    if (p >= 1)
        return 1;
    double tail = 0;
    for (int j = k; j <= n; ++j)
        tail += std::exp(std::lgamma(n + 1.0) - std::lgamma(j + 1.0) - std::lgamma(n - j + 1.0)
            + j * std::log(p) + (n - j) * std::log1p(-p));
    return std::min(1.0, tail);
}

std::vector<Link> link(const Orders &orders, const std::map<qint64, QString> &truth)
{
    std::vector<Link> links;
    for (const VoterOrder &voters : orders.voters) {
        for (const BallotOrder &ballots : orders.ballots) {
            for (const bool reversed : {false, true}) {
                std::vector<QString> choices = ballots.choices;
                if (reversed)
                    std::reverse(choices.begin(), choices.end());
                Link result {voters.source,
                    ballots.source + (reversed ? QStringLiteral(", reversed") : QString())};
                result.pairs = int(std::min(voters.delegates.size(), choices.size()));
                std::map<QString, int> shares;
                for (int i = 0; i < result.pairs; ++i) {
                    ++shares[choices[size_t(i)]];
                    const auto truly = truth.find(voters.delegates[size_t(i)]);
                    result.correct
                        += truly != truth.end() && truly->second == choices[size_t(i)] ? 1 : 0;
                }
                int largest = 0;
                for (const auto &[choice, count] : shares)
                    largest = std::max(largest, count);
                result.chance = result.pairs ? double(largest) / result.pairs : 0;
                result.pValue = binomialTail(result.pairs, result.chance, result.correct);
                links.push_back(std::move(result));
            }
        }
    }
    return links;
}

QString describe(const Link &link)
{
    return QStringLiteral("%1/%2 (%3%, chance %4%, p %5): %6 x %7")
        .arg(link.correct)
        .arg(link.pairs)
        .arg(100.0 * link.rate(), 0, 'f', 0)
        .arg(100.0 * link.chance, 0, 'f', 0)
        .arg(link.pValue, 0, 'g', 2)
        .arg(link.voters, link.ballots);
}

} // namespace chamber::testing::linkattack
