// The minutes of a meeting as data: everything the minutes PDF, the CSV and JSON exports and
// `chamberctl verify minutes.pdf --log` need, gathered by replaying the meeting's event log
// (MinutesBuilder) up to one event. Never edited by hand: the same log up to the same event
// gives the same model, so the same canonical JSON (toJson(), compact, keys sorted) and the
// same PDF bytes. The PDF carries the SHA-256 of that JSON (modelSha256()) so a verifier can
// rebuild the model from the log and compare.
#pragma once

#include "core/poll.h"
#include "core/speakers.h"
#include "protocol/error.h"
#include "protocol/event.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace chamber::minutes {

constexpr int kMinutesModelVersion = 1;

// Draft: made while the meeting runs (or before it); Final: the meeting has ended (its last
// meeting.started/meeting.ended event is meeting.ended; events the server appends after the end,
// such as a late recording.saved, keep the minutes final).
enum class MinutesKind { Draft, Final };
QString minutesKindName(MinutesKind kind); // "draft", "final"

// The language the minutes are written in. The model holds no prose: only the renderer
// chooses words, so both languages come from one model (and one modelSha256).
enum class MinutesLanguage { Vietnamese, English };
QString minutesLanguageCode(MinutesLanguage language); // "vi", "en"
std::optional<MinutesLanguage> minutesLanguageFromCode(const QString &code);

// One stretch of presence: a check-in and the check-out that ended it (empty `to`: still
// present at the model's last event).
struct PresenceSpan
{
    QString from;
    QString to;
};

struct AttendanceRow
{
    qint64 delegate = 0;
    QString name;
    QString group;
    QString seat;
    qint64 weight = 1; // 0: takes part, does not vote
    std::vector<PresenceSpan> spans; // in time order; empty: absent throughout
    QString absenceReason; // attendance.excused; meaningful when spans is empty
};

// One recording of one speech (a speech cut in two by a chamber-media restart has two).
struct RecordingRow
{
    QString id; // "<meeting>-<speech seq>-<segment>", as chamber-media named it
    qint64 segment = 1;
    QString sha256; // of the Ogg file: its name in the data directory's recordings/
    qint64 bytes = 0;
    qint64 durationMs = 0;
    bool partial = false; // cut short: chamber-media stopped during the speech
    QString note; // why it is partial, as the log says; empty otherwise
};

struct SpeechRow
{
    qint64 speech = 0; // seq of the speaker.granted event: the speech's id everywhere
    qint64 item = 0; // current agenda item when the floor was given; 0: none
    core::Speaker speaker;
    QString name; // the delegate's name, or the bridge device's label
    QString seat; // delegates only
    QString start;
    QString end; // empty: still speaking at the model's last event
    qint64 durationMs = 0; // start to end (0 while still speaking)
    std::vector<RecordingRow> recordings;
    QStringList recordingFailures; // recording.failed reasons for this speech, in log order
};

// One entry of a named poll's roll call.
struct RollCallRow
{
    qint64 delegate = 0;
    QString name;
    QString seat;
    QString choice; // "yes", "no", "abstain" or a candidate
    qint64 weight = 1;
    QString proxyHolder; // name of who cast it by proxy; empty: in person
};

struct PollRow
{
    core::Poll poll; // as the log left it: rule, times, state, closing (tally, outcome, receipts)
    std::vector<RollCallRow> rollCall; // named polls once closed, by seat then name; else empty
};

struct DocumentRow
{
    qint64 id = 0;
    QString title;
    QString fileName;
    qint64 pages = 0;
    qint64 bytes = 0;
    QString sha256;
    QString addedAt;
};

struct ConclusionRow
{
    qint64 number = 0;
    QString text;
    qint64 poll = 0; // the resolution's poll; 0: none
};

// An agenda item (or section, or break) with what happened under it, in agenda display order.
// Removed items are not listed, but what happened under them is kept under item 0.
struct ItemRow
{
    qint64 id = 0; // 0: "outside the agenda" (speeches and polls with no current item)
    QString number; // "2.1"; empty for breaks and item 0
    int depth = 0;
    QString kind; // item, section, break
    QString title;
    QString description;
    std::vector<DocumentRow> documents; // not removed at the last event, by id
    std::vector<SpeechRow> speeches; // in order of the floor being given
    std::vector<PollRow> polls; // by poll id
    std::vector<ConclusionRow> conclusions; // not removed, by number
};

// A bridge point (remote site) enrolled in the meeting.
struct BridgeRow
{
    qint64 device = 0;
    QString label;
    QString enrolledAt;
    QString revokedAt; // empty: not revoked
    qint64 speeches = 0;
    qint64 speakingMs = 0;
};

struct MinutesModel
{
    int version = kMinutesModelVersion;
    qint64 meeting = 0;
    qint64 seq = 0; // the last event the model was made from
    QString lastEventHash; // its hash, 64 lower-case hex digits
    QString lastEventTime; // its time: the minutes' date, and the signature's signing time
    MinutesKind kind = MinutesKind::Draft;

    QString title;
    QString organisation; // the issuing body, e.g. "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HÀ NỘI"
    QString session; // e.g. "Kỳ họp thứ mười hai"
    QString venue;
    QString chairperson;
    QString secretary;
    QString startsAt; // planned
    QString startedAt; // first meeting.started; empty: never started
    QString endedAt; // last meeting.ended; empty: not ended

    // Quorum at the last event, as the meeting's rule counts it.
    qint64 members = 0;
    qint64 presentMembers = 0;
    bool quorumMet = false;

    std::vector<AttendanceRow> attendance; // by seat then name (core::compareSeats)
    std::vector<ItemRow> items; // agenda display order; item 0 last, only when not empty
    std::vector<BridgeRow> bridges; // by device id

    // Canonical: the same model always gives the same JSON (QJsonObject sorts keys).
    QJsonObject toJson() const;
    // The render child reads the model back: refuses anything toJson() cannot have written
    // (a wrong type, a missing field, an unknown version or kind) with BadField naming it.
    static Result<MinutesModel> fromJson(const QJsonObject &json);
    // Lower-case hex SHA-256 of QJsonDocument(toJson()).toJson(Compact).
    QString modelSha256() const;
};

// Replays one meeting's events (seq 1, 2, … in order) and keeps the history the state alone
// forgets: presence spans, the speeches with their times and recordings, the roll calls.
class MinutesBuilder
{
public:
    MinutesBuilder();
    ~MinutesBuilder();
    MinutesBuilder(const MinutesBuilder &) = delete;
    MinutesBuilder &operator=(const MinutesBuilder &) = delete;

    // The next event of the meeting. Refuses an event of another meeting, out of sequence or
    // one the core refuses (a damaged log); nothing changes then.
    Status add(const protocol::Event &event);
    qint64 seq() const;
    // The minutes as of the last event added (Final once the meeting has ended).
    Result<MinutesModel> model() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// Convenience: every event of `events` up to and including `upToSeq` (-1: all).
Result<MinutesModel> buildMinutes(const std::vector<protocol::Event> &events, qint64 upToSeq = -1);

} // namespace chamber::minutes
