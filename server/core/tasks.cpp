// Tasks: status and colour names, the status machine, colours against a given time.
#include "core/council.h"

#include <QJsonArray>

#include <array>

namespace chamber::core {

namespace {

constexpr qint64 kSecondsPerDay = 86400;

struct StatusName
{
    TaskStatus status;
    const char *name;
};
constexpr std::array kStatusNames {
    StatusName {TaskStatus::Open, "open"},
    StatusName {TaskStatus::InProgress, "inProgress"},
    StatusName {TaskStatus::Done, "done"},
    StatusName {TaskStatus::Cancelled, "cancelled"},
};

struct ColourName
{
    TaskColour colour;
    const char *name;
};
constexpr std::array kColourNames {
    ColourName {TaskColour::OnTime, "onTime"},
    ColourName {TaskColour::DueSoon, "dueSoon"},
    ColourName {TaskColour::Overdue, "overdue"},
    ColourName {TaskColour::Done, "done"},
    ColourName {TaskColour::Cancelled, "cancelled"},
};

// Who may make a status change, as CONTRACT.md's table says.
enum class Allowed {
    Refused, // nobody: it skips a step or leaves a final state sideways
    OwnerOrSecretary,
    SecretaryWithReason, // reverses, reopens or cancels: the secretary, and says why
};

// kTransitions[from][to]; the diagonal (same status) never gets here.
constexpr Allowed kTransitions[4][4] = {
    // to: open, inProgress, done, cancelled
    /* open */ {Allowed::Refused, Allowed::OwnerOrSecretary, Allowed::Refused,
        Allowed::SecretaryWithReason},
    /* inProgress */
    {Allowed::SecretaryWithReason, Allowed::Refused, Allowed::OwnerOrSecretary,
        Allowed::SecretaryWithReason},
    /* done */
    {Allowed::SecretaryWithReason, Allowed::SecretaryWithReason, Allowed::Refused,
        Allowed::Refused},
    /* cancelled */
    {Allowed::SecretaryWithReason, Allowed::Refused, Allowed::Refused, Allowed::Refused},
};

} // namespace

QString taskStatusName(TaskStatus status)
{
    for (const StatusName &entry : kStatusNames) {
        if (entry.status == status)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<TaskStatus> taskStatusFromName(const QString &name)
{
    for (const StatusName &entry : kStatusNames) {
        if (name == QLatin1String(entry.name))
            return entry.status;
    }
    return std::nullopt;
}

QString taskColourName(TaskColour colour)
{
    for (const ColourName &entry : kColourNames) {
        if (entry.colour == colour)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<TaskColour> taskColourFromName(const QString &name)
{
    for (const ColourName &entry : kColourNames) {
        if (name == QLatin1String(entry.name))
            return entry.colour;
    }
    return std::nullopt;
}

QString ownerKindName(TaskOwner::Kind kind)
{
    return kind == TaskOwner::Kind::Member ? QStringLiteral("member")
                                           : QStringLiteral("organisation");
}

std::optional<TaskOwner::Kind> ownerKindFromName(const QString &name)
{
    if (name == QLatin1String("member"))
        return TaskOwner::Kind::Member;
    if (name == QLatin1String("organisation"))
        return TaskOwner::Kind::Organisation;
    return std::nullopt;
}

QJsonObject TaskOwner::toJson() const
{
    return {{QStringLiteral("kind"), ownerKindName(kind)}, {QStringLiteral("id"), id}};
}

std::optional<TaskOwner> TaskOwner::fromJson(const QJsonObject &json)
{
    const auto kind = ownerKindFromName(json.value(QLatin1String("kind")).toString());
    const qint64 id = json.value(QLatin1String("id")).toInteger(0);
    if (!kind || id <= 0)
        return std::nullopt;
    return TaskOwner {*kind, id};
}

QJsonObject TaskAttachment::toJson() const
{
    return {{QStringLiteral("sha256"), sha256}, {QStringLiteral("name"), name},
        {QStringLiteral("size"), size}, {QStringLiteral("pages"), pages}};
}

QString formatInstant(const QDateTime &instant)
{
    return instant.toUTC().toString(Qt::ISODate);
}

QDateTime parseInstant(const QString &text)
{
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid() || parsed.timeSpec() == Qt::LocalTime)
        return {};
    // A date alone parses as midnight: an instant needs its time of day.
    if (!text.contains(QLatin1Char('T')))
        return {};
    return QDateTime::fromSecsSinceEpoch(parsed.toSecsSinceEpoch(), Qt::UTC);
}

TaskColour taskColour(const Task &task, const QDateTime &now, int amberDays)
{
    if (task.status == TaskStatus::Done)
        return TaskColour::Done;
    if (task.status == TaskStatus::Cancelled)
        return TaskColour::Cancelled;
    // To the second: during the deadline's own second the task is still due, not yet late.
    const qint64 seconds = now.toSecsSinceEpoch();
    const qint64 deadline = task.deadline.toSecsSinceEpoch();
    if (seconds > deadline)
        return TaskColour::Overdue;
    if (seconds >= deadline - qint64(amberDays) * kSecondsPerDay)
        return TaskColour::DueSoon;
    return TaskColour::OnTime;
}

std::optional<QDateTime> nextColourChange(const CouncilState &state, const QDateTime &now)
{
    const qint64 seconds = now.toSecsSinceEpoch();
    std::optional<qint64> next;
    for (const auto &[id, task] : state.tasks) {
        if (task.status == TaskStatus::Done || task.status == TaskStatus::Cancelled)
            continue;
        const qint64 deadline = task.deadline.toSecsSinceEpoch();
        // Amber from this second on; red from the second after the deadline.
        for (qint64 boundary :
            {deadline - qint64(state.amberDays) * kSecondsPerDay, deadline + 1}) {
            if (boundary > seconds && (!next || boundary < *next))
                next = boundary;
        }
    }
    if (!next)
        return std::nullopt;
    return QDateTime::fromSecsSinceEpoch(*next, Qt::UTC);
}

Status checkTransition(TaskStatus from, TaskStatus to, bool secretary, bool owner, bool hasReason)
{
    if (from == to)
        return success();
    const Allowed allowed = kTransitions[int(from)][int(to)];
    const QString step = QStringLiteral("%1 → %2").arg(taskStatusName(from), taskStatusName(to));
    switch (allowed) {
    case Allowed::Refused:
        return makeError(ErrorCode::Conflict,
            from == TaskStatus::Open && to == TaskStatus::Done
                ? QStringLiteral("a task goes open → inProgress → done; %1 skips a step").arg(step)
                : QStringLiteral("a task cannot go %1").arg(step),
            QStringLiteral("status"));
    case Allowed::OwnerOrSecretary:
        if (secretary || owner)
            return success();
        return makeError(ErrorCode::Forbidden,
            QStringLiteral("only the task's owner or the secretary may make it go %1").arg(step));
    case Allowed::SecretaryWithReason:
        if (!secretary)
            return makeError(ErrorCode::Forbidden,
                QStringLiteral("only the secretary may make a task go %1").arg(step));
        if (!hasReason)
            return makeError(ErrorCode::MissingField, QStringLiteral("%1 needs a reason").arg(step),
                QStringLiteral("reason"));
        return success();
    }
    return makeError(ErrorCode::Internal, QStringLiteral("unknown transition"));
}

QJsonObject taskJson(const CouncilState &state, const Task &task, const QDateTime &now)
{
    QJsonObject json {{QStringLiteral("task"), task.id}, {QStringLiteral("title"), task.title},
        {QStringLiteral("owner"), task.owner.toJson()},
        {QStringLiteral("ownerName"), state.ownerName(task.owner)},
        {QStringLiteral("status"), taskStatusName(task.status)},
        {QStringLiteral("colour"), taskColourName(taskColour(task, now, state.amberDays))},
        {QStringLiteral("deadline"), formatInstant(task.deadline)},
        {QStringLiteral("createdAt"), task.createdAt},
        {QStringLiteral("updatedAt"), task.updatedAt},
        {QStringLiteral("notes"), qint64(task.notes.size())}};
    if (task.originMeeting) {
        QJsonObject origin {{QStringLiteral("meeting"), task.originMeeting}};
        if (task.originConclusion)
            origin.insert(QStringLiteral("conclusion"), task.originConclusion);
        json.insert(QStringLiteral("origin"), origin);
    }
    return json;
}

} // namespace chamber::core
