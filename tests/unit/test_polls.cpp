// Polls, ballots' eligibility, proxies and the speaker list, through the core's commands.
#include "core/ballots.h"
#include "core/reducer.h"
#include "meetingharness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <functional>

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

const char *rightName(VotingRight right)
{
    switch (right) {
    case VotingRight::MayVote:
        return "MayVote";
    case VotingRight::PollNotOpen:
        return "PollNotOpen";
    case VotingRight::PollClosed:
        return "PollClosed";
    case VotingRight::UnknownDelegate:
        return "UnknownDelegate";
    case VotingRight::NotAMember:
        return "NotAMember";
    case VotingRight::ProxyGiven:
        return "ProxyGiven";
    case VotingRight::NotCheckedIn:
        return "NotCheckedIn";
    case VotingRight::NotProxyHolder:
        return "NotProxyHolder";
    case VotingRight::HolderNotCheckedIn:
        return "HolderNotCheckedIn";
    }
    return "?";
}

// The data of a poll.closed event exactly as the server writes it to the log: a candidate
// poll's winner, a ballot cast by proxy, a choice nobody took.
const char kClosedEventData[] = R"({
    "poll": 7,
    "context": {"members": 5, "presentMembers": 4, "memberHeads": 5, "presentHeads": 4},
    "tally": {"counts": {"Nguyễn Văn An": 3, "Trần Thị Bình": 1, "Lê Văn Cường": 0,
        "abstain": 0}, "ballots": 4},
    "outcome": {"verdict": "elected", "winner": "Nguyễn Văn An", "base": 5, "required": 3,
        "decisive": 3, "explanation": "Nguyễn Văn An leads with 3 of 5 members; more than 1/2 needs 3"},
    "receipts": [],
    "voters": [1, 2, 3, 4],
    "ballots": [
        {"delegate": 1, "choice": "Nguyễn Văn An", "weight": 1},
        {"delegate": 2, "choice": "Nguyễn Văn An", "weight": 1},
        {"delegate": 3, "choice": "Trần Thị Bình", "weight": 1},
        {"delegate": 4, "choice": "Nguyễn Văn An", "weight": 1, "proxyHolder": 1}
    ]
})";

QJsonObject closedEventData()
{
    return QJsonDocument::fromJson(QByteArray(kClosedEventData)).object();
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
        QVERIFY(closed.closing);
        QCOMPARE(closed.closing->outcome.verdict, Verdict::Passed);
        QCOMPARE(closed.closing->count(QStringLiteral("yes")), 3);
        QCOMPARE(closed.closing->count(QStringLiteral("abstain")), 0);
        QCOMPARE(closed.closing->tally.counts.size(), size_t(3)); // every choice, zeros too
        QCOMPARE(closed.closing->voters, (std::vector<qint64> {1, 2, 3, 4}));
        QCOMPARE(closed.closing->ballots.size(), size_t(4));
        QVERIFY(closed.closing->ballotOf(4));
        QCOMPARE(closed.closing->ballotOf(4)->choice, QStringLiteral("no"));
        QVERIFY(!closed.closing->ballotOf(5)); // did not vote
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
        // A candidate "Trần<RLO>nầrT" would display reversed; zero width makes look-alikes.
        QTest::newRow("bidi override in a candidate") << QJsonObject {{QStringLiteral("choices"),
            QJsonArray {QStringLiteral("An"), QStringLiteral("Tr\u202Eần")}}};
        QTest::newRow("zero width in a candidate") << QJsonObject {{QStringLiteral("choices"),
            QJsonArray {QStringLiteral("An"), QStringLiteral("A\u200Bn")}}};
        QTest::newRow("unknown item") << QJsonObject {{QStringLiteral("item"), 99}};
        QTest::newRow("unknown preset")
            << QJsonObject {{QStringLiteral("rule"), rule("unanimity")}};
        // A blank title, or one with a bidi or invisible character, is refused by the schema
        // itself (a label: test_protocol's labelsAreCheckedAndNormalised).
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
        const PollClosing &closing = *h.state.polls.at(poll).closing;
        // One delegate with 60 of 100: more than half by weight although outvoted by heads.
        QCOMPARE(closing.outcome.verdict, Verdict::Passed);
        QCOMPARE(closing.count(QStringLiteral("no")), 40);
        QCOMPARE(closing.tally.ballots, 3);
        QCOMPARE(closing.receipts,
            (QStringList {QStringLiteral("AAAA-0002"), QStringLiteral("MMMM-0003"),
                QStringLiteral("ZZZZ-0001")}));
        QVERIFY(closing.ballots.empty()); // no roll call in a secret poll
    }

    // One rule says who may vote, for the server (checkBallot) and the tablets: each reason,
    // proxies seen from both sides, weights playing no part; checkBallot's answers unchanged.
    void votingRightNamesEachReason()
    {
        MeetingHarness h = meetingWith(6, 3); // 1..3 present, 4..6 absent
        const qint64 guest = h.addDelegate(QStringLiteral("Khách mời"), QStringLiteral("G"), 0);
        const qint64 heavy = h.addDelegate(QStringLiteral("Tổ Một"), QStringLiteral("T1"), 5);
        for (qint64 id : {guest, heavy})
            h.ok(QStringLiteral("attendance.checkIn"), {{QStringLiteral("delegate"), id}});
        h.ok(QStringLiteral("meeting.update"), {{QStringLiteral("allowProxies"), true}});
        h.ok(QStringLiteral("proxy.give"),
            {{QStringLiteral("delegate"), 4}, {QStringLiteral("holder"), 1}});
        h.ok(QStringLiteral("proxy.give"),
            {{QStringLiteral("delegate"), 5}, {QStringLiteral("holder"), 3}});
        const qint64 pollId = createPoll(h);
        h.ok(QStringLiteral("poll.open"), {{QStringLiteral("poll"), pollId}});
        // The holder of 5's proxy leaves during the vote.
        h.ok(QStringLiteral("attendance.checkOut"), {{QStringLiteral("delegate"), 3}});
        const Poll &poll = h.state.polls.at(pollId);

        const QString forbiddenField = QStringLiteral("delegate");
        struct Case
        {
            const char *what;
            qint64 delegate;
            qint64 castBy;
            VotingRight right;
            qint64 proxyHolder;
            ErrorCode code; // Internal: accepted
            QString message;
        };
        const Case cases[] = {
            {"in person", 1, 1, VotingRight::MayVote, 0, ErrorCode::Internal, {}},
            {"a heavier member, like anyone", heavy, heavy, VotingRight::MayVote, 0,
                ErrorCode::Internal, {}},
            {"the holder for the absent giver", 4, 1, VotingRight::MayVote, 1, ErrorCode::Internal,
                {}},
            {"the giver in person", 4, 4, VotingRight::ProxyGiven, 1, ErrorCode::Forbidden,
                QStringLiteral("you gave your proxy; your proxy holder votes for you")},
            {"the giver for the holder", 1, 4, VotingRight::NotProxyHolder, 0, ErrorCode::Forbidden,
                QStringLiteral(
                    "a ballot can only be cast for yourself or for whom you hold a proxy")},
            {"another for the giver", 4, 2, VotingRight::NotProxyHolder, 0, ErrorCode::Forbidden,
                QStringLiteral(
                    "a ballot can only be cast for yourself or for whom you hold a proxy")},
            {"for another without a proxy", 2, 1, VotingRight::NotProxyHolder, 0,
                ErrorCode::Forbidden,
                QStringLiteral(
                    "a ballot can only be cast for yourself or for whom you hold a proxy")},
            {"absent", 6, 6, VotingRight::NotCheckedIn, 0, ErrorCode::Forbidden,
                QStringLiteral("check in before voting")},
            {"the holder gone", 5, 3, VotingRight::HolderNotCheckedIn, 3, ErrorCode::Forbidden,
                QStringLiteral("a proxy counts only while its holder is present")},
            {"no vote", guest, guest, VotingRight::NotAMember, 0, ErrorCode::Forbidden,
                QStringLiteral("Khách mời takes part without a vote")},
            {"nobody", 99, 99, VotingRight::UnknownDelegate, 0, ErrorCode::NotFound, {}},
        };
        for (const Case &c : cases) {
            const VotingRightCheck check = votingRight(h.state, poll, c.delegate, c.castBy);
            QVERIFY2(check.right == c.right,
                qPrintable(QStringLiteral("%1: %2, expected %3")
                               .arg(QLatin1String(c.what), QLatin1String(rightName(check.right)),
                                   QLatin1String(rightName(c.right)))));
            QCOMPARE(check.proxyHolder, c.proxyHolder);
            QCOMPARE(check.mayVote(), c.right == VotingRight::MayVote);
            const auto ballot
                = checkBallot(h.state, pollId, c.delegate, c.castBy, QStringLiteral("yes"));
            QCOMPARE(codeOf(ballot), c.code);
            if (ballot) {
                QCOMPARE(ballot->proxyHolder, c.proxyHolder);
                QCOMPARE(ballot->weight, h.state.roster.find(c.delegate)->weight);
            } else if (!c.message.isEmpty()) {
                QCOMPARE(ballot.error().message, c.message);
                QCOMPARE(ballot.error().field, forbiddenField);
            }
        }
        // Who casts a ballot: the holder of a proxy, or the delegate.
        QCOMPARE(castingVoter(h.state, 4), 1);
        QCOMPARE(castingVoter(h.state, 5), 3);
        QCOMPARE(castingVoter(h.state, 1), 1);
    }

    void votingRightFollowsThePoll()
    {
        MeetingHarness h = meetingWith(2, 2);
        const qint64 pollId = createPoll(h);
        QCOMPARE(
            votingRight(h.state, h.state.polls.at(pollId), 1, 1).right, VotingRight::PollNotOpen);
        auto early = checkBallot(h.state, pollId, 1, 1, QStringLiteral("maybe"));
        QCOMPARE(codeOf(early), ErrorCode::Conflict); // the poll's state before the choice
        QCOMPARE(early.error().message, QStringLiteral("voting has not started"));
        QCOMPARE(early.error().field, QStringLiteral("poll"));

        h.ok(QStringLiteral("poll.open"), {{QStringLiteral("poll"), pollId}});
        // The choice before the voter: a bad choice for nobody is a bad choice.
        QCOMPARE(codeOf(checkBallot(h.state, pollId, 99, 99, QStringLiteral("maybe"))),
            ErrorCode::BadField);
        h.ok(QStringLiteral("poll.close"), {{QStringLiteral("poll"), pollId}}, withBallots({}));
        QCOMPARE(
            votingRight(h.state, h.state.polls.at(pollId), 1, 1).right, VotingRight::PollClosed);
        auto late = checkBallot(h.state, pollId, 1, 1, QStringLiteral("yes"));
        QCOMPARE(codeOf(late), ErrorCode::Conflict);
        QCOMPARE(late.error().message, QStringLiteral("voting has closed"));
    }

    // The closing is typed once and written back unchanged: snapshots and events keep their
    // wire format to the byte.
    void closingRoundTripsExactly()
    {
        const QJsonObject data = closedEventData();
        QVERIFY(!data.isEmpty());
        const auto closing = PollClosing::fromJson(data);
        QVERIFY2(closing, qPrintable(closing ? QString() : closing.error().message));
        QCOMPARE(closing->outcome.verdict, Verdict::Elected);
        QCOMPARE(closing->outcome.winner, QStringLiteral("Nguyễn Văn An"));
        QCOMPARE(closing->context.presentHeads, 4);
        QCOMPARE(closing->count(QStringLiteral("Lê Văn Cường")), 0);
        QCOMPARE(closing->totalCount(), 4);
        QCOMPARE(closing->ballotOf(4)->proxyHolder, 1);
        QCOMPARE(closing->toJson(7), data);
        QCOMPARE(QJsonDocument(closing->toJson(7)).toJson(QJsonDocument::Compact),
            QJsonDocument(data).toJson(QJsonDocument::Compact));

        // Through a poll in a snapshot, and back.
        Poll poll;
        poll.id = 7;
        poll.title = QStringLiteral("Bầu Phó Chủ tịch");
        poll.choices = {QStringLiteral("Nguyễn Văn An"), QStringLiteral("Trần Thị Bình"),
            QStringLiteral("Lê Văn Cường")};
        poll.state = PollState::Closed;
        poll.closing = closing.value();
        const QJsonObject snapshot = poll.toJson();
        QCOMPARE(snapshot.value(QLatin1String("closing")).toObject(), data);
        const auto reread = Poll::fromJson(snapshot);
        QVERIFY(reread);
        QCOMPARE(reread->toJson(), snapshot);

        // A poll without a close has no closing in its JSON.
        poll.closing.reset();
        QVERIFY(!poll.toJson().contains(QLatin1String("closing")));
        QVERIFY(!Poll::fromJson(poll.toJson())->closing);
    }

    // The event the core writes when a poll closes, applied by the reducer, is the closing the
    // state holds, and the signed document carries its parts.
    void closedEventIsTheClosingHeld()
    {
        MeetingHarness h = meetingWith(3, 3);
        const qint64 poll = createPoll(h);
        h.ok(QStringLiteral("poll.open"), {{QStringLiteral("poll"), poll}});
        PollBallots ballots;
        ballots.named = {{2, QStringLiteral("no"), 1, 0}, {1, QStringLiteral("yes"), 1, 0}};
        ballots.voters = {2, 1};
        const Decision decision = h.ok(
            QStringLiteral("poll.close"), {{QStringLiteral("poll"), poll}}, withBallots(ballots));
        QCOMPARE(decision.events.size(), size_t(1));
        const QJsonObject data = decision.events.front().data;
        const Poll &closed = h.state.polls.at(poll);
        QCOMPARE(closed.closing->toJson(poll), data);
        QCOMPARE(closed.toJson().value(QLatin1String("closing")).toObject(), data);
        // Sorted by delegate, every choice counted.
        QCOMPARE(closed.closing->ballots.front().delegate, 1);
        QCOMPARE(data.value(QLatin1String("tally"))
                     .toObject()
                     .value(QLatin1String("counts"))
                     .toObject()
                     .keys(),
            (QStringList {QStringLiteral("abstain"), QStringLiteral("no"), QStringLiteral("yes")}));
        const QJsonObject document = resultDocument(h.state, closed);
        for (const char *part : {"context", "tally", "outcome", "receipts", "voters", "ballots"})
            QCOMPARE(document.value(QLatin1String(part)), data.value(QLatin1String(part)));
        // The whole meeting through a snapshot: the same again.
        const auto restored = MeetingState::fromJson(h.state.toJson());
        QVERIFY(restored);
        QCOMPARE(restored->polls.at(poll).toJson(), closed.toJson());
    }

    void damagedClosingIsRefused_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("no context") << QStringLiteral("context") << QJsonValue();
        QTest::newRow("count as text")
            << QStringLiteral("tally.counts.abstain") << QJsonValue(QStringLiteral("0"));
        QTest::newRow("count with a fraction")
            << QStringLiteral("tally.counts.abstain") << QJsonValue(0.5);
        QTest::newRow("unknown verdict")
            << QStringLiteral("outcome.verdict") << QJsonValue(QStringLiteral("won"));
        QTest::newRow("no explanation") << QStringLiteral("outcome.explanation") << QJsonValue();
        QTest::newRow("receipts not a list")
            << QStringLiteral("receipts") << QJsonValue(QStringLiteral("A"));
        QTest::newRow("voter as text")
            << QStringLiteral("voters") << QJsonValue(QJsonArray {QStringLiteral("1")});
        QTest::newRow("ballot without delegate")
            << QStringLiteral("ballots")
            << QJsonValue(QJsonArray {QJsonObject {{QStringLiteral("choice"), QStringLiteral("x")},
                   {QStringLiteral("weight"), 1}}});
    }

    void damagedClosingIsRefused()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        // Replaces (or, with an undefined value, removes) one part of a good closing.
        std::function<QJsonObject(QJsonObject, QStringList)> patch
            = [&](QJsonObject object, QStringList keys) {
                  const QString key = keys.takeFirst();
                  if (keys.isEmpty()) {
                      if (value.isNull())
                          object.remove(key);
                      else
                          object.insert(key, value);
                  } else {
                      object.insert(key, patch(object.value(key).toObject(), keys));
                  }
                  return object;
              };
        const QJsonObject damaged = patch(closedEventData(), path.split(u'.'));
        QVERIFY(damaged != closedEventData());
        QCOMPARE(PollClosing::fromJson(damaged).error().code, ErrorCode::Invalid);

        // The reducer refuses such an event and leaves the poll open.
        MeetingHarness h = meetingWith(1, 1);
        const qint64 poll = createPoll(h);
        h.ok(QStringLiteral("poll.open"), {{QStringLiteral("poll"), poll}});
        protocol::Event event;
        event.meeting = 1;
        event.seq = h.state.seq + 1;
        event.kind = QStringLiteral("poll.closed");
        QJsonObject data = damaged;
        data.insert(QStringLiteral("poll"), poll);
        event.data = data;
        QVERIFY(!apply(h.state, event));
        QCOMPARE(h.state.polls.at(poll).state, PollState::Open);
        QVERIFY(!h.state.polls.at(poll).closing);
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
