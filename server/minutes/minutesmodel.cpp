#include "minutes/minutesmodel.h"

#include "minutes/jsonreader.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace chamber::minutes {

QString minutesKindName(MinutesKind kind)
{
    return kind == MinutesKind::Final ? QStringLiteral("final") : QStringLiteral("draft");
}

QString minutesLanguageCode(MinutesLanguage language)
{
    return language == MinutesLanguage::English ? QStringLiteral("en") : QStringLiteral("vi");
}

std::optional<MinutesLanguage> minutesLanguageFromCode(const QString &code)
{
    if (code == QLatin1String("vi"))
        return MinutesLanguage::Vietnamese;
    if (code == QLatin1String("en"))
        return MinutesLanguage::English;
    return std::nullopt;
}

namespace {

// Each section's rows: written by toJsonOf, read back by readRow (strictly, through a
// JsonReader whose path names the row).
// Declared first: the templates below find them by ordinary lookup.
QJsonObject toJsonOf(const PresenceSpan &row);
void readRow(JsonReader &r, PresenceSpan &row);
QJsonObject toJsonOf(const AttendanceRow &row);
void readRow(JsonReader &r, AttendanceRow &row);
QJsonObject toJsonOf(const RecordingRow &row);
void readRow(JsonReader &r, RecordingRow &row);
QJsonObject toJsonOf(const SpeechRow &row);
void readRow(JsonReader &r, SpeechRow &row);
QJsonObject toJsonOf(const RollCallRow &row);
void readRow(JsonReader &r, RollCallRow &row);
QJsonObject toJsonOf(const PollRow &row);
void readRow(JsonReader &r, PollRow &row);
QJsonObject toJsonOf(const DocumentRow &row);
void readRow(JsonReader &r, DocumentRow &row);
QJsonObject toJsonOf(const ConclusionRow &row);
void readRow(JsonReader &r, ConclusionRow &row);
QJsonObject toJsonOf(const ItemRow &row);
void readRow(JsonReader &r, ItemRow &row);
QJsonObject toJsonOf(const BridgeRow &row);
void readRow(JsonReader &r, BridgeRow &row);

QJsonObject toJsonOf(const PresenceSpan &row)
{
    return {{QStringLiteral("from"), row.from}, {QStringLiteral("to"), row.to}};
}

void readRow(JsonReader &r, PresenceSpan &row)
{
    row.from = r.string("from");
    row.to = r.string("to");
}

template<typename Row>
QJsonArray arrayOf(const std::vector<Row> &rows)
{
    QJsonArray array;
    for (const Row &row : rows)
        array.append(toJsonOf(row));
    return array;
}

// Reads every element of `field` as a Row; stops at the first problem, which `r` keeps.
template<typename Row>
std::vector<Row> readRows(JsonReader &r, const char *field)
{
    std::vector<Row> rows;
    const QJsonArray array = r.array(field);
    for (qsizetype i = 0; i < array.size() && r.ok(); ++i) {
        if (!array.at(i).isObject()) {
            r.fail(makeError(ErrorCode::BadField,
                QStringLiteral("minutes model: %1 must be an object").arg(r.at(field, i)),
                r.at(field, i)));
            break;
        }
        JsonReader element(array.at(i).toObject(), r.at(field, i));
        Row row;
        readRow(element, row);
        if (!element.ok())
            r.fail(*element.error());
        rows.push_back(std::move(row));
    }
    return rows;
}

QJsonObject toJsonOf(const AttendanceRow &row)
{
    return {{QStringLiteral("delegate"), row.delegate}, {QStringLiteral("name"), row.name},
        {QStringLiteral("group"), row.group}, {QStringLiteral("seat"), row.seat},
        {QStringLiteral("weight"), row.weight}, {QStringLiteral("spans"), arrayOf(row.spans)},
        {QStringLiteral("absenceReason"), row.absenceReason}};
}

void readRow(JsonReader &r, AttendanceRow &row)
{
    row.delegate = r.integer("delegate", 1);
    row.name = r.string("name");
    row.group = r.string("group");
    row.seat = r.string("seat");
    row.weight = r.integer("weight");
    row.spans = readRows<PresenceSpan>(r, "spans");
    row.absenceReason = r.string("absenceReason");
}

QJsonObject toJsonOf(const RecordingRow &row)
{
    return {{QStringLiteral("id"), row.id}, {QStringLiteral("segment"), row.segment},
        {QStringLiteral("sha256"), row.sha256}, {QStringLiteral("bytes"), row.bytes},
        {QStringLiteral("durationMs"), row.durationMs}, {QStringLiteral("partial"), row.partial},
        {QStringLiteral("note"), row.note}};
}

void readRow(JsonReader &r, RecordingRow &row)
{
    row.id = r.string("id");
    row.segment = r.integer("segment", 1);
    row.sha256 = r.string("sha256");
    row.bytes = r.integer("bytes");
    row.durationMs = r.integer("durationMs");
    row.partial = r.boolean("partial");
    row.note = r.string("note");
    if (r.ok() && !protocol::isSha256Hex(row.sha256))
        r.fail("sha256", QStringLiteral("must be 64 lower-case hex digits"));
}

QJsonObject toJsonOf(const SpeechRow &row)
{
    return {{QStringLiteral("speech"), row.speech}, {QStringLiteral("item"), row.item},
        {QStringLiteral("speaker"),
            QJsonObject {{QStringLiteral("kind"), row.speaker.field()},
                {QStringLiteral("id"), row.speaker.id}}},
        {QStringLiteral("name"), row.name}, {QStringLiteral("seat"), row.seat},
        {QStringLiteral("start"), row.start}, {QStringLiteral("end"), row.end},
        {QStringLiteral("durationMs"), row.durationMs},
        {QStringLiteral("recordings"), arrayOf(row.recordings)},
        {QStringLiteral("recordingFailures"), QJsonArray::fromStringList(row.recordingFailures)}};
}

void readRow(JsonReader &r, SpeechRow &row)
{
    row.speech = r.integer("speech", 1);
    row.item = r.integer("item");
    JsonReader speaker(r.object("speaker"), r.pathOf("speaker"));
    const QString kind = speaker.string("kind");
    row.speaker.id = speaker.integer("id", 1);
    if (speaker.ok() && kind != QLatin1String("delegate") && kind != QLatin1String("bridge"))
        speaker.fail("kind", QStringLiteral("must be delegate or bridge"));
    row.speaker.kind = kind == QLatin1String("bridge") ? core::Speaker::Kind::Bridge
                                                       : core::Speaker::Kind::Delegate;
    if (r.ok() && !speaker.ok())
        r.fail(*speaker.error());
    row.name = r.string("name");
    row.seat = r.string("seat");
    row.start = r.string("start");
    row.end = r.string("end");
    row.durationMs = r.integer("durationMs");
    row.recordings = readRows<RecordingRow>(r, "recordings");
    row.recordingFailures = r.strings("recordingFailures");
}

QJsonObject toJsonOf(const RollCallRow &row)
{
    return {{QStringLiteral("delegate"), row.delegate}, {QStringLiteral("name"), row.name},
        {QStringLiteral("seat"), row.seat}, {QStringLiteral("choice"), row.choice},
        {QStringLiteral("weight"), row.weight}, {QStringLiteral("proxyHolder"), row.proxyHolder}};
}

void readRow(JsonReader &r, RollCallRow &row)
{
    row.delegate = r.integer("delegate", 1);
    row.name = r.string("name");
    row.seat = r.string("seat");
    row.choice = r.string("choice");
    row.weight = r.integer("weight");
    row.proxyHolder = r.string("proxyHolder");
}

QJsonObject toJsonOf(const PollRow &row)
{
    return {{QStringLiteral("poll"), row.poll.toJson()},
        {QStringLiteral("rollCall"), arrayOf(row.rollCall)}};
}

void readRow(JsonReader &r, PollRow &row)
{
    const QJsonObject poll = r.object("poll");
    // Poll::fromJson reads snapshots leniently; the model is checked field by field first.
    JsonReader fields(poll, r.pathOf("poll"));
    fields.integer("id", 1);
    fields.string("title");
    fields.strings("choices");
    fields.boolean("secret");
    fields.object("rule");
    fields.boolean("allowChange");
    fields.string("state");
    for (const char *time : {"createdAt", "openedAt", "closedAt", "publishedAt"})
        fields.string(time);
    if (fields.ok()
        && !(poll.value(QLatin1String("item")).isNull()
            || poll.value(QLatin1String("item")).isDouble()))
        fields.fail("item", QStringLiteral("must be an integer or null"));
    if (!fields.ok()) {
        r.fail(*fields.error());
        return;
    }
    auto parsed = core::Poll::fromJson(poll);
    if (!parsed) {
        r.fail("poll", parsed.error().message);
        return;
    }
    row.poll = std::move(parsed.value());
    row.rollCall = readRows<RollCallRow>(r, "rollCall");
}

QJsonObject toJsonOf(const DocumentRow &row)
{
    return {{QStringLiteral("id"), row.id}, {QStringLiteral("title"), row.title},
        {QStringLiteral("fileName"), row.fileName}, {QStringLiteral("pages"), row.pages},
        {QStringLiteral("bytes"), row.bytes}, {QStringLiteral("sha256"), row.sha256},
        {QStringLiteral("addedAt"), row.addedAt}};
}

void readRow(JsonReader &r, DocumentRow &row)
{
    row.id = r.integer("id", 1);
    row.title = r.string("title");
    row.fileName = r.string("fileName");
    row.pages = r.integer("pages");
    row.bytes = r.integer("bytes");
    row.sha256 = r.string("sha256");
    row.addedAt = r.string("addedAt");
    if (r.ok() && !protocol::isSha256Hex(row.sha256))
        r.fail("sha256", QStringLiteral("must be 64 lower-case hex digits"));
}

QJsonObject toJsonOf(const ConclusionRow &row)
{
    return {{QStringLiteral("number"), row.number}, {QStringLiteral("text"), row.text},
        {QStringLiteral("poll"), row.poll}};
}

void readRow(JsonReader &r, ConclusionRow &row)
{
    row.number = r.integer("number", 1);
    row.text = r.string("text");
    row.poll = r.integer("poll");
}

QJsonObject toJsonOf(const ItemRow &row)
{
    return {{QStringLiteral("id"), row.id}, {QStringLiteral("number"), row.number},
        {QStringLiteral("depth"), row.depth}, {QStringLiteral("kind"), row.kind},
        {QStringLiteral("title"), row.title}, {QStringLiteral("description"), row.description},
        {QStringLiteral("documents"), arrayOf(row.documents)},
        {QStringLiteral("speeches"), arrayOf(row.speeches)},
        {QStringLiteral("polls"), arrayOf(row.polls)},
        {QStringLiteral("conclusions"), arrayOf(row.conclusions)}};
}

void readRow(JsonReader &r, ItemRow &row)
{
    row.id = r.integer("id");
    row.number = r.string("number");
    row.depth = int(r.integer("depth"));
    row.kind = r.string("kind");
    row.title = r.string("title");
    row.description = r.string("description");
    row.documents = readRows<DocumentRow>(r, "documents");
    row.speeches = readRows<SpeechRow>(r, "speeches");
    row.polls = readRows<PollRow>(r, "polls");
    row.conclusions = readRows<ConclusionRow>(r, "conclusions");
    if (r.ok() && row.kind != QLatin1String("item") && row.kind != QLatin1String("section")
        && row.kind != QLatin1String("break"))
        r.fail("kind", QStringLiteral("must be item, section or break"));
}

QJsonObject toJsonOf(const BridgeRow &row)
{
    return {{QStringLiteral("device"), row.device}, {QStringLiteral("label"), row.label},
        {QStringLiteral("enrolledAt"), row.enrolledAt},
        {QStringLiteral("revokedAt"), row.revokedAt}, {QStringLiteral("speeches"), row.speeches},
        {QStringLiteral("speakingMs"), row.speakingMs}};
}

void readRow(JsonReader &r, BridgeRow &row)
{
    row.device = r.integer("device", 1);
    row.label = r.string("label");
    row.enrolledAt = r.string("enrolledAt");
    row.revokedAt = r.string("revokedAt");
    row.speeches = r.integer("speeches");
    row.speakingMs = r.integer("speakingMs");
}

} // namespace

QJsonObject MinutesModel::toJson() const
{
    return QJsonObject {
        {QStringLiteral("version"), version},
        {QStringLiteral("meeting"), meeting},
        {QStringLiteral("seq"), seq},
        {QStringLiteral("lastEventHash"), lastEventHash},
        {QStringLiteral("lastEventTime"), lastEventTime},
        {QStringLiteral("kind"), minutesKindName(kind)},
        {QStringLiteral("title"), title},
        {QStringLiteral("organisation"), organisation},
        {QStringLiteral("session"), session},
        {QStringLiteral("venue"), venue},
        {QStringLiteral("chairperson"), chairperson},
        {QStringLiteral("secretary"), secretary},
        {QStringLiteral("startsAt"), startsAt},
        {QStringLiteral("startedAt"), startedAt},
        {QStringLiteral("endedAt"), endedAt},
        {QStringLiteral("members"), members},
        {QStringLiteral("presentMembers"), presentMembers},
        {QStringLiteral("quorumMet"), quorumMet},
        {QStringLiteral("attendance"), arrayOf(attendance)},
        {QStringLiteral("items"), arrayOf(items)},
        {QStringLiteral("bridges"), arrayOf(bridges)},
    };
}

Result<MinutesModel> MinutesModel::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QString());
    MinutesModel model;
    model.version = int(r.integer("version"));
    if (r.ok() && model.version != kMinutesModelVersion)
        r.fail("version",
            QStringLiteral("is %1; this chamberd reads version %2")
                .arg(model.version)
                .arg(kMinutesModelVersion));
    model.meeting = r.integer("meeting", 1);
    model.seq = r.integer("seq", 1);
    model.lastEventHash = r.string("lastEventHash");
    if (r.ok() && !protocol::isSha256Hex(model.lastEventHash))
        r.fail("lastEventHash", QStringLiteral("must be 64 lower-case hex digits"));
    model.lastEventTime = r.string("lastEventTime");
    const QString kind = r.string("kind");
    if (r.ok() && kind != minutesKindName(MinutesKind::Draft)
        && kind != minutesKindName(MinutesKind::Final))
        r.fail("kind", QStringLiteral("must be draft or final"));
    model.kind
        = kind == minutesKindName(MinutesKind::Final) ? MinutesKind::Final : MinutesKind::Draft;
    model.title = r.string("title");
    model.organisation = r.string("organisation");
    model.session = r.string("session");
    model.venue = r.string("venue");
    model.chairperson = r.string("chairperson");
    model.secretary = r.string("secretary");
    model.startsAt = r.string("startsAt");
    model.startedAt = r.string("startedAt");
    model.endedAt = r.string("endedAt");
    model.members = r.integer("members");
    model.presentMembers = r.integer("presentMembers");
    model.quorumMet = r.boolean("quorumMet");
    model.attendance = readRows<AttendanceRow>(r, "attendance");
    model.items = readRows<ItemRow>(r, "items");
    model.bridges = readRows<BridgeRow>(r, "bridges");
    if (!r.ok())
        return *r.error();
    return model;
}

QString MinutesModel::modelSha256() const
{
    return QString::fromLatin1(QCryptographicHash::hash(
        QJsonDocument(toJson()).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256)
                                   .toHex());
}

} // namespace chamber::minutes
