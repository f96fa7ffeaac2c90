// The kiosk's voting and speaking state without a server: ballot keys kept and reused across
// restarts (owner-only file, no secret choice on disk), receipts computed locally, the ballot
// status from sending to recorded, refused or counted, who may vote (the server's own rule),
// results as the screens show them, the chair's poll list updated in place, each part
// announcing only its own changes, and the speaking countdown on the server's clock.
#include "ballotprogress.h"
#include "ballotstore.h"
#include "connection.h"
#include "polllistmodel.h"
#include "pollresult.h"
#include "protocol/receipt.h"
#include "speakingstate.h"
#include "votingstate.h"
#include "votingtext.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace chamber;
using namespace chamber::kiosk;

namespace {

core::MeetingState sampleMeeting()
{
    core::MeetingState meeting;
    meeting.id = 7;
    for (qint64 id = 1; id <= 5; ++id)
        meeting.roster.add(core::Delegate {id, QStringLiteral("Đại biểu %1").arg(id), {},
            QStringLiteral("A%1").arg(id), id == 5 ? 0 : 1, id != 4, {}});
    core::Poll poll;
    poll.id = 3;
    poll.title = QStringLiteral("Thông qua nghị quyết");
    poll.rule = *core::MajorityRule::fromPreset(QStringLiteral("majority-of-members"));
    poll.state = core::PollState::Open;
    meeting.polls[poll.id] = poll;
    return meeting;
}

DeviceIdentity seatOf(qint64 delegate)
{
    DeviceIdentity identity;
    identity.meeting = 7;
    identity.role = QStringLiteral("delegate");
    identity.delegate = delegate;
    return identity;
}

// A closing as the reducer would hold it for a yes/no poll of the sample meeting.
core::PollClosing closingOf(std::map<QString, qint64> counts, core::Verdict verdict, qint64 base,
    qint64 required, qint64 decisive)
{
    core::PollClosing closing;
    closing.context = {4, 4, 4, 4};
    for (const auto &[choice, count] : counts) {
        closing.tally.counts[choice] = count;
        closing.tally.ballots += count;
    }
    closing.outcome.verdict = verdict;
    closing.outcome.base = base;
    closing.outcome.required = required;
    closing.outcome.decisive = decisive;
    return closing;
}

// A VotingState wired to a meeting, an identity and a recording sender.
struct VotingFixture
{
    core::MeetingState meeting = sampleMeeting();
    DeviceIdentity identity = seatOf(2);
    BallotStore store;
    QList<QJsonObject> sent;
    VotingState voting;

    VotingFixture()
    {
        voting.attach(&meeting, &identity, [this](QJsonObject command) {
            sent << command;
            return QStringLiteral("r%1").arg(sent.size());
        });
        voting.setBallotStore(&store);
        voting.refresh();
    }
    QJsonObject ok() { return {{QStringLiteral("type"), QStringLiteral("ok")}}; }
    QJsonObject error(const char *code)
    {
        return {{QStringLiteral("type"), QStringLiteral("error")},
            {QStringLiteral("code"), QString::fromLatin1(code)},
            {QStringLiteral("message"), QStringLiteral("refused")}};
    }
};

} // namespace

class TestKioskVoting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ballotKeyIsKeptAcrossRestarts()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ballots.json"));
        QString key;
        {
            BallotStore store(path);
            QVERIFY(store.load());
            key = store.keyFor(7, 3, 2).value();
            QCOMPARE(key.size(), 22);
            QCOMPARE(store.keyFor(7, 3, 2).value(), key); // asked again: the same key
            QVERIFY(store.keyFor(7, 3, 4).value() != key); // another voter: another key
            QVERIFY(store.keyFor(7, 4, 2).value() != key); // another poll: another key
            QVERIFY(!store.find(7, 3, 2)->recorded);
        }
        struct stat info = {};
        QCOMPARE(::stat(path.toLocal8Bit().constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600u);
        BallotStore reloaded(path);
        QVERIFY(reloaded.load());
        QCOMPARE(reloaded.keyFor(7, 3, 2).value(), key);
        QCOMPARE(BallotStore::receipt(7, 3, key), protocol::ballotReceipt(7, 3, key));
    }

    void secretChoiceNeverReachesTheDisk()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ballots.json"));
        BallotStore store(path);
        QVERIFY(store.keyFor(7, 3, 2));
        QVERIFY(store.keyFor(7, 4, 2));
        QVERIFY(store.markRecorded(7, 3, 2, {})); // secret
        QVERIFY(store.markRecorded(7, 4, 2, QStringLiteral("Trần Thị Thu Hà"))); // named
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QCOMPARE(text.count("\"choice\""), 1);
        QVERIFY(text.contains("Trần Thị Thu Hà"));
        BallotStore reloaded(path);
        QVERIFY(reloaded.load());
        QVERIFY(reloaded.find(7, 3, 2)->recorded);
        QVERIFY(reloaded.find(7, 3, 2)->choice.isEmpty());
        QVERIFY(!reloaded.markRecorded(7, 9, 2, {})); // no key, nothing to mark
        // Keys of an old meeting go when the tablet joins another.
        QVERIFY(reloaded.keyFor(8, 1, 2));
        QVERIFY(reloaded.forgetOtherMeetings(8));
        QCOMPARE(reloaded.all().size(), 1);
    }

    void damagedBallotFileIsReported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ballots.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[not json");
        file.close();
        BallotStore store(path);
        QCOMPARE(store.load().error().code, ErrorCode::Invalid);
    }

    void ballotGoesFromSendingToRecordedWithItsReceipt()
    {
        VotingFixture f;
        QCOMPARE(f.voting.ownBallot()->status(), BallotStatus::None);
        QVERIFY(f.voting.ownBallot()->canVote());
        f.voting.castBallot(QStringLiteral("yes"));
        QCOMPARE(f.sent.size(), 1);
        const QJsonObject command = f.sent.first();
        QCOMPARE(command.value(QLatin1String("type")).toString(), QStringLiteral("ballot.cast"));
        QCOMPARE(command.value(QLatin1String("delegate")).toInteger(), 2);
        QCOMPARE(command.value(QLatin1String("poll")).toInteger(), 3);
        const QString key = command.value(QLatin1String("key")).toString();
        QCOMPARE(key, f.store.find(7, 3, 2)->key);
        QCOMPARE(f.voting.ownBallot()->status(), BallotStatus::Sending);
        QVERIFY(!f.voting.ownBallot()->canVote());
        f.voting.castBallot(QStringLiteral("no")); // a second tap while sending waits
        QCOMPARE(f.sent.size(), 1);

        QVERIFY(f.voting.handleAnswer(QStringLiteral("r1"), f.ok()));
        QCOMPARE(f.voting.ownBallot()->status(), BallotStatus::Recorded);
        QCOMPARE(f.voting.ownBallot()->choice(), QStringLiteral("yes"));
        QCOMPARE(f.voting.ownBallot()->receipt(), protocol::ballotReceipt(7, 3, key));
        QVERIFY(!f.voting.ownBallot()->canVote()); // this poll allows no change
        QVERIFY(!f.voting.handleAnswer(QStringLiteral("someone-else"), f.ok()));
    }

    void changeReusesTheKeyAndARefusalIsExplained()
    {
        VotingFixture f;
        f.meeting.polls[3].allowChange = true;
        f.voting.castBallot(QStringLiteral("yes"));
        f.voting.handleAnswer(QStringLiteral("r1"), f.ok());
        QVERIFY(f.voting.ownBallot()->canVote());
        f.voting.castBallot(QStringLiteral("no"));
        QCOMPARE(f.sent.size(), 2);
        QCOMPARE(f.sent[1].value(QLatin1String("key")), f.sent[0].value(QLatin1String("key")));
        const QString receipt = f.voting.ownBallot()->receipt();
        f.voting.handleAnswer(QStringLiteral("r2"), f.error("conflict"));
        QCOMPARE(f.voting.ownBallot()->status(), BallotStatus::Refused);
        QVERIFY(f.voting.ownBallot()->recorded());
        QCOMPARE(f.voting.ownBallot()->receipt(), receipt);
        QCOMPARE(f.voting.ownBallot()->refusal(),
            VotingText::refusal({QStringLiteral("conflict"), {}, true, true, false, true}));
        QVERIFY(f.voting.ownBallot()->refusal().contains(QLatin1String("first ballot stands")));
    }

    void ballotsInTheOutboxShowAsSending()
    {
        VotingFixture f;
        const QString key = f.store.keyFor(7, 3, 2).value();
        // As KioskState queues them: with the meeting. A damaged entry is not taken for a ballot.
        f.voting.setPendingCommands(
            {Outbox::Entry {QStringLiteral("k-1"),
                 {{QStringLiteral("type"), QStringLiteral("ballot.cast")},
                     {QStringLiteral("meeting"), 7}, {QStringLiteral("poll"), 3},
                     {QStringLiteral("delegate"), 2},
                     {QStringLiteral("choice"), QStringLiteral("no")},
                     {QStringLiteral("key"), key}},
                 {}},
                Outbox::Entry {QStringLiteral("k-0"),
                    {{QStringLiteral("type"), QStringLiteral("ballot.cast")},
                        {QStringLiteral("meeting"), 7}, {QStringLiteral("poll"), 3},
                        {QStringLiteral("delegate"), 2}, {QStringLiteral("choice"), 5}},
                    {}}});
        QCOMPARE(f.voting.ownBallot()->status(), BallotStatus::Sending);
        QCOMPARE(f.voting.ownBallot()->choice(), QStringLiteral("no"));
        QVERIFY(f.voting.handleAnswer(QStringLiteral("k-1"), f.ok()));
        QCOMPARE(f.voting.ownBallot()->status(), BallotStatus::Recorded);
    }

    void whoMayVoteOnThisTablet()
    {
        VotingFixture f;
        f.identity = seatOf(4); // not checked in
        f.voting.refresh();
        QVERIFY(!f.voting.ownBallot()->canVote());
        QVERIFY(!f.voting.ownBallot()->blockedReason().isEmpty());

        f.identity = seatOf(1);
        f.meeting.proxies[3] = 1; // delegate 3 gave their proxy to this tablet's delegate
        f.voting.refresh();
        QVERIFY(f.voting.ownBallot()->canVote());
        QCOMPARE(f.voting.proxyBallot()->delegateId(), 3);
        QVERIFY(f.voting.proxyBallot()->canVote());
        f.voting.castBallot(QStringLiteral("abstain"), 3);
        QCOMPARE(f.sent.last().value(QLatin1String("delegate")).toInteger(), 3);
        QCOMPARE(f.voting.proxyBallot()->status(), BallotStatus::Sending);
        QCOMPARE(f.voting.ownBallot()->status(), BallotStatus::None);
        f.voting.castBallot(QStringLiteral("yes"), 2); // nobody's proxy: not sent
        QCOMPARE(f.sent.size(), 1);
        // The holder leaves: neither ballot can be cast from here, each says why.
        f.meeting.roster.findMutable(1)->present = false;
        f.voting.refresh();
        QVERIFY(!f.voting.ownBallot()->canVote());
        QCOMPARE(f.voting.ownBallot()->blockedReason(),
            VotingText::blockedReason(core::VotingRight::NotCheckedIn, {}));
        QCOMPARE(f.voting.proxyBallot()->blockedReason(),
            VotingText::blockedReason(core::VotingRight::HolderNotCheckedIn, {}));
        QVERIFY(!f.voting.proxyBallot()->blockedReason().isEmpty());
        f.meeting.roster.findMutable(1)->present = true;

        f.identity = seatOf(3); // gave the proxy away
        f.voting.refresh();
        QVERIFY(!f.voting.ownBallot()->canVote());
        QVERIFY(f.voting.ownBallot()->blockedReason().contains(QStringLiteral("Đại biểu 1")));
        QCOMPARE(f.voting.ownBallot()->blockedReason(),
            VotingText::blockedReason(core::VotingRight::ProxyGiven, QStringLiteral("Đại biểu 1")));

        f.identity = seatOf(5); // weight 0: takes part without a vote
        f.voting.refresh();
        QVERIFY(!f.voting.ownBallot()->canVote());
        QCOMPARE(f.voting.ownBallot()->blockedReason(),
            VotingText::blockedReason(core::VotingRight::NotAMember, {}));
    }

    // A named poll's roll call: this seat's ballot counted with its choice, every member's
    // seat in the result.
    void closedNamedPollShowsTheRollCall()
    {
        VotingFixture f;
        core::Poll &poll = f.meeting.polls[3];
        f.voting.refresh(); // seen open here
        poll.state = core::PollState::Closed;
        poll.closing = closingOf(
            {{QStringLiteral("yes"), 1}, {QStringLiteral("no"), 1}, {QStringLiteral("abstain"), 0}},
            core::Verdict::Failed, 4, 3, 1);
        poll.closing->ballots = {{2, QStringLiteral("no"), 1, 0}, {3, QStringLiteral("yes"), 1, 0}};
        f.voting.refresh();
        QCOMPARE(f.voting.ownBallot()->status(), BallotStatus::Closed);
        QVERIFY(f.voting.ownBallot()->counted());
        QCOMPARE(f.voting.ownBallot()->choice(), QStringLiteral("no"));
        const QVariantList seats = f.voting.result()->seatVotes();
        QCOMPARE(seats.size(), 4); // members only: delegate 5 has no vote
        QCOMPARE(seats[1].toMap().value(QStringLiteral("choice")).toString(), QStringLiteral("no"));
        QCOMPARE(seats[3].toMap().value(QStringLiteral("choice")).toString(), QString());
        QCOMPARE(
            f.voting.result()->verdictLabel(), VotingText::verdictLabel(core::Verdict::Failed, {}));
        QCOMPARE(f.voting.result()->ballotsCounted(), 2);
        QVERIFY(!f.voting.result()->bars()[0].toMap().value(QStringLiteral("winner")).toBool());
    }

    // A progress push changes the counts and nothing else; a poll that closes changes its own
    // row of the chair's list; a new poll is inserted at the top; the list is never reset, and
    // a refresh that changes nothing voting shows says nothing at all.
    void partsChangeOnTheirOwnAndTheListInPlace()
    {
        VotingFixture f;
        f.identity.role = QStringLiteral("chair");
        f.identity.delegate = 0;
        core::Poll earlier = f.meeting.polls[3];
        earlier.id = 2;
        earlier.title = QStringLiteral("Thông qua chương trình");
        earlier.state = core::PollState::Published;
        earlier.closing = closingOf(
            {{QStringLiteral("yes"), 4}, {QStringLiteral("no"), 0}, {QStringLiteral("abstain"), 0}},
            core::Verdict::Passed, 4, 3, 4);
        f.meeting.polls[2] = earlier;
        f.voting.refresh();

        PollListModel *polls = f.voting.polls();
        QAbstractItemModelTester tester(
            polls, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(polls->rowCount(), 2);
        auto cell = [polls](int row, PollListModel::Role role) {
            return polls->data(polls->index(row), role);
        };
        QCOMPARE(cell(0, PollListModel::PollIdRole).toInt(), 3); // newest first
        QCOMPARE(cell(0, PollListModel::PollStateRole).toString(), QStringLiteral("open"));
        QCOMPARE(cell(1, PollListModel::VerdictLabelRole).toString(),
            VotingText::verdictLabel(core::Verdict::Passed, {}));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is not valid")));
        QVERIFY(!cell(2, PollListModel::TitleRole).isValid()); // no such row

        QSignalSpy resets(polls, &QAbstractItemModel::modelReset);
        QSignalSpy rowChanges(polls, &QAbstractItemModel::dataChanged);
        QSignalSpy inserts(polls, &QAbstractItemModel::rowsInserted);
        QSignalSpy focusChanges(&f.voting, &VotingState::changed);
        QSignalSpy resultChanges(f.voting.result(), &PollResult::changed);
        QSignalSpy progressChanges(f.voting.progress(), &BallotProgress::changed);
        auto quiet = [&] {
            return resets.isEmpty() && inserts.isEmpty() && rowChanges.isEmpty()
                && focusChanges.isEmpty() && resultChanges.isEmpty();
        };

        f.voting.setProgress(PollProgress {3, 1, 4, true, {1, 4}});
        QCOMPARE(progressChanges.size(), 1);
        QCOMPARE(f.voting.progress()->cast(), 1);
        QVERIFY(quiet());
        f.voting.setProgress(PollProgress {3, 1, 4, true, {1, 4}}); // the same again
        f.voting.refresh(); // something else in the meeting changed
        QCOMPARE(progressChanges.size(), 1);
        QVERIFY(quiet());

        f.meeting.polls[3].state = core::PollState::Closed;
        f.meeting.polls[3].closing = closingOf(
            {{QStringLiteral("yes"), 3}, {QStringLiteral("no"), 1}, {QStringLiteral("abstain"), 0}},
            core::Verdict::Passed, 4, 3, 3);
        f.voting.refresh();
        QVERIFY(resets.isEmpty());
        QVERIFY(inserts.isEmpty());
        QCOMPARE(rowChanges.size(), 1);
        QCOMPARE(rowChanges[0][0].value<QModelIndex>().row(), 0);
        QCOMPARE(rowChanges[0][1].value<QModelIndex>().row(), 0);
        QCOMPARE(cell(0, PollListModel::PollStateRole).toString(), QStringLiteral("closed"));
        QCOMPARE(cell(0, PollListModel::VerdictLabelRole).toString(),
            VotingText::verdictLabel(core::Verdict::Passed, {}));
        QCOMPARE(focusChanges.size(), 1); // the poll in focus is closed now
        QCOMPARE(resultChanges.size(), 1);
        QVERIFY(f.voting.result()->available());
        QCOMPARE(f.voting.pollId(), 3);

        core::Poll next = earlier;
        next.id = 4;
        next.title = QStringLiteral("Bầu Trưởng ban");
        next.state = core::PollState::Draft;
        next.closing.reset();
        f.meeting.polls[4] = next;
        f.voting.refresh();
        QVERIFY(resets.isEmpty());
        QCOMPARE(inserts.size(), 1);
        QCOMPARE(inserts[0][1].toInt(), 0); // first
        QCOMPARE(inserts[0][2].toInt(), 0); // last
        QCOMPARE(rowChanges.size(), 1); // no other row touched
        QCOMPARE(polls->rowCount(), 3);
        QCOMPARE(cell(0, PollListModel::PollIdRole).toInt(), 4);
        QCOMPARE(cell(1, PollListModel::PollIdRole).toInt(), 3);
        QCOMPARE(focusChanges.size(), 1); // a draft takes no focus
        QCOMPARE(resultChanges.size(), 1);

        // Another meeting's polls: the list starts again.
        f.meeting.polls.erase(2);
        f.voting.refresh();
        QCOMPARE(resets.size(), 1);
        QCOMPARE(polls->rowCount(), 2);
    }

    void closedSecretPollFindsTheReceipt()
    {
        VotingFixture f;
        f.meeting.polls[3].secret = true;
        f.voting.castBallot(QStringLiteral("yes"));
        f.voting.handleAnswer(QStringLiteral("r1"), f.ok());
        QVERIFY(f.store.find(7, 3, 2)->choice.isEmpty()); // secret: not kept
        const QString receipt = f.voting.ownBallot()->receipt();
        core::Poll &poll = f.meeting.polls[3];
        poll.state = core::PollState::Closed;
        poll.closedAt = QStringLiteral("2026-12-08T03:00:00.000Z");
        poll.closing = closingOf(
            {{QStringLiteral("yes"), 3}, {QStringLiteral("no"), 0}, {QStringLiteral("abstain"), 1}},
            core::Verdict::Passed, 4, 3, 3);
        poll.closing->receipts = {QStringLiteral("0000-0000"), receipt};
        f.voting.refresh();
        QCOMPARE(f.voting.pollState(), QStringLiteral("closed"));
        QCOMPARE(f.voting.ownBallot()->status(), BallotStatus::Closed);
        QVERIFY(f.voting.ownBallot()->counted());
        QVERIFY(!f.voting.ownBallot()->canVote());
        QCOMPARE(f.voting.result()->verdict(), QStringLiteral("passed"));
        const QVariantList results = f.voting.result()->bars();
        QCOMPARE(results.size(), 3);
        const QVariantMap yes = results[0].toMap();
        QCOMPARE(yes.value(QStringLiteral("count")).toInt(), 3);
        QCOMPARE(yes.value(QStringLiteral("share")).toDouble(), 0.75);
        QVERIFY(yes.value(QStringLiteral("winner")).toBool());
        QVERIFY(
            yes.value(QStringLiteral("percentText")).toString().startsWith(QLatin1String("75")));
        QCOMPARE(f.voting.result()->thresholdShare(), 0.75);
        QVERIFY(f.voting.result()->seatVotes().isEmpty()); // secret: no roll call

        // Someone else's receipt list: not counted.
        poll.closing->receipts = {QStringLiteral("0000-0000")};
        f.voting.refresh();
        QVERIFY(!f.voting.ownBallot()->counted());
    }

    void latestResultStaysWithItsItem()
    {
        VotingFixture f;
        core::Poll &poll = f.meeting.polls[3];
        poll.state = core::PollState::Published;
        poll.item = 11;
        poll.closing = core::PollClosing {};
        f.meeting.currentItem = 11;
        f.voting.refresh();
        QCOMPARE(f.voting.pollId(), 3);
        f.meeting.currentItem = 12; // the agenda moved on
        f.voting.refresh();
        QVERIFY(!f.voting.active());
        f.meeting.currentItem = 11;
        f.voting.refresh();
        f.voting.dismissResult();
        QVERIFY(!f.voting.active());
        f.voting.selectPoll(3); // the chair looks at it again
        QCOMPARE(f.voting.pollId(), 3);
    }

    void resultWithoutItemStaysUntilTheAgendaMoves()
    {
        VotingFixture f; // poll 3 is open, decides no item
        f.meeting.currentItem = 5;
        f.voting.refresh();
        QCOMPARE(f.voting.pollState(), QStringLiteral("open"));
        f.meeting.polls[3].state = core::PollState::Closed;
        f.voting.refresh();
        QCOMPARE(f.voting.pollId(), 3); // seen closing here: the result stays up
        f.meeting.currentItem = 6;
        f.voting.refresh();
        QVERIFY(!f.voting.active()); // the agenda moved on

        // A screen that joins after the close does not bring back the old result.
        VotingFixture late;
        late.meeting.polls[3].state = core::PollState::Published;
        late.voting.reset(); // a new connection: nothing seen open yet
        QVERIFY(!late.voting.active());
    }

    void progressAndPendingNamesInSeatOrder()
    {
        VotingFixture f;
        f.voting.setProgress(PollProgress {3, 1, 3, true, {3, 1}});
        const BallotProgress &progress = *f.voting.progress();
        QVERIFY(progress.known());
        QCOMPARE(progress.cast(), 1);
        QCOMPARE(progress.eligible(), 3);
        const QVariantList pending = progress.pending();
        QCOMPARE(pending.size(), 2);
        QCOMPARE(pending[0].toMap().value(QStringLiteral("seat")).toString(), QStringLiteral("A1"));
        QCOMPARE(pending[1].toMap().value(QStringLiteral("name")).toString(),
            QStringLiteral("Đại biểu 3"));
        f.voting.setProgress(PollProgress {9, 5, 5, false, {}}); // another poll: not shown
        QCOMPARE(progress.cast(), 1);
    }

    void chairCommands()
    {
        VotingFixture f;
        f.identity.role = QStringLiteral("chair");
        f.voting.createPoll(QStringLiteral("  Bầu Phó Chủ tịch "),
            {QStringLiteral("Nguyễn Văn A"), QStringLiteral(" "), QStringLiteral("Trần Thị B")},
            true, QStringLiteral("two-thirds-of-members"), false, 14);
        const QJsonObject create = f.sent.last();
        QCOMPARE(
            create.value(QLatin1String("title")).toString(), QStringLiteral("Bầu Phó Chủ tịch"));
        QCOMPARE(create.value(QLatin1String("choices")).toArray().size(), 2);
        QCOMPARE(create.value(QLatin1String("rule"))
                     .toObject()
                     .value(QLatin1String("preset"))
                     .toString(),
            QStringLiteral("two-thirds-of-members"));
        QCOMPARE(create.value(QLatin1String("item")).toInteger(), 14);
        // The answer names the new poll: the console turns to it.
        f.meeting.polls[4] = f.meeting.polls[3];
        f.meeting.polls[4].id = 4;
        f.meeting.polls[4].state = core::PollState::Draft;
        f.voting.handleAnswer(QStringLiteral("r1"),
            {{QStringLiteral("type"), QStringLiteral("ok")},
                {QStringLiteral("result"), QJsonObject {{QStringLiteral("poll"), 4}}}});
        QCOMPARE(f.voting.pollId(), 4);
        f.voting.openPoll(4);
        QCOMPARE(
            f.sent.last().value(QLatin1String("type")).toString(), QStringLiteral("poll.open"));
        QCOMPARE(f.sent.last().value(QLatin1String("poll")).toInteger(), 4);
        QCOMPARE(f.voting.rulePresets().size(), core::MajorityRule::presetNames().size());
    }

    void countdownRunsOnTheServerClock()
    {
        core::MeetingState meeting = sampleMeeting();
        DeviceIdentity identity = seatOf(2);
        QList<QJsonObject> sent;
        SpeakingState speaking;
        speaking.attach(&meeting, &identity, [&sent](QJsonObject command) {
            sent << command;
            return QStringLiteral("s");
        });
        meeting.speakers.current = core::Speaker::delegate(2);
        meeting.speakers.limitSeconds = 60;
        // The floor was given 10 s ago by this device's clock...
        meeting.speakers.since
            = QDateTime::currentDateTimeUtc().addSecs(-10).toString(Qt::ISODateWithMs);
        speaking.refresh();
        QVERIFY(speaking.ownHasFloor());
        QVERIFY(qAbs(speaking.remainingSeconds() - 50) <= 1);
        // ...but the server's clock is 30 s ahead: 40 s spoken, 20 s left.
        speaking.setClockOffset(30000);
        QVERIFY(qAbs(speaking.remainingSeconds() - 20) <= 1);
        speaking.setClockOffset(60000);
        QVERIFY(speaking.overrun());
        QVERIFY(speaking.clockText().startsWith(u'+'));
        meeting.speakers.limitSeconds = 0; // no limit: the time spoken
        speaking.refresh();
        QVERIFY(!speaking.overrun());
        QCOMPARE(speaking.clockText(), speaking.formatDuration(speaking.elapsedSeconds()));

        meeting.speakers.current = {};
        meeting.speakers.queue = {core::Speaker::delegate(4), core::Speaker::delegate(2)};
        speaking.refresh();
        QCOMPARE(speaking.ownPosition(), 2);
        QCOMPARE(speaking.queue().size(), 2);
        speaking.withdrawRequest();
        QCOMPARE(sent.last().value(QLatin1String("type")).toString(),
            QStringLiteral("speaker.withdraw"));
        QCOMPARE(sent.last().value(QLatin1String("delegate")).toInteger(), 2);
        speaking.grantFloor(0, -1);
        QVERIFY(!sent.last().contains(QLatin1String("delegate")));
        QVERIFY(!sent.last().contains(QLatin1String("limitSeconds")));
    }

    // Remote sites on the list: entries marked as sites with their label; the chair's actions
    // name them as bridges; a bridge point asks and withdraws for itself.
    void sitesOnTheList()
    {
        core::MeetingState meeting = sampleMeeting();
        core::DeviceInfo site;
        site.id = 9;
        site.role = QStringLiteral("bridge");
        site.label = QStringLiteral("Điểm cầu huyện Cái Bè");
        meeting.devices[site.id] = site;
        core::DeviceInfo unnamed = site;
        unnamed.id = 10;
        unnamed.label.clear();
        unnamed.name = QStringLiteral("bridge-10");
        meeting.devices[unnamed.id] = unnamed;
        meeting.speakers.queue
            = {core::Speaker::delegate(4), core::Speaker::bridge(9), core::Speaker::bridge(10)};
        DeviceIdentity identity;
        identity.meeting = 7;
        identity.role = QStringLiteral("bridge");
        identity.device = 9;
        QList<QJsonObject> sent;
        SpeakingState speaking;
        speaking.attach(&meeting, &identity, [&sent](QJsonObject command) {
            sent << command;
            return QStringLiteral("s");
        });
        speaking.refresh();
        const QVariantList queue = speaking.queue();
        QCOMPARE(queue.size(), 3);
        const QVariantMap first = queue[0].toMap();
        const QVariantMap second = queue[1].toMap();
        QCOMPARE(first.value(QStringLiteral("site")).toBool(), false);
        QCOMPARE(first.value(QStringLiteral("key")).toString(), QStringLiteral("4"));
        QCOMPARE(first.value(QStringLiteral("delegateId")).toInt(), 4);
        QCOMPARE(second.value(QStringLiteral("site")).toBool(), true);
        QCOMPARE(second.value(QStringLiteral("key")).toString(), QStringLiteral("site9"));
        QCOMPARE(second.value(QStringLiteral("bridgeId")).toInt(), 9);
        QCOMPARE(second.value(QStringLiteral("delegateId")).toInt(), 0);
        QCOMPARE(second.value(QStringLiteral("name")).toString(), site.label);
        QCOMPARE(second.value(QStringLiteral("seat")).toString(), QString());
        QCOMPARE(queue[2].toMap().value(QStringLiteral("name")).toString(), unnamed.name);
        // This bridge point is second; not a delegate's tablet.
        QCOMPARE(speaking.ownPosition(), 2);
        speaking.withdrawRequest();
        QCOMPARE(sent.last(),
            (QJsonObject {{QStringLiteral("type"), QStringLiteral("speaker.withdraw")},
                {QStringLiteral("bridge"), 9}}));
        speaking.requestToSpeak();
        QCOMPARE(sent.last(),
            (QJsonObject {{QStringLiteral("type"), QStringLiteral("speaker.request")},
                {QStringLiteral("bridge"), 9}}));

        // The site has the floor: the card's name is its label; no delegate speaks.
        meeting.speakers.current = core::Speaker::bridge(9);
        meeting.speakers.since = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        speaking.refresh();
        QVERIFY(speaking.floorTaken());
        QVERIFY(speaking.speakerIsSite());
        QCOMPARE(speaking.speakerSiteId(), 9);
        QCOMPARE(speaking.speakerId(), 0);
        QCOMPARE(speaking.speakerName(), site.label);
        QCOMPARE(speaking.speakerSeat(), QString());
        QVERIFY(speaking.ownHasFloor());
        // Delegate 9 is not site 9.
        meeting.speakers.current = core::Speaker::delegate(9);
        speaking.refresh();
        QVERIFY(!speaking.ownHasFloor());
        QVERIFY(!speaking.speakerIsSite());

        // The chair's actions name sites as bridges.
        speaking.grantSite(10, 120);
        QCOMPARE(sent.last(),
            (QJsonObject {{QStringLiteral("type"), QStringLiteral("speaker.grant")},
                {QStringLiteral("bridge"), 10}, {QStringLiteral("limitSeconds"), 120}}));
        speaking.moveSite(10, 0);
        QCOMPARE(sent.last(),
            (QJsonObject {{QStringLiteral("type"), QStringLiteral("speaker.move")},
                {QStringLiteral("bridge"), 10}, {QStringLiteral("position"), 0}}));
        speaking.removeSite(10);
        QCOMPARE(sent.last(),
            (QJsonObject {{QStringLiteral("type"), QStringLiteral("speaker.withdraw")},
                {QStringLiteral("bridge"), 10}}));
        const qsizetype count = sent.size();
        speaking.grantSite(0);
        speaking.removeSite(-1);
        QCOMPARE(sent.size(), count); // nothing for no site
    }

    void clockOffsetFromTheHelloAnswer()
    {
        const QDateTime sent
            = QDateTime::fromString(QStringLiteral("2026-12-08T03:00:00.000Z"), Qt::ISODateWithMs);
        const QDateTime received = sent.addMSecs(200);
        // The server read its clock at 03:00:05.100: 5 s ahead of our midpoint, 03:00:00.100.
        QCOMPARE(
            Connection::clockOffset(sent, received, QStringLiteral("2026-12-08T03:00:05.100Z")),
            std::optional<qint64>(5000));
        QCOMPARE(
            Connection::clockOffset(sent, received, QStringLiteral("2026-12-08T02:59:59.100Z")),
            std::optional<qint64>(-1000));
        QVERIFY(!Connection::clockOffset(sent, received, QString()));
        QVERIFY(!Connection::clockOffset(sent, received, QStringLiteral("yesterday")));
    }
};

QTEST_GUILESS_MAIN(TestKioskVoting)
#include "test_kiosk_voting.moc"
