#include "core/reducer.h"

#include "core/eventroutes.h"

#include <QJsonArray>

#include <algorithm>
#include <array>

namespace chamber::core {

namespace {

using protocol::Event;

qint64 integer(const Event &event, const char *field)
{
    return event.data.value(QLatin1String(field)).toInteger(0);
}

QString text(const Event &event, const char *field)
{
    return event.data.value(QLatin1String(field)).toString();
}

// Applies whichever of these text fields the event carries.
void assignPresent(
    const Event &event, std::initializer_list<std::pair<const char *, QString *>> fields)
{
    for (const auto &[name, target] : fields) {
        if (event.data.contains(QLatin1String(name)))
            *target = text(event, name);
    }
}

Error damaged(const Event &event, const QString &why)
{
    return damagedEvent(event, "meeting", why);
}

// The seat map's size; absent in logs written before meetings had one (0: no map).
void assignHall(MeetingState &state, const Event &event)
{
    for (const auto &[name, target] :
        {std::pair {"hallRows", &state.hallRows}, std::pair {"hallColumns", &state.hallColumns}}) {
        if (event.data.contains(QLatin1String(name)))
            *target = integer(event, name);
    }
}

Status meetingCreated(MeetingState &state, const Event &event)
{
    if (event.seq != 1)
        return damaged(event, QStringLiteral("meeting created twice"));
    state.id = event.meeting;
    state.createdAt = event.time;
    assignPresent(event,
        {{"title", &state.title}, {"description", &state.description}, {"venue", &state.venue},
            {"startsAt", &state.startsAt}, {"organisation", &state.organisation},
            {"session", &state.session}, {"chairperson", &state.chairperson},
            {"secretary", &state.secretary}});
    auto rule = QuorumRule::fromJson(event.data.value(QLatin1String("quorum")).toObject());
    if (!rule)
        return damaged(event, rule.error().message);
    state.quorumRule = rule.value();
    // Absent in logs written before meetings could allow proxies at creation: false.
    state.allowProxies = event.data.value(QLatin1String("allowProxies")).toBool();
    assignHall(state, event);
    // Absent in logs written before councils: no council.
    state.council = integer(event, "council");
    return success();
}

Status meetingUpdated(MeetingState &state, const Event &event)
{
    if (event.data.contains(QLatin1String("allowProxies")))
        state.allowProxies = event.data.value(QLatin1String("allowProxies")).toBool();
    assignHall(state, event);
    assignPresent(event,
        {{"title", &state.title}, {"description", &state.description}, {"venue", &state.venue},
            {"startsAt", &state.startsAt}, {"organisation", &state.organisation},
            {"session", &state.session}, {"chairperson", &state.chairperson},
            {"secretary", &state.secretary}});
    return success();
}

Status meetingStarted(MeetingState &state, const Event &event)
{
    state.status = MeetingStatus::InSession;
    state.startedAt = event.time;
    state.endedAt.clear();
    return success();
}

Status meetingEnded(MeetingState &state, const Event &event)
{
    state.status = MeetingStatus::Ended;
    state.endedAt = event.time;
    return success();
}

Status agendaAdded(MeetingState &state, const Event &event)
{
    AgendaItem item;
    item.id = integer(event, "item");
    item.parent = integer(event, "parent");
    item.title = text(event, "title");
    item.description = text(event, "description");
    item.kind = text(event, "kind");
    const qint64 position = integer(event, "position");
    if (item.id <= 0 || state.agenda.contains(item.id))
        return damaged(event, QStringLiteral("item id %1 is not new").arg(item.id));
    if (auto check = state.agenda.checkInsert(item.parent, position); !check)
        return damaged(event, check.error().message);
    state.agenda.insert(item, position);
    return success();
}

Status agendaUpdated(MeetingState &state, const Event &event)
{
    AgendaItem *item = state.agenda.findMutable(integer(event, "item"));
    if (!item)
        return damaged(event, QStringLiteral("no such item"));
    assignPresent(event,
        {{"title", &item->title}, {"description", &item->description}, {"kind", &item->kind}});
    return success();
}

Status agendaMoved(MeetingState &state, const Event &event)
{
    const qint64 id = integer(event, "item");
    const qint64 parent = integer(event, "parent");
    const qint64 position = integer(event, "position");
    if (auto check = state.agenda.checkMove(id, parent, position); !check)
        return damaged(event, check.error().message);
    state.agenda.move(id, parent, position);
    return success();
}

Status agendaRemoved(MeetingState &state, const Event &event)
{
    const qint64 id = integer(event, "item");
    if (!state.agenda.contains(id))
        return damaged(event, QStringLiteral("no such item"));
    for (qint64 gone : state.agenda.remove(id)) {
        if (gone == state.currentItem)
            state.currentItem = 0;
    }
    return success();
}

Status agendaSelected(MeetingState &state, const Event &event)
{
    const qint64 id = integer(event, "item");
    if (id != 0 && !state.agenda.contains(id))
        return damaged(event, QStringLiteral("no such item"));
    state.currentItem = id;
    return success();
}

Status delegateAdded(MeetingState &state, const Event &event)
{
    Delegate delegate;
    delegate.id = integer(event, "delegate");
    delegate.name = text(event, "name");
    delegate.group = text(event, "group");
    delegate.seat = text(event, "seat");
    delegate.weight = integer(event, "weight");
    delegate.member = integer(event, "member");
    if (delegate.id <= 0 || state.roster.find(delegate.id))
        return damaged(event, QStringLiteral("delegate id %1 is not new").arg(delegate.id));
    state.roster.add(delegate);
    return success();
}

Status delegateUpdated(MeetingState &state, const Event &event)
{
    Delegate *delegate = state.roster.findMutable(integer(event, "delegate"));
    if (!delegate)
        return damaged(event, QStringLiteral("no such delegate"));
    assignPresent(
        event, {{"name", &delegate->name}, {"group", &delegate->group}, {"seat", &delegate->seat}});
    if (event.data.contains(QLatin1String("weight")))
        delegate->weight = integer(event, "weight");
    return success();
}

Status delegateRemoved(MeetingState &state, const Event &event)
{
    const qint64 id = integer(event, "delegate");
    if (!state.roster.find(id))
        return damaged(event, QStringLiteral("no such delegate"));
    state.roster.remove(id);
    return success();
}

Status attendance(MeetingState &state, const Event &event, bool present)
{
    Delegate *delegate = state.roster.findMutable(integer(event, "delegate"));
    if (!delegate)
        return damaged(event, QStringLiteral("no such delegate"));
    delegate->present = present;
    delegate->presentSince = present ? event.time : QString();
    return success();
}

Status checkedIn(MeetingState &state, const Event &event)
{
    return attendance(state, event, true);
}

Status checkedOut(MeetingState &state, const Event &event)
{
    return attendance(state, event, false);
}

Status excused(MeetingState &state, const Event &event)
{
    Delegate *delegate = state.roster.findMutable(integer(event, "delegate"));
    if (!delegate)
        return damaged(event, QStringLiteral("no such delegate"));
    if (!event.data.value(QLatin1String("reason")).isString())
        return damaged(event, QStringLiteral("an excuse needs its reason"));
    delegate->absenceReason = text(event, "reason");
    return success();
}

Status quorumRuleSet(MeetingState &state, const Event &event)
{
    auto rule = QuorumRule::fromJson(event.data.value(QLatin1String("rule")).toObject());
    if (!rule)
        return damaged(event, rule.error().message);
    state.quorumRule = rule.value();
    return success();
}

Status deviceEnrolled(MeetingState &state, const Event &event)
{
    DeviceInfo device;
    device.id = integer(event, "device");
    device.role = text(event, "role");
    device.delegate = integer(event, "delegate");
    device.label = text(event, "label");
    device.name = text(event, "name");
    device.platform = text(event, "platform");
    device.enrolledAt = event.time;
    if (device.id <= 0 || state.devices.count(device.id))
        return damaged(event, QStringLiteral("device id %1 is not new").arg(device.id));
    state.devices[device.id] = device;
    return success();
}

Status deviceRevoked(MeetingState &state, const Event &event)
{
    const auto it = state.devices.find(integer(event, "device"));
    if (it == state.devices.end())
        return damaged(event, QStringLiteral("no such device"));
    it->second.revoked = true;
    it->second.revokedAt = event.time;
    // A revoked bridge point leaves the speaker list and loses the floor here, not by events
    // of its own: every replica applies the same rule, and no path that revokes can forget.
    // The speech it held counts up to the revocation.
    if (it->second.role == QLatin1String("bridge"))
        state.speakers.remove(Speaker::bridge(it->first), event.time);
    return success();
}

Status pollCreated(MeetingState &state, const Event &event)
{
    Poll poll;
    poll.id = integer(event, "poll");
    poll.item = integer(event, "item");
    poll.title = text(event, "title");
    for (const QJsonValue &choice : event.data.value(QLatin1String("choices")).toArray())
        poll.choices << choice.toString();
    poll.secret = event.data.value(QLatin1String("secret")).toBool();
    auto rule = MajorityRule::fromJson(event.data.value(QLatin1String("rule")).toObject());
    if (!rule)
        return damaged(event, rule.error().message);
    poll.rule = rule.value();
    poll.allowChange = event.data.value(QLatin1String("allowChange")).toBool();
    poll.createdAt = event.time;
    if (poll.id <= 0 || state.polls.count(poll.id))
        return damaged(event, QStringLiteral("poll id %1 is not new").arg(poll.id));
    state.polls[poll.id] = poll;
    return success();
}

// Moves a poll from `from` to `to`, recording the time in `stamp`.
Status pollStep(
    MeetingState &state, const Event &event, PollState from, PollState to, QString Poll::*stamp)
{
    const auto it = state.polls.find(integer(event, "poll"));
    if (it == state.polls.end() || it->second.state != from)
        return damaged(event, QStringLiteral("no %1 poll with this id").arg(pollStateName(from)));
    it->second.state = to;
    it->second.*stamp = event.time;
    return success();
}

Status pollOpened(MeetingState &state, const Event &event)
{
    return pollStep(state, event, PollState::Draft, PollState::Open, &Poll::openedAt);
}

Status pollClosed(MeetingState &state, const Event &event)
{
    // Parsed here, once: everything after (screens, the signed document) reads the types.
    auto closing = PollClosing::fromJson(event.data);
    if (!closing)
        return damaged(event, closing.error().message);
    if (auto status = pollStep(state, event, PollState::Open, PollState::Closed, &Poll::closedAt);
        !status)
        return status;
    state.polls[integer(event, "poll")].closing = std::move(closing.value());
    return success();
}

Status pollPublished(MeetingState &state, const Event &event)
{
    if (auto status
        = pollStep(state, event, PollState::Closed, PollState::Published, &Poll::publishedAt);
        !status)
        return status;
    state.polls[integer(event, "poll")].published = event.data;
    return success();
}

Status proxyGiven(MeetingState &state, const Event &event)
{
    state.proxies[integer(event, "delegate")] = integer(event, "holder");
    return success();
}

Status proxyRevoked(MeetingState &state, const Event &event)
{
    state.proxies.erase(integer(event, "delegate"));
    return success();
}

// Who a speaker.* event names: `bridge` (a bridge point's device id) or, as in every log
// written before sites could speak, `delegate`.
Result<Speaker> speakerOf(const MeetingState &state, const Event &event)
{
    const bool bridge = event.data.contains(QLatin1String("bridge"));
    if (bridge && event.data.contains(QLatin1String("delegate")))
        return damaged(event, QStringLiteral("names both a delegate and a bridge"));
    if (!bridge)
        return Speaker::delegate(integer(event, "delegate"));
    const Speaker speaker = Speaker::bridge(integer(event, "bridge"));
    const auto device = state.devices.find(speaker.id);
    if (device == state.devices.end() || device->second.role != QLatin1String("bridge"))
        return damaged(event, QStringLiteral("no such bridge point"));
    return speaker;
}

Status speakerRequested(MeetingState &state, const Event &event)
{
    auto speaker = speakerOf(state, event);
    if (!speaker)
        return speaker.error();
    if (state.speakers.positionOf(*speaker) >= 0)
        return damaged(event, QStringLiteral("already waiting"));
    state.speakers.queue.push_back(*speaker);
    state.speakers.requestedAt[*speaker] = event.time;
    return success();
}

void leaveQueue(SpeakerState &speakers, const Speaker &speaker)
{
    auto &queue = speakers.queue;
    queue.erase(std::remove(queue.begin(), queue.end(), speaker), queue.end());
    speakers.requestedAt.erase(speaker);
}

Status speakerWithdrawn(MeetingState &state, const Event &event)
{
    auto speaker = speakerOf(state, event);
    if (!speaker)
        return speaker.error();
    leaveQueue(state.speakers, *speaker);
    return success();
}

Status speakerMoved(MeetingState &state, const Event &event)
{
    auto speaker = speakerOf(state, event);
    if (!speaker)
        return speaker.error();
    const qint64 position = integer(event, "position");
    auto &queue = state.speakers.queue;
    queue.erase(std::remove(queue.begin(), queue.end(), *speaker), queue.end());
    if (position < 0 || position > qint64(queue.size()))
        return damaged(event, QStringLiteral("position out of range"));
    queue.insert(queue.begin() + position, *speaker);
    return success();
}

Status speakerGranted(MeetingState &state, const Event &event)
{
    auto speaker = speakerOf(state, event);
    if (!speaker)
        return speaker.error();
    leaveQueue(state.speakers, *speaker); // if waiting
    state.speakers.current = *speaker;
    state.speakers.since = event.time;
    state.speakers.limitSeconds = integer(event, "limitSeconds");
    return success();
}

Status speakerEnded(MeetingState &state, const Event &event)
{
    auto speaker = speakerOf(state, event);
    if (!speaker)
        return speaker.error();
    if (state.speakers.current != *speaker)
        return damaged(event, QStringLiteral("this speaker does not have the floor"));
    auto &totals = speaker->isBridge() ? state.speakers.bridgeTotalMs : state.speakers.totalMs;
    totals[speaker->id] += integer(event, "durationMs");
    state.speakers.current = Speaker {};
    state.speakers.since.clear();
    state.speakers.limitSeconds = 0;
    return success();
}

Status speakerLimitSet(MeetingState &state, const Event &event)
{
    state.speakers.defaultLimitSeconds = integer(event, "seconds");
    return success();
}

Status documentAdded(MeetingState &state, const Event &event)
{
    auto document = Document::fromJson(event.data);
    if (!document)
        return damaged(event, document.error().message);
    if (document->id != state.documents.nextId())
        return damaged(event, QStringLiteral("document id out of order"));
    if (!state.agenda.contains(document->item))
        return damaged(event, QStringLiteral("no such agenda item"));
    document->addedAt = event.time;
    document->removed = false;
    state.documents.insert(document.value());
    return success();
}

Status documentRemoved(MeetingState &state, const Event &event)
{
    Document *document = state.documents.findMutable(integer(event, "document"));
    if (!document || document->removed)
        return damaged(event, QStringLiteral("no such document"));
    document->removed = true;
    document->removedAt = event.time;
    if (state.presenting.document == document->id)
        state.presenting = Presentation {};
    return success();
}

Status documentPresented(MeetingState &state, const Event &event)
{
    const qint64 id = integer(event, "document");
    if (id == 0) {
        state.presenting = Presentation {};
        return success();
    }
    const Document *document = state.documents.find(id);
    const qint64 page = integer(event, "page");
    if (!document || document->removed || page < 1 || page > document->pages)
        return damaged(event, QStringLiteral("no such document or page"));
    state.presenting = Presentation {id, page, event.time};
    return success();
}
// Reader links live in their own table (tokens, expiry); the log records who handed one out,
// for whom and until when, and its revocation. Nothing of them is in the meeting's state.
Status readerLinkCreated(MeetingState &, const Event &event)
{
    if (integer(event, "link") <= 0 || integer(event, "delegate") <= 0)
        return damaged(event, QStringLiteral("a reader link needs its id and delegate"));
    return success();
}

Status readerLinkRevoked(MeetingState &, const Event &event)
{
    if (integer(event, "link") <= 0)
        return damaged(event, QStringLiteral("a reader link revocation needs the link's id"));
    return success();
}

Status conclusionAdded(MeetingState &state, const Event &event)
{
    Conclusion conclusion;
    conclusion.id = integer(event, "conclusion");
    conclusion.item = integer(event, "item");
    conclusion.text = text(event, "text");
    conclusion.poll = integer(event, "poll");
    conclusion.addedAt = conclusion.updatedAt = event.time;
    if (conclusion.id != state.nextConclusionId() || integer(event, "number") != conclusion.id)
        return damaged(event, QStringLiteral("conclusion number out of order"));
    if (!state.agenda.contains(conclusion.item))
        return damaged(event, QStringLiteral("no such agenda item"));
    state.conclusions[conclusion.id] = conclusion;
    return success();
}

Conclusion *standingConclusion(MeetingState &state, const Event &event)
{
    const auto it = state.conclusions.find(integer(event, "conclusion"));
    return it == state.conclusions.end() || it->second.removed ? nullptr : &it->second;
}

Status conclusionUpdated(MeetingState &state, const Event &event)
{
    Conclusion *conclusion = standingConclusion(state, event);
    if (!conclusion)
        return damaged(event, QStringLiteral("no such conclusion"));
    if (event.data.contains(QLatin1String("text")))
        conclusion->text = text(event, "text");
    if (event.data.contains(QLatin1String("poll")))
        conclusion->poll = integer(event, "poll");
    conclusion->updatedAt = event.time;
    return success();
}

Status conclusionRemoved(MeetingState &state, const Event &event)
{
    Conclusion *conclusion = standingConclusion(state, event);
    if (!conclusion)
        return damaged(event, QStringLiteral("no such conclusion"));
    conclusion->removed = true;
    conclusion->updatedAt = event.time;
    return success();
}

Status screenShown(MeetingState &state, const Event &event)
{
    const QString view = text(event, "view");
    if (view != QLatin1String("tally") && view != QLatin1String("board"))
        return damaged(event, QStringLiteral("unknown view"));
    state.screenView = view;
    return success();
}

// A recording of a speech was written and fsync'd. Once saved, a recording is never saved again
// (chamber-media's report may arrive twice; the service skips it, a log with it is damaged);
// after recording.failed it may be: the salvaged partial file of a crash.
Status recordingSaved(MeetingState &state, const Event &event)
{
    auto saved = RecordingSaved::fromJson(event.data, state.id, event.seq);
    if (!saved)
        return damaged(event, saved.error().message);
    const auto existing = state.recordings.find(saved->recording);
    if (existing != state.recordings.end() && !existing->second.failed)
        return damaged(
            event, QStringLiteral("recording %1 was already saved").arg(saved->recording));
    Recording &recording = state.recordings[saved->recording];
    recording.id = saved->recording;
    recording.speech = saved->speech;
    recording.segment = saved->segment;
    recording.sha256 = saved->sha256;
    recording.bytes = saved->bytes;
    recording.durationMs = saved->durationMs;
    recording.partial = saved->partial;
    recording.note = saved->note;
    recording.failed = false; // the reason stays: it tells why the file is partial
    recording.time = event.time;
    return success();
}

// A recording could not be made or finished. A saved recording cannot fail afterwards.
Status recordingFailed(MeetingState &state, const Event &event)
{
    auto failed = RecordingFailed::fromJson(event.data, state.id, event.seq);
    if (!failed)
        return damaged(event, failed.error().message);
    const auto existing = state.recordings.find(failed->recording);
    if (existing != state.recordings.end() && !existing->second.failed)
        return damaged(
            event, QStringLiteral("recording %1 was already saved").arg(failed->recording));
    Recording &recording = state.recordings[failed->recording];
    recording.id = failed->recording;
    recording.speech = failed->speech;
    recording.segment = failed->segment;
    recording.failed = true;
    recording.reason = failed->reason;
    recording.time = event.time;
    return success();
}

using Route = EventRoute<MeetingState>;

constexpr std::array kRoutes {
    Route {"meeting.created", meetingCreated},
    Route {"meeting.updated", meetingUpdated},
    Route {"meeting.started", meetingStarted},
    Route {"meeting.ended", meetingEnded},
    Route {"agenda.added", agendaAdded},
    Route {"agenda.updated", agendaUpdated},
    Route {"agenda.moved", agendaMoved},
    Route {"agenda.removed", agendaRemoved},
    Route {"agenda.selected", agendaSelected},
    Route {"delegate.added", delegateAdded},
    Route {"delegate.updated", delegateUpdated},
    Route {"delegate.removed", delegateRemoved},
    Route {"attendance.checkedIn", checkedIn},
    Route {"attendance.checkedOut", checkedOut},
    Route {"attendance.excused", excused},
    Route {"quorum.ruleSet", quorumRuleSet},
    Route {"device.enrolled", deviceEnrolled},
    Route {"device.revoked", deviceRevoked},
    Route {"readerLink.created", readerLinkCreated},
    Route {"readerLink.revoked", readerLinkRevoked},
    Route {"poll.created", pollCreated},
    Route {"poll.opened", pollOpened},
    Route {"poll.closed", pollClosed},
    Route {"poll.published", pollPublished},
    Route {"proxy.given", proxyGiven},
    Route {"proxy.revoked", proxyRevoked},
    Route {"speaker.requested", speakerRequested},
    Route {"speaker.withdrawn", speakerWithdrawn},
    Route {"speaker.moved", speakerMoved},
    Route {"speaker.granted", speakerGranted},
    Route {"speaker.ended", speakerEnded},
    Route {"speaker.limitSet", speakerLimitSet},
    Route {"document.added", documentAdded},
    Route {"document.removed", documentRemoved},
    Route {"document.presented", documentPresented},
    Route {"conclusion.added", conclusionAdded},
    Route {"conclusion.updated", conclusionUpdated},
    Route {"conclusion.removed", conclusionRemoved},
    Route {"screen.shown", screenShown},
    Route {"recording.saved", recordingSaved},
    Route {"recording.failed", recordingFailed},
};

} // namespace

Status apply(MeetingState &state, const protocol::Event &event)
{
    return applyThroughRoutes<MeetingState>(state, event, kRoutes, "meeting");
}

std::vector<QString> eventKinds()
{
    return routedEventKinds<MeetingState>(kRoutes);
}

} // namespace chamber::core
