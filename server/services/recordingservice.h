// Every speech's sound: chamberd tells chamber-media when to record and writes what became of
// each recording into the meeting's log.
//
// It follows the log (MeetingService::eventsCommitted): a speaker.granted starts a speech (its
// seq names it), the floor falling empty (speaker.ended, the meeting ended, the speaker's
// device revoked) or the next speaker.granted ends it. Each speech is recorded in segments,
// "<meeting>-<speech>-<segment>": segment 1 at the grant, a new one whenever chamber-media is
// running again during the speech. The supervisor's state decides what cannot be recorded:
// chamber-media not running when a speech starts, or stopping during one, is a
// recording.failed with the reason; the file of a segment cut short that way comes back as
// `recorded` (partial) after chamber-media's restart and becomes its recording.saved.
//
// recording.saved / recording.failed are appended with actor "media", idempotently (an id
// already saved is never saved again, an id already known is never failed again). A failure
// here is logged and never touches the meeting.
#pragma once

#include "media/signaling.h"
#include "services/mediasupervisor.h"

#include <QObject>

#include <map>
#include <vector>

namespace chamber::protocol {
struct Event;
}

namespace chamber::services {

class MeetingService;

class RecordingService : public QObject
{
    Q_OBJECT
public:
    // `media` may be null (bridges off): every speech then fails to record, with the reason.
    RecordingService(MeetingService &meetings, MediaSupervisor *media, QObject *parent = nullptr);

    // The recording running now for a meeting's speech ("" when none): for tests and status.
    QString activeRecording(qint64 meeting) const;

private:
    struct Speech
    {
        qint64 seq = 0; // of its speaker.granted
        qint64 lastSegment = 0;
        QString active; // the segment being recorded now, "" when none
    };

    void onEvents(qint64 meeting, const std::vector<chamber::protocol::Event> &events);
    void onMediaState(MediaSupervisor::State state);
    void onMediaMessage(const media::SignalMessage &message);

    void beginSpeech(qint64 meeting, qint64 seq);
    void endSpeech(qint64 meeting);
    // A new segment of the meeting's current speech: record-start, or recording.failed.
    void startSegment(qint64 meeting, Speech &speech);
    bool mediaRunning() const;
    // Speeches in progress that this service has not seen begin (chamberd restarted during a
    // speech): found from the log.
    void adoptSpeechesInProgress();

    void appendSaved(const media::SignalMessage &recorded);
    void appendFailed(const QString &recording, const QString &reason);
    void appendFailedNow(const QString &recording, const QString &reason);

    MeetingService &m_meetings;
    MediaSupervisor *m_media;
    std::map<qint64, Speech> m_speeches; // by meeting: the speech in progress
};

} // namespace chamber::services
