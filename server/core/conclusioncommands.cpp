// Conclusions, what the tally screens show, and the agenda item that reviews a council's
// overdue tasks: the meeting commands issue 15 adds.
#include "core/commandroutes.h"
#include "core/conclusions.h"

#include <QJsonArray>

#include <array>

namespace chamber::core {

namespace {

using protocol::Message;

const QLatin1String kConclusion("conclusion");
const QLatin1String kItem("item");
const QLatin1String kText("text");
const QLatin1String kPoll("poll");

// Hours ahead of UTC in Vietnam (no summer time): the dates people read in an agenda.
constexpr int kVietnamOffsetSeconds = 7 * 3600;
// An agenda item's description holds at most this much (schema's kMaxText).
constexpr int kMaxDescription = 10000;

const char kOverdueTitle[] = "Xem xét các kết luận quá hạn";

// A poll a conclusion may rest on: this meeting's, published, and it decided something.
std::optional<Error> checkResolution(const MeetingState &state, qint64 pollId)
{
    const auto it = state.polls.find(pollId);
    if (it == state.polls.end())
        return notFoundError(QStringLiteral("poll"), pollId, kPoll);
    const Poll &poll = it->second;
    if (poll.state != PollState::Published || !poll.closing)
        return makeError(ErrorCode::Conflict,
            QStringLiteral("poll %1 is not published; a conclusion rests on a published result")
                .arg(pollId),
            kPoll);
    const Verdict verdict = poll.closing->outcome.verdict;
    if (verdict != Verdict::Passed && verdict != Verdict::Elected)
        return makeError(ErrorCode::Conflict,
            QStringLiteral("poll %1 did not pass (%2)").arg(pollId).arg(verdictName(verdict)),
            kPoll);
    return std::nullopt;
}

Result<const Conclusion *> findConclusion(const MeetingState &state, const Message &command)
{
    const qint64 id = command.integer(kConclusion);
    const Conclusion *conclusion = state.conclusion(id);
    if (!conclusion || conclusion->removed)
        return notFoundError(QStringLiteral("conclusion"), id, kConclusion);
    return conclusion;
}

Result<Decision> conclusionAdd(
    const MeetingState &state, const Message &command, const DecisionContext &)
{
    const qint64 item = command.integer(kItem);
    if (!state.agenda.contains(item))
        return notFoundError(QStringLiteral("agenda item"), item, kItem);
    QJsonObject data {{kConclusion, state.nextConclusionId()},
        {QStringLiteral("number"), state.nextConclusionId()}, {kItem, item},
        {kText, command.string(kText)}};
    if (command.has(kPoll)) {
        if (auto error = checkResolution(state, command.integer(kPoll)))
            return *error;
        data.insert(kPoll, command.integer(kPoll));
    }
    return singleEvent(QStringLiteral("conclusion.added"), data,
        {{kConclusion, state.nextConclusionId()},
            {QStringLiteral("number"), state.nextConclusionId()}});
}

Result<Decision> conclusionUpdate(
    const MeetingState &state, const Message &command, const DecisionContext &)
{
    auto conclusion = findConclusion(state, command);
    if (!conclusion)
        return conclusion.error();
    QJsonObject changes;
    if (command.has(kText) && command.string(kText) != (*conclusion)->text)
        changes.insert(kText, command.string(kText));
    // A null poll takes the resolution away; a number names another.
    if (command.has(kPoll)) {
        const qint64 poll = command.optionalInteger(kPoll).value_or(0);
        if (poll) {
            if (auto error = checkResolution(state, poll))
                return *error;
        }
        if (poll != (*conclusion)->poll)
            changes.insert(kPoll, poll ? QJsonValue(poll) : QJsonValue());
    }
    if (changes.isEmpty())
        return unchangedDecision();
    changes.insert(kConclusion, (*conclusion)->id);
    return singleEvent(QStringLiteral("conclusion.updated"), changes);
}

Result<Decision> conclusionRemove(
    const MeetingState &state, const Message &command, const DecisionContext &)
{
    auto conclusion = findConclusion(state, command);
    if (!conclusion)
        return conclusion.error();
    return singleEvent(QStringLiteral("conclusion.removed"), {{kConclusion, (*conclusion)->id}});
}

Result<Decision> screenShow(
    const MeetingState &state, const Message &command, const DecisionContext &context)
{
    const QString view = command.string(QLatin1String("view"));
    if (view == QLatin1String("board") && !state.council && !context.council)
        return makeError(ErrorCode::Conflict,
            QStringLiteral("the meeting has no council, so no board to show"),
            QStringLiteral("view"));
    if (view == state.screenView)
        return unchangedDecision();
    return singleEvent(QStringLiteral("screen.shown"), {{QStringLiteral("view"), view}});
}

QString overdueLine(const OverdueTask &task)
{
    return QStringLiteral("#%1 %2 — %3 — %4")
        .arg(task.task)
        .arg(task.title, task.owner,
            task.deadline.toOffsetFromUtc(kVietnamOffsetSeconds)
                .toString(QStringLiteral("dd/MM/yyyy HH:mm")));
}

Result<Decision> agendaAddOverdue(
    const MeetingState &state, const Message &command, const DecisionContext &context)
{
    if (!state.council && !context.council)
        return makeError(ErrorCode::Conflict,
            QStringLiteral("the meeting has no council, so no tasks to review"));
    if (context.overdueTasks.empty())
        return makeError(ErrorCode::Conflict, QStringLiteral("no task of the council is overdue"));
    const qint64 parent = command.optionalInteger(QLatin1String("parent")).value_or(kRoot);
    const qint64 position = qint64(state.agenda.children(parent).size());
    if (auto check = state.agenda.checkInsert(parent, position); !check)
        return check.error();
    QStringList lines;
    qsizetype length = 0;
    for (std::size_t i = 0; i < context.overdueTasks.size(); ++i) {
        const QString line = overdueLine(context.overdueTasks[i]);
        if (length + line.size() > kMaxDescription - 100) {
            lines << QStringLiteral("… và %1 nhiệm vụ khác").arg(context.overdueTasks.size() - i);
            break;
        }
        lines << line;
        length += line.size() + 1;
    }
    const qint64 id = state.agenda.nextId();
    QJsonArray tasks;
    for (const OverdueTask &task : context.overdueTasks)
        tasks.append(task.task);
    return singleEvent(QStringLiteral("agenda.added"),
        {{kItem, id},
            {QStringLiteral("parent"), parent == kRoot ? QJsonValue() : QJsonValue(parent)},
            {QStringLiteral("position"), position},
            {QStringLiteral("title"), QString::fromUtf8(kOverdueTitle)},
            {QStringLiteral("description"), lines.join(QLatin1Char('\n'))},
            {QStringLiteral("kind"), QStringLiteral("item")}},
        {{kItem, id}, {QStringLiteral("tasks"), tasks}});
}

constexpr std::array kConclusionRoutes {
    CommandRoute {"conclusion.add", conclusionAdd},
    CommandRoute {"conclusion.update", conclusionUpdate},
    CommandRoute {"conclusion.remove", conclusionRemove},
    CommandRoute {"screen.show", screenShow},
    CommandRoute {"agenda.addOverdue", agendaAddOverdue},
};

} // namespace

QJsonObject Conclusion::toJson() const
{
    QJsonObject json {{QStringLiteral("conclusion"), id}, {QStringLiteral("number"), id},
        {QStringLiteral("item"), item}, {QStringLiteral("text"), text},
        {QStringLiteral("poll"), poll ? QJsonValue(poll) : QJsonValue()},
        {QStringLiteral("addedAt"), addedAt}, {QStringLiteral("updatedAt"), updatedAt}};
    if (removed)
        json.insert(QStringLiteral("removed"), true);
    return json;
}

Conclusion Conclusion::fromJson(const QJsonObject &json)
{
    Conclusion conclusion;
    conclusion.id = json.value(QLatin1String("conclusion")).toInteger(0);
    conclusion.item = json.value(QLatin1String("item")).toInteger(0);
    conclusion.text = json.value(QLatin1String("text")).toString();
    conclusion.poll = json.value(QLatin1String("poll")).toInteger(0);
    conclusion.removed = json.value(QLatin1String("removed")).toBool();
    conclusion.addedAt = json.value(QLatin1String("addedAt")).toString();
    conclusion.updatedAt = json.value(QLatin1String("updatedAt")).toString();
    return conclusion;
}

std::span<const CommandRoute> conclusionRoutes()
{
    return kConclusionRoutes;
}

} // namespace chamber::core
