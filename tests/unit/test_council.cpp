// Councils through the service, on a real (in-memory or temporary) SQLite store, with an
// injected clock: replay, the hash chain, idempotent resends, bad input that writes nothing,
// meetings from the roster, overdue tasks at a given time, adoption of older databases.
// Pure core parts (conclusions, the board) are in test_council_core.cpp.
#include "commands.h"
#include "core/commands.h"
#include "core/reducer.h"
#include "services/clock.h"
#include "services/councilservice.h"
#include "services/demoseed.h"
#include "services/meetingservice.h"
#include "storage/councilstore.h"
#include "storage/eventstore.h"
#include "storage/migrations.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace chamber;
using chamber::testing::command;
using services::Principal;
using namespace Qt::StringLiterals;

int runCouncilCoreTests(int argc, char **argv);

namespace {

const QDateTime kStart = QDateTime::fromString(QStringLiteral("2027-01-01T01:00:00Z"), Qt::ISODate);
const core::CouncilActor kSecretary {true, std::nullopt};

core::CouncilActor ownerActor(core::TaskOwner::Kind kind, qint64 id)
{
    return core::CouncilActor {false, core::TaskOwner {kind, id}};
}

QString dump(const QJsonObject &json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

bool isOk(const QJsonObject &reply)
{
    return reply.value(QLatin1String("type")).toString() == QLatin1String("ok");
}

QString codeOf(const QJsonObject &reply)
{
    return reply.value(QLatin1String("code")).toString();
}

// chamberd's storage and services, minus the network.
struct Server
{
    std::unique_ptr<storage::EventStore> store;
    services::ManualClock clock {kStart};
    std::unique_ptr<services::MeetingService> meetings;
    std::unique_ptr<services::CouncilService> councils;

    static std::unique_ptr<Server> open(const QString &path = {})
    {
        auto server = std::make_unique<Server>();
        auto store = path.isEmpty() ? storage::EventStore::openInMemory()
                                    : storage::EventStore::open(path);
        if (!store)
            qFatal("store: %s", qPrintable(store.error().message));
        server->store = std::move(store.value());
        server->start();
        return server;
    }
    void start()
    {
        councils.reset();
        meetings = std::make_unique<services::MeetingService>(*store);
        meetings->setClock([this] { return clock.now(); });
        councils = std::make_unique<services::CouncilService>(*store, *meetings, clock);
        if (auto loaded = meetings->load(); !loaded)
            qFatal("meetings: %s", qPrintable(loaded.error().message));
        if (auto loaded = councils->load(); !loaded)
            qFatal("councils: %s", qPrintable(loaded.error().message));
    }

    QJsonObject council(const QString &type, const QJsonObject &fields,
        const core::CouncilActor &actor = kSecretary,
        const Principal &principal = Principal::admin())
    {
        return councils->execute(principal, command(type, fields), actor);
    }
    QJsonObject meeting(const QString &type, const QJsonObject &fields)
    {
        return meetings->execute(Principal::admin(), command(type, fields));
    }
    // For setup steps that must succeed.
    qint64 ok(const QString &type, const QJsonObject &fields, const char *idField)
    {
        const QJsonObject reply = council(type, fields);
        if (!isOk(reply))
            qFatal("%s failed: %s", qPrintable(type), qPrintable(dump(reply)));
        return reply.value(QLatin1String("result"))
            .toObject()
            .value(QLatin1String(idField))
            .toInteger();
    }
    qint64 seq(qint64 id) const { return councils->council(id) ? councils->council(id)->seq : 0; }
};

// A council of three members (one leaves), two organisations, tasks in every colour at kStart.
struct Seeded
{
    qint64 council = 0;
    qint64 finance = 0, planning = 0;
    qint64 an = 0, binh = 0, chi = 0;
};

Seeded seed(Server &s)
{
    Seeded d;
    d.council = s.ok(QStringLiteral("council.create"),
        {{QStringLiteral("name"), QStringLiteral("HĐND tỉnh Tiền Giang")},
            {QStringLiteral("term"), QStringLiteral("2021–2026")},
            {QStringLiteral("amberDays"), 7}},
        "council");
    const QJsonValue c(d.council);
    d.an = s.ok(QStringLiteral("member.add"),
        {{QStringLiteral("council"), c}, {QStringLiteral("name"), QStringLiteral("Nguyễn Văn An")},
            {QStringLiteral("seat"), QStringLiteral("A01")},
            {QStringLiteral("title"), QStringLiteral("Phó Chủ tịch HĐND tỉnh")}},
        "member");
    d.binh = s.ok(QStringLiteral("member.add"),
        {{QStringLiteral("council"), c}, {QStringLiteral("name"), QStringLiteral("Trần Thị Bình")},
            {QStringLiteral("seat"), QStringLiteral("A02")}, {QStringLiteral("weight"), 2}},
        "member");
    d.chi = s.ok(QStringLiteral("member.add"),
        {{QStringLiteral("council"), c}, {QStringLiteral("name"), QStringLiteral("Lê Văn Chí")},
            {QStringLiteral("seat"), QStringLiteral("A03")}},
        "member");
    d.finance = s.ok(QStringLiteral("organisation.add"),
        {{QStringLiteral("council"), c}, {QStringLiteral("name"), QStringLiteral("Sở Tài chính")}},
        "organisation");
    d.planning = s.ok(QStringLiteral("organisation.add"),
        {{QStringLiteral("council"), c},
            {QStringLiteral("name"), QStringLiteral("Sở Kế hoạch và Đầu tư")},
            {QStringLiteral("kind"), QStringLiteral("agency")}},
        "organisation");
    return d;
}

qint64 addTask(Server &s, const Seeded &d, const QString &title, const QString &ownerKind,
    qint64 owner, const QDateTime &deadline)
{
    return s.ok(QStringLiteral("task.create"),
        {{QStringLiteral("council"), d.council}, {QStringLiteral("title"), title},
            {QStringLiteral("ownerKind"), ownerKind}, {QStringLiteral("owner"), owner},
            {QStringLiteral("deadline"), core::formatInstant(deadline)}},
        "task");
}

// A meeting's log as chamberd wrote it before councils: created, then one delegate per name.
std::vector<protocol::Event> oldMeeting(qint64 id, const QString &title, const QStringList &names)
{
    core::MeetingState state;
    std::vector<protocol::Event> events;
    const auto append = [&](const core::Decision &decision) {
        for (const core::EventDraft &draft : decision.events) {
            protocol::Event event;
            event.meeting = id;
            event.seq = state.seq + 1;
            event.kind = draft.kind;
            event.time = QStringLiteral("2026-06-01T08:00:00.000Z");
            event.actor = QStringLiteral("admin");
            event.data = draft.data;
            event.prevHash = events.empty() ? protocol::genesisHash() : events.back().hash;
            event.seal();
            if (!core::apply(state, event))
                qFatal("old meeting does not apply");
            events.push_back(event);
        }
    };
    append(core::decideCreate(
        id, command(QStringLiteral("meeting.create"), {{QStringLiteral("title"), title}}))
               .value());
    for (int i = 0; i < names.size(); ++i)
        append(core::decide(state,
            command(QStringLiteral("delegate.add"),
                {{QStringLiteral("meeting"), id}, {QStringLiteral("name"), names.at(i)},
                    {QStringLiteral("seat"), QStringLiteral("B%1").arg(i + 1)}}))
                   .value());
    return events;
}

// Writes `events` into a database at schema version 9, the last before councils.
void writeOldDatabase(const QString &path, const std::vector<protocol::Event> &events)
{
    auto db = storage::Database::open(path);
    QVERIFY(db);
    QVERIFY(storage::migrate(*db.value(), 9));
    auto insert = db.value()->prepare(
        "INSERT INTO events (meeting, seq, kind, time, actor, data, prev, hash) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    QVERIFY(insert);
    for (const protocol::Event &event : events) {
        insert->bind(1, event.meeting)
            .bind(2, event.seq)
            .bind(3, event.kind)
            .bind(4, event.time)
            .bind(5, event.actor)
            .bindText(6, QJsonDocument(event.data).toJson(QJsonDocument::Compact))
            .bind(7, event.prevHash)
            .bind(8, event.hash);
        QVERIFY(insert->run());
    }
}

} // namespace

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

    void olderMeetingsBecomeCouncilsOfTheirOwn()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("chamber.db"));
        // Two meetings whose delegates share a name: they must not be merged into one person.
        std::vector<protocol::Event> events = oldMeeting(1, QStringLiteral("Kỳ họp thứ 7"),
            {QStringLiteral("Nguyễn Văn An"), QStringLiteral("Lê Thị Bình")});
        const auto second = oldMeeting(2, QStringLiteral("Kỳ họp thứ 8"),
            {QStringLiteral("Nguyễn Văn An"), QStringLiteral("Phạm Cường"),
                QStringLiteral("Võ Dũng")});
        const auto empty = oldMeeting(3, QStringLiteral("Chưa có đại biểu"), {});
        events.insert(events.end(), second.begin(), second.end());
        events.insert(events.end(), empty.begin(), empty.end());
        writeOldDatabase(path, events);
        if (QTest::currentTestFailed())
            return;

        auto s = Server::open(path);
        QCOMPARE(s->councils->councils().size(), std::size_t(2));
        for (qint64 meeting : {1, 2}) {
            const qint64 councilId = s->councils->councilOfMeeting(meeting);
            QVERIFY(councilId > 0);
            const core::CouncilState *council = s->councils->council(councilId);
            const core::MeetingState *state = s->meetings->meeting(meeting);
            QCOMPARE(council->name, state->title);
            QCOMPARE(qsizetype(council->members.size()), state->roster.size());
            for (const auto &[id, delegate] : state->roster.all()) {
                QCOMPARE(s->councils->memberOfDelegate(meeting, id), id);
                QCOMPARE(council->member(id)->name, delegate.name);
                QCOMPARE(council->member(id)->seat, delegate.seat);
            }
            auto log = s->councils->eventsAfter(councilId, 0);
            QVERIFY(log);
            for (const protocol::Event &event : log.value())
                QCOMPARE(event.actor, QStringLiteral("migration"));
            QCOMPARE(log->back().kind, QStringLiteral("meeting.linked"));
        }
        QVERIFY(s->councils->councilOfMeeting(1) != s->councils->councilOfMeeting(2));
        QCOMPARE(s->councils->councilOfMeeting(3), 0); // no delegates, nobody to adopt
        // A meeting created now, with delegates and without a council, stays without one.
        const QJsonObject created = s->meeting(
            QStringLiteral("meeting.create"), {{QStringLiteral("title"), QStringLiteral("Mới")}});
        QVERIFY(isOk(s->meeting(QStringLiteral("delegate.add"),
            {{QStringLiteral("meeting"), 4}, {QStringLiteral("name"), QStringLiteral("Khách")}})));
        QVERIFY(isOk(created));
        const qint64 seq1 = s->seq(1), seq2 = s->seq(2);

        // The next start adopts nothing again.
        s->start();
        QCOMPARE(s->councils->councils().size(), std::size_t(2));
        QCOMPARE(s->seq(1), seq1);
        QCOMPARE(s->seq(2), seq2);
        QCOMPARE(s->councils->councilOfMeeting(4), 0);
        auto report = s->councils->verify();
        QVERIFY(report && report->ok());
    }

    void coloursPassingAreAnnouncedWhenTheTestClockMoves()
    {
        QTemporaryDir dir;
        const QString clockPath = dir.filePath(QStringLiteral("now"));
        const auto writeClock = [&](const QDateTime &now) {
            QFile file(clockPath + QStringLiteral(".new"));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(core::formatInstant(now).toUtf8() + '\n');
            file.close();
            QFile::remove(clockPath);
            QVERIFY(QFile::rename(clockPath + QStringLiteral(".new"), clockPath));
        };
        writeClock(kStart);
        auto store = storage::EventStore::openInMemory();
        QVERIFY(store);
        services::FileClock clock(clockPath);
        QCOMPARE(clock.now(), kStart);
        services::MeetingService meetings(*store.value());
        services::CouncilService councils(*store.value(), meetings, clock);
        QVERIFY(meetings.load());
        QVERIFY(councils.load());
        councils.watchColourBoundaries(clockPath);
        const auto run = [&](const QString &type, const QJsonObject &fields) {
            return councils.execute(Principal::admin(), command(type, fields), kSecretary);
        };
        QVERIFY(isOk(run(
            QStringLiteral("council.create"), {{QStringLiteral("name"), QStringLiteral("HĐND")}})));
        QVERIFY(isOk(run(QStringLiteral("organisation.add"),
            {{QStringLiteral("council"), 1},
                {QStringLiteral("name"), QStringLiteral("Sở Tài chính")}})));
        QVERIFY(isOk(run(QStringLiteral("task.create"),
            {{QStringLiteral("council"), 1}, {QStringLiteral("title"), QStringLiteral("Báo cáo")},
                {QStringLiteral("ownerKind"), QStringLiteral("organisation")},
                {QStringLiteral("owner"), 1},
                {QStringLiteral("deadline"), core::formatInstant(kStart.addDays(30))}})));
        QSignalSpy changed(&councils, &services::CouncilService::boardChanged);
        // Still green: a clock that moves without crossing a boundary announces nothing...
        writeClock(kStart.addDays(1));
        // ...and one that crosses the amber threshold does, without any command.
        writeClock(kStart.addDays(24));
        QVERIFY(changed.wait(10000));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toLongLong(), 1);
        QCOMPARE(councils.board(1, {})
                     .value(QLatin1String("counts"))
                     .toObject()
                     .value(QLatin1String("dueSoon"))
                     .toInteger(),
            1);
    }

    void theDemoHasEveryColour()
    {
        auto s = Server::open();
        auto seeded = services::seedDemoMeeting(*s->meetings, *s->councils, s->clock.now());
        QVERIFY2(seeded, seeded ? "" : qPrintable(seeded.error().message));
        const qint64 meeting = seeded.value();
        const qint64 council = s->councils->councilOfMeeting(meeting);
        QVERIFY(council > 0);
        const core::CouncilState *state = s->councils->council(council);
        QCOMPARE(state->name, QStringLiteral("HĐND tỉnh Tiền Giang"));
        QCOMPARE(qsizetype(state->members.size()), s->meetings->meeting(meeting)->roster.size());
        QCOMPARE(state->members.size(), std::size_t(40));
        const QJsonObject counts
            = s->councils->board(council, {}).value(QLatin1String("counts")).toObject();
        for (const char *colour : {"onTime", "dueSoon", "overdue", "done", "cancelled"})
            QVERIFY2(counts.value(QLatin1String(colour)).toInteger() > 0, colour);
        QCOMPARE(s->meetings->meeting(meeting)->conclusions.size(), std::size_t(2));
        // Seeding again (or finishing an interrupted seed) adds nothing.
        const qint64 councilSeq = s->seq(council);
        const qint64 meetingSeq = s->meetings->meeting(meeting)->seq;
        s->start();
        auto again
            = services::seedDemoMeeting(*s->meetings, *s->councils, s->clock.now().addDays(3));
        QVERIFY(again);
        QCOMPARE(again.value(), meeting);
        QCOMPARE(s->seq(council), councilSeq);
        QCOMPARE(s->meetings->meeting(meeting)->seq, meetingSeq);
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
    return failed;
}

#include "test_council.moc"
