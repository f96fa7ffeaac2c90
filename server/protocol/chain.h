// Verification of the hash chain of one or more meetings' event logs.
//
// The chain alone proves only that a log is internally consistent: it has no secret, so whoever
// can rewrite the log can recompute every hash after the edit. Two things anchor it to the
// server's key instead: checkpoints (a position a verification covered, signed by chamberd) and
// published results (each poll.published event carries a signed document naming the event
// before it). ChainVerifier checks both when told the key.
#pragma once

#include "protocol/event.h"

#include <QHash>
#include <QString>

#include <vector>

namespace chamber::protocol {

struct ChainBreak
{
    enum class Kind {
        Edited, // the event's content does not match its own hash
        Missing, // sequence numbers jump: events were deleted
        OutOfOrder, // a sequence number repeats or goes backwards
        LinkBroken, // prev does not equal the hash of the event before
        NotGenesis, // the first event of a meeting does not start from the genesis hash
        CheckpointMoved, // a checkpointed event no longer has the hash it had when checked
        CheckpointUnsigned, // a checkpoint is not signed by the server's key
        Truncated, // the log ends before a checkpoint: events at its end were deleted
        ResultUnanchored, // a signed result names another event than the one before it
        ResultSignature, // a published result's signature fails, or is by another key
    };
    Kind kind;
    qint64 meeting = 0;
    qint64 seq = 0;
    qint64 line = 0; // 1-based position in the input (line of an export), 0 if unknown
    QString detail; // what exactly differs, for the kinds that need more than a sentence
    QString describe() const;
};

struct ChainReport
{
    qint64 events = 0;
    qint64 meetings = 0;
    std::vector<ChainBreak> breaks; // first break of each meeting, in input order
    bool ok() const { return breaks.empty(); }
};

// A place in a meeting's chain: event `seq` has `hash` (seq 0: before the first event).
struct ChainPosition
{
    qint64 seq = 0;
    QByteArray hash;
    bool operator==(const ChainPosition &) const = default;
};

// What a checkpoint's signature covers. The text starts with a fixed label, so it can never be
// taken for a result document (a JSON object) signed with the same key.
QByteArray checkpointSigningBytes(qint64 meeting, const ChainPosition &position);

// Streaming verifier: feed events in log order (meetings may interleave), then finish().
// After a break in a meeting, checking of that meeting goes on from the offending event so
// one edit does not hide a second one further on; only the first break per meeting is kept.
class ChainVerifier
{
public:
    void add(const Event &event, qint64 line = 0);
    ChainReport finish() const;

    // Checking of `meeting` continues after `verified` (a position an earlier verification
    // established) instead of starting at the genesis.
    void resumeAfter(qint64 meeting, const ChainPosition &verified);
    // A break found outside the verifier (a checkpoint that does not hold); the meeting counts
    // as broken from then on.
    void addBreak(ChainBreak broken);
    // Checks every poll.published event too: the signed document must name the event just
    // before it (seq and hash), and the signature must hold, by `resultKey` (raw 32 bytes)
    // when given, else by the key the event itself carries.
    void checkResultAnchors(const QByteArray &resultKey = {});
    bool isBroken(qint64 meeting) const { return m_heads.value(meeting).broken; }
    // The last event of each meeting without a break: what a new checkpoint may record.
    QHash<qint64, ChainPosition> intactHeads() const;

private:
    struct Head
    {
        qint64 seq = 0;
        QByteArray hash;
        bool broken = false;
    };
    Head &headOf(qint64 meeting);
    void checkAnchor(const Event &event, qint64 line, Head &head);
    QHash<qint64, Head> m_heads;
    ChainReport m_report;
    bool m_checkAnchors = false;
    QByteArray m_resultKey;
};

} // namespace chamber::protocol
