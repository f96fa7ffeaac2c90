#include "services/councilservice.h"

#include "storage/councilstore.h"
#include "storage/eventstore.h"

#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>

namespace chamber::services {

Q_LOGGING_CATEGORY(lcCouncil, "chamber.council")

namespace {

bool isCouncilCommand(const protocol::Message &command)
{
    const auto types = core::councilCommandTypes();
    return std::find(types.begin(), types.end(), command.type()) != types.end();
}

// Timers take int milliseconds; a boundary further away is re-planned when this one fires.
constexpr qint64 kLongestWaitMs = 24LL * 3600 * 1000;

} // namespace

Error councilNotFound(qint64 council)
{
    return makeError(ErrorCode::NotFound, QStringLiteral("council %1 does not exist").arg(council),
        QStringLiteral("council"));
}

QJsonObject councilEventJson(const protocol::Event &event)
{
    QJsonObject json = event.toJson();
    json.remove(QStringLiteral("meeting"));
    json.insert(QStringLiteral("council"), event.meeting);
    return json;
}

CouncilService::CouncilService(
    storage::EventStore &store, MeetingService &meetings, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_meetings(meetings)
    , m_clock(clock)
{
    installHooks();
}

CouncilService::~CouncilService()
{
    m_meetings.setCouncilHooks({});
}

Status CouncilService::load()
{
    m_councils.clear();
    m_councilOfMeeting.clear();
    auto log = storage::CouncilStore::open(m_store.database());
    if (!log)
        return log.error();
    m_log = std::move(log.value());
    // Replaying checks each event's place; the hashes are checked here too, so the server
    // never starts on a council log edited behind its back.
    QByteArray previous;
    auto replayed = m_log->forEachEvent([&](const protocol::Event &event) -> Status {
        core::CouncilState &state = m_councils[event.meeting];
        const QByteArray expected = state.seq == 0 ? protocol::genesisHash() : state.lastHash;
        if (event.prevHash != expected || event.computeHash() != event.hash)
            return makeError(ErrorCode::Internal,
                QStringLiteral("council %1, event %2: the hash chain is broken")
                    .arg(event.meeting)
                    .arg(event.seq));
        return core::applyCouncil(state, event);
    });
    if (!replayed)
        return replayed;
    for (const auto &[id, state] : m_councils) {
        for (const auto &[meeting, delegates] : state.meetings)
            m_councilOfMeeting[meeting] = id;
    }
    auto pending = m_log->pendingAdoptions();
    if (!pending)
        return pending.error();
    for (qint64 meeting : pending.value()) {
        if (auto adopted = adopt(meeting); !adopted)
            return adopted;
    }
    return success();
}

QJsonObject CouncilService::execute(
    const Principal &principal, const protocol::Message &command, const core::CouncilActor &actor)
{
    return executeAsOf(m_clock.now().toUTC(), principal, command, actor);
}

QJsonObject CouncilService::executeAsOf(const QDateTime &at, const Principal &principal,
    const protocol::Message &command, const core::CouncilActor &actor)
{
    if (command.spec->kind != protocol::MessageKind::Command || !isCouncilCommand(command)) {
        return protocol::errorReply(command.id,
            makeError(ErrorCode::UnknownType,
                command.type() + QStringLiteral(" is not a council command"),
                QStringLiteral("type")));
    }
    if (auto stored = m_store.findCommandResult(principal.id, command.id)) {
        if (stored->fingerprint != requestFingerprint(command)) {
            return protocol::errorReply(command.id,
                makeError(ErrorCode::IdReused,
                    QStringLiteral("request id %1 was already used for a different request")
                        .arg(command.id),
                    QStringLiteral("id")));
        }
        return QJsonDocument::fromJson(stored->response).object();
    }
    return run(at, principal, command, actor);
}

QJsonObject CouncilService::run(const QDateTime &now, const Principal &principal,
    const protocol::Message &command, const core::CouncilActor &actor)
{
    const bool creating = QLatin1String(command.spec->type) == QLatin1String("council.create");
    const qint64 councilId
        = creating ? m_log->lastCouncilId() + 1 : command.integer(QLatin1String("council"));
    const core::CouncilState empty;
    const core::CouncilState *current = creating ? &empty : council(councilId);
    if (!current)
        return protocol::errorReply(command.id, councilNotFound(councilId));

    core::CouncilContext context;
    context.now = now.toUTC();
    context.actor = actor;
    if (command.has(QLatin1String("attachment")) && m_attachments)
        context.attachment = m_attachments(councilId, command.string(QLatin1String("attachment")));
    if (command.has(QLatin1String("meeting")))
        context.originMeeting = m_meetings.meeting(command.integer(QLatin1String("meeting")));
    auto decision = creating ? core::decideCouncilCreate(councilId, command, context)
                             : core::decideCouncil(*current, command, context);
    if (!decision)
        return protocol::errorReply(command.id, decision.error());

    const qint64 seq = current->seq + qint64(decision->events.size());
    const QJsonObject reply = protocol::okReply(command.id, decision->result, seq);
    auto committed = commit(councilId, *current, principal.id,
        context.now.toString(Qt::ISODateWithMs), decision->events,
        storage::CommandRecord {
            principal.id, command.id, requestFingerprint(command), protocol::toFrame(reply)});
    if (!committed)
        return protocol::errorReply(command.id, committed.error());
    return reply;
}

Result<std::vector<protocol::Event>> CouncilService::commit(qint64 councilId,
    const core::CouncilState &current, const QString &actor, const QString &time,
    const std::vector<core::EventDraft> &drafts, std::optional<storage::CommandRecord> record,
    std::function<Status(storage::Database &)> alsoWrite)
{
    core::CouncilState next = current;
    std::vector<storage::PendingEvent> pending;
    qint64 seq = current.seq;
    for (const core::EventDraft &draft : drafts) {
        protocol::Event event;
        event.meeting = councilId;
        event.seq = ++seq;
        event.kind = draft.kind;
        event.time = time;
        event.actor = actor;
        event.data = draft.data;
        if (auto applied = core::applyCouncil(next, event); !applied) {
            qCCritical(lcCouncil).noquote()
                << "refusing events that do not apply:" << applied.error().message;
            return applied.error();
        }
        pending.push_back({councilId, draft.kind, actor, time, draft.data});
    }
    storage::Batch batch;
    if (record)
        batch.commands.push_back(std::move(*record));
    std::vector<protocol::Event> sealed;
    batch.alsoWrite = [&](storage::Database &db) -> Status {
        auto inserted = m_log->insert(pending);
        if (!inserted)
            return inserted.error();
        sealed = std::move(inserted.value());
        return alsoWrite ? alsoWrite(db) : success();
    };
    if (auto committed = m_store.commit(batch); !committed) {
        qCCritical(lcCouncil).noquote() << "commit failed:" << committed.error().message;
        if (committed.error().code != ErrorCode::Internal)
            return committed.error();
        return makeError(ErrorCode::Internal,
            QStringLiteral("the change could not be stored; nothing was changed"));
    }
    m_log->noteCommitted(sealed);
    if (!sealed.empty()) {
        next.lastHash = sealed.back().hash;
        for (const auto &[meeting, delegates] : next.meetings)
            m_councilOfMeeting[meeting] = councilId;
        m_councils[councilId] = std::move(next);
        announce(councilId, sealed);
    }
    return sealed;
}

void CouncilService::announce(qint64 councilId, const std::vector<protocol::Event> &events)
{
    emit eventsCommitted(councilId, events);
    emit boardChanged(councilId, events.back().seq);
    scheduleBoundary();
}

const core::CouncilState *CouncilService::council(qint64 id) const
{
    const auto it = m_councils.find(id);
    return it == m_councils.end() ? nullptr : &it->second;
}

std::vector<const core::CouncilState *> CouncilService::councils() const
{
    std::vector<const core::CouncilState *> list;
    for (const auto &[id, state] : m_councils)
        list.push_back(&state);
    return list;
}

qint64 CouncilService::councilOfMeeting(qint64 meeting) const
{
    const auto it = m_councilOfMeeting.find(meeting);
    return it == m_councilOfMeeting.end() ? 0 : it->second;
}

std::optional<qint64> CouncilService::memberOfDelegate(qint64 meeting, qint64 delegate) const
{
    const core::CouncilState *state = council(councilOfMeeting(meeting));
    if (!state)
        return std::nullopt;
    const auto &delegates = state->meetings.at(meeting);
    const auto it = delegates.find(delegate);
    if (it != delegates.end())
        return it->second;
    // Guests added to the meeting later are nobody in the council.
    return std::nullopt;
}

QJsonObject CouncilService::board(qint64 councilId, const core::BoardQuery &query) const
{
    const core::CouncilState *state = council(councilId);
    if (!state)
        return {};
    QJsonObject view = core::boardView(*state, query, m_clock.now().toUTC());
    QJsonObject filters = view.value(QLatin1String("filters")).toObject();
    QJsonArray meetings;
    for (const QJsonValue &value : filters.value(QLatin1String("meetings")).toArray()) {
        QJsonObject entry = value.toObject();
        const core::MeetingState *meeting
            = m_meetings.meeting(entry.value(QLatin1String("meeting")).toInteger());
        entry.insert(QStringLiteral("title"), meeting ? meeting->title : QString());
        meetings.append(entry);
    }
    filters.insert(QStringLiteral("meetings"), meetings);
    view.insert(QStringLiteral("filters"), filters);
    return view;
}

Result<std::vector<protocol::Event>> CouncilService::eventsAfter(
    qint64 councilId, qint64 seq, qint64 limit) const
{
    if (!council(councilId))
        return councilNotFound(councilId);
    return m_log->events(councilId, seq, limit);
}

Result<QJsonObject> CouncilService::taskHistory(qint64 councilId, qint64 taskId) const
{
    const core::CouncilState *state = council(councilId);
    if (!state)
        return councilNotFound(councilId);
    const core::Task *task = state->task(taskId);
    if (!task)
        return makeError(ErrorCode::NotFound, QStringLiteral("task %1 does not exist").arg(taskId),
            QStringLiteral("task"));
    auto events = m_log->eventsAt(councilId, task->eventSeqs);
    if (!events)
        return events.error();
    QJsonArray list;
    for (const protocol::Event &event : events.value())
        list.append(councilEventJson(event));
    return QJsonObject {{QStringLiteral("task"), core::taskJson(*state, *task, m_clock.now())},
        {QStringLiteral("events"), list}};
}

Result<protocol::ChainReport> CouncilService::verify() const
{
    return m_log->verify();
}

void CouncilService::watchColourBoundaries(const QString &clockFile)
{
    if (!m_boundaryTimer) {
        m_boundaryTimer = new QTimer(this);
        m_boundaryTimer->setSingleShot(true);
        connect(m_boundaryTimer, &QTimer::timeout, this, &CouncilService::checkBoundaries);
    }
    if (!clockFile.isEmpty() && !m_clockWatcher) {
        // The file and its directory: a test that replaces the file (write, then rename over
        // it) takes the watched file away; the directory's change brings the watch back.
        m_clockWatcher = new QFileSystemWatcher(this);
        m_clockWatcher->addPath(clockFile);
        m_clockWatcher->addPath(QFileInfo(clockFile).absolutePath());
        const auto changed = [this, clockFile] {
            if (!m_clockWatcher->files().contains(clockFile) && QFileInfo::exists(clockFile))
                m_clockWatcher->addPath(clockFile);
            checkBoundaries();
        };
        connect(m_clockWatcher, &QFileSystemWatcher::fileChanged, this, changed);
        connect(m_clockWatcher, &QFileSystemWatcher::directoryChanged, this, changed);
    }
    m_lastCheck = m_clock.now().toUTC();
    scheduleBoundary();
}

void CouncilService::scheduleBoundary()
{
    if (!m_boundaryTimer)
        return;
    const QDateTime now = m_clock.now().toUTC();
    std::optional<QDateTime> next;
    for (const auto &[id, state] : m_councils) {
        const auto change = core::nextColourChange(state, now);
        if (change && (!next || *change < *next))
            next = change;
    }
    if (!next) {
        m_boundaryTimer->stop();
        return;
    }
    const qint64 wait = std::clamp<qint64>(now.msecsTo(*next), 0, kLongestWaitMs);
    m_boundaryTimer->start(int(wait));
}

void CouncilService::checkBoundaries()
{
    const QDateTime now = m_clock.now().toUTC();
    // A council whose colours differ between the last check and now gets a board.changed
    // (the clock may also go backwards in tests: compare both ways).
    for (const auto &[id, state] : m_councils) {
        bool changed = false;
        for (const auto &[taskId, task] : state.tasks) {
            if (core::taskColour(task, m_lastCheck, state.amberDays)
                != core::taskColour(task, now, state.amberDays)) {
                changed = true;
                break;
            }
        }
        if (changed)
            emit boardChanged(id, state.seq);
    }
    m_lastCheck = now;
    scheduleBoundary();
}

} // namespace chamber::services
