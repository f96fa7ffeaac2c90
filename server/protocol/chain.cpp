#include "protocol/chain.h"

namespace chamber::protocol {

QString ChainBreak::describe() const
{
    const QString where = line > 0 ? QStringLiteral("line %1, ").arg(line) : QString();
    const QString at = QStringLiteral("%1meeting %2, event %3: ").arg(where).arg(meeting).arg(seq);
    switch (kind) {
    case Kind::Edited:
        return at + QStringLiteral("content does not match its hash (event was edited)");
    case Kind::Missing:
        return at + QStringLiteral("events before it are missing (deleted)");
    case Kind::OutOfOrder:
        return at + QStringLiteral("sequence number repeats or goes backwards");
    case Kind::LinkBroken:
        return at
            + QStringLiteral("does not link to the event before it "
                             "(the event before was edited, replaced or removed)");
    case Kind::NotGenesis:
        return at + QStringLiteral("first event does not start the chain");
    }
    return at;
}

void ChainVerifier::add(const Event &event, qint64 line)
{
    ++m_report.events;
    auto it = m_heads.find(event.meeting);
    if (it == m_heads.end()) {
        it = m_heads.insert(event.meeting, Head {0, genesisHash(), false});
        ++m_report.meetings;
    }
    Head &head = *it;

    auto report = [&](ChainBreak::Kind kind) {
        if (!head.broken)
            m_report.breaks.push_back(ChainBreak {kind, event.meeting, event.seq, line});
        head.broken = true;
    };

    if (event.computeHash() != event.hash) {
        report(ChainBreak::Kind::Edited);
    } else if (event.seq <= head.seq) {
        report(ChainBreak::Kind::OutOfOrder);
    } else if (event.seq != head.seq + 1) {
        report(ChainBreak::Kind::Missing);
    } else if (event.prevHash != head.hash) {
        report(head.seq == 0 ? ChainBreak::Kind::NotGenesis : ChainBreak::Kind::LinkBroken);
    }
    head.seq = std::max(head.seq, event.seq);
    head.hash = event.hash;
}

ChainReport ChainVerifier::finish() const
{
    return m_report;
}

} // namespace chamber::protocol
