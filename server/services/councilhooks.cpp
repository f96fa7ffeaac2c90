// The council side of meetings: the roster a council's meeting starts from, the link written
// with it, what its commands learn from the council, and the adoption of older meetings.
#include "services/councilservice.h"

#include "storage/councilstore.h"
#include "storage/eventstore.h"

#include <QJsonArray>
#include <QLoggingCategory>

#include <algorithm>

namespace chamber::services {

Q_DECLARE_LOGGING_CATEGORY(lcCouncil)

namespace {

const QString kMigrationActor = QStringLiteral("migration");

QJsonObject delegateMap(const std::map<qint64, qint64> &delegates)
{
    QJsonObject map;
    for (const auto &[delegate, member] : delegates)
        map.insert(QString::number(delegate), member);
    return map;
}

} // namespace

void CouncilService::installHooks()
{
    MeetingService::CouncilHooks hooks;
    hooks.roster = [this](qint64 councilId) -> Result<std::vector<core::Member>> {
        const core::CouncilState *state = council(councilId);
        if (!state)
            return councilNotFound(councilId);
        std::vector<core::Member> members;
        for (const auto &[id, member] : state->members) {
            if (member.active)
                members.push_back(member);
        }
        return members;
    };
    hooks.name = [this](qint64 councilId) {
        const core::CouncilState *state = council(councilId);
        return state ? state->name : QString();
    };
    hooks.link = [this](storage::Database &db, qint64 councilId, qint64 meeting,
                     const std::map<qint64, qint64> &delegates, const QString &actor,
                     const QString &time) {
        return linkMeeting(db, councilId, meeting, delegates, actor, time);
    };
    hooks.context = [this](const core::MeetingState &meeting, const protocol::Message &command,
                        core::DecisionContext &context) {
        context.council = councilOfMeeting(meeting.id);
        if (context.council
            && QLatin1String(command.spec->type) == QLatin1String("agenda.addOverdue"))
            context.overdueTasks = overdueTasks(context.council);
    };
    m_meetings.setCouncilHooks(std::move(hooks));
}

Result<std::function<void()>> CouncilService::linkMeeting(storage::Database &, qint64 councilId,
    qint64 meeting, const std::map<qint64, qint64> &delegates, const QString &actor,
    const QString &time)
{
    const core::CouncilState *current = council(councilId);
    if (!current)
        return councilNotFound(councilId);
    core::CouncilState next = *current;
    protocol::Event event;
    event.meeting = councilId;
    event.seq = current->seq + 1;
    event.kind = QStringLiteral("meeting.linked");
    event.time = time;
    event.actor = actor;
    event.data = {{QStringLiteral("meeting"), meeting},
        {QStringLiteral("delegates"), delegateMap(delegates)}};
    if (auto applied = core::applyCouncil(next, event); !applied)
        return applied.error();
    auto sealed = m_log->insert({{councilId, event.kind, actor, time, event.data}});
    if (!sealed)
        return sealed.error();
    // Runs once the meeting's transaction has committed.
    return std::function<void()>([this, councilId, meeting, next = std::move(next),
                                     events = std::move(sealed.value())]() mutable {
        m_log->noteCommitted(events);
        next.lastHash = events.back().hash;
        m_councils[councilId] = std::move(next);
        m_councilOfMeeting[meeting] = councilId;
        announce(councilId, events);
    });
}

std::vector<core::OverdueTask> CouncilService::overdueTasks(qint64 councilId) const
{
    std::vector<core::OverdueTask> overdue;
    const core::CouncilState *state = council(councilId);
    if (!state)
        return overdue;
    const QDateTime now = m_clock.now().toUTC();
    for (const auto &[id, task] : state->tasks) {
        if (core::taskColour(task, now, state->amberDays) == core::TaskColour::Overdue)
            overdue.push_back({id, task.title, state->ownerName(task.owner), task.deadline});
    }
    std::stable_sort(
        overdue.begin(), overdue.end(), [](const core::OverdueTask &a, const core::OverdueTask &b) {
            return a.deadline < b.deadline;
        });
    return overdue;
}

// A meeting older than councils, with delegates and no council yet, becomes a council of its
// own: its title, its delegates as members (same ids), and the identity map. People are not
// matched by name across meetings: names repeat, and a wrong merge would give one person's
// tasks and history to another. Its row in council_adoption goes in the same transaction, so a
// crash adopts it at the next start and a finished adoption never runs twice.
Status CouncilService::adopt(qint64 meetingId)
{
    const core::MeetingState *meeting = m_meetings.meeting(meetingId);
    const bool adoptable = meeting && meeting->roster.size() > 0 && !meeting->council
        && !councilOfMeeting(meetingId);
    storage::Batch batch;
    if (!adoptable) {
        batch.alsoWrite = [&](storage::Database &) { return m_log->finishAdoption(meetingId); };
        auto done = m_store.commit(batch);
        return done ? success() : Status(done.error());
    }
    const qint64 councilId = m_log->lastCouncilId() + 1;
    std::vector<core::EventDraft> drafts;
    drafts.push_back({QStringLiteral("council.created"),
        {{QStringLiteral("council"), councilId}, {QStringLiteral("name"), meeting->title},
            {QStringLiteral("term"), QString()}, {QStringLiteral("amberDays"), 7}}});
    std::map<qint64, qint64> delegates;
    for (const auto &[id, delegate] : meeting->roster.all()) {
        drafts.push_back({QStringLiteral("member.added"),
            {{QStringLiteral("member"), id}, {QStringLiteral("name"), delegate.name},
                {QStringLiteral("group"), delegate.group}, {QStringLiteral("seat"), delegate.seat},
                {QStringLiteral("weight"), delegate.weight},
                {QStringLiteral("title"), QString()}}});
        delegates[id] = id;
    }
    drafts.push_back({QStringLiteral("meeting.linked"),
        {{QStringLiteral("meeting"), meetingId},
            {QStringLiteral("delegates"), delegateMap(delegates)}}});
    const core::CouncilState empty;
    auto committed = commit(councilId, empty, kMigrationActor,
        m_clock.now().toUTC().toString(Qt::ISODateWithMs), drafts, std::nullopt,
        [&](storage::Database &) { return m_log->finishAdoption(meetingId); });
    if (!committed)
        return committed.error();
    qCInfo(lcCouncil).noquote() << "meeting" << meetingId << "adopted as council" << councilId;
    return success();
}

} // namespace chamber::services
