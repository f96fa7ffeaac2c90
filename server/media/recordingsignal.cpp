// The recording messages' checks and builders (record-start, record-stop, recorded,
// record-error); their parsing is with the others in signaling.cpp.
#include "media/signaling.h"

namespace chamber::media {

bool isValidRecordingId(QStringView recording)
{
    // Three runs of digits: 1–18, 1–18 and 1–4 long, joined by '-'.
    const auto parts = recording.split(u'-');
    if (parts.size() != 3)
        return false;
    const qsizetype limits[] = {18, 18, 4};
    for (int i = 0; i < 3; ++i) {
        if (parts[i].isEmpty() || parts[i].size() > limits[i])
            return false;
        for (QChar c : parts[i]) {
            if (c < u'0' || c > u'9')
                return false;
        }
    }
    return true;
}

bool isLowerHexSha256(QStringView text)
{
    if (text.size() != 64)
        return false;
    for (QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

SignalMessage SignalMessage::recordStart(QString recording)
{
    return SignalMessage {.type = SignalType::RecordStart, .recording = std::move(recording)};
}
SignalMessage SignalMessage::recordStop(QString recording)
{
    return SignalMessage {.type = SignalType::RecordStop, .recording = std::move(recording)};
}
SignalMessage SignalMessage::recorded(
    QString recording, QString sha256, qint64 bytes, qint64 durationMs, bool partial, QString note)
{
    return SignalMessage {.type = SignalType::Recorded,
        .recording = std::move(recording),
        .sha256 = std::move(sha256),
        .bytes = bytes,
        .durationMs = durationMs,
        .partial = partial,
        .note = signalLine(note, kMaxRecordingNoteLength)};
}
SignalMessage SignalMessage::recordError(QString recording, chamber::Error error)
{
    SignalMessage message;
    message.type = SignalType::RecordError;
    message.recording = std::move(recording);
    message.error.code = error.code;
    message.error.message = signalLine(error.message, 1024);
    return message;
}

} // namespace chamber::media
