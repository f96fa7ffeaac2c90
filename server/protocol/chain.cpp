#include "protocol/chain.h"

#include "protocol/ed25519.h"

namespace chamber::protocol {

QString ChainBreak::describe() const
{
    const QString where = line > 0 ? QStringLiteral("line %1, ").arg(line) : QString();
    const QString at = QStringLiteral("%1meeting %2, event %3: ").arg(where).arg(meeting).arg(seq);
    const QString more = detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(detail);
    switch (kind) {
    case Kind::Edited:
        return at + QStringLiteral("content does not match its hash (event was edited)") + more;
    case Kind::Missing:
        return at + QStringLiteral("events before it are missing (deleted)") + more;
    case Kind::OutOfOrder:
        return at + QStringLiteral("sequence number repeats or goes backwards") + more;
    case Kind::LinkBroken:
        return at
            + QStringLiteral("does not link to the event before it "
                             "(the event before was edited, replaced or removed)")
            + more;
    case Kind::NotGenesis:
        return at + QStringLiteral("first event does not start the chain") + more;
    case Kind::CheckpointMoved:
        return at
            + QStringLiteral("no longer has the hash it had when the chain was last verified "
                             "(events up to it were rewritten)")
            + more;
    case Kind::CheckpointUnsigned:
        return at
            + QStringLiteral("the checkpoint recorded for this event is not signed by this "
                             "server's key (the checkpoint was forged, or chamber.db or "
                             "signing/ed25519.pem was replaced)")
            + more;
    case Kind::Truncated:
        return at
            + QStringLiteral("was verified before but is no longer in the log "
                             "(events at its end were deleted)")
            + more;
    case Kind::ResultUnanchored:
        return at
            + QStringLiteral("the result published in this event was signed over another "
                             "history (events before it were rewritten)")
            + more;
    case Kind::ResultSignature:
        return at + QStringLiteral("the result published in this event is not validly signed")
            + more;
    }
    return at + detail;
}

QByteArray checkpointSigningBytes(qint64 meeting, const ChainPosition &position)
{
    return QByteArrayLiteral("chamber.chain-checkpoint/1 meeting=") + QByteArray::number(meeting)
        + " seq=" + QByteArray::number(position.seq) + " hash=" + position.hash.toHex();
}

ChainVerifier::Head &ChainVerifier::headOf(qint64 meeting)
{
    auto it = m_heads.find(meeting);
    if (it == m_heads.end()) {
        it = m_heads.insert(meeting, Head {0, genesisHash(), false});
        ++m_report.meetings;
    }
    return *it;
}

void ChainVerifier::resumeAfter(qint64 meeting, const ChainPosition &verified)
{
    Head &head = headOf(meeting);
    head.seq = verified.seq;
    head.hash = verified.hash;
}

void ChainVerifier::addBreak(ChainBreak broken)
{
    Head &head = headOf(broken.meeting);
    if (!head.broken)
        m_report.breaks.push_back(std::move(broken));
    head.broken = true;
}

void ChainVerifier::checkResultAnchors(const QByteArray &resultKey)
{
    m_checkAnchors = true;
    m_resultKey = resultKey;
}

QHash<qint64, ChainPosition> ChainVerifier::intactHeads() const
{
    QHash<qint64, ChainPosition> heads;
    for (auto it = m_heads.constBegin(); it != m_heads.constEnd(); ++it) {
        if (!it->broken && it->seq > 0)
            heads.insert(it.key(), ChainPosition {it->seq, it->hash});
    }
    return heads;
}

void ChainVerifier::add(const Event &event, qint64 line)
{
    ++m_report.events;
    Head &head = headOf(event.meeting);

    auto report = [&](ChainBreak::Kind kind) {
        if (!head.broken)
            m_report.breaks.push_back(ChainBreak {kind, event.meeting, event.seq, line, {}});
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
    } else if (m_checkAnchors && event.kind == QLatin1String("poll.published")) {
        checkAnchor(event, line, head);
    }
    head.seq = std::max(head.seq, event.seq);
    head.hash = event.hash;
}

void ChainVerifier::checkAnchor(const Event &event, qint64 line, Head &head)
{
    auto report = [&](ChainBreak::Kind kind, const QString &detail) {
        if (!head.broken)
            m_report.breaks.push_back(ChainBreak {kind, event.meeting, event.seq, line, detail});
        head.broken = true;
    };
    const QJsonObject document = event.data.value(QLatin1String("document")).toObject();
    const QJsonObject last = document.value(QLatin1String("lastEvent")).toObject();
    const qint64 seq = last.value(QLatin1String("seq")).toInteger();
    const QString hash = last.value(QLatin1String("hash")).toString();
    const QString expected = QString::fromLatin1(event.prevHash.toHex());
    if (seq != event.seq - 1 || hash != expected) {
        report(ChainBreak::Kind::ResultUnanchored,
            QStringLiteral("it names event %1 with hash %2…, the log has event %3 with hash %4…")
                .arg(seq)
                .arg(hash.left(16))
                .arg(event.seq - 1)
                .arg(expected.left(16)));
        return;
    }
    const QByteArray key = QByteArray::fromBase64(
        event.data.value(QLatin1String("publicKey")).toString().toLatin1());
    const QByteArray signature = QByteArray::fromBase64(
        event.data.value(QLatin1String("signature")).toString().toLatin1());
    if (!verifyEd25519(key, resultSigningBytes(document), signature)) {
        report(ChainBreak::Kind::ResultSignature,
            QStringLiteral("the signature does not match the document"));
    } else if (!m_resultKey.isEmpty() && key != m_resultKey) {
        report(ChainBreak::Kind::ResultSignature,
            QStringLiteral("signed by key %1, not by the server's key %2")
                .arg(keyFingerprint(key), keyFingerprint(m_resultKey)));
    }
}

ChainReport ChainVerifier::finish() const
{
    return m_report;
}

} // namespace chamber::protocol
