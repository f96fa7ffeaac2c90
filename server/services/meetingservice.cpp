#include "services/meetingservice.h"

#include "core/commands.h"
#include "core/reducer.h"
#include "services/permissions.h"
#include "storage/eventstore.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QLoggingCategory>

namespace chamber::services {

Q_LOGGING_CATEGORY(lcService, "chamber.service")

namespace {

QJsonObject parseStoredReply(const QByteArray &frame)
{
    return QJsonDocument::fromJson(frame).object();
}

} // namespace

QByteArray requestFingerprint(const protocol::Message &command)
{
    QJsonObject body = command.body;
    body.remove(QStringLiteral("id"));
    return QCryptographicHash::hash(protocol::toFrame(body), QCryptographicHash::Sha256);
}

MeetingService::MeetingService(storage::EventStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{ }

Status MeetingService::load()
{
    m_meetings.clear();
    return m_store.forEachEvent([this](const protocol::Event &event) -> Status {
        core::MeetingState &state = m_meetings[event.meeting];
        return core::apply(state, event);
    });
}

QString MeetingService::now() const
{
    return m_clock().toUTC().toString(Qt::ISODateWithMs);
}

bool MeetingService::hasAnswered(const Principal &principal, const QString &requestId) const
{
    return m_store.findCommandResult(principal.id, requestId).has_value();
}

const core::MeetingState *MeetingService::meeting(qint64 id) const
{
    const auto it = m_meetings.find(id);
    return it == m_meetings.end() ? nullptr : &it->second;
}

std::vector<const core::MeetingState *> MeetingService::meetings() const
{
    std::vector<const core::MeetingState *> list;
    list.reserve(m_meetings.size());
    for (const auto &[id, state] : m_meetings)
        list.push_back(&state);
    return list;
}

Result<std::vector<protocol::Event>> MeetingService::eventsAfter(
    qint64 meeting, qint64 seq, qint64 limit) const
{
    return m_store.events(meeting, seq, limit);
}

QJsonObject MeetingService::execute(const Principal &principal, const protocol::Message &command)
{
    if (command.spec->kind != protocol::MessageKind::Command) {
        return protocol::errorReply(command.id,
            makeError(ErrorCode::UnknownType, command.type() + QStringLiteral(" is not a command"),
                QStringLiteral("type")));
    }
    if (auto stored = m_store.findCommandResult(principal.id, command.id)) {
        if (stored->fingerprint != requestFingerprint(command)) {
            return protocol::errorReply(command.id,
                makeError(ErrorCode::IdReused,
                    QStringLiteral("request id %1 was already used for a "
                                   "different request")
                        .arg(command.id),
                    QStringLiteral("id")));
        }
        return parseStoredReply(stored->response);
    }
    return run(principal, command);
}

QJsonObject MeetingService::run(const Principal &principal, const protocol::Message &command)
{
    if (auto allowed = authorizeCommand(principal, command); !allowed)
        return protocol::errorReply(command.id, allowed.error());
    const bool creating = QLatin1String(command.spec->type) == QLatin1String("meeting.create");
    const qint64 meetingId
        = creating ? m_store.lastMeetingId() + 1 : command.integer(QLatin1String("meeting"));
    const core::MeetingState empty;
    const core::MeetingState *current = creating ? &empty : meeting(meetingId);
    if (!current)
        return protocol::errorReply(command.id, meetingNotFound(meetingId));

    // One time for the decision and its events, so a speech's duration matches its log.
    core::DecisionContext context;
    context.now = now();
    if (m_contextProvider && !creating) {
        if (auto provided = m_contextProvider(*current, command, context); !provided)
            return protocol::errorReply(command.id, provided.error());
    }
    if (m_councilHooks.context && !creating)
        m_councilHooks.context(*current, command, context);
    auto roster = creating ? councilRoster(command)
                           : Result<std::optional<std::vector<core::Member>>>(std::nullopt);
    if (!roster)
        return protocol::errorReply(command.id, roster.error());
    // A council's meeting is issued by the council: its name goes into the log with it.
    const qint64 councilId = creating ? command.integer(QLatin1String("council")) : 0;
    const QString councilName
        = councilId && m_councilHooks.name ? m_councilHooks.name(councilId) : QString();
    auto decision = creating ? core::decideCreate(
                        meetingId, command, roster->has_value() ? &**roster : nullptr, councilName)
                             : core::decide(*current, command, context);
    if (!decision)
        return protocol::errorReply(command.id, decision.error());

    const qint64 seq = current->seq + qint64(decision->events.size());
    const QJsonObject reply = protocol::okReply(command.id, decision->result, seq);
    // A council's meeting: its link is written with it, and applied before anyone hears.
    std::function<Status(storage::Database &)> linkCouncil;
    std::function<void()> afterCommit;
    if (roster->has_value()) {
        std::map<qint64, qint64> delegates;
        for (const core::Member &member : **roster)
            delegates[member.id] = member.id;
        const qint64 council = command.integer(QLatin1String("council"));
        linkCouncil = [&, council, delegates](storage::Database &db) -> Status {
            auto after
                = m_councilHooks.link(db, council, meetingId, delegates, principal.id, context.now);
            if (!after)
                return after.error();
            afterCommit = std::move(after.value());
            return success();
        };
    }
    auto committed = commit(meetingId, *current, principal.id, context.now, decision->events,
        storage::CommandRecord {
            principal.id, command.id, requestFingerprint(command), protocol::toFrame(reply)},
        linkCouncil, &afterCommit);
    if (!committed)
        return protocol::errorReply(command.id, committed.error());
    return reply;
}

Result<std::optional<std::vector<core::Member>>> MeetingService::councilRoster(
    const protocol::Message &command) const
{
    const qint64 council = command.integer(QLatin1String("council"));
    if (!council)
        return std::optional<std::vector<core::Member>>();
    if (!m_councilHooks.roster || !m_councilHooks.link)
        return makeError(ErrorCode::NotFound,
            QStringLiteral("council %1 does not exist").arg(council), QStringLiteral("council"));
    auto roster = m_councilHooks.roster(council);
    if (!roster)
        return roster.error();
    return std::optional<std::vector<core::Member>>(std::move(roster.value()));
}

Result<std::vector<protocol::Event>> MeetingService::appendEvents(qint64 meetingId,
    const QString &actor, const std::vector<core::EventDraft> &drafts,
    std::function<Status(storage::Database &)> alsoWrite)
{
    const core::MeetingState *current = meeting(meetingId);
    if (!current)
        return meetingNotFound(meetingId);
    return commit(meetingId, *current, actor, now(), drafts, std::nullopt, std::move(alsoWrite));
}

Result<std::vector<protocol::Event>> MeetingService::commit(qint64 meetingId,
    const core::MeetingState &current, const QString &actor, const QString &time,
    const std::vector<core::EventDraft> &drafts, std::optional<storage::CommandRecord> record,
    std::function<Status(storage::Database &)> alsoWrite, const std::function<void()> *afterCommit)
{
    // Apply to a copy first: the events must replay cleanly before they are written, or the
    // log would hold something the server cannot start from.
    core::MeetingState next = current;
    storage::Batch batch;
    qint64 seq = current.seq;
    for (const core::EventDraft &draft : drafts) {
        protocol::Event event;
        event.meeting = meetingId;
        event.seq = ++seq;
        event.kind = draft.kind;
        event.time = time;
        event.actor = actor;
        event.data = draft.data;
        if (auto applied = core::apply(next, event); !applied) {
            qCCritical(lcService).noquote()
                << "refusing events that do not apply:" << applied.error().message;
            return applied.error();
        }
        batch.events.push_back({meetingId, draft.kind, actor, time, draft.data});
    }
    if (record)
        batch.commands.push_back(std::move(*record));
    batch.alsoWrite = [this, &batch, alsoWrite = std::move(alsoWrite)](storage::Database &db) {
        if (alsoWrite) {
            if (auto status = alsoWrite(db); !status)
                return status;
        }
        return m_projection ? m_projection(db, batch.events) : success();
    };
    auto committed = m_store.commit(batch);
    if (!committed) {
        qCCritical(lcService).noquote() << "commit failed:" << committed.error().message;
        // Refusals from the extra writes (a join code used twice) keep their own meaning.
        if (committed.error().code != ErrorCode::Internal)
            return committed.error();
        return makeError(ErrorCode::Internal,
            QStringLiteral("the change could not be stored; nothing was changed"));
    }
    if (!committed->empty()) {
        next.lastHash = committed->back().hash;
        m_meetings[meetingId] = std::move(next);
        if (afterCommit && *afterCommit)
            (*afterCommit)();
        emit eventsCommitted(meetingId, committed.value());
    }
    return committed;
}

Error meetingNotFound(qint64 meeting)
{
    return makeError(ErrorCode::NotFound, QStringLiteral("meeting %1 does not exist").arg(meeting),
        QStringLiteral("meeting"));
}

} // namespace chamber::services
