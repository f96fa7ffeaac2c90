// Runs commands against meetings: validate with the core, commit the events durably, apply
// them to the in-memory state, then tell subscribers. The single path every change takes,
// whether it comes from REST, a WebSocket or the demo seed.
#pragma once

#include "core/meeting.h"
#include "protocol/event.h"
#include "protocol/message.h"
#include "services/principal.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>

#include <functional>
#include <map>
#include <vector>

namespace chamber::storage {
class EventStore;
}

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

    // Tests pin the clock to make event times predictable.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

Q_SIGNALS:
    // Emitted after the events are on disk and applied, in log order.
    void eventsCommitted(qint64 meeting, const std::vector<chamber::protocol::Event> &events);

private:
    QJsonObject run(const Principal &principal, const protocol::Message &command);
    QString now() const;

    storage::EventStore &m_store;
    std::map<qint64, core::MeetingState> m_meetings;
    std::function<QDateTime()> m_clock;
};

// The fingerprint that detects a request id reused for a different request.
QByteArray requestFingerprint(const protocol::Message &command);

} // namespace chamber::services
