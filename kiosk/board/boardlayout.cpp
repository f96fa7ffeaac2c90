#include "boardlayout.h"

namespace chamber::kiosk {

std::vector<BoardScreen> layoutBoard(const std::vector<BoardOwner> &owners, int rows, int columns)
{
    std::vector<BoardScreen> screens(1);
    if (rows <= 0 || columns <= 0) {
        for (int o = 0; o < int(owners.size()); ++o) {
            screens.back().push_back({BoardCell::Kind::Owner, o, -1, false});
            for (int t = 0; t < int(owners[size_t(o)].tasks.size()); ++t)
                screens.back().push_back({BoardCell::Kind::Task, o, t, false});
        }
        return screens;
    }
    // A heading and one card need two rows; with a single row the heading is dropped in
    // favour of the card showing nothing else.
    const int perScreen = rows * columns;
    const auto row = [&] { return int(screens.back().size()) % rows; };
    const auto place = [&](BoardCell cell) {
        if (int(screens.back().size()) == perScreen)
            screens.emplace_back();
        screens.back().push_back(cell);
    };
    const auto padColumn = [&] {
        while (row() != 0)
            screens.back().push_back({});
    };
    for (int o = 0; o < int(owners.size()); ++o) {
        const int taskCount = int(owners[size_t(o)].tasks.size());
        // Not as the last cell of a column when cards follow: they would start elsewhere.
        if (rows > 1 && taskCount > 0 && row() == rows - 1)
            padColumn();
        if (rows > 1 || taskCount == 0)
            place({BoardCell::Kind::Owner, o, -1, false});
        for (int t = 0; t < taskCount; ++t) {
            const bool full = int(screens.back().size()) == perScreen;
            if (rows > 1 && (row() == 0 || full))
                place({BoardCell::Kind::Owner, o, -1, true});
            place({BoardCell::Kind::Task, o, t, false});
        }
    }
    // Trailing empty cells are not needed: views lay out what is there.
    return screens;
}

} // namespace chamber::kiosk
