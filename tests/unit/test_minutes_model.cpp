// The minutes model made from a recorded meeting (tests/data/minutes/meeting.jsonl): every
// section's facts against the constants of minutesfixture.h, the model's JSON deterministic and
// read back exactly, malformed models and damaged logs refused; the CSV and JSON exports.
#include "minutes/minutesexport.h"
#include "minutes/minutesmodel.h"
#include "minutesfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace chamber;
using namespace chamber::minutes;
namespace fx = chamber::testing::minutesfixture;

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

std::vector<protocol::Event> fixtureEvents()
{
    QFile file(fx::minutesFixturePath());
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the fixture %s", qPrintable(file.fileName()));
    std::vector<protocol::Event> events;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        auto event = protocol::Event::fromJson(QJsonDocument::fromJson(line).object());
        if (!event)
            qFatal("fixture line unreadable: %s", qPrintable(event.error().message));
        events.push_back(event.value());
    }
    return events;
}

MinutesModel fixtureModel(qint64 upTo = -1)
{
    auto model = buildMinutes(fixtureEvents(), upTo);
    if (!model)
        qFatal("the fixture gives no model: %s", qPrintable(model.error().message));
    return model.value();
}

const ItemRow &item(const MinutesModel &model, qint64 id)
{
    for (const ItemRow &row : model.items) {
        if (row.id == id)
            return row;
    }
    qFatal("no item %lld", id);
}

std::vector<SpeechRow> allSpeeches(const MinutesModel &model)
{
    std::vector<SpeechRow> speeches;
    for (const ItemRow &row : model.items)
        speeches.insert(speeches.end(), row.speeches.begin(), row.speeches.end());
    std::sort(speeches.begin(), speeches.end(),
        [](const SpeechRow &a, const SpeechRow &b) { return a.speech < b.speech; });
    return speeches;
}

const PollRow &poll(const MinutesModel &model, qint64 id)
{
    for (const ItemRow &row : model.items) {
        for (const PollRow &p : row.polls) {
            if (p.poll.id == id)
                return p;
        }
    }
    qFatal("no poll %lld", id);
}

// RFC 4180 read back, so the tests see cells as a spreadsheet would (BOM already removed).
std::vector<QStringList> parseCsv(const QString &text)
{
    std::vector<QStringList> rows(1);
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                cell += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            rows.back() << cell;
            cell.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            rows.back() << cell;
            cell.clear();
            rows.emplace_back();
            ++i;
        } else {
            cell += c;
        }
    }
    if (rows.back().isEmpty() && cell.isEmpty())
        rows.pop_back();
    return rows;
}

std::vector<QStringList> csvRows(const MinutesModel &model, ExportTable table)
{
    const QByteArray csv = minutesCsv(model, table);
    if (!csv.startsWith("\xEF\xBB\xBF"))
        qFatal("no BOM");
    return parseCsv(QString::fromUtf8(csv.mid(3)));
}

// A log written by hand, sealed into a chain, for what the fixture does not hold.
struct HandLog
{
    std::vector<protocol::Event> events;

    void add(const char *kind, const QJsonObject &data, const char *time)
    {
        protocol::Event event;
        event.meeting = 1;
        event.seq = qint64(events.size()) + 1;
        event.kind = QString::fromLatin1(kind);
        event.time = QString::fromLatin1(time);
        event.actor = QStringLiteral("admin");
        event.data = data;
        event.prevHash = events.empty() ? protocol::genesisHash() : events.back().hash;
        event.seal();
        events.push_back(event);
    }
};

} // namespace

class TestMinutesModel : public QObject
{
    Q_OBJECT

private:
    MinutesModel m_model;
    std::vector<protocol::Event> m_events;

private Q_SLOTS:
    void initTestCase()
    {
        m_events = fixtureEvents();
        m_model = fixtureModel();
    }

    void headingAndKind()
    {
        QCOMPARE(m_model.meeting, fx::kMeeting);
        QCOMPARE(m_model.seq, qint64(m_events.size()));
        QCOMPARE(m_model.lastEventHash, QString::fromLatin1(m_events.back().hash.toHex()));
        QCOMPARE(m_model.lastEventTime, s(fx::kEndedAt));
        QCOMPARE(m_model.kind, MinutesKind::Final);
        QCOMPARE(m_model.title, s(fx::kTitle));
        QCOMPARE(m_model.organisation, s(fx::kOrganisation));
        QCOMPARE(m_model.session, s(fx::kSession));
        QCOMPARE(m_model.venue, s(fx::kVenue));
        QCOMPARE(m_model.chairperson, s(fx::kChairperson));
        QCOMPARE(m_model.secretary, s(fx::kSecretary));
        QCOMPARE(m_model.startsAt, s(fx::kStartsAt));
        QCOMPARE(m_model.startedAt, s(fx::kStartedAt));
        QCOMPARE(m_model.endedAt, s(fx::kEndedAt));
        QCOMPARE(m_model.members, fx::kMembers);
        QCOMPARE(m_model.presentMembers, fx::kPresentAtEnd);
        QVERIFY(m_model.quorumMet);
        // Before the end the minutes are a draft.
        QCOMPARE(fixtureModel(m_model.seq - 1).kind, MinutesKind::Draft);
        // A recording reported after the end keeps them final.
        std::vector<protocol::Event> events = m_events;
        protocol::Event late;
        late.meeting = fx::kMeeting;
        late.seq = m_model.seq + 1;
        late.kind = QStringLiteral("recording.failed");
        late.time = QStringLiteral("2026-12-08T04:00:01.000Z");
        late.actor = QStringLiteral("media");
        const qint64 lastSpeech = allSpeeches(m_model).back().speech;
        late.data = {{QStringLiteral("recording"), QStringLiteral("1-%1-3").arg(lastSpeech)},
            {QStringLiteral("speech"), lastSpeech}, {QStringLiteral("segment"), 3},
            {QStringLiteral("reason"), s(fx::kFailure)}};
        late.prevHash = events.back().hash;
        late.seal();
        events.push_back(late);
        auto after = buildMinutes(events);
        QVERIFY(after);
        QCOMPARE(after->kind, MinutesKind::Final);
        QCOMPARE(after->seq, m_model.seq + 1);
    }

    void attendanceWithSpansAndReasons()
    {
        QCOMPARE(qsizetype(m_model.attendance.size()), qsizetype(std::size(fx::kDelegates)));
        for (std::size_t i = 0; i < std::size(fx::kDelegates); ++i) {
            const AttendanceRow &row = m_model.attendance[i];
            QCOMPARE(row.delegate, qint64(i + 1)); // seat order is id order in the fixture
            QCOMPARE(row.name, s(fx::kDelegates[i].name));
            QCOMPARE(row.group, s(fx::kDelegates[i].group));
            QCOMPARE(row.seat, s(fx::kDelegates[i].seat));
            QCOMPARE(row.weight, 1);
        }
        const AttendanceRow &an = m_model.attendance[0];
        QCOMPARE(an.spans.size(), std::size_t(1));
        QCOMPARE(an.spans[0].from, s(fx::kCheckIn));
        QCOMPARE(an.spans[0].to, QString()); // still present at the end
        const AttendanceRow &late = m_model.attendance[fx::kLate - 1];
        QCOMPARE(late.spans.size(), std::size_t(1));
        QCOMPARE(late.spans[0].from, s(fx::kLateArrival));
        const AttendanceRow &leaver = m_model.attendance[fx::kEarlyLeaver - 1];
        QCOMPARE(leaver.spans.size(), std::size_t(1));
        QCOMPARE(leaver.spans[0].from, s(fx::kEarlyArrival));
        QCOMPARE(leaver.spans[0].to, s(fx::kEarlyLeave));
        const AttendanceRow &excused = m_model.attendance[fx::kExcused - 1];
        QVERIFY(excused.spans.empty());
        QCOMPARE(excused.absenceReason, s(fx::kExcuse));
        const AttendanceRow &unexcused = m_model.attendance[fx::kUnexcused - 1];
        QVERIFY(unexcused.spans.empty());
        QCOMPARE(unexcused.absenceReason, QString());
    }

    void itemsWithDocumentsInDisplayOrder()
    {
        QCOMPARE(qsizetype(m_model.items.size()), qsizetype(std::size(fx::kItems)));
        for (std::size_t i = 0; i < std::size(fx::kItems); ++i) {
            const ItemRow &row = m_model.items[i];
            const fx::FixtureItem &expected = fx::kItems[i];
            QCOMPARE(row.id, expected.id);
            QCOMPARE(row.number, s(expected.number));
            QCOMPARE(row.kind, s(expected.kind));
            QCOMPARE(row.title, s(expected.title));
            QCOMPARE(row.depth, 0);
            QCOMPARE(qint64(row.documents.size()), expected.documents);
            QCOMPARE(qint64(row.speeches.size()), expected.speeches);
            QCOMPARE(qint64(row.polls.size()), expected.polls);
            QCOMPARE(qint64(row.conclusions.size()), expected.conclusions);
        }
        const DocumentRow &report = item(m_model, 1).documents.at(0);
        QCOMPARE(report.title, s(fx::kReportTitle));
        QCOMPARE(report.pages, fx::kReportPages);
        QCOMPARE(report.fileName, s(fx::kReportTitle).replace(u'/', u'_') + QStringLiteral(".pdf"));
        QVERIFY(protocol::isSha256Hex(report.sha256));
        QVERIFY(report.bytes > 0);
        QVERIFY(item(m_model, 1).description.contains(QStringLiteral("thẩm tra")));
    }

    void speechesWithTimesAndRecordings()
    {
        const std::vector<SpeechRow> speeches = allSpeeches(m_model);
        QCOMPARE(speeches.size(), std::size(fx::kSpeeches));
        for (std::size_t i = 0; i < speeches.size(); ++i) {
            QCOMPARE(speeches[i].name, s(fx::kSpeeches[i].name));
            QCOMPARE(speeches[i].speaker.isBridge(), fx::kSpeeches[i].bridge);
            QCOMPARE(speeches[i].start, s(fx::kSpeeches[i].start));
            QCOMPARE(speeches[i].end, s(fx::kSpeeches[i].end));
            QCOMPARE(speeches[i].durationMs, fx::kSpeeches[i].durationMs);
            // The speech's id is its speaker.granted event.
            QCOMPARE(m_events.at(speeches[i].speech - 1).kind, QStringLiteral("speaker.granted"));
        }
        QCOMPARE(speeches[0].seat, QStringLiteral("A1"));
        QCOMPARE(speeches[1].seat, QString()); // a bridge has no seat
        QCOMPARE(speeches[0].item, 1);
        QCOMPARE(speeches[3].item, 4);

        QCOMPARE(speeches[0].recordings.size(), std::size_t(1));
        const RecordingRow &first = speeches[0].recordings[0];
        QCOMPARE(first.id, QStringLiteral("1-%1-1").arg(speeches[0].speech));
        QCOMPARE(first.durationMs, fx::kFirstRecordingMs);
        QVERIFY(!first.partial);
        QVERIFY(protocol::isSha256Hex(first.sha256));
        QCOMPARE(speeches[1].recordings.size(), std::size_t(1));
        QVERIFY(speeches[1].recordings[0].partial);
        QCOMPARE(speeches[1].recordings[0].note, s(fx::kPartialNote));
        QVERIFY(speeches[2].recordings.empty());
        QCOMPARE(speeches[2].recordingFailures, QStringList {s(fx::kFailure)});
        QCOMPARE(speeches[3].recordings.size(), std::size_t(2));
        QCOMPARE(speeches[3].recordings[0].segment, 1);
        QVERIFY(speeches[3].recordings[0].partial);
        QCOMPARE(speeches[3].recordings[1].segment, 2);
        QVERIFY(!speeches[3].recordings[1].partial);
    }

    void bridgesWithSpeakingTime()
    {
        QCOMPARE(m_model.bridges.size(), std::size_t(1));
        const BridgeRow &bridge = m_model.bridges[0];
        QCOMPARE(bridge.device, fx::kBridgeDevice);
        QCOMPARE(bridge.label, s(fx::kBridgeLabel));
        QCOMPARE(bridge.speeches, 1);
        QCOMPARE(bridge.speakingMs, fx::kSpeeches[1].durationMs);
        QCOMPARE(bridge.revokedAt, QString());
    }

    void pollsWithRollCallAndReceipts()
    {
        const PollRow &named = poll(m_model, 1);
        QCOMPARE(named.poll.title, s(fx::kNamedPoll));
        QCOMPARE(named.poll.item, 2); // current when it was created, without an item of its own
        QCOMPARE(named.poll.state, core::PollState::Published);
        QVERIFY(named.poll.closing);
        QCOMPARE(named.poll.closing->outcome.verdict, core::Verdict::Passed);
        QCOMPARE(named.rollCall.size(), std::size(fx::kRollCall));
        for (std::size_t i = 0; i < named.rollCall.size(); ++i) {
            QCOMPARE(named.rollCall[i].seat, s(fx::kRollCall[i].seat));
            QCOMPARE(named.rollCall[i].choice, s(fx::kRollCall[i].choice));
            QCOMPARE(named.rollCall[i].proxyHolder, QString());
        }
        QCOMPARE(named.rollCall[0].name, s(fx::kDelegates[0].name));

        const PollRow &secret = poll(m_model, 2);
        QCOMPARE(secret.poll.title, s(fx::kSecretPoll));
        QCOMPARE(secret.poll.item, 4); // its own item, though the break was current
        QVERIFY(secret.poll.secret);
        QVERIFY(secret.rollCall.empty()); // who voted how is never in a secret poll's minutes
        QCOMPARE(secret.poll.closing->receipts.size(), fx::kSecretBallots);
        QCOMPARE(secret.poll.closing->tally.ballots, fx::kSecretBallots);
    }

    void conclusions()
    {
        QCOMPARE(item(m_model, 1).conclusions.at(0).number, 1);
        QCOMPARE(item(m_model, 1).conclusions.at(0).poll, 0);
        const ConclusionRow &resolution = item(m_model, 2).conclusions.at(0);
        QCOMPARE(resolution.number, 2);
        QCOMPARE(resolution.text, s(fx::kConclusionOnPoll));
        QCOMPARE(resolution.poll, 1);
    }

    void jsonIsDeterministicAndReadsBack()
    {
        const QByteArray once = QJsonDocument(m_model.toJson()).toJson(QJsonDocument::Compact);
        const QByteArray twice
            = QJsonDocument(fixtureModel().toJson()).toJson(QJsonDocument::Compact);
        QCOMPARE(once, twice);
        QCOMPARE(m_model.modelSha256(), fixtureModel().modelSha256());
        QVERIFY(protocol::isSha256Hex(m_model.modelSha256()));
        auto back = MinutesModel::fromJson(m_model.toJson());
        QVERIFY2(back, back ? "" : qPrintable(back.error().message));
        QCOMPARE(back->toJson(), m_model.toJson());
        QCOMPARE(back->modelSha256(), m_model.modelSha256());
        // Another point in the log is another model.
        QVERIFY(fixtureModel(m_model.seq - 1).modelSha256() != m_model.modelSha256());
    }

    void fromJsonRefusesMalformed_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value"); // undefined: remove the field
        QTest::addColumn<QString>("field");
        QTest::newRow("version") << "version" << QJsonValue(2) << "version";
        QTest::newRow("kind") << "kind" << QJsonValue(QStringLiteral("approved")) << "kind";
        QTest::newRow("missing title") << "title" << QJsonValue(QJsonValue::Undefined) << "title";
        QTest::newRow("seq as text") << "seq" << QJsonValue(QStringLiteral("9")) << "seq";
        QTest::newRow("seq fraction") << "seq" << QJsonValue(9.5) << "seq";
        QTest::newRow("hash") << "lastEventHash" << QJsonValue(QStringLiteral("ABC"))
                              << "lastEventHash";
        QTest::newRow("attendance not array")
            << "attendance" << QJsonValue(QJsonObject {}) << "attendance";
        QTest::newRow("row not object") << "attendance.0" << QJsonValue(3) << "attendance[0]";
        QTest::newRow("span missing")
            << "attendance.0.spans.0.to" << QJsonValue(QJsonValue::Undefined)
            << "attendance[0].spans[0].to";
        QTest::newRow("weight negative")
            << "attendance.0.weight" << QJsonValue(-1) << "attendance[0].weight";
        QTest::newRow("item kind")
            << "items.0.kind" << QJsonValue(QStringLiteral("party")) << "items[0].kind";
        QTest::newRow("speaker kind")
            << "items.0.speeches.0.speaker.kind" << QJsonValue(QStringLiteral("robot"))
            << "items[0].speeches[0].speaker.kind";
        QTest::newRow("recording hash")
            << "items.0.speeches.0.recordings.0.sha256" << QJsonValue(QStringLiteral("x"))
            << "items[0].speeches[0].recordings[0].sha256";
        QTest::newRow("failures not strings")
            << "items.0.speeches.2.recordingFailures.0" << QJsonValue(1)
            << "items[0].speeches[2].recordingFailures[0]";
        QTest::newRow("poll title")
            << "items.1.polls.0.poll.title" << QJsonValue(true) << "items[1].polls[0].poll.title";
        QTest::newRow("poll state")
            << "items.1.polls.0.poll.state" << QJsonValue(QStringLiteral("voting"))
            << "items[1].polls[0].poll";
        QTest::newRow("roll call choice") << "items.1.polls.0.rollCall.0.choice" << QJsonValue()
                                          << "items[1].polls[0].rollCall[0].choice";
        QTest::newRow("document pages")
            << "items.0.documents.0.pages" << QJsonValue(QStringLiteral("12"))
            << "items[0].documents[0].pages";
        QTest::newRow("bridge device")
            << "bridges.0.device" << QJsonValue(0) << "bridges[0].device";
    }

    void fromJsonRefusesMalformed()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, field);
        const QJsonObject damaged = replaced(m_model.toJson(), path.split(u'.'), value);
        auto read = MinutesModel::fromJson(damaged);
        QVERIFY(!read);
        QCOMPARE(read.error().code, ErrorCode::BadField);
        QCOMPARE(read.error().field, field);
    }

    void csvTablesHaveBomHeaderAndEveryRow_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<int>("rows");
        QTest::addColumn<QString>("firstColumn");
        QTest::newRow("attendance") << "attendance" << int(std::size(fx::kDelegates)) << "delegate";
        QTest::newRow("speeches") << "speeches" << int(std::size(fx::kSpeeches)) << "speech";
        QTest::newRow("polls") << "polls" << 2 << "poll";
        QTest::newRow("rollcall") << "rollcall" << int(std::size(fx::kRollCall)) << "poll";
        QTest::newRow("conclusions") << "conclusions" << 2 << "number";
        QTest::newRow("recordings") << "recordings" << 4 << "recording";
    }

    void csvTablesHaveBomHeaderAndEveryRow()
    {
        QFETCH(QString, table);
        QFETCH(int, rows);
        QFETCH(QString, firstColumn);
        const auto which = exportTableFromName(table);
        QVERIFY(which);
        QCOMPARE(exportTableName(*which), table);
        const QByteArray csv = minutesCsv(m_model, *which);
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        QVERIFY(csv.endsWith("\r\n"));
        QCOMPARE(csv.count("\r\n"), csv.count("\n")); // CRLF only (no cell holds a line break)
        const std::vector<QStringList> parsed = csvRows(m_model, *which);
        QCOMPARE(int(parsed.size()), rows + 1);
        QCOMPARE(parsed[0].at(0), firstColumn);
        for (const QStringList &row : parsed)
            QCOMPARE(row.size(), parsed[0].size());
        QCOMPARE(minutesCsv(fixtureModel(), *which), csv); // deterministic
    }

    void csvCellsSayWhatTheModelSays()
    {
        const std::vector<QStringList> attendance = csvRows(m_model, ExportTable::Attendance);
        const QStringList header = attendance[0];
        const QStringList mai = attendance[fx::kExcused];
        QCOMPARE(mai.at(header.indexOf(QStringLiteral("name"))),
            s(fx::kDelegates[fx::kExcused - 1].name));
        QCOMPARE(mai.at(header.indexOf(QStringLiteral("absent"))), QStringLiteral("yes"));
        QCOMPARE(mai.at(header.indexOf(QStringLiteral("absence_reason"))), s(fx::kExcuse));
        const QStringList lan = attendance[fx::kEarlyLeaver];
        QCOMPARE(lan.at(header.indexOf(QStringLiteral("last_departure"))), s(fx::kEarlyLeave));
        // The group names hold no comma, the poll titles do not either; the rule text does.
        const std::vector<QStringList> polls = csvRows(m_model, ExportTable::Polls);
        const QStringList pollHeader = polls[0];
        QCOMPARE(
            polls[1].at(pollHeader.indexOf(QStringLiteral("method"))), QStringLiteral("named"));
        QCOMPARE(
            polls[2].at(pollHeader.indexOf(QStringLiteral("method"))), QStringLiteral("secret"));
        QCOMPARE(polls[1].at(pollHeader.indexOf(QStringLiteral("counts"))),
            QStringLiteral("yes=3; no=1; abstain=1"));
        QCOMPARE(
            polls[1].at(pollHeader.indexOf(QStringLiteral("outcome"))), QStringLiteral("passed"));
        QCOMPARE(polls[2].at(pollHeader.indexOf(QStringLiteral("receipts"))).split(u' ').size(),
            fx::kSecretBallots);
        const std::vector<QStringList> rollCall = csvRows(m_model, ExportTable::RollCall);
        QCOMPARE(
            rollCall[3].at(rollCall[0].indexOf(QStringLiteral("choice"))), QStringLiteral("no"));
        QCOMPARE(rollCall[3].at(rollCall[0].indexOf(QStringLiteral("seat"))), QStringLiteral("A3"));
    }

    void csvQuotesAndDisarmsFormulas_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("cell");
        QTest::newRow("plain") << "Nguyễn Văn An"
                               << "Nguyễn Văn An";
        QTest::newRow("comma") << "Hà Nam, Việt Nam"
                               << "\"Hà Nam, Việt Nam\"";
        QTest::newRow("quote") << "Tờ trình \"số 88\""
                               << "\"Tờ trình \"\"số 88\"\"\"";
        QTest::newRow("line break") << "a\nb"
                                    << "\"a\nb\"";
        QTest::newRow("equals") << "=HYPERLINK(\"http://x\")"
                                << "\"'=HYPERLINK(\"\"http://x\"\")\"";
        QTest::newRow("plus") << "+84 912"
                              << "'+84 912";
        QTest::newRow("minus") << "-1"
                               << "'-1";
        QTest::newRow("at") << "@SUM(A1)"
                            << "'@SUM(A1)";
        QTest::newRow("tab") << "\tx"
                             << "'\tx";
        QTest::newRow("carriage return") << "\rx"
                                         << "\"'\rx\"";
        QTest::newRow("inner equals") << "a=b"
                                      << "a=b";
        QTest::newRow("empty") << ""
                               << "";
    }

    void csvQuotesAndDisarmsFormulas()
    {
        QFETCH(QString, text);
        QFETCH(QString, cell);
        QCOMPARE(csvCell(text), cell);
    }

    void csvOfHostileNamesStaysInItsCells()
    {
        MinutesModel model = m_model;
        model.attendance[0].name = QStringLiteral("=cmd|' /C calc'!A0, \"x\"");
        model.attendance[1].absenceReason = QStringLiteral("-2+3");
        const std::vector<QStringList> rows = csvRows(model, ExportTable::Attendance);
        const QStringList header = rows[0];
        QCOMPARE(rows[1].size(), header.size());
        QCOMPARE(rows[1].at(header.indexOf(QStringLiteral("name"))),
            QStringLiteral("'=cmd|' /C calc'!A0, \"x\""));
        QCOMPARE(
            rows[2].at(header.indexOf(QStringLiteral("absence_reason"))), QStringLiteral("'-2+3"));
    }

    void tableNames()
    {
        QCOMPARE(exportTables().size(), 6);
        QStringList names;
        for (ExportTable table : exportTables())
            names << exportTableName(table);
        QCOMPARE(names,
            (QStringList {QStringLiteral("attendance"), QStringLiteral("speeches"),
                QStringLiteral("polls"), QStringLiteral("rollcall"), QStringLiteral("conclusions"),
                QStringLiteral("recordings")}));
        QVERIFY(!exportTableFromName(QStringLiteral("Attendance")));
        QVERIFY(!exportTableFromName(QStringLiteral("../etc")));
        QVERIFY(!exportTableFromName(QString()));
    }

    void jsonExport()
    {
        const QJsonObject json = minutesExportJson(m_model);
        QCOMPARE(json.value(QLatin1String("meeting")).toInteger(), fx::kMeeting);
        QCOMPARE(json.value(QLatin1String("seq")).toInteger(), m_model.seq);
        QCOMPARE(json.value(QLatin1String("lastEventHash")).toString(), m_model.lastEventHash);
        QCOMPARE(json.value(QLatin1String("kind")).toString(), QStringLiteral("final"));
        QCOMPARE(
            json.value(QLatin1String("generatedFrom")).toString(), QStringLiteral("event log"));
        QCOMPARE(json.value(QLatin1String("attendance")).toArray().size(),
            qsizetype(std::size(fx::kDelegates)));
        QCOMPARE(json.value(QLatin1String("speeches")).toArray().size(),
            qsizetype(std::size(fx::kSpeeches)));
        QCOMPARE(json.value(QLatin1String("conclusions")).toArray().size(), 2);
        QCOMPARE(json.value(QLatin1String("recordings")).toArray().size(), 4);
        const QJsonArray polls = json.value(QLatin1String("polls")).toArray();
        QCOMPARE(polls.size(), 2);
        const QJsonArray roll = polls.at(0).toObject().value(QLatin1String("rollCall")).toArray();
        QCOMPARE(roll.size(), qsizetype(std::size(fx::kRollCall)));
        QCOMPARE(
            roll.at(2).toObject().value(QLatin1String("choice")).toString(), QStringLiteral("no"));
        QVERIFY(polls.at(1).toObject().value(QLatin1String("rollCall")).toArray().isEmpty());
        // Typed: numbers are numbers, flags are booleans.
        const QJsonObject first
            = json.value(QLatin1String("attendance")).toArray().at(0).toObject();
        QVERIFY(first.value(QLatin1String("delegate")).isDouble());
        QVERIFY(first.value(QLatin1String("absent")).isBool());
        QCOMPARE(QJsonDocument(minutesExportJson(fixtureModel())).toJson(),
            QJsonDocument(json).toJson());
    }

    void historyTheStateForgets()
    {
        HandLog log;
        log.add("meeting.created",
            {{QStringLiteral("title"), QStringLiteral("Phiên họp")},
                {QStringLiteral("quorum"), core::QuorumRule {}.toJson()}},
            "2026-12-08T01:00:00.000Z");
        log.add("delegate.added",
            {{QStringLiteral("delegate"), 1}, {QStringLiteral("name"), QStringLiteral("An")},
                {QStringLiteral("seat"), QStringLiteral("A1")}, {QStringLiteral("weight"), 1}},
            "2026-12-08T01:00:00.000Z");
        log.add("device.enrolled",
            {{QStringLiteral("device"), 4}, {QStringLiteral("role"), QStringLiteral("bridge")},
                {QStringLiteral("label"), QStringLiteral("Điểm cầu xã")}},
            "2026-12-08T01:00:00.000Z");
        for (qint64 id : {1, 2})
            log.add("agenda.added",
                {{QStringLiteral("item"), id}, {QStringLiteral("position"), id - 1},
                    {QStringLiteral("title"), QStringLiteral("Mục %1").arg(id)},
                    {QStringLiteral("kind"), QStringLiteral("item")}},
                "2026-12-08T01:00:00.000Z");
        log.add("agenda.selected", {{QStringLiteral("item"), 2}}, "2026-12-08T01:01:00.000Z");
        // Two stretches of presence.
        log.add(
            "attendance.checkedIn", {{QStringLiteral("delegate"), 1}}, "2026-12-08T01:02:00.000Z");
        log.add(
            "attendance.checkedOut", {{QStringLiteral("delegate"), 1}}, "2026-12-08T01:03:00.000Z");
        log.add(
            "attendance.checkedIn", {{QStringLiteral("delegate"), 1}}, "2026-12-08T01:04:00.000Z");
        // The bridge's speech ends when its device is revoked; An's is still going at the end.
        log.add("speaker.granted",
            {{QStringLiteral("bridge"), 4}, {QStringLiteral("limitSeconds"), 0}},
            "2026-12-08T01:05:00.000Z");
        log.add("device.revoked", {{QStringLiteral("device"), 4}}, "2026-12-08T01:06:00.000Z");
        log.add("speaker.granted",
            {{QStringLiteral("delegate"), 1}, {QStringLiteral("limitSeconds"), 0}},
            "2026-12-08T01:07:00.000Z");
        // The item they spoke under is removed: what happened there stays, outside the agenda.
        log.add("agenda.removed", {{QStringLiteral("item"), 2}}, "2026-12-08T01:08:00.000Z");
        auto model = buildMinutes(log.events);
        QVERIFY2(model, model ? "" : qPrintable(model.error().message));
        QCOMPARE(model->kind, MinutesKind::Draft);
        const AttendanceRow &an = model->attendance.at(0);
        QCOMPARE(an.spans.size(), std::size_t(2));
        QCOMPARE(an.spans[0].from, QStringLiteral("2026-12-08T01:02:00.000Z"));
        QCOMPARE(an.spans[0].to, QStringLiteral("2026-12-08T01:03:00.000Z"));
        QCOMPARE(an.spans[1].from, QStringLiteral("2026-12-08T01:04:00.000Z"));
        QCOMPARE(an.spans[1].to, QString());
        QCOMPARE(model->items.size(), std::size_t(2)); // item 1, then item 0
        QCOMPARE(model->items[0].id, 1);
        const ItemRow &outside = model->items[1];
        QCOMPARE(outside.id, 0);
        QCOMPARE(outside.number, QString());
        QCOMPARE(outside.speeches.size(), std::size_t(2));
        QCOMPARE(outside.speeches[0].item, 0);
        QVERIFY(outside.speeches[0].speaker.isBridge());
        QCOMPARE(outside.speeches[0].name, QStringLiteral("Điểm cầu xã"));
        QCOMPARE(outside.speeches[0].end, QStringLiteral("2026-12-08T01:06:00.000Z"));
        QCOMPARE(outside.speeches[0].durationMs, 60000);
        QCOMPARE(outside.speeches[1].end, QString());
        QCOMPARE(outside.speeches[1].durationMs, 0);
        QCOMPARE(model->bridges.at(0).revokedAt, QStringLiteral("2026-12-08T01:06:00.000Z"));
        QCOMPARE(model->bridges.at(0).speakingMs, 60000);
        // Its model reads back like the fixture's.
        QCOMPARE(MinutesModel::fromJson(model->toJson())->toJson(), model->toJson());
    }

    void damagedLogsAreRefused()
    {
        // Out of order, another meeting, a broken chain: nothing is added.
        MinutesBuilder builder;
        QVERIFY(builder.add(m_events[0]));
        QVERIFY(!builder.add(m_events[2]));
        protocol::Event other = m_events[1];
        other.meeting = 2;
        QVERIFY(!builder.add(other));
        protocol::Event tampered = m_events[1];
        tampered.data.insert(QStringLiteral("name"), QStringLiteral("Người khác"));
        QVERIFY(!builder.add(tampered));
        QCOMPARE(builder.seq(), 1);
        // An event the core refuses (sealed, so only the core can object) leaves the builder
        // where it was: the next good event still follows.
        protocol::Event refused = m_events[1];
        refused.kind = QStringLiteral("speaker.moved");
        refused.data = {{QStringLiteral("delegate"), 1}, {QStringLiteral("position"), 5}};
        refused.seal();
        QVERIFY(!builder.add(refused));
        QCOMPARE(builder.seq(), 1);
        QVERIFY(builder.add(m_events[1]));
        QCOMPARE(builder.model()->attendance.size(), std::size_t(1));
        // Up to an event the log does not have.
        QVERIFY(!buildMinutes(m_events, qint64(m_events.size()) + 1));
        QVERIFY(!buildMinutes({}));
    }

private:
    // The JSON with the value at `path` ("items.0.kind") replaced, or removed when undefined.
    static QJsonValue replacedValue(const QJsonValue &at, QStringList path, const QJsonValue &value)
    {
        if (path.isEmpty())
            return value;
        const QString key = path.takeFirst();
        if (at.isArray()) {
            QJsonArray array = at.toArray();
            const int index = key.toInt();
            if (path.isEmpty() && value.isUndefined())
                array.removeAt(index);
            else
                array[index] = replacedValue(array.at(index), path, value);
            return array;
        }
        QJsonObject object = at.toObject();
        if (path.isEmpty() && value.isUndefined())
            object.remove(key);
        else
            object.insert(key, replacedValue(object.value(key), path, value));
        return object;
    }

    static QJsonObject replaced(
        const QJsonObject &json, const QStringList &path, const QJsonValue &value)
    {
        return replacedValue(json, path, value).toObject();
    }
};

QTEST_GUILESS_MAIN(TestMinutesModel)
#include "test_minutes_model.moc"
