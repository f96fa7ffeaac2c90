// Runs council commands the way MeetingService runs meeting commands: decide with the core,
// commit the events durably with the command's answer (a resend gets the same answer), apply
// them, then tell whoever listens. Also the council side of meetings: the roster a council's
// meeting starts from, the link recorded with it, the overdue tasks its agenda can take in, the
// adoption of meetings older than councils, and the board, coloured by the server's clock.
#pragma once

#include "core/council.h"
#include "protocol/chain.h"
#include "protocol/event.h"
#include "protocol/message.h"
#include "services/clock.h"
#include "services/meetingservice.h"
#include "services/principal.h"

#include <QJsonObject>
#include <QObject>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

class QTimer;
class QFileSystemWatcher;

namespace chamber::storage {
class CouncilStore;
class EventStore;
} // namespace chamber::storage

namespace chamber::services {

class CouncilService : public QObject
{
    Q_OBJECT

public:
    CouncilService(storage::EventStore &store, MeetingService &meetings, const Clock &clock,
        QObject *parent = nullptr);
    ~CouncilService() override;

    // After MeetingService::load: rebuilds every council from its log (checking its hash
    // chain), then adopts the meetings older than councils (each with delegates becomes a
    // council of its own; see PROTOCOL.md "Councils").
    Status load();

    // Executes a validated council command (councilCommandTypes()) for `principal`, whose
    // rights over tasks `actor` describes (the API fills it in after authorizing the command).
    // Idempotent like MeetingService::execute.
    QJsonObject execute(const Principal &principal, const protocol::Message &command,
        const core::CouncilActor &actor);

    // The demo seed only: a council's history, decided and dated as of `at` (in the past), so
    // a demo board has overdue and finished tasks on its first start.
    QJsonObject executeAsOf(const QDateTime &at, const Principal &principal,
        const protocol::Message &command, const core::CouncilActor &actor);

    const core::CouncilState *council(qint64 id) const;
    std::vector<const core::CouncilState *> councils() const;
    qint64 councilOfMeeting(qint64 meeting) const; // 0: none
    std::optional<qint64> memberOfDelegate(qint64 meeting, qint64 delegate) const;
    // The board at clock.now(), with the titles of the council's meetings in its filters.
    QJsonObject board(qint64 council, const core::BoardQuery &query) const;
    Result<std::vector<protocol::Event>> eventsAfter(
        qint64 council, qint64 seq, qint64 limit = -1) const;
    // {task, events: [event…]}: the task's council events, oldest first (councilEventJson).
    Result<QJsonObject> taskHistory(qint64 council, qint64 task) const;
    // The council's tasks that are overdue at clock.now(), by deadline.
    std::vector<core::OverdueTask> overdueTasks(qint64 council) const;
    // Recomputes every council's hash chain from the stored rows.
    Result<protocol::ChainReport> verify() const;

    // task.note's attachment: the API stores the uploaded PDF and answers what it is.
    using AttachmentLookup
        = std::function<std::optional<core::TaskAttachment>(qint64 council, const QString &sha256)>;
    void setAttachmentLookup(AttachmentLookup lookup) { m_attachments = std::move(lookup); }

    // Announce colour changes: a single timer to the next boundary on the clock and, for a
    // FileClock, a watch on its file (tests move time by rewriting it). Off until called.
    void watchColourBoundaries(const QString &clockFile = {});

Q_SIGNALS:
    void eventsCommitted(qint64 council, const std::vector<chamber::protocol::Event> &events);
    void boardChanged(qint64 council, qint64 seq); // events or a colour boundary passed

private:
    QJsonObject run(const QDateTime &now, const Principal &principal,
        const protocol::Message &command, const core::CouncilActor &actor);
    // Applies to a copy, writes events (with the command's answer and extra writes) in one
    // transaction, then installs the new state and announces it.
    Result<std::vector<protocol::Event>> commit(qint64 council, const core::CouncilState &current,
        const QString &actor, const QString &time, const std::vector<core::EventDraft> &drafts,
        std::optional<storage::CommandRecord> record,
        std::function<Status(storage::Database &)> alsoWrite = {});
    // The council side of meeting.create with a council (MeetingService::CouncilHooks::link).
    Result<std::function<void()>> linkMeeting(storage::Database &db, qint64 council, qint64 meeting,
        const std::map<qint64, qint64> &delegates, const QString &actor, const QString &time);
    Status adopt(qint64 meeting);
    void installHooks();
    void announce(qint64 council, const std::vector<protocol::Event> &events);
    void scheduleBoundary();
    void checkBoundaries();

    storage::EventStore &m_store;
    MeetingService &m_meetings;
    const Clock &m_clock;
    std::unique_ptr<storage::CouncilStore> m_log;
    std::map<qint64, core::CouncilState> m_councils;
    std::map<qint64, qint64> m_councilOfMeeting;
    AttachmentLookup m_attachments;
    QTimer *m_boundaryTimer = nullptr;
    QFileSystemWatcher *m_clockWatcher = nullptr;
    QDateTime m_lastCheck; // colours last announced as of this instant
};

// A council event as the wire shows it: an "event" message with `council` in place of
// `meeting` (the hash covers the id under the name `meeting`; see PROTOCOL.md).
QJsonObject councilEventJson(const protocol::Event &event);

Error councilNotFound(qint64 council);

} // namespace chamber::services
