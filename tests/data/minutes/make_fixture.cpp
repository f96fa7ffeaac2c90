// Makes tests/data/minutes/meeting.jsonl: the event log of a council session, as chamberd would
// have written it (every command checked by the protocol schema and decided by the core, every
// event applied and sealed into the hash chain), with a fixed clock and a fixed signing key so
// that running it again gives the same bytes. The facts it records are the constants of
// tests/support/minutesfixture.h.
//
//   chamber_make_minutes_fixture tests/data/minutes/meeting.jsonl [MODEL.json]
//
// With a second file, the minutes model of the whole log is written there too (compact JSON):
// the seed of tests/fuzz/corpus/minutes_model.
#include "core/ballots.h"
#include "core/commands.h"
#include "core/reducer.h"
#include "minutes/minutesmodel.h"
#include "minutesfixture.h"
#include "protocol/ed25519.h"
#include "protocol/event.h"
#include "protocol/message.h"
#include "protocol/receipt.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>
#include <cstdlib>

using namespace chamber;
namespace fx = chamber::testing::minutesfixture;

namespace {

// A test key, published here on purpose: the fixture's results must verify, and nothing else
// is ever signed with it.
const char kSigningKeyPem[] = "-----BEGIN PRIVATE KEY-----\n"
                              "MC4CAQAwBQYDK2VwBCIEIH2Dzeik5o/VY03aCt+OlfFiCO8yjEni/VvXO80wuQwK\n"
                              "-----END PRIVATE KEY-----\n";

[[noreturn]] void die(const QString &why)
{
    std::fprintf(stderr, "make_fixture: %s\n", qPrintable(why));
    std::exit(1);
}

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

class Log
{
public:
    // Every event from now on carries this time (UTC, as chamberd writes it).
    void at(const char *utc) { m_time = s(utc); }
    void at(const QString &utc) { m_time = utc; }

    // A command through the schema and the core, as the meeting service runs it.
    core::Decision run(const char *type, QJsonObject fields, core::DecisionContext context = {})
    {
        fields.insert(QStringLiteral("type"), s(type));
        fields.insert(QStringLiteral("id"), QStringLiteral("fixture-%1").arg(++m_requests));
        const bool creating = qstrcmp(type, "meeting.create") == 0;
        if (!creating)
            fields.insert(QStringLiteral("meeting"), fx::kMeeting);
        auto message = protocol::validateMessage(fields, protocol::Direction::ToServer);
        if (!message)
            die(QStringLiteral("%1: %2").arg(s(type), message.error().message));
        context.now = m_time;
        auto decision = creating ? core::decideCreate(fx::kMeeting, message.value())
                                 : core::decide(state, message.value(), context);
        if (!decision)
            die(QStringLiteral("%1: %2").arg(s(type), decision.error().message));
        for (const core::EventDraft &draft : decision->events)
            append(draft.kind, draft.data, QStringLiteral("admin"));
        return decision.value();
    }

    // An event the server decides itself (enrollment, an upload stored, a recording).
    void append(const QString &kind, const QJsonObject &data, const QString &actor)
    {
        protocol::Event event;
        event.meeting = fx::kMeeting;
        event.seq = state.seq + 1;
        event.kind = kind;
        event.time = m_time;
        event.actor = actor;
        event.data = data;
        event.prevHash = state.seq == 0 ? protocol::genesisHash() : state.lastHash;
        event.seal();
        if (auto applied = core::apply(state, event); !applied)
            die(applied.error().message);
        m_lines += QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact) + '\n';
    }

    const QByteArray &lines() const { return m_lines; }
    core::MeetingState state;

private:
    QString m_time;
    qint64 m_requests = 0;
    QByteArray m_lines;
};

// A small but real PDF's bytes: the minutes list the SHA-256 of what was uploaded.
QByteArray documentBytes(const QString &title, qint64 pages)
{
    QByteArray pdf = "%PDF-1.4\n% " + title.toUtf8() + "\n";
    for (qint64 page = 1; page <= pages; ++page)
        pdf += QByteArray("% page ") + QByteArray::number(page) + "\n";
    return pdf + "%%EOF\n";
}

void addDocument(Log &log, qint64 id, qint64 item, const QString &title, qint64 pages)
{
    const QByteArray bytes = documentBytes(title, pages);
    log.append(QStringLiteral("document.added"),
        {{QStringLiteral("id"), id}, {QStringLiteral("item"), item},
            {QStringLiteral("sha256"),
                QString::fromLatin1(
                    QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex())},
            {QStringLiteral("name"), QString(title + QStringLiteral(".pdf"))},
            {QStringLiteral("title"), title}, {QStringLiteral("pages"), pages},
            {QStringLiteral("bytes"), qint64(bytes.size())},
            {QStringLiteral("source"), QStringLiteral("pdf")}},
        QStringLiteral("admin"));
}

// The Ogg file's hash stands for the file chamber-media would have written.
QString oggHash(const QString &recording)
{
    return QString::fromLatin1(QCryptographicHash::hash(
        QByteArray("OggS " + recording.toLatin1()), QCryptographicHash::Sha256)
                                   .toHex());
}

void saved(Log &log, qint64 speech, qint64 segment, qint64 durationMs, const char *note = nullptr)
{
    const QString id = core::recordingId(fx::kMeeting, speech, segment);
    core::RecordingSaved event {id, speech, segment, oggHash(id), durationMs * 3, durationMs,
        note != nullptr, note ? s(note) : QString()};
    log.append(QStringLiteral("recording.saved"), event.toJson(), QStringLiteral("media"));
}

qint64 grant(Log &log, const QJsonObject &who)
{
    log.run("speaker.grant", who);
    return log.state.seq; // the speaker.granted event: the speech's id
}

QJsonObject delegate(qint64 id)
{
    return {{QStringLiteral("delegate"), id}};
}

void publish(Log &log, const protocol::Ed25519Key &key, qint64 poll)
{
    core::DecisionContext signing;
    const QByteArray signature = key.sign(
        protocol::resultSigningBytes(core::resultDocument(log.state, log.state.polls.at(poll))));
    signing.signature = QString::fromLatin1(signature.toBase64());
    signing.publicKey = QString::fromLatin1(key.publicKey().toBase64());
    log.run("poll.publish", {{QStringLiteral("poll"), poll}}, signing);
}

QByteArray makeLog()
{
    auto key = protocol::Ed25519Key::fromPem(kSigningKeyPem);
    if (!key)
        die(key.error().message);
    Log log;
    log.at("2026-12-07T09:00:00.000Z"); // prepared the day before
    log.run("meeting.create",
        {{QStringLiteral("title"), s(fx::kTitle)}, {QStringLiteral("venue"), s(fx::kVenue)},
            {QStringLiteral("startsAt"), s(fx::kStartsAt)},
            {QStringLiteral("organisation"), s(fx::kOrganisation)},
            {QStringLiteral("session"), s(fx::kSession)},
            {QStringLiteral("chairperson"), s(fx::kChairperson)},
            {QStringLiteral("secretary"), s(fx::kSecretary)}});
    for (const fx::FixtureDelegate &d : fx::kDelegates)
        log.run("delegate.add",
            {{QStringLiteral("name"), s(d.name)}, {QStringLiteral("group"), s(d.group)},
                {QStringLiteral("seat"), s(d.seat)}});
    for (const fx::FixtureItem &item : fx::kItems) {
        QJsonObject fields {
            {QStringLiteral("title"), s(item.title)}, {QStringLiteral("kind"), s(item.kind)}};
        if (item.id == 1)
            fields.insert(QStringLiteral("description"),
                QStringLiteral(
                    "Ủy ban nhân dân tỉnh trình bày; Ban Kinh tế - Ngân sách thẩm tra."));
        log.run("agenda.add", fields);
    }
    addDocument(log, 1, 1, s(fx::kReportTitle), fx::kReportPages);
    addDocument(
        log, 2, 2, QStringLiteral("Tờ trình số 88/TTr-UBND về ứng dụng công nghệ thông tin"), 5);
    addDocument(
        log, 3, 4, QStringLiteral("Đề án cải cách thủ tục hành chính giai đoạn 2026-2030"), 8);
    log.at("2026-12-08T00:50:00.000Z");
    log.append(QStringLiteral("device.enrolled"),
        {{QStringLiteral("device"), fx::kBridgeDevice},
            {QStringLiteral("role"), QStringLiteral("bridge")},
            {QStringLiteral("label"), s(fx::kBridgeLabel)},
            {QStringLiteral("name"), QStringLiteral("kimbang-bridge")},
            {QStringLiteral("platform"), QStringLiteral("Linux")}},
        QStringLiteral("server"));
    log.run("attendance.excuse",
        {{QStringLiteral("delegate"), fx::kExcused}, {QStringLiteral("reason"), s(fx::kExcuse)}});

    log.at(fx::kCheckIn);
    for (qint64 id : {1, 2, 3, 4})
        log.run("attendance.checkIn", delegate(id));
    log.at(fx::kStartedAt);
    log.run("meeting.start", {});
    log.at("2026-12-08T01:05:00.000Z");
    log.run("agenda.select", {{QStringLiteral("item"), 1}});

    // Item 1: An, then the bridge (granted over An), then Nam (granted over the bridge).
    log.at(fx::kSpeeches[0].start);
    log.run("speaker.request", delegate(1));
    const qint64 an = grant(log, delegate(1));
    log.at(fx::kSpeeches[1].start);
    const qint64 bridge = grant(log, {{QStringLiteral("bridge"), fx::kBridgeDevice}});
    log.at("2026-12-08T01:16:05.000Z");
    saved(log, an, 1, fx::kFirstRecordingMs);
    log.at(fx::kSpeeches[2].start);
    const qint64 nam = grant(log, delegate(3));
    log.at("2026-12-08T01:20:31.000Z");
    log.append(QStringLiteral("recording.failed"),
        core::RecordingFailed {core::recordingId(fx::kMeeting, nam, 1), nam, 1, s(fx::kFailure)}
            .toJson(),
        QStringLiteral("media"));
    log.at("2026-12-08T01:20:35.000Z");
    saved(log, bridge, 1, 200000, fx::kPartialNote);
    log.at(fx::kSpeeches[2].end);
    log.run("speaker.end", {});
    log.at("2026-12-08T01:26:00.000Z");
    log.run("conclusion.add",
        {{QStringLiteral("item"), 1},
            {QStringLiteral("text"),
                QStringLiteral("Hội đồng nhân dân tỉnh tán thành báo cáo tình hình kinh tế - xã "
                               "hội năm 2026.")}});

    // Item 2: the named poll, created without an item while item 2 is current.
    log.at("2026-12-08T01:30:00.000Z");
    log.run("agenda.select", {{QStringLiteral("item"), 2}});
    log.at("2026-12-08T01:35:00.000Z");
    log.run("poll.create",
        {{QStringLiteral("title"), s(fx::kNamedPoll)},
            {QStringLiteral("rule"),
                QJsonObject {{QStringLiteral("preset"), QStringLiteral("majority-of-present")}}}});
    log.at(fx::kLateArrival);
    log.run("attendance.checkIn", delegate(fx::kLate));
    log.at("2026-12-08T01:45:00.000Z");
    log.run("poll.open", {{QStringLiteral("poll"), 1}});
    log.at("2026-12-08T01:50:00.000Z");
    core::DecisionContext named;
    named.ballots = core::PollBallots {};
    const std::pair<qint64, const char *> votes[]
        = {{1, "yes"}, {2, "yes"}, {3, "no"}, {4, "yes"}, {5, "abstain"}};
    for (const auto &[voter, choice] : votes) {
        named.ballots->named.push_back(core::NamedBallot {voter, s(choice), 1, 0});
        named.ballots->voters.push_back(voter);
    }
    log.run("poll.close", {{QStringLiteral("poll"), 1}}, named);
    log.at("2026-12-08T01:51:00.000Z");
    publish(log, key.value(), 1);
    log.at("2026-12-08T01:55:00.000Z");
    log.run("conclusion.add",
        {{QStringLiteral("item"), 2}, {QStringLiteral("text"), s(fx::kConclusionOnPoll)},
            {QStringLiteral("poll"), 1}});

    // The break; the secret poll is prepared during it, for item 4 (named in the command).
    log.at("2026-12-08T02:00:00.000Z");
    log.run("agenda.select", {{QStringLiteral("item"), 3}});
    log.at("2026-12-08T02:10:00.000Z");
    log.run("poll.create",
        {{QStringLiteral("title"), s(fx::kSecretPoll)}, {QStringLiteral("item"), 4},
            {QStringLiteral("secret"), true},
            {QStringLiteral("rule"),
                QJsonObject {{QStringLiteral("preset"), QStringLiteral("majority-of-present")}}}});
    log.at("2026-12-08T02:30:00.000Z");
    log.run("agenda.select", {{QStringLiteral("item"), 4}});

    // Item 4: Tuấn speaks; chamber-media restarts during the speech (two segments).
    log.at(fx::kSpeeches[3].start);
    const qint64 tuan = grant(log, delegate(fx::kLate));
    log.at("2026-12-08T03:02:10.000Z");
    saved(log, tuan, 1, 120000, fx::kPartialNote);
    log.at(fx::kSpeeches[3].end);
    log.run("speaker.end", {});
    log.at("2026-12-08T03:05:01.000Z");
    saved(log, tuan, 2, 169000);
    log.at(fx::kEarlyLeave);
    log.run("attendance.checkOut", delegate(fx::kEarlyLeaver));
    log.at("2026-12-08T03:35:00.000Z");
    log.run("poll.open", {{QStringLiteral("poll"), 2}});
    log.at("2026-12-08T03:40:00.000Z");
    core::DecisionContext secret;
    secret.ballots = core::PollBallots {};
    const std::pair<qint64, const char *> secretVotes[]
        = {{1, "yes"}, {2, "yes"}, {3, "no"}, {5, "yes"}};
    for (const auto &[voter, choice] : secretVotes) {
        const QString receipt = protocol::ballotReceipt(
            fx::kMeeting, 2, QStringLiteral("fixture-ballot-key-%1-000000").arg(voter));
        secret.ballots->secret.push_back(core::SecretBallot {receipt, s(choice), 1});
        secret.ballots->voters.push_back(voter);
    }
    log.run("poll.close", {{QStringLiteral("poll"), 2}}, secret);
    log.at("2026-12-08T03:41:00.000Z");
    publish(log, key.value(), 2);
    log.at(fx::kEndedAt);
    log.run("meeting.end", {});
    return log.lines();
}

void write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) < 0
        || !file.flush())
        die(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
}

QByteArray modelOf(const QByteArray &lines)
{
    std::vector<protocol::Event> events;
    for (const QByteArray &line : lines.split('\n')) {
        if (line.isEmpty())
            continue;
        auto event = protocol::Event::fromJson(QJsonDocument::fromJson(line).object());
        if (!event)
            die(event.error().message);
        events.push_back(event.value());
    }
    auto model = minutes::buildMinutes(events);
    if (!model)
        die(model.error().message);
    return QJsonDocument(model->toJson()).toJson(QJsonDocument::Compact);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2 && argc != 3)
        die(QStringLiteral("usage: chamber_make_minutes_fixture OUTPUT.jsonl [MODEL.json]"));
    const QByteArray log = makeLog();
    write(QString::fromLocal8Bit(argv[1]), log);
    if (argc == 3)
        write(QString::fromLocal8Bit(argv[2]), modelOf(log));
    return 0;
}
