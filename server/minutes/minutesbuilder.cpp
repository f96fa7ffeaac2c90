// MinutesBuilder: replays a meeting's events through core::apply and keeps, beside the state,
// the history the state forgets (when each delegate came and went, every speech with its
// times, the roll call as it stood when a poll closed, the item a speech or poll belonged to).
#include "core/reducer.h"
#include "minutes/minutesmodel.h"

#include <QSet>

#include <algorithm>
#include <map>

namespace chamber::minutes {

namespace {

using core::MeetingState;
using protocol::Event;

Error damaged(const Event &event, const QString &why)
{
    return makeError(ErrorCode::Invalid,
        QStringLiteral("minutes: meeting %1, event %2 (%3): %4")
            .arg(event.meeting)
            .arg(event.seq)
            .arg(event.kind, why));
}

// Seat order as the room is laid out, then name: the order of the attendance and roll calls.
template<typename Row>
void sortBySeatThenName(std::vector<Row> &rows)
{
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        const int seat = core::compareSeats(a.seat, b.seat);
        return seat != 0 ? seat < 0 : a.name < b.name;
    });
}

} // namespace

struct MinutesBuilder::Private
{
    std::vector<Event> events; // what was added, to rebuild the state after a refused event
    MeetingState state;
    std::map<qint64, std::vector<PresenceSpan>> presence; // by delegate
    std::vector<SpeechRow> speeches; // in order of the floor being given
    std::map<qint64, std::size_t> speechIndex; // speech seq -> index in speeches
    std::optional<std::size_t> openSpeech; // the speech that has the floor
    std::map<qint64, qint64> pollItems; // poll -> the item it was created under
    std::map<qint64, std::vector<RollCallRow>> rollCalls; // poll -> as it stood at the close
    QString firstStartedAt; // the first meeting.started: sessions may resume

    void rebuildState();
    void follow(const Event &event, const MeetingState &before);
    void followPresence(const Event &event, const MeetingState &before);
    void followFloor(const Event &event, const MeetingState &before);
    void followRecording(const Event &event);
    void takeRollCall(qint64 poll);
    SpeechRow speechOf(const Event &event) const;
};

void MinutesBuilder::Private::rebuildState()
{
    state = MeetingState {};
    for (const Event &event : events)
        (void)core::apply(state, event); // applied before: it cannot fail now
}

void MinutesBuilder::Private::follow(const Event &event, const MeetingState &before)
{
    followPresence(event, before);
    followFloor(event, before);
    followRecording(event);
    if (event.kind == QLatin1String("poll.created")) {
        const qint64 poll = event.data.value(QLatin1String("poll")).toInteger();
        const qint64 item = state.polls.at(poll).item;
        pollItems[poll] = item ? item : state.currentItem;
    } else if (event.kind == QLatin1String("poll.closed")) {
        takeRollCall(event.data.value(QLatin1String("poll")).toInteger());
    }
    if (event.kind == QLatin1String("meeting.started") && firstStartedAt.isEmpty())
        firstStartedAt = event.time;
}

// Presence changes only by check-in and check-out: a span opens and closes with them.
void MinutesBuilder::Private::followPresence(const Event &event, const MeetingState &before)
{
    if (!event.kind.startsWith(QLatin1String("attendance.checked")))
        return;
    const qint64 id = event.data.value(QLatin1String("delegate")).toInteger();
    const core::Delegate *was = before.roster.find(id);
    const core::Delegate *now = state.roster.find(id);
    if (!was || !now || was->present == now->present)
        return;
    std::vector<PresenceSpan> &spans = presence[id];
    if (now->present)
        spans.push_back(PresenceSpan {event.time, {}});
    else if (!spans.empty())
        spans.back().to = event.time;
}

// A speech starts with speaker.granted and ends with whatever event takes the floor away:
// speaker.ended, the floor granted to someone else, a bridge device revoked.
void MinutesBuilder::Private::followFloor(const Event &event, const MeetingState &before)
{
    const bool granted = event.kind == QLatin1String("speaker.granted");
    const bool floorChanged = before.speakers.current != state.speakers.current
        || before.speakers.since != state.speakers.since;
    if (openSpeech && (granted || floorChanged)) {
        SpeechRow &speech = speeches[*openSpeech];
        speech.end = event.time;
        speech.durationMs = core::millisecondsBetween(speech.start, speech.end);
        openSpeech.reset();
    }
    if (granted && !state.speakers.current.isNobody()) {
        speechIndex[event.seq] = speeches.size();
        openSpeech = speeches.size();
        speeches.push_back(speechOf(event));
    }
}

SpeechRow MinutesBuilder::Private::speechOf(const Event &event) const
{
    SpeechRow speech;
    speech.speech = event.seq;
    speech.item = state.currentItem;
    speech.speaker = state.speakers.current;
    speech.start = event.time;
    if (speech.speaker.isDelegate()) {
        if (const core::Delegate *delegate = state.roster.find(speech.speaker.id)) {
            speech.name = delegate->name;
            speech.seat = delegate->seat;
        }
    } else if (const auto device = state.devices.find(speech.speaker.id);
               device != state.devices.end()) {
        speech.name = device->second.label;
    }
    return speech;
}

// Failures are listed with their speech in log order; saved files are read from the state
// when the model is made (a failed segment may be saved later, salvaged).
void MinutesBuilder::Private::followRecording(const Event &event)
{
    if (event.kind != QLatin1String("recording.failed"))
        return;
    const auto speech = speechIndex.find(event.data.value(QLatin1String("speech")).toInteger());
    if (speech != speechIndex.end())
        speeches[speech->second].recordingFailures
            << event.data.value(QLatin1String("reason")).toString();
}

void MinutesBuilder::Private::takeRollCall(qint64 pollId)
{
    const core::Poll &poll = state.polls.at(pollId);
    if (poll.secret || !poll.closing)
        return;
    std::vector<RollCallRow> rows;
    for (const core::NamedBallot &ballot : poll.closing->ballots) {
        RollCallRow row;
        row.delegate = ballot.delegate;
        row.choice = ballot.choice;
        row.weight = ballot.weight;
        if (const core::Delegate *delegate = state.roster.find(ballot.delegate)) {
            row.name = delegate->name;
            row.seat = delegate->seat;
        }
        if (ballot.proxyHolder) {
            const core::Delegate *holder = state.roster.find(ballot.proxyHolder);
            row.proxyHolder = holder ? holder->name : QString::number(ballot.proxyHolder);
        }
        rows.push_back(std::move(row));
    }
    sortBySeatThenName(rows);
    rollCalls[pollId] = std::move(rows);
}

MinutesBuilder::MinutesBuilder()
    : d(std::make_unique<Private>())
{ }

MinutesBuilder::~MinutesBuilder() = default;

qint64 MinutesBuilder::seq() const
{
    return d->state.seq;
}

Status MinutesBuilder::add(const protocol::Event &event)
{
    if (d->state.seq > 0 && event.meeting != d->state.id)
        return damaged(event, QStringLiteral("not of meeting %1").arg(d->state.id));
    if (event.seq != d->state.seq + 1)
        return damaged(event, QStringLiteral("expected event %1").arg(d->state.seq + 1));
    // The chain: the model names its last event by hash, so every link must hold.
    const QByteArray previous = d->state.seq == 0 ? protocol::genesisHash() : d->state.lastHash;
    if (event.prevHash != previous || event.hash != event.computeHash())
        return damaged(event, QStringLiteral("the hash chain is broken here"));
    // Only what the diff needs is kept from before: the state is applied in place, and
    // rebuilt from the events added so far when the core refuses one.
    MeetingState before;
    before.speakers = d->state.speakers;
    if (event.kind.startsWith(QLatin1String("attendance.checked"))) {
        const qint64 id = event.data.value(QLatin1String("delegate")).toInteger();
        if (const core::Delegate *delegate = d->state.roster.find(id))
            before.roster.add(*delegate);
    }
    if (auto applied = core::apply(d->state, event); !applied) {
        d->rebuildState();
        return damaged(event, applied.error().message);
    }
    d->events.push_back(event);
    d->follow(event, before);
    return success();
}

Result<MinutesModel> MinutesBuilder::model() const
{
    const MeetingState &state = d->state;
    if (state.seq == 0)
        return makeError(ErrorCode::Invalid, QStringLiteral("minutes: the log has no events"));
    MinutesModel model;
    model.meeting = state.id;
    model.seq = state.seq;
    model.lastEventHash = QString::fromLatin1(state.lastHash.toHex());
    model.lastEventTime = d->events.back().time;
    // Final once the meeting has ended (and not started again): a recording reported after
    // meeting.ended does not make the minutes a draft again.
    model.kind
        = state.status == core::MeetingStatus::Ended ? MinutesKind::Final : MinutesKind::Draft;
    model.title = state.title;
    model.organisation = state.organisation;
    model.session = state.session;
    model.venue = state.venue;
    model.chairperson = state.chairperson;
    model.secretary = state.secretary;
    model.startsAt = state.startsAt;
    model.startedAt = d->firstStartedAt;
    model.endedAt = state.endedAt;
    const core::QuorumState quorum = state.quorum();
    model.members = quorum.total;
    model.presentMembers = quorum.present;
    model.quorumMet = quorum.reached;

    for (const auto &[id, delegate] : state.roster.all()) {
        AttendanceRow row;
        row.delegate = id;
        row.name = delegate.name;
        row.group = delegate.group;
        row.seat = delegate.seat;
        row.weight = delegate.weight;
        if (const auto spans = d->presence.find(id); spans != d->presence.end())
            row.spans = spans->second;
        row.absenceReason = delegate.absenceReason;
        model.attendance.push_back(std::move(row));
    }
    sortBySeatThenName(model.attendance);

    // Items in display order; what belongs to an item no longer on the agenda goes to item 0.
    std::map<qint64, ItemRow> items;
    for (qint64 id : state.agenda.preorder()) {
        const core::AgendaItem *item = state.agenda.find(id);
        ItemRow row;
        row.id = id;
        row.number = state.agenda.number(id);
        row.depth = state.agenda.depth(id);
        row.kind = item->kind;
        row.title = item->title;
        row.description = item->description;
        items[id] = std::move(row);
    }
    ItemRow outside;
    outside.kind = QStringLiteral("item");
    auto itemFor = [&](qint64 id) -> ItemRow & {
        const auto it = items.find(id);
        return it == items.end() ? outside : it->second;
    };
    for (const auto &[id, document] : state.documents.all()) {
        if (document.removed)
            continue;
        itemFor(document.item)
            .documents.push_back(DocumentRow {document.id, document.title, document.fileName(),
                document.pages, document.bytes, document.sha256, document.addedAt});
    }
    // Saved recordings by speech, in segment order (the map is by id: "<m>-<speech>-<seg>").
    std::map<qint64, std::vector<RecordingRow>> recordings;
    for (const auto &[id, recording] : state.recordings) {
        if (recording.failed || recording.sha256.isEmpty())
            continue;
        recordings[recording.speech].push_back(
            RecordingRow {recording.id, recording.segment, recording.sha256, recording.bytes,
                recording.durationMs, recording.partial, recording.note});
    }
    for (auto &[speech, rows] : recordings)
        std::sort(rows.begin(), rows.end(),
            [](const RecordingRow &a, const RecordingRow &b) { return a.segment < b.segment; });
    for (SpeechRow speech : d->speeches) {
        if (const auto saved = recordings.find(speech.speech); saved != recordings.end())
            speech.recordings = saved->second;
        ItemRow &row = itemFor(speech.item);
        speech.item = row.id;
        row.speeches.push_back(std::move(speech));
    }
    for (const auto &[id, poll] : state.polls) {
        PollRow row;
        row.poll = poll;
        ItemRow &item = itemFor(d->pollItems[id]);
        row.poll.item = item.id;
        if (const auto roll = d->rollCalls.find(id); roll != d->rollCalls.end())
            row.rollCall = roll->second;
        item.polls.push_back(std::move(row));
    }
    for (const auto &[number, conclusion] : state.conclusions) {
        if (!conclusion.removed)
            itemFor(conclusion.item)
                .conclusions.push_back(ConclusionRow {number, conclusion.text, conclusion.poll});
    }
    for (qint64 id : state.agenda.preorder())
        model.items.push_back(std::move(items[id]));
    if (!outside.documents.empty() || !outside.speeches.empty() || !outside.polls.empty()
        || !outside.conclusions.empty())
        model.items.push_back(std::move(outside));

    for (const auto &[id, device] : state.devices) {
        if (device.role != QLatin1String("bridge"))
            continue;
        BridgeRow row {id, device.label, device.enrolledAt, device.revokedAt, 0, 0};
        for (const SpeechRow &speech : d->speeches) {
            if (speech.speaker == core::Speaker::bridge(id)) {
                ++row.speeches;
                row.speakingMs += speech.durationMs;
            }
        }
        model.bridges.push_back(std::move(row));
    }
    return model;
}

Result<MinutesModel> buildMinutes(const std::vector<protocol::Event> &events, qint64 upToSeq)
{
    MinutesBuilder builder;
    for (const protocol::Event &event : events) {
        if (upToSeq >= 0 && event.seq > upToSeq)
            break;
        if (auto added = builder.add(event); !added)
            return added.error();
    }
    if (upToSeq >= 0 && builder.seq() != upToSeq)
        return makeError(ErrorCode::NotFound,
            QStringLiteral("minutes: the log ends at event %1, before event %2")
                .arg(builder.seq())
                .arg(upToSeq));
    return builder.model();
}

} // namespace chamber::minutes
