#include "minutessummary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <map>

namespace chamber::kiosk {

namespace {

Error malformed(const QString &what)
{
    return makeError(ErrorCode::Invalid, QStringLiteral("minutes.json: %1").arg(what));
}

// A whole number held by a JSON number (what the server writes for ids, times and sizes).
bool wholeNumber(const QJsonValue &value, qint64 *out)
{
    if (!value.isDouble())
        return false;
    const double number = value.toDouble();
    if (number != number || number < 0 || number > 9.0e15 || number != double(qint64(number)))
        return false;
    *out = qint64(number);
    return true;
}

Result<MinutesRecording> parseRecording(const QJsonValue &value)
{
    if (!value.isObject())
        return malformed(QStringLiteral("a recording is not an object"));
    const QJsonObject object = value.toObject();
    MinutesRecording recording;
    recording.id = object.value(QLatin1String("recording")).toString();
    recording.sha256 = object.value(QLatin1String("sha256")).toString();
    // The hash names the file in a URL and in the cache: nothing else may pass.
    if (!isRecordingSha256(recording.sha256))
        return malformed(QStringLiteral("recording %1 has no valid sha256").arg(recording.id));
    if (!wholeNumber(object.value(QLatin1String("speech")), &recording.speech)
        || !wholeNumber(object.value(QLatin1String("segment")), &recording.segment)
        || !wholeNumber(object.value(QLatin1String("bytes")), &recording.bytes)
        || !wholeNumber(object.value(QLatin1String("duration_ms")), &recording.durationMs))
        return malformed(
            QStringLiteral("recording %1 has a bad segment, size or duration").arg(recording.id));
    if (!object.value(QLatin1String("partial")).isBool())
        return malformed(QStringLiteral("recording %1 has no partial flag").arg(recording.id));
    recording.partial = object.value(QLatin1String("partial")).toBool();
    recording.note = object.value(QLatin1String("note")).toString();
    return recording;
}

Result<MinutesSpeech> parseSpeech(const QJsonValue &value)
{
    if (!value.isObject())
        return malformed(QStringLiteral("a speech is not an object"));
    const QJsonObject object = value.toObject();
    MinutesSpeech speech;
    if (!wholeNumber(object.value(QLatin1String("speech")), &speech.speech) || speech.speech <= 0)
        return malformed(QStringLiteral("a speech has no valid `speech` seq"));
    const QJsonValue item = object.value(QLatin1String("item"));
    if (!item.isNull() && !item.isUndefined() && !wholeNumber(item, &speech.item))
        return malformed(QStringLiteral("speech %1 has a bad item").arg(speech.speech));
    speech.name = object.value(QLatin1String("name")).toString();
    speech.seat = object.value(QLatin1String("seat")).toString();
    speech.start = object.value(QLatin1String("start")).toString();
    speech.end = object.value(QLatin1String("end")).toString();
    wholeNumber(object.value(QLatin1String("duration_ms")), &speech.durationMs);
    // The export's table cell: the reasons joined with "; ".
    const QString failures = object.value(QLatin1String("recording_failures")).toString();
    if (!failures.isEmpty())
        speech.failures = failures.split(QStringLiteral("; "));
    return speech;
}

} // namespace

Result<MinutesSummary> parseMinutesSummary(const QByteArray &json)
{
    QJsonParseError error;
    if (json.size() > kMaxMinutesSummaryBytes)
        return malformed(QStringLiteral("larger than 64 MiB"));
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return malformed(QStringLiteral("not a JSON object"));
    const QJsonObject object = document.object();
    MinutesSummary summary;
    if (!wholeNumber(object.value(QLatin1String("seq")), &summary.seq))
        return malformed(QStringLiteral("no valid seq"));
    summary.kind = object.value(QLatin1String("kind")).toString();
    if (summary.kind != QLatin1String("draft") && summary.kind != QLatin1String("final"))
        return malformed(QStringLiteral("kind is neither draft nor final"));
    const QJsonValue speeches = object.value(QLatin1String("speeches"));
    if (!speeches.isArray())
        return malformed(QStringLiteral("speeches is not an array"));
    std::map<qint64, size_t> bySeq; // speech seq -> index in summary.speeches
    for (const QJsonValue &value : speeches.toArray()) {
        auto speech = parseSpeech(value);
        if (!speech)
            return speech.error();
        if (!bySeq.emplace(speech->speech, summary.speeches.size()).second)
            return malformed(QStringLiteral("speech %1 is listed twice").arg(speech->speech));
        summary.speeches.push_back(std::move(speech.value()));
    }
    // The recordings table, one row per recording, each joined to its speech.
    const QJsonValue recordings = object.value(QLatin1String("recordings"));
    if (!recordings.isArray())
        return malformed(QStringLiteral("recordings is not an array"));
    for (const QJsonValue &value : recordings.toArray()) {
        auto recording = parseRecording(value);
        if (!recording)
            return recording.error();
        const auto it = bySeq.find(recording->speech);
        if (it == bySeq.end())
            return malformed(
                QStringLiteral("recording %1 belongs to no listed speech").arg(recording->id));
        summary.speeches[it->second].recordings.push_back(recording.value());
    }
    return summary;
}

bool isRecordingSha256(const QString &text)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    return hex.match(text).hasMatch();
}

} // namespace chamber::kiosk
