#include "storage/councilstore.h"

#include <QJsonDocument>

namespace chamber::storage {

namespace {

const char kColumns[] = "council, seq, kind, time, actor, data, prev, hash";

} // namespace

Result<std::unique_ptr<CouncilStore>> CouncilStore::open(Database &db)
{
    std::unique_ptr<CouncilStore> store(new CouncilStore(db));
    auto heads = db.prepare("SELECT council, seq, hash FROM council_events e WHERE seq = "
                            "(SELECT max(seq) FROM council_events WHERE council = e.council)");
    if (!heads)
        return heads.error();
    Error error;
    while (heads->next(&error))
        store->m_heads.insert(heads->integer(0), Head {heads->integer(1), heads->blob(2)});
    if (!error.message.isEmpty())
        return error;
    auto insert = db.prepare("INSERT INTO council_events (" + QByteArray(kColumns)
        + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    auto after = db.prepare(QByteArray("SELECT ") + kColumns
        + " FROM council_events WHERE council = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3");
    auto at = db.prepare(
        QByteArray("SELECT ") + kColumns + " FROM council_events WHERE council = ?1 AND seq = ?2");
    for (auto *statement : {&insert, &after, &at}) {
        if (!*statement)
            return statement->error();
    }
    store->m_insert = std::move(insert.value());
    store->m_eventsAfter = std::move(after.value());
    store->m_eventAt = std::move(at.value());
    return store;
}

Status CouncilStore::forEachEvent(const std::function<Status(const protocol::Event &)> &visit) const
{
    auto rows = m_db.prepare(
        QByteArray("SELECT ") + kColumns + " FROM council_events ORDER BY council, seq");
    if (!rows)
        return rows.error();
    Error error;
    while (rows->next(&error)) {
        if (auto status = visit(eventFromRow(rows.value())); !status)
            return status;
    }
    if (!error.message.isEmpty())
        return error;
    return success();
}

Result<std::vector<protocol::Event>> CouncilStore::events(
    qint64 council, qint64 afterSeq, qint64 limit) const
{
    std::vector<protocol::Event> list;
    m_eventsAfter.bind(1, council).bind(2, afterSeq).bind(3, limit);
    Error error;
    while (m_eventsAfter.next(&error))
        list.push_back(eventFromRow(m_eventsAfter));
    m_eventsAfter.reset();
    if (!error.message.isEmpty())
        return error;
    return list;
}

Result<std::vector<protocol::Event>> CouncilStore::eventsAt(
    qint64 council, const std::vector<qint64> &seqs) const
{
    std::vector<protocol::Event> list;
    for (qint64 seq : seqs) {
        m_eventAt.bind(1, council).bind(2, seq);
        Error error;
        if (m_eventAt.next(&error))
            list.push_back(eventFromRow(m_eventAt));
        m_eventAt.reset();
        if (!error.message.isEmpty())
            return error;
    }
    return list;
}

qint64 CouncilStore::headSeq(qint64 council) const
{
    return m_heads.value(council).seq;
}

QByteArray CouncilStore::headHash(qint64 council) const
{
    const auto it = m_heads.constFind(council);
    return it == m_heads.constEnd() ? protocol::genesisHash() : it->hash;
}

qint64 CouncilStore::lastCouncilId() const
{
    qint64 last = 0;
    for (auto it = m_heads.constBegin(); it != m_heads.constEnd(); ++it)
        last = std::max(last, it.key());
    return last;
}

Result<std::vector<protocol::Event>> CouncilStore::insert(const std::vector<PendingEvent> &pending)
{
    QHash<qint64, Head> heads;
    std::vector<protocol::Event> sealed;
    sealed.reserve(pending.size());
    for (const PendingEvent &entry : pending) {
        const Head head = heads.contains(entry.meeting)
            ? heads.value(entry.meeting)
            : Head {headSeq(entry.meeting), headHash(entry.meeting)};
        protocol::Event event;
        event.meeting = entry.meeting;
        event.seq = head.seq + 1;
        event.kind = entry.kind;
        event.time = entry.time;
        event.actor = entry.actor;
        event.data = entry.data;
        event.prevHash = head.hash;
        event.seal();
        m_insert.bind(1, event.meeting)
            .bind(2, event.seq)
            .bind(3, event.kind)
            .bind(4, event.time)
            .bind(5, event.actor)
            .bindText(6, QJsonDocument(event.data).toJson(QJsonDocument::Compact))
            .bind(7, event.prevHash)
            .bind(8, event.hash);
        if (auto status = m_insert.run(); !status)
            return status.error();
        heads.insert(event.meeting, Head {event.seq, event.hash});
        sealed.push_back(std::move(event));
    }
    return sealed;
}

void CouncilStore::noteCommitted(const std::vector<protocol::Event> &events)
{
    for (const protocol::Event &event : events)
        m_heads.insert(event.meeting, Head {event.seq, event.hash});
}

Result<std::vector<qint64>> CouncilStore::pendingAdoptions() const
{
    auto rows = m_db.prepare("SELECT meeting FROM council_adoption ORDER BY meeting");
    if (!rows)
        return rows.error();
    std::vector<qint64> meetings;
    Error error;
    while (rows->next(&error))
        meetings.push_back(rows->integer(0));
    if (!error.message.isEmpty())
        return error;
    return meetings;
}

Status CouncilStore::finishAdoption(qint64 meeting)
{
    auto statement = m_db.prepare("DELETE FROM council_adoption WHERE meeting = ?1");
    if (!statement)
        return statement.error();
    statement->bind(1, meeting);
    return statement->run();
}

Result<protocol::ChainReport> CouncilStore::verify() const
{
    protocol::ChainVerifier verifier;
    auto status = forEachEvent([&](const protocol::Event &event) {
        verifier.add(event);
        return success();
    });
    if (!status)
        return status.error();
    return verifier.finish();
}

} // namespace chamber::storage
