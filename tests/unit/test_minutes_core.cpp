// What the core keeps for the minutes (issue 16): the meeting's heading fields, excused
// absences, and the recordings of speeches. Malformed commands and events are refused and
// change nothing; snapshots carry all of it and read back the same.
#include "commands.h"
#include "core/commands.h"
#include "core/council.h"
#include "core/reducer.h"
#include "meetingharness.h"
#include "protocol/message.h"

#include <QJsonArray>
#include <QTest>

using namespace chamber;
using namespace chamber::core;
using chamber::testing::command;
using chamber::testing::MeetingHarness;
using chamber::testing::meetingWith;

namespace {

const QString kSha(64, QLatin1Char('a'));

QJsonObject saved(qint64 speech, qint64 segment, const QString &sha256 = kSha)
{
    return {{QStringLiteral("recording"), recordingId(1, speech, segment)},
        {QStringLiteral("speech"), speech}, {QStringLiteral("segment"), segment},
        {QStringLiteral("sha256"), sha256}, {QStringLiteral("bytes"), 4096},
        {QStringLiteral("durationMs"), 10000}, {QStringLiteral("partial"), false}};
}

QJsonObject failed(qint64 speech, qint64 segment, const QString &reason)
{
    return {{QStringLiteral("recording"), recordingId(1, speech, segment)},
        {QStringLiteral("speech"), speech}, {QStringLiteral("segment"), segment},
        {QStringLiteral("reason"), reason}};
}

// The result of applying one event the service would write, without the harness's qFatal:
// the tests here are about refusals.
Status tryApply(MeetingHarness &h, const QString &kind, const QJsonObject &data)
{
    protocol::Event event;
    event.meeting = 1;
    event.seq = h.state.seq + 1;
    event.kind = kind;
    event.time = h.now;
    event.data = data;
    return apply(h.state, event);
}

Result<protocol::Message> validate(const QString &type, QJsonObject fields)
{
    fields.insert(QStringLiteral("type"), type);
    fields.insert(QStringLiteral("id"), QStringLiteral("x"));
    if (type != QLatin1String("meeting.create"))
        fields.insert(QStringLiteral("meeting"), 1);
    return protocol::validateMessage(fields, protocol::Direction::ToServer);
}

// A meeting with one delegate who has had the floor: the speech is event `speech`.
MeetingHarness withSpeech(qint64 *speech)
{
    MeetingHarness h = meetingWith(1);
    h.ok(QStringLiteral("speaker.grant"), {{QStringLiteral("delegate"), 1}});
    *speech = h.state.seq;
    return h;
}

} // namespace

class TestMinutesCore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headingFieldsAreSetChangedAndCleared()
    {
        MeetingHarness h;
        h.ok(QStringLiteral("meeting.create"),
            {{QStringLiteral("title"), QStringLiteral("Kỳ họp thứ 12")},
                {QStringLiteral("organisation"), QStringLiteral("HỘI ĐỒNG NHÂN DÂN TỈNH HÀ NAM")},
                {QStringLiteral("session"), QStringLiteral("  Kỳ họp thứ mười hai ")},
                {QStringLiteral("chairperson"), QStringLiteral("Trần Thị Hoa")}});
        QCOMPARE(h.state.organisation, QStringLiteral("HỘI ĐỒNG NHÂN DÂN TỈNH HÀ NAM"));
        QCOMPARE(h.state.session, QStringLiteral("Kỳ họp thứ mười hai")); // trimmed
        QCOMPARE(h.state.chairperson, QStringLiteral("Trần Thị Hoa"));
        QCOMPARE(h.state.secretary, QString());
        // Always in the snapshot, "" when unset.
        QJsonObject json = h.state.toJson();
        QCOMPARE(json.value(QLatin1String("secretary")), QJsonValue(QString()));

        auto changed = h.ok(QStringLiteral("meeting.update"),
            {{QStringLiteral("secretary"), QStringLiteral("Lê Văn Nam")},
                {QStringLiteral("chairperson"), QString()},
                {QStringLiteral("session"), QStringLiteral("Kỳ họp thứ mười hai")}});
        // Only what differs is written: the session is the same.
        QCOMPARE(changed.events.at(0).data,
            (QJsonObject {{QStringLiteral("secretary"), QStringLiteral("Lê Văn Nam")},
                {QStringLiteral("chairperson"), QString()}}));
        QCOMPARE(h.state.chairperson, QString());
        QCOMPARE(h.state.secretary, QStringLiteral("Lê Văn Nam"));

        auto rebuilt = MeetingState::fromJson(h.state.toJson());
        QVERIFY(rebuilt);
        QCOMPARE(rebuilt->toJson(), h.state.toJson());
        QCOMPARE(rebuilt->organisation, h.state.organisation);
    }

    void headingFieldsAreLabels_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("too long") << "organisation" << QJsonValue(QString(201, QLatin1Char('x')));
        QTest::newRow("line break") << "session" << QJsonValue(QStringLiteral("Kỳ họp\nthứ 2"));
        QTest::newRow("bidi override")
            << "chairperson" << QJsonValue(QStringLiteral("Trần\u202EThị"));
        QTest::newRow("not a string") << "secretary" << QJsonValue(12);
    }

    void headingFieldsAreLabels()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        for (const QString &type :
            {QStringLiteral("meeting.create"), QStringLiteral("meeting.update")}) {
            auto refused
                = validate(type, {{QStringLiteral("title"), QStringLiteral("T")}, {field, value}});
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, ErrorCode::BadField);
            QCOMPARE(refused.error().field, field);
        }
        QVERIFY(
            validate(QStringLiteral("meeting.update"), {{field, QString(200, QLatin1Char('x'))}}));
    }

    void councilNameBecomesTheOrganisation()
    {
        const std::vector<Member> members {
            Member {7, QStringLiteral("Nguyễn Văn An"), {}, QStringLiteral("A1"), {}, 1, true}};
        const QString council = QStringLiteral("HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HÀ NỘI");
        auto decided = decideCreate(1,
            command(QStringLiteral("meeting.create"),
                {{QStringLiteral("title"), QStringLiteral("Kỳ họp")},
                    {QStringLiteral("council"), 3}}),
            &members, council);
        QVERIFY(decided);
        QCOMPARE(
            decided->events.at(0).data.value(QLatin1String("organisation")).toString(), council);
        // Given (even as ""), the command's own value stands.
        auto own = decideCreate(1,
            command(QStringLiteral("meeting.create"),
                {{QStringLiteral("title"), QStringLiteral("Kỳ họp")},
                    {QStringLiteral("council"), 3}, {QStringLiteral("organisation"), QString()}}),
            &members, council);
        QVERIFY(own);
        QVERIFY(!own->events.at(0).data.contains(QLatin1String("organisation")));
        // Without a council there is no name to take.
        auto none = decideCreate(1,
            command(QStringLiteral("meeting.create"),
                {{QStringLiteral("title"), QStringLiteral("Kỳ họp")}}),
            nullptr, council);
        QVERIFY(none);
        QVERIFY(!none->events.at(0).data.contains(QLatin1String("organisation")));
    }

    void excuseRecordsChangesAndWithdraws()
    {
        MeetingHarness h = meetingWith(2);
        auto excused = h.ok(QStringLiteral("attendance.excuse"),
            {{QStringLiteral("delegate"), 2},
                {QStringLiteral("reason"), QStringLiteral(" Đi công tác ")}});
        QCOMPARE(excused.events.at(0).kind, QStringLiteral("attendance.excused"));
        QCOMPARE(excused.events.at(0).data,
            (QJsonObject {{QStringLiteral("delegate"), 2},
                {QStringLiteral("reason"), QStringLiteral("Đi công tác")}}));
        QCOMPARE(h.state.roster.find(2)->absenceReason, QStringLiteral("Đi công tác"));
        QCOMPARE(h.state.roster.find(1)->absenceReason, QString());
        // Every delegate carries it in the snapshot, and it reads back.
        const QJsonArray delegates = h.state.toJson().value(QLatin1String("delegates")).toArray();
        QCOMPARE(
            delegates.at(0).toObject().value(QLatin1String("absenceReason")).toString(), QString());
        QCOMPARE(delegates.at(1).toObject().value(QLatin1String("absenceReason")).toString(),
            QStringLiteral("Đi công tác"));
        auto rebuilt = MeetingState::fromJson(h.state.toJson());
        QVERIFY(rebuilt);
        QCOMPARE(rebuilt->roster.find(2)->absenceReason, QStringLiteral("Đi công tác"));

        // The same reason again changes nothing; "" withdraws it.
        const qint64 seq = h.state.seq;
        auto again = h.run(QStringLiteral("attendance.excuse"),
            {{QStringLiteral("delegate"), 2},
                {QStringLiteral("reason"), QStringLiteral("Đi công tác")}});
        QVERIFY(again && again->events.empty());
        QCOMPARE(h.state.seq, seq);
        h.ok(QStringLiteral("attendance.excuse"),
            {{QStringLiteral("delegate"), 2}, {QStringLiteral("reason"), QString()}});
        QCOMPARE(h.state.roster.find(2)->absenceReason, QString());
    }

    void excuseRefusesWhatIsWrong()
    {
        MeetingHarness h = meetingWith(1);
        const QJsonObject before = h.state.toJson();
        auto unknown = h.run(QStringLiteral("attendance.excuse"),
            {{QStringLiteral("delegate"), 9}, {QStringLiteral("reason"), QStringLiteral("Ốm")}});
        QCOMPARE(unknown.error().code, ErrorCode::NotFound);
        QCOMPARE(unknown.error().field, QStringLiteral("delegate"));
        const std::pair<QJsonObject, QString> malformed[] = {
            {{{QStringLiteral("delegate"), 1}}, QStringLiteral("reason")},
            {{{QStringLiteral("delegate"), 1}, {QStringLiteral("reason"), QString(501, u'x')}},
                QStringLiteral("reason")},
            {{{QStringLiteral("delegate"), 1}, {QStringLiteral("reason"), QStringLiteral("a\tb")}},
                QStringLiteral("reason")},
            {{{QStringLiteral("delegate"), 1}, {QStringLiteral("reason"), true}},
                QStringLiteral("reason")},
            {{{QStringLiteral("reason"), QStringLiteral("Ốm")}}, QStringLiteral("delegate")},
        };
        for (const auto &[fields, field] : malformed) {
            auto refused = validate(QStringLiteral("attendance.excuse"), fields);
            QVERIFY(!refused);
            QCOMPARE(refused.error().field, field);
        }
        // A log whose excuse has no reason, or names nobody, is damaged.
        QVERIFY(
            !tryApply(h, QStringLiteral("attendance.excused"), {{QStringLiteral("delegate"), 1}}));
        QVERIFY(!tryApply(h, QStringLiteral("attendance.excused"),
            {{QStringLiteral("delegate"), 5}, {QStringLiteral("reason"), QStringLiteral("x")}}));
        QCOMPARE(h.state.toJson(), before);
    }

    void recordingsAreKeptByIdInOrder()
    {
        qint64 speech = 0;
        MeetingHarness h = withSpeech(&speech);
        h.applyDirect(QStringLiteral("recording.failed"),
            failed(speech, 1, QStringLiteral("chamber-media is not running")));
        QVERIFY(h.state.recordings.at(recordingId(1, speech, 1)).failed);
        // The salvaged file of the failed segment, then a second segment.
        QJsonObject partial = saved(speech, 1);
        partial.insert(QStringLiteral("partial"), true);
        partial.insert(
            QStringLiteral("note"), QStringLiteral("chamber-media stopped during the speech"));
        h.applyDirect(QStringLiteral("recording.saved"), partial);
        h.applyDirect(QStringLiteral("recording.saved"), saved(speech, 2, QString(64, u'c')));
        const Recording &first = h.state.recordings.at(recordingId(1, speech, 1));
        QVERIFY(!first.failed);
        QVERIFY(first.partial);
        QCOMPARE(first.reason, QStringLiteral("chamber-media is not running"));
        QCOMPARE(first.note, QStringLiteral("chamber-media stopped during the speech"));
        QCOMPARE(first.time, h.now);
        const QJsonArray list = h.state.toJson().value(QLatin1String("recordings")).toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(
            list.at(0).toObject().value(QLatin1String("id")).toString(), recordingId(1, speech, 1));
        QCOMPARE(
            list.at(1).toObject().value(QLatin1String("sha256")).toString(), QString(64, u'c'));
        QCOMPARE(list.at(1).toObject().value(QLatin1String("durationMs")).toInteger(), 10000);
        auto rebuilt = MeetingState::fromJson(h.state.toJson());
        QVERIFY(rebuilt);
        QCOMPARE(rebuilt->toJson(), h.state.toJson());
    }

    void recordingEventsThatCannotBeAreRefused_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QJsonObject>("data");
        const qint64 speech = 3; // meetingWith(1): created, delegate added, then the grant
        QJsonObject wrongMeeting = saved(speech, 1);
        wrongMeeting.insert(QStringLiteral("recording"), recordingId(2, speech, 1));
        QJsonObject wrongSegment = saved(speech, 1);
        wrongSegment.insert(QStringLiteral("segment"), 2);
        QJsonObject badHash = saved(speech, 1, QStringLiteral("xyz"));
        QJsonObject noBytes = saved(speech, 1);
        noBytes.remove(QStringLiteral("bytes"));
        QJsonObject fraction = saved(speech, 1);
        fraction.insert(QStringLiteral("durationMs"), 1.5);
        QJsonObject textPartial = saved(speech, 1);
        textPartial.insert(QStringLiteral("partial"), QStringLiteral("true"));
        QJsonObject numberNote = saved(speech, 1);
        numberNote.insert(QStringLiteral("note"), 5);
        QTest::newRow("another meeting's id") << "recording.saved" << wrongMeeting;
        QTest::newRow("id and segment disagree") << "recording.saved" << wrongSegment;
        QTest::newRow("not a hash") << "recording.saved" << badHash;
        QTest::newRow("no bytes") << "recording.saved" << noBytes;
        QTest::newRow("fractional duration") << "recording.saved" << fraction;
        QTest::newRow("partial as text") << "recording.saved" << textPartial;
        QTest::newRow("note as number") << "recording.saved" << numberNote;
        QTest::newRow("speech not earlier") << "recording.saved" << saved(4, 1);
        QTest::newRow("speech zero") << "recording.saved" << saved(0, 1);
        QTest::newRow("failed without reason")
            << "recording.failed" << failed(speech, 1, QString());
        QTest::newRow("failed, speech in the future")
            << "recording.failed" << failed(9, 1, QStringLiteral("x"));
        QTest::newRow("empty") << "recording.saved" << QJsonObject {};
    }

    void recordingEventsThatCannotBeAreRefused()
    {
        QFETCH(QString, kind);
        QFETCH(QJsonObject, data);
        qint64 speech = 0;
        MeetingHarness h = withSpeech(&speech);
        QCOMPARE(speech, 3);
        const QJsonObject before = h.state.toJson();
        QVERIFY(!tryApply(h, kind, data));
        QCOMPARE(h.state.toJson(), before);
    }

    void aRecordingIsSavedOnce()
    {
        qint64 speech = 0;
        MeetingHarness h = withSpeech(&speech);
        h.applyDirect(QStringLiteral("recording.saved"), saved(speech, 1));
        const QJsonObject before = h.state.toJson();
        QVERIFY(
            !tryApply(h, QStringLiteral("recording.saved"), saved(speech, 1, QString(64, u'd'))));
        // ...and a saved recording does not fail afterwards.
        QVERIFY(!tryApply(
            h, QStringLiteral("recording.failed"), failed(speech, 1, QStringLiteral("late"))));
        QCOMPARE(h.state.toJson(), before);
    }

    void damagedSnapshotRecordingsAreRefused()
    {
        qint64 speech = 0;
        MeetingHarness h = withSpeech(&speech);
        h.applyDirect(QStringLiteral("recording.saved"), saved(speech, 1));
        QJsonObject snapshot = h.state.toJson();
        QJsonArray list = snapshot.value(QLatin1String("recordings")).toArray();
        list.append(list.at(0)); // the same id twice
        snapshot.insert(QStringLiteral("recordings"), list);
        QVERIFY(!MeetingState::fromJson(snapshot));
        QJsonObject one = list.at(0).toObject();
        one.insert(QStringLiteral("sha256"), QStringLiteral("nothex"));
        snapshot.insert(QStringLiteral("recordings"), QJsonArray {one});
        QVERIFY(!MeetingState::fromJson(snapshot));
        one = list.at(0).toObject();
        one.remove(QStringLiteral("failed"));
        snapshot.insert(QStringLiteral("recordings"), QJsonArray {one});
        QVERIFY(!MeetingState::fromJson(snapshot));
    }
};

QTEST_GUILESS_MAIN(TestMinutesCore)
#include "test_minutes_core.moc"
