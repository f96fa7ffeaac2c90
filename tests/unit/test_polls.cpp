// Polls, ballots' eligibility, proxies and the speaker list, through the core's commands.
#include "core/ballots.h"
#include "meetingharness.h"

#include <QJsonArray>
#include <QTest>

using namespace chamber;
using namespace chamber::core;
using chamber::testing::MeetingHarness;
using chamber::testing::meetingWith;

namespace {

QJsonObject rule(const char *preset)
{
    return {{QStringLiteral("preset"), QString::fromLatin1(preset)}};
}

qint64 createPoll(MeetingHarness &h, QJsonObject fields = {})
{
    if (!fields.contains(QLatin1String("title")))
        fields.insert(QStringLiteral("title"), QStringLiteral("Nghị quyết"));
    if (!fields.contains(QLatin1String("rule")))
        fields.insert(QStringLiteral("rule"), rule("majority-of-members"));
    return h.ok(QStringLiteral("poll.create"), fields)
        .result.value(QLatin1String("poll"))
        .toInteger();
}

DecisionContext withBallots(PollBallots ballots)
{
    DecisionContext context;
    context.ballots = std::move(ballots);
    return context;
}

ErrorCode codeOf(const Result<BallotTarget> &result)
{
    return result ? ErrorCode::Internal : result.error().code;
}

} // namespace

class TestPolls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lifecycleAndIdempotence()
    {
        MeetingHarness h = meetingWith(5, 5);
        const qint64 poll = createPoll(h);
        QCOMPARE(h.state.polls.at(poll).state, PollState::Draft);
        QCOMPARE(
            h.run(QStringLiteral("poll.close"), {{QStringLiteral("poll"), poll}}, withBallots({}))
                .error()
                .code,
            ErrorCode::Conflict);
        h.ok(QStringLiteral("poll.open"), {{QStringLiteral("poll"), poll}});
        QVERIFY(h.ok(QStringLiteral("poll.open"), {{QStringLiteral("poll"), poll}}).events.empty());
        QCOMPARE(h.state.openPoll()->id, poll);

        // One vote at a time.
        const qint64 second = createPoll(h);
        QCOMPARE(
            h.run(QStringLiteral("poll.open"), {{QStringLiteral("poll"), second}}).error().code,
            ErrorCode::Conflict);

        // Closing needs the ballots from the services.
        QCOMPARE(h.run(QStringLiteral("poll.close"), {{QStringLiteral("poll"), poll}}).error().code,
            ErrorCode::Internal);
        PollBallots ballots;
        for (qint64 delegate : {1, 2, 3})
            ballots.named.push_back({delegate, QStringLiteral("yes"), 1, 0});
        ballots.named.push_back({4, QStringLiteral("no"), 1, 0});
        ballots.voters = {4, 1, 3, 2};
        h.ok(QStringLiteral("poll.close"), {{QStringLiteral("poll"), poll}}, withBallots(ballots));
        const Poll &closed = h.state.polls.at(poll);
        QCOMPARE(closed.state, PollState::Closed);
        QCOMPARE(closed.closing.value(QLatin1String("outcome"))
                     .toObject()
                     .value(QLatin1String("verdict"))
                     .toString(),
            QStringLiteral("passed"));
        QCOMPARE(closed.closing.value(QLatin1String("tally"))
                     .toObject()
                     .value(QLatin1String("counts"))
                     .toObject()
                     .value(QLatin1String("yes"))
                     .toInt(),
            3);
        QCOMPARE(
            closed.closing.value(QLatin1String("voters")).toArray(), (QJsonArray {1, 2, 3, 4}));
        QCOMPARE(closed.closing.value(QLatin1String("ballots")).toArray().size(), 4);
        QVERIFY(
            h.ok(QStringLiteral("poll.close"), {{QStringLiteral("poll"), poll}}, withBallots({}))
                .events.empty());
        QCOMPARE(h.run(QStringLiteral("poll.open"), {{QStringLiteral("poll"), poll}}).error().code,
            ErrorCode::Conflict);

        // Publishing needs the signature; the document names the log's head before it.
        QCOMPARE(
            h.run(QStringLiteral("poll.publish"), {{QStringLiteral("poll"), poll}}).error().code,
            ErrorCode::Internal);
        const QJsonObject expected = resultDocument(h.state, closed);
        DecisionContext signature;
        signature.signature = QStringLiteral("c2ln");
        signature.publicKey = QStringLiteral("a2V5");
        h.ok(QStringLiteral("poll.publish"), {{QStringLiteral("poll"), poll}}, signature);
        const Poll &published = h.state.polls.at(poll);
        QCOMPARE(published.state, PollState::Published);
        QCOMPARE(published.published.value(QLatin1String("document")).toObject(), expected);
        QCOMPARE(expected.value(QLatin1String("lastEvent"))
                     .toObject()
                     .value(QLatin1String("seq"))
                     .toInteger(),
            h.state.seq - 1);
        QVERIFY(h.ok(QStringLiteral("poll.publish"), {{QStringLiteral("poll"), poll}}, signature)
                    .events.empty());
    }

    void creationIsValidated_data()
    {
        QTest::addColumn<QJsonObject>("fields");
        QTest::newRow("one candidate")
            << QJsonObject {{QStringLiteral("choices"), QJsonArray {QStringLiteral("An")}}};
        QTest::newRow("duplicate candidates") << QJsonObject {
            {QStringLiteral("choices"), QJsonArray {QStringLiteral("An"), QStringLiteral("an")}}};
        QTest::newRow("abstain as a candidate") << QJsonObject {{QStringLiteral("choices"),
            QJsonArray {QStringLiteral("An"), QStringLiteral("abstain")}}};
        QTest::newRow("blank candidate") << QJsonObject {
            {QStringLiteral("choices"), QJsonArray {QStringLiteral("An"), QStringLiteral(" ")}}};
        QTest::newRow("unknown item") << QJsonObject {{QStringLiteral("item"), 99}};
        QTest::newRow("unknown preset")
            << QJsonObject {{QStringLiteral("rule"), rule("unanimity")}};
        QTest::newRow("blank title")
            << QJsonObject {{QStringLiteral("title"), QStringLiteral("   ")}};
    }

    void creationIsValidated()
    {
        QFETCH(QJsonObject, fields);
        MeetingHarness h = meetingWith(2);
        if (!fields.contains(QLatin1String("title")))
            fields.insert(QStringLiteral("title"), QStringLiteral("x"));
        if (!fields.contains(QLatin1String("rule")))
            fields.insert(QStringLiteral("rule"), rule("simple-majority"));
        const qint64 seq = h.state.seq;
        QVERIFY(!h.run(QStringLiteral("poll.create"), fields));
        QCOMPARE(h.state.seq, seq);
    }

    void whoMayVote()
    {
        MeetingHarness h = meetingWith(4, 3); // delegates 1..4, 4 absent
        const qint64 guest = h.addDelegate(QStringLiteral("Khách mời"), QStringLiteral("G"), 0);
        h.ok(QStringLiteral("attendance.checkIn"), {{QStringLiteral("delegate"), guest}});
        const qint64 poll = createPoll(h);
        QCOMPARE(codeOf(checkBallot(h.state, poll, 1, 1, QStringLiteral("yes"))),
            ErrorCode::Conflict); // not open
        h.ok(QStringLiteral("poll.open"), {{QStringLiteral("poll"), poll}});
        QVERIFY(checkBallot(h.state, poll, 1, 1, QStringLiteral("yes")));
        QVERIFY(checkBallot(h.state, poll, 1, 1, QStringLiteral("abstain")));
        QCOMPARE(
            codeOf(checkBallot(h.state, poll, 1, 1, QStringLiteral("maybe"))), ErrorCode::BadField);
        QCOMPARE(codeOf(checkBallot(h.state, poll, 4, 4, QStringLiteral("yes"))),
            ErrorCode::Forbidden); // absent
        QCOMPARE(codeOf(checkBallot(h.state, poll, guest, guest, QStringLiteral("yes"))),
            ErrorCode::Forbidden); // no vote
        QCOMPARE(codeOf(checkBallot(h.state, poll, 2, 1, QStringLiteral("yes"))),
            ErrorCode::Forbidden); // for another
        QCOMPARE(
            codeOf(checkBallot(h.state, poll, 9, 9, QStringLiteral("yes"))), ErrorCode::NotFound);
        QCOMPARE(
            codeOf(checkBallot(h.state, 77, 1, 1, QStringLiteral("yes"))), ErrorCode::NotFound);
    }

    void proxiesAllowedAtCreation()
    {
        MeetingHarness h;
        h.ok(QStringLiteral("meeting.create"),
            {{QStringLiteral("title"), QStringLiteral("Phiên họp")},
                {QStringLiteral("allowProxies"), true}});
        QVERIFY(h.state.allowProxies);
        MeetingHarness plain = meetingWith(1);
        QVERIFY(!plain.state.allowProxies);
    }

    void proxies()
    {
        MeetingHarness h = meetingWith(5, 3); // 1..3 present
        QCOMPARE(h.run(QStringLiteral("proxy.give"),
                      {{QStringLiteral("delegate"), 4}, {QStringLiteral("holder"), 1}})
                     .error()
                     .code,
            ErrorCode::Conflict); // not allowed in this meeting
        h.ok(QStringLiteral("meeting.update"), {{QStringLiteral("allowProxies"), true}});
        h.ok(QStringLiteral("proxy.give"),
            {{QStringLiteral("delegate"), 4}, {QStringLiteral("holder"), 1}});
        QVERIFY(h.ok(QStringLiteral("proxy.give"),
                     {{QStringLiteral("delegate"), 4}, {QStringLiteral("holder"), 1}})
                    .events.empty());
        // No second proxy for the same holder, no chains, not to oneself.
        QCOMPARE(h.run(QStringLiteral("proxy.give"),
                      {{QStringLiteral("delegate"), 5}, {QStringLiteral("holder"), 1}})
                     .error()
                     .code,
            ErrorCode::Conflict);
        QCOMPARE(h.run(QStringLiteral("proxy.give"),
                      {{QStringLiteral("delegate"), 1}, {QStringLiteral("holder"), 2}})
                     .error()
                     .code,
            ErrorCode::Conflict);
        QCOMPARE(h.run(QStringLiteral("proxy.give"),
                      {{QStringLiteral("delegate"), 5}, {QStringLiteral("holder"), 4}})
                     .error()
                     .code,
            ErrorCode::Conflict);
        QCOMPARE(h.run(QStringLiteral("proxy.give"),
                      {{QStringLiteral("delegate"), 2}, {QStringLiteral("holder"), 2}})
                     .error()
                     .code,
            ErrorCode::Invalid);

        const qint64 poll = createPoll(h);
        h.ok(QStringLiteral("poll.open"), {{QStringLiteral("poll"), poll}});
        // The holder votes for the giver; the giver cannot vote; nobody else can for them.
        const auto byProxy = checkBallot(h.state, poll, 4, 1, QStringLiteral("no"));
        QVERIFY(byProxy);
        QCOMPARE(byProxy->proxyHolder, 1);
        h.ok(QStringLiteral("attendance.checkIn"), {{QStringLiteral("delegate"), 4}});
        QCOMPARE(
            codeOf(checkBallot(h.state, poll, 4, 4, QStringLiteral("no"))), ErrorCode::Forbidden);
        QCOMPARE(
            codeOf(checkBallot(h.state, poll, 4, 2, QStringLiteral("no"))), ErrorCode::Forbidden);
        // A proxy counts only while its holder is present.
        h.ok(QStringLiteral("attendance.checkOut"), {{QStringLiteral("delegate"), 1}});
        QCOMPARE(
            codeOf(checkBallot(h.state, poll, 4, 1, QStringLiteral("no"))), ErrorCode::Forbidden);
        // Proxies are fixed while a poll is open.
        QCOMPARE(
            h.run(QStringLiteral("proxy.revoke"), {{QStringLiteral("delegate"), 4}}).error().code,
            ErrorCode::Conflict);
    }

    void closingCountsWeightsAndKeepsSecretsSorted()
    {
        MeetingHarness h = meetingWith(0);
        for (auto [name, weight] : std::initializer_list<std::pair<const char *, qint64>> {
                 {"A", 60}, {"B", 30}, {"C", 10}})
            h.addDelegate(QString::fromLatin1(name), QString::fromLatin1(name), weight);
        for (qint64 id : {1, 2, 3})
            h.ok(QStringLiteral("attendance.checkIn"), {{QStringLiteral("delegate"), id}});
        QJsonObject weighted
            = MajorityRule::fromPreset(QStringLiteral("majority-of-members"))->toJson();
        weighted.insert(QStringLiteral("byWeight"), true);
        const qint64 poll
            = createPoll(h, {{QStringLiteral("rule"), weighted}, {QStringLiteral("secret"), true}});
        h.ok(QStringLiteral("poll.open"), {{QStringLiteral("poll"), poll}});
        PollBallots ballots;
        ballots.secret = {{QStringLiteral("ZZZZ-0001"), QStringLiteral("yes"), 60},
            {QStringLiteral("AAAA-0002"), QStringLiteral("no"), 30},
            {QStringLiteral("MMMM-0003"), QStringLiteral("no"), 10}};
        ballots.voters = {3, 1, 2};
        h.ok(QStringLiteral("poll.close"), {{QStringLiteral("poll"), poll}}, withBallots(ballots));
        const QJsonObject closing = h.state.polls.at(poll).closing;
        // One delegate with 60 of 100: more than half by weight although outvoted by heads.
        QCOMPARE(closing.value(QLatin1String("outcome"))
                     .toObject()
                     .value(QLatin1String("verdict"))
                     .toString(),
            QStringLiteral("passed"));
        QCOMPARE(closing.value(QLatin1String("tally"))
                     .toObject()
                     .value(QLatin1String("counts"))
                     .toObject()
                     .value(QLatin1String("no"))
                     .toInt(),
            40);
        QCOMPARE(closing.value(QLatin1String("receipts")).toArray(),
            (QJsonArray {QStringLiteral("AAAA-0002"), QStringLiteral("MMMM-0003"),
                QStringLiteral("ZZZZ-0001")}));
        QVERIFY(closing.value(QLatin1String("ballots"))
                    .toArray()
                    .isEmpty()); // no roll call in a secret poll
    }

    void speakerList()
    {
        MeetingHarness h = meetingWith(4);
        QCOMPARE(h.run(QStringLiteral("speaker.grant")).error().code,
            ErrorCode::Conflict); // nobody waiting
        for (qint64 id : {3, 1, 2})
            h.ok(QStringLiteral("speaker.request"), {{QStringLiteral("delegate"), id}});
        QVERIFY(h.ok(QStringLiteral("speaker.request"), {{QStringLiteral("delegate"), 1}})
                    .events.empty());
        QCOMPARE(h.state.speakers.waitingDelegates(), (std::vector<qint64> {3, 1, 2}));
        h.ok(QStringLiteral("speaker.move"),
            {{QStringLiteral("delegate"), 2}, {QStringLiteral("position"), 0}});
        QCOMPARE(h.state.speakers.waitingDelegates(), (std::vector<qint64> {2, 3, 1}));
        h.ok(QStringLiteral("speaker.withdraw"), {{QStringLiteral("delegate"), 3}});
        QCOMPARE(h.state.speakers.waitingDelegates(), (std::vector<qint64> {2, 1}));
        h.ok(QStringLiteral("speaker.setLimit"), {{QStringLiteral("seconds"), 420}});

        h.ok(QStringLiteral("speaker.grant")); // the first in line
        QCOMPARE(h.state.speakers.currentDelegate(), 2);
        QCOMPARE(h.state.speakers.limitSeconds, 420);
        QCOMPARE(h.state.speakers.waitingDelegates(), (std::vector<qint64> {1}));
        // 95 s later the chair gives the floor to the next: the speech is ended and recorded.
        h.now = QStringLiteral("2026-12-08T08:01:35.000Z");
        const Decision next
            = h.ok(QStringLiteral("speaker.grant"), {{QStringLiteral("limitSeconds"), 60}});
        QCOMPARE(next.events.size(), size_t(2));
        QCOMPARE(next.events[0].kind, QStringLiteral("speaker.ended"));
        QCOMPARE(next.events[0].data.value(QLatin1String("durationMs")).toInteger(), 95000);
        QCOMPARE(h.state.speakers.currentDelegate(), 1);
        QCOMPARE(h.state.speakers.limitSeconds, 60);
        h.now = QStringLiteral("2026-12-08T08:02:05.500Z");
        h.ok(QStringLiteral("speaker.end"));
        QCOMPARE(h.state.speakers.currentDelegate(), 0);
        QCOMPARE(h.state.speakers.totalMs.at(2), 95000);
        QCOMPARE(h.state.speakers.totalMs.at(1), 30500);
        QVERIFY(h.ok(QStringLiteral("speaker.end")).events.empty());
        // Delegate 2 speaks again; totals add up.
        h.ok(QStringLiteral("speaker.grant"), {{QStringLiteral("delegate"), 2}});
        h.now = QStringLiteral("2026-12-08T08:02:15.500Z");
        h.ok(QStringLiteral("speaker.end"));
        QCOMPARE(h.state.speakers.totalMs.at(2), 105000);
        QCOMPARE(h.run(QStringLiteral("speaker.move"),
                      {{QStringLiteral("delegate"), 4}, {QStringLiteral("position"), 0}})
                     .error()
                     .code,
            ErrorCode::Conflict);
        // The snapshot carries it all, and rebuilds.
        auto rebuilt = MeetingState::fromJson(h.state.toJson());
        QVERIFY(rebuilt);
        QCOMPARE(rebuilt->toJson(), h.state.toJson());
    }
};

QTEST_GUILESS_MAIN(TestPolls)
#include "test_polls.moc"
