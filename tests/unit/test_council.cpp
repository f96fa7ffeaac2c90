// Councils through the service, on a real (in-memory or temporary) SQLite store, with an
// injected clock: replay, the hash chain, idempotent resends, bad input that writes nothing,
// meetings from the roster, overdue tasks at a given time.
// Pure core parts (conclusions, the board) are in test_council_core.cpp; starting (adoption
// of older databases, the test clock, the demo) in test_council_start.cpp.
#include "core/commands.h"
#include "councilfixture.h"
#include "services/clock.h"
#include "services/councilservice.h"
#include "services/meetingservice.h"
#include "storage/eventstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace chamber;
using chamber::testing::command;
using services::Principal;
using namespace Qt::StringLiterals;
using namespace chamber::testing::council;

int runCouncilCoreTests(int argc, char **argv);
int runCouncilStartTests(int argc, char **argv);

class TestCouncilService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replayRebuildsTheLiveState()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("chamber.db"));
        QJsonObject live;
        std::map<qint64, QJsonObject> liveTasks;
        {
            auto s = Server::open(path);
            const Seeded d = seed(*s);
            const qint64 t1 = addTask(*s, d, QStringLiteral("Báo cáo quyết toán"),
                QStringLiteral("organisation"), d.finance, kStart.addDays(20));
            addTask(*s, d, QStringLiteral("Rà soát dự án"), QStringLiteral("member"), d.an,
                kStart.addDays(3));
            const auto finance = ownerActor(core::TaskOwner::Kind::Organisation, d.finance);
            QVERIFY(isOk(s->council(QStringLiteral("task.setStatus"),
                {{QStringLiteral("council"), d.council}, {QStringLiteral("task"), t1},
                    {QStringLiteral("status"), QStringLiteral("inProgress")}},
                finance)));
            QVERIFY(isOk(s->council(QStringLiteral("task.note"),
                {{QStringLiteral("council"), d.council}, {QStringLiteral("task"), t1},
                    {QStringLiteral("text"), QStringLiteral("Đã hoàn thành 60%.\nCòn lại: …")}},
                finance)));
            QVERIFY(isOk(s->council(QStringLiteral("task.reassign"),
                {{QStringLiteral("council"), d.council}, {QStringLiteral("task"), t1},
                    {QStringLiteral("ownerKind"), QStringLiteral("organisation")},
                    {QStringLiteral("owner"), d.planning}})));
            QVERIFY(isOk(s->council(QStringLiteral("task.setDeadline"),
                {{QStringLiteral("council"), d.council}, {QStringLiteral("task"), t1},
                    {QStringLiteral("deadline"), QStringLiteral("2027-03-01T16:59:59Z")},
                    {QStringLiteral("reason"), QStringLiteral("Chờ số liệu quý IV")}})));
            QVERIFY(isOk(s->council(QStringLiteral("member.leave"),
                {{QStringLiteral("council"), d.council}, {QStringLiteral("member"), d.chi}})));
            QVERIFY(isOk(s->council(QStringLiteral("council.update"),
                {{QStringLiteral("council"), d.council}, {QStringLiteral("amberDays"), 10}})));
            QVERIFY(isOk(s->meeting(QStringLiteral("meeting.create"),
                {{QStringLiteral("title"), QStringLiteral("Kỳ họp thứ 9")},
                    {QStringLiteral("council"), d.council}})));
            const core::CouncilState *state = s->councils->council(d.council);
            live = state->toJson();
            for (const auto &[id, task] : state->tasks)
                liveTasks[id] = core::taskJson(*state, task, kStart);
            QCOMPARE(state->tasks.at(t1).eventSeqs.size(), std::size_t(5));
        }
        auto reopened = Server::open(path);
        const core::CouncilState *replayed = reopened->councils->council(1);
        QVERIFY(replayed);
        QCOMPARE(replayed->toJson(), live);
        QCOMPARE(replayed->tasks.size(), liveTasks.size());
        for (const auto &[id, task] : replayed->tasks)
            QCOMPARE(core::taskJson(*replayed, task, kStart), liveTasks.at(id));
        QCOMPARE(reopened->councils->councilOfMeeting(1), 1);
    }

    void theChainCoversCouncilEvents()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("chamber.db"));
        {
            auto s = Server::open(path);
            const Seeded d = seed(*s);
            auto report = s->councils->verify();
            QVERIFY(report);
            QVERIFY(report->ok());
            QCOMPARE(report->events, s->seq(d.council));
            // The same chain as a meeting's: prev links and hashes of the same canonical bytes.
            auto events = s->councils->eventsAfter(d.council, 0);
            QVERIFY(events);
            QCOMPARE(events->front().prevHash, protocol::genesisHash());
            for (std::size_t i = 1; i < events->size(); ++i)
                QCOMPARE(events->at(i).prevHash, events->at(i - 1).hash);
            // The log is append-only like the meetings'.
            QVERIFY(
                !s->store->database().exec("UPDATE council_events SET actor = 'x' WHERE seq = 2"));
            // Rewritten behind the server's back (the trigger dropped first).
            QVERIFY(s->store->database().exec("DROP TRIGGER council_events_no_update"));
            QVERIFY(s->store->database().exec(
                "UPDATE council_events SET data = json_set(data, '$.name', 'Người khác') "
                "WHERE seq = 2"));
            auto broken = s->councils->verify();
            QVERIFY(broken);
            QVERIFY(!broken->ok());
            QCOMPARE(broken->breaks.front().seq, 2);
        }
        // And a server does not start on it.
        auto store = storage::EventStore::open(path);
        QVERIFY(store);
        services::ManualClock clock(kStart);
        services::MeetingService meetings(*store.value());
        services::CouncilService councils(*store.value(), meetings, clock);
        QVERIFY(meetings.load());
        const Status loaded = councils.load();
        QVERIFY(!loaded);
        QVERIFY(loaded.error().message.contains(QLatin1String("hash chain")));
    }

    void aResendGetsTheSameAnswer()
    {
        auto s = Server::open();
        const Seeded d = seed(*s);
        QJsonObject fields {{QStringLiteral("id"), QStringLiteral("resend-1")},
            {QStringLiteral("council"), d.council},
            {QStringLiteral("title"), QStringLiteral("Báo cáo")},
            {QStringLiteral("ownerKind"), QStringLiteral("organisation")},
            {QStringLiteral("owner"), d.finance},
            {QStringLiteral("deadline"), core::formatInstant(kStart.addDays(10))}};
        const QJsonObject first = s->council(QStringLiteral("task.create"), fields);
        QVERIFY2(isOk(first), qPrintable(dump(first)));
        const qint64 seq = s->seq(d.council);
        // Later, after the clock moved and the deadline would be refused, the answer stands.
        s->clock.advance(30 * 86400);
        QCOMPARE(s->council(QStringLiteral("task.create"), fields), first);
        QCOMPARE(s->seq(d.council), seq);
        QCOMPARE(s->councils->council(d.council)->tasks.size(), std::size_t(1));
        // Even after a restart.
        s->start();
        QCOMPARE(s->council(QStringLiteral("task.create"), fields), first);
        fields.insert(QStringLiteral("title"), QStringLiteral("Khác"));
        QCOMPARE(
            codeOf(s->council(QStringLiteral("task.create"), fields)), QStringLiteral("id_reused"));
        QCOMPARE(s->seq(d.council), seq);
    }

    void badInputIsRefusedAndWritesNothing_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QJsonObject>("fields");
        QTest::addColumn<QString>("actor"); // secretary, finance, planning, nobody
        QTest::addColumn<QString>("code");
        // Fixed ids of seed(): council 1, members 1..3 (3 left), organisations 1 (finance) and
        // 2 (planning); task 1 of finance (open), task 2 of finance (done).
        const auto task = [](QJsonObject extra) {
            extra.insert(QStringLiteral("council"), 1);
            return extra;
        };
        const QString future = core::formatInstant(kStart.addDays(5));
        QTest::newRow("deadline in the past")
            << "task.create"
            << task({{u"title"_s, u"X"_s}, {u"ownerKind"_s, u"organisation"_s}, {u"owner"_s, 1},
                   {u"deadline"_s, core::formatInstant(kStart.addSecs(-1))}})
            << "secretary"
            << "bad_field";
        QTest::newRow("deadline now")
            << "task.create"
            << task({{u"title"_s, u"X"_s}, {u"ownerKind"_s, u"organisation"_s}, {u"owner"_s, 1},
                   {u"deadline"_s, core::formatInstant(kStart)}})
            << "secretary"
            << "bad_field";
        QTest::newRow("deadline without offset")
            << "task.create"
            << task({{u"title"_s, u"X"_s}, {u"ownerKind"_s, u"organisation"_s}, {u"owner"_s, 1},
                   {u"deadline"_s, u"2027-02-01T10:00:00"_s}})
            << "secretary"
            << "bad_field";
        QTest::newRow("unknown organisation")
            << "task.create"
            << task({{u"title"_s, u"X"_s}, {u"ownerKind"_s, u"organisation"_s}, {u"owner"_s, 9},
                   {u"deadline"_s, future}})
            << "secretary"
            << "not_found";
        QTest::newRow("unknown member")
            << "task.create"
            << task({{u"title"_s, u"X"_s}, {u"ownerKind"_s, u"member"_s}, {u"owner"_s, 9},
                   {u"deadline"_s, future}})
            << "secretary"
            << "not_found";
        QTest::newRow("member who left")
            << "task.create"
            << task({{u"title"_s, u"X"_s}, {u"ownerKind"_s, u"member"_s}, {u"owner"_s, 3},
                   {u"deadline"_s, future}})
            << "secretary"
            << "conflict";
        QTest::newRow("origin meeting of no council")
            << "task.create"
            << task({{u"title"_s, u"X"_s}, {u"ownerKind"_s, u"organisation"_s}, {u"owner"_s, 1},
                   {u"deadline"_s, future}, {u"meeting"_s, 42}})
            << "secretary"
            << "not_found";
        QTest::newRow("owner creates a task")
            << "task.create"
            << task({{u"title"_s, u"X"_s}, {u"ownerKind"_s, u"organisation"_s}, {u"owner"_s, 1},
                   {u"deadline"_s, future}})
            << "finance"
            << "forbidden";
        QTest::newRow("skips inProgress")
            << "task.setStatus" << task({{u"task"_s, 1}, {u"status"_s, u"done"_s}}) << "finance"
            << "conflict";
        QTest::newRow("reverses without reason")
            << "task.setStatus" << task({{u"task"_s, 2}, {u"status"_s, u"open"_s}}) << "secretary"
            << "missing_field";
        QTest::newRow("owner reverses")
            << "task.setStatus"
            << task({{u"task"_s, 2}, {u"status"_s, u"open"_s}, {u"reason"_s, u"Sai"_s}})
            << "finance"
            << "forbidden";
        QTest::newRow("other owner's task")
            << "task.setStatus" << task({{u"task"_s, 1}, {u"status"_s, u"inProgress"_s}})
            << "planning"
            << "forbidden";
        QTest::newRow("other owner's note")
            << "task.note" << task({{u"task"_s, 1}, {u"text"_s, u"Xong"_s}}) << "planning"
            << "forbidden";
        QTest::newRow("nobody's note")
            << "task.note" << task({{u"task"_s, 1}, {u"text"_s, u"Xong"_s}}) << "nobody"
            << "forbidden";
        QTest::newRow("attachment never uploaded")
            << "task.note"
            << task({{u"task"_s, 1}, {u"text"_s, u"Xem tệp"_s},
                   {u"attachment"_s, QString(64, QLatin1Char('a'))}})
            << "finance"
            << "not_found";
        QTest::newRow("owner reassigns")
            << "task.reassign"
            << task({{u"task"_s, 1}, {u"ownerKind"_s, u"organisation"_s}, {u"owner"_s, 2}})
            << "finance"
            << "forbidden";
        QTest::newRow("deadline moved into the past")
            << "task.setDeadline"
            << task({{u"task"_s, 1}, {u"deadline"_s, u"2026-12-31T00:00:00Z"_s},
                   {u"reason"_s, u"Sớm hơn"_s}})
            << "secretary"
            << "bad_field";
        QTest::newRow("unknown task")
            << "task.setStatus" << task({{u"task"_s, 99}, {u"status"_s, u"inProgress"_s}})
            << "secretary"
            << "not_found";
        QTest::newRow("unknown council")
            << "member.add" << QJsonObject {{u"council"_s, 7}, {u"name"_s, u"Ai đó"_s}}
            << "secretary"
            << "not_found";
        QTest::newRow("seat taken")
            << "member.add" << task({{u"name"_s, u"Phạm Dũng"_s}, {u"seat"_s, u"A01"_s}})
            << "secretary"
            << "conflict";
        QTest::newRow("organisation twice")
            << "organisation.add" << task({{u"name"_s, u"Sở Tài chính"_s}}) << "secretary"
            << "conflict";
        QTest::newRow("liaison adds a member")
            << "member.add" << task({{u"name"_s, u"Phạm Dũng"_s}}) << "finance"
            << "forbidden";
        QTest::newRow("unknown member update")
            << "member.update" << task({{u"member"_s, 50}, {u"name"_s, u"X"_s}}) << "secretary"
            << "not_found";
    }

    void badInputIsRefusedAndWritesNothing()
    {
        QFETCH(QString, type);
        QFETCH(QJsonObject, fields);
        QFETCH(QString, actor);
        QFETCH(QString, code);
        auto s = Server::open();
        const Seeded d = seed(*s);
        QVERIFY(isOk(s->council(QStringLiteral("member.leave"),
            {{QStringLiteral("council"), d.council}, {QStringLiteral("member"), d.chi}})));
        QCOMPARE(addTask(*s, d, QStringLiteral("Mở"), QStringLiteral("organisation"), d.finance,
                     kStart.addDays(30)),
            1);
        QCOMPARE(addTask(*s, d, QStringLiteral("Xong"), QStringLiteral("organisation"), d.finance,
                     kStart.addDays(30)),
            2);
        for (const QString &status : {QStringLiteral("inProgress"), QStringLiteral("done")})
            QVERIFY(isOk(s->council(QStringLiteral("task.setStatus"),
                {{QStringLiteral("council"), d.council}, {QStringLiteral("task"), 2},
                    {QStringLiteral("status"), status}})));
        const qint64 seq = s->seq(d.council);
        const QJsonObject before = s->councils->council(d.council)->toJson();

        core::CouncilActor who;
        if (actor == QLatin1String("secretary"))
            who = kSecretary;
        else if (actor == QLatin1String("finance"))
            who = ownerActor(core::TaskOwner::Kind::Organisation, d.finance);
        else if (actor == QLatin1String("planning"))
            who = ownerActor(core::TaskOwner::Kind::Organisation, d.planning);
        const protocol::Message message = command(type, fields);
        const QJsonObject reply = s->councils->execute(Principal::admin(), message, who);
        QCOMPARE(codeOf(reply), code);
        QCOMPARE(s->seq(d.council), seq);
        QCOMPARE(s->councils->council(d.council)->toJson(), before);
        // No answer was stored either: the same request id may be used again.
        QVERIFY(!s->meetings->hasAnswered(Principal::admin(), message.id));
    }

    void theSchemaRefusesWhatNeverReachesTheCouncil_data()
    {
        QTest::addColumn<QJsonObject>("message");
        QTest::addColumn<QString>("field");
        const QString longNote(4001, QLatin1Char('x'));
        QTest::newRow("note over 4000") << QJsonObject {{u"type"_s, u"task.note"_s},
            {u"id"_s, u"a"_s}, {u"council"_s, 1}, {u"task"_s, 1}, {u"text"_s, longNote}}
                                        << "text";
        QTest::newRow("control character in a name") << QJsonObject {{u"type"_s, u"member.add"_s},
            {u"id"_s, u"a"_s}, {u"council"_s, 1}, {u"name"_s, QStringLiteral("Nguyễn\u0007An")}}
                                                     << "name";
        QTest::newRow("bidi override in an organisation")
            << QJsonObject {{u"type"_s, u"organisation.add"_s}, {u"id"_s, u"a"_s},
                   {u"council"_s, 1}, {u"name"_s, QStringLiteral("Sở \u202ETài chính")}}
            << "name";
        QTest::newRow("line break in a title")
            << QJsonObject {{u"type"_s, u"task.create"_s}, {u"id"_s, u"a"_s}, {u"council"_s, 1},
                   {u"title"_s, QStringLiteral("a\nb")}, {u"ownerKind"_s, u"member"_s},
                   {u"owner"_s, 1}, {u"deadline"_s, u"2027-02-01T00:00:00Z"_s}}
            << "title";
        QTest::newRow("reason over 1000") << QJsonObject {{u"type"_s, u"task.setStatus"_s},
            {u"id"_s, u"a"_s}, {u"council"_s, 1}, {u"task"_s, 1}, {u"status"_s, u"open"_s},
            {u"reason"_s, QString(1001, QLatin1Char('r'))}}
                                          << "reason";
        QTest::newRow("unknown status") << QJsonObject {{u"type"_s, u"task.setStatus"_s},
            {u"id"_s, u"a"_s}, {u"council"_s, 1}, {u"task"_s, 1}, {u"status"_s, u"finished"_s}}
                                        << "status";
        QTest::newRow("amberDays 0") << QJsonObject {{u"type"_s, u"council.create"_s},
            {u"id"_s, u"a"_s}, {u"name"_s, u"X"_s}, {u"amberDays"_s, 0}}
                                     << "amberDays";
    }

    void theSchemaRefusesWhatNeverReachesTheCouncil()
    {
        QFETCH(QJsonObject, message);
        QFETCH(QString, field);
        auto parsed = protocol::validateMessage(message, protocol::Direction::ToServer);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, ErrorCode::BadField);
        QCOMPARE(parsed.error().field, field);
    }

    void namesAreKeptInNfc()
    {
        auto s = Server::open();
        const Seeded d = seed(*s);
        // "Nguyễn" typed on a Mac: e + combining circumflex + combining tilde.
        const QString decomposed = QStringLiteral("Nguye\u0302\u0303n Văn Đức");
        QVERIFY(decomposed != decomposed.normalized(QString::NormalizationForm_C));
        const qint64 id = s->ok(QStringLiteral("member.add"),
            {{QStringLiteral("council"), d.council}, {QStringLiteral("name"), decomposed}},
            "member");
        QCOMPARE(s->councils->council(d.council)->member(id)->name,
            decomposed.normalized(QString::NormalizationForm_C));
    }

    void aMeetingTakesItsDelegatesFromTheRoster()
    {
        auto s = Server::open();
        const Seeded d = seed(*s);
        QVERIFY(isOk(s->council(QStringLiteral("member.leave"),
            {{QStringLiteral("council"), d.council}, {QStringLiteral("member"), d.chi}})));
        const QJsonObject created = s->meeting(QStringLiteral("meeting.create"),
            {{QStringLiteral("title"), QStringLiteral("Kỳ họp thứ 9")},
                {QStringLiteral("council"), d.council}});
        QVERIFY2(isOk(created), qPrintable(dump(created)));
        const qint64 m1 = created.value(QLatin1String("result"))
                              .toObject()
                              .value(QLatin1String("meeting"))
                              .toInteger();
        const core::MeetingState *meeting = s->meetings->meeting(m1);
        QCOMPARE(meeting->council, d.council);
        // The council issues its meetings' minutes: its name is in meeting.created (issue 16).
        QCOMPARE(meeting->organisation, s->councils->council(d.council)->name);
        QVERIFY(!meeting->organisation.isEmpty());
        QCOMPARE(meeting->roster.size(), 2); // Chí left
        for (qint64 member : {d.an, d.binh}) {
            const core::Delegate *delegate = meeting->roster.find(member);
            QVERIFY(delegate);
            QCOMPARE(delegate->member, member);
            QCOMPARE(delegate->name, s->councils->council(d.council)->member(member)->name);
            QCOMPARE(s->councils->memberOfDelegate(m1, delegate->id), member);
        }
        QCOMPARE(meeting->roster.find(d.binh)->weight, 2);
        // The delegate.added events carry the member, and the council recorded the link.
        auto events = s->meetings->eventsAfter(m1, 0);
        QVERIFY(events);
        QCOMPARE(events->at(1).kind, QStringLiteral("delegate.added"));
        QCOMPARE(events->at(1).data.value(QLatin1String("member")).toInteger(), d.an);
        auto councilEvents = s->councils->eventsAfter(d.council, 0);
        const protocol::Event &linked = councilEvents->back();
        QCOMPARE(linked.kind, QStringLiteral("meeting.linked"));
        QCOMPARE(linked.data.value(QLatin1String("meeting")).toInteger(), m1);
        QCOMPARE(linked.data.value(QLatin1String("delegates")).toObject(),
            (QJsonObject {{QString::number(d.an), d.an}, {QString::number(d.binh), d.binh}}));
        QCOMPARE(s->councils->councilOfMeeting(m1), d.council);

        // A guest added later is nobody in the council.
        const QJsonObject guest = s->meeting(QStringLiteral("delegate.add"),
            {{QStringLiteral("meeting"), m1}, {QStringLiteral("name"), QStringLiteral("Khách")}});
        QVERIFY(isOk(guest));
        const qint64 guestId = guest.value(QLatin1String("result"))
                                   .toObject()
                                   .value(QLatin1String("delegate"))
                                   .toInteger();
        QVERIFY(guestId > d.binh);
        QCOMPARE(s->meetings->meeting(m1)->roster.find(guestId)->member, 0);
        QCOMPARE(s->councils->memberOfDelegate(m1, guestId), std::nullopt);

        // A second meeting of the council: the same people are the same members.
        const QJsonObject second = s->meeting(QStringLiteral("meeting.create"),
            {{QStringLiteral("title"), QStringLiteral("Kỳ họp thứ 10")},
                {QStringLiteral("council"), d.council}});
        const qint64 m2 = second.value(QLatin1String("result"))
                              .toObject()
                              .value(QLatin1String("meeting"))
                              .toInteger();
        QCOMPARE(s->councils->memberOfDelegate(m2, d.an), d.an);
        QCOMPARE(s->councils->memberOfDelegate(m2, d.binh), d.binh);
        QCOMPARE(s->councils->council(d.council)->meetings.size(), std::size_t(2));

        // An unknown council creates nothing.
        const qint64 before = qint64(s->meetings->meetings().size());
        const QJsonObject unknown = s->meeting(QStringLiteral("meeting.create"),
            {{QStringLiteral("title"), QStringLiteral("X")}, {QStringLiteral("council"), 99}});
        QCOMPARE(codeOf(unknown), QStringLiteral("not_found"));
        QCOMPARE(qint64(s->meetings->meetings().size()), before);
    }

    void overdueTasksAtTheInjectedTime()
    {
        auto s = Server::open();
        const Seeded d = seed(*s);
        const qint64 soon = addTask(*s, d, QStringLiteral("Sớm"), QStringLiteral("organisation"),
            d.finance, kStart.addDays(1));
        const qint64 later = addTask(
            *s, d, QStringLiteral("Muộn"), QStringLiteral("member"), d.an, kStart.addDays(10));
        const qint64 done = addTask(*s, d, QStringLiteral("Đã xong"),
            QStringLiteral("organisation"), d.planning, kStart.addDays(2));
        for (const QString &status : {QStringLiteral("inProgress"), QStringLiteral("done")})
            QVERIFY(isOk(s->council(QStringLiteral("task.setStatus"),
                {{QStringLiteral("council"), d.council}, {QStringLiteral("task"), done},
                    {QStringLiteral("status"), status}})));
        QVERIFY(s->councils->overdueTasks(d.council).empty());
        s->clock.set(kStart.addDays(1)); // the first deadline, to the second: not yet late
        QVERIFY(s->councils->overdueTasks(d.council).empty());
        s->clock.advance(1);
        auto overdue = s->councils->overdueTasks(d.council);
        QCOMPARE(overdue.size(), std::size_t(1));
        QCOMPARE(overdue.front().task, soon);
        QCOMPARE(overdue.front().owner, QStringLiteral("Sở Tài chính"));
        s->clock.set(kStart.addDays(30));
        overdue = s->councils->overdueTasks(d.council);
        QCOMPARE(overdue.size(), std::size_t(2)); // the done one never
        QCOMPARE(overdue.at(0).task, soon);
        QCOMPARE(overdue.at(1).task, later);

        // The agenda item lists exactly these, by the meeting command's decider.
        const QJsonObject created = s->meeting(QStringLiteral("meeting.create"),
            {{QStringLiteral("title"), QStringLiteral("Kỳ họp")},
                {QStringLiteral("council"), d.council}});
        const core::MeetingState *meeting
            = s->meetings->meeting(created.value(QLatin1String("result"))
                                       .toObject()
                                       .value(QLatin1String("meeting"))
                                       .toInteger());
        core::DecisionContext context;
        context.council = d.council;
        context.overdueTasks = overdue;
        auto decision = core::decide(*meeting,
            command(
                QStringLiteral("agenda.addOverdue"), {{QStringLiteral("meeting"), meeting->id}}),
            context);
        QVERIFY(decision);
        const QJsonObject item = decision->events.front().data;
        QCOMPARE(item.value(QLatin1String("title")).toString(),
            QStringLiteral("Xem xét các kết luận quá hạn"));
        const QStringList lines = item.value(QLatin1String("description")).toString().split(u'\n');
        QCOMPARE(lines,
            (QStringList {QStringLiteral("#%1 Sớm — Sở Tài chính — 02/01/2027 08:00").arg(soon),
                QStringLiteral("#%1 Muộn — Nguyễn Văn An — 11/01/2027 08:00").arg(later)}));
        QCOMPARE(
            decision->result.value(QLatin1String("tasks")).toArray(), (QJsonArray {soon, later}));
        // Nothing overdue, or no council: refused.
        context.overdueTasks.clear();
        auto nothing = core::decide(*meeting,
            command(
                QStringLiteral("agenda.addOverdue"), {{QStringLiteral("meeting"), meeting->id}}),
            context);
        QCOMPARE(nothing.error().code, ErrorCode::Conflict);
        const QJsonObject plain = s->meeting(
            QStringLiteral("meeting.create"), {{QStringLiteral("title"), QStringLiteral("Khác")}});
        const core::MeetingState *other = s->meetings->meeting(plain.value(QLatin1String("result"))
                                                                   .toObject()
                                                                   .value(QLatin1String("meeting"))
                                                                   .toInteger());
        context.council = 0;
        context.overdueTasks = overdue;
        auto noCouncil = core::decide(*other,
            command(QStringLiteral("agenda.addOverdue"), {{QStringLiteral("meeting"), other->id}}),
            context);
        QCOMPARE(noCouncil.error().code, ErrorCode::Conflict);
    }

    void aFailedWriteLeavesMeetingAndCouncilAsTheyWere()
    {
        auto s = Server::open();
        const Seeded d = seed(*s);
        const qint64 seq = s->seq(d.council);
        const QJsonObject council = s->councils->council(d.council)->toJson();
        // The disk refuses the council's side: the meeting is not created either.
        QVERIFY(s->store->database().exec("CREATE TRIGGER refuse BEFORE INSERT ON council_events "
                                          "BEGIN SELECT RAISE(ABORT, 'disk says no'); END;"));
        const QJsonObject created = s->meeting(QStringLiteral("meeting.create"),
            {{QStringLiteral("title"), QStringLiteral("Kỳ họp")},
                {QStringLiteral("council"), d.council}});
        QCOMPARE(codeOf(created), QStringLiteral("internal"));
        QVERIFY(s->meetings->meetings().empty());
        QCOMPARE(s->store->lastMeetingId(), 0);
        QCOMPARE(s->seq(d.council), seq);
        // Nor is a council command's answer kept without its events.
        const protocol::Message task = command(QStringLiteral("task.create"),
            {{QStringLiteral("council"), d.council}, {QStringLiteral("title"), QStringLiteral("X")},
                {QStringLiteral("ownerKind"), QStringLiteral("organisation")},
                {QStringLiteral("owner"), d.finance},
                {QStringLiteral("deadline"), core::formatInstant(kStart.addDays(9))}});
        QCOMPARE(codeOf(s->councils->execute(Principal::admin(), task, kSecretary)),
            QStringLiteral("internal"));
        QVERIFY(!s->meetings->hasAnswered(Principal::admin(), task.id));
        QCOMPARE(s->councils->council(d.council)->toJson(), council);
        // Once the disk takes writes again, so does the server, from the same heads.
        QVERIFY(s->store->database().exec("DROP TRIGGER refuse"));
        QVERIFY(isOk(s->councils->execute(Principal::admin(), task, kSecretary)));
        s->start();
        QCOMPARE(s->seq(d.council), seq + 1);
    }

    void boardReadMessagesBecomeQueries()
    {
        const auto query = [](const QJsonObject &fields) {
            return core::boardQueryFromMessage(command(QStringLiteral("board.read"), fields));
        };
        auto full = query({{QStringLiteral("council"), 1}, {QStringLiteral("origin"), 4},
            {QStringLiteral("ownerKind"), QStringLiteral("member")}, {QStringLiteral("owner"), 3},
            {QStringLiteral("status"), QStringLiteral("overdue")}, {QStringLiteral("page"), 2},
            {QStringLiteral("pageSize"), 10}});
        QVERIFY(full);
        QCOMPARE(full->originMeeting, 4);
        QVERIFY(full->owner == (core::TaskOwner {core::TaskOwner::Kind::Member, 3}));
        QCOMPARE(full->status, QStringLiteral("overdue"));
        QCOMPARE(full->page, 2);
        QCOMPARE(full->pageSize, 10);
        auto defaults = query({{QStringLiteral("meeting"), 1}});
        QVERIFY(defaults);
        QCOMPARE(defaults->page, 1);
        QCOMPARE(defaults->pageSize, 50);
        QVERIFY(!defaults->owner);
        QCOMPARE(query({{QStringLiteral("owner"), 3}}).error().field, QStringLiteral("ownerKind"));
        QCOMPARE(query({{QStringLiteral("ownerKind"), QStringLiteral("member")}}).error().field,
            QStringLiteral("owner"));
        // The push that tells screens to refetch is a valid server message.
        QVERIFY(protocol::validateMessage(
            protocol::boardChangedMessage(1, 812), protocol::Direction::ToClient));
    }

    void boardChangedIsAnnounced()
    {
        auto s = Server::open();
        const Seeded d = seed(*s);
        std::vector<std::pair<qint64, qint64>> announced;
        connect(s->councils.get(), &services::CouncilService::boardChanged, this,
            [&](qint64 council, qint64 seq) {
                announced.push_back({council, seq});
            });
        addTask(*s, d, QStringLiteral("Báo cáo"), QStringLiteral("organisation"), d.finance,
            kStart.addDays(10));
        QCOMPARE(announced.size(), std::size_t(1));
        QCOMPARE(announced.back(), std::make_pair(d.council, s->seq(d.council)));
        // A command that changes nothing announces nothing.
        QVERIFY(isOk(s->council(QStringLiteral("council.update"),
            {{QStringLiteral("council"), d.council}, {QStringLiteral("amberDays"), 7}})));
        QCOMPARE(announced.size(), std::size_t(1));
    }
};

int runCouncilServiceTests(int argc, char **argv)
{
    TestCouncilService tests;
    return QTest::qExec(&tests, argc, argv);
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int failed = runCouncilServiceTests(argc, argv);
    failed += runCouncilCoreTests(argc, argv);
    failed += runCouncilStartTests(argc, argv);
    return failed;
}

#include "test_council.moc"
