// Bridge points (remote sites) on the speaker list beside delegates, through the core's
// commands and reducer: exactly one of delegate/bridge, unknown and revoked sites refused, the
// floor to the first whatever its kind, separate totals, a revoked site leaving the list and
// the floor, old delegate-only logs replaying as before, and snapshots.
#include "core/reducer.h"
#include "meetingharness.h"

#include <QJsonArray>
#include <QTest>

using namespace chamber;
using namespace chamber::core;
using chamber::testing::MeetingHarness;
using chamber::testing::meetingWith;

namespace {

const QString kBridge = QStringLiteral("bridge");
const QString kDelegate = QStringLiteral("delegate");

struct LoggedEvent
{
    QString kind;
    QJsonObject data;
    QString time;
};

// The harness with its log kept, so a second replica can replay it.
struct LoggingHarness
{
    MeetingHarness h = meetingWith(4);
    std::vector<LoggedEvent> log;

    Result<Decision> run(const QString &type, QJsonObject fields = {})
    {
        auto decision = h.run(type, std::move(fields));
        if (decision) {
            for (const EventDraft &draft : decision->events)
                log.push_back({draft.kind, draft.data, h.now});
        }
        return decision;
    }
    Decision ok(const QString &type, QJsonObject fields = {})
    {
        auto decision = run(type, std::move(fields));
        if (!decision)
            qFatal("%s failed: %s", qPrintable(type), qPrintable(decision.error().message));
        return decision.value();
    }
    void direct(const QString &kind, const QJsonObject &data)
    {
        h.applyDirect(kind, data);
        log.push_back({kind, data, h.now});
    }
    // A device enrolled through a join code, as the enrollment service records it.
    void enroll(qint64 device, const QString &role, const QString &label, qint64 delegate = 0)
    {
        direct(QStringLiteral("device.enrolled"),
            {{QStringLiteral("device"), device}, {QStringLiteral("role"), role},
                {QStringLiteral("delegate"), delegate ? QJsonValue(delegate) : QJsonValue()},
                {QStringLiteral("label"), label}, {QStringLiteral("name"), QStringLiteral("x")},
                {QStringLiteral("platform"), QStringLiteral("test")}});
    }
};

QJsonObject bridge(qint64 id)
{
    return {{kBridge, id}};
}

QJsonObject delegate(qint64 id)
{
    return {{kDelegate, id}};
}

ErrorCode codeOf(const Result<Decision> &result)
{
    return result ? ErrorCode::Internal : result.error().code;
}

std::vector<Speaker> queueOf(std::initializer_list<Speaker> speakers)
{
    return speakers;
}

// The same events, from a meeting's creation, into a fresh state.
MeetingState replay(const std::vector<LoggedEvent> &log, const MeetingState &original)
{
    MeetingHarness replica;
    replica.ok(
        QStringLiteral("meeting.create"), {{QStringLiteral("title"), QStringLiteral("Phiên họp")}});
    // The first events of meetingWith() (creation, delegates) are not in the log: rebuild them
    // the same way, then apply the log.
    for (int i = 1; i <= int(original.roster.size()); ++i)
        replica.addDelegate(QStringLiteral("Đại biểu %1").arg(i), QStringLiteral("S%1").arg(i));
    for (const LoggedEvent &event : log) {
        replica.now = event.time;
        replica.applyDirect(event.kind, event.data);
    }
    return replica.state;
}

} // namespace

class TestSpeakers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void siteAsksAndWithdraws()
    {
        LoggingHarness m;
        m.enroll(7, kBridge, QStringLiteral("Điểm cầu huyện Mộc Châu"));
        m.ok(QStringLiteral("speaker.request"), delegate(3));
        const Decision asked = m.ok(QStringLiteral("speaker.request"), bridge(7));
        QCOMPARE(asked.events.size(), size_t(1));
        QCOMPARE(asked.events[0].kind, QStringLiteral("speaker.requested"));
        QCOMPARE(asked.events[0].data, (QJsonObject {{kBridge, 7}}));
        QCOMPARE(asked.result.value(QLatin1String("position")).toInteger(), 1);
        // Again: no event, its place.
        const Decision again = m.ok(QStringLiteral("speaker.request"), bridge(7));
        QVERIFY(again.events.empty());
        QCOMPARE(again.result.value(QLatin1String("position")).toInteger(), 1);
        QCOMPARE(m.h.state.speakers.queue, queueOf({Speaker::delegate(3), Speaker::bridge(7)}));
        QCOMPARE(m.h.state.speakers.positionOf(Speaker::bridge(7)), 1);
        // Delegate 7 is someone else than bridge 7.
        QCOMPARE(m.h.state.speakers.positionOf(7), -1);
        QCOMPARE(m.h.state.speakers.waitingDelegates(), (std::vector<qint64> {3}));

        const Decision left = m.ok(QStringLiteral("speaker.withdraw"), bridge(7));
        QCOMPARE(left.events[0].kind, QStringLiteral("speaker.withdrawn"));
        QCOMPARE(left.events[0].data, (QJsonObject {{kBridge, 7}}));
        QCOMPARE(m.h.state.speakers.queue, queueOf({Speaker::delegate(3)}));
        QVERIFY(m.ok(QStringLiteral("speaker.withdraw"), bridge(7)).events.empty());
    }

    void exactlyOneOfDelegateAndBridge()
    {
        LoggingHarness m;
        m.enroll(7, kBridge, QStringLiteral("Điểm cầu A"));
        const QJsonObject both {{kDelegate, 1}, {kBridge, 7}};
        for (const char *type : {"speaker.request", "speaker.withdraw", "speaker.grant"}) {
            auto refused = m.run(QString::fromLatin1(type), both);
            QCOMPARE(codeOf(refused), ErrorCode::BadField);
            QCOMPARE(refused.error().field, kBridge);
            QVERIFY(refused.error().message.contains(QLatin1String("not both")));
        }
        QJsonObject moveBoth = both;
        moveBoth.insert(QStringLiteral("position"), 0);
        QCOMPARE(codeOf(m.run(QStringLiteral("speaker.move"), moveBoth)), ErrorCode::BadField);
        for (const char *type : {"speaker.request", "speaker.withdraw"}) {
            auto refused = m.run(QString::fromLatin1(type));
            QCOMPARE(codeOf(refused), ErrorCode::MissingField);
            QCOMPARE(refused.error().field, kDelegate);
            QVERIFY(refused.error().message.contains(QLatin1String("delegate or bridge")));
        }
        QCOMPARE(codeOf(m.run(QStringLiteral("speaker.move"), {{QStringLiteral("position"), 0}})),
            ErrorCode::MissingField);
        // Nothing was written.
        QVERIFY(m.log.size() == 1 && m.h.state.speakers.queue.empty());
    }

    void onlyEnrolledUnrevokedBridgesOfTheMeeting()
    {
        LoggingHarness m;
        m.enroll(5, kDelegate, QStringLiteral("A01"), 1);
        m.enroll(6, QStringLiteral("chair"), QString());
        m.enroll(7, kBridge, QStringLiteral("Điểm cầu A"));
        m.enroll(8, kBridge, QStringLiteral("Điểm cầu B"));
        m.ok(QStringLiteral("device.revoke"), {{QStringLiteral("device"), 8}});
        for (qint64 device : {5, 6, 8, 99}) {
            for (const char *type : {"speaker.request", "speaker.withdraw", "speaker.grant"}) {
                auto refused = m.run(QString::fromLatin1(type), bridge(device));
                QCOMPARE(codeOf(refused), ErrorCode::NotFound);
                QCOMPARE(refused.error().field, kBridge);
            }
        }
        QVERIFY(m.run(QStringLiteral("speaker.request"), bridge(8))
                    .error()
                    .message.contains(QLatin1String("revoked")));
        QCOMPARE(
            codeOf(m.run(QStringLiteral("speaker.request"), delegate(9))), ErrorCode::NotFound);
        // A site that is not waiting cannot be moved.
        QCOMPARE(codeOf(m.run(QStringLiteral("speaker.move"),
                     {{kBridge, 7}, {QStringLiteral("position"), 0}})),
            ErrorCode::Conflict);
        QVERIFY(m.h.state.speakers.queue.empty());
    }

    void floorToTheFirstWhateverItsKind()
    {
        LoggingHarness m;
        m.enroll(7, kBridge, QStringLiteral("Điểm cầu A"));
        m.enroll(8, kBridge, QStringLiteral("Điểm cầu B"));
        m.ok(QStringLiteral("speaker.setLimit"), {{QStringLiteral("seconds"), 300}});
        m.ok(QStringLiteral("speaker.request"), bridge(7));
        m.ok(QStringLiteral("speaker.request"), delegate(2));
        m.ok(QStringLiteral("speaker.request"), bridge(8));
        // The chair puts site B first.
        const Decision moved
            = m.ok(QStringLiteral("speaker.move"), {{kBridge, 8}, {QStringLiteral("position"), 0}});
        QCOMPARE(
            moved.events[0].data, (QJsonObject {{kBridge, 8}, {QStringLiteral("position"), 0}}));
        QCOMPARE(m.h.state.speakers.queue,
            queueOf({Speaker::bridge(8), Speaker::bridge(7), Speaker::delegate(2)}));
        QVERIFY(
            m.ok(QStringLiteral("speaker.move"), {{kBridge, 8}, {QStringLiteral("position"), 0}})
                .events.empty());
        QCOMPARE(codeOf(m.run(QStringLiteral("speaker.move"),
                     {{kBridge, 8}, {QStringLiteral("position"), 3}})),
            ErrorCode::Invalid);

        const Decision first = m.ok(QStringLiteral("speaker.grant"));
        QCOMPARE(first.result, (QJsonObject {{kBridge, 8}}));
        QCOMPARE(first.events.size(), size_t(1));
        QCOMPARE(first.events[0].data,
            (QJsonObject {{kBridge, 8}, {QStringLiteral("limitSeconds"), 300}}));
        QCOMPARE(m.h.state.speakers.currentBridge(), 8);
        QCOMPARE(m.h.state.speakers.currentDelegate(), 0);
        QCOMPARE(m.h.state.speakers.positionOf(Speaker::bridge(8)), -1);
        // The same again changes nothing.
        QVERIFY(m.ok(QStringLiteral("speaker.grant"), bridge(8)).events.empty());

        // 40 s later the next: site A; site B's speech ends and is counted for the site.
        m.h.now = QStringLiteral("2026-12-08T08:00:40.000Z");
        const Decision next = m.ok(QStringLiteral("speaker.grant"));
        QCOMPARE(next.events.size(), size_t(2));
        QCOMPARE(next.events[0].kind, QStringLiteral("speaker.ended"));
        QCOMPARE(next.events[0].data,
            (QJsonObject {{kBridge, 8}, {QStringLiteral("durationMs"), 40000}}));
        QCOMPARE(m.h.state.speakers.currentBridge(), 7);
        // Then delegate 2, and the chair gives a site not on the list the floor directly.
        m.h.now = QStringLiteral("2026-12-08T08:01:00.000Z");
        m.ok(QStringLiteral("speaker.grant"));
        QCOMPARE(m.h.state.speakers.currentDelegate(), 2);
        QCOMPARE(m.h.state.speakers.currentBridge(), 0);
        m.h.now = QStringLiteral("2026-12-08T08:01:30.000Z");
        const Decision direct = m.ok(
            QStringLiteral("speaker.grant"), {{kBridge, 8}, {QStringLiteral("limitSeconds"), 0}});
        QCOMPARE(direct.events[0].data,
            (QJsonObject {{kDelegate, 2}, {QStringLiteral("durationMs"), 30000}}));
        m.h.now = QStringLiteral("2026-12-08T08:01:35.500Z");
        const Decision ended = m.ok(QStringLiteral("speaker.end"));
        QCOMPARE(ended.events[0].data,
            (QJsonObject {{kBridge, 8}, {QStringLiteral("durationMs"), 5500}}));
        QVERIFY(m.h.state.speakers.current.isNobody());
        QCOMPARE(codeOf(m.run(QStringLiteral("speaker.grant"))), ErrorCode::Conflict);

        // Totals kept apart: delegates' as before, sites' beside them.
        QCOMPARE(m.h.state.speakers.totalMs, (std::map<qint64, qint64> {{2, 30000}}));
        QCOMPARE(
            m.h.state.speakers.bridgeTotalMs, (std::map<qint64, qint64> {{7, 20000}, {8, 45500}}));
        const QJsonObject snapshot = m.h.state.speakers.toJson();
        QCOMPARE(snapshot.value(QLatin1String("totals")).toArray(),
            (QJsonArray {QJsonObject {{kDelegate, 2}, {QStringLiteral("ms"), 30000}}}));
        QCOMPARE(snapshot.value(QLatin1String("bridgeTotals")).toArray(),
            (QJsonArray {QJsonObject {{kBridge, 7}, {QStringLiteral("ms"), 20000}},
                QJsonObject {{kBridge, 8}, {QStringLiteral("ms"), 45500}}}));

        // Every replica of the log agrees.
        QCOMPARE(replay(m.log, m.h.state).toJson(), m.h.state.toJson());
    }

    void revokedSiteLeavesTheListAndTheFloor()
    {
        LoggingHarness m;
        m.enroll(7, kBridge, QStringLiteral("Điểm cầu A"));
        m.enroll(8, kBridge, QStringLiteral("Điểm cầu B"));
        m.ok(QStringLiteral("speaker.request"), bridge(7));
        m.ok(QStringLiteral("speaker.request"), delegate(1));
        m.ok(QStringLiteral("speaker.request"), bridge(8));
        m.h.now = QStringLiteral("2026-12-08T08:00:10.000Z");
        m.ok(QStringLiteral("speaker.grant"), bridge(8));
        // Waiting: it leaves the list, and nothing else changes.
        const Decision revoked
            = m.ok(QStringLiteral("device.revoke"), {{QStringLiteral("device"), 7}});
        QCOMPARE(revoked.events.size(), size_t(1)); // only device.revoked: the reducer does it
        QCOMPARE(m.h.state.speakers.queue, queueOf({Speaker::delegate(1)}));
        QCOMPARE(m.h.state.speakers.currentBridge(), 8);
        // Speaking: the speech ends at the revocation, counted for the site.
        m.h.now = QStringLiteral("2026-12-08T08:00:25.250Z");
        m.ok(QStringLiteral("device.revoke"), {{QStringLiteral("device"), 8}});
        QVERIFY(m.h.state.speakers.current.isNobody());
        QVERIFY(m.h.state.speakers.since.isEmpty());
        QCOMPARE(m.h.state.speakers.bridgeTotalMs.at(8), 15250);
        QCOMPARE(m.h.state.speakers.queue, queueOf({Speaker::delegate(1)}));
        // A revoked delegate's tablet does not take the delegate off the list.
        m.enroll(9, kDelegate, QStringLiteral("A01"), 1);
        m.ok(QStringLiteral("device.revoke"), {{QStringLiteral("device"), 9}});
        QCOMPARE(m.h.state.speakers.queue, queueOf({Speaker::delegate(1)}));
        QCOMPARE(replay(m.log, m.h.state).toJson(), m.h.state.toJson());
        // And the site cannot come back without a new enrollment.
        QCOMPARE(codeOf(m.run(QStringLiteral("speaker.request"), bridge(8))), ErrorCode::NotFound);
    }

    void oldDelegateOnlyLogsReplayAsBefore()
    {
        // Events exactly as chamberd wrote them before sites could speak.
        MeetingHarness h = meetingWith(3);
        const std::vector<LoggedEvent> log {
            {QStringLiteral("speaker.limitSet"), {{QStringLiteral("seconds"), 120}},
                QStringLiteral("2026-12-08T08:00:00.000Z")},
            {QStringLiteral("speaker.requested"), delegate(3),
                QStringLiteral("2026-12-08T08:00:01.000Z")},
            {QStringLiteral("speaker.requested"), delegate(1),
                QStringLiteral("2026-12-08T08:00:02.000Z")},
            {QStringLiteral("speaker.requested"), delegate(2),
                QStringLiteral("2026-12-08T08:00:03.000Z")},
            {QStringLiteral("speaker.moved"), {{kDelegate, 2}, {QStringLiteral("position"), 0}},
                QStringLiteral("2026-12-08T08:00:04.000Z")},
            {QStringLiteral("speaker.withdrawn"), delegate(1),
                QStringLiteral("2026-12-08T08:00:05.000Z")},
            {QStringLiteral("speaker.granted"),
                {{kDelegate, 2}, {QStringLiteral("limitSeconds"), 120}},
                QStringLiteral("2026-12-08T08:00:06.000Z")},
            {QStringLiteral("speaker.ended"),
                {{kDelegate, 2}, {QStringLiteral("durationMs"), 61000}},
                QStringLiteral("2026-12-08T08:01:07.000Z")},
            {QStringLiteral("speaker.granted"),
                {{kDelegate, 3}, {QStringLiteral("limitSeconds"), 0}},
                QStringLiteral("2026-12-08T08:01:08.000Z")},
        };
        for (const LoggedEvent &event : log) {
            h.now = event.time;
            h.applyDirect(event.kind, event.data);
        }
        // The snapshot's speakers: what it always said, plus the two empty site fields.
        const QJsonObject expected {
            {QStringLiteral("queue"), QJsonArray {}},
            {QStringLiteral("current"), 3},
            {QStringLiteral("currentBridge"), QJsonValue()},
            {QStringLiteral("since"), QStringLiteral("2026-12-08T08:01:08.000Z")},
            {QStringLiteral("limitSeconds"), 0},
            {QStringLiteral("defaultLimitSeconds"), 120},
            {QStringLiteral("totals"),
                QJsonArray {QJsonObject {{kDelegate, 2}, {QStringLiteral("ms"), 61000}}}},
            {QStringLiteral("bridgeTotals"), QJsonArray {}},
        };
        QCOMPARE(h.state.speakers.toJson(), expected);
        QCOMPARE(h.state.speakers.currentDelegate(), 3);
        QCOMPARE(h.state.speakers.currentBridge(), 0);
        // And an old snapshot (no site fields at all) reads as the same state.
        QJsonObject old = expected;
        old.remove(QStringLiteral("currentBridge"));
        old.remove(QStringLiteral("bridgeTotals"));
        auto read = SpeakerState::fromJson(old);
        QVERIFY(read);
        QCOMPARE(read->toJson(), expected);
    }

    void snapshotsWithSites()
    {
        LoggingHarness m;
        m.enroll(7, kBridge, QStringLiteral("Điểm cầu A"));
        m.ok(QStringLiteral("speaker.request"), delegate(1));
        m.ok(QStringLiteral("speaker.request"), bridge(7));
        m.ok(QStringLiteral("speaker.grant"), delegate(1));
        m.h.now = QStringLiteral("2026-12-08T08:00:05.000Z");
        m.ok(QStringLiteral("speaker.grant"));
        const QJsonObject speakers = m.h.state.speakers.toJson();
        QVERIFY(speakers.value(QLatin1String("current")).isNull());
        QCOMPARE(speakers.value(QLatin1String("currentBridge")).toInteger(), 7);
        auto rebuilt = MeetingState::fromJson(m.h.state.toJson());
        QVERIFY(rebuilt);
        QCOMPARE(rebuilt->toJson(), m.h.state.toJson());
        QCOMPARE(rebuilt->speakers.currentBridge(), 7);

        // Damaged lists are refused, not guessed.
        const QJsonObject bothInEntry {
            {QStringLiteral("queue"), QJsonArray {QJsonObject {{kDelegate, 1}, {kBridge, 7}}}}};
        const QJsonObject neitherInEntry {{QStringLiteral("queue"),
            QJsonArray {QJsonObject {{QStringLiteral("requestedAt"), QString()}}}}};
        const QJsonObject twice {{QStringLiteral("queue"),
            QJsonArray {QJsonObject {{kBridge, 7}}, QJsonObject {{kBridge, 7}}}}};
        const QJsonObject twoOnTheFloor {
            {QStringLiteral("current"), 1}, {QStringLiteral("currentBridge"), 7}};
        for (const QJsonObject &bad : {bothInEntry, neitherInEntry, twice, twoOnTheFloor})
            QCOMPARE(SpeakerState::fromJson(bad).error().code, ErrorCode::Invalid);
        // A delegate and a site of the same number are two entries.
        const QJsonObject sameNumber {{QStringLiteral("queue"),
            QJsonArray {QJsonObject {{kBridge, 7}}, QJsonObject {{kDelegate, 7}}}}};
        QCOMPARE(SpeakerState::fromJson(sameNumber)->queue.size(), size_t(2));
    }

    void reducerRefusesEventsThatCannotBe()
    {
        MeetingHarness h = meetingWith(2);
        const auto applies = [&h](const QString &kind, const QJsonObject &data) {
            MeetingState copy = h.state;
            protocol::Event event;
            event.meeting = 1;
            event.seq = copy.seq + 1;
            event.kind = kind;
            event.time = h.now;
            event.data = data;
            return bool(apply(copy, event));
        };
        QVERIFY(applies(QStringLiteral("speaker.requested"), delegate(1)));
        QVERIFY(!applies(QStringLiteral("speaker.requested"), bridge(7))); // no such device
        h.applyDirect(QStringLiteral("device.enrolled"),
            {{QStringLiteral("device"), 7}, {QStringLiteral("role"), QStringLiteral("tally")}});
        QVERIFY(!applies(QStringLiteral("speaker.requested"), bridge(7))); // not a bridge
        h.applyDirect(QStringLiteral("device.enrolled"),
            {{QStringLiteral("device"), 8}, {QStringLiteral("role"), kBridge}});
        QVERIFY(applies(QStringLiteral("speaker.requested"), bridge(8)));
        QVERIFY(!applies(QStringLiteral("speaker.requested"), {{kDelegate, 1}, {kBridge, 8}}));
        QVERIFY(!applies(QStringLiteral("speaker.ended"),
            {{kBridge, 8}, {QStringLiteral("durationMs"), 1}})); // does not have the floor
    }
};

QTEST_GUILESS_MAIN(TestSpeakers)
#include "test_speakers.moc"
