// chamberd checks its event log's hash chain before serving it: an intact database starts (and
// the next start reads only what follows the checkpoint); an edited event refuses the start,
// naming meeting and event, unless --accept-broken-chain (logged at every start); an edit below
// the checkpoint is found by the full check after start, which stops the server and leaves the
// next start to refuse; a chain rewritten to be consistent again is caught by the signed
// checkpoint, or, with the checkpoints deleted, by a signed result published after the edit.
#include "restcall.h"
#include "serverprocess.h"
#include "storage/eventstore.h"
#include "storage/sqlite.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace chamber;
using namespace chamber::testing;

namespace {

class Server
{
public:
    ServerProcess process;

    RestResponse call(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        return restCall(method, process.baseUrl() + QStringLiteral("/api/v1") + path, process.pin(),
            process.adminToken(), body);
    }

    // A meeting with an agenda: a handful of events.
    void addEvents(int items)
    {
        if (call("GET", QStringLiteral("/meetings/1")).status != 200)
            QCOMPARE(
                call("POST", QStringLiteral("/meetings"), R"({"title":"Kỳ họp thứ 12"})").status,
                201);
        for (int i = 0; i < items; ++i)
            QCOMPARE(call("POST", QStringLiteral("/meetings/1/agenda"),
                         QJsonDocument(QJsonObject {{QStringLiteral("title"),
                                           QStringLiteral("Mục %1").arg(i + 1)}})
                             .toJson())
                         .status,
                201);
    }

    QString database() const { return process.dataDir() + QStringLiteral("/chamber.db"); }

    qint64 head() const
    {
        auto store = storage::EventStore::openReadOnly(database());
        return store ? store.value()->headSeq(1) : -1;
    }

    void sql(const QByteArray &statements) const
    {
        auto db = storage::Database::open(database());
        QVERIFY(db);
        // As an attacker with sqlite3 would: the append-only guard goes first.
        QVERIFY(db.value()->exec("DROP TRIGGER IF EXISTS events_no_update;"
                                 "DROP TRIGGER IF EXISTS events_no_delete;"
            + statements));
    }

    // Edits event `seq` and recomputes every hash from there: a consistent chain again.
    void rewriteFrom(qint64 seq) const
    {
        std::vector<protocol::Event> events
            = storage::EventStore::openReadOnly(database()).value()->events(1, 0).value();
        events[size_t(seq - 1)].actor = QStringLiteral("someone-else");
        for (size_t i = size_t(seq - 1); i < events.size(); ++i) {
            if (i > 0)
                events[i].prevHash = events[i - 1].hash;
            events[i].seal();
        }
        sql("");
        auto db = storage::Database::open(database());
        auto update = db.value()->prepare(
            "UPDATE events SET actor = ?1, prev = ?2, hash = ?3 WHERE meeting = 1 AND seq = ?4");
        for (size_t i = size_t(seq - 1); i < events.size(); ++i) {
            update->bind(1, events[i].actor)
                .bind(2, events[i].prevHash)
                .bind(3, events[i].hash)
                .bind(4, events[i].seq);
            QVERIFY(update->run());
        }
    }

    // Starts, expecting a refusal; returns the log.
    QByteArray refused(const QStringList &arguments = {})
    {
        process.start(arguments, 5000);
        const int code = process.waitForExit();
        const QByteArray log = process.log();
        if (code != 1)
            qWarning("exit code %d", code);
        return code == 1 ? log : QByteArray();
    }

    // Starts and writes checkpoints at the heads (the start check does), then stops.
    bool restart() { return process.start() && process.terminate() == 0; }
};

qint64 field(const QJsonObject &record, const char *name)
{
    return record.value(QLatin1String(name)).toInteger();
}

} // namespace

class TestChainStart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void intactDatabaseStartsFromItsCheckpoint()
    {
        Server server;
        QVERIFY(server.process.start());
        server.addEvents(4);
        QCOMPARE(server.process.terminate(), 0);
        const qint64 head = server.head();
        QCOMPARE(head, 5);

        // No checkpoint covers these events yet: all are read, then a checkpoint is written.
        QVERIFY(server.process.start());
        auto checked = server.process.records(QStringLiteral("event log hash chain checked"));
        QCOMPARE(checked.size(), 1);
        QCOMPARE(field(checked[0], "eventsChecked"), head);
        QCOMPARE(field(checked[0], "eventsBelowCheckpoints"), 0);
        QCOMPARE(field(checked[0], "broken"), 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            !server.process.records(QStringLiteral("full chain check passed")).isEmpty(), 30000);
        QCOMPARE(server.process.terminate(), 0);

        // The next start reads nothing below the checkpoint.
        QVERIFY(server.process.start());
        checked = server.process.records(QStringLiteral("event log hash chain checked"));
        QCOMPARE(field(checked[0], "eventsChecked"), 0);
        QCOMPARE(field(checked[0], "eventsBelowCheckpoints"), head);
        QVERIFY(server.process.records(QStringLiteral("event log hash chain broken")).isEmpty());
        QCOMPARE(server.process.terminate(), 0);
    }

    void editedEventRefusesTheStart()
    {
        Server server;
        QVERIFY(server.process.start());
        server.addEvents(2);
        QCOMPARE(server.process.terminate(), 0);
        QVERIFY(server.restart());
        const qint64 checkpoint = server.head();
        QVERIFY(server.process.start());
        server.addEvents(3);
        QCOMPARE(server.process.terminate(), 0);
        const qint64 edited = checkpoint + 2;
        server.sql("UPDATE events SET data = replace(data, 'Mục', 'Giả') WHERE seq = "
            + QByteArray::number(edited));
        const qint64 events = server.head();

        const QByteArray log = server.refused();
        QVERIFY2(log.contains(QStringLiteral("refusing to start").toUtf8()), log.constData());
        QVERIFY(log.contains(QStringLiteral("meeting 1, event %1: content does not match its hash")
                                 .arg(edited)
                                 .toUtf8()));
        QVERIFY(server.process.records(QStringLiteral("listening")).isEmpty());
        QCOMPARE(server.head(), events); // nothing appended to the broken chain

        // Told to, it starts and says so, at every start it is told to.
        for (int start = 0; start < 2; ++start) {
            QVERIFY(server.process.start({QStringLiteral("--accept-broken-chain")}));
            QCOMPARE(server.process
                         .records(QStringLiteral(
                             "started with --accept-broken-chain: a broken event log is served as "
                             "it is"))
                         .size(),
                1);
            const auto broken
                = server.process.records(QStringLiteral("event log hash chain broken"));
            QVERIFY(!broken.isEmpty());
            QCOMPARE(field(broken[0], "seq"), edited);
            QCOMPARE(broken[0].value(QLatin1String("level")).toString(), QStringLiteral("error"));
            QCOMPARE(server.call("GET", QStringLiteral("/meetings/1")).status, 200);
            // The full check finds it too, and does not stop a server told to accept it.
            QTRY_VERIFY_WITH_TIMEOUT(
                server.process.records(QStringLiteral("event log hash chain broken")).size() == 2,
                30000);
            QCOMPARE(server.call("GET", QStringLiteral("/meetings/1")).status, 200);
            QCOMPARE(server.process.terminate(), 0);
        }
        // The flag is for one start only.
        QVERIFY(!server.refused().isEmpty());
    }

    void editBelowTheCheckpointIsFoundByTheFullCheck()
    {
        Server server;
        QVERIFY(server.process.start());
        server.addEvents(3);
        QCOMPARE(server.process.terminate(), 0);
        QVERIFY(server.restart());
        // Event 2's data changed, its hash column left alone: the start check, reading from the
        // checkpoint on, cannot see it.
        server.sql("UPDATE events SET data = replace(data, 'Mục', 'Giả') WHERE seq = 2");
        server.process.start();
        QCOMPARE(server.process.waitForExit(), 1);
        QVERIFY(!server.process.records(QStringLiteral("listening")).isEmpty());
        const auto broken = server.process.records(QStringLiteral("event log hash chain broken"));
        QCOMPARE(broken.size(), 1);
        QCOMPARE(field(broken[0], "seq"), 2);
        QCOMPARE(
            broken[0].value(QLatin1String("foundBy")).toString(), QStringLiteral("full check"));
        QVERIFY(server.process.log().contains("stopping: the event log's hash chain is broken"));

        // The checkpoint is gone, so the next start reads the meeting in full and refuses.
        const QByteArray log = server.refused();
        QVERIFY2(
            log.contains("meeting 1, event 2: content does not match its hash"), log.constData());
    }

    void rewrittenChainIsCaughtByTheSignedCheckpoint()
    {
        Server server;
        QVERIFY(server.process.start());
        server.addEvents(4);
        QCOMPARE(server.process.terminate(), 0);
        QVERIFY(server.restart());
        const qint64 head = server.head();
        server.rewriteFrom(3);
        QVERIFY(storage::EventStore::openReadOnly(server.database()).value()->verify()->ok());
        QByteArray log = server.refused();
        QVERIFY2(log.contains(QStringLiteral("meeting 1, event %1: no longer has the hash it had")
                                  .arg(head)
                                  .toUtf8()),
            log.constData());

        // Moving the checkpoint along without the key does not help.
        std::vector<protocol::Event> events
            = storage::EventStore::openReadOnly(server.database()).value()->events(1, 0).value();
        server.sql("UPDATE chain_checkpoints SET hash = x'" + events.back().hash.toHex() + "'");
        log = server.refused();
        QVERIFY2(log.contains("not signed by this server's key"), log.constData());
    }

    void publishedResultAnchorsTheChainWithoutCheckpoints()
    {
        Server server;
        QVERIFY(server.process.start());
        server.addEvents(2);
        QCOMPARE(server
                     .call("POST", QStringLiteral("/meetings/1/polls"),
                         R"({"title":"Nghị quyết","rule":{"preset":"simple-majority"}})")
                     .status,
            201);
        for (const char *step : {"open", "close", "publish"})
            QCOMPARE(
                server
                    .call("POST", QStringLiteral("/meetings/1/polls/1/%1").arg(QLatin1String(step)))
                    .status,
                200);
        QCOMPARE(server.process.terminate(), 0);
        // History before the published result rewritten, checkpoints deleted.
        server.rewriteFrom(2);
        server.sql("DELETE FROM chain_checkpoints");
        const QByteArray log = server.refused();
        QVERIFY2(log.contains(QStringLiteral("meeting 1, event %1: the result published in this "
                                             "event was signed over another history")
                                  .arg(server.head())
                                  .toUtf8()),
            log.constData());
    }
};

QTEST_GUILESS_MAIN(TestChainStart)
#include "test_chainstart.moc"
