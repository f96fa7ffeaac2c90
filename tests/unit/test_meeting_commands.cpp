// Commands decided against a meeting and the events they produce, applied back: attendance,
// quorum over members and present, seats, agenda moves through the command path, no-ops.
#include "commands.h"
#include "core/commands.h"
#include "core/delegatecsv.h"
#include "core/reducer.h"
#include "meetingharness.h"
#include "protocol/message.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace chamber;
using namespace chamber::core;
using chamber::testing::command;

using Harness = chamber::testing::MeetingHarness;
using chamber::testing::meetingWith;

class TestMeetingCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createSetsDefaults()
    {
        Harness h = meetingWith(0);
        QCOMPARE(h.state.id, 1);
        QCOMPARE(h.state.title, QStringLiteral("Phiên họp"));
        QCOMPARE(h.state.quorumRule, QuorumRule {}); // more than half, by heads
        QCOMPARE(h.state.status, MeetingStatus::Scheduled);
        QCOMPARE(h.state.seq, 1);
    }

    void createRejectsBadDateAndBlankTitle()
    {
        Harness h;
        auto bad = h.run(QStringLiteral("meeting.create"),
            {{QStringLiteral("title"), QStringLiteral("x")},
                {QStringLiteral("startsAt"), QStringLiteral("8/12/2026 7:30")}});
        QCOMPARE(bad.error().field, QStringLiteral("startsAt"));
        // A blank title never reaches the command: the schema keeps labels trimmed.
        auto blank
            = protocol::validateMessage({{QStringLiteral("type"), QStringLiteral("meeting.create")},
                                            {QStringLiteral("id"), QStringLiteral("b")},
                                            {QStringLiteral("title"), QStringLiteral("   ")}},
                protocol::Direction::ToServer);
        QCOMPARE(blank.error().code, ErrorCode::BadField);
        QCOMPARE(blank.error().field, QStringLiteral("title"));
        QCOMPARE(h.state.seq, 0);
    }

    void attendanceAndQuorumOverMembers()
    {
        Harness h = meetingWith(6);
        // A non-voting participant (weight 0) neither counts as a member nor for quorum.
        const qint64 guest = h.addDelegate(QStringLiteral("Khách mời"), QStringLiteral("G1"), 0);
        QCOMPARE(h.state.roster.memberCount(), 6);
        QCOMPARE(h.state.quorum().required, 4); // more than half of 6

        for (qint64 id : {1, 2, 3})
            QVERIFY(
                h.run(QStringLiteral("attendance.checkIn"), {{QStringLiteral("delegate"), id}}));
        QVERIFY(h.run(QStringLiteral("attendance.checkIn"), {{QStringLiteral("delegate"), guest}}));
        QCOMPARE(h.state.quorum().present, 3);
        QVERIFY(!h.state.quorum().reached);
        QCOMPARE(h.state.roster.presentCount(), 4);

        QVERIFY(h.run(QStringLiteral("attendance.checkIn"), {{QStringLiteral("delegate"), 4}}));
        QVERIFY(h.state.quorum().reached);
        QCOMPARE(h.state.roster.find(4)->presentSince, h.state.roster.find(4)->presentSince);
        QVERIFY(!h.state.roster.find(4)->presentSince.isEmpty());

        QVERIFY(h.run(QStringLiteral("attendance.checkOut"), {{QStringLiteral("delegate"), 4}}));
        QVERIFY(!h.state.quorum().reached);
        QVERIFY(h.state.roster.find(4)->presentSince.isEmpty());
    }

    void checkingInTwiceChangesNothing()
    {
        Harness h = meetingWith(2);
        QVERIFY(h.run(QStringLiteral("attendance.checkIn"), {{QStringLiteral("delegate"), 1}}));
        const qint64 seq = h.state.seq;
        auto again = h.run(QStringLiteral("attendance.checkIn"), {{QStringLiteral("delegate"), 1}});
        QVERIFY(again);
        QVERIFY(again->events.empty());
        QVERIFY(again->result.value(QLatin1String("unchanged")).toBool());
        QCOMPARE(h.state.seq, seq);
        auto absent
            = h.run(QStringLiteral("attendance.checkOut"), {{QStringLiteral("delegate"), 2}});
        QVERIFY(absent && absent->events.empty());
        QCOMPARE(h.run(QStringLiteral("attendance.checkIn"), {{QStringLiteral("delegate"), 9}})
                     .error()
                     .code,
            ErrorCode::NotFound);
    }

    void quorumByWeightAndPresentMembers()
    {
        Harness h = meetingWith(0);
        h.addDelegate(QStringLiteral("A"), QStringLiteral("1"), 60);
        h.addDelegate(QStringLiteral("B"), QStringLiteral("2"), 30);
        h.addDelegate(QStringLiteral("C"), QStringLiteral("3"), 10);
        QVERIFY(h.run(QStringLiteral("quorum.setRule"),
            {{QStringLiteral("numerator"), 1}, {QStringLiteral("denominator"), 2},
                {QStringLiteral("inclusive"), false},
                {QStringLiteral("basis"), QStringLiteral("weight")}}));
        QVERIFY(h.run(QStringLiteral("attendance.checkIn"), {{QStringLiteral("delegate"), 1}}));
        // One person of three, but 60 of 100 weight: more than half.
        QCOMPARE(h.state.quorum().present, 60);
        QCOMPARE(h.state.quorum().total, 100);
        QVERIFY(h.state.quorum().reached);
        // The same rule again is a no-op.
        auto same = h.run(QStringLiteral("quorum.setRule"),
            {{QStringLiteral("numerator"), 1}, {QStringLiteral("denominator"), 2},
                {QStringLiteral("inclusive"), false},
                {QStringLiteral("basis"), QStringLiteral("weight")}});
        QVERIFY(same && same->events.empty());
    }

    void seatsAreUnique()
    {
        Harness h = meetingWith(2); // seats S1, S2
        auto taken = h.run(QStringLiteral("delegate.add"),
            {{QStringLiteral("name"), QStringLiteral("X")},
                {QStringLiteral("seat"), QStringLiteral("s1")}});
        QCOMPARE(taken.error().code, ErrorCode::Conflict);
        QCOMPARE(taken.error().field, QStringLiteral("seat"));
        auto swap = h.run(QStringLiteral("delegate.update"),
            {{QStringLiteral("delegate"), 2}, {QStringLiteral("seat"), QStringLiteral("S1")}});
        QCOMPARE(swap.error().code, ErrorCode::Conflict);
        // Keeping one's own seat is fine.
        QVERIFY(h.run(QStringLiteral("delegate.update"),
            {{QStringLiteral("delegate"), 1}, {QStringLiteral("seat"), QStringLiteral("S1")},
                {QStringLiteral("name"), QStringLiteral("Renamed")}}));
        QCOMPARE(h.state.roster.find(1)->name, QStringLiteral("Renamed"));
    }

    void importIsAllOrNothing()
    {
        Harness h = meetingWith(1); // seat S1 taken
        const qint64 seq = h.state.seq;
        auto bad = h.run(QStringLiteral("delegate.import"),
            {{QStringLiteral("csv"),
                QStringLiteral("name,seat,weight\nA,S2,1\nB,S1,1\nC,S3,x\n")}});
        QCOMPARE(bad.error().code, ErrorCode::Invalid);
        QCOMPARE(bad.error().details.size(), 2); // seat conflict on line 3, weight on line 4
        QCOMPARE(h.state.seq, seq);
        QCOMPARE(h.state.roster.size(), 1);

        auto good = h.run(QStringLiteral("delegate.import"),
            {{QStringLiteral("csv"), QStringLiteral("name,seat\nA,S2\nB,S3\n")}});
        QVERIFY(good);
        QCOMPARE(good->result.value(QLatin1String("imported")).toInteger(), 2);
        QCOMPARE(h.state.roster.size(), 3);
        QCOMPARE(h.state.roster.findBySeat(QStringLiteral("S3"))->name, QStringLiteral("B"));
        // Removing the newest delegate does not free its id for the next one.
        h.ok(QStringLiteral("delegate.remove"), {{QStringLiteral("delegate"), 3}});
        QCOMPARE(h.addDelegate(QStringLiteral("C"), QStringLiteral("S9")), 4);
        auto rebuilt = MeetingState::fromJson(h.state.toJson());
        QCOMPARE(rebuilt->roster.nextId(), 5);
    }

    void importPreviewListsEveryBadLineInOrder()
    {
        Harness h = meetingWith(1); // seat S1 taken
        const qint64 seq = h.state.seq;
        const DelegateCsv preview = checkDelegateImport(
            h.state, QStringLiteral("name,seat,weight\nA,S2,1\nB,S1,1\nC,S3,x\n,S4,1\n"));
        QCOMPARE(preview.problems.size(), size_t(3));
        QCOMPARE(preview.problems[0].line, 3); // the seat taken, though found after parsing
        QVERIFY(preview.problems[0].message.contains(QStringLiteral("S1")));
        QCOMPARE(preview.problems[1].line, 4);
        QCOMPARE(preview.problems[2].line, 5);
        QCOMPARE(h.state.seq, seq); // a preview decides nothing
        const DelegateCsv clean
            = checkDelegateImport(h.state, QStringLiteral("name,seat\nA,S2\nB,S3\n"));
        QVERIFY(clean.ok());
        QCOMPARE(clean.rows.size(), size_t(2));
    }

    void hallLayoutIsKeptAndChangedOnlyWhenGiven()
    {
        Harness h;
        h.ok(QStringLiteral("meeting.create"),
            {{QStringLiteral("title"), QStringLiteral("Kỳ họp")}, {QStringLiteral("hallRows"), 8},
                {QStringLiteral("hallColumns"), 12}});
        QCOMPARE(h.state.hallRows, 8);
        QCOMPARE(h.state.hallColumns, 12);
        const auto changed = h.ok(QStringLiteral("meeting.update"),
            {{QStringLiteral("hallColumns"), 14}, {QStringLiteral("hallRows"), 8}});
        QCOMPARE(changed.events.size(), size_t(1));
        QVERIFY(!changed.events[0].data.contains(QLatin1String("hallRows"))); // unchanged
        QCOMPARE(h.state.hallColumns, 14);
        QVERIFY(h.ok(QStringLiteral("meeting.update"), {{QStringLiteral("hallColumns"), 14}})
                    .events.empty());
        auto rebuilt = MeetingState::fromJson(h.state.toJson());
        QVERIFY(rebuilt);
        QCOMPARE(rebuilt->hallRows, 8);
        QCOMPARE(rebuilt->hallColumns, 14);
        // A meeting made without a map has none; the schema refuses sizes outside 1..60.
        QCOMPARE(meetingWith(0).state.hallRows, 0);
        for (int rows : {0, 61}) {
            auto refused = protocol::validateMessage(
                QJsonObject {{QStringLiteral("type"), QStringLiteral("meeting.update")},
                    {QStringLiteral("id"), QStringLiteral("x")}, {QStringLiteral("meeting"), 1},
                    {QStringLiteral("hallRows"), rows}},
                protocol::Direction::ToServer);
            QVERIFY(!refused);
            QCOMPARE(refused.error().field, QStringLiteral("hallRows"));
        }
        QJsonObject snapshot = h.state.toJson();
        snapshot.insert(QStringLiteral("hallRows"), 99);
        QVERIFY(!MeetingState::fromJson(snapshot));
    }

    void agendaThroughCommands()
    {
        Harness h = meetingWith(0);
        auto add = [&](const QString &title, QJsonValue parent = QJsonValue::Null) {
            return h
                .run(QStringLiteral("agenda.add"),
                    {{QStringLiteral("title"), title}, {QStringLiteral("parent"), parent}})
                ->result.value(QLatin1String("item"))
                .toInteger();
        };
        const qint64 a = add(QStringLiteral("A"));
        const qint64 b = add(QStringLiteral("B"));
        const qint64 b1 = add(QStringLiteral("B1"), b);
        QVERIFY(h.run(QStringLiteral("agenda.select"), {{QStringLiteral("item"), b1}}));
        QCOMPARE(h.state.currentItem, b1);

        // Move B before A, then B1 to the top level at the end.
        QVERIFY(h.run(QStringLiteral("agenda.move"),
            {{QStringLiteral("item"), b}, {QStringLiteral("position"), 0}}));
        QCOMPARE(h.state.agenda.number(a), QStringLiteral("2"));
        QVERIFY(h.run(QStringLiteral("agenda.move"),
            {{QStringLiteral("item"), b1}, {QStringLiteral("parent"), QJsonValue::Null},
                {QStringLiteral("position"), 2}}));
        QCOMPARE(h.state.agenda.number(b1), QStringLiteral("3"));
        // Moving to where it already is: no event.
        auto still = h.run(QStringLiteral("agenda.move"),
            {{QStringLiteral("item"), b1}, {QStringLiteral("position"), 2}});
        QVERIFY(still && still->events.empty());
        // A cycle is refused by the command path too.
        QVERIFY(h.run(QStringLiteral("agenda.move"),
            {{QStringLiteral("item"), a}, {QStringLiteral("parent"), b},
                {QStringLiteral("position"), 0}}));
        QCOMPARE(h.run(QStringLiteral("agenda.move"),
                      {{QStringLiteral("item"), b}, {QStringLiteral("parent"), a},
                          {QStringLiteral("position"), 0}})
                     .error()
                     .code,
            ErrorCode::Invalid);

        QVERIFY(h.run(QStringLiteral("agenda.update"),
            {{QStringLiteral("item"), a}, {QStringLiteral("title"), QStringLiteral("A*")}}));
        QCOMPARE(h.state.agenda.find(a)->title, QStringLiteral("A*"));
        // Removing the current item's subtree clears the current item.
        QVERIFY(h.run(QStringLiteral("agenda.select"), {{QStringLiteral("item"), a}}));
        QVERIFY(h.run(QStringLiteral("agenda.remove"), {{QStringLiteral("item"), b}}));
        QCOMPARE(h.state.currentItem, 0);
        QVERIFY(!h.state.agenda.contains(a));
        QCOMPARE(h.state.agenda.size(), 1);
    }

    void meetingLifecycle()
    {
        Harness h = meetingWith(0);
        QCOMPARE(h.run(QStringLiteral("meeting.end")).error().code, ErrorCode::Conflict);
        QVERIFY(h.run(QStringLiteral("meeting.start")));
        QCOMPARE(h.state.status, MeetingStatus::InSession);
        QVERIFY(h.run(QStringLiteral("meeting.start"))->events.empty());
        QVERIFY(h.run(QStringLiteral("meeting.update"),
            {{QStringLiteral("venue"), QStringLiteral("Hội trường")}}));
        QVERIFY(h.run(QStringLiteral("meeting.end")));
        QCOMPARE(h.state.status, MeetingStatus::Ended);
        QVERIFY(!h.state.endedAt.isEmpty());
        QVERIFY(h.run(QStringLiteral("meeting.start"))); // sessions resume
        QCOMPARE(h.state.status, MeetingStatus::InSession);
        QVERIFY(h.state.endedAt.isEmpty());
    }

    void everyCommandAndEventKindIsExercised()
    {
        // Run one of everything, then check nothing in the tables was left out.
        Harness h = meetingWith(2);
        h.ok(QStringLiteral("meeting.update"), {{QStringLiteral("title"), QStringLiteral("T")}});
        h.ok(QStringLiteral("meeting.start"));
        h.ok(QStringLiteral("meeting.end"));
        h.ok(QStringLiteral("agenda.add"), {{QStringLiteral("title"), QStringLiteral("A")}});
        h.ok(QStringLiteral("agenda.add"), {{QStringLiteral("title"), QStringLiteral("B")}});
        h.ok(QStringLiteral("agenda.update"),
            {{QStringLiteral("item"), 1}, {QStringLiteral("title"), QStringLiteral("A2")}});
        h.ok(QStringLiteral("agenda.move"),
            {{QStringLiteral("item"), 2}, {QStringLiteral("position"), 0}});
        h.ok(QStringLiteral("agenda.select"), {{QStringLiteral("item"), 1}});
        h.ok(QStringLiteral("agenda.remove"), {{QStringLiteral("item"), 2}});
        h.ok(QStringLiteral("delegate.update"),
            {{QStringLiteral("delegate"), 1}, {QStringLiteral("group"), QStringLiteral("G")}});
        h.ok(QStringLiteral("delegate.remove"), {{QStringLiteral("delegate"), 2}});
        h.ok(QStringLiteral("delegate.import"),
            {{QStringLiteral("csv"), QStringLiteral("name\nZ\n")}});
        h.ok(QStringLiteral("attendance.checkIn"), {{QStringLiteral("delegate"), 1}});
        h.ok(QStringLiteral("attendance.checkOut"), {{QStringLiteral("delegate"), 1}});
        h.ok(QStringLiteral("attendance.excuse"),
            {{QStringLiteral("delegate"), 1}, {QStringLiteral("reason"), QStringLiteral("Ốm")}});
        // Enrollment is decided by the server, not by a command; its event goes in directly.
        protocol::Event enrolled;
        enrolled.meeting = 1;
        enrolled.seq = h.state.seq + 1;
        enrolled.kind = QStringLiteral("device.enrolled");
        enrolled.data
            = {{QStringLiteral("device"), 1}, {QStringLiteral("role"), QStringLiteral("chair")},
                {QStringLiteral("label"), QStringLiteral("Chair console")}};
        QVERIFY(apply(h.state, enrolled));
        h.kinds << enrolled.kind;
        h.ok(QStringLiteral("device.revoke"), {{QStringLiteral("device"), 1}});
        QVERIFY(h.state.devices.at(1).revoked);
        QVERIFY(h.run(QStringLiteral("device.revoke"), {{QStringLiteral("device"), 1}})
                    ->events.empty());
        QCOMPARE(
            h.run(QStringLiteral("device.revoke"), {{QStringLiteral("device"), 2}}).error().code,
            ErrorCode::NotFound);
        // Voting, proxies and the speaker list.
        h.ok(QStringLiteral("meeting.update"), {{QStringLiteral("allowProxies"), true}});
        h.ok(QStringLiteral("proxy.give"),
            {{QStringLiteral("delegate"), 3}, {QStringLiteral("holder"), 1}});
        h.ok(QStringLiteral("proxy.revoke"), {{QStringLiteral("delegate"), 3}});
        const qint64 poll = h.ok(QStringLiteral("poll.create"),
                                 {{QStringLiteral("title"), QStringLiteral("P")},
                                     {QStringLiteral("rule"),
                                         QJsonObject {{QStringLiteral("preset"),
                                             QStringLiteral("simple-majority")}}}})
                                .result.value(QLatin1String("poll"))
                                .toInteger();
        h.ok(QStringLiteral("poll.open"), {{QStringLiteral("poll"), poll}});
        DecisionContext closing;
        closing.ballots = PollBallots {};
        h.ok(QStringLiteral("poll.close"), {{QStringLiteral("poll"), poll}}, closing);
        DecisionContext signing;
        signing.signature = QStringLiteral("c2ln");
        signing.publicKey = QStringLiteral("a2V5");
        h.ok(QStringLiteral("poll.publish"), {{QStringLiteral("poll"), poll}}, signing);
        h.ok(QStringLiteral("speaker.request"), {{QStringLiteral("delegate"), 1}});
        h.ok(QStringLiteral("speaker.request"), {{QStringLiteral("delegate"), 3}});
        h.ok(QStringLiteral("speaker.move"),
            {{QStringLiteral("delegate"), 3}, {QStringLiteral("position"), 0}});
        h.ok(QStringLiteral("speaker.withdraw"), {{QStringLiteral("delegate"), 3}});
        h.ok(QStringLiteral("speaker.setLimit"), {{QStringLiteral("seconds"), 300}});
        h.ok(QStringLiteral("speaker.grant"));
        // Recordings are decided by the server from chamber-media's reports (test_minutes_core).
        const qint64 speech = h.state.seq;
        h.applyDirect(QStringLiteral("recording.failed"),
            {{QStringLiteral("recording"), recordingId(1, speech, 1)},
                {QStringLiteral("speech"), speech}, {QStringLiteral("segment"), 1},
                {QStringLiteral("reason"), QStringLiteral("chamber-media is not running")}});
        h.applyDirect(QStringLiteral("recording.saved"),
            {{QStringLiteral("recording"), recordingId(1, speech, 2)},
                {QStringLiteral("speech"), speech}, {QStringLiteral("segment"), 2},
                {QStringLiteral("sha256"), QString(64, QLatin1Char('b'))},
                {QStringLiteral("bytes"), 3000}, {QStringLiteral("durationMs"), 1000},
                {QStringLiteral("partial"), false}});
        h.ok(QStringLiteral("speaker.end"));
        h.ok(QStringLiteral("quorum.setRule"),
            {{QStringLiteral("numerator"), 2}, {QStringLiteral("denominator"), 3},
                {QStringLiteral("inclusive"), true},
                {QStringLiteral("basis"), QStringLiteral("heads")}});
        // Documents: added by the document service after the upload is stored, then presented
        // and removed by commands.
        const QString sha256(64, QLatin1Char('a'));
        h.ok(QStringLiteral("agenda.add"), {{QStringLiteral("title"), QStringLiteral("Tài liệu")}});
        h.applyDirect(QStringLiteral("document.added"),
            {{QStringLiteral("id"), 1}, {QStringLiteral("item"), h.state.agenda.lastId()},
                {QStringLiteral("sha256"), sha256},
                {QStringLiteral("name"), QStringLiteral("a.pdf")},
                {QStringLiteral("title"), QStringLiteral("A")}, {QStringLiteral("pages"), 3},
                {QStringLiteral("bytes"), 1000},
                {QStringLiteral("source"), QStringLiteral("pdf")}});
        h.ok(QStringLiteral("document.present"),
            {{QStringLiteral("document"), 1}, {QStringLiteral("page"), 2}});
        h.ok(QStringLiteral("document.remove"), {{QStringLiteral("document"), 1}});
        // Reader links: written by the reader link service with the link's row.
        h.applyDirect(QStringLiteral("readerLink.created"),
            {{QStringLiteral("link"), 1}, {QStringLiteral("delegate"), 1},
                {QStringLiteral("expiresAt"), QStringLiteral("2026-01-01T12:00:00.000Z")}});
        h.applyDirect(QStringLiteral("readerLink.revoked"), {{QStringLiteral("link"), 1}});
        // Conclusions, what the tally screens show, the review of a council's overdue tasks
        // (councils themselves: test_council).
        h.ok(QStringLiteral("conclusion.add"),
            {{QStringLiteral("item"), 1}, {QStringLiteral("text"), QStringLiteral("KL")}});
        h.ok(QStringLiteral("conclusion.update"),
            {{QStringLiteral("conclusion"), 1}, {QStringLiteral("text"), QStringLiteral("KL2")}});
        h.ok(QStringLiteral("conclusion.remove"), {{QStringLiteral("conclusion"), 1}});
        DecisionContext ofCouncil;
        ofCouncil.council = 1;
        ofCouncil.overdueTasks.push_back(
            {7, QStringLiteral("Báo cáo"), QStringLiteral("Sở Tài chính"),
                QDateTime::fromString(QStringLiteral("2026-12-01T16:59:59Z"), Qt::ISODate)});
        h.ok(QStringLiteral("screen.show"), {{QStringLiteral("view"), QStringLiteral("board")}},
            ofCouncil);
        h.ok(QStringLiteral("agenda.addOverdue"), {}, ofCouncil);
        for (const QString &kind : eventKinds())
            QVERIFY2(h.kinds.contains(kind), qPrintable(kind + QStringLiteral(" never produced")));
        QCOMPARE(qsizetype(h.kinds.size()), qsizetype(eventKinds().size()));
    }

    void seatsSortAsTheRoomIsLaidOut_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("order");
        QTest::newRow("number value") << "A2"
                                      << "A10" << -1;
        QTest::newRow("row first") << "A10"
                                   << "B1" << -1;
        QTest::newRow("leading zeros") << "A02"
                                       << "A2" << 0;
        QTest::newRow("case") << "a1"
                              << "A1" << 0;
        QTest::newRow("prefix") << "A"
                                << "A1" << -1;
        QTest::newRow("equal") << "C05"
                               << "C05" << 0;
        QTest::newRow("huge numbers") << "A99999999999999999999"
                                      << "A100000000000000000000" << -1;
        QTest::newRow("vietnamese") << "Ghế 9"
                                    << "Ghế 10" << -1;
    }

    void seatsSortAsTheRoomIsLaidOut()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, order);
        QCOMPARE(compareSeats(a, b), order);
        QCOMPARE(compareSeats(b, a), -order);
    }

    void applyRefusesOutOfOrderAndUnknownEvents()
    {
        Harness h = meetingWith(1);
        protocol::Event event;
        event.meeting = 1;
        event.seq = h.state.seq + 2; // a gap
        event.kind = QStringLiteral("meeting.started");
        QVERIFY(!apply(h.state, event));
        event.seq = h.state.seq + 1;
        event.kind = QStringLiteral("meeting.teleported");
        const Status unknown = apply(h.state, event);
        QVERIFY(!unknown);
        QVERIFY(unknown.error().message.contains(QStringLiteral("newer chamberd")));
        event.kind = QStringLiteral("delegate.added");
        event.data
            = {{QStringLiteral("delegate"), 1}, {QStringLiteral("name"), QStringLiteral("dup")}};
        QVERIFY(!apply(h.state, event)); // id 1 exists already
        QCOMPARE(h.state.roster.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestMeetingCommands)
#include "test_meeting_commands.moc"
