// The sound of the speeches: chamber-media records the programme per speech, and the server
// writes what became of each recording into the meeting's log (recording.saved,
// recording.failed, actor "media"). These are decided by the server, never commands.
#pragma once

#include "protocol/error.h"

#include <QJsonObject>
#include <QString>

namespace chamber::core {

struct Recording
{
    QString id; // "<meeting>-<speech>-<segment>"
    qint64 speech = 0; // seq of the speaker.granted event that gave the floor
    qint64 segment = 0; // 1, then 2, ... when chamber-media restarted during the speech
    QString sha256; // of the Ogg file, lower-case hex; empty while only failed
    qint64 bytes = 0;
    qint64 durationMs = 0;
    bool partial = false;
    QString note; // why it is partial
    bool failed = false; // the last word on it is recording.failed
    QString reason; // the failure's reason; kept when a salvaged file is saved after it
    QString time; // of its last event

    QJsonObject toJson() const;
    static Result<Recording> fromJson(const QJsonObject &json);
};

// The recording id for a speech's segment, as chamber-media names its files.
QString recordingId(qint64 meeting, qint64 speech, qint64 segment);

// The data of recording.saved / recording.failed, parsed and checked against the meeting
// (the id must be "<meeting>-<speech>-<segment>" of this meeting, the speech an earlier event).
struct RecordingSaved
{
    QString recording;
    qint64 speech = 0;
    qint64 segment = 0;
    QString sha256;
    qint64 bytes = 0;
    qint64 durationMs = 0;
    bool partial = false;
    QString note;

    QJsonObject toJson() const;
    static Result<RecordingSaved> fromJson(const QJsonObject &data, qint64 meeting, qint64 seq);
};

struct RecordingFailed
{
    QString recording;
    qint64 speech = 0;
    qint64 segment = 0;
    QString reason;

    QJsonObject toJson() const;
    static Result<RecordingFailed> fromJson(const QJsonObject &data, qint64 meeting, qint64 seq);
};

} // namespace chamber::core
