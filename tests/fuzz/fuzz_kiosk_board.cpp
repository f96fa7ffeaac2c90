// The follow-up board as the kiosk reads it (`board.read`'s answer). Properties: never
// crashes; what parses stays within the limits (ids positive, counts not negative, no more
// tasks than kMaxTasks, a valid instant), and joining it to itself as a next page keeps every
// task.
#include "boarddata.h"

#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace chamber::kiosk;
    const QJsonDocument json = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    auto parsed = Board::fromJson(json.object());
    if (!parsed)
        return 0;
    const Board &board = parsed.value();
    if (board.council <= 0 || !board.now.isValid() || board.amberDays < 1 || board.amberDays > 90
        || board.taskCount() > Board::kMaxTasks || board.counts.total < 0)
        std::abort();
    for (const BoardOwner &owner : board.owners) {
        if (owner.owner.id <= 0 || owner.counts.overdue < 0)
            std::abort();
        for (const BoardTask &task : owner.tasks) {
            if (task.id <= 0 || !task.deadline.isValid() || task.notes < 0)
                std::abort();
        }
    }
    Board joined = board;
    joined.append(board);
    if (joined.taskCount() != 2 * board.taskCount())
        std::abort();
    return 0;
}
