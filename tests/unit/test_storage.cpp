// SQLite storage: durability settings, migrations from every version, refusal of newer or
// foreign databases, the append-only guard, chain verification over the real file, and the
// secret ballots rewritten in key order with the write-ahead log discarded.
#include "storage/ballotstore.h"
#include "storage/eventstore.h"
#include "storage/migrations.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace chamber;
using namespace chamber::storage;

namespace {

PendingEvent pending(qint64 meeting, const QString &kind, QJsonObject data = {})
{
    return PendingEvent {meeting, kind, QStringLiteral("admin"),
        QStringLiteral("2026-12-08T08:00:00.000Z"), std::move(data)};
}

qint64 integer(Database &db, const QByteArray &sql)
{
    auto value = db.queryInteger(sql);
    if (!value)
        qFatal("%s: %s", sql.constData(), qPrintable(value.error().message));
    return value.value();
}

// Writes rows the way a server of schema `version` would have, to migrate from there.
void writeDataOfVersion(Database &db, int version)
{
    if (version >= 1) {
        protocol::Event event;
        event.meeting = 1;
        event.seq = 1;
        event.kind = QStringLiteral("meeting.created");
        event.time = QStringLiteral("2026-01-01T00:00:00.000Z");
        event.actor = QStringLiteral("admin");
        event.data = {{QStringLiteral("title"), QStringLiteral("Kỳ họp cũ")}};
        event.prevHash = protocol::genesisHash();
        event.seal();
        auto insert = db.prepare("INSERT INTO events VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        QVERIFY(insert);
        insert->bind(1, event.meeting).bind(2, event.seq).bind(3, event.kind).bind(4, event.time);
        insert->bind(5, event.actor)
            .bindText(6, QJsonDocument(event.data).toJson(QJsonDocument::Compact));
        insert->bind(7, event.prevHash).bind(8, event.hash);
        QVERIFY(insert->run());
    }
    if (version >= 3) {
        QVERIFY(
            db.exec("INSERT INTO command_results VALUES ('admin', 'old-1', x'00', '{}', 'then')"));
        // A ballot's answer, as servers before version 8 stored it: with the time it came.
        QVERIFY(db.exec("INSERT INTO command_results VALUES ('device:4', 'k-1', x'01', "
                        "'{\"id\":\"k-1\",\"result\":{\"changed\":false,\"recorded\":true},"
                        "\"type\":\"ok\"}', '2026-01-01T09:00:01.000Z')"));
    }
}

constexpr QLatin1String kOldBallotAnswer(
    R"({"id":"k-1","result":{"changed":false,"recorded":true},"type":"ok"})");

} // namespace

class TestStorage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++m_files)); }

private Q_SLOTS:
    void durabilitySettings()
    {
        auto store = EventStore::open(freshPath());
        QVERIFY(store);
        Database &db = store.value()->database();
        auto mode = db.prepare("PRAGMA journal_mode");
        QVERIFY(mode && mode->next());
        QCOMPARE(mode->text(0), QStringLiteral("wal"));
        QCOMPARE(integer(db, "PRAGMA synchronous"), 2); // FULL
        QCOMPARE(integer(db, "PRAGMA user_version"), latestSchemaVersion());
        QCOMPARE(integer(db, "PRAGMA application_id"), kApplicationId);
    }

    void migratesFromEveryVersion_data()
    {
        QTest::addColumn<int>("from");
        // Every version a database can be at: none, and each migration's but the last (numbers
        // may have gaps while parallel work lands).
        QTest::addRow("from 0") << 0;
        for (const Migration &migration : migrations()) {
            if (migration.version != latestSchemaVersion())
                QTest::addRow("from %d", migration.version) << migration.version;
        }
    }

    void migratesFromEveryVersion()
    {
        QFETCH(int, from);
        const QString path = freshPath();
        {
            auto db = Database::open(path);
            QVERIFY(db);
            QVERIFY(migrate(*db.value(), from));
            QCOMPARE(integer(*db.value(), "PRAGMA user_version"), from);
            writeDataOfVersion(*db.value(), from);
        }
        auto store = EventStore::open(path);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        EventStore &events = *store.value();
        QCOMPARE(integer(events.database(), "PRAGMA user_version"), latestSchemaVersion());
        // What was there survived and still verifies.
        QCOMPARE(events.headSeq(1), from >= 1 ? 1 : 0);
        QVERIFY(events.verify()->ok());
        QCOMPARE(
            events.findCommandResult(QStringLiteral("admin"), QStringLiteral("old-1")).has_value(),
            from >= 3);
        // An old ballot answer still answers its resend, but now without its time.
        const auto ballotAnswer
            = events.findCommandResult(QStringLiteral("device:4"), QStringLiteral("k-1"));
        QCOMPARE(ballotAnswer.has_value(), from >= 3);
        if (from >= 3) {
            QCOMPARE(ballotAnswer->response, QByteArray(kOldBallotAnswer.data()));
            QCOMPARE(ballotAnswer->fingerprint, QByteArray("\x01"));
            QCOMPARE(integer(events.database(),
                         "SELECT count(*) FROM command_results WHERE principal = 'device:4'"),
                0);
            QCOMPARE(integer(events.database(), "SELECT count(*) FROM command_results"), 1);
        }
        // And the migrated database works like a new one, guard included.
        auto committed = events.commit(Batch {{pending(1, QStringLiteral("meeting.updated"))}, {}});
        QVERIFY(committed);
        QCOMPARE(committed->front().seq, from >= 1 ? 2 : 1);
        QVERIFY(!events.database().exec("DELETE FROM events"));
        // Reader links (version 6) are there too, and keep only whole SHA-256 hashes.
        QVERIFY(events.database().exec("INSERT INTO reader_links (meeting, delegate, token_hash, "
                                       "created, created_by, expires) "
                                       "VALUES (1, 1, zeroblob(32), 'now', 'admin', 'later')"));
        QVERIFY(!events.database().exec("INSERT INTO reader_links (meeting, delegate, token_hash, "
                                        "created, created_by, expires) "
                                        "VALUES (1, 1, x'00', 'now', 'admin', 'later')"));
    }

    void newerSchemaIsRefusedAndLeftAlone()
    {
        const QString path = freshPath();
        {
            auto store = EventStore::open(path);
            QVERIFY(store);
            QVERIFY(
                store.value()->commit(Batch {{pending(1, QStringLiteral("meeting.created"))}, {}}));
            QVERIFY(store.value()->database().exec(
                "PRAGMA user_version=" + QByteArray::number(latestSchemaVersion() + 4)));
        }
        auto refused = EventStore::open(path);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QStringLiteral("newer than this chamberd")));
        QVERIFY(refused.error().message.contains(QStringLiteral("nothing was changed")));
        auto db = Database::open(path, Database::Mode::ReadOnly);
        QVERIFY(db);
        QCOMPARE(integer(*db.value(), "PRAGMA user_version"), latestSchemaVersion() + 4);
        QCOMPARE(integer(*db.value(), "SELECT count(*) FROM events"), 1);
    }

    void foreignDatabasesAreRefused()
    {
        const QString other = freshPath();
        {
            auto db = Database::open(other);
            QVERIFY(db.value()->exec("PRAGMA application_id=1234; CREATE TABLE t(x)"));
        }
        auto refused = EventStore::open(other);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QStringLiteral("not a Chamber database")));

        const QString unmarked = freshPath();
        {
            auto db = Database::open(unmarked);
            QVERIFY(db.value()->exec("PRAGMA user_version=2; CREATE TABLE t(x)"));
        }
        QVERIFY(!EventStore::open(unmarked));
    }

    void commitAssignsSequenceAndChain()
    {
        const QString path = freshPath();
        QByteArray head;
        {
            auto store = EventStore::open(path);
            QVERIFY(store);
            auto first = store.value()->commit(
                Batch {{pending(1, QStringLiteral("a")), pending(2, QStringLiteral("b")),
                           pending(1, QStringLiteral("c"))},
                    {}});
            QVERIFY(first);
            QCOMPARE(first->size(), size_t(3));
            QCOMPARE(first->at(0).seq, 1);
            QCOMPARE(first->at(1).seq, 1); // meeting 2 has its own sequence
            QCOMPARE(first->at(2).seq, 2);
            QCOMPARE(first->at(2).prevHash, first->at(0).hash);
            QCOMPARE(first->at(1).prevHash, protocol::genesisHash());
            head = first->at(2).hash;
            QCOMPARE(store.value()->lastMeetingId(), 2);
        }
        // Heads come back from disk.
        auto reopened = EventStore::open(path);
        QVERIFY(reopened);
        QCOMPARE(reopened.value()->headSeq(1), 2);
        QCOMPARE(reopened.value()->headHash(1), head);
        auto events = reopened.value()->events(1, 0);
        QVERIFY(events);
        QCOMPARE(events->size(), size_t(2));
        QCOMPARE(events->back().kind, QStringLiteral("c"));
        QCOMPARE(reopened.value()->events(1, 1, 1)->size(), size_t(1));
    }

    void commandResultsAreStoredWithTheirEvents()
    {
        auto store = EventStore::open(freshPath());
        QVERIFY(store);
        EventStore &events = *store.value();
        const CommandRecord record {QStringLiteral("admin"), QStringLiteral("r1"),
            QByteArray(32, 'f'), QByteArray(R"({"type":"ok","id":"r1"})")};
        QVERIFY(events.commit(Batch {{pending(1, QStringLiteral("a"))}, {record}}));
        auto found = events.findCommandResult(QStringLiteral("admin"), QStringLiteral("r1"));
        QVERIFY(found);
        QCOMPARE(found->response, record.response);
        QCOMPARE(found->fingerprint, record.fingerprint);
        QVERIFY(!events.findCommandResult(QStringLiteral("device:1"), QStringLiteral("r1")));

        // A second record with the same key fails, and takes its events down with it.
        auto duplicate = events.commit(Batch {{pending(1, QStringLiteral("b"))}, {record}});
        QVERIFY(!duplicate);
        QCOMPARE(events.headSeq(1), 1);
        QCOMPARE(integer(events.database(), "SELECT count(*) FROM events"), 1);
        // The cache was not advanced either: the next commit continues at 2.
        QCOMPARE(events.commit(Batch {{pending(1, QStringLiteral("c"))}, {}})->front().seq, 2);
    }

    void eventLogIsAppendOnly()
    {
        auto store = EventStore::open(freshPath());
        QVERIFY(store);
        QVERIFY(store.value()->commit(Batch {{pending(1, QStringLiteral("a"))}, {}}));
        Database &db = store.value()->database();
        const Status update = db.exec("UPDATE events SET kind = 'x'");
        QVERIFY(!update);
        QVERIFY(update.error().message.contains(QStringLiteral("append-only")));
        QVERIFY(!db.exec("DELETE FROM events"));
        QCOMPARE(integer(db, "SELECT count(*) FROM events WHERE kind = 'a'"), 1);
    }

    void verificationFindsTamperingInTheFile()
    {
        const QString path = freshPath();
        {
            auto store = EventStore::open(path);
            QVERIFY(store);
            for (int i = 0; i < 5; ++i)
                QVERIFY(
                    store.value()->commit(Batch {{pending(1, QStringLiteral("attendance.checkedIn"),
                                                     {{QStringLiteral("delegate"), i + 1}})},
                        {}}));
            QVERIFY(store.value()->verify()->ok());
        }
        // An administrator with sqlite3 drops the guard and edits event 3.
        {
            auto db = Database::open(path);
            QVERIFY(db.value()->exec("DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;"
                                     "UPDATE events SET data = '{\"delegate\":42}' WHERE seq = 3"));
        }
        {
            auto store = EventStore::openReadOnly(path);
            QVERIFY(store);
            const auto report = store.value()->verify();
            QVERIFY(report);
            QCOMPARE(report->breaks.size(), size_t(1));
            QCOMPARE(report->breaks[0].kind, protocol::ChainBreak::Kind::Edited);
            QCOMPARE(report->breaks[0].seq, 3);
        }
        // Then deletes event 4 instead.
        {
            auto db = Database::open(path);
            QVERIFY(db.value()->exec("UPDATE events SET data = '{\"delegate\":3}' WHERE seq = 3; "
                                     "DELETE FROM events WHERE seq = 4"));
        }
        auto store = EventStore::openReadOnly(path);
        const auto report = store.value()->verify();
        QCOMPARE(report->breaks.size(), size_t(1));
        QCOMPARE(report->breaks[0].kind, protocol::ChainBreak::Kind::Missing);
        QCOMPARE(report->breaks[0].seq, 5);
    }

    void secretTablesAreRewrittenInKeyOrder()
    {
        auto store = EventStore::open(freshPath());
        QVERIFY(store);
        EventStore &events = *store.value();
        Database &db = events.database();
        BallotStore ballots(db);
        // Voters and ballots written in one order, answers in another: all must survive.
        QVERIFY(db.exec("BEGIN"));
        for (qint64 delegate : {5, 2, 9, 1}) {
            QVERIFY(ballots.addSecretVoter(1, 3, delegate));
            const SecretBallotRow row {1, 3, QByteArray(32, char('a' + delegate)),
                QStringLiteral("R%1").arg(delegate), QStringLiteral("yes"), 1};
            QVERIFY(ballots.addSecretBallot(row));
            QVERIFY(ballots.putAnswer({QStringLiteral("device:%1").arg(delegate),
                QStringLiteral("k-%1").arg(delegate), QByteArray(32, 'f'),
                QByteArray(
                    R"({"id":"x","result":{"changed":false,"recorded":true},"type":"ok"})")}));
        }
        QVERIFY(db.exec("COMMIT"));
        QVERIFY(db.exec("BEGIN"));
        auto rewritten = ballots.rewriteInKeyOrder();
        QVERIFY2(rewritten, qPrintable(rewritten ? QString() : rewritten.error().message));
        QVERIFY(db.exec("COMMIT"));
        QCOMPARE(rewritten.value(), 12);
        QCOMPARE(*ballots.secretVoters(1, 3), (std::vector<qint64> {1, 2, 5, 9}));
        QCOMPARE(ballots.secret(1, 3)->size(), size_t(4));
        QCOMPARE(*ballots.secretChoice(1, 3, QByteArray(32, char('a' + 9))), QStringLiteral("yes"));
        QVERIFY(events.findCommandResult(QStringLiteral("device:2"), QStringLiteral("k-2")));
        // An empty database rewrites nothing and fails nothing.
        auto empty = EventStore::open(freshPath());
        QVERIFY(empty);
        QCOMPARE(*BallotStore(empty.value()->database()).rewriteInKeyOrder(), 0);
    }

    void discardingTheLogLeavesNoFrames()
    {
        const QString path = freshPath();
        auto store = EventStore::open(path);
        QVERIFY(store);
        EventStore &events = *store.value();
        for (int i = 0; i < 20; ++i)
            QVERIFY(events.commit(Batch {{pending(1, QStringLiteral("a"))}, {}}));
        QVERIFY(QFileInfo(path + QStringLiteral("-wal")).size() > 0);
        QVERIFY(events.discardWriteAheadLog());
        // The log and its index are new: nothing of the 20 commits is left in either.
        QCOMPARE(QFileInfo(path + QStringLiteral("-wal")).size(), 0);
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-shm"))
            || QFileInfo(path + QStringLiteral("-shm")).size() == 0);
        {
            auto mode = events.database().prepare("PRAGMA journal_mode");
            QVERIFY(mode && mode->next());
            QCOMPARE(mode->text(0), QStringLiteral("wal"));
        }
        QCOMPARE(integer(events.database(), "SELECT count(*) FROM events"), 20);
        // Still durable and working.
        auto after = events.commit(Batch {{pending(1, QStringLiteral("b"))}, {}});
        QVERIFY2(after, qPrintable(after ? QString() : after.error().message));
        QCOMPARE(events.headSeq(1), 21);

        // A reader beside keeps WAL mode: the log is at least folded in and truncated.
        auto reader = Database::open(path, Database::Mode::ReadOnly);
        QVERIFY(reader);
        QCOMPARE(integer(*reader.value(), "SELECT count(*) FROM events"), 21);
        QVERIFY(events.commit(Batch {{pending(1, QStringLiteral("c"))}, {}}));
        QVERIFY(events.discardWriteAheadLog());
        QCOMPARE(QFileInfo(path + QStringLiteral("-wal")).size(), 0);
        QCOMPARE(integer(*reader.value(), "SELECT count(*) FROM events"), 22);
    }

    void readOnlyOpenRefusesOldSchema()
    {
        const QString path = freshPath();
        {
            auto db = Database::open(path);
            QVERIFY(migrate(*db.value(), 1));
        }
        auto store = EventStore::openReadOnly(path);
        QVERIFY(!store);
        QVERIFY(store.error().message.contains(QStringLiteral("start chamberd once")));
    }
};

QTEST_GUILESS_MAIN(TestStorage)
#include "test_storage.moc"
