// The hash chain verifier: an intact log passes; edits, deletions, reordering and forged
// links are each caught, at the right place.
#include "protocol/chain.h"

#include <QTest>

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
