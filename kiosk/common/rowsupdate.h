// How the kiosk's list models follow the meeting state: when the rows are the same ones in the
// same order (compared by `id`), only those that changed are replaced and announced, so views
// keep their delegates, focus and scroll position; otherwise the model is reset.
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace chamber::kiosk {

// `reset(replace)` must call replace() between beginResetModel() and endResetModel();
// `changed(row)` emits dataChanged for that row. Both are the model's (they are protected).
template<typename Row, typename Reset, typename Changed>
void updateRows(std::vector<Row> &rows, std::vector<Row> next, Reset reset, Changed changed)
{
    const bool sameRows = next.size() == rows.size()
        && std::equal(next.begin(), next.end(), rows.begin(),
            [](const Row &a, const Row &b) { return a.id == b.id; });
    if (!sameRows) {
        reset([&] { rows = std::move(next); });
        return;
    }
    for (size_t i = 0; i < next.size(); ++i) {
        if (next[i] == rows[i])
            continue;
        rows[i] = std::move(next[i]);
        changed(int(i));
    }
}

// For lists that only grow (rows are never removed or reordered, new ones may come anywhere):
// when the rows held are still there in the same order, new rows are inserted where they
// belong and changed ones announced; anything else resets the model.
// `insert(row, put)` must call put() between beginInsertRows(row, row) and endInsertRows();
// `reset` and `changed` as for updateRows.
template<typename Row, typename Insert, typename Reset, typename Changed>
void updateGrowingRows(
    std::vector<Row> &rows, std::vector<Row> next, Insert insert, Reset reset, Changed changed)
{
    // Are the rows held a subsequence of the next ones (by id)? Ids are unique.
    size_t kept = 0;
    for (const Row &row : next) {
        if (kept < rows.size() && row.id == rows[kept].id)
            ++kept;
    }
    if (kept != rows.size()) {
        reset([&] { rows = std::move(next); });
        return;
    }
    for (size_t i = 0; i < next.size(); ++i) {
        if (i < rows.size() && rows[i].id == next[i].id) {
            if (next[i] == rows[i])
                continue;
            rows[i] = std::move(next[i]);
            changed(int(i));
        } else {
            insert(
                int(i), [&] { rows.insert(rows.begin() + std::ptrdiff_t(i), std::move(next[i])); });
        }
    }
}

} // namespace chamber::kiosk
