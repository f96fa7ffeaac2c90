// The councils' event logs: hash-chained exactly like meetings' (protocol::Event, whose
// `meeting` field carries the council's id), append-only, in the table council_events of the
// event store's database, so a meeting's events and its council's can commit together.
#pragma once

#include "protocol/chain.h"
#include "protocol/event.h"
#include "storage/eventstore.h"

#include <QHash>

#include <functional>
#include <memory>
#include <vector>

namespace chamber::storage {

class CouncilStore
{
public:
    // Prepares the statements and reads every council's head.
    static Result<std::unique_ptr<CouncilStore>> open(Database &db);

    Status forEachEvent(const std::function<Status(const protocol::Event &)> &visit) const;
    Result<std::vector<protocol::Event>> events(
        qint64 council, qint64 afterSeq, qint64 limit = -1) const;
    // One event by its place (a task's history names them).
    Result<std::vector<protocol::Event>> eventsAt(
        qint64 council, const std::vector<qint64> &seqs) const;
    qint64 headSeq(qint64 council) const;
    QByteArray headHash(qint64 council) const;
    qint64 lastCouncilId() const;

    // Seals and inserts events (PendingEvent::meeting is the council) inside a transaction the
    // caller holds (EventStore::commit's alsoWrite). The heads move only by noteCommitted(),
    // once that transaction has committed.
    Result<std::vector<protocol::Event>> insert(const std::vector<PendingEvent> &pending);
    void noteCommitted(const std::vector<protocol::Event> &events);

    // Meetings that existed before councils did, not yet adopted (CONTRACT "Migration").
    Result<std::vector<qint64>> pendingAdoptions() const;
    // Inside the transaction that writes the adoption's events.
    Status finishAdoption(qint64 meeting);

    // Recomputes every council's hashes and links.
    Result<protocol::ChainReport> verify() const;

private:
    explicit CouncilStore(Database &db)
        : m_db(db)
    { }
    struct Head
    {
        qint64 seq = 0;
        QByteArray hash;
    };
    Database &m_db;
    QHash<qint64, Head> m_heads;
    mutable Statement m_insert;
    mutable Statement m_eventsAfter;
    mutable Statement m_eventAt;
};

} // namespace chamber::storage
