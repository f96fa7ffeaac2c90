#include "storage/chaincheck.h"

#include "protocol/ed25519.h"

#include <QMap>

namespace chamber::storage {

using protocol::ChainBreak;
using protocol::ChainPosition;

Result<std::vector<ChainCheckpoint>> loadCheckpoints(Database &db)
{
    auto rows = db.prepare(
        "SELECT meeting, seq, hash, signature, verified FROM chain_checkpoints ORDER BY meeting");
    if (!rows)
        return rows.error();
    std::vector<ChainCheckpoint> checkpoints;
    Error error;
    while (rows->next(&error)) {
        checkpoints.push_back(ChainCheckpoint {rows->integer(0),
            ChainPosition {rows->integer(1), rows->blob(2)}, rows->blob(3), rows->text(4)});
    }
    if (!error.message.isEmpty())
        return error;
    return checkpoints;
}

Status saveCheckpoints(Database &db, const std::vector<ChainCheckpoint> &checkpoints)
{
    if (checkpoints.empty())
        return success();
    Transaction transaction(db);
    if (!transaction.begun())
        return transaction.begun();
    auto insert
        = db.prepare("INSERT OR REPLACE INTO chain_checkpoints "
                     "(meeting, seq, hash, signature, verified) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert)
        return insert.error();
    for (const ChainCheckpoint &checkpoint : checkpoints) {
        insert->bind(1, checkpoint.meeting)
            .bind(2, checkpoint.position.seq)
            .bind(3, checkpoint.position.hash)
            .bind(4, checkpoint.signature)
            .bind(5, checkpoint.verifiedAt);
        if (auto status = insert->run(); !status)
            return status;
    }
    return transaction.commit();
}

Status dropCheckpoint(Database &db, qint64 meeting)
{
    auto remove = db.prepare("DELETE FROM chain_checkpoints WHERE meeting = ?1");
    if (!remove)
        return remove.error();
    remove->bind(1, meeting);
    return remove->run();
}

namespace {

QString shortHex(const QByteArray &hash)
{
    return QString::fromLatin1(hash.toHex().left(16)) + QStringLiteral("…");
}

class MeetingCheck
{
public:
    MeetingCheck(EventStore &store, const ChainCheckOptions &options,
        protocol::ChainVerifier &verifier, ChainCheck &result)
        : m_store(store)
        , m_options(options)
        , m_verifier(verifier)
        , m_result(result)
    { }

    Status run(qint64 meeting, const ChainCheckpoint *checkpoint)
    {
        qint64 after = 0;
        if (checkpoint) {
            if (!m_options.resultKey.isEmpty()
                && !protocol::verifyEd25519(m_options.resultKey,
                    protocol::checkpointSigningBytes(meeting, checkpoint->position),
                    checkpoint->signature)) {
                brokenAt(ChainBreak::Kind::CheckpointUnsigned, *checkpoint, {});
                return success();
            }
            if (m_options.scope == ChainCheckOptions::Scope::AfterCheckpoints) {
                auto resumed = resumeAt(*checkpoint);
                if (!resumed)
                    return resumed.error();
                if (!resumed.value())
                    return success();
                after = checkpoint->position.seq;
            }
        }
        qint64 last = after;
        for (;;) {
            if (m_options.cancel && m_options.cancel->load()) {
                m_result.cancelled = true;
                return success();
            }
            auto chunk = m_store.events(meeting, after, m_options.chunk);
            if (!chunk)
                return chunk.error();
            for (const protocol::Event &event : chunk.value()) {
                m_verifier.add(event);
                if (m_options.onEvent)
                    m_options.onEvent(event);
                if (checkpoint && event.seq == checkpoint->position.seq
                    && event.hash != checkpoint->position.hash)
                    moved(*checkpoint, event.hash);
                last = event.seq;
            }
            if (qint64(chunk->size()) < m_options.chunk)
                break;
            after = last;
        }
        if (checkpoint && last < checkpoint->position.seq)
            truncated(*checkpoint, last);
        return success();
    }

private:
    // Checks the checkpointed event itself; false when the meeting is broken there.
    Result<bool> resumeAt(const ChainCheckpoint &checkpoint)
    {
        const ChainPosition &position = checkpoint.position;
        auto found = m_store.events(checkpoint.meeting, position.seq - 1, 1);
        if (!found)
            return found.error();
        if (found->empty()) {
            truncated(checkpoint, m_store.headSeq(checkpoint.meeting));
            return false;
        }
        const protocol::Event &event = found->front();
        if (event.hash != position.hash) {
            moved(checkpoint, event.hash);
            return false;
        }
        if (event.computeHash() != event.hash) {
            m_verifier.addBreak(
                ChainBreak {ChainBreak::Kind::Edited, checkpoint.meeting, position.seq, 0, {}});
            return false;
        }
        m_verifier.resumeAfter(checkpoint.meeting, position);
        m_result.eventsBelowCheckpoints += position.seq;
        return true;
    }

    void moved(const ChainCheckpoint &checkpoint, const QByteArray &now)
    {
        brokenAt(ChainBreak::Kind::CheckpointMoved, checkpoint,
            QStringLiteral("hash %1 then, %2 now")
                .arg(shortHex(checkpoint.position.hash), shortHex(now)));
    }

    void truncated(const ChainCheckpoint &checkpoint, qint64 head)
    {
        brokenAt(ChainBreak::Kind::Truncated, checkpoint,
            head > 0 ? QStringLiteral("the log now ends at event %1").arg(head)
                     : QStringLiteral("the meeting has no events left"));
    }

    void brokenAt(ChainBreak::Kind kind, const ChainCheckpoint &checkpoint, const QString &detail)
    {
        QString text = detail;
        if (!checkpoint.verifiedAt.isEmpty())
            text += (text.isEmpty() ? QString() : QStringLiteral("; "))
                + QStringLiteral("checkpoint of %1").arg(checkpoint.verifiedAt);
        m_verifier.addBreak(
            ChainBreak {kind, checkpoint.meeting, checkpoint.position.seq, 0, text});
    }

    EventStore &m_store;
    const ChainCheckOptions &m_options;
    protocol::ChainVerifier &m_verifier;
    ChainCheck &m_result;
};

} // namespace

Result<ChainCheck> checkChain(EventStore &store, const ChainCheckOptions &options)
{
    auto checkpoints = loadCheckpoints(store.database());
    if (!checkpoints)
        return checkpoints.error();
    // A checkpoint whose meeting has no events left still names a meeting to check.
    QMap<qint64, const ChainCheckpoint *> meetings;
    for (qint64 meeting : store.meetingIds())
        meetings.insert(meeting, nullptr);
    for (const ChainCheckpoint &checkpoint : checkpoints.value())
        meetings.insert(checkpoint.meeting, &checkpoint);

    ChainCheck result;
    protocol::ChainVerifier verifier;
    verifier.checkResultAnchors(options.resultKey);
    MeetingCheck check(store, options, verifier, result);
    for (auto it = meetings.constBegin(); it != meetings.constEnd() && !result.cancelled; ++it) {
        if (auto status = check.run(it.key(), it.value()); !status)
            return status.error();
    }
    result.report = verifier.finish();
    result.intactHeads = verifier.intactHeads();
    return result;
}

} // namespace chamber::storage
