#include "services/recordingservice.h"

#include "core/meeting.h"
#include "core/recordings.h"
#include "protocol/event.h"
#include "services/meetingservice.h"
#include "support/log.h"

#include <algorithm>

namespace chamber::services {

Q_LOGGING_CATEGORY(lcRecording, "chamber.recording")

namespace {

const QLatin1String kGranted("speaker.granted");
const QString kMediaActor = QStringLiteral("media");

struct RecordingName
{
    qint64 meeting = 0;
    qint64 speech = 0;
    qint64 segment = 0;
};

// "<meeting>-<speech>-<segment>" (chamber-media's signaling checked the digits already).
std::optional<RecordingName> splitRecordingId(const QString &recording)
{
    const QStringList parts = recording.split(u'-');
    if (parts.size() != 3)
        return std::nullopt;
    bool ok[3] = {false, false, false};
    RecordingName name {
        parts[0].toLongLong(&ok[0]), parts[1].toLongLong(&ok[1]), parts[2].toLongLong(&ok[2])};
    if (!ok[0] || !ok[1] || !ok[2] || name.meeting <= 0 || name.speech <= 0 || name.segment <= 0)
        return std::nullopt;
    return name;
}

bool floorIsTaken(const core::MeetingState &state)
{
    return state.status == core::MeetingStatus::InSession && !state.speakers.current.isNobody();
}

// The highest segment of `speech` the log knows (a chamberd restarted during a speech must not
// reuse an id).
qint64 lastLoggedSegment(const core::MeetingState &state, qint64 speech)
{
    qint64 last = 0;
    for (const auto &[id, recording] : state.recordings) {
        if (recording.speech == speech)
            last = std::max(last, recording.segment);
    }
    return last;
}

} // namespace

RecordingService::RecordingService(
    MeetingService &meetings, MediaSupervisor *media, QObject *parent)
    : QObject(parent)
    , m_meetings(meetings)
    , m_media(media)
{
    connect(&m_meetings, &MeetingService::eventsCommitted, this, &RecordingService::onEvents);
    if (m_media) {
        connect(m_media, &MediaSupervisor::stateChanged, this, &RecordingService::onMediaState);
        connect(m_media, &MediaSupervisor::received, this, &RecordingService::onMediaMessage);
    }
}

QString RecordingService::activeRecording(qint64 meeting) const
{
    const auto speech = m_speeches.find(meeting);
    return speech == m_speeches.end() ? QString() : speech->second.active;
}

bool RecordingService::mediaRunning() const
{
    return m_media && m_media->state() == MediaSupervisor::State::Running;
}

void RecordingService::onEvents(qint64 meeting, const std::vector<protocol::Event> &events)
{
    for (const protocol::Event &event : events) {
        if (event.kind == kGranted)
            beginSpeech(meeting, event.seq);
    }
    // Whatever emptied the floor (speaker.ended, meeting.ended, a revoked bridge) ends it.
    const core::MeetingState *state = m_meetings.meeting(meeting);
    if (m_speeches.count(meeting) && (!state || !floorIsTaken(*state)))
        endSpeech(meeting);
}

void RecordingService::beginSpeech(qint64 meeting, qint64 seq)
{
    endSpeech(meeting); // the next speaker: the previous speech ends here
    Speech &speech = m_speeches[meeting];
    speech.seq = seq;
    if (const core::MeetingState *state = m_meetings.meeting(meeting))
        speech.lastSegment = lastLoggedSegment(*state, seq);
    startSegment(meeting, speech);
}

void RecordingService::endSpeech(qint64 meeting)
{
    const auto found = m_speeches.find(meeting);
    if (found == m_speeches.end())
        return;
    const QString active = found->second.active;
    m_speeches.erase(found);
    if (active.isEmpty())
        return;
    // `recorded` (or record-error) follows once the file is on disk.
    if (auto sent = m_media ? m_media->send(media::SignalMessage::recordStop(active))
                            : Status(makeError(ErrorCode::Unavailable, QString()));
        !sent)
        appendFailed(active, QStringLiteral("chamber-media stopped during the speech"));
}

void RecordingService::startSegment(qint64 meeting, Speech &speech)
{
    const QString recording = core::recordingId(meeting, speech.seq, ++speech.lastSegment);
    speech.active.clear();
    if (!mediaRunning()) {
        const QString state
            = m_media ? MediaSupervisor::stateName(m_media->state()) : QStringLiteral("off");
        appendFailed(recording,
            QStringLiteral("chamber-media is not running (%1): the speech was not recorded")
                .arg(state));
        return;
    }
    if (auto sent = m_media->send(media::SignalMessage::recordStart(recording)); !sent) {
        appendFailed(recording, sent.error().message);
        return;
    }
    speech.active = recording;
    log::info(lcRecording(), QStringLiteral("recording a speech"),
        {{QStringLiteral("recording"), recording}});
}

void RecordingService::onMediaState(MediaSupervisor::State state)
{
    if (state == MediaSupervisor::State::Running) {
        adoptSpeechesInProgress();
        // A new chamber-media knows of no recording: each speech goes on in a new segment.
        for (auto &[meeting, speech] : m_speeches) {
            if (speech.active.isEmpty())
                startSegment(meeting, speech);
        }
        return;
    }
    // Starting counts as not running: nothing is recorded until `ready`.
    for (auto &[meeting, speech] : m_speeches) {
        if (speech.active.isEmpty())
            continue;
        const QString lost = std::exchange(speech.active, QString());
        // Off is chamberd's own stop: chamber-media ends cleanly and salvages the file at its
        // next start. Anything else cut the recording short.
        if (state != MediaSupervisor::State::Off)
            appendFailed(lost, QStringLiteral("chamber-media stopped during the speech"));
    }
}

void RecordingService::adoptSpeechesInProgress()
{
    for (const core::MeetingState *state : m_meetings.meetings()) {
        if (!floorIsTaken(*state) || m_speeches.count(state->id))
            continue;
        // The last speaker.granted gave the floor now held.
        auto events = m_meetings.eventsAfter(state->id, 0);
        if (!events)
            continue;
        for (auto event = events->rbegin(); event != events->rend(); ++event) {
            if (event->kind != kGranted)
                continue;
            Speech &speech = m_speeches[state->id];
            speech.seq = event->seq;
            speech.lastSegment = lastLoggedSegment(*state, event->seq);
            break;
        }
    }
}

void RecordingService::onMediaMessage(const media::SignalMessage &message)
{
    if (message.type == media::SignalType::Recorded) {
        appendSaved(message);
    } else if (message.type == media::SignalType::RecordError) {
        // That segment is over; the speech goes on unrecorded until chamber-media restarts.
        for (auto &[meeting, speech] : m_speeches) {
            if (speech.active == message.recording)
                speech.active.clear();
        }
        appendFailed(message.recording, message.error.message);
    }
}

void RecordingService::appendSaved(const media::SignalMessage &recorded)
{
    const auto name = splitRecordingId(recorded.recording);
    const core::MeetingState *state = name ? m_meetings.meeting(name->meeting) : nullptr;
    if (!state) {
        log::warning(lcRecording(), QStringLiteral("a recording of no known meeting"),
            {{QStringLiteral("recording"), recorded.recording},
                {QStringLiteral("sha256"), recorded.sha256}});
        return;
    }
    const auto known = state->recordings.find(recorded.recording);
    if (known != state->recordings.end() && !known->second.failed)
        return; // saved already (chamber-media said it twice, or chamberd restarted)
    const core::RecordingSaved saved {recorded.recording, name->speech, name->segment,
        recorded.sha256, recorded.bytes, recorded.durationMs, recorded.partial, recorded.note};
    auto appended = m_meetings.appendEvents(name->meeting, kMediaActor,
        {core::EventDraft {QStringLiteral("recording.saved"), saved.toJson()}});
    if (!appended) {
        log::warning(lcRecording(), QStringLiteral("recording.saved was refused"),
            {{QStringLiteral("recording"), recorded.recording},
                {QStringLiteral("error"), appended.error().message}});
        return;
    }
    log::info(lcRecording(), QStringLiteral("recording saved"),
        {{QStringLiteral("recording"), recorded.recording},
            {QStringLiteral("sha256"), recorded.sha256},
            {QStringLiteral("durationMs"), recorded.durationMs},
            {QStringLiteral("partial"), recorded.partial}});
}

void RecordingService::appendFailed(const QString &recording, const QString &reason)
{
    // Later, from the event loop: this runs inside eventsCommitted and the supervisor's
    // signals, and an append here would re-enter them (and change m_speeches under the caller).
    QMetaObject::invokeMethod(
        this, [this, recording, reason] { appendFailedNow(recording, reason); },
        Qt::QueuedConnection);
}

void RecordingService::appendFailedNow(const QString &recording, const QString &reason)
{
    const auto name = splitRecordingId(recording);
    const core::MeetingState *state = name ? m_meetings.meeting(name->meeting) : nullptr;
    if (!state || state->recordings.count(recording))
        return; // known already: saved (a failure cannot undo that) or failed before
    const core::RecordingFailed failed {recording, name->speech, name->segment,
        reason.isEmpty() ? QStringLiteral("unknown") : reason.left(1000)};
    auto appended = m_meetings.appendEvents(name->meeting, kMediaActor,
        {core::EventDraft {QStringLiteral("recording.failed"), failed.toJson()}});
    log::warning(lcRecording(), QStringLiteral("recording failed"),
        {{QStringLiteral("recording"), recording}, {QStringLiteral("reason"), failed.reason},
            {QStringLiteral("logged"), bool(appended)}});
}

} // namespace chamber::services
