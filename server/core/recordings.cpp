#include "core/recordings.h"

#include "protocol/event.h"

#include <limits>
#include <optional>

namespace chamber::core {

namespace {

// A note or reason is a line of text for the minutes and the secretary; the server writes it,
// but a log is outside data when it is read back.
constexpr qsizetype kMaxNote = 1000;
constexpr qint64 kMaxSegment = 9999;

Error invalid(const QString &why)
{
    return makeError(ErrorCode::Invalid, QStringLiteral("recording: ") + why);
}

// The field when it is exactly a JSON string; nullopt otherwise (absent, number, null...).
std::optional<QString> stringField(const QJsonObject &json, const char *field)
{
    const QJsonValue value = json.value(QLatin1String(field));
    if (!value.isString())
        return std::nullopt;
    return value.toString();
}

// The field when it is an integer (a JSON number without a fraction) within [low, high].
std::optional<qint64> integerField(const QJsonObject &json, const char *field, qint64 low,
    qint64 high = std::numeric_limits<qint64>::max() / 2)
{
    const QJsonValue value = json.value(QLatin1String(field));
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!(number >= double(low) && number <= double(high)) || number != qint64(number))
        return std::nullopt;
    return qint64(number);
}

// The id, speech and segment must name each other and this meeting, and the speech must be an
// earlier event of it: a recording cannot precede the floor being given.
Status checkIdentity(const QString &id, qint64 speech, qint64 segment, qint64 meeting, qint64 seq)
{
    if (id != recordingId(meeting, speech, segment))
        return invalid(QStringLiteral("id %1 does not name meeting %2, speech %3, segment %4")
                           .arg(id)
                           .arg(meeting)
                           .arg(speech)
                           .arg(segment));
    if (seq > 0 && speech >= seq)
        return invalid(QStringLiteral("speech %1 is not an earlier event").arg(speech));
    return success();
}

} // namespace

QString recordingId(qint64 meeting, qint64 speech, qint64 segment)
{
    return QStringLiteral("%1-%2-%3").arg(meeting).arg(speech).arg(segment);
}

QJsonObject Recording::toJson() const
{
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("speech"), speech},
        {QStringLiteral("segment"), segment},
        {QStringLiteral("sha256"), sha256},
        {QStringLiteral("bytes"), bytes},
        {QStringLiteral("durationMs"), durationMs},
        {QStringLiteral("partial"), partial},
        {QStringLiteral("note"), note},
        {QStringLiteral("failed"), failed},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("time"), time},
    };
}

Result<Recording> Recording::fromJson(const QJsonObject &json)
{
    Recording recording;
    const auto id = stringField(json, "id");
    const auto speech = integerField(json, "speech", 1);
    const auto segment = integerField(json, "segment", 1, kMaxSegment);
    const auto sha256 = stringField(json, "sha256");
    const auto bytes = integerField(json, "bytes", 0);
    const auto durationMs = integerField(json, "durationMs", 0);
    const auto note = stringField(json, "note");
    const auto reason = stringField(json, "reason");
    const auto time = stringField(json, "time");
    const QJsonValue partial = json.value(QLatin1String("partial"));
    const QJsonValue failed = json.value(QLatin1String("failed"));
    if (!id || !speech || !segment || !sha256 || !bytes || !durationMs || !note || !reason || !time
        || !partial.isBool() || !failed.isBool())
        return invalid(QStringLiteral("a field is missing or of the wrong type"));
    if (!sha256->isEmpty() && !protocol::isSha256Hex(*sha256))
        return invalid(QStringLiteral("sha256 is not 64 hex digits"));
    if (!id->endsWith(QStringLiteral("-%1-%2").arg(*speech).arg(*segment)))
        return invalid(QStringLiteral("id %1 does not name its speech and segment").arg(*id));
    recording.id = *id;
    recording.speech = *speech;
    recording.segment = *segment;
    recording.sha256 = *sha256;
    recording.bytes = *bytes;
    recording.durationMs = *durationMs;
    recording.partial = partial.toBool();
    recording.note = *note;
    recording.failed = failed.toBool();
    recording.reason = *reason;
    recording.time = *time;
    return recording;
}

QJsonObject RecordingSaved::toJson() const
{
    return QJsonObject {
        {QStringLiteral("recording"), recording},
        {QStringLiteral("speech"), speech},
        {QStringLiteral("segment"), segment},
        {QStringLiteral("sha256"), sha256},
        {QStringLiteral("bytes"), bytes},
        {QStringLiteral("durationMs"), durationMs},
        {QStringLiteral("partial"), partial},
        {QStringLiteral("note"), note},
    };
}

Result<RecordingSaved> RecordingSaved::fromJson(const QJsonObject &data, qint64 meeting, qint64 seq)
{
    const auto recording = stringField(data, "recording");
    const auto speech = integerField(data, "speech", 1);
    const auto segment = integerField(data, "segment", 1, kMaxSegment);
    const auto sha256 = stringField(data, "sha256");
    const auto bytes = integerField(data, "bytes", 1);
    const auto durationMs = integerField(data, "durationMs", 0);
    const QJsonValue partial = data.value(QLatin1String("partial"));
    // The note is optional in the event: only a partial recording has one.
    const QJsonValue noteValue = data.value(QLatin1String("note"));
    if (!recording || !speech || !segment || !sha256 || !bytes || !durationMs || !partial.isBool()
        || !(noteValue.isUndefined() || noteValue.isString()))
        return invalid(QStringLiteral("recording.saved needs recording, speech, segment, "
                                      "sha256, bytes (> 0), durationMs and partial"));
    if (!protocol::isSha256Hex(*sha256))
        return invalid(QStringLiteral("sha256 is not 64 hex digits"));
    const QString note = noteValue.toString();
    if (note.size() > kMaxNote)
        return invalid(QStringLiteral("the note is longer than %1 characters").arg(kMaxNote));
    if (auto identity = checkIdentity(*recording, *speech, *segment, meeting, seq); !identity)
        return identity.error();
    return RecordingSaved {
        *recording, *speech, *segment, *sha256, *bytes, *durationMs, partial.toBool(), note};
}

QJsonObject RecordingFailed::toJson() const
{
    return QJsonObject {
        {QStringLiteral("recording"), recording},
        {QStringLiteral("speech"), speech},
        {QStringLiteral("segment"), segment},
        {QStringLiteral("reason"), reason},
    };
}

Result<RecordingFailed> RecordingFailed::fromJson(
    const QJsonObject &data, qint64 meeting, qint64 seq)
{
    const auto recording = stringField(data, "recording");
    const auto speech = integerField(data, "speech", 1);
    const auto segment = integerField(data, "segment", 1, kMaxSegment);
    const auto reason = stringField(data, "reason");
    if (!recording || !speech || !segment || !reason || reason->trimmed().isEmpty())
        return invalid(
            QStringLiteral("recording.failed needs recording, speech, segment and a reason"));
    if (reason->size() > kMaxNote)
        return invalid(QStringLiteral("the reason is longer than %1 characters").arg(kMaxNote));
    if (auto identity = checkIdentity(*recording, *speech, *segment, meeting, seq); !identity)
        return identity.error();
    return RecordingFailed {*recording, *speech, *segment, *reason};
}

} // namespace chamber::core
