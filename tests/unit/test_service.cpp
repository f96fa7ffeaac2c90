// The command path end to end without the network: idempotent resends, reused ids, failures
// that are not remembered, events announced in order, state rebuilt from the log, demo seed.
#include "commands.h"
#include "core/meeting.h"
#include "services/demoseed.h"
#include "services/meetingservice.h"
#include "storage/eventstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace chamber;
using namespace chamber::services;
using chamber::testing::command;

Q_DECLARE_METATYPE(std::vector<chamber::protocol::Event>)

namespace {

QString type(const QJsonObject &reply)
{
    return reply.value(QLatin1String("type")).toString();
}

protocol::Message withId(const QString &id, const QString &kind, QJsonObject fields)
{
    fields.insert(QStringLiteral("id"), id);
    return command(kind, fields);
}

} // namespace

class TestService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<storage::EventStore> m_store;
    std::unique_ptr<MeetingService> m_service;
    const Principal m_admin = Principal::admin();

    void fresh()
    {
        m_service.reset();
        m_store = std::move(storage::EventStore::openInMemory().value());
        m_service = std::make_unique<MeetingService>(*m_store);
        m_service->setClock([] { return QDateTime(QDate(2026, 12, 8), QTime(8, 0), Qt::UTC); });
        QVERIFY(m_service->load());
    }

    qint64 createMeeting()
    {
        const QJsonObject reply = m_service->execute(m_admin,
            command(QStringLiteral("meeting.create"),
                {{QStringLiteral("title"), QStringLiteral("Họp")}}));
        return reply.value(QLatin1String("result"))
            .toObject()
            .value(QLatin1String("meeting"))
            .toInteger();
    }

private Q_SLOTS:
    void init() { fresh(); }

    void resendReturnsTheFirstAnswer()
    {
        const auto create = withId(QStringLiteral("c-1"), QStringLiteral("meeting.create"),
            {{QStringLiteral("title"), QStringLiteral("Họp")}});
        const QJsonObject first = m_service->execute(m_admin, create);
        QCOMPARE(type(first), QStringLiteral("ok"));
        const QJsonObject again = m_service->execute(m_admin, create);
        QCOMPARE(again, first);
        QCOMPARE(m_service->meetings().size(), size_t(1));
        QCOMPARE(m_store->headSeq(1), 1);
    }

    void reusedIdWithAnotherBodyIsRefused()
    {
        const qint64 meeting = createMeeting();
        QCOMPARE(type(m_service->execute(m_admin,
                     withId(QStringLiteral("x"), QStringLiteral("agenda.add"),
                         {{QStringLiteral("meeting"), meeting},
                             {QStringLiteral("title"), QStringLiteral("A")}}))),
            QStringLiteral("ok"));
        const QJsonObject reused = m_service->execute(m_admin,
            withId(QStringLiteral("x"), QStringLiteral("agenda.add"),
                {{QStringLiteral("meeting"), meeting},
                    {QStringLiteral("title"), QStringLiteral("B")}}));
        QCOMPARE(type(reused), QStringLiteral("error"));
        QCOMPARE(reused.value(QLatin1String("code")).toString(), QStringLiteral("id_reused"));
        QCOMPARE(m_service->meeting(meeting)->agenda.size(), 1);
    }

    void requestIdsAreScopedToThePrincipal()
    {
        const qint64 meeting = createMeeting();
        const Principal other {Principal::Kind::Admin, QStringLiteral("admin:second")};
        const auto add = withId(QStringLiteral("same"), QStringLiteral("agenda.add"),
            {{QStringLiteral("meeting"), meeting}, {QStringLiteral("title"), QStringLiteral("A")}});
        QCOMPARE(type(m_service->execute(m_admin, add)), QStringLiteral("ok"));
        QCOMPARE(type(m_service->execute(other, add)), QStringLiteral("ok"));
        QCOMPARE(m_service->meeting(meeting)->agenda.size(), 2);
    }

    void failuresAreNotRemembered()
    {
        const qint64 meeting = createMeeting();
        const auto checkIn = withId(QStringLiteral("ci"), QStringLiteral("attendance.checkIn"),
            {{QStringLiteral("meeting"), meeting}, {QStringLiteral("delegate"), 1}});
        const QJsonObject missing = m_service->execute(m_admin, checkIn);
        QCOMPARE(missing.value(QLatin1String("code")).toString(), QStringLiteral("not_found"));
        // The failure changed nothing and stored nothing: once the delegate exists, the same
        // request succeeds.
        m_service->execute(m_admin,
            command(QStringLiteral("delegate.add"),
                {{QStringLiteral("meeting"), meeting},
                    {QStringLiteral("name"), QStringLiteral("A")}}));
        QCOMPARE(type(m_service->execute(m_admin, checkIn)), QStringLiteral("ok"));
        QVERIFY(m_service->meeting(meeting)->roster.find(1)->present);
    }

    void answeredNoOpIsNotRerun()
    {
        // "check in" answered as unchanged must not check the delegate in again when resent
        // after somebody else checked them out: a resend is the same request, not a new one.
        const qint64 meeting = createMeeting();
        m_service->execute(m_admin,
            command(QStringLiteral("delegate.add"),
                {{QStringLiteral("meeting"), meeting},
                    {QStringLiteral("name"), QStringLiteral("A")}}));
        m_service->execute(m_admin,
            command(QStringLiteral("attendance.checkIn"),
                {{QStringLiteral("meeting"), meeting}, {QStringLiteral("delegate"), 1}}));
        const auto late = withId(QStringLiteral("late"), QStringLiteral("attendance.checkIn"),
            {{QStringLiteral("meeting"), meeting}, {QStringLiteral("delegate"), 1}});
        const QJsonObject unchanged = m_service->execute(m_admin, late);
        QVERIFY(unchanged.value(QLatin1String("result"))
                    .toObject()
                    .value(QLatin1String("unchanged"))
                    .toBool());
        m_service->execute(m_admin,
            command(QStringLiteral("attendance.checkOut"),
                {{QStringLiteral("meeting"), meeting}, {QStringLiteral("delegate"), 1}}));
        QCOMPARE(m_service->execute(m_admin, late), unchanged);
        QVERIFY(!m_service->meeting(meeting)->roster.find(1)->present);
    }

    void eventsAreAnnouncedInOrderAfterCommit()
    {
        qRegisterMetaType<std::vector<protocol::Event>>();
        const qint64 meeting = createMeeting();
        QSignalSpy spy(m_service.get(), &MeetingService::eventsCommitted);
        const QJsonObject reply = m_service->execute(m_admin,
            command(QStringLiteral("delegate.import"),
                {{QStringLiteral("meeting"), meeting},
                    {QStringLiteral("csv"), QStringLiteral("name\nA\nB\nC\n")}}));
        QCOMPARE(reply.value(QLatin1String("seq")).toInteger(), 4);
        QCOMPARE(spy.size(), 1);
        const auto events = spy.at(0).at(1).value<std::vector<protocol::Event>>();
        QCOMPARE(events.size(), size_t(3));
        QCOMPARE(events[0].seq, 2);
        QCOMPARE(events[2].seq, 4);
        QCOMPARE(events[2].time, QStringLiteral("2026-12-08T08:00:00.000Z"));
        QCOMPARE(m_store->headSeq(meeting), 4); // on disk before the signal
    }

    void unknownMeetingAndNonCommands()
    {
        QCOMPARE(m_service
                     ->execute(m_admin,
                         command(QStringLiteral("meeting.start"), {{QStringLiteral("meeting"), 9}}))
                     .value(QLatin1String("code"))
                     .toString(),
            QStringLiteral("not_found"));
        QCOMPARE(m_service->execute(m_admin, command(QStringLiteral("ping")))
                     .value(QLatin1String("code"))
                     .toString(),
            QStringLiteral("unknown_type"));
    }

    void stateIsRebuiltFromTheLog()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("chamber.db"));
        QJsonObject before;
        {
            auto store = storage::EventStore::open(path);
            MeetingService service(*store.value());
            QVERIFY(service.load());
            QVERIFY(seedDemoMeeting(service).value() == 1);
            service.execute(m_admin,
                command(QStringLiteral("attendance.checkIn"),
                    {{QStringLiteral("meeting"), 1}, {QStringLiteral("delegate"), 7}}));
            service.execute(m_admin,
                command(QStringLiteral("agenda.move"),
                    {{QStringLiteral("meeting"), 1}, {QStringLiteral("item"), 5},
                        {QStringLiteral("position"), 0}}));
            service.execute(m_admin,
                command(QStringLiteral("agenda.select"),
                    {{QStringLiteral("meeting"), 1}, {QStringLiteral("item"), 3}}));
            before = service.meeting(1)->toJson();
        }
        auto store = storage::EventStore::open(path);
        MeetingService service(*store.value());
        QVERIFY(service.load());
        QCOMPARE(service.meeting(1)->toJson(), before);
        QCOMPARE(service.meeting(1)->lastHash, store.value()->headHash(1));
    }

    void demoSeed()
    {
        auto seeded = seedDemoMeeting(*m_service);
        QVERIFY2(seeded, qPrintable(seeded ? QString() : seeded.error().message));
        QCOMPARE(seeded.value(), 1);
        const core::MeetingState *demo = m_service->meeting(1);
        QCOMPARE(demo->roster.size(), 40);
        QCOMPARE(demo->agenda.children(core::kRoot).size(), size_t(8));
        QCOMPARE(demo->agenda.size(), 17);
        QCOMPARE(demo->quorum().required, 27); // at least 2/3 of 40
        // Seeding again does nothing.
        const qint64 seq = demo->seq;
        QCOMPARE(seedDemoMeeting(*m_service).value(), 1);
        QCOMPARE(m_service->meeting(1)->seq, seq);
        QCOMPARE(m_service->meetings().size(), size_t(1));
    }

    void snapshotRebuildsTheSameState()
    {
        // A kiosk that starts from a snapshot must hold exactly the server's state.
        QVERIFY(seedDemoMeeting(*m_service));
        m_service->execute(m_admin,
            command(QStringLiteral("attendance.checkIn"),
                {{QStringLiteral("meeting"), 1}, {QStringLiteral("delegate"), 4}}));
        m_service->execute(m_admin,
            command(QStringLiteral("agenda.select"),
                {{QStringLiteral("meeting"), 1}, {QStringLiteral("item"), 6}}));
        const QJsonObject snapshot = m_service->meeting(1)->toJson();
        auto rebuilt = core::MeetingState::fromJson(snapshot);
        QVERIFY2(rebuilt, qPrintable(rebuilt ? QString() : rebuilt.error().message));
        QCOMPARE(rebuilt->toJson(), snapshot);
        QCOMPARE(rebuilt->lastHash, m_service->meeting(1)->lastHash);
        // A damaged snapshot is refused rather than half-used.
        QJsonObject broken = snapshot;
        QJsonArray agenda = broken.value(QLatin1String("agenda")).toArray();
        QJsonObject first = agenda.at(1).toObject();
        first.insert(QStringLiteral("parent"), 99);
        agenda.replace(1, first);
        broken.insert(QStringLiteral("agenda"), agenda);
        QVERIFY(!core::MeetingState::fromJson(broken));
        broken = snapshot;
        broken.insert(QStringLiteral("status"), QStringLiteral("partying"));
        QVERIFY(!core::MeetingState::fromJson(broken));
    }

    void interruptedSeedCompletes()
    {
        // A seed that failed half-way (here: a bad CSV) finishes on the next start, without a
        // second meeting or duplicated items.
        QTemporaryDir broken;
        QFile::copy(QStringLiteral(":/chamber/demo/demo-meeting.json"),
            broken.filePath(QStringLiteral("demo-meeting.json")));
        QFile csv(broken.filePath(QStringLiteral("delegates.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("name,weight\nA,x\n");
        csv.close();
        QVERIFY(!seedDemoMeeting(*m_service, broken.path()));
        QCOMPARE(m_service->meeting(1)->roster.size(), 0);
        QCOMPARE(m_service->meeting(1)->agenda.size(), 17);

        QCOMPARE(seedDemoMeeting(*m_service).value(), 1);
        QCOMPARE(m_service->meetings().size(), size_t(1));
        QCOMPARE(m_service->meeting(1)->agenda.size(), 17);
        QCOMPARE(m_service->meeting(1)->roster.size(), 40);
    }

    void seedLeavesOtherServersAlone()
    {
        createMeeting();
        QCOMPARE(seedDemoMeeting(*m_service).value(), 0);
        QCOMPARE(m_service->meetings().size(), size_t(1));
    }

    void fullDiskIsUnavailableAndChangesNothing()
    {
        // max_page_count at the pages the database has: SQLite answers SQLITE_FULL, as it does
        // when the disk is full, once a command needs one more page.
        fresh();
        storage::Database &db = m_store->database();
        const qint64 pages = db.queryInteger("PRAGMA page_count").value();
        QVERIFY(db.exec("PRAGMA max_page_count = " + QByteArray::number(pages)));
        QJsonObject reply;
        size_t created = 0;
        for (int i = 0; i < 1000; ++i) {
            reply = m_service->execute(m_admin,
                withId(QStringLiteral("full-%1").arg(i), QStringLiteral("meeting.create"),
                    {{QStringLiteral("title"), QStringLiteral("Kỳ họp thứ %1").arg(i)}}));
            if (type(reply) != QLatin1String("ok"))
                break;
            ++created;
        }
        QCOMPARE(type(reply), QStringLiteral("error"));
        QCOMPARE(reply.value(QLatin1String("code")).toString(), QStringLiteral("unavailable"));
        QVERIFY2(reply.value(QLatin1String("message"))
                     .toString()
                     .startsWith(QStringLiteral("the server's disk is full; nothing was stored")),
            QJsonDocument(reply).toJson().constData());
        // Nothing of the refused command: no meeting in memory, no event, no stored answer.
        QCOMPARE(m_service->meetings().size(), created);
        QCOMPARE(db.queryInteger("SELECT count(*) FROM events").value(), qint64(created));
        QCOMPARE(db.queryInteger("SELECT count(*) FROM command_results WHERE request_id = 'full-"
                       + QByteArray::number(qulonglong(created)) + "'")
                     .value(),
            0);
        // Once there is room, the same command goes through.
        QVERIFY(db.exec("PRAGMA max_page_count = 1000000"));
        reply = m_service->execute(m_admin,
            withId(QStringLiteral("full-%1").arg(created), QStringLiteral("meeting.create"),
                {{QStringLiteral("title"), QStringLiteral("Kỳ họp thứ %1").arg(created)}}));
        QCOMPARE(type(reply), QStringLiteral("ok"));
        QCOMPARE(m_service->meetings().size(), created + 1);
    }
};

QTEST_GUILESS_MAIN(TestService)
#include "test_service.moc"
