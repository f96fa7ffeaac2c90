#include "boarddata.h"

#include <QJsonArray>

#include <cmath>

namespace chamber::kiosk {

namespace {

Error malformed(const QString &what)
{
    return Error {ErrorCode::BadField, QStringLiteral("the board is malformed: %1").arg(what)};
}

// A whole number field within [min, max]; absent fields take `fallback`.
std::optional<qint64> integerField(
    const QJsonObject &json, QLatin1String key, qint64 min, qint64 max, qint64 fallback)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    // Range first: converting a double outside qint64's range (1e300) is undefined behaviour,
    // which the fuzzer found. 2^53 bounds the whole numbers a double holds exactly anyway.
    constexpr double kExact = 9007199254740992.0; // 2^53
    if (!std::isfinite(number) || std::fabs(number) > kExact || number != std::trunc(number)
        || number < double(min) || number > double(max))
        return std::nullopt;
    return qint64(number);
}

std::optional<QDateTime> instantField(const QJsonObject &json, QLatin1String key, bool required)
{
    const QJsonValue value = json.value(key);
    if (!value.isString())
        return required ? std::nullopt : std::optional(QDateTime());
    const QDateTime instant = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!instant.isValid())
        return std::nullopt;
    return instant.toUTC();
}

Result<ColourCounts> parseCounts(const QJsonValue &value)
{
    if (!value.isObject())
        return malformed(QStringLiteral("counts missing"));
    const QJsonObject json = value.toObject();
    ColourCounts counts;
    const std::pair<QLatin1String, int *> fields[] = {{QLatin1String("onTime"), &counts.onTime},
        {QLatin1String("dueSoon"), &counts.dueSoon}, {QLatin1String("overdue"), &counts.overdue},
        {QLatin1String("done"), &counts.done}, {QLatin1String("cancelled"), &counts.cancelled},
        {QLatin1String("total"), &counts.total}};
    for (const auto &[key, target] : fields) {
        const auto number = integerField(json, key, 0, 10000000, 0);
        if (!number)
            return malformed(QStringLiteral("count %1").arg(key));
        *target = int(*number);
    }
    return counts;
}

Result<OwnerRef> parseOwnerRef(const QJsonObject &json)
{
    OwnerRef owner;
    const QString kind = json.value(QLatin1String("kind")).toString();
    if (kind == QLatin1String("member"))
        owner.kind = OwnerKind::Member;
    else if (kind == QLatin1String("organisation"))
        owner.kind = OwnerKind::Organisation;
    else
        return malformed(QStringLiteral("owner kind \"%1\"").arg(kind));
    const auto id = integerField(json, QLatin1String("id"), 1, Q_INT64_C(1) << 53, 0);
    if (!id || *id == 0)
        return malformed(QStringLiteral("owner id"));
    owner.id = *id;
    owner.name = json.value(QLatin1String("name")).toString();
    return owner;
}

Result<BoardTask> parseTask(const QJsonValue &value)
{
    if (!value.isObject())
        return malformed(QStringLiteral("a task is not an object"));
    const QJsonObject json = value.toObject();
    BoardTask task;
    const auto id = integerField(json, QLatin1String("task"), 1, Q_INT64_C(1) << 53, 0);
    if (!id || *id == 0)
        return malformed(QStringLiteral("task id"));
    task.id = *id;
    task.title = json.value(QLatin1String("title")).toString();
    task.status = json.value(QLatin1String("status")).toString();
    static const QStringList statuses {QStringLiteral("open"), QStringLiteral("inProgress"),
        QStringLiteral("done"), QStringLiteral("cancelled")};
    if (!statuses.contains(task.status))
        return malformed(QStringLiteral("status of task %1").arg(task.id));
    const auto colour = taskColourFromName(json.value(QLatin1String("colour")).toString());
    if (!colour)
        return malformed(QStringLiteral("colour of task %1").arg(task.id));
    task.colour = *colour;
    const auto deadline = instantField(json, QLatin1String("deadline"), true);
    const auto updated = instantField(json, QLatin1String("updatedAt"), false);
    if (!deadline || !updated)
        return malformed(QStringLiteral("time of task %1").arg(task.id));
    task.deadline = *deadline;
    task.updatedAt = *updated;
    const QJsonObject origin = json.value(QLatin1String("origin")).toObject();
    const auto meeting = integerField(origin, QLatin1String("meeting"), 0, Q_INT64_C(1) << 53, 0);
    const auto conclusion
        = integerField(origin, QLatin1String("conclusion"), 0, Q_INT64_C(1) << 53, 0);
    const auto notes = integerField(json, QLatin1String("notes"), 0, 1000000, 0);
    if (!meeting || !conclusion || !notes)
        return malformed(QStringLiteral("origin or notes of task %1").arg(task.id));
    task.originMeeting = *meeting;
    task.originConclusion = *conclusion;
    task.notes = int(*notes);
    return task;
}

} // namespace

QString taskColourName(TaskColour colour)
{
    switch (colour) {
    case TaskColour::OnTime:
        return QStringLiteral("onTime");
    case TaskColour::DueSoon:
        return QStringLiteral("dueSoon");
    case TaskColour::Overdue:
        return QStringLiteral("overdue");
    case TaskColour::Done:
        return QStringLiteral("done");
    case TaskColour::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

std::optional<TaskColour> taskColourFromName(const QString &name)
{
    for (TaskColour colour : {TaskColour::OnTime, TaskColour::DueSoon, TaskColour::Overdue,
             TaskColour::Done, TaskColour::Cancelled}) {
        if (taskColourName(colour) == name)
            return colour;
    }
    return std::nullopt;
}

QString ownerKindName(OwnerKind kind)
{
    return kind == OwnerKind::Member ? QStringLiteral("member") : QStringLiteral("organisation");
}

Result<Board> Board::fromJson(const QJsonObject &json)
{
    Board board;
    const auto council = integerField(json, QLatin1String("council"), 1, Q_INT64_C(1) << 53, 0);
    const auto seq = integerField(json, QLatin1String("seq"), 0, Q_INT64_C(1) << 53, 0);
    const auto amberDays = integerField(json, QLatin1String("amberDays"), 1, 90, 7);
    const auto page = integerField(json, QLatin1String("page"), 1, 1000000, 1);
    const auto pageSize = integerField(json, QLatin1String("pageSize"), 1, 200, 50);
    const auto pages = integerField(json, QLatin1String("pages"), 0, 1000000, 1);
    const auto now = instantField(json, QLatin1String("now"), true);
    if (!council || *council == 0 || !seq || !amberDays || !page || !pageSize || !pages || !now)
        return malformed(QStringLiteral("council, seq, now, amberDays or paging"));
    board.council = *council;
    board.seq = *seq;
    board.amberDays = int(*amberDays);
    board.page = int(*page);
    board.pageSize = int(*pageSize);
    board.pages = int(std::max<qint64>(1, *pages));
    board.now = *now;
    board.name = json.value(QLatin1String("name")).toString();
    auto counts = parseCounts(json.value(QLatin1String("counts")));
    if (!counts)
        return counts.error();
    board.counts = counts.value();
    if (!json.value(QLatin1String("owners")).isArray())
        return malformed(QStringLiteral("owners missing"));
    int tasks = 0;
    for (const QJsonValue &value : json.value(QLatin1String("owners")).toArray()) {
        if (!value.isObject())
            return malformed(QStringLiteral("an owner is not an object"));
        const QJsonObject ownerJson = value.toObject();
        auto ref = parseOwnerRef(ownerJson);
        if (!ref)
            return ref.error();
        auto ownerCounts = parseCounts(ownerJson.value(QLatin1String("counts")));
        if (!ownerCounts)
            return ownerCounts.error();
        BoardOwner owner {ref.value(), ownerCounts.value(), {}};
        for (const QJsonValue &taskValue : ownerJson.value(QLatin1String("tasks")).toArray()) {
            if (++tasks > kMaxTasks)
                return malformed(QStringLiteral("more than %1 tasks").arg(kMaxTasks));
            auto task = parseTask(taskValue);
            if (!task)
                return task.error();
            owner.tasks.push_back(std::move(task.value()));
        }
        board.owners.push_back(std::move(owner));
    }
    const QJsonObject filters = json.value(QLatin1String("filters")).toObject();
    for (const QJsonValue &value : filters.value(QLatin1String("meetings")).toArray()) {
        const auto meeting
            = integerField(value.toObject(), QLatin1String("meeting"), 1, Q_INT64_C(1) << 53, 0);
        if (!meeting || *meeting == 0)
            return malformed(QStringLiteral("a meeting of the filters"));
        board.meetingChoices.push_back(
            {*meeting, value.toObject().value(QLatin1String("title")).toString()});
    }
    for (const QJsonValue &value : filters.value(QLatin1String("owners")).toArray()) {
        auto ref = parseOwnerRef(value.toObject());
        if (!ref)
            return ref.error();
        board.ownerChoices.push_back(ref.value());
    }
    return board;
}

int Board::taskCount() const
{
    int count = 0;
    for (const BoardOwner &owner : owners)
        count += int(owner.tasks.size());
    return count;
}

void Board::append(Board next)
{
    for (BoardOwner &owner : next.owners) {
        // Pages follow the server's order, so only the last owner held can continue.
        if (!owners.empty() && owners.back().owner.kind == owner.owner.kind
            && owners.back().owner.id == owner.owner.id) {
            auto &tasks = owners.back().tasks;
            tasks.insert(tasks.end(), std::make_move_iterator(owner.tasks.begin()),
                std::make_move_iterator(owner.tasks.end()));
        } else {
            owners.push_back(std::move(owner));
        }
    }
    page = next.page;
}

QString Board::ownerName(OwnerKind kind, qint64 id) const
{
    for (const BoardOwner &owner : owners) {
        if (owner.owner.kind == kind && owner.owner.id == id)
            return owner.owner.name;
    }
    for (const OwnerRef &owner : ownerChoices) {
        if (owner.kind == kind && owner.id == id)
            return owner.name;
    }
    return {};
}

} // namespace chamber::kiosk
