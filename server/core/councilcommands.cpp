// Deciding council commands: checked against the council's state and the given time, turned
// into the events that record them. Labels arrive checked and in NFC (the schema's kLabel).
#include "core/council.h"

#include "core/commandroutes.h"
#include "core/meeting.h"

#include <array>

namespace chamber::core {

namespace {

using protocol::Message;
using Decider = Result<Decision> (*)(const CouncilState &, const Message &, const CouncilContext &);

const QLatin1String kName("name");
const QLatin1String kTerm("term");
const QLatin1String kAmberDays("amberDays");
const QLatin1String kMember("member");
const QLatin1String kGroup("group");
const QLatin1String kSeat("seat");
const QLatin1String kWeight("weight");
const QLatin1String kTitle("title");
const QLatin1String kOrganisation("organisation");
const QLatin1String kKind("kind");
const QLatin1String kTask("task");
const QLatin1String kOwner("owner");
const QLatin1String kOwnerKind("ownerKind");
const QLatin1String kDeadline("deadline");
const QLatin1String kMeeting("meeting");
const QLatin1String kConclusion("conclusion");
const QLatin1String kStatus("status");
const QLatin1String kReason("reason");
const QLatin1String kText("text");
const QLatin1String kAttachment("attachment");

Decision single(const QString &kind, const QJsonObject &data, const QJsonObject &result = {})
{
    return Decision {{EventDraft {kind, data}}, result};
}

std::optional<Error> requireSecretary(const CouncilContext &context, const QString &what)
{
    if (context.actor.secretary)
        return std::nullopt;
    return makeError(ErrorCode::Forbidden, QStringLiteral("only the secretary may %1").arg(what));
}

Result<const Task *> findTask(const CouncilState &state, const Message &command)
{
    const qint64 id = command.integer(kTask);
    const Task *task = state.task(id);
    if (!task)
        return notFoundError(QStringLiteral("task"), id, kTask);
    return task;
}

// The owner named by ownerKind and owner: an active member or an organisation of the council.
Result<TaskOwner> findOwner(const CouncilState &state, const Message &command)
{
    const auto kind = ownerKindFromName(command.string(kOwnerKind));
    if (!kind)
        return makeError(ErrorCode::BadField,
            QStringLiteral("ownerKind must be member or organisation"), kOwnerKind);
    const TaskOwner owner {*kind, command.integer(kOwner)};
    if (owner.kind == TaskOwner::Kind::Member) {
        const Member *member = state.member(owner.id);
        if (!member)
            return notFoundError(QStringLiteral("member"), owner.id, kOwner);
        if (!member->active)
            return makeError(ErrorCode::Conflict,
                QStringLiteral("member %1 has left the council").arg(owner.id), kOwner);
    } else if (!state.organisation(owner.id)) {
        return notFoundError(QStringLiteral("organisation"), owner.id, kOwner);
    }
    return owner;
}

// A deadline later than now, as a UTC instant in whole seconds.
Result<QDateTime> futureDeadline(const Message &command, const CouncilContext &context)
{
    const QDateTime deadline = parseInstant(command.string(kDeadline));
    if (!deadline.isValid())
        return makeError(ErrorCode::BadField,
            QStringLiteral("deadline must be an ISO 8601 date-time with an offset, "
                           "e.g. 2027-01-31T16:59:59Z"),
            kDeadline);
    if (deadline.toSecsSinceEpoch() <= context.now.toSecsSinceEpoch())
        return makeError(ErrorCode::BadField, QStringLiteral("deadline is in the past"), kDeadline);
    return deadline;
}

// Optional text fields that differ from the current values.
void collectChanges(const Message &command,
    std::initializer_list<std::pair<QLatin1String, QString>> current, QJsonObject &changes)
{
    for (const auto &[field, value] : current) {
        if (command.has(field) && command.string(field) != value)
            changes.insert(field, command.string(field));
    }
}

std::optional<Error> checkSeatFree(const CouncilState &state, const QString &seat, qint64 self)
{
    if (seat.isEmpty())
        return std::nullopt;
    for (const auto &[id, member] : state.members) {
        if (id != self && member.active && member.seat == seat)
            return makeError(ErrorCode::Conflict,
                QStringLiteral("seat %1 is already taken by %2").arg(seat, member.name), kSeat);
    }
    return std::nullopt;
}

Result<Decision> councilUpdate(
    const CouncilState &state, const Message &command, const CouncilContext &context)
{
    if (auto error = requireSecretary(context, QStringLiteral("change the council")))
        return *error;
    QJsonObject changes;
    collectChanges(command, {{kName, state.name}, {kTerm, state.term}}, changes);
    if (command.has(kAmberDays) && command.integer(kAmberDays) != state.amberDays)
        changes.insert(kAmberDays, command.integer(kAmberDays));
    if (changes.isEmpty())
        return unchangedDecision();
    return single(QStringLiteral("council.updated"), changes);
}

Result<Decision> memberAdd(
    const CouncilState &state, const Message &command, const CouncilContext &context)
{
    if (auto error = requireSecretary(context, QStringLiteral("add members")))
        return *error;
    const QString seat = command.string(kSeat);
    if (auto error = checkSeatFree(state, seat, 0))
        return *error;
    const qint64 id = state.nextMemberId();
    return single(QStringLiteral("member.added"),
        {{kMember, id}, {kName, command.string(kName)}, {kGroup, command.string(kGroup)},
            {kSeat, seat}, {kWeight, command.integer(kWeight, 1)},
            {kTitle, command.string(kTitle)}},
        {{kMember, id}});
}

Result<Decision> memberUpdate(
    const CouncilState &state, const Message &command, const CouncilContext &context)
{
    if (auto error = requireSecretary(context, QStringLiteral("change members")))
        return *error;
    const qint64 id = command.integer(kMember);
    const Member *member = state.member(id);
    if (!member)
        return notFoundError(QStringLiteral("member"), id, kMember);
    if (command.has(kSeat)) {
        if (auto error = checkSeatFree(state, command.string(kSeat), id))
            return *error;
    }
    QJsonObject changes;
    collectChanges(command,
        {{kName, member->name}, {kGroup, member->group}, {kSeat, member->seat},
            {kTitle, member->title}},
        changes);
    if (command.has(kWeight) && command.integer(kWeight) != member->weight)
        changes.insert(kWeight, command.integer(kWeight));
    if (changes.isEmpty())
        return unchangedDecision();
    changes.insert(kMember, id);
    return single(QStringLiteral("member.updated"), changes);
}

Result<Decision> memberLeave(
    const CouncilState &state, const Message &command, const CouncilContext &context)
{
    if (auto error = requireSecretary(context, QStringLiteral("record that members leave")))
        return *error;
    const qint64 id = command.integer(kMember);
    const Member *member = state.member(id);
    if (!member)
        return notFoundError(QStringLiteral("member"), id, kMember);
    if (!member->active)
        return unchangedDecision();
    return single(QStringLiteral("member.left"), {{kMember, id}});
}

Result<Decision> organisationAdd(
    const CouncilState &state, const Message &command, const CouncilContext &context)
{
    if (auto error = requireSecretary(context, QStringLiteral("add organisations")))
        return *error;
    for (const auto &[id, organisation] : state.organisations) {
        if (organisation.name == command.string(kName))
            return makeError(ErrorCode::Conflict,
                QStringLiteral("organisation %1 is already called %2")
                    .arg(id)
                    .arg(organisation.name),
                kName);
    }
    const qint64 id = state.nextOrganisationId();
    return single(QStringLiteral("organisation.added"),
        {{kOrganisation, id}, {kName, command.string(kName)},
            {kKind, command.string(kKind, QStringLiteral("department"))}},
        {{kOrganisation, id}});
}

Result<Decision> organisationUpdate(
    const CouncilState &state, const Message &command, const CouncilContext &context)
{
    if (auto error = requireSecretary(context, QStringLiteral("change organisations")))
        return *error;
    const qint64 id = command.integer(kOrganisation);
    const Organisation *organisation = state.organisation(id);
    if (!organisation)
        return notFoundError(QStringLiteral("organisation"), id, kOrganisation);
    QJsonObject changes;
    collectChanges(command, {{kName, organisation->name}, {kKind, organisation->kind}}, changes);
    if (changes.isEmpty())
        return unchangedDecision();
    changes.insert(kOrganisation, id);
    return single(QStringLiteral("organisation.updated"), changes);
}

// The origin a task.create names: a meeting of this council and, optionally, one of its
// conclusions that still stands.
Result<QJsonObject> taskOrigin(
    const CouncilState &state, const Message &command, const CouncilContext &context)
{
    if (!command.has(kMeeting)) {
        if (command.has(kConclusion))
            return makeError(ErrorCode::MissingField,
                QStringLiteral("a conclusion is named with its meeting"), kMeeting);
        return QJsonObject {};
    }
    const qint64 meeting = command.integer(kMeeting);
    if (!state.meetings.count(meeting) || !context.originMeeting
        || context.originMeeting->id != meeting)
        return makeError(ErrorCode::NotFound,
            QStringLiteral("meeting %1 is not a meeting of this council").arg(meeting), kMeeting);
    QJsonObject origin {{kMeeting, meeting}};
    if (command.has(kConclusion)) {
        const qint64 conclusion = command.integer(kConclusion);
        const Conclusion *found = context.originMeeting->conclusion(conclusion);
        if (!found || found->removed)
            return notFoundError(QStringLiteral("conclusion"), conclusion, kConclusion);
        origin.insert(kConclusion, conclusion);
    }
    return origin;
}

Result<Decision> taskCreate(
    const CouncilState &state, const Message &command, const CouncilContext &context)
{
    if (auto error = requireSecretary(context, QStringLiteral("create tasks")))
        return *error;
    auto owner = findOwner(state, command);
    if (!owner)
        return owner.error();
    auto deadline = futureDeadline(command, context);
    if (!deadline)
        return deadline.error();
    auto origin = taskOrigin(state, command, context);
    if (!origin)
        return origin.error();
    const qint64 id = state.nextTaskId();
    QJsonObject data {{kTask, id}, {kTitle, command.string(kTitle)}, {kOwner, owner->toJson()},
        {kDeadline, formatInstant(*deadline)}};
    if (!origin->isEmpty())
        data.insert(QStringLiteral("origin"), *origin);
    return single(QStringLiteral("task.created"), data, {{kTask, id}});
}

// Owners act only on their own tasks; the secretary on all of them.
std::optional<Error> checkTaskActor(const Task &task, const CouncilContext &context)
{
    if (context.actor.secretary)
        return std::nullopt;
    if (!context.actor.owner)
        return makeError(ErrorCode::Forbidden,
            QStringLiteral("only the task's owner or the secretary may change a task"));
    if (!(*context.actor.owner == task.owner))
        return makeError(ErrorCode::Forbidden,
            QStringLiteral("task %1 belongs to another owner").arg(task.id), kTask);
    return std::nullopt;
}

Result<Decision> taskSetStatus(
    const CouncilState &state, const Message &command, const CouncilContext &context)
{
    auto task = findTask(state, command);
    if (!task)
        return task.error();
    if (auto error = checkTaskActor(**task, context))
        return *error;
    const auto to = taskStatusFromName(command.string(kStatus));
    if (!to)
        return makeError(ErrorCode::BadField,
            QStringLiteral("status must be open, inProgress, done or cancelled"), kStatus);
    const TaskStatus from = (*task)->status;
    if (from == *to)
        return unchangedDecision();
    const bool hasReason = !command.string(kReason).isEmpty();
    const bool owner = context.actor.owner && *context.actor.owner == (*task)->owner;
    if (auto allowed = checkTransition(from, *to, context.actor.secretary, owner, hasReason);
        !allowed)
        return allowed.error();
    QJsonObject data {{kTask, (*task)->id}, {QStringLiteral("from"), taskStatusName(from)},
        {QStringLiteral("to"), taskStatusName(*to)}};
    if (hasReason)
        data.insert(kReason, command.string(kReason));
    return single(QStringLiteral("task.statusChanged"), data);
}

Result<Decision> taskNote(
    const CouncilState &state, const Message &command, const CouncilContext &context)
{
    auto task = findTask(state, command);
    if (!task)
        return task.error();
    if (auto error = checkTaskActor(**task, context))
        return *error;
    const QString text = command.string(kText).normalized(QString::NormalizationForm_C);
    if (text.trimmed().isEmpty())
        return makeError(ErrorCode::BadField, QStringLiteral("text must not be blank"), kText);
    if (text.size() > kMaxNoteLength)
        return makeError(ErrorCode::BadField,
            QStringLiteral("a note is at most %1 characters").arg(kMaxNoteLength), kText);
    QJsonObject data {{kTask, (*task)->id}, {kText, text}};
    if (command.has(kAttachment)) {
        if (!context.attachment || context.attachment->sha256 != command.string(kAttachment))
            return makeError(ErrorCode::NotFound,
                QStringLiteral("no PDF with this sha256 was uploaded for the task"), kAttachment);
        data.insert(kAttachment, context.attachment->toJson());
    }
    return single(QStringLiteral("task.noted"), data);
}

Result<Decision> taskReassign(
    const CouncilState &state, const Message &command, const CouncilContext &context)
{
    if (auto error = requireSecretary(context, QStringLiteral("reassign tasks")))
        return *error;
    auto task = findTask(state, command);
    if (!task)
        return task.error();
    auto owner = findOwner(state, command);
    if (!owner)
        return owner.error();
    if (*owner == (*task)->owner)
        return unchangedDecision();
    QJsonObject data {{kTask, (*task)->id}, {QStringLiteral("from"), (*task)->owner.toJson()},
        {kOwner, owner->toJson()}};
    if (command.has(kReason))
        data.insert(kReason, command.string(kReason));
    return single(QStringLiteral("task.reassigned"), data);
}

Result<Decision> taskSetDeadline(
    const CouncilState &state, const Message &command, const CouncilContext &context)
{
    if (auto error = requireSecretary(context, QStringLiteral("move deadlines")))
        return *error;
    auto task = findTask(state, command);
    if (!task)
        return task.error();
    auto deadline = futureDeadline(command, context);
    if (!deadline)
        return deadline.error();
    if (*deadline == (*task)->deadline)
        return unchangedDecision();
    return single(QStringLiteral("task.deadlineChanged"),
        {{kTask, (*task)->id}, {QStringLiteral("from"), formatInstant((*task)->deadline)},
            {kDeadline, formatInstant(*deadline)}, {kReason, command.string(kReason)}});
}

struct Route
{
    const char *type;
    Decider decider;
};

constexpr std::array kRoutes {
    Route {"council.update", councilUpdate},
    Route {"member.add", memberAdd},
    Route {"member.update", memberUpdate},
    Route {"member.leave", memberLeave},
    Route {"organisation.add", organisationAdd},
    Route {"organisation.update", organisationUpdate},
    Route {"task.create", taskCreate},
    Route {"task.setStatus", taskSetStatus},
    Route {"task.note", taskNote},
    Route {"task.reassign", taskReassign},
    Route {"task.setDeadline", taskSetDeadline},
};

} // namespace

Result<Decision> decideCouncil(
    const CouncilState &state, const Message &command, const CouncilContext &context)
{
    for (const Route &route : kRoutes) {
        if (QLatin1String(command.spec->type) == QLatin1String(route.type))
            return route.decider(state, command, context);
    }
    return makeError(ErrorCode::UnknownType,
        QStringLiteral("%1 is not a council command").arg(command.type()), QStringLiteral("type"));
}

Result<Decision> decideCouncilCreate(
    qint64 councilId, const Message &command, const CouncilContext &context)
{
    if (QLatin1String(command.spec->type) != QLatin1String("council.create"))
        return makeError(ErrorCode::UnknownType,
            QStringLiteral("%1 does not create a council").arg(command.type()),
            QStringLiteral("type"));
    if (auto error = requireSecretary(context, QStringLiteral("create councils")))
        return *error;
    return single(QStringLiteral("council.created"),
        {{QStringLiteral("council"), councilId}, {kName, command.string(kName)},
            {kTerm, command.string(kTerm)}, {kAmberDays, command.integer(kAmberDays, 7)}},
        {{QStringLiteral("council"), councilId}});
}

std::vector<QString> councilCommandTypes()
{
    std::vector<QString> types {QStringLiteral("council.create")};
    for (const Route &route : kRoutes)
        types.push_back(QString::fromLatin1(route.type));
    return types;
}

} // namespace chamber::core
