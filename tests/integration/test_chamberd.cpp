// chamberd as a process: TLS and private files, REST, two WebSocket clients in step, catching
// up after a disconnect, idempotent resends, bad frames, kill -9, SIGTERM, refused databases.
#include "restcall.h"
#include "serverprocess.h"
#include "storage/eventstore.h"
#include "storage/sqlite.h"
#include "wsclient.h"

#include "childprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace chamber;
using namespace chamber::testing;

namespace {

const QByteArray kMeetingBody
    = R"({"title":"Phiên họp thường kỳ tháng 12","venue":"Phòng họp số 1"})";

QString text(const QJsonObject &object, const char *field)
{
    return object.value(QLatin1String(field)).toString();
}

qint64 number(const QJsonObject &object, const char *field)
{
    return object.value(QLatin1String(field)).toInteger();
}

unsigned fileMode(const QString &path)
{
    struct stat info = {};
    return ::stat(path.toLocal8Bit().constData(), &info) == 0 ? (info.st_mode & 0777) : 0;
}

class Server
{
public:
    explicit Server(QString dataDir = {})
        : process(std::move(dataDir))
    { }
    ServerProcess process;

    RestResponse call(const QByteArray &method, const QString &path, const QByteArray &body = {},
        const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return restCall(method, process.baseUrl() + QStringLiteral("/api/v1") + path, process.pin(),
            process.adminToken(), body, headers);
    }

    qint64 createMeeting()
    {
        return number(call("POST", QStringLiteral("/meetings"), kMeetingBody)
                          .json()
                          .value(QLatin1String("result"))
                          .toObject(),
            "meeting");
    }

    std::unique_ptr<WsClient> client(qint64 subscribeTo = 0, qint64 since = 0)
    {
        auto ws = std::make_unique<WsClient>(process.pin());
        if (!ws->connectAndHello(process.wsUrl(), process.adminToken()))
            return nullptr;
        if (subscribeTo) {
            QJsonObject subscribe {{QStringLiteral("type"), QStringLiteral("subscribe")},
                {QStringLiteral("meeting"), subscribeTo}};
            if (since)
                subscribe.insert(QStringLiteral("since"), since);
            if (text(ws->request(subscribe), "type") != QLatin1String("ok"))
                return nullptr;
        }
        return ws;
    }
};

QJsonObject agendaAdd(qint64 meeting, const QString &title)
{
    return {{QStringLiteral("type"), QStringLiteral("agenda.add")},
        {QStringLiteral("meeting"), meeting}, {QStringLiteral("title"), title}};
}

QList<qint64> seqs(const QList<QJsonObject> &events)
{
    QList<qint64> list;
    for (const QJsonObject &event : events)
        list << number(event, "seq");
    return list;
}

} // namespace

class TestChamberd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsWithTlsAndPrivateFiles()
    {
        Server server;
        QVERIFY2(server.process.start(), server.process.log().constData());
        const QString data = server.process.dataDir();
        QCOMPARE(fileMode(data), 0700u);
        QCOMPARE(fileMode(data + QStringLiteral("/admin.token")), 0600u);
        QCOMPARE(fileMode(data + QStringLiteral("/tls/key.pem")), 0600u);
        QCOMPARE(fileMode(data + QStringLiteral("/chamber.db")), 0600u);
        QVERIFY(server.process.adminToken().size() >= 43);

        const RestResponse health = server.call("GET", QStringLiteral("/health"));
        QCOMPARE(health.status, 200);
        QCOMPARE(text(health.json(), "status"), QStringLiteral("ok"));
        // Health needs no credential; everything else does.
        QCOMPARE(restCall("GET", server.process.baseUrl() + QStringLiteral("/api/v1/health"),
                     server.process.pin())
                     .status,
            200);
        const RestResponse anonymous = restCall("GET",
            server.process.baseUrl() + QStringLiteral("/api/v1/meetings"), server.process.pin());
        QCOMPARE(anonymous.status, 401);
        QCOMPARE(text(anonymous.json(), "code"), QStringLiteral("unauthenticated"));
        QCOMPARE(restCall("GET", server.process.baseUrl() + QStringLiteral("/api/v1/meetings"),
                     server.process.pin(), "not-the-token")
                     .status,
            401);

        // A client pinned to another key refuses the server, even with the right token.
        QCOMPARE(restCall("GET", server.process.baseUrl() + QStringLiteral("/api/v1/health"),
                     QByteArray(32, 'x'))
                     .status,
            0);
        WsClient wrongPin(QByteArray(32, 'x'));
        QVERIFY(!wrongPin.open(server.process.wsUrl(), 3000));
        QVERIFY(wrongPin.pinRejected());

        // Restarting keeps the same key: QR codes printed earlier stay valid.
        const QByteArray pin = server.process.pin();
        QCOMPARE(server.process.terminate(), 0);
        QVERIFY(server.process.start());
        QCOMPARE(server.process.pin(), pin);
        QVERIFY(!server.process.records(QStringLiteral("TLS identity loaded")).isEmpty());
    }

    void restApi()
    {
        Server server;
        QVERIFY(server.process.start());
        const RestResponse created = server.call("POST", QStringLiteral("/meetings"), kMeetingBody);
        QCOMPARE(created.status, 201);
        const qint64 meeting
            = number(created.json().value(QLatin1String("result")).toObject(), "meeting");
        QCOMPARE(meeting, 1);
        const QString base = QStringLiteral("/meetings/%1").arg(meeting);

        for (const char *title : {"Khai mạc", "Báo cáo", "Thảo luận"})
            QCOMPARE(server
                         .call("POST", base + QStringLiteral("/agenda"),
                             QJsonDocument(
                                 QJsonObject {{QStringLiteral("title"), QString::fromUtf8(title)}})
                                 .toJson())
                         .status,
                201);
        QCOMPARE(server.call("POST", base + QStringLiteral("/agenda/3/move"), R"({"position":0})")
                     .status,
            200);
        QCOMPARE(server.call("PUT", base + QStringLiteral("/current-item"), R"({"item":2})").status,
            200);
        const QJsonObject agenda = server.call("GET", base + QStringLiteral("/agenda")).json();
        const QJsonArray items = agenda.value(QLatin1String("agenda")).toArray();
        QCOMPARE(text(items.at(0).toObject(), "title"), QStringLiteral("Thảo luận"));
        QCOMPARE(number(agenda, "currentItem"), 2);

        // A CSV with errors imports nothing and says which lines are wrong.
        const QByteArray badCsv = "name,seat,weight\nNguyễn A,A1,1\nTrần B,A1,1\nLê C,A3,nhiều\n";
        const RestResponse rejected = server.call("POST",
            base + QStringLiteral("/delegates/import"), badCsv, {{"Content-Type", "text/csv"}});
        QCOMPARE(rejected.status, 422);
        const QJsonArray details = rejected.json().value(QLatin1String("details")).toArray();
        QCOMPARE(details.size(), 2);
        QCOMPARE(number(details.at(0).toObject(), "line"), 3);
        QCOMPARE(number(details.at(1).toObject(), "line"), 4);
        QCOMPARE(server.call("GET", base + QStringLiteral("/delegates"))
                     .json()
                     .value(QLatin1String("delegates"))
                     .toArray()
                     .size(),
            0);
        // The preview (?dryRun=1) answers every line's problem in line order and stores nothing.
        const RestResponse preview
            = server.call("POST", base + QStringLiteral("/delegates/import?dryRun=1"), badCsv,
                {{"Content-Type", "text/csv"}});
        QCOMPARE(preview.status, 200);
        QVERIFY(!preview.json().value(QLatin1String("ok")).toBool());
        const QJsonArray problems = preview.json().value(QLatin1String("problems")).toArray();
        QCOMPARE(problems.size(), 2);
        QCOMPARE(number(problems.at(0).toObject(), "line"), 3);
        QCOMPARE(number(problems.at(1).toObject(), "line"), 4);
        const RestResponse cleanPreview
            = server.call("POST", base + QStringLiteral("/delegates/import?dryRun=1"),
                R"({"csv":"name,seat\nNguyễn A,A1\n"})", {{"Content-Type", "application/json"}});
        QCOMPARE(cleanPreview.status, 200);
        QVERIFY(cleanPreview.json().value(QLatin1String("ok")).toBool());
        QCOMPARE(cleanPreview.json().value(QLatin1String("rows")).toArray().size(), 1);
        QCOMPARE(server
                     .call("POST", base + QStringLiteral("/delegates/import?dryRun=1"),
                         R"({"csv":"name\nA\n","extra":1})", {{"Content-Type", "application/json"}})
                     .status,
            400);
        QCOMPARE(server.call("GET", base + QStringLiteral("/delegates"))
                     .json()
                     .value(QLatin1String("delegates"))
                     .toArray()
                     .size(),
            0);
        // Not UTF-8 at all.
        QCOMPARE(server
                     .call("POST", base + QStringLiteral("/delegates/import"), "name\nL\xea\n",
                         {{"Content-Type", "text/csv"}})
                     .status,
            422);

        const QByteArray goodCsv
            = "name,group,seat\nNguyễn A,Tổ 1,A1\nTrần B,Tổ 1,A2\nLê C,Tổ 2,A3\n";
        const RestResponse imported = server.call("POST",
            base + QStringLiteral("/delegates/import"), goodCsv, {{"Content-Type", "text/csv"}});
        QCOMPARE(imported.status, 200);
        QCOMPARE(number(imported.json().value(QLatin1String("result")).toObject(), "imported"), 3);

        QCOMPARE(server.call("POST", base + QStringLiteral("/delegates/1/check-in")).status, 200);
        QCOMPARE(server.call("POST", base + QStringLiteral("/delegates/2/check-in")).status, 200);
        const QJsonObject quorum = server.call("GET", base + QStringLiteral("/quorum")).json();
        QCOMPARE(number(quorum, "present"), 2);
        QCOMPARE(number(quorum, "required"), 2); // more than half of 3
        QVERIFY(quorum.value(QLatin1String("reached")).toBool());
        const QJsonObject attendance
            = server.call("GET", base + QStringLiteral("/attendance")).json();
        QCOMPARE(attendance.value(QLatin1String("present")).toArray().size(), 2);
        QCOMPARE(attendance.value(QLatin1String("absent")).toArray().size(), 1);

        // Idempotency-Key: the resend gets the first answer and changes nothing more.
        const QList<QPair<QByteArray, QByteArray>> key {{"Idempotency-Key", "secretary-42"}};
        const RestResponse first
            = server.call("POST", base + QStringLiteral("/agenda"), R"({"title":"Bế mạc"})", key);
        const RestResponse again
            = server.call("POST", base + QStringLiteral("/agenda"), R"({"title":"Bế mạc"})", key);
        QCOMPARE(first.status, 201);
        QCOMPARE(again.body, first.body);
        QCOMPARE(server.call("GET", base + QStringLiteral("/agenda"))
                     .json()
                     .value(QLatin1String("agenda"))
                     .toArray()
                     .size(),
            4);
        QCOMPARE(server.call("POST", base + QStringLiteral("/agenda"), R"({"title":"Khác"})", key)
                     .status,
            409);

        // Mistakes get clear, typed answers.
        QCOMPARE(
            text(server.call("POST", base + QStringLiteral("/agenda"), R"({"titel":"x"})").json(),
                "field"),
            QStringLiteral("titel"));
        QCOMPARE(
            server.call("POST", base + QStringLiteral("/agenda"), R"({"title":"x","meeting":2})")
                .status,
            400);
        QCOMPARE(server.call("POST", base + QStringLiteral("/agenda"), "{not json").status, 400);
        QCOMPARE(server.call("POST", base + QStringLiteral("/agenda/99/move"), R"({"position":0})")
                     .status,
            404);
        QCOMPARE(server
                     .call("POST", base + QStringLiteral("/agenda/1/move"),
                         R"({"parent":1,"position":0})")
                     .status,
            422);
        QCOMPARE(server.call("GET", QStringLiteral("/meetings/7")).status, 404);
        QCOMPARE(server.call("GET", QStringLiteral("/meetings/01")).status, 404);
        QCOMPARE(server.call("GET", QStringLiteral("/nothing")).status, 404);
        QCOMPARE(server.call("DELETE", QStringLiteral("/meetings")).status, 405);
        QCOMPARE(
            restCall("GET", server.process.baseUrl() + QStringLiteral("/ws"), server.process.pin())
                .status,
            426);
        QCOMPARE(server.call("GET", base + QStringLiteral("/events?since=-1")).status, 400);

        // The export is the log, as JSON Lines, in order.
        const RestResponse events = server.call("GET", base + QStringLiteral("/events?since=3"));
        QCOMPARE(events.status, 200);
        const QList<QByteArray> lines = events.body.trimmed().split('\n');
        QCOMPARE(
            QJsonDocument::fromJson(lines.first()).object().value(QLatin1String("seq")).toInteger(),
            4);
        QCOMPARE(lines.size(), number(server.call("GET", base).json(), "seq") - 3);
    }

    void twoClientsStayInStepAndCatchUp()
    {
        Server server;
        QVERIFY(server.process.start());
        const qint64 meeting = server.createMeeting();
        auto alice = server.client(meeting);
        auto bob = server.client(meeting);
        QVERIFY(alice && bob);
        // Both start from a snapshot at seq 1.
        QCOMPARE(number(alice->waitFor([](const QJsonObject &m) {
            return m.value(QLatin1String("type")) == QLatin1String("snapshot");
        }),
                     "seq"),
            1);

        for (int i = 0; i < 5; ++i)
            QCOMPARE(
                text(alice->request(agendaAdd(meeting, QStringLiteral("Mục %1").arg(i))), "type"),
                QStringLiteral("ok"));
        QCOMPARE(
            server.call("POST", QStringLiteral("/meetings/%1/start").arg(meeting)).status, 200);
        QVERIFY(alice->waitForEvents(6));
        QVERIFY(bob->waitForEvents(6));
        const QList<QJsonObject> aliceEvents = alice->takeEvents();
        const QList<QJsonObject> bobEvents = bob->takeEvents();
        QCOMPARE(aliceEvents, bobEvents);
        QCOMPARE(seqs(aliceEvents), (QList<qint64> {2, 3, 4, 5, 6, 7}));
        // The chain links as the client sees it.
        for (qsizetype i = 1; i < aliceEvents.size(); ++i)
            QCOMPARE(text(aliceEvents[i], "prev"), text(aliceEvents[i - 1], "hash"));

        // Bob drops off; changes go on over both WebSocket and REST.
        const qint64 bobLast = number(bobEvents.last(), "seq");
        bob->abort();
        bob.reset();
        for (int i = 0; i < 3; ++i)
            alice->request(agendaAdd(meeting, QStringLiteral("Thêm %1").arg(i)));
        QCOMPARE(server
                     .call("PUT", QStringLiteral("/meetings/%1/current-item").arg(meeting),
                         R"({"item":2})")
                     .status,
            200);
        QCOMPARE(server
                     .call("POST", QStringLiteral("/meetings/%1/agenda/8/move").arg(meeting),
                         R"({"position":0})")
                     .status,
            200);
        QVERIFY(alice->waitForEvents(5));
        const QList<QJsonObject> missed = alice->takeEvents();

        // Bob comes back with his last seq and gets exactly what he missed, then live events.
        bob = server.client();
        QVERIFY(bob);
        const QJsonObject resumed
            = bob->request({{QStringLiteral("type"), QStringLiteral("subscribe")},
                {QStringLiteral("meeting"), meeting}, {QStringLiteral("since"), bobLast}});
        QCOMPARE(text(resumed.value(QLatin1String("result")).toObject(), "mode"),
            QStringLiteral("replay"));
        QCOMPARE(number(resumed.value(QLatin1String("result")).toObject(), "events"), 5);
        QVERIFY(bob->waitForEvents(5));
        QCOMPARE(bob->takeEvents(), missed);
        alice->request(agendaAdd(meeting, QStringLiteral("Sau cùng")));
        QVERIFY(bob->waitForEvents(1));
        QVERIFY(alice->waitForEvents(1));
        QCOMPARE(bob->takeEvents(), alice->takeEvents());
        QTest::qWait(100);
        QVERIFY(bob->takeEvents().isEmpty()); // nothing twice
    }

    void farBehindGetsASnapshot()
    {
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("chamberd.conf"));
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[sync]\nresume-window = 3\n");
        file.close();
        Server server;
        QVERIFY(server.process.start({QStringLiteral("--config"), config}));
        const qint64 meeting = server.createMeeting();
        auto writer = server.client();
        for (int i = 0; i < 9; ++i)
            writer->request(agendaAdd(meeting, QStringLiteral("Mục %1").arg(i)));
        // seq is now 10.
        struct Case
        {
            qint64 since;
            const char *mode;
            qint64 events;
        };
        for (const Case &c : {Case {2, "snapshot", 0}, Case {7, "replay", 3},
                 Case {10, "replay", 0}, Case {99, "snapshot", 0}}) {
            auto reader = server.client();
            const QJsonObject ok
                = reader->request({{QStringLiteral("type"), QStringLiteral("subscribe")},
                    {QStringLiteral("meeting"), meeting}, {QStringLiteral("since"), c.since}});
            QCOMPARE(text(ok.value(QLatin1String("result")).toObject(), "mode"),
                QString::fromLatin1(c.mode));
            QCOMPARE(number(ok, "seq"), 10);
            if (QLatin1String(c.mode) == QLatin1String("snapshot")) {
                const QJsonObject snapshot = reader->waitFor([](const QJsonObject &m) {
                    return m.value(QLatin1String("type")) == QLatin1String("snapshot");
                });
                QCOMPARE(number(snapshot, "seq"), 10);
                QCOMPARE(snapshot.value(QLatin1String("state"))
                             .toObject()
                             .value(QLatin1String("agenda"))
                             .toArray()
                             .size(),
                    9);
            } else {
                QVERIFY(c.events == 0 || reader->waitForEvents(int(c.events)));
                QCOMPARE(reader->takeEvents().size(), c.events);
            }
        }
    }

    void resendOverWebSocketIsIdempotent()
    {
        Server server;
        QVERIFY(server.process.start());
        const qint64 meeting = server.createMeeting();
        auto chair = server.client(meeting);
        auto watcher = server.client(meeting);
        QJsonObject add = agendaAdd(meeting, QStringLiteral("Biểu quyết"));
        add.insert(QStringLiteral("id"), QStringLiteral("chair-7"));
        const QJsonObject first = chair->request(add);
        // The tablet lost the answer and sends again, even from a new connection.
        auto reconnected = server.client();
        const QJsonObject second = reconnected->request(add);
        QCOMPARE(second, first);
        QCOMPARE(number(first, "seq"), 2);
        QVERIFY(watcher->waitForEvents(1));
        QTest::qWait(150);
        QCOMPARE(watcher->takeEvents().size(), 1);

        add.insert(QStringLiteral("title"), QStringLiteral("Khác"));
        const QJsonObject reused = reconnected->request(add);
        QCOMPARE(text(reused, "code"), QStringLiteral("id_reused"));
    }

    void badFramesGetTypedErrorsAndChangeNothing()
    {
        Server server;
        QVERIFY(server.process.start());
        const qint64 meeting = server.createMeeting();

        WsClient early(server.process.pin());
        QVERIFY(early.open(server.process.wsUrl()));
        QCOMPARE(text(early.request(agendaAdd(meeting, QStringLiteral("x"))), "code"),
            QStringLiteral("unauthenticated"));
        const QJsonObject old = early.request(
            {{QStringLiteral("type"), QStringLiteral("hello")}, {QStringLiteral("protocol"), 2},
                {QStringLiteral("credential"), QString::fromUtf8(server.process.adminToken())}});
        QCOMPARE(text(old, "code"), QStringLiteral("unsupported_version"));

        auto ws = server.client();
        QVERIFY(ws);
        struct Frame
        {
            QString text;
            const char *code;
        };
        const QList<Frame> frames {
            {QStringLiteral("not json"), "bad_json"},
            {QStringLiteral("[1,2]"), "not_an_object"},
            {QStringLiteral(R"({"type":"agenda.add","id":"b1","meeting":1})"), "missing_field"},
            {QStringLiteral(
                 R"({"type":"agenda.add","id":"b2","meeting":1,"title":"x","parent":"1"})"),
                "bad_field"},
            {QStringLiteral(
                 R"({"type":"agenda.add","id":"b3","meeting":1,"title":"x","sneaky":true})"),
                "bad_field"},
            {QStringLiteral(R"({"type":"agenda.add","id":"b4","meeting":9,"title":"x"})"),
                "not_found"},
            {QStringLiteral(R"({"type":"event","id":"b5"})"), "unknown_type"},
            {QStringLiteral(R"({"type":"hello","id":"b6","protocol":1,"credential":"x"})"),
                "conflict"},
        };
        for (const Frame &frame : frames) {
            const qsizetype before = ws->received().size();
            ws->sendText(frame.text);
            const QJsonObject error = ws->waitFor(
                [&](const QJsonObject &m) {
                    return m.value(QLatin1String("type")) == QLatin1String("error");
                },
                10000, before);
            QVERIFY2(!error.isEmpty(), qPrintable(frame.text));
            QCOMPARE(text(error, "code"), QString::fromLatin1(frame.code));
        }
        QCOMPARE(
            number(server.call("GET", QStringLiteral("/meetings/%1").arg(meeting)).json(), "seq"),
            1);
        QVERIFY(ws->isConnected()); // bad input is answered, not punished

        // A wrong credential ends the session.
        WsClient intruder(server.process.pin());
        QVERIFY(!intruder.connectAndHello(server.process.wsUrl(), "guess"));
        QVERIFY(!intruder
                     .waitFor([](const QJsonObject &m) {
                         return m.value(QLatin1String("type")) == QLatin1String("bye");
                     })
                     .isEmpty());
        QVERIFY(QTest::qWaitFor([&] { return !intruder.isConnected(); }, 5000));
    }

    void killNineKeepsStateAndChain()
    {
        Server server;
        QVERIFY(server.process.start({QStringLiteral("--demo")}));
        auto ws = server.client(1);
        // Every acknowledged change must survive: collect the acks, then pull the plug.
        QList<qint64> acknowledged;
        for (int delegate = 1; delegate <= 25; ++delegate) {
            const QJsonObject ok
                = ws->request({{QStringLiteral("type"), QStringLiteral("attendance.checkIn")},
                    {QStringLiteral("meeting"), 1}, {QStringLiteral("delegate"), delegate}});
            QCOMPARE(text(ok, "type"), QStringLiteral("ok"));
            acknowledged << number(ok, "seq");
        }
        const QJsonObject before = server.call("GET", QStringLiteral("/meetings/1")).json();
        server.process.kill();

        Server restarted(server.process.dataDir());
        QVERIFY(restarted.process.start({QStringLiteral("--demo")}));
        const QJsonObject after = restarted.call("GET", QStringLiteral("/meetings/1")).json();
        QCOMPARE(after, before);
        QCOMPARE(number(after, "seq"), acknowledged.last());
        QCOMPARE(number(after.value(QLatin1String("quorum")).toObject(), "present"), 25);

        // The chain is intact and continues where it stopped.
        QProcess verify;
        chamber::testing::dieWithTest(verify);
        verify.start(binaryPath(QStringLiteral("chamberctl")),
            {QStringLiteral("verify"), QStringLiteral("--data"), restarted.process.dataDir()});
        QVERIFY(verify.waitForFinished(20000));
        QCOMPARE(verify.exitCode(), 0);
        QVERIFY(verify.readAllStandardOutput().contains("chain intact"));
        const QList<QByteArray> lastBefore
            = restarted
                  .call("GET",
                      QStringLiteral("/meetings/1/events?since=%1").arg(acknowledged.last() - 1))
                  .body.trimmed()
                  .split('\n');
        QCOMPARE(
            number(
                restarted.call("POST", QStringLiteral("/meetings/1/delegates/30/check-in")).json(),
                "seq"),
            acknowledged.last() + 1);
        const QJsonObject next = QJsonDocument::fromJson(
            restarted
                .call("GET", QStringLiteral("/meetings/1/events?since=%1").arg(acknowledged.last()))
                .body.trimmed())
                                     .object();
        QCOMPARE(
            text(next, "prev"), text(QJsonDocument::fromJson(lastBefore.last()).object(), "hash"));
    }

    void sigtermSaysGoodbye()
    {
        Server server;
        QVERIFY(server.process.start());
        const qint64 meeting = server.createMeeting();
        auto ws = server.client(meeting);
        QCOMPARE(server.process.terminate(), 0);
        const QJsonObject bye = ws->waitFor([](const QJsonObject &m) {
            return m.value(QLatin1String("type")) == QLatin1String("bye");
        });
        QCOMPARE(text(bye, "reason"), QStringLiteral("shutdown"));
        QVERIFY(!server.process.records(QStringLiteral("shutting down")).isEmpty());
        QVERIFY(!server.process.records(QStringLiteral("stopped")).isEmpty());
    }

    void refusesNewerSchema()
    {
        Server server;
        QVERIFY(server.process.start());
        QCOMPARE(server.process.terminate(), 0);
        const QString db = server.process.dataDir() + QStringLiteral("/chamber.db");
        {
            auto database = storage::Database::open(db);
            QVERIFY(database.value()->exec("PRAGMA user_version=99"));
        }
        QVERIFY(!server.process.start({}, 5000));
        QCOMPARE(server.process.waitForExit(), 1);
        QVERIFY(server.process.log().contains("newer than this chamberd understands"));
        auto database = storage::Database::open(db, storage::Database::Mode::ReadOnly);
        QCOMPARE(database.value()->queryInteger("PRAGMA user_version").value(), 99);
    }

    void refusesALogItCannotReplay()
    {
        Server server;
        QVERIFY(server.process.start());
        server.createMeeting();
        QCOMPARE(server.process.terminate(), 0);
        {
            // An intact chain (as a newer server would write it) with an event this one does not
            // know: an edited event would be refused earlier, by the chain check.
            auto store = storage::EventStore::open(
                server.process.dataDir() + QStringLiteral("/chamber.db"));
            QVERIFY(store);
            storage::Batch batch;
            batch.events.push_back(storage::PendingEvent {1, QStringLiteral("meeting.vanished"),
                QStringLiteral("admin"), QStringLiteral("2026-12-08T08:00:00.000Z"), {}});
            QVERIFY(store.value()->commit(batch));
        }
        QVERIFY(!server.process.start({}, 5000));
        QCOMPARE(server.process.waitForExit(), 1);
        QVERIFY(server.process.log().contains("cannot be replayed"));
    }
};

QTEST_GUILESS_MAIN(TestChamberd)
#include "test_chamberd.moc"
