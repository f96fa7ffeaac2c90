// The hash chain verifier: an intact log passes; edits, deletions, reordering and forged
// links are each caught, at the right place; checking resumes from a checkpoint; published
// results anchor the chain to the server's key.
#include "protocol/chain.h"
#include "protocol/ed25519.h"

#include <QTest>

#include <functional>

using namespace chamber::protocol;

namespace {

// Two meetings whose events interleave, as in an export of several meetings.
std::vector<Event> sampleLog()
{
    std::vector<Event> log;
    QHash<qint64, QByteArray> heads;
    QHash<qint64, qint64> seqs;
    for (int i = 0; i < 10; ++i) {
        const qint64 meeting = i % 3 == 0 ? 2 : 1;
        Event event;
        event.meeting = meeting;
        event.seq = ++seqs[meeting];
        event.kind = QStringLiteral("attendance.checkedIn");
        event.time = QStringLiteral("2026-12-08T08:00:%1.000Z").arg(i, 2, 10, QChar(u'0'));
        event.actor = QStringLiteral("admin");
        event.data = {{QStringLiteral("delegate"), i + 1}};
        event.prevHash = heads.value(meeting, genesisHash());
        event.seal();
        heads[meeting] = event.hash;
        log.push_back(event);
    }
    return log;
}

ChainReport verify(const std::vector<Event> &log)
{
    ChainVerifier verifier;
    qint64 line = 0;
    for (const Event &event : log)
        verifier.add(event, ++line);
    return verifier.finish();
}

// Meeting 1: a poll.published event at seq 3 whose signed document names event 2.
std::vector<Event> publishedLog(
    const Ed25519Key &key, const std::function<void(QJsonObject &)> &edit)
{
    std::vector<Event> log;
    QByteArray head = genesisHash();
    for (qint64 seq = 1; seq <= 4; ++seq) {
        Event event;
        event.meeting = 1;
        event.seq = seq;
        event.kind
            = seq == 3 ? QStringLiteral("poll.published") : QStringLiteral("agenda.selected");
        event.time = QStringLiteral("2026-12-08T08:00:00.000Z");
        event.actor = QStringLiteral("admin");
        if (seq == 3) {
            QJsonObject document {{QStringLiteral("type"), QStringLiteral("chamber.poll-result")},
                {QStringLiteral("lastEvent"),
                    QJsonObject {{QStringLiteral("seq"), 2},
                        {QStringLiteral("hash"), QString::fromLatin1(head.toHex())}}}};
            edit(document);
            event.data = {{QStringLiteral("poll"), 1}, {QStringLiteral("document"), document},
                {QStringLiteral("signature"),
                    QString::fromLatin1(key.sign(resultSigningBytes(document)).toBase64())},
                {QStringLiteral("publicKey"), QString::fromLatin1(key.publicKey().toBase64())}};
        } else {
            event.data = {{QStringLiteral("item"), seq}};
        }
        event.prevHash = head;
        event.seal();
        head = event.hash;
        log.push_back(event);
    }
    return log;
}

ChainReport verifyAnchored(const std::vector<Event> &log, const QByteArray &resultKey)
{
    ChainVerifier verifier;
    verifier.checkResultAnchors(resultKey);
    for (const Event &event : log)
        verifier.add(event);
    return verifier.finish();
}

} // namespace

class TestChain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void intactLogPasses()
    {
        const ChainReport report = verify(sampleLog());
        QVERIFY(report.ok());
        QCOMPARE(report.events, 10);
        QCOMPARE(report.meetings, 2);
    }

    void editedContentIsCaught()
    {
        auto log = sampleLog();
        log[4].data.insert(QStringLiteral("delegate"), 99); // meeting 1, seq 3
        const ChainReport report = verify(log);
        QCOMPARE(report.breaks.size(), size_t(1));
        QCOMPARE(report.breaks[0].kind, ChainBreak::Kind::Edited);
        QCOMPARE(report.breaks[0].meeting, 1);
        QCOMPARE(report.breaks[0].seq, 3);
        QCOMPARE(report.breaks[0].line, 5);
        QVERIFY(report.breaks[0].describe().contains(QStringLiteral("line 5, meeting 1, event 3")));
    }

    void editedAndResealedIsCaughtAtTheNextLink()
    {
        // Someone who recomputes the edited event's own hash still breaks the link after it.
        auto log = sampleLog();
        log[4].actor = QStringLiteral("intruder");
        log[4].seal();
        const ChainReport report = verify(log);
        QCOMPARE(report.breaks.size(), size_t(1));
        QCOMPARE(report.breaks[0].kind, ChainBreak::Kind::LinkBroken);
        QCOMPARE(report.breaks[0].seq, 4);
    }

    void deletedEventIsCaught()
    {
        auto log = sampleLog();
        log.erase(log.begin() + 4); // meeting 1, seq 3
        const ChainReport report = verify(log);
        QCOMPARE(report.breaks.size(), size_t(1));
        QCOMPARE(report.breaks[0].kind, ChainBreak::Kind::Missing);
        QCOMPARE(report.breaks[0].seq, 4);
    }

    void deletedAndRenumberedIsCaught()
    {
        // Deleting an event and renumbering the rest (resealing each) still breaks a link.
        auto log = sampleLog();
        log.erase(log.begin() + 4);
        for (Event &event : log) {
            if (event.meeting == 1 && event.seq > 3) {
                --event.seq;
                event.seal();
            }
        }
        const ChainReport report = verify(log);
        QCOMPARE(report.breaks.size(), size_t(1));
        QCOMPARE(report.breaks[0].kind, ChainBreak::Kind::LinkBroken);
        QCOMPARE(report.breaks[0].seq, 3);
    }

    void reorderedEventsAreCaught()
    {
        auto log = sampleLog();
        std::swap(log[4], log[5]); // meeting 1 seq 3 and seq 4
        const ChainReport report = verify(log);
        QVERIFY(!report.ok());
        QCOMPARE(report.breaks[0].meeting, 1);
        QCOMPARE(report.breaks[0].kind, ChainBreak::Kind::Missing);
    }

    void forgedGenesisIsCaught()
    {
        auto log = sampleLog();
        log[0].prevHash = QByteArray(32, '\x01');
        log[0].seal();
        const ChainReport report = verify(log);
        QCOMPARE(report.breaks[0].kind, ChainBreak::Kind::NotGenesis);
        QCOMPARE(report.breaks[0].meeting, 2);
    }

    void oneBreakPerMeetingIsReported()
    {
        auto log = sampleLog();
        log[1].data.insert(QStringLiteral("x"), 1); // meeting 1
        log[2].data.insert(QStringLiteral("x"), 1); // meeting 1 again
        log[3].data.insert(QStringLiteral("x"), 1); // meeting 2
        const ChainReport report = verify(log);
        QCOMPARE(report.breaks.size(), size_t(2));
        QCOMPARE(report.breaks[0].meeting, 1);
        QCOMPARE(report.breaks[1].meeting, 2);
    }

    void resumesAfterAVerifiedPosition()
    {
        // Events 1 and 2 of meeting 1 were verified before; only the rest is fed.
        const auto log = sampleLog();
        std::vector<Event> rest;
        ChainPosition checkpoint;
        for (const Event &event : log) {
            if (event.meeting == 1 && event.seq <= 2)
                checkpoint = ChainPosition {event.seq, event.hash};
            else
                rest.push_back(event);
        }
        ChainVerifier verifier;
        verifier.resumeAfter(1, checkpoint);
        for (const Event &event : rest)
            verifier.add(event);
        const ChainReport report = verifier.finish();
        QVERIFY(report.ok());
        QCOMPARE(report.events, qint64(rest.size()));
        QCOMPARE(verifier.intactHeads().value(1).seq, 6);

        // A checkpoint that does not match the events after it breaks the first link.
        ChainVerifier wrong;
        wrong.resumeAfter(1, ChainPosition {2, QByteArray(32, '\x07')});
        for (const Event &event : rest)
            wrong.add(event);
        QCOMPARE(wrong.finish().breaks.at(0).kind, ChainBreak::Kind::LinkBroken);
        QCOMPARE(wrong.finish().breaks.at(0).seq, 3);
        QVERIFY(wrong.isBroken(1));
        QVERIFY(!wrong.intactHeads().contains(1));
        QVERIFY(wrong.intactHeads().contains(2));
    }

    void breaksFoundOutsideCount()
    {
        ChainVerifier verifier;
        verifier.addBreak(ChainBreak {
            ChainBreak::Kind::CheckpointMoved, 4, 17, 0, QStringLiteral("hash aa then, bb now")});
        verifier.addBreak(ChainBreak {ChainBreak::Kind::Truncated, 4, 18, 0, {}});
        const ChainReport report = verifier.finish();
        QCOMPARE(report.breaks.size(), size_t(1)); // the first per meeting
        QVERIFY(report.breaks[0].describe().startsWith(QStringLiteral("meeting 4, event 17: ")));
        QVERIFY(report.breaks[0].describe().contains(QStringLiteral("(hash aa then, bb now)")));
    }

    void checkpointSigningBytesNameEverything()
    {
        const ChainPosition position {7, QByteArray(32, '\x01')};
        const QByteArray bytes = checkpointSigningBytes(3, position);
        QVERIFY(bytes.startsWith("chamber.chain-checkpoint/1 ")); // never a JSON document
        QVERIFY(bytes != checkpointSigningBytes(4, position));
        QVERIFY(bytes != checkpointSigningBytes(3, ChainPosition {8, position.hash}));
        QVERIFY(bytes != checkpointSigningBytes(3, ChainPosition {7, QByteArray(32, '\x02')}));
    }

    void publishedResultsAnchorTheChain()
    {
        auto key = Ed25519Key::generate();
        auto other = Ed25519Key::generate();
        QVERIFY(key && other);
        const auto keep = [](QJsonObject &) {};
        QVERIFY(verifyAnchored(publishedLog(key.value(), keep), key->publicKey()).ok());
        QVERIFY(verifyAnchored(publishedLog(key.value(), keep), {}).ok());

        // A result naming another event than the one before it: history was rewritten under it.
        auto report = verifyAnchored(publishedLog(key.value(),
                                         [](QJsonObject &document) {
                                             document.insert(QStringLiteral("lastEvent"),
                                                 QJsonObject {{QStringLiteral("seq"), 2},
                                                     {QStringLiteral("hash"), QString(64, u'a')}});
                                         }),
            key->publicKey());
        QCOMPARE(report.breaks.size(), size_t(1));
        QCOMPARE(report.breaks[0].kind, ChainBreak::Kind::ResultUnanchored);
        QCOMPARE(report.breaks[0].seq, 3);
        QVERIFY(report.breaks[0].detail.contains(QStringLiteral("aaaaaaaa")));

        // Signed by someone else: fine on its own, not when the server's key is known.
        QVERIFY(verifyAnchored(publishedLog(other.value(), keep), {}).ok());
        report = verifyAnchored(publishedLog(other.value(), keep), key->publicKey());
        QCOMPARE(report.breaks.at(0).kind, ChainBreak::Kind::ResultSignature);
        QVERIFY(report.breaks[0].detail.contains(keyFingerprint(other->publicKey())));

        // A document changed after signing (and the event resealed).
        auto log = publishedLog(key.value(), keep);
        QJsonObject data = log[2].data;
        QJsonObject document = data.value(QLatin1String("document")).toObject();
        document.insert(QStringLiteral("tally"), 1);
        data.insert(QStringLiteral("document"), document);
        log[2].data = data;
        log[2].seal();
        log[3].prevHash = log[2].hash;
        log[3].seal();
        report = verifyAnchored(log, {});
        QCOMPARE(report.breaks.at(0).kind, ChainBreak::Kind::ResultSignature);
        QVERIFY(verify(log).ok()); // the chain alone does not see it
    }

    void eventJsonRejectsMalformedLines()
    {
        const QJsonObject good = sampleLog().front().toJson();
        QVERIFY(Event::fromJson(good));
        for (const char *field :
            {"meeting", "seq", "kind", "time", "actor", "data", "prev", "hash"}) {
            QJsonObject bad = good;
            bad.remove(QLatin1String(field));
            QVERIFY2(!Event::fromJson(bad), field);
        }
        QJsonObject shortHash = good;
        shortHash.insert(QStringLiteral("hash"), QStringLiteral("abcd"));
        QVERIFY(!Event::fromJson(shortHash));
        QJsonObject notHex = good;
        notHex.insert(QStringLiteral("prev"), QString(64, u'z'));
        QVERIFY(!Event::fromJson(notHex));
    }
};

QTEST_GUILESS_MAIN(TestChain)
#include "test_chain.moc"
