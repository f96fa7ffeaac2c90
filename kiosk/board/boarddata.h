// The follow-up board as the server sends it (`board.read`, see PROTOCOL.md and the board JSON
// of issue 15): owners with their counts per colour and their tasks, already ordered by the
// server (most overdue owners first; within an owner overdue, due soon, on time, then done and
// cancelled). Parsed into types at the edge: anything malformed is refused whole, so screens
// never show half a board.
#pragma once

#include "protocol/error.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace chamber::kiosk {

// The colour of a task, derived by the server from its status, deadline and the server's clock.
enum class TaskColour { OnTime, DueSoon, Overdue, Done, Cancelled };

QString taskColourName(TaskColour colour); // "onTime", "dueSoon", "overdue", "done", "cancelled"
std::optional<TaskColour> taskColourFromName(const QString &name);

struct ColourCounts
{
    int onTime = 0;
    int dueSoon = 0;
    int overdue = 0;
    int done = 0;
    int cancelled = 0;
    int total = 0;
    bool operator==(const ColourCounts &) const = default;
};

enum class OwnerKind { Member, Organisation };

struct OwnerRef
{
    OwnerKind kind = OwnerKind::Organisation;
    qint64 id = 0;
    QString name;
    bool operator==(const OwnerRef &) const = default;
};
QString ownerKindName(OwnerKind kind); // "member", "organisation"

struct BoardTask
{
    qint64 id = 0;
    QString title;
    QString status; // open, inProgress, done, cancelled
    TaskColour colour = TaskColour::OnTime;
    QDateTime deadline; // UTC
    qint64 originMeeting = 0; // 0: not from a meeting's conclusion
    qint64 originConclusion = 0;
    QDateTime updatedAt;
    int notes = 0;
    bool operator==(const BoardTask &) const = default;
};

struct BoardOwner
{
    OwnerRef owner;
    ColourCounts counts; // of the whole filtered board, not only this page
    std::vector<BoardTask> tasks; // of this page
};

struct MeetingChoice
{
    qint64 meeting = 0;
    QString title;
};

struct Board
{
    static constexpr int kMaxTasks = 10000; // more in one answer is refused as malformed

    qint64 council = 0;
    qint64 seq = 0;
    QString name;
    QDateTime now; // the server's instant the colours were computed at
    int amberDays = 7;
    ColourCounts counts;
    std::vector<BoardOwner> owners;
    int page = 1;
    int pageSize = 50;
    int pages = 1;
    std::vector<MeetingChoice> meetingChoices; // filters.meetings
    std::vector<OwnerRef> ownerChoices; // filters.owners

    static Result<Board> fromJson(const QJsonObject &json);
    int taskCount() const;
    // The next page of the same board (same council and filters) joined on: an owner split
    // between the pages keeps one group, in the server's order.
    void append(Board next);
    // An owner's name as the board knows it (owners on the board, then the filter list).
    QString ownerName(OwnerKind kind, qint64 id) const;
};

} // namespace chamber::kiosk
