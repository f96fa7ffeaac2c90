#include "storage/eventstore.h"

#include "storage/migrations.h"

#include <QDateTime>
#include <QJsonDocument>

#include <algorithm>

namespace chamber::storage {

namespace {

const char kEventColumns[] = "meeting, seq, kind, time, actor, data, prev, hash";

} // namespace

protocol::Event eventFromRow(const Statement &row)
{
    protocol::Event event;
    event.meeting = row.integer(0);
    event.seq = row.integer(1);
    event.kind = row.text(2);
    event.time = row.text(3);
    event.actor = row.text(4);
    event.data = QJsonDocument::fromJson(row.textBytes(5)).object();
    event.prevHash = row.blob(6);
    event.hash = row.blob(7);
    return event;
}

Result<std::unique_ptr<EventStore>> EventStore::open(const QString &path)
{
    return fromDatabase(Database::open(path), SchemaPolicy::Migrate);
}

Result<std::unique_ptr<EventStore>> EventStore::openReadOnly(const QString &path)
{
    return fromDatabase(
        Database::open(path, Database::Mode::ReadOnly), SchemaPolicy::RequireLatest);
}

Result<std::unique_ptr<EventStore>> EventStore::openInMemory()
{
    return fromDatabase(Database::openInMemory(), SchemaPolicy::Migrate);
}

Result<std::unique_ptr<EventStore>> EventStore::fromDatabase(
    Result<std::unique_ptr<Database>> opened, SchemaPolicy policy)
{
    if (!opened)
        return opened.error();
    Database &db = *opened.value();
    if (policy == SchemaPolicy::Migrate) {
        if (auto status = migrate(db); !status)
            return status.error();
    } else {
        auto version = schemaVersion(db);
        if (!version)
            return version.error();
        if (version.value() != latestSchemaVersion()) {
            return makeError(ErrorCode::Invalid,
                QStringLiteral("%1 has schema version %2; this program reads version %3 "
                               "(start chamberd once to migrate it)")
                    .arg(db.path())
                    .arg(version.value())
                    .arg(latestSchemaVersion()));
        }
    }
    std::unique_ptr<EventStore> store(new EventStore(std::move(opened.value())));
    if (auto status = store->loadHeads(); !status)
        return status.error();
    return store;
}

Status EventStore::loadHeads()
{
    auto heads = m_db->prepare("SELECT meeting, seq, hash FROM events e WHERE seq = "
                               "(SELECT max(seq) FROM events WHERE meeting = e.meeting)");
    if (!heads)
        return heads.error();
    Error error;
    while (heads->next(&error))
        m_heads.insert(heads->integer(0), Head {heads->integer(1), heads->blob(2)});
    if (!error.message.isEmpty())
        return error;

    auto insertEvent
        = m_db->prepare("INSERT INTO events (meeting, seq, kind, time, actor, data, prev, hash) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    auto insertCommand = m_db->prepare(
        "INSERT INTO command_results (principal, request_id, fingerprint, response, created) "
        "VALUES (?1, ?2, ?3, ?4, ?5)");
    auto findCommand = m_db->prepare("SELECT fingerprint, response FROM command_results "
                                     "WHERE principal = ?1 AND request_id = ?2");
    auto eventsAfter = m_db->prepare(QByteArray("SELECT ") + kEventColumns
        + " FROM events WHERE meeting = ?1 AND seq > ?2 "
          "ORDER BY seq LIMIT ?3");
    for (auto *statement : {&insertEvent, &insertCommand, &findCommand, &eventsAfter}) {
        if (!*statement)
            return statement->error();
    }
    m_insertEvent = std::move(insertEvent.value());
    m_insertCommand = std::move(insertCommand.value());
    m_findCommand = std::move(findCommand.value());
    m_eventsAfter = std::move(eventsAfter.value());
    return success();
}

Status EventStore::forEachEvent(const std::function<Status(const protocol::Event &)> &visit) const
{
    auto rows = m_db->prepare(
        QByteArray("SELECT ") + kEventColumns + " FROM events ORDER BY meeting, seq");
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

Result<std::vector<protocol::Event>> EventStore::events(
    qint64 meeting, qint64 afterSeq, qint64 limit) const
{
    std::vector<protocol::Event> list;
    m_eventsAfter.bind(1, meeting).bind(2, afterSeq).bind(3, limit);
    Error error;
    while (m_eventsAfter.next(&error))
        list.push_back(eventFromRow(m_eventsAfter));
    m_eventsAfter.reset();
    if (!error.message.isEmpty())
        return error;
    return list;
}

qint64 EventStore::headSeq(qint64 meeting) const
{
    return m_heads.value(meeting).seq;
}

QByteArray EventStore::headHash(qint64 meeting) const
{
    const auto it = m_heads.constFind(meeting);
    return it == m_heads.constEnd() ? protocol::genesisHash() : it->hash;
}

qint64 EventStore::lastMeetingId() const
{
    qint64 last = 0;
    for (auto it = m_heads.constBegin(); it != m_heads.constEnd(); ++it)
        last = std::max(last, it.key());
    return last;
}

std::vector<qint64> EventStore::meetingIds() const
{
    std::vector<qint64> ids(m_heads.keyBegin(), m_heads.keyEnd());
    std::sort(ids.begin(), ids.end());
    return ids;
}

Result<std::vector<protocol::Event>> EventStore::commit(const Batch &batch)
{
    Transaction transaction(*m_db);
    if (!transaction.begun())
        return transaction.begun().error();

    // Heads advance in a copy; the cache is updated only after the commit succeeded.
    QHash<qint64, Head> heads;
    std::vector<protocol::Event> sealed;
    sealed.reserve(batch.events.size());
    for (const PendingEvent &pending : batch.events) {
        auto head = heads.contains(pending.meeting)
            ? heads.value(pending.meeting)
            : Head {headSeq(pending.meeting), headHash(pending.meeting)};
        protocol::Event event;
        event.meeting = pending.meeting;
        event.seq = head.seq + 1;
        event.kind = pending.kind;
        event.time = pending.time;
        event.actor = pending.actor;
        event.data = pending.data;
        event.prevHash = head.hash;
        event.seal();
        m_insertEvent.bind(1, event.meeting)
            .bind(2, event.seq)
            .bind(3, event.kind)
            .bind(4, event.time)
            .bind(5, event.actor)
            .bindText(6, QJsonDocument(event.data).toJson(QJsonDocument::Compact))
            .bind(7, event.prevHash)
            .bind(8, event.hash);
        if (auto status = m_insertEvent.run(); !status)
            return status.error();
        heads.insert(event.meeting, Head {event.seq, event.hash});
        sealed.push_back(std::move(event));
    }
    for (const CommandRecord &record : batch.commands) {
        m_insertCommand.bind(1, record.principal)
            .bind(2, record.requestId)
            .bind(3, record.fingerprint)
            .bindText(4, record.response)
            .bind(5, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        if (auto status = m_insertCommand.run(); !status)
            return status.error();
    }
    if (batch.alsoWrite) {
        if (auto status = batch.alsoWrite(*m_db); !status)
            return status.error();
    }
    if (auto status = transaction.commit(); !status)
        return status.error();
    for (auto it = heads.constBegin(); it != heads.constEnd(); ++it)
        m_heads.insert(it.key(), it.value());
    return sealed;
}

std::optional<CommandRecord> EventStore::findCommandResult(
    const QString &principal, const QString &requestId) const
{
    m_findCommand.bind(1, principal).bind(2, requestId);
    std::optional<CommandRecord> record;
    if (m_findCommand.next())
        record = CommandRecord {
            principal, requestId, m_findCommand.blob(0), m_findCommand.textBytes(1)};
    m_findCommand.reset();
    return record ? record : findBallotAnswer(principal, requestId);
}

std::optional<CommandRecord> EventStore::findBallotAnswer(
    const QString &principal, const QString &requestId) const
{
    if (!m_findBallotAnswer.isPrepared()) {
        auto prepared = m_db->prepare("SELECT fingerprint, response FROM ballot_answers "
                                      "WHERE principal = ?1 AND request_id = ?2");
        if (!prepared)
            return std::nullopt;
        m_findBallotAnswer = std::move(prepared.value());
    }
    m_findBallotAnswer.bind(1, principal).bind(2, requestId);
    std::optional<CommandRecord> record;
    if (m_findBallotAnswer.next())
        record = CommandRecord {
            principal, requestId, m_findBallotAnswer.blob(0), m_findBallotAnswer.textBytes(1)};
    m_findBallotAnswer.reset();
    return record;
}

Status EventStore::checkpointAndTruncate()
{
    // The pragma answers (busy, frames in the log, frames checkpointed); busy means a reader
    // kept the log from being reset.
    auto checkpoint = m_db->prepare("PRAGMA wal_checkpoint(TRUNCATE)");
    if (!checkpoint)
        return checkpoint.error();
    Error error;
    if (!checkpoint->next(&error))
        return error.message.isEmpty()
            ? storageError(QStringLiteral("wal_checkpoint"), QStringLiteral("no answer"))
            : error;
    if (checkpoint->integer(0) != 0)
        return storageError(QStringLiteral("wal_checkpoint"),
            QStringLiteral("another connection is reading; the log was not truncated"));
    return success();
}

Status EventStore::discardWriteAheadLog()
{
    const auto journalMode = [this](const QByteArray &mode) -> Result<QString> {
        auto statement = m_db->prepare("PRAGMA journal_mode=" + mode);
        if (!statement)
            return statement.error();
        Error error;
        if (!statement->next(&error))
            return error.message.isEmpty()
                ? storageError(QStringLiteral("journal_mode"), QStringLiteral("no answer"))
                : error;
        return statement->text(0);
    };
    // Leaving WAL mode needs the only connection; with a reader beside us, truncate at least.
    auto left = journalMode("DELETE");
    if (!left || left.value() != QLatin1String("delete"))
        return checkpointAndTruncate();
    auto back = journalMode("WAL");
    if (!back)
        return back.error();
    if (back.value() != QLatin1String("wal"))
        return storageError(QStringLiteral("journal_mode"),
            QStringLiteral("could not return to WAL (now %1)").arg(back.value()));
    return success();
}

Result<protocol::ChainReport> EventStore::verify() const
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
