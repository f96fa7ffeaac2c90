#include "protocol/schema.h"

#include <array>

namespace chamber::protocol {

namespace {

constexpr qint64 kMaxId = 2147483647;
constexpr qint64 kMaxText = 10000;
constexpr qint64 kMaxCsv = 1 << 20;
// Marks a string as a label (a title or name people read): checked by protocol/text.h's
// labelProblem() and kept in NFC.
constexpr bool kLabel = true;

const char *const kQuorumBases[] = {"heads", "weight", nullptr};
const char *const kAgendaKinds[] = {"item", "section", "break", nullptr};

// Reused field definitions. A field means the same thing in every message it appears in.
constexpr FieldSpec kMeeting {
    "meeting", FieldKind::Integer, true, 1, kMaxId, nullptr, {}, "meeting id"};
constexpr FieldSpec kItem {
    "item", FieldKind::Integer, true, 1, kMaxId, nullptr, {}, "agenda item id"};
constexpr FieldSpec kDevice {
    "device", FieldKind::Integer, true, 1, kMaxId, nullptr, {}, "device id"};
constexpr FieldSpec kDelegate {
    "delegate", FieldKind::Integer, true, 1, kMaxId, nullptr, {}, "delegate id"};

constexpr std::array kQuorumRuleFields {
    FieldSpec {"numerator", FieldKind::Integer, true, 1, 1000, nullptr, {}, "fraction of members"},
    FieldSpec {
        "denominator", FieldKind::Integer, true, 1, 1000, nullptr, {}, "fraction of members"},
    FieldSpec {"inclusive", FieldKind::Boolean, true, 0, 0, nullptr, {},
        "true: at least the fraction; false: more than the fraction"},
    FieldSpec {
        "basis", FieldKind::String, true, 1, 16, kQuorumBases, {}, "count heads or voting weight"},
};

// --- client to server: session ---------------------------------------------------------------
constexpr std::array kHello {
    FieldSpec {"protocol", FieldKind::Integer, true, 1, 1000, nullptr, {}, "protocol version"},
    FieldSpec {"credential", FieldKind::String, true, 1, 512, nullptr, {},
        "admin token or device credential"},
    FieldSpec {"client", FieldKind::String, false, 0, 100, nullptr, {},
        "client name and version, for logs"},
};
constexpr std::array<FieldSpec, 0> kNoFields {};
constexpr std::array kSubscribe {
    kMeeting,
    FieldSpec {"since", FieldKind::Integer, false, 0, 9007199254740991LL, nullptr, {},
        "last sequence number the client has; omitted or 0 for a snapshot"},
};
constexpr std::array kUnsubscribe {kMeeting};
constexpr std::array kEnroll {
    FieldSpec {"token", FieldKind::String, true, 16, 128, nullptr, {},
        "the single-use token from the join QR code"},
    FieldSpec {"name", FieldKind::String, false, 0, 100, nullptr, {},
        "what the device calls itself (host name), for the device list"},
    FieldSpec {"platform", FieldKind::String, false, 0, 100, nullptr, {},
        "operating system and program version, for the device list"},
};

constexpr std::array kReaderLinkCreate {
    kMeeting,
    FieldSpec {"delegate", FieldKind::Integer, false, 1, kMaxId, nullptr, {},
        "whose phone; omitted: the tablet's own delegate"},
    FieldSpec {"ttlSeconds", FieldKind::Integer, false, 1, 604800, nullptr, {},
        "lifetime; default 12 hours, at most 7 days"},
};

// --- client to server: commands --------------------------------------------------------------
// What the minutes print in their heading; "" clears. The server fills `organisation` with the
// council's name when a council's meeting is created without one.
constexpr qint64 kMaxHeading = 200;
constexpr FieldSpec kMeetingOrganisation {"organisation", FieldKind::String, false, 0, kMaxHeading,
    nullptr, {}, "the issuing body; default: the council's name", kLabel};
constexpr FieldSpec kSession {"session", FieldKind::String, false, 0, kMaxHeading, nullptr, {},
    "the session, e.g. the twelfth session", kLabel};
constexpr FieldSpec kChairperson {"chairperson", FieldKind::String, false, 0, kMaxHeading, nullptr,
    {}, "who chairs, as the minutes name them", kLabel};
constexpr FieldSpec kSecretary {"secretary", FieldKind::String, false, 0, kMaxHeading, nullptr, {},
    "who keeps the minutes", kLabel};
constexpr std::array kMeetingCreate {
    FieldSpec {"title", FieldKind::String, true, 1, 300, nullptr, {}, "meeting title", kLabel},
    FieldSpec {"description", FieldKind::String, false, 0, kMaxText, nullptr, {}, ""},
    FieldSpec {"venue", FieldKind::String, false, 0, 300, nullptr, {}, "", kLabel},
    FieldSpec {
        "startsAt", FieldKind::String, false, 0, 40, nullptr, {}, "ISO 8601 date-time with offset"},
    FieldSpec {"quorum", FieldKind::Object, false, 0, 0, nullptr, kQuorumRuleFields,
        "quorum rule; default more than half of the members, by heads"},
    FieldSpec {"allowProxies", FieldKind::Boolean, false, 0, 0, nullptr, {},
        "delegates may vote by proxy; default no"},
    FieldSpec {"hallRows", FieldKind::Integer, false, 1, 60, nullptr, {},
        "rows of the hall's seat map (A, B, ...)"},
    FieldSpec {"hallColumns", FieldKind::Integer, false, 1, 60, nullptr, {},
        "seats per row of the hall's seat map"},
    FieldSpec {"council", FieldKind::Integer, false, 1, kMaxId, nullptr, {},
        "the council whose meeting it is: its active members become the delegates"},
    kMeetingOrganisation,
    kSession,
    kChairperson,
    kSecretary,
};
constexpr std::array kMeetingUpdate {
    kMeeting,
    FieldSpec {"allowProxies", FieldKind::Boolean, false, 0, 0, nullptr, {}, ""},
    FieldSpec {"title", FieldKind::String, false, 1, 300, nullptr, {}, "", kLabel},
    FieldSpec {"description", FieldKind::String, false, 0, kMaxText, nullptr, {}, ""},
    FieldSpec {"venue", FieldKind::String, false, 0, 300, nullptr, {}, "", kLabel},
    FieldSpec {"startsAt", FieldKind::String, false, 0, 40, nullptr, {}, ""},
    FieldSpec {"hallRows", FieldKind::Integer, false, 1, 60, nullptr, {}, ""},
    FieldSpec {"hallColumns", FieldKind::Integer, false, 1, 60, nullptr, {}, ""},
    kMeetingOrganisation,
    kSession,
    kChairperson,
    kSecretary,
};
constexpr std::array kMeetingOnly {kMeeting};
constexpr std::array kAgendaAdd {
    kMeeting,
    FieldSpec {"title", FieldKind::String, true, 1, 500, nullptr, {}, "item title", kLabel},
    FieldSpec {"description", FieldKind::String, false, 0, kMaxText, nullptr, {}, ""},
    FieldSpec {"kind", FieldKind::String, false, 1, 16, kAgendaKinds, {},
        "item (default), section or break"},
    FieldSpec {"parent", FieldKind::NullableInteger, false, 1, kMaxId, nullptr, {},
        "parent item; omitted or null for top level"},
    FieldSpec {"position", FieldKind::Integer, false, 0, 10000, nullptr, {},
        "0-based index among the siblings; omitted appends"},
};
constexpr std::array kAgendaUpdate {
    kMeeting,
    kItem,
    FieldSpec {"title", FieldKind::String, false, 1, 500, nullptr, {}, "", kLabel},
    FieldSpec {"description", FieldKind::String, false, 0, kMaxText, nullptr, {}, ""},
    FieldSpec {"kind", FieldKind::String, false, 1, 16, kAgendaKinds, {}, ""},
};
constexpr std::array kAgendaMove {
    kMeeting,
    kItem,
    FieldSpec {"parent", FieldKind::NullableInteger, false, 1, kMaxId, nullptr, {},
        "new parent; omitted keeps the parent, null moves to top level"},
    FieldSpec {"position", FieldKind::Integer, true, 0, 10000, nullptr, {},
        "0-based index among the new siblings"},
};
constexpr std::array kAgendaItemOnly {kMeeting, kItem};
constexpr std::array kAgendaSelect {
    kMeeting,
    FieldSpec {"item", FieldKind::NullableInteger, true, 1, kMaxId, nullptr, {},
        "item to make current; null for none"},
};
constexpr std::array kDelegateAdd {
    kMeeting,
    FieldSpec {"name", FieldKind::String, true, 1, 200, nullptr, {}, "full name", kLabel},
    FieldSpec {
        "group", FieldKind::String, false, 0, 200, nullptr, {}, "delegation or group", kLabel},
    FieldSpec {"seat", FieldKind::String, false, 0, 32, nullptr, {}, "seat label, unique", kLabel},
    FieldSpec {"weight", FieldKind::Integer, false, 0, 1000000, nullptr, {},
        "voting weight; default 1, 0 for a non-voting participant"},
};
constexpr std::array kDelegateUpdate {
    kMeeting,
    kDelegate,
    FieldSpec {"name", FieldKind::String, false, 1, 200, nullptr, {}, "", kLabel},
    FieldSpec {"group", FieldKind::String, false, 0, 200, nullptr, {}, "", kLabel},
    FieldSpec {"seat", FieldKind::String, false, 0, 32, nullptr, {}, "", kLabel},
    FieldSpec {"weight", FieldKind::Integer, false, 0, 1000000, nullptr, {}, ""},
};
constexpr std::array kDelegateOnly {kMeeting, kDelegate};
constexpr std::array kAttendanceExcuse {
    kMeeting,
    kDelegate,
    FieldSpec {"reason", FieldKind::String, true, 0, 500, nullptr, {},
        "why the delegate is absent, for the minutes; \"\" withdraws it", kLabel},
};
constexpr std::array kDelegateImport {
    kMeeting,
    FieldSpec {"csv", FieldKind::String, true, 1, kMaxCsv, nullptr, {},
        "UTF-8 CSV with a header line: name, group, seat, weight"},
};
constexpr std::array kDeviceOnly {kMeeting, kDevice};
constexpr FieldSpec kPoll {"poll", FieldKind::Integer, true, 1, kMaxId, nullptr, {}, "poll id"};
constexpr std::array kPollOnly {kMeeting, kPoll};
constexpr std::array kDocumentOnly {kMeeting,
    FieldSpec {"document", FieldKind::Integer, true, 1, kMaxId, nullptr, {}, "document id"}};
constexpr std::array kDocumentPresent {
    kMeeting,
    FieldSpec {"document", FieldKind::NullableInteger, true, 1, kMaxId, nullptr, {},
        "the document every following screen shows; null: stop presenting"},
    FieldSpec {"page", FieldKind::Integer, false, 1, 100000, nullptr, {}, "1-based; default 1"},
};
constexpr std::array kPollCreate {
    kMeeting,
    FieldSpec {"title", FieldKind::String, true, 1, 500, nullptr, {}, "what is voted on", kLabel},
    FieldSpec {"item", FieldKind::NullableInteger, false, 1, kMaxId, nullptr, {},
        "the agenda item it decides"},
    FieldSpec {"choices", FieldKind::Array, false, 0, 0, nullptr, {},
        "candidates for a single-choice poll; omitted for yes / no / abstain"},
    FieldSpec {
        "secret", FieldKind::Boolean, false, 0, 0, nullptr, {}, "secret ballot; default named"},
    FieldSpec {"rule", FieldKind::Object, true, 0, 0, nullptr, {},
        "majority rule: {preset} or a full rule"},
    FieldSpec {"allowChange", FieldKind::Boolean, false, 0, 0, nullptr, {},
        "voters may change their ballot until the poll closes"},
};
constexpr std::array kBallotCast {
    kMeeting,
    kPoll,
    kDelegate,
    FieldSpec {
        "choice", FieldKind::String, true, 1, 200, nullptr, {}, "yes, no, abstain, or a candidate"},
    FieldSpec {"key", FieldKind::String, true, 22, 64, nullptr, {},
        "the device's random ballot key (base64url): identifies the ballot, gives the receipt"},
};
constexpr std::array kProxyGive {kMeeting, kDelegate,
    FieldSpec {"holder", FieldKind::Integer, true, 1, kMaxId, nullptr, {},
        "delegate who votes for `delegate`"}};
constexpr std::array kDelegateRequest {kMeeting, kDelegate};
// Who speaks: a delegate or a bridge point (its device id); the core wants exactly one, so
// both are optional here and "neither" or "both" get their own clear error there.
constexpr FieldSpec kSpeakerDelegate {
    "delegate", FieldKind::Integer, false, 1, kMaxId, nullptr, {}, "a delegate; or bridge"};
constexpr FieldSpec kSpeakerBridge {"bridge", FieldKind::Integer, false, 1, kMaxId, nullptr, {},
    "a bridge point's device id; or delegate"};
constexpr std::array kSpeakerRequest {kMeeting, kSpeakerDelegate, kSpeakerBridge};
constexpr std::array kSpeakerMove {kMeeting, kSpeakerDelegate, kSpeakerBridge,
    FieldSpec {
        "position", FieldKind::Integer, true, 0, 10000, nullptr, {}, "0-based place in the queue"}};
constexpr std::array kSpeakerGrant {
    kMeeting,
    FieldSpec {"delegate", FieldKind::Integer, false, 1, kMaxId, nullptr, {},
        "who gets the floor; omitted with bridge: the first in the queue"},
    FieldSpec {"bridge", FieldKind::Integer, false, 1, kMaxId, nullptr, {},
        "the bridge point (device id) that gets the floor"},
    FieldSpec {"limitSeconds", FieldKind::Integer, false, 0, 86400, nullptr, {},
        "speaking time for this speech; omitted: the meeting's default; 0: none"},
};
constexpr std::array kSpeakerSetLimit {kMeeting,
    FieldSpec {"seconds", FieldKind::Integer, true, 0, 86400, nullptr, {},
        "default speaking time; 0: none"}};
constexpr std::array kQuorumSetRule {
    kMeeting,
    FieldSpec {"numerator", FieldKind::Integer, true, 1, 1000, nullptr, {}, ""},
    FieldSpec {"denominator", FieldKind::Integer, true, 1, 1000, nullptr, {}, ""},
    FieldSpec {"inclusive", FieldKind::Boolean, true, 0, 0, nullptr, {}, ""},
    FieldSpec {"basis", FieldKind::String, true, 1, 16, kQuorumBases, {}, ""},
};

// --- councils, conclusions, tasks, the board ---------------------------------------------------
const char *const kOrganisationKinds[] = {"department", "agency", "committee", "other", nullptr};
const char *const kOwnerKinds[] = {"member", "organisation", nullptr};
const char *const kTaskStatuses[] = {"open", "inProgress", "done", "cancelled", nullptr};
const char *const kBoardStatuses[]
    = {"onTime", "dueSoon", "overdue", "done", "cancelled", "open", "inProgress", nullptr};
const char *const kScreenViews[] = {"tally", "board", nullptr};
constexpr FieldSpec kCouncil {
    "council", FieldKind::Integer, true, 1, kMaxId, nullptr, {}, "council id"};
constexpr FieldSpec kMember {
    "member", FieldKind::Integer, true, 1, kMaxId, nullptr, {}, "member id within the council"};
constexpr FieldSpec kOrganisation {"organisation", FieldKind::Integer, true, 1, kMaxId, nullptr, {},
    "organisation id within the council"};
constexpr FieldSpec kTask {
    "task", FieldKind::Integer, true, 1, kMaxId, nullptr, {}, "task id within the council"};
constexpr FieldSpec kConclusion {"conclusion", FieldKind::Integer, true, 1, kMaxId, nullptr, {},
    "conclusion number within the meeting"};
constexpr FieldSpec kAmberDays {"amberDays", FieldKind::Integer, false, 1, 90, nullptr, {},
    "a task turns amber this many days before its deadline; default 7"};
constexpr FieldSpec kOwnerKind {
    "ownerKind", FieldKind::String, true, 1, 16, kOwnerKinds, {}, "member or organisation"};
constexpr FieldSpec kOwner {
    "owner", FieldKind::Integer, true, 1, kMaxId, nullptr, {}, "the member's or organisation's id"};
constexpr FieldSpec kDeadline {"deadline", FieldKind::String, true, 1, 40, nullptr, {},
    "UTC instant, ISO 8601 with an offset, e.g. 2027-01-31T16:59:59Z; later than now"};
constexpr FieldSpec kOptionalReason {"reason", FieldKind::String, false, 1, 1000, nullptr, {},
    "why (reversals, reopening and cancelling need one)", kLabel};
constexpr std::array kCouncilCreate {
    FieldSpec {"name", FieldKind::String, true, 1, 300, nullptr, {}, "the council's name", kLabel},
    FieldSpec {"term", FieldKind::String, false, 0, 100, nullptr, {}, "e.g. 2021–2026", kLabel},
    kAmberDays,
};
constexpr std::array kCouncilUpdate {
    kCouncil,
    FieldSpec {"name", FieldKind::String, false, 1, 300, nullptr, {}, "", kLabel},
    FieldSpec {"term", FieldKind::String, false, 0, 100, nullptr, {}, "", kLabel},
    kAmberDays,
};
constexpr std::array kMemberAdd {
    kCouncil,
    FieldSpec {"name", FieldKind::String, true, 1, 200, nullptr, {}, "full name", kLabel},
    FieldSpec {"group", FieldKind::String, false, 0, 200, nullptr, {}, "delegation", kLabel},
    FieldSpec {"seat", FieldKind::String, false, 0, 32, nullptr, {},
        "seat label, unique among active members", kLabel},
    FieldSpec {
        "weight", FieldKind::Integer, false, 0, 1000, nullptr, {}, "voting weight; default 1"},
    FieldSpec {"title", FieldKind::String, false, 0, 200, nullptr, {},
        "e.g. Phó Chủ tịch HĐND tỉnh", kLabel},
};
constexpr std::array kMemberUpdate {
    kCouncil,
    kMember,
    FieldSpec {"name", FieldKind::String, false, 1, 200, nullptr, {}, "", kLabel},
    FieldSpec {"group", FieldKind::String, false, 0, 200, nullptr, {}, "", kLabel},
    FieldSpec {"seat", FieldKind::String, false, 0, 32, nullptr, {}, "", kLabel},
    FieldSpec {"weight", FieldKind::Integer, false, 0, 1000, nullptr, {}, ""},
    FieldSpec {"title", FieldKind::String, false, 0, 200, nullptr, {}, "", kLabel},
};
constexpr std::array kMemberOnly {kCouncil, kMember};
constexpr std::array kOrganisationAdd {
    kCouncil,
    FieldSpec {"name", FieldKind::String, true, 1, 300, nullptr, {}, "e.g. Sở Tài chính", kLabel},
    FieldSpec {"kind", FieldKind::String, false, 1, 16, kOrganisationKinds, {},
        "department (default), agency, committee or other"},
};
constexpr std::array kOrganisationUpdate {
    kCouncil,
    kOrganisation,
    FieldSpec {"name", FieldKind::String, false, 1, 300, nullptr, {}, "", kLabel},
    FieldSpec {"kind", FieldKind::String, false, 1, 16, kOrganisationKinds, {}, ""},
};
constexpr std::array kTaskCreate {
    kCouncil,
    FieldSpec {"title", FieldKind::String, true, 1, 500, nullptr, {}, "what is to be done", kLabel},
    kOwnerKind,
    kOwner,
    kDeadline,
    FieldSpec {"meeting", FieldKind::Integer, false, 1, kMaxId, nullptr, {},
        "origin: the meeting of the council it comes from"},
    FieldSpec {"conclusion", FieldKind::Integer, false, 1, kMaxId, nullptr, {},
        "origin: the conclusion of that meeting"},
};
constexpr std::array kTaskSetStatus {
    kCouncil,
    kTask,
    FieldSpec {"status", FieldKind::String, true, 1, 16, kTaskStatuses, {},
        "open, inProgress, done or cancelled"},
    kOptionalReason,
};
constexpr std::array kTaskNote {
    kCouncil,
    kTask,
    FieldSpec {"text", FieldKind::String, true, 1, 4000, nullptr, {}, "the progress report"},
    FieldSpec {"attachment", FieldKind::String, false, 64, 64, nullptr, {},
        "sha256 of a PDF uploaded first (POST …/tasks/{task}/attachments)"},
};
constexpr std::array kTaskReassign {kCouncil, kTask, kOwnerKind, kOwner, kOptionalReason};
constexpr std::array kTaskSetDeadline {
    kCouncil,
    kTask,
    kDeadline,
    FieldSpec {"reason", FieldKind::String, true, 1, 1000, nullptr, {}, "why it moves", kLabel},
};
constexpr std::array kConclusionAdd {
    kMeeting,
    kItem,
    FieldSpec {"text", FieldKind::String, true, 1, 4000, nullptr, {}, "the conclusion", kLabel},
    FieldSpec {"poll", FieldKind::Integer, false, 1, kMaxId, nullptr, {},
        "a passed, published poll of this meeting it rests on (a resolution)"},
};
constexpr std::array kConclusionUpdate {
    kMeeting,
    kConclusion,
    FieldSpec {"text", FieldKind::String, false, 1, 4000, nullptr, {}, "", kLabel},
    FieldSpec {"poll", FieldKind::NullableInteger, false, 1, kMaxId, nullptr, {},
        "another passed, published poll; null: none"},
};
constexpr std::array kConclusionOnly {kMeeting, kConclusion};
constexpr std::array kAgendaAddOverdue {
    kMeeting,
    FieldSpec {"parent", FieldKind::NullableInteger, false, 1, kMaxId, nullptr, {},
        "parent item; omitted or null for top level"},
};
constexpr std::array kScreenShow {
    kMeeting,
    FieldSpec {"view", FieldKind::String, true, 1, 16, kScreenViews, {},
        "tally (the meeting) or board (its council's follow-up board)"},
};
constexpr std::array kBoardRead {
    FieldSpec {"meeting", FieldKind::Integer, false, 1, kMaxId, nullptr, {},
        "the board of this meeting's council (devices name their own meeting)"},
    FieldSpec {"council", FieldKind::Integer, false, 1, kMaxId, nullptr, {}, "or the council"},
    FieldSpec {"owner", FieldKind::Integer, false, 1, kMaxId, nullptr, {}, "filter: this owner"},
    FieldSpec {"ownerKind", FieldKind::String, false, 1, 16, kOwnerKinds, {},
        "filter: the owner's kind, with owner"},
    FieldSpec {"status", FieldKind::String, false, 1, 16, kBoardStatuses, {},
        "filter: a colour (onTime, dueSoon, overdue, done, cancelled) or a status"},
    FieldSpec {"origin", FieldKind::Integer, false, 1, kMaxId, nullptr, {},
        "filter: tasks from this meeting"},
    FieldSpec {"page", FieldKind::Integer, false, 1, 100000, nullptr, {}, "1-based; default 1"},
    FieldSpec {"pageSize", FieldKind::Integer, false, 1, 200, nullptr, {}, "tasks; default 50"},
};
constexpr std::array kTaskHistory {kCouncil, kTask};
constexpr std::array kBoardChanged {
    kCouncil,
    FieldSpec {"seq", FieldKind::Integer, true, 0, 9007199254740991LL, nullptr, {},
        "the council log's last sequence number"},
};

// --- server to client ------------------------------------------------------------------------
constexpr std::array kOk {
    FieldSpec {"result", FieldKind::Any, false, 0, 0, nullptr, {}, "what the request produced"},
    FieldSpec {"seq", FieldKind::Integer, false, 0, 9007199254740991LL, nullptr, {},
        "sequence number of the last event the command appended"},
};
constexpr std::array kError {
    FieldSpec {"code", FieldKind::String, true, 1, 64, nullptr, {}, "error code"},
    FieldSpec {"message", FieldKind::String, true, 0, kMaxText, nullptr, {}, "English text"},
    FieldSpec {"field", FieldKind::String, false, 0, 200, nullptr, {}, "offending field"},
    FieldSpec {"details", FieldKind::Array, false, 0, 0, nullptr, {},
        "itemised problems, e.g. one {line, message} per bad CSV line"},
    FieldSpec {"retryAfterMs", FieldKind::Integer, false, 0, 86'400'000, nullptr, {},
        "rate_limited: milliseconds after which the request may be let through"},
};
constexpr std::array kEvent {
    kMeeting,
    FieldSpec {"seq", FieldKind::Integer, true, 1, 9007199254740991LL, nullptr, {},
        "position in the meeting's log, 1-based, without gaps"},
    FieldSpec {"kind", FieldKind::String, true, 1, 64, nullptr, {}, "event kind"},
    FieldSpec {"time", FieldKind::String, true, 1, 40, nullptr, {}, "UTC, ISO 8601 with ms"},
    FieldSpec {"actor", FieldKind::String, true, 1, 100, nullptr, {}, "who caused it"},
    FieldSpec {"data", FieldKind::Object, true, 0, 0, nullptr, {}, "kind-specific payload"},
    FieldSpec {"prev", FieldKind::String, true, 64, 64, nullptr, {}, "hash of the previous event"},
    FieldSpec {"hash", FieldKind::String, true, 64, 64, nullptr, {}, "hash of this event"},
};
// --- video bridges (media relay; the signal objects are chamber-media's, server/media) --------
const char *const kMediaStates[] = {"running", "restarting", "unavailable", "off", nullptr};
constexpr std::array kMediaSignal {
    kMeeting,
    FieldSpec {"signal", FieldKind::Object, true, 0, 0, nullptr, {},
        "one chamber-media signaling message (server/media/README.md); its peer is the device's"},
};
constexpr std::array kMediaFloor {
    kMeeting,
    FieldSpec {"peer", FieldKind::Any, true, 0, 0, nullptr, {},
        "the media peer (\"d<device>\") whose video and audio are the programme; null: the "
        "chamber"},
};
constexpr std::array kMediaStatus {
    kMeeting,
    FieldSpec {"state", FieldKind::String, true, 1, 16, kMediaStates, {},
        "running, restarting (chamber-media crashed; peers are re-added), unavailable or off"},
};
constexpr std::array kSnapshot {
    kMeeting,
    FieldSpec {"seq", FieldKind::Integer, true, 0, 9007199254740991LL, nullptr, {},
        "sequence number the state corresponds to"},
    FieldSpec {"state", FieldKind::Object, true, 0, 0, nullptr, {}, "the whole meeting"},
};
constexpr std::array kPresence {
    kMeeting,
    FieldSpec {"devices", FieldKind::Array, true, 0, 0, nullptr, {},
        "every enrolled device of the meeting: {device, online, since}"},
};
constexpr std::array kProgress {
    kMeeting,
    kPoll,
    FieldSpec {"cast", FieldKind::Integer, true, 0, kMaxId, nullptr, {}, "ballots recorded"},
    FieldSpec {"eligible", FieldKind::Integer, true, 0, kMaxId, nullptr, {},
        "ballots that can be cast now (present members, proxies of present holders)"},
    FieldSpec {"pending", FieldKind::Array, false, 0, 0, nullptr, {},
        "chair and admin only: delegates who can vote and have no recorded ballot"},
};
constexpr std::array kBye {
    FieldSpec {"reason", FieldKind::String, true, 1, 64, nullptr, {},
        "shutdown, revoked, too_slow or hello_timeout"},
};

constexpr auto S = Direction::ToServer;
constexpr auto C = Direction::ToClient;
constexpr auto Session = MessageKind::Session;
constexpr auto Command = MessageKind::Command;

const std::array kMessages {
    MessageSpec {"hello", S, Session, kHello, "open the session; must be first"},
    MessageSpec {"ping", S, Session, kNoFields, "liveness check; answered with ok"},
    MessageSpec {"subscribe", S, Session, kSubscribe, "receive a meeting's events"},
    MessageSpec {"unsubscribe", S, Session, kUnsubscribe, "stop receiving a meeting's events"},
    MessageSpec {"joinCode.nextSeat", S, Session, kMeetingOnly,
        "a join code for the first seat without a tablet (tally screen, chair)"},
    MessageSpec {"readerLink.create", S, Session, kReaderLinkCreate,
        "a link (and QR code) that opens the meeting's documents read-only on a phone"},
    MessageSpec {"enroll", S, Session, kEnroll,
        "redeem a join code for a device credential; allowed before hello"},
    MessageSpec {"media.join", S, Session, kMeetingOnly,
        "a bridge device asks for the programme; an offer follows as media.signal"},
    MessageSpec {"media.signal", S, Session, kMediaSignal,
        "a bridge's answer, ICE candidate or return-stream offer for chamber-media"},
    MessageSpec {"media.leave", S, Session, kMeetingOnly, "stop receiving the programme"},
    MessageSpec {"meeting.create", S, Command, kMeetingCreate, "create a meeting"},
    MessageSpec {"meeting.update", S, Command, kMeetingUpdate, "change meeting details"},
    MessageSpec {"meeting.start", S, Command, kMeetingOnly, "open the session"},
    MessageSpec {"meeting.end", S, Command, kMeetingOnly, "close the session"},
    MessageSpec {"agenda.add", S, Command, kAgendaAdd, "add an agenda item"},
    MessageSpec {"agenda.update", S, Command, kAgendaUpdate, "change an agenda item"},
    MessageSpec {"agenda.move", S, Command, kAgendaMove, "move or reorder an agenda item"},
    MessageSpec {"agenda.remove", S, Command, kAgendaItemOnly, "remove an item and its children"},
    MessageSpec {"agenda.select", S, Command, kAgendaSelect, "make an item the current one"},
    MessageSpec {"delegate.add", S, Command, kDelegateAdd, "add a delegate"},
    MessageSpec {"delegate.update", S, Command, kDelegateUpdate, "change a delegate"},
    MessageSpec {"delegate.remove", S, Command, kDelegateOnly, "remove a delegate"},
    MessageSpec {
        "delegate.import", S, Command, kDelegateImport, "add delegates from CSV, all or none"},
    MessageSpec {"attendance.checkIn", S, Command, kDelegateOnly, "mark a delegate present"},
    MessageSpec {"attendance.checkOut", S, Command, kDelegateOnly, "mark a delegate absent"},
    MessageSpec {"attendance.excuse", S, Command, kAttendanceExcuse,
        "record why a delegate is absent (an excused absence)"},
    MessageSpec {"quorum.setRule", S, Command, kQuorumSetRule, "change the quorum rule"},
    MessageSpec {"poll.create", S, Command, kPollCreate, "create a poll (draft)"},
    MessageSpec {"poll.open", S, Command, kPollOnly, "open voting"},
    MessageSpec {"poll.close", S, Command, kPollOnly, "close voting and count"},
    MessageSpec {"poll.publish", S, Command, kPollOnly, "publish the signed result"},
    MessageSpec {"ballot.cast", S, Command, kBallotCast, "vote; acknowledged only once on disk"},
    MessageSpec {"proxy.give", S, Command, kProxyGive, "let another delegate vote for one"},
    MessageSpec {"proxy.revoke", S, Command, kDelegateRequest, "take a proxy back"},
    MessageSpec {"speaker.request", S, Command, kSpeakerRequest, "ask for the floor"},
    MessageSpec {"speaker.withdraw", S, Command, kSpeakerRequest, "leave the speaker queue"},
    MessageSpec {"speaker.move", S, Command, kSpeakerMove, "reorder the speaker queue"},
    MessageSpec {"speaker.grant", S, Command, kSpeakerGrant, "give the floor"},
    MessageSpec {"speaker.end", S, Command, kMeetingOnly, "end the current speech"},
    MessageSpec {"speaker.setLimit", S, Command, kSpeakerSetLimit, "set the default speaking time"},
    MessageSpec {"document.remove", S, Command, kDocumentOnly,
        "take a document off its item (uploads are REST: POST …/items/{i}/documents)"},
    MessageSpec {"document.present", S, Command, kDocumentPresent,
        "show a document's page on every screen that follows the presenter"},
    MessageSpec {
        "device.revoke", S, Command, kDeviceOnly, "revoke a device's credential and disconnect it"},
    MessageSpec {"council.create", S, Command, kCouncilCreate, "create a council"},
    MessageSpec {"council.update", S, Command, kCouncilUpdate, "change a council"},
    MessageSpec {"member.add", S, Command, kMemberAdd, "add a member to a council"},
    MessageSpec {"member.update", S, Command, kMemberUpdate, "change a member"},
    MessageSpec {"member.leave", S, Command, kMemberOnly, "a member leaves (history keeps them)"},
    MessageSpec {"organisation.add", S, Command, kOrganisationAdd, "add an organisation"},
    MessageSpec {"organisation.update", S, Command, kOrganisationUpdate, "change an organisation"},
    MessageSpec {"task.create", S, Command, kTaskCreate, "give a member or organisation a task"},
    MessageSpec {"task.setStatus", S, Command, kTaskSetStatus, "move a task along its statuses"},
    MessageSpec {"task.note", S, Command, kTaskNote, "report progress on a task"},
    MessageSpec {"task.reassign", S, Command, kTaskReassign, "give a task to another owner"},
    MessageSpec {"task.setDeadline", S, Command, kTaskSetDeadline, "move a task's deadline"},
    MessageSpec {"conclusion.add", S, Command, kConclusionAdd, "record a conclusion"},
    MessageSpec {"conclusion.update", S, Command, kConclusionUpdate, "change a conclusion"},
    MessageSpec {"conclusion.remove", S, Command, kConclusionOnly,
        "withdraw a conclusion (its number is not reused)"},
    MessageSpec {"agenda.addOverdue", S, Command, kAgendaAddOverdue,
        "add an item reviewing the council's overdue tasks"},
    MessageSpec {"screen.show", S, Command, kScreenShow, "what the tally screens show"},
    MessageSpec {"board.read", S, Session, kBoardRead, "a council's follow-up board"},
    MessageSpec {"task.history", S, Session, kTaskHistory, "a task's council events"},
    MessageSpec {"ok", C, MessageKind::Reply, kOk, "a request succeeded"},
    MessageSpec {"error", C, MessageKind::Reply, kError, "a request failed and changed nothing"},
    MessageSpec {"event", C, MessageKind::Push, kEvent, "one entry of a meeting's event log"},
    MessageSpec {"snapshot", C, MessageKind::Push, kSnapshot, "a meeting's whole state"},
    MessageSpec {"progress", C, MessageKind::Push, kProgress,
        "how many ballots of the open poll are recorded (counts only)"},
    MessageSpec {"presence", C, MessageKind::Push, kPresence,
        "which devices of a meeting are connected (to chair and admin)"},
    MessageSpec {"bye", C, MessageKind::Push, kBye, "the server is closing the connection"},
    MessageSpec {"board.changed", C, MessageKind::Push, kBoardChanged,
        "a council's board changed (events, or a colour boundary passed): refetch it"},
    MessageSpec {"media.signal", C, MessageKind::Push, kMediaSignal,
        "chamber-media's offer, candidate, answer or state for this bridge device"},
    MessageSpec {"media.floor", C, MessageKind::Push, kMediaFloor,
        "whose video and audio are the programme now (to bridge devices)"},
    MessageSpec {"media.status", C, MessageKind::Push, kMediaStatus,
        "whether chamber-media runs (to bridge devices that joined)"},
};

} // namespace

std::span<const MessageSpec> allMessages()
{
    return kMessages;
}

const MessageSpec *findMessage(QStringView type, Direction direction)
{
    for (const auto &spec : kMessages) {
        if (spec.direction == direction && type == QLatin1String(spec.type))
            return &spec;
    }
    return nullptr;
}

QString fieldKindName(FieldKind kind)
{
    switch (kind) {
    case FieldKind::String:
        return QStringLiteral("string");
    case FieldKind::Integer:
        return QStringLiteral("integer");
    case FieldKind::NullableInteger:
        return QStringLiteral("integer or null");
    case FieldKind::Boolean:
        return QStringLiteral("boolean");
    case FieldKind::Object:
        return QStringLiteral("object");
    case FieldKind::Array:
        return QStringLiteral("array");
    case FieldKind::Any:
        return QStringLiteral("any JSON value");
    }
    return {};
}

} // namespace chamber::protocol
