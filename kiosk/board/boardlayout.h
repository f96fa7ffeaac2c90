// How the board is cut into screens for a wall display: cells in columns (top to bottom, then
// the next column), each cell an owner's heading or one task card. An owner's heading is never
// left alone at the foot of a column, and an owner continued at the top of a column gets its
// heading again ("continued"), so every card can be read with its owner in view.
#pragma once

#include "boarddata.h"

#include <vector>

namespace chamber::kiosk {

struct BoardCell
{
    enum class Kind { Owner, Task, Empty };
    Kind kind = Kind::Empty;
    int owner = -1; // index into Board::owners
    int task = -1; // index into that owner's tasks (Task cells)
    bool continued = false; // an Owner cell repeated at the top of a column
    bool operator==(const BoardCell &) const = default;
};

using BoardScreen = std::vector<BoardCell>; // column after column, `rows` cells each

// The board in screens of `columns` columns of `rows` cells. rows <= 0 or columns <= 0: one
// screen with every cell in order and no repeated headings (a scrolling list). An empty board
// gives one empty screen.
std::vector<BoardScreen> layoutBoard(const std::vector<BoardOwner> &owners, int rows, int columns);

} // namespace chamber::kiosk
