// The follow-up board: a council's tasks grouped by owner, coloured at a given time, filtered,
// ordered so the worst comes first, and cut into pages.
#include "core/council.h"

#include <QCollator>
#include <QJsonArray>

#include <algorithm>

namespace chamber::core {

namespace {

struct Counts
{
    qint64 onTime = 0, dueSoon = 0, overdue = 0, done = 0, cancelled = 0;

    void add(TaskColour colour)
    {
        switch (colour) {
        case TaskColour::OnTime:
            ++onTime;
            break;
        case TaskColour::DueSoon:
            ++dueSoon;
            break;
        case TaskColour::Overdue:
            ++overdue;
            break;
        case TaskColour::Done:
            ++done;
            break;
        case TaskColour::Cancelled:
            ++cancelled;
            break;
        }
    }
    qint64 total() const { return onTime + dueSoon + overdue + done + cancelled; }
    QJsonObject toJson() const
    {
        return {{QStringLiteral("onTime"), onTime}, {QStringLiteral("dueSoon"), dueSoon},
            {QStringLiteral("overdue"), overdue}, {QStringLiteral("done"), done},
            {QStringLiteral("cancelled"), cancelled}, {QStringLiteral("total"), total()}};
    }
};

struct ColouredTask
{
    const Task *task;
    TaskColour colour;
};

struct OwnerGroup
{
    TaskOwner owner;
    QString name;
    Counts counts;
    std::vector<ColouredTask> tasks;
};

bool matchesStatus(const QString &filter, const Task &task, TaskColour colour)
{
    if (filter.isEmpty())
        return true;
    if (const auto wanted = taskColourFromName(filter))
        return *wanted == colour;
    if (const auto wanted = taskStatusFromName(filter))
        return *wanted == task.status;
    return false;
}

// Open work first, the most urgent first; finished work after, the latest first.
int rank(TaskColour colour)
{
    switch (colour) {
    case TaskColour::Overdue:
        return 0;
    case TaskColour::DueSoon:
        return 1;
    case TaskColour::OnTime:
        return 2;
    case TaskColour::Done:
        return 3;
    case TaskColour::Cancelled:
        return 4;
    }
    return 5;
}

bool taskBefore(const ColouredTask &a, const ColouredTask &b)
{
    if (rank(a.colour) != rank(b.colour))
        return rank(a.colour) < rank(b.colour);
    if (a.colour == TaskColour::Done || a.colour == TaskColour::Cancelled) {
        if (a.task->updatedAt != b.task->updatedAt)
            return a.task->updatedAt > b.task->updatedAt;
    } else if (a.task->deadline != b.task->deadline) {
        return a.task->deadline < b.task->deadline;
    }
    return a.task->id < b.task->id;
}

QJsonArray filterLists(const CouncilState &state, QJsonArray *meetings)
{
    for (const auto &[meeting, delegates] : state.meetings)
        meetings->append(QJsonObject {{QStringLiteral("meeting"), meeting}});
    QJsonArray owners;
    for (const auto &[id, organisation] : state.organisations)
        owners.append(QJsonObject {{QStringLiteral("kind"), QStringLiteral("organisation")},
            {QStringLiteral("id"), id}, {QStringLiteral("name"), organisation.name}});
    for (const auto &[id, member] : state.members) {
        if (member.active)
            owners.append(QJsonObject {{QStringLiteral("kind"), QStringLiteral("member")},
                {QStringLiteral("id"), id}, {QStringLiteral("name"), member.name}});
    }
    return owners;
}

} // namespace

Result<BoardQuery> boardQueryFromMessage(const protocol::Message &message)
{
    BoardQuery query;
    query.originMeeting = message.integer(QLatin1String("origin"));
    query.status = message.string(QLatin1String("status"));
    query.page = int(message.integer(QLatin1String("page"), 1));
    query.pageSize = int(message.integer(QLatin1String("pageSize"), 50));
    const bool hasOwner = message.has(QLatin1String("owner"));
    if (hasOwner != message.has(QLatin1String("ownerKind")))
        return makeError(ErrorCode::MissingField,
            QStringLiteral("owner and ownerKind filter together"),
            hasOwner ? QStringLiteral("ownerKind") : QStringLiteral("owner"));
    if (hasOwner) {
        const auto kind = ownerKindFromName(message.string(QLatin1String("ownerKind")));
        if (!kind)
            return makeError(ErrorCode::BadField,
                QStringLiteral("ownerKind must be member or organisation"),
                QStringLiteral("ownerKind"));
        query.owner = TaskOwner {*kind, message.integer(QLatin1String("owner"))};
    }
    return query;
}

QJsonObject boardView(const CouncilState &state, const BoardQuery &query, const QDateTime &now)
{
    std::map<std::pair<int, qint64>, OwnerGroup> groups;
    Counts counts;
    for (const auto &[id, task] : state.tasks) {
        if (query.originMeeting && task.originMeeting != query.originMeeting)
            continue;
        if (query.owner && !(*query.owner == task.owner))
            continue;
        const TaskColour colour = taskColour(task, now, state.amberDays);
        if (!matchesStatus(query.status, task, colour))
            continue;
        OwnerGroup &group = groups[{int(task.owner.kind), task.owner.id}];
        if (group.tasks.empty()) {
            group.owner = task.owner;
            group.name = state.ownerName(task.owner);
        }
        group.counts.add(colour);
        group.tasks.push_back({&task, colour});
        counts.add(colour);
    }

    std::vector<OwnerGroup *> ordered;
    for (auto &[key, group] : groups) {
        std::sort(group.tasks.begin(), group.tasks.end(), taskBefore);
        ordered.push_back(&group);
    }
    QCollator collator {QLocale(QLocale::Vietnamese)};
    collator.setNumericMode(true);
    std::sort(ordered.begin(), ordered.end(), [&](const OwnerGroup *a, const OwnerGroup *b) {
        if (a->counts.overdue != b->counts.overdue)
            return a->counts.overdue > b->counts.overdue;
        if (a->counts.dueSoon != b->counts.dueSoon)
            return a->counts.dueSoon > b->counts.dueSoon;
        const int byName = collator.compare(a->name, b->name);
        if (byName != 0)
            return byName < 0;
        return std::pair {int(a->owner.kind), a->owner.id}
        < std::pair {int(b->owner.kind), b->owner.id};
    });

    const int pageSize = std::clamp(query.pageSize, 1, kMaxBoardPageSize);
    const qint64 pages = std::max<qint64>(1, (counts.total() + pageSize - 1) / pageSize);
    const qint64 page = std::clamp<qint64>(query.page, 1, pages);
    const qint64 first = (page - 1) * pageSize;
    const qint64 last = first + pageSize; // exclusive
    QJsonArray owners;
    qint64 position = 0;
    for (const OwnerGroup *group : ordered) {
        const qint64 size = qint64(group->tasks.size());
        if (position + size <= first || position >= last) {
            position += size;
            continue;
        }
        QJsonArray tasks;
        for (qint64 i = std::max<qint64>(0, first - position); i < size && position + i < last; ++i)
            tasks.append(taskJson(state, *group->tasks[std::size_t(i)].task, now));
        owners.append(QJsonObject {{QStringLiteral("kind"), ownerKindName(group->owner.kind)},
            {QStringLiteral("id"), group->owner.id}, {QStringLiteral("name"), group->name},
            {QStringLiteral("counts"), group->counts.toJson()}, {QStringLiteral("tasks"), tasks}});
        position += size;
    }

    QJsonArray meetings;
    const QJsonArray ownerFilter = filterLists(state, &meetings);
    return {{QStringLiteral("council"), state.id}, {QStringLiteral("name"), state.name},
        {QStringLiteral("now"), now.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("amberDays"), state.amberDays}, {QStringLiteral("seq"), state.seq},
        {QStringLiteral("counts"), counts.toJson()}, {QStringLiteral("owners"), owners},
        {QStringLiteral("page"), page}, {QStringLiteral("pageSize"), pageSize},
        {QStringLiteral("pages"), pages},
        {QStringLiteral("filters"),
            QJsonObject {
                {QStringLiteral("meetings"), meetings}, {QStringLiteral("owners"), ownerFilter}}}};
}

} // namespace chamber::core
