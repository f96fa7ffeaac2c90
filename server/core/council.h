// A council: a standing body with members, organisations and the tasks its meetings' conclusions
// give them, rebuilt from the council's own hash-chained log. Pure: no I/O, and no clock of its
// own; whatever depends on the time (a task's colour, a deadline's being in the past) takes `now`.
#pragma once

#include "core/commands.h"
#include "protocol/event.h"
#include "protocol/message.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace chamber::core {

struct MeetingState;

enum class TaskStatus {
    Open,
    InProgress,
    Done,
    Cancelled
}; // "open","inProgress","done","cancelled"
// What the board shows: derived from the status, the deadline and the time, never stored.
enum class TaskColour { OnTime, DueSoon, Overdue, Done, Cancelled }; // names as in the board JSON

QString taskStatusName(TaskStatus status);
std::optional<TaskStatus> taskStatusFromName(const QString &name);
QString taskColourName(TaskColour colour);
std::optional<TaskColour> taskColourFromName(const QString &name);

struct TaskOwner
{
    enum class Kind { Member, Organisation } kind = Kind::Organisation;
    qint64 id = 0;

    bool operator==(const TaskOwner &) const = default;
    QJsonObject toJson() const; // {"kind": "member"|"organisation", "id": N}
    static std::optional<TaskOwner> fromJson(const QJsonObject &json);
};
QString ownerKindName(TaskOwner::Kind kind);
std::optional<TaskOwner::Kind> ownerKindFromName(const QString &name);

struct Member
{
    qint64 id = 0;
    QString name, group, seat, title;
    qint64 weight = 1;
    bool active = true;
    QJsonObject toJson() const;
};

struct Organisation
{
    qint64 id = 0;
    QString name, kind; // kind: department, agency, committee, other
    QJsonObject toJson() const;
};

// A progress note's attachment: a PDF stored like meeting documents, by content hash.
struct TaskAttachment
{
    QString sha256, name;
    qint64 size = 0, pages = 0;
    QJsonObject toJson() const;
};

struct TaskNote
{
    QString time, actor, text;
    QJsonObject attachment; // empty, or TaskAttachment::toJson()
};

struct Task
{
    qint64 id = 0;
    QString title;
    TaskOwner owner;
    QDateTime deadline; // UTC, whole seconds
    TaskStatus status = TaskStatus::Open;
    qint64 originMeeting = 0, originConclusion = 0;
    QString createdAt, updatedAt;
    std::vector<TaskNote> notes;
    std::vector<qint64> eventSeqs; // the council events about this task: its history
};

struct CouncilState
{
    qint64 id = 0;
    qint64 seq = 0;
    QByteArray lastHash;
    QString name, term;
    int amberDays = 7;
    QString createdAt;
    std::map<qint64, Member> members;
    std::map<qint64, Organisation> organisations;
    std::map<qint64, std::map<qint64, qint64>> meetings; // meeting -> (delegate -> member)
    std::map<qint64, Task> tasks;

    const Member *member(qint64 id) const;
    const Organisation *organisation(qint64 id) const;
    const Task *task(qint64 id) const;
    // The owner's name ("Sở Tài chính", "Nguyễn Văn An"); empty when it does not exist.
    QString ownerName(const TaskOwner &owner) const;
    qint64 nextMemberId() const { return members.empty() ? 1 : members.rbegin()->first + 1; }
    qint64 nextOrganisationId() const
    {
        return organisations.empty() ? 1 : organisations.rbegin()->first + 1;
    }
    qint64 nextTaskId() const { return tasks.empty() ? 1 : tasks.rbegin()->first + 1; }

    // The council without its tasks (GET /councils/{c}): members, organisations, meetings.
    QJsonObject toJson() const;
};

constexpr int kMinAmberDays = 1;
constexpr int kMaxAmberDays = 90;
constexpr int kMaxNoteLength = 4000;
constexpr int kMaxReasonLength = 1000;

// done/cancelled as such; after the deadline (to the second) overdue; from amberDays before it
// due soon; else on time.
TaskColour taskColour(const Task &task, const QDateTime &now, int amberDays);
// The next instant after `now` at which some task's colour changes (an amber threshold or a
// deadline passing), so a single timer can announce it; nullopt when none will.
std::optional<QDateTime> nextColourChange(const CouncilState &state, const QDateTime &now);

// A task as the board and the task list show it.
QJsonObject taskJson(const CouncilState &state, const Task &task, const QDateTime &now);

// Who is acting, as far as the task rules care (filled by the API from the principal).
struct CouncilActor
{
    bool secretary = false; // admin token, admin or secretary account, chair console
    std::optional<TaskOwner> owner; // a liaison's organisation, a seat tablet's member
};

struct CouncilContext
{
    QDateTime now;
    CouncilActor actor;
    // task.note with an attachment: the uploaded PDF it names, looked up by the service.
    std::optional<TaskAttachment> attachment;
    // task.create with an origin: the meeting it names (nullptr when absent or unknown).
    const MeetingState *originMeeting = nullptr;
};

// The state machine of a task's status (CONTRACT.md's table): success, or why not.
// `owner` is true when the actor owns the task (an owner acting on another owner's task is
// refused before this, with forbidden).
Status checkTransition(TaskStatus from, TaskStatus to, bool secretary, bool owner, bool hasReason);

Result<Decision> decideCouncil(
    const CouncilState &state, const protocol::Message &command, const CouncilContext &context);
Result<Decision> decideCouncilCreate(
    qint64 councilId, const protocol::Message &command, const CouncilContext &context);
Status applyCouncil(CouncilState &state, const protocol::Event &event);

struct BoardQuery
{
    qint64 originMeeting = 0;
    std::optional<TaskOwner> owner;
    QString status; // a colour name or a status name; empty: all
    int page = 1, pageSize = 50;
};
constexpr int kMaxBoardPageSize = 200;
// The filters and page of a board.read message (the REST routes build one from their query):
// owner and ownerKind come together or not at all.
Result<BoardQuery> boardQueryFromMessage(const protocol::Message &message);
QJsonObject boardView(const CouncilState &state, const BoardQuery &query, const QDateTime &now);

// Command types decideCouncil/decideCouncilCreate handle; event kinds applyCouncil understands.
std::vector<QString> councilCommandTypes();
std::vector<QString> councilEventKinds();

// Instants on the wire: "2027-01-31T16:59:59Z" (UTC, whole seconds).
QString formatInstant(const QDateTime &instant);
// ISO 8601 with an offset ("Z", "+07:00"), converted to UTC and cut to whole seconds; an
// invalid QDateTime for anything else (a date alone, no offset).
QDateTime parseInstant(const QString &text);

} // namespace chamber::core
