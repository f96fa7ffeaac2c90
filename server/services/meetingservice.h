// Runs commands against meetings: validate with the core, commit the events durably, apply
// them to the in-memory state, then tell subscribers. The single path every change takes,
// whether it comes from REST, a WebSocket or the demo seed.
#pragma once

#include "core/commands.h"
#include "core/council.h"
#include "core/meeting.h"
#include "protocol/event.h"
#include "protocol/message.h"
#include "services/principal.h"
#include "storage/eventstore.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>

#include <functional>
#include <map>
#include <vector>

namespace chamber::services {

class MeetingService : public QObject
{
    Q_OBJECT

public:
    explicit MeetingService(storage::EventStore &store, QObject *parent = nullptr);

    // Rebuilds every meeting from the log. A damaged log is an error: the server must not
    // start on state it cannot trust.
    Status load();

    // Executes a validated command message and returns the reply (an "ok" or "error" object).
    // Idempotent: a command whose (principal, id) was answered before gets that same answer,
    // without running again; the same id with a different body gets id_reused.
    QJsonObject execute(const Principal &principal, const protocol::Message &command);

    // True when this principal's request id already has a stored answer.
    bool hasAnswered(const Principal &principal, const QString &requestId) const;

    const core::MeetingState *meeting(qint64 id) const;
    std::vector<const core::MeetingState *> meetings() const;
    Result<std::vector<protocol::Event>> eventsAfter(
        qint64 meeting, qint64 seq, qint64 limit = -1) const;

    // Events the server decides itself (a device enrolled), written together with `alsoWrite`
    // in one transaction, then applied and announced like any other.
    Result<std::vector<protocol::Event>> appendEvents(qint64 meeting, const QString &actor,
        const std::vector<core::EventDraft> &drafts,
        std::function<Status(storage::Database &)> alsoWrite = {});

    // Tables derived from events (credentials of revoked devices), updated in the transaction
    // of every commit so they can never disagree with the log.
    using Projection
        = std::function<Status(storage::Database &, const std::vector<storage::PendingEvent> &)>;
    void setProjection(Projection projection) { m_projection = std::move(projection); }

    // Some decisions need what is not in the meeting's state: the ballots when a poll closes,
    // a signature when a result is published. The provider fills them in (or refuses).
    using ContextProvider = std::function<Status(
        const core::MeetingState &, const protocol::Message &, core::DecisionContext &)>;
    void setContextProvider(ContextProvider provider) { m_contextProvider = std::move(provider); }

    // Councils (CouncilService installs these). meeting.create with a council takes the
    // council's active members as delegates and records meeting.linked in the council's log in
    // the same transaction; commands of a council's meeting learn the council (agenda.addOverdue
    // its overdue tasks).
    struct CouncilHooks
    {
        std::function<Result<std::vector<core::Member>>(qint64 council)> roster;
        // The council's name: the organisation of its meetings' minutes unless they say.
        std::function<QString(qint64 council)> name;
        // Writes the council's side inside the commit's transaction; what it returns runs once
        // the transaction has committed, before eventsCommitted is emitted.
        std::function<Result<std::function<void()>>(storage::Database &, qint64 council,
            qint64 meeting, const std::map<qint64, qint64> &delegates, const QString &actor,
            const QString &time)>
            link;
        std::function<void(
            const core::MeetingState &, const protocol::Message &, core::DecisionContext &)>
            context;
    };
    void setCouncilHooks(CouncilHooks hooks) { m_councilHooks = std::move(hooks); }

    // Tests pin the clock to make event times predictable.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    QString now() const;

Q_SIGNALS:
    // Emitted after the events are on disk and applied, in log order.
    void eventsCommitted(qint64 meeting, const std::vector<chamber::protocol::Event> &events);

private:
    QJsonObject run(const Principal &principal, const protocol::Message &command);
    Result<std::vector<protocol::Event>> commit(qint64 meeting, const core::MeetingState &current,
        const QString &actor, const QString &time, const std::vector<core::EventDraft> &drafts,
        std::optional<storage::CommandRecord> record,
        std::function<Status(storage::Database &)> alsoWrite,
        const std::function<void()> *afterCommit = nullptr);
    // meeting.create: the council's roster when the command names one.
    Result<std::optional<std::vector<core::Member>>> councilRoster(
        const protocol::Message &command) const;

    storage::EventStore &m_store;
    std::map<qint64, core::MeetingState> m_meetings;
    std::function<QDateTime()> m_clock;
    Projection m_projection;
    ContextProvider m_contextProvider;
    CouncilHooks m_councilHooks;
};

Error meetingNotFound(qint64 meeting);

// The fingerprint that detects a request id reused for a different request.
QByteArray requestFingerprint(const protocol::Message &command);

} // namespace chamber::services
