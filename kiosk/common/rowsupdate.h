// How the kiosk's list models follow the meeting state: when the rows are the same ones in the
// same order (compared by `id`), only those that changed are replaced and announced, so views
// keep their delegates, focus and scroll position; otherwise the model is reset.
#pragma once

#include <algorithm>
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

} // namespace chamber::kiosk
