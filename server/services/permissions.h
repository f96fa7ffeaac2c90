// Who may do what: one table of (principal kind, device role, meeting) → operations, asked by
// every way in: REST routes, WebSocket messages, /docs, the phone reader, annotations, media
// signaling and join codes. Each way in names the operation it performs; none decides for
// itself, so REST and WebSocket cannot disagree again (they did: a tally screen of another
// meeting could read a meeting over REST that its subscribe was refused).
//
// Rules of the table, beyond its rows:
// - a device acts only inside its own meeting; so does a phone reader link;
// - a seat's tablet acts only for its own delegate (ballots: also for a delegate whose proxy
//   it holds, judged with the meeting's proxies when the ballot is checked);
// - a bridge point acts only for its own site;
// - the admin token acts in every meeting, but never votes, never reads a delegate's private
//   annotations and never receives the video programme;
// - so do accounts: a secretary's account may what the admin token may in meetings, an admin
//   account that and the accounts, an observer's account only reads (never devices, who has
//   not voted yet, or annotations).
#pragma once

#include "protocol/error.h"
#include "protocol/message.h"
#include "services/principal.h"

#include <QStringList>

#include <optional>
#include <span>

namespace chamber::services {

enum class Operation {
    // Open to anyone; what they carry (a join token, a credential) is checked by the operation.
    Health,
    ServerKeys,
    JoinPage,
    WatchPage,
    ReaderPage,
    WorkspacePage,
    BoardPage, // the follow-up board (/board): its data is read with a board link
    WebFile, // a file under /web/ (assets/web): scripts, styles, pictures
    Hello,
    Enroll,
    // Any authenticated session.
    Ping,
    Unsubscribe,
    ListMeetings, // a device sees its own meeting only
    ListRoutes,
    // A meeting's state and history.
    ReadMeeting,
    ReadEvents,
    Subscribe,
    ReadPoll,
    ReadVotingPending, // who has not voted yet (a field of poll and progress answers)
    ReadResult,
    ReadDevices, // the device list and who is online
    ListDocuments,
    ReadDocument, // a document's bytes by content hash, if the principal's meeting has it
    UploadDocument,
    Annotations, // a delegate's own notes on the meeting's documents
    // Devices and links.
    CreateJoinCode,
    NextSeatCode,
    CreateReaderLink,
    DrawQrCode, // a QR code of any short text, as SVG, for a page that shows a link
    ListReaderLinks,
    RevokeReaderLink,
    ReadAsReader, // the phone reader's meeting, documents and pages
    // Follow-up board links (a council's board, read-only, for a lobby screen or a phone).
    CreateBoardLink,
    ListBoardLinks,
    RevokeBoardLink,
    ReadBoardLink, // what the link itself names: its council (GET /api/v1/board-link)
    // Video.
    MediaJoin,
    MediaSignal,
    MediaReturn, // a bridge's own camera back to the chamber (media.signal return-*)
    MediaLeave,
    // Commands (one per command message type).
    MeetingCreate,
    MeetingUpdate,
    MeetingStart,
    MeetingEnd,
    AgendaAdd,
    AgendaUpdate,
    AgendaMove,
    AgendaRemove,
    AgendaSelect,
    DelegateAdd,
    DelegateUpdate,
    DelegateRemove,
    DelegateImport,
    AttendanceCheckIn,
    AttendanceCheckOut,
    AttendanceExcuse, // why a delegate is absent: the secretary and the chair, never the seat
    QuorumSetRule,
    PollCreate,
    PollOpen,
    PollClose,
    PollPublish,
    BallotCast,
    ProxyGive,
    ProxyRevoke,
    SpeakerRequest,
    SpeakerWithdraw,
    SpeakerMove,
    SpeakerGrant,
    SpeakerEnd,
    SpeakerSetLimit,
    DocumentRemove,
    DocumentPresent,
    DeviceRevoke,
    // Named accounts: logging in and out, and managing the accounts.
    SessionLogin, // anyone; the password is the credential
    SessionRead,
    SessionLogout,
    ListAccounts,
    CreateAccount,
    UpdateAccount, // role, disabled, display name
    SetAccountPassword,
    // Councils (issue 15): the standing body, its members and organisations, its tasks and
    // their board. Scope::Council: a device acts in the council of its own meeting only, a
    // liaison account in its own council.
    ListCouncils, // the route filters: a liaison sees its own council only
    ReadCouncil,
    CouncilCreate,
    CouncilUpdate,
    MemberAdd,
    MemberUpdate,
    MemberLeave,
    OrganisationAdd,
    OrganisationUpdate,
    ReadCouncilEvents,
    ListTasks, // a liaison and a seat see their own tasks only (the route filters)
    TaskCreate,
    TaskSetStatus, // an owner only its own tasks: the council's rules (core::CouncilActor)
    TaskNote,
    TaskAttach,
    TaskReassign,
    TaskSetDeadline,
    ReadTaskHistory, // an owner (liaison, seat) its own tasks only (the route checks)
    ReadBoard,
    // Meeting commands of councils.
    ConclusionAdd,
    ConclusionUpdate,
    ConclusionRemove,
    AgendaAddOverdue,
    ScreenShow,
    // Minutes (issue 16): the signed PDF, its exports and the speeches' recordings.
    ReadMinutes,
    ReadRecordings,
};

// Kinds of principal, as a set of flags.
struct Who
{
    static constexpr unsigned Nobody = 0;
    static constexpr unsigned Anyone = 1u << 0; // no credential needed
    static constexpr unsigned Admin = 1u << 1;
    static constexpr unsigned Chair = 1u << 2;
    static constexpr unsigned Seat = 1u << 3; // a delegate's tablet
    static constexpr unsigned Tally = 1u << 4;
    static constexpr unsigned Bridge = 1u << 5;
    static constexpr unsigned Reader = 1u << 6; // a phone reader link
    static constexpr unsigned AdminAccount = 1u << 7; // named accounts, by role
    static constexpr unsigned Secretary = 1u << 8;
    static constexpr unsigned Observer = 1u << 9;
    static constexpr unsigned Board = 1u << 10; // a board kiosk (read-only, like a tally)
    static constexpr unsigned Liaison = 1u << 11; // an organisation's account in one council
    static constexpr unsigned BoardLink = 1u << 12; // a follow-up board link's bearer
    static constexpr unsigned AnyDevice = Chair | Seat | Tally | Bridge | Board;
    // Liaison accounts are not among them: they see one council's own tasks, no meeting.
    static constexpr unsigned AnyAccount = AdminAccount | Secretary | Observer;
};

enum class Scope {
    Server, // names no meeting (or only the principal's own, implicitly)
    Meeting, // names a meeting; devices and readers only their own
    // Names a council (or a meeting, standing for its council); devices only their meeting's
    // council, liaison accounts only their own.
    Council,
};

enum class Subject {
    None,
    Own, // a seat acts for its own delegate, a bridge for its own site
    Ballot, // a seat casts for its own delegate or one whose proxy it holds (checkBallot)
};

struct OperationRule
{
    Operation operation;
    const char *name; // the WebSocket message type for messages; a dotted name otherwise
    unsigned who; // Who flags
    Scope scope;
    Subject subject;
    const char *what; // "create join codes": completes "… may not …" in refusals
};

// The whole table, in Operation order.
std::span<const OperationRule> operationRules();
const OperationRule &ruleOf(Operation operation);
// The operation a client-to-server message performs; nullopt for a type the table lacks.
std::optional<Operation> operationForMessage(QLatin1String type);
// Who may, as names ("admin", "chair", "delegate", "tally", "bridge", "reader", "anyone",
// "adminAccount", "secretary", "observer", "board", "liaison").
QStringList whoNames(unsigned who);
// "the chair console", "a seat's tablet", "the admin token", …
QString describe(const Principal &principal);

// What a request acts on, as far as authorization cares.
struct Target
{
    qint64 meeting = 0; // the meeting it names; 0 for server-wide operations
    qint64 delegate = 0; // on whose behalf; 0: nobody named
    qint64 bridge = 0; // which bridge site; 0: none named
    qint64 council = 0; // the council it names (Scope::Council); 0: none
};

// Who, and in which meeting: the part that does not depend on the request's body. Asked by the
// router and the WebSocket session before they read the request. Unauthenticated for an
// anonymous principal where a credential is needed, Forbidden otherwise.
// `council` is for Scope::Council operations: the council named, or that of the meeting named.
Status authorizeAccess(
    const Principal &principal, Operation operation, qint64 meeting, qint64 council = 0);
// All of it, including on whose behalf.
Status authorize(const Principal &principal, Operation operation, const Target &target);
bool allows(const Principal &principal, Operation operation, qint64 meeting, qint64 council = 0);

// A command (a schema-valid message): its operation, meeting, delegate, bridge and council
// fields.
Status authorizeCommand(const Principal &principal, const protocol::Message &command);

} // namespace chamber::services
