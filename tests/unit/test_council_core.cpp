// The pure council core: conclusions in a meeting (numbering, resolutions, bad items), the
// council's events replayed, and the board (order, pages, counts, filters) at a given time.
#include "commands.h"
#include "core/council.h"
#include "core/reducer.h"
#include "meetingharness.h"

#include <QJsonArray>
#include <QTest>

using namespace chamber;
using namespace chamber::core;
using chamber::testing::command;
using chamber::testing::meetingWith;
using Harness = chamber::testing::MeetingHarness;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kNow = QDateTime::fromString(QStringLiteral("2027-02-01T03:00:00Z"), Qt::ISODate);

// A poll on item `item` closed with every present delegate voting `choice`, then published.
qint64 publishedPoll(Harness &h, qint64 item, const QString &choice)
{
    const qint64 poll = h.ok(QStringLiteral("poll.create"),
                             {{QStringLiteral("title"), QStringLiteral("Nghị quyết")},
                                 {QStringLiteral("item"), item},
                                 {QStringLiteral("rule"),
                                     QJsonObject {{QStringLiteral("preset"),
                                         QStringLiteral("simple-majority")}}}})
                            .result.value(QLatin1String("poll"))
                            .toInteger();
    h.ok(QStringLiteral("poll.open"), {{QStringLiteral("poll"), poll}});
    DecisionContext closing;
    closing.ballots = PollBallots {};
    for (const auto &[id, delegate] : h.state.roster.all()) {
        closing.ballots->named.push_back({id, choice, delegate.weight, 0});
        closing.ballots->voters.push_back(id);
    }
    h.ok(QStringLiteral("poll.close"), {{QStringLiteral("poll"), poll}}, closing);
    DecisionContext signing;
    signing.signature = QStringLiteral("c2ln");
    signing.publicKey = QStringLiteral("a2V5");
    h.ok(QStringLiteral("poll.publish"), {{QStringLiteral("poll"), poll}}, signing);
    return poll;
}

// A council state built by applying events, as the service would.
class CouncilBuilder
{
public:
    CouncilBuilder()
    {
        apply(QStringLiteral("council.created"),
            {{QStringLiteral("council"), 1}, {QStringLiteral("name"), QStringLiteral("HĐND")},
                {QStringLiteral("term"), QString()}, {QStringLiteral("amberDays"), 7}});
    }
    void apply(const QString &kind, const QJsonObject &data,
        const QString &time = QStringLiteral("2027-01-01T00:00:00.000Z"))
    {
        protocol::Event event;
        event.meeting = 1;
        event.seq = state.seq + 1;
        event.kind = kind;
        event.time = time;
        event.actor = QStringLiteral("admin");
        event.data = data;
        event.prevHash = state.seq ? state.lastHash : protocol::genesisHash();
        event.seal();
        if (!applyCouncil(state, event))
            qFatal("%s does not apply", qPrintable(kind));
        events.push_back(event);
    }
    void organisation(qint64 id, const QString &name)
    {
        apply(QStringLiteral("organisation.added"),
            {{QStringLiteral("organisation"), id}, {QStringLiteral("name"), name},
                {QStringLiteral("kind"), QStringLiteral("department")}});
    }
    void member(qint64 id, const QString &name)
    {
        apply(QStringLiteral("member.added"),
            {{QStringLiteral("member"), id}, {QStringLiteral("name"), name},
                {QStringLiteral("group"), QString()}, {QStringLiteral("seat"), QString()},
                {QStringLiteral("weight"), 1}, {QStringLiteral("title"), QString()}});
    }
    // A task whose deadline is `days` after kNow (negative: overdue).
    qint64 task(const QString &kind, qint64 owner, double days, qint64 meeting = 0)
    {
        const qint64 id = state.nextTaskId();
        QJsonObject data {{QStringLiteral("task"), id},
            {QStringLiteral("title"), QStringLiteral("Nhiệm vụ %1").arg(id)},
            {QStringLiteral("owner"),
                QJsonObject {{QStringLiteral("kind"), kind}, {QStringLiteral("id"), owner}}},
            {QStringLiteral("deadline"), formatInstant(kNow.addSecs(qint64(days * 86400)))}};
        if (meeting)
            data.insert(
                QStringLiteral("origin"), QJsonObject {{QStringLiteral("meeting"), meeting}});
        apply(QStringLiteral("task.created"), data);
        return id;
    }
    void status(qint64 task, const QString &from, const QString &to, const QString &time)
    {
        apply(QStringLiteral("task.statusChanged"),
            {{QStringLiteral("task"), task}, {QStringLiteral("from"), from},
                {QStringLiteral("to"), to}},
            time);
    }

    CouncilState state;
    std::vector<protocol::Event> events;
};

// "organisation:3" per owner, "17:overdue" per task, in board order.
QStringList boardOrder(const QJsonObject &board)
{
    QStringList order;
    for (const QJsonValue &owner : board.value(QLatin1String("owners")).toArray()) {
        const QJsonObject object = owner.toObject();
        order << object.value(QLatin1String("name")).toString();
        for (const QJsonValue &task : object.value(QLatin1String("tasks")).toArray())
            order << QStringLiteral("%1:%2")
                         .arg(task.toObject().value(QLatin1String("task")).toInteger())
                         .arg(task.toObject().value(QLatin1String("colour")).toString());
    }
    return order;
}

} // namespace

class TestCouncilCore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void conclusionsAreNumberedAndNeverReused()
    {
        Harness h = meetingWith(3, 3);
        const qint64 item = h.ok(QStringLiteral("agenda.add"),
                                 {{QStringLiteral("title"), QStringLiteral("Ngân sách 2027")}})
                                .result.value(QLatin1String("item"))
                                .toInteger();
        auto add = [&](const QString &text) {
            return h.run(QStringLiteral("conclusion.add"),
                {{QStringLiteral("item"), item}, {QStringLiteral("text"), text}});
        };
        auto first = add(QStringLiteral("Giao Sở Tài chính rà soát dự toán"));
        QVERIFY(first);
        QCOMPARE(first->result.value(QLatin1String("number")).toInteger(), 1);
        QCOMPARE(
            add(QStringLiteral("Thứ hai"))->result.value(QLatin1String("number")).toInteger(), 2);
        QVERIFY(h.run(QStringLiteral("conclusion.remove"), {{QStringLiteral("conclusion"), 2}}));
        // The number of a withdrawn conclusion stays taken.
        QCOMPARE(
            add(QStringLiteral("Thứ ba"))->result.value(QLatin1String("number")).toInteger(), 3);
        QVERIFY(h.state.conclusion(2)->removed);
        QCOMPARE(h.run(QStringLiteral("conclusion.remove"), {{QStringLiteral("conclusion"), 2}})
                     .error()
                     .code,
            ErrorCode::NotFound);
        QVERIFY(h.run(QStringLiteral("conclusion.update"),
            {{QStringLiteral("conclusion"), 1}, {QStringLiteral("text"), QStringLiteral("Sửa")}}));
        QCOMPARE(h.state.conclusion(1)->text, QStringLiteral("Sửa"));
        // Unchanged text: success that writes nothing.
        auto same = h.run(QStringLiteral("conclusion.update"),
            {{QStringLiteral("conclusion"), 1}, {QStringLiteral("text"), QStringLiteral("Sửa")}});
        QVERIFY(same);
        QVERIFY(same->events.empty());
        // A conclusion on an item the meeting does not have.
        auto badItem = h.run(QStringLiteral("conclusion.add"),
            {{QStringLiteral("item"), 999}, {QStringLiteral("text"), QStringLiteral("X")}});
        QCOMPARE(badItem.error().code, ErrorCode::NotFound);
        QCOMPARE(badItem.error().field, QStringLiteral("item"));
        // The snapshot carries them, and a client rebuilds them from it.
        auto back = MeetingState::fromJson(h.state.toJson());
        QVERIFY(back);
        QCOMPARE(back->toJson(), h.state.toJson());
    }

    void aConclusionRestsOnlyOnAPassedPublishedPoll()
    {
        Harness h = meetingWith(3, 3);
        const qint64 item = h.ok(QStringLiteral("agenda.add"),
                                 {{QStringLiteral("title"), QStringLiteral("Nghị quyết")}})
                                .result.value(QLatin1String("item"))
                                .toInteger();
        const qint64 passed = publishedPoll(h, item, QStringLiteral("yes"));
        const qint64 failed = publishedPoll(h, item, QStringLiteral("no"));
        const qint64 draft = h.ok(QStringLiteral("poll.create"),
                                  {{QStringLiteral("title"), QStringLiteral("Nháp")},
                                      {QStringLiteral("rule"),
                                          QJsonObject {{QStringLiteral("preset"),
                                              QStringLiteral("simple-majority")}}}})
                                 .result.value(QLatin1String("poll"))
                                 .toInteger();
        auto withPoll = [&](qint64 poll) {
            return h.run(QStringLiteral("conclusion.add"),
                {{QStringLiteral("item"), item}, {QStringLiteral("text"), QStringLiteral("KL")},
                    {QStringLiteral("poll"), poll}});
        };
        QCOMPARE(withPoll(draft).error().code, ErrorCode::Conflict);
        QCOMPARE(withPoll(failed).error().code, ErrorCode::Conflict);
        QCOMPARE(withPoll(4242).error().code, ErrorCode::NotFound);
        QCOMPARE(h.state.conclusions.size(), std::size_t(0));
        auto resolution = withPoll(passed);
        QVERIFY2(resolution, resolution ? "" : qPrintable(resolution.error().message));
        QCOMPARE(h.state.conclusion(1)->poll, passed);
        // Updating to a failed poll is refused too; null takes the resolution away.
        QCOMPARE(h.run(QStringLiteral("conclusion.update"),
                      {{QStringLiteral("conclusion"), 1}, {QStringLiteral("poll"), failed}})
                     .error()
                     .code,
            ErrorCode::Conflict);
        QVERIFY(h.run(QStringLiteral("conclusion.update"),
            {{QStringLiteral("conclusion"), 1}, {QStringLiteral("poll"), QJsonValue()}}));
        QCOMPARE(h.state.conclusion(1)->poll, 0);
    }

    void screenShowsTheBoardOnlyForACouncil()
    {
        Harness h = meetingWith(1);
        QCOMPARE(h.run(QStringLiteral("screen.show"),
                      {{QStringLiteral("view"), QStringLiteral("board")}})
                     .error()
                     .code,
            ErrorCode::Conflict);
        DecisionContext context;
        context.council = 3;
        QVERIFY(h.run(QStringLiteral("screen.show"),
            {{QStringLiteral("view"), QStringLiteral("board")}}, context));
        QCOMPARE(h.state.screenView, QStringLiteral("board"));
        QVERIFY(h.run(QStringLiteral("screen.show"),
                     {{QStringLiteral("view"), QStringLiteral("board")}}, context)
                    ->events.empty());
    }

    void councilEventsReplayToTheSameState()
    {
        CouncilBuilder b;
        b.organisation(1, QStringLiteral("Sở Tài chính"));
        b.member(1, QStringLiteral("Nguyễn Văn An"));
        const qint64 task = b.task(QStringLiteral("organisation"), 1, 5);
        b.status(task, QStringLiteral("open"), QStringLiteral("inProgress"),
            QStringLiteral("2027-01-02T00:00:00.000Z"));
        b.apply(QStringLiteral("meeting.linked"),
            {{QStringLiteral("meeting"), 4},
                {QStringLiteral("delegates"), QJsonObject {{QStringLiteral("7"), 1}}}});
        CouncilState replayed;
        for (const protocol::Event &event : b.events)
            QVERIFY(applyCouncil(replayed, event));
        QCOMPARE(replayed.toJson(), b.state.toJson());
        QCOMPARE(replayed.meetings.at(4).at(7), 1);
        // Out of order, or naming what does not exist: the log is damaged.
        protocol::Event gap = b.events.back();
        gap.seq += 2;
        QVERIFY(!applyCouncil(replayed, gap));
        protocol::Event unknownMember = b.events.back();
        unknownMember.seq = replayed.seq + 1;
        unknownMember.data = {{QStringLiteral("meeting"), 5},
            {QStringLiteral("delegates"), QJsonObject {{QStringLiteral("1"), 99}}}};
        QVERIFY(!applyCouncil(replayed, unknownMember));
        const auto kinds = councilEventKinds();
        QCOMPARE(kinds.size(), std::size_t(13));
    }

    void boardOrdersOwnersAndTasks()
    {
        CouncilBuilder b;
        b.organisation(1, QStringLiteral("Sở Tài chính"));
        b.organisation(2, QStringLiteral("Sở Kế hoạch và Đầu tư"));
        b.organisation(3, QStringLiteral("Ban Kinh tế - Ngân sách"));
        b.member(1, QStringLiteral("Đặng Văn Em"));
        b.member(2, QStringLiteral("Bùi Thị Hoa"));
        // Finance: one overdue; planning: two overdue; committee: one due soon; members on time.
        const qint64 f1 = b.task(QStringLiteral("organisation"), 1, -1, 4);
        const qint64 f2 = b.task(QStringLiteral("organisation"), 1, 20);
        const qint64 f3 = b.task(QStringLiteral("organisation"), 1, 3, 4);
        const qint64 p1 = b.task(QStringLiteral("organisation"), 2, -2);
        const qint64 p2 = b.task(QStringLiteral("organisation"), 2, -10, 4);
        const qint64 c1 = b.task(QStringLiteral("organisation"), 3, 6);
        const qint64 e1 = b.task(QStringLiteral("member"), 1, 30);
        const qint64 h1 = b.task(QStringLiteral("member"), 2, 40);
        const qint64 f4 = b.task(QStringLiteral("organisation"), 1, -5);
        const qint64 f5 = b.task(QStringLiteral("organisation"), 1, 1);
        // f4 done (late work, still grey), f5 cancelled later.
        b.status(f4, QStringLiteral("open"), QStringLiteral("inProgress"),
            QStringLiteral("2027-01-10T00:00:00.000Z"));
        b.status(f4, QStringLiteral("inProgress"), QStringLiteral("done"),
            QStringLiteral("2027-01-11T00:00:00.000Z"));
        b.status(f5, QStringLiteral("open"), QStringLiteral("cancelled"),
            QStringLiteral("2027-01-12T00:00:00.000Z"));

        const QJsonObject board = boardView(b.state, BoardQuery {}, kNow);
        const auto task = [](qint64 id, const char *colour) {
            return QStringLiteral("%1:%2").arg(id).arg(QLatin1String(colour));
        };
        // Most overdue first; then most due soon; then by name in Vietnamese order ("Bùi"
        // before "Đặng": Đ sorts after D).
        QCOMPARE(boardOrder(board),
            (QStringList {QStringLiteral("Sở Kế hoạch và Đầu tư"), task(p2, "overdue"),
                task(p1, "overdue"), QStringLiteral("Sở Tài chính"), task(f1, "overdue"),
                task(f3, "dueSoon"), task(f2, "onTime"), task(f4, "done"), task(f5, "cancelled"),
                QStringLiteral("Ban Kinh tế - Ngân sách"), task(c1, "dueSoon"),
                QStringLiteral("Bùi Thị Hoa"), task(h1, "onTime"), QStringLiteral("Đặng Văn Em"),
                task(e1, "onTime")}));
        const QJsonObject counts = board.value(QLatin1String("counts")).toObject();
        QCOMPARE(counts,
            (QJsonObject {{QStringLiteral("onTime"), 3}, {QStringLiteral("dueSoon"), 2},
                {QStringLiteral("overdue"), 3}, {QStringLiteral("done"), 1},
                {QStringLiteral("cancelled"), 1}, {QStringLiteral("total"), 10}}));
        QCOMPARE(board.value(QLatin1String("now")).toString(),
            QStringLiteral("2027-02-01T03:00:00.000Z"));
        QCOMPARE(board.value(QLatin1String("pages")).toInteger(), 1);

        // Pages of 4 tasks follow the same order; an owner goes on with its whole counts.
        QStringList paged;
        for (int page = 1; page <= 3; ++page) {
            const QJsonObject part
                = boardView(b.state, BoardQuery {0, std::nullopt, {}, page, 4}, kNow);
            QCOMPARE(part.value(QLatin1String("pages")).toInteger(), 3);
            QCOMPARE(part.value(QLatin1String("counts")).toObject(), counts);
            paged << boardOrder(part);
        }
        QStringList whole = boardOrder(board);
        // On pages, a continued owner's name appears again where its page starts.
        QCOMPARE(paged.count(QStringLiteral("Sở Tài chính")), 2);
        paged.removeAt(paged.lastIndexOf(QStringLiteral("Sở Tài chính")));
        QCOMPARE(paged, whole);
        const QJsonObject second = boardView(b.state, BoardQuery {0, std::nullopt, {}, 2, 4}, kNow);
        const QJsonObject continued
            = second.value(QLatin1String("owners")).toArray().first().toObject();
        QCOMPARE(continued.value(QLatin1String("counts"))
                     .toObject()
                     .value(QLatin1String("total"))
                     .toInteger(),
            5);
        QCOMPARE(continued.value(QLatin1String("tasks")).toArray().size(), 3);
        // Out of range pages are the nearest page.
        QCOMPARE(boardView(b.state, BoardQuery {0, std::nullopt, {}, 99, 4}, kNow)
                     .value(QLatin1String("page"))
                     .toInteger(),
            3);
    }

    void boardFilters_data()
    {
        QTest::addColumn<qint64>("origin");
        QTest::addColumn<QString>("ownerKind");
        QTest::addColumn<qint64>("owner");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<qint64>("total");
        QTest::newRow("overdue") << qint64(0) << QString() << qint64(0) << "overdue"
                                 << QStringList {u"Sở Tài chính"_s, u"1:overdue"_s} << qint64(1);
        QTest::newRow("status name")
            << qint64(0) << QString() << qint64(0) << "inProgress"
            << QStringList {u"Sở Tài chính"_s, u"2:dueSoon"_s} << qint64(1);
        QTest::newRow("origin") << qint64(4) << QString() << qint64(0) << QString()
                                << QStringList {u"Sở Tài chính"_s, u"1:overdue"_s,
                                       u"Nguyễn Văn An"_s, u"3:onTime"_s}
                                << qint64(2);
        QTest::newRow("owner") << qint64(0) << "member" << qint64(1) << QString()
                               << QStringList {u"Nguyễn Văn An"_s, u"3:onTime"_s} << qint64(1);
        QTest::newRow("owner kind matters")
            << qint64(0) << "organisation" << qint64(2) << QString() << QStringList {} << qint64(0);
        QTest::newRow("nothing matches")
            << qint64(0) << QString() << qint64(0) << "cancelled" << QStringList {} << qint64(0);
        QTest::newRow("unknown status")
            << qint64(0) << QString() << qint64(0) << "late" << QStringList {} << qint64(0);
    }

    void boardFilters()
    {
        QFETCH(qint64, origin);
        QFETCH(QString, ownerKind);
        QFETCH(qint64, owner);
        QFETCH(QString, status);
        QFETCH(QStringList, expected);
        QFETCH(qint64, total);
        CouncilBuilder b;
        b.organisation(1, QStringLiteral("Sở Tài chính"));
        b.member(1, QStringLiteral("Nguyễn Văn An"));
        b.member(2, QStringLiteral("Trần Thị Bình"));
        b.task(QStringLiteral("organisation"), 1, -1, 4);
        const qint64 second = b.task(QStringLiteral("organisation"), 1, 2);
        b.status(second, QStringLiteral("open"), QStringLiteral("inProgress"),
            QStringLiteral("2027-01-05T00:00:00.000Z"));
        b.task(QStringLiteral("member"), 1, 30, 4);
        b.task(QStringLiteral("member"), 2, 30, 5);
        BoardQuery query;
        query.originMeeting = origin;
        if (!ownerKind.isEmpty())
            query.owner = TaskOwner {*ownerKindFromName(ownerKind), owner};
        query.status = status;
        const QJsonObject board = boardView(b.state, query, kNow);
        QCOMPARE(boardOrder(board), expected);
        QCOMPARE(board.value(QLatin1String("counts"))
                     .toObject()
                     .value(QLatin1String("total"))
                     .toInteger(),
            total);
        // The choices do not depend on the filter.
        const QJsonObject filters = board.value(QLatin1String("filters")).toObject();
        QCOMPARE(filters.value(QLatin1String("owners")).toArray().size(), 3);
    }
};

int runCouncilCoreTests(int argc, char **argv)
{
    TestCouncilCore tests;
    return QTest::qExec(&tests, argc, argv);
}

#include "test_council_core.moc"
