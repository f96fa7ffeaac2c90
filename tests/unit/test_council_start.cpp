// Councils at start: meetings of older databases adopted as councils of their own (once), colour
// changes announced when the test clock's file moves time, and the demo's council.
#include "core/reducer.h"
#include "councilfixture.h"
#include "services/demoseed.h"
#include "storage/migrations.h"

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace chamber;
using namespace chamber::testing::council;

namespace {

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

class TestCouncilStart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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

    void aColourBoundaryFiresTheTimer()
    {
        // No file: the single timer to the next boundary is what announces it.
        auto s = Server::open();
        const Seeded d = seed(*s);
        s->councils->watchColourBoundaries();
        // Amber one second from now (7 days before a deadline 7 days and 1 s away).
        addTask(*s, d, QStringLiteral("Sắp đến hạn"), QStringLiteral("organisation"), d.finance,
            kStart.addSecs(7 * 86400 + 1));
        QSignalSpy changed(s->councils.get(), &services::CouncilService::boardChanged);
        s->clock.advance(1); // the time the timer wakes up to
        QVERIFY(changed.wait(10000));
        QCOMPARE(changed.at(0).at(0).toLongLong(), d.council);
        QCOMPARE(s->councils->board(d.council, {})
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
};

int runCouncilStartTests(int argc, char **argv)
{
    TestCouncilStart tests;
    return QTest::qExec(&tests, argc, argv);
}

#include "test_council_start.moc"
