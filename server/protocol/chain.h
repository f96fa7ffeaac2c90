// Verification of the hash chain of one or more meetings' event logs.
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
    };
    Kind kind;
    qint64 meeting = 0;
    qint64 seq = 0;
    qint64 line = 0; // 1-based position in the input (line of an export), 0 if unknown
    QString describe() const;
};

struct ChainReport
{
    qint64 events = 0;
    qint64 meetings = 0;
    std::vector<ChainBreak> breaks; // first break of each meeting, in input order
    bool ok() const { return breaks.empty(); }
};

// Streaming verifier: feed events in log order (meetings may interleave), then finish().
// After a break in a meeting, checking of that meeting goes on from the offending event so
// one edit does not hide a second one further on; only the first break per meeting is kept.
class ChainVerifier
{
public:
    void add(const Event &event, qint64 line = 0);
    ChainReport finish() const;

private:
    struct Head
    {
        qint64 seq = 0;
        QByteArray hash;
        bool broken = false;
    };
    QHash<qint64, Head> m_heads;
    ChainReport m_report;
};

} // namespace chamber::protocol
