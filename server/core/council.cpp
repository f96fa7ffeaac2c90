// Applying council events: the only code that changes a CouncilState. A council's events are
// protocol::Events whose `meeting` field carries the council's id (same canonical bytes, same
// hash chain as a meeting's log).
#include "core/council.h"

#include "core/eventroutes.h"

#include <QJsonArray>

#include <array>

namespace chamber::core {

namespace {

using protocol::Event;

qint64 integer(const Event &event, const char *field)
{
    return event.data.value(QLatin1String(field)).toInteger(0);
}

QString text(const Event &event, const char *field)
{
    return event.data.value(QLatin1String(field)).toString();
}

bool has(const Event &event, const char *field)
{
    return event.data.contains(QLatin1String(field));
}

void assignPresent(
    const Event &event, std::initializer_list<std::pair<const char *, QString *>> fields)
{
    for (const auto &[name, target] : fields) {
        if (has(event, name))
            *target = text(event, name);
    }
}

Error damaged(const Event &event, const QString &why)
{
    return damagedEvent(event, "council", why);
}

Status councilCreated(CouncilState &state, const Event &event)
{
    if (event.seq != 1)
        return damaged(event, QStringLiteral("council created twice"));
    state.id = event.meeting;
    state.createdAt = event.time;
    state.name = text(event, "name");
    state.term = text(event, "term");
    state.amberDays = int(integer(event, "amberDays"));
    if (state.amberDays < kMinAmberDays || state.amberDays > kMaxAmberDays)
        return damaged(event, QStringLiteral("amberDays out of range"));
    return success();
}

Status councilUpdated(CouncilState &state, const Event &event)
{
    assignPresent(event, {{"name", &state.name}, {"term", &state.term}});
    if (has(event, "amberDays")) {
        const qint64 days = integer(event, "amberDays");
        if (days < kMinAmberDays || days > kMaxAmberDays)
            return damaged(event, QStringLiteral("amberDays out of range"));
        state.amberDays = int(days);
    }
    return success();
}

Status memberAdded(CouncilState &state, const Event &event)
{
    Member member;
    member.id = integer(event, "member");
    if (member.id <= 0 || state.members.count(member.id))
        return damaged(event, QStringLiteral("member id %1 is not new").arg(member.id));
    member.name = text(event, "name");
    member.group = text(event, "group");
    member.seat = text(event, "seat");
    member.title = text(event, "title");
    member.weight = has(event, "weight") ? integer(event, "weight") : 1;
    state.members[member.id] = member;
    return success();
}

Status memberUpdated(CouncilState &state, const Event &event)
{
    const auto it = state.members.find(integer(event, "member"));
    if (it == state.members.end())
        return damaged(event, QStringLiteral("no such member"));
    Member &member = it->second;
    assignPresent(event,
        {{"name", &member.name}, {"group", &member.group}, {"seat", &member.seat},
            {"title", &member.title}});
    if (has(event, "weight"))
        member.weight = integer(event, "weight");
    return success();
}

Status memberLeft(CouncilState &state, const Event &event)
{
    const auto it = state.members.find(integer(event, "member"));
    if (it == state.members.end() || !it->second.active)
        return damaged(event, QStringLiteral("no such active member"));
    it->second.active = false;
    return success();
}

Status organisationAdded(CouncilState &state, const Event &event)
{
    Organisation organisation;
    organisation.id = integer(event, "organisation");
    if (organisation.id <= 0 || state.organisations.count(organisation.id))
        return damaged(event, QStringLiteral("organisation id %1 is not new").arg(organisation.id));
    organisation.name = text(event, "name");
    organisation.kind = text(event, "kind");
    state.organisations[organisation.id] = organisation;
    return success();
}

Status organisationUpdated(CouncilState &state, const Event &event)
{
    const auto it = state.organisations.find(integer(event, "organisation"));
    if (it == state.organisations.end())
        return damaged(event, QStringLiteral("no such organisation"));
    assignPresent(event, {{"name", &it->second.name}, {"kind", &it->second.kind}});
    return success();
}

Status meetingLinked(CouncilState &state, const Event &event)
{
    const qint64 meeting = integer(event, "meeting");
    if (meeting <= 0 || state.meetings.count(meeting))
        return damaged(event, QStringLiteral("meeting %1 is already linked").arg(meeting));
    std::map<qint64, qint64> delegates;
    const QJsonObject map = event.data.value(QLatin1String("delegates")).toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        bool ok = false;
        const qint64 delegate = it.key().toLongLong(&ok);
        const qint64 member = it.value().toInteger(0);
        if (!ok || delegate <= 0 || !state.members.count(member))
            return damaged(event, QStringLiteral("delegate %1 maps to no member").arg(it.key()));
        delegates[delegate] = member;
    }
    state.meetings[meeting] = std::move(delegates);
    return success();
}

Result<Task *> taskOf(CouncilState &state, const Event &event)
{
    const auto it = state.tasks.find(integer(event, "task"));
    if (it == state.tasks.end())
        return damaged(event, QStringLiteral("no such task"));
    return &it->second;
}

// Every task event: the task's history and when it last changed.
void touch(Task &task, const Event &event)
{
    task.updatedAt = event.time;
    task.eventSeqs.push_back(event.seq);
}

Status taskCreated(CouncilState &state, const Event &event)
{
    Task task;
    task.id = integer(event, "task");
    if (task.id <= 0 || state.tasks.count(task.id))
        return damaged(event, QStringLiteral("task id %1 is not new").arg(task.id));
    task.title = text(event, "title");
    const auto owner = TaskOwner::fromJson(event.data.value(QLatin1String("owner")).toObject());
    if (!owner)
        return damaged(event, QStringLiteral("the owner is not {kind, id}"));
    task.owner = *owner;
    task.deadline = parseInstant(text(event, "deadline"));
    if (!task.deadline.isValid())
        return damaged(event, QStringLiteral("the deadline is not an instant"));
    const QJsonObject origin = event.data.value(QLatin1String("origin")).toObject();
    task.originMeeting = origin.value(QLatin1String("meeting")).toInteger(0);
    task.originConclusion = origin.value(QLatin1String("conclusion")).toInteger(0);
    task.createdAt = event.time;
    touch(task, event);
    state.tasks[task.id] = std::move(task);
    return success();
}

Status taskStatusChanged(CouncilState &state, const Event &event)
{
    auto task = taskOf(state, event);
    if (!task)
        return task.error();
    const auto from = taskStatusFromName(text(event, "from"));
    const auto to = taskStatusFromName(text(event, "to"));
    if (!from || !to || *from != (*task)->status)
        return damaged(event, QStringLiteral("the status change does not start from the status"));
    (*task)->status = *to;
    touch(**task, event);
    return success();
}

Status taskNoted(CouncilState &state, const Event &event)
{
    auto task = taskOf(state, event);
    if (!task)
        return task.error();
    (*task)->notes.push_back(TaskNote {event.time, event.actor, text(event, "text"),
        event.data.value(QLatin1String("attachment")).toObject()});
    touch(**task, event);
    return success();
}

Status taskReassigned(CouncilState &state, const Event &event)
{
    auto task = taskOf(state, event);
    if (!task)
        return task.error();
    const auto owner = TaskOwner::fromJson(event.data.value(QLatin1String("owner")).toObject());
    if (!owner)
        return damaged(event, QStringLiteral("the owner is not {kind, id}"));
    (*task)->owner = *owner;
    touch(**task, event);
    return success();
}

Status taskDeadlineChanged(CouncilState &state, const Event &event)
{
    auto task = taskOf(state, event);
    if (!task)
        return task.error();
    const QDateTime deadline = parseInstant(text(event, "deadline"));
    if (!deadline.isValid())
        return damaged(event, QStringLiteral("the deadline is not an instant"));
    (*task)->deadline = deadline;
    touch(**task, event);
    return success();
}

using Route = EventRoute<CouncilState>;

constexpr std::array kRoutes {
    Route {"council.created", councilCreated},
    Route {"council.updated", councilUpdated},
    Route {"member.added", memberAdded},
    Route {"member.updated", memberUpdated},
    Route {"member.left", memberLeft},
    Route {"organisation.added", organisationAdded},
    Route {"organisation.updated", organisationUpdated},
    Route {"meeting.linked", meetingLinked},
    Route {"task.created", taskCreated},
    Route {"task.statusChanged", taskStatusChanged},
    Route {"task.noted", taskNoted},
    Route {"task.reassigned", taskReassigned},
    Route {"task.deadlineChanged", taskDeadlineChanged},
};

} // namespace

QJsonObject Member::toJson() const
{
    return {{QStringLiteral("member"), id}, {QStringLiteral("name"), name},
        {QStringLiteral("group"), group}, {QStringLiteral("seat"), seat},
        {QStringLiteral("title"), title}, {QStringLiteral("weight"), weight},
        {QStringLiteral("active"), active}};
}

QJsonObject Organisation::toJson() const
{
    return {{QStringLiteral("organisation"), id}, {QStringLiteral("name"), name},
        {QStringLiteral("kind"), kind}};
}

const Member *CouncilState::member(qint64 memberId) const
{
    const auto it = members.find(memberId);
    return it == members.end() ? nullptr : &it->second;
}

const Organisation *CouncilState::organisation(qint64 organisationId) const
{
    const auto it = organisations.find(organisationId);
    return it == organisations.end() ? nullptr : &it->second;
}

const Task *CouncilState::task(qint64 taskId) const
{
    const auto it = tasks.find(taskId);
    return it == tasks.end() ? nullptr : &it->second;
}

QString CouncilState::ownerName(const TaskOwner &owner) const
{
    if (owner.kind == TaskOwner::Kind::Member) {
        const Member *found = member(owner.id);
        return found ? found->name : QString();
    }
    const Organisation *found = organisation(owner.id);
    return found ? found->name : QString();
}

QJsonObject CouncilState::toJson() const
{
    QJsonArray memberList;
    for (const auto &[memberId, entry] : members)
        memberList.append(entry.toJson());
    QJsonArray organisationList;
    for (const auto &[organisationId, entry] : organisations)
        organisationList.append(entry.toJson());
    QJsonArray meetingList;
    for (const auto &[meeting, delegates] : meetings) {
        QJsonObject map;
        for (const auto &[delegate, memberId] : delegates)
            map.insert(QString::number(delegate), memberId);
        meetingList.append(
            QJsonObject {{QStringLiteral("meeting"), meeting}, {QStringLiteral("delegates"), map}});
    }
    return {{QStringLiteral("council"), id}, {QStringLiteral("seq"), seq},
        {QStringLiteral("name"), name}, {QStringLiteral("term"), term},
        {QStringLiteral("amberDays"), amberDays}, {QStringLiteral("createdAt"), createdAt},
        {QStringLiteral("members"), memberList},
        {QStringLiteral("organisations"), organisationList},
        {QStringLiteral("meetings"), meetingList}, {QStringLiteral("tasks"), qint64(tasks.size())}};
}

Status applyCouncil(CouncilState &state, const protocol::Event &event)
{
    return applyThroughRoutes<CouncilState>(state, event, kRoutes, "council");
}

std::vector<QString> councilEventKinds()
{
    return routedEventKinds<CouncilState>(kRoutes);
}

} // namespace chamber::core
