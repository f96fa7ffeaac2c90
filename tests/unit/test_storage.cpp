// SQLite storage: durability settings, migrations from every version, refusal of newer or
// foreign databases, the append-only guard, chain verification over the real file, and the
// secret ballots rewritten in key order with the write-ahead log discarded, and the check from
// signed checkpoints (what it sees, what only the full check sees).
#include "protocol/ed25519.h"
#include "storage/ballotstore.h"
#include "storage/chaincheck.h"
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
        // A ballot's answer, as servers before version 8 stored it: with the time it came;
        // from version 8 on, without it in ballot_answers.
        if (version < 8)
            QVERIFY(db.exec("INSERT INTO command_results VALUES ('device:4', 'k-1', x'01', "
                            "'{\"id\":\"k-1\",\"result\":{\"changed\":false,\"recorded\":true},"
                            "\"type\":\"ok\"}', '2026-01-01T09:00:01.000Z')"));
        else
            QVERIFY(db.exec("INSERT INTO ballot_answers VALUES ('device:4', 'k-1', x'01', "
                            "'{\"id\":\"k-1\",\"result\":{\"changed\":false,\"recorded\":true},"
                            "\"type\":\"ok\"}')"));
    }
    // Named accounts (version 9) and a session; migration 11 copies both.
    if (version >= 9) {
        // Columns named: from version 11 on the table also has council and organisation.
        QVERIFY(db.exec("INSERT INTO accounts (id, name, name_key, display_name, role, disabled, "
                        "password_hash, created) VALUES (1, 'ThuKy', 'thuky', 'Thư ký', "
                        "'secretary', 0, 'scrypt$1$1$1$AA$AA', 'then')"));
        QVERIFY(db.exec("INSERT INTO account_sessions VALUES (zeroblob(32), 1, 1, 2, 3)"));
    }
}

constexpr QLatin1String kOldBallotAnswer(
    R"({"id":"k-1","result":{"changed":false,"recorded":true},"type":"ok"})");

// Ten events in each of meetings 1 and 2, and a signed checkpoint of meeting 1 at event 6.
Result<protocol::Ed25519Key> writeCheckpointedLog(const QString &path)
{
    auto key = protocol::Ed25519Key::generate();
    if (!key)
        return key.error();
    auto store = EventStore::open(path);
    if (!store)
        return store.error();
    for (int i = 1; i <= 10; ++i) {
        Batch batch;
        for (qint64 meeting : {1, 2})
            batch.events.push_back(pending(meeting, QStringLiteral("attendance.checkedIn"),
                {{QStringLiteral("delegate"), i}}));
        if (auto committed = store.value()->commit(batch); !committed)
            return committed.error();
    }
    auto sixth = store.value()->events(1, 5, 1);
    if (!sixth)
        return sixth.error();
    const protocol::ChainPosition position {6, sixth->front().hash};
    const ChainCheckpoint checkpoint {1, position,
        key->sign(protocol::checkpointSigningBytes(1, position)), QStringLiteral("yesterday")};
    if (auto saved = saveCheckpoints(store.value()->database(), {checkpoint}); !saved)
        return saved.error();
    return key;
}

Result<ChainCheck> checkFile(
    const QString &path, const QByteArray &key, ChainCheckOptions::Scope scope, qint64 chunk = 4)
{
    auto store = EventStore::openReadOnly(path);
    if (!store)
        return store.error();
    ChainCheckOptions options;
    options.scope = scope;
    options.resultKey = key;
    options.chunk = chunk;
    return checkChain(*store.value(), options);
}

void tamper(const QString &path, const QByteArray &sql)
{
    auto db = Database::open(path);
    QVERIFY(db);
    QVERIFY(db.value()->exec("DROP TRIGGER IF EXISTS events_no_update;"
                             "DROP TRIGGER IF EXISTS events_no_delete;"
        + sql));
}

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
        // Accounts (version 9) and their sessions survive; a liaison (version 11) names its
        // council and organisation, and nobody else does.
        if (from >= 9) {
            QCOMPARE(integer(events.database(),
                         "SELECT count(*) FROM accounts a JOIN account_sessions s ON "
                         "s.account = a.id WHERE a.role = 'secretary' AND a.council = 0"),
                1);
        }
        QVERIFY(events.database().exec(
            "INSERT INTO accounts (name, name_key, display_name, role, password_hash, created, "
            "council, organisation) VALUES ('stc', 'stc', 'STC', 'liaison', 'h', 'now', 1, 2)"));
        QVERIFY(!events.database().exec(
            "INSERT INTO accounts (name, name_key, display_name, role, password_hash, created) "
            "VALUES ('stc2', 'stc2', 'STC', 'liaison', 'h', 'now')"));
        QVERIFY(!events.database().exec(
            "INSERT INTO accounts (name, name_key, display_name, role, password_hash, created, "
            "council, organisation) VALUES ('tk2', 'tk2', 'TK', 'secretary', 'h', 'now', 1, 2)"));
        QVERIFY(!events.database().exec(
            "INSERT INTO account_sessions VALUES "
            "(x'0101010101010101010101010101010101010101010101010101010101010101', 99, 1, 2, 3)"));
        // Chain checkpoints (version 7) keep whole hashes and signatures, one per meeting.
        QVERIFY(events.database().exec("INSERT INTO chain_checkpoints VALUES "
                                       "(1, 1, zeroblob(32), zeroblob(64), 'now')"));
        QVERIFY(!events.database().exec("INSERT INTO chain_checkpoints VALUES "
                                        "(2, 1, zeroblob(31), zeroblob(64), 'now')"));
        QVERIFY(!events.database().exec("INSERT INTO chain_checkpoints VALUES "
                                        "(1, 2, zeroblob(32), zeroblob(64), 'now')"));
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

    void checkpointsAreStoredAndDropped()
    {
        auto store = EventStore::open(freshPath());
        QVERIFY(store);
        Database &db = store.value()->database();
        const ChainCheckpoint one {
            1, {3, QByteArray(32, '\x03')}, QByteArray(64, 's'), QStringLiteral("t1")};
        const ChainCheckpoint two {
            2, {9, QByteArray(32, '\x09')}, QByteArray(64, 'u'), QStringLiteral("t2")};
        QVERIFY(saveCheckpoints(db, {one, two}));
        QVERIFY(saveCheckpoints(db,
            {ChainCheckpoint {1, {5, one.position.hash}, one.signature, QStringLiteral("t3")}}));
        auto loaded = loadCheckpoints(db);
        QVERIFY(loaded);
        QCOMPARE(loaded->size(), size_t(2));
        QCOMPARE(loaded->at(0).position.seq, 5);
        QCOMPARE(loaded->at(0).verifiedAt, QStringLiteral("t3"));
        QCOMPARE(loaded->at(1).position, two.position);
        QCOMPARE(loaded->at(1).signature, two.signature);
        QVERIFY(dropCheckpoint(db, 1));
        QCOMPARE(loadCheckpoints(db)->size(), size_t(1));
    }

    void checkFromCheckpointReadsOnlyWhatFollows()
    {
        const QString path = freshPath();
        auto key = writeCheckpointedLog(path);
        QVERIFY2(key, qPrintable(key ? QString() : key.error().message));
        auto check = checkFile(path, key->publicKey(), ChainCheckOptions::Scope::AfterCheckpoints);
        QVERIFY(check);
        QVERIFY(check->report.ok());
        QCOMPARE(check->eventsBelowCheckpoints, 6);
        QCOMPARE(check->report.events, 4 + 10); // meeting 1 after event 6; meeting 2 has none
        QCOMPARE(check->intactHeads.value(1).seq, 10);
        QCOMPARE(check->intactHeads.value(2).seq, 10);
        auto full = checkFile(path, key->publicKey(), ChainCheckOptions::Scope::Everything, 3);
        QVERIFY(full && full->report.ok());
        QCOMPARE(full->report.events, 20);
    }

    void editAfterCheckpointIsCaught()
    {
        const QString path = freshPath();
        auto key = writeCheckpointedLog(path);
        QVERIFY(key);
        tamper(path, "UPDATE events SET data = '{\"delegate\":99}' WHERE meeting = 1 AND seq = 8");
        auto check = checkFile(path, key->publicKey(), ChainCheckOptions::Scope::AfterCheckpoints);
        QVERIFY(check);
        QCOMPARE(check->report.breaks.size(), size_t(1));
        QCOMPARE(check->report.breaks[0].kind, protocol::ChainBreak::Kind::Edited);
        QCOMPARE(check->report.breaks[0].meeting, 1);
        QCOMPARE(check->report.breaks[0].seq, 8);
        QVERIFY(!check->intactHeads.contains(1));
        QVERIFY(check->intactHeads.contains(2));
    }

    void editBelowCheckpointNeedsTheFullCheck()
    {
        // The hash column of event 3 is left as it was: the check from the checkpoint cannot
        // see it (it does not read event 3); reading everything does.
        const QString path = freshPath();
        auto key = writeCheckpointedLog(path);
        QVERIFY(key);
        tamper(path, "UPDATE events SET data = '{\"delegate\":99}' WHERE meeting = 1 AND seq = 3");
        auto fast = checkFile(path, key->publicKey(), ChainCheckOptions::Scope::AfterCheckpoints);
        QVERIFY(fast && fast->report.ok());
        auto full = checkFile(path, key->publicKey(), ChainCheckOptions::Scope::Everything);
        QVERIFY(full);
        QCOMPARE(full->report.breaks.size(), size_t(1));
        QCOMPARE(full->report.breaks[0].kind, protocol::ChainBreak::Kind::Edited);
        QCOMPARE(full->report.breaks[0].seq, 3);
    }

    void rewrittenChainMovesTheCheckpoint()
    {
        // Event 3 edited and every hash after it recomputed: the chain is consistent again,
        // but the checkpointed event 6 has another hash now.
        const QString path = freshPath();
        auto key = writeCheckpointedLog(path);
        QVERIFY(key);
        std::vector<protocol::Event> rewritten
            = EventStore::openReadOnly(path).value()->events(1, 0).value();
        rewritten[2].data.insert(QStringLiteral("delegate"), 99);
        for (size_t i = 2; i < rewritten.size(); ++i) {
            rewritten[i].prevHash = rewritten[i - 1].hash;
            rewritten[i].seal();
        }
        {
            auto db = Database::open(path);
            QVERIFY(db.value()->exec("DROP TRIGGER events_no_update"));
            auto update = db.value()->prepare(
                "UPDATE events SET data = ?1, prev = ?2, hash = ?3 WHERE meeting = 1 AND seq = ?4");
            for (size_t i = 2; i < rewritten.size(); ++i) {
                update->bindText(1, QJsonDocument(rewritten[i].data).toJson(QJsonDocument::Compact))
                    .bind(2, rewritten[i].prevHash)
                    .bind(3, rewritten[i].hash)
                    .bind(4, rewritten[i].seq);
                QVERIFY(update->run());
            }
        }
        auto plain = EventStore::openReadOnly(path).value()->verify();
        QVERIFY(plain && plain->ok()); // the chain alone has no secret: it verifies
        for (auto scope :
            {ChainCheckOptions::Scope::AfterCheckpoints, ChainCheckOptions::Scope::Everything}) {
            auto check = checkFile(path, key->publicKey(), scope);
            QVERIFY(check);
            QCOMPARE(check->report.breaks.size(), size_t(1));
            QCOMPARE(check->report.breaks[0].kind, protocol::ChainBreak::Kind::CheckpointMoved);
            QCOMPARE(check->report.breaks[0].seq, 6);
            QVERIFY(check->report.breaks[0].describe().contains(QStringLiteral("yesterday")));
        }
        // Moving the checkpoint along needs the key: a row signed by another is refused.
        auto forger = protocol::Ed25519Key::generate();
        auto sixth = EventStore::openReadOnly(path).value()->events(1, 5, 1);
        const protocol::ChainPosition moved {6, sixth->front().hash};
        {
            auto store = EventStore::open(path);
            QVERIFY(saveCheckpoints(store.value()->database(),
                {ChainCheckpoint {1, moved,
                    forger->sign(protocol::checkpointSigningBytes(1, moved)),
                    QStringLiteral("now")}}));
        }
        auto check = checkFile(path, key->publicKey(), ChainCheckOptions::Scope::AfterCheckpoints);
        QCOMPARE(check->report.breaks.at(0).kind, protocol::ChainBreak::Kind::CheckpointUnsigned);
    }

    void deletedEventsBehindACheckpointAreCaught()
    {
        const QString path = freshPath();
        auto key = writeCheckpointedLog(path);
        QVERIFY(key);
        tamper(path, "DELETE FROM events WHERE meeting = 1 AND seq >= 5");
        auto check = checkFile(path, key->publicKey(), ChainCheckOptions::Scope::AfterCheckpoints);
        QVERIFY(check);
        QCOMPARE(check->report.breaks.at(0).kind, protocol::ChainBreak::Kind::Truncated);
        QVERIFY(check->report.breaks[0].describe().contains(QStringLiteral("ends at event 4")));
        auto full = checkFile(path, key->publicKey(), ChainCheckOptions::Scope::Everything);
        QCOMPARE(full->report.breaks.at(0).kind, protocol::ChainBreak::Kind::Truncated);
        // A whole meeting gone, with its checkpoint left behind.
        tamper(path, "DELETE FROM events WHERE meeting = 1");
        check = checkFile(path, key->publicKey(), ChainCheckOptions::Scope::AfterCheckpoints);
        QCOMPARE(check->report.breaks.at(0).meeting, 1);
        QCOMPARE(check->report.breaks.at(0).kind, protocol::ChainBreak::Kind::Truncated);
    }

    void cancelledCheckSaysSo()
    {
        const QString path = freshPath();
        auto key = writeCheckpointedLog(path);
        QVERIFY(key);
        auto store = EventStore::openReadOnly(path);
        const std::atomic<bool> cancel {true};
        ChainCheckOptions options;
        options.scope = ChainCheckOptions::Scope::Everything;
        options.cancel = &cancel;
        auto check = checkChain(*store.value(), options);
        QVERIFY(check);
        QVERIFY(check->cancelled);
        QCOMPARE(check->report.events, 0);
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
