#include "services/permissions.h"

#include <array>

namespace chamber::services {

namespace {

using enum Operation;
constexpr auto Server = Scope::Server;
constexpr auto InMeeting = Scope::Meeting;
constexpr auto InCouncil = Scope::Council;
constexpr auto None = Subject::None;
constexpr auto Own = Subject::Own;

constexpr unsigned Anyone = Who::Anyone;
constexpr unsigned Chair = Who::Chair;
constexpr unsigned Seat = Who::Seat;
constexpr unsigned Tally = Who::Tally;
constexpr unsigned Bridge = Who::Bridge;
constexpr unsigned Reader = Who::Reader;
constexpr unsigned Liaison = Who::Liaison;
constexpr unsigned AnyDevice = Who::AnyDevice;
constexpr unsigned AnyAccount = Who::AnyAccount;
// Everyone with a credential; an observer's account reads exactly these rows.
constexpr unsigned Authenticated = Who::Admin | Who::AnyDevice | Who::AnyAccount;
// The admin token and the people who prepare meetings (secretaries, admins).
constexpr unsigned Admin = Who::Admin | Who::Secretary | Who::AdminAccount;
// Accounts and the server: the admin token and admin accounts.
constexpr unsigned ServerAdmin = Who::Admin | Who::AdminAccount;
constexpr unsigned Runs = Admin | Who::Chair; // the secretary, and the chair console
// The follow-up board: the secretary, observers and the devices of the council's meetings.
constexpr unsigned BoardReaders = Admin | Who::Observer | AnyDevice;
// A task's owner: an organisation's liaison account or a member's tablet (the council's rules
// decide whose task it is).
constexpr unsigned Owners = Liaison | Seat;

// The table. Rows in Operation order (checked by test_permissions); the generated
// authorization test (tests/integration/test_authorization.cpp) writes down, independently,
// what every route and message answers to every kind of principal.
constexpr std::array kRules {
    OperationRule {Health, "health", Anyone, Server, None, "ask whether the server runs"},
    OperationRule {ServerKeys, "server.keys", Anyone, Server, None, "read the server's keys"},
    OperationRule {JoinPage, "page.join", Anyone, Server, None, "open the join page"},
    OperationRule {WatchPage, "page.watch", Anyone, Server, None, "open the watch page"},
    OperationRule {ReaderPage, "page.reader", Anyone, Server, None, "open the reader page"},
    // The workspace's page and files hold no data: its API calls are what is authorized.
    OperationRule {
        WorkspacePage, "page.workspace", Anyone, Server, None, "open the workspace page"},
    OperationRule {BoardPage, "page.board", Anyone, Server, None, "open the board page"},
    OperationRule {WebFile, "web.file", Anyone, Server, None, "read the pages' files"},
    OperationRule {Hello, "hello", Anyone, Server, None, "say hello"},
    OperationRule {Enroll, "enroll", Anyone, Server, None, "enroll"},
    // A board link's page pings its WebSocket like every other client.
    OperationRule {Ping, "ping", Authenticated | Liaison | Who::BoardLink, Server, None, "ping"},
    OperationRule {
        Unsubscribe, "unsubscribe", Authenticated | Liaison, Server, None, "unsubscribe"},
    // A device's list names its own meeting only (the route filters with ReadMeeting).
    OperationRule {ListMeetings, "meetings.list", Authenticated, Server, None, "list meetings"},
    OperationRule {
        ListRoutes, "routes.list", ServerAdmin, Server, None, "list the server's routes"},
    OperationRule {
        ReadMeeting, "meeting.read", Authenticated, InMeeting, None, "read this meeting"},
    OperationRule {
        ReadEvents, "events.read", Authenticated, InMeeting, None, "read this meeting's event log"},
    OperationRule {
        Subscribe, "subscribe", Authenticated, InMeeting, None, "subscribe to this meeting"},
    OperationRule {ReadPoll, "poll.read", Authenticated, InMeeting, None, "read polls"},
    OperationRule {
        ReadVotingPending, "poll.pending", Runs, InMeeting, None, "see who has not voted yet"},
    OperationRule {
        ReadResult, "result.read", Authenticated, InMeeting, None, "read published results"},
    OperationRule {ReadDevices, "devices.read", Runs, InMeeting, None, "see the meeting's devices"},
    OperationRule {ListDocuments, "documents.list", Authenticated, InMeeting, None,
        "list this meeting's documents"},
    // Server-wide by hash: the service answers only for the principal's own meeting's files.
    OperationRule {ReadDocument, "document.read", Authenticated, Server, None, "read documents"},
    OperationRule {UploadDocument, "document.upload", Admin, InMeeting, None, "upload documents"},
    // The tablet's own notes on its own meeting's documents (AnnotationService checks both).
    OperationRule {Annotations, "annotations", Seat, Server, None, "keep annotations"},
    // Only the secretary makes join codes: a delegate code is a voting identity and a chair
    // code the power to run the meeting. The next-seat code of the tally screen and the chair
    // console is the one exception, for delegates who join as they sit down.
    OperationRule {CreateJoinCode, "joinCode.create", Admin, InMeeting, None, "create join codes"},
    OperationRule {NextSeatCode, "joinCode.nextSeat", Admin | Chair | Tally, InMeeting, None,
        "show the next free seat's join code"},
    OperationRule {CreateReaderLink, "readerLink.create", Admin | Seat, InMeeting, Own,
        "create phone reader links"},
    // Drawing a QR code is for whoever makes the links it shows (join codes, reader links):
    // the secretary and a seat's tablet. It reveals nothing, but it costs work, so a device
    // that never shows a link (tally, bridge, chair) and anonymous clients do not get it.
    OperationRule {DrawQrCode, "qr.draw", Admin | Seat, Server, None, "draw QR codes"},
    OperationRule {
        ListReaderLinks, "readerLinks.list", Admin, InMeeting, None, "list phone reader links"},
    OperationRule {RevokeReaderLink, "readerLink.revoke", Admin | Seat, InMeeting, Own,
        "revoke phone reader links"},
    OperationRule {
        ReadAsReader, "reader.read", Reader, InMeeting, None, "read through a phone reader link"},
    // Board links are made and revoked by the secretary; one reads its own council's board.
    OperationRule {CreateBoardLink, "boardLink.create", Admin, Server, None, "create board links"},
    OperationRule {ListBoardLinks, "boardLinks.list", Admin, Server, None, "list board links"},
    OperationRule {RevokeBoardLink, "boardLink.revoke", Admin, Server, None, "revoke board links"},
    OperationRule {
        ReadBoardLink, "boardLink.read", Who::BoardLink, Server, None, "read a board link"},
    OperationRule {
        MediaJoin, "media.join", Tally | Bridge, InMeeting, None, "receive the video programme"},
    OperationRule {MediaSignal, "media.signal", Tally | Bridge, InMeeting, None,
        "signal to the video programme"},
    OperationRule {
        MediaReturn, "media.return", Bridge, InMeeting, None, "send video back to the chamber"},
    OperationRule {
        MediaLeave, "media.leave", Tally | Bridge, InMeeting, None, "leave the video programme"},
    OperationRule {MeetingCreate, "meeting.create", Admin, Server, None, "create meetings"},
    OperationRule {MeetingUpdate, "meeting.update", Admin, InMeeting, None, "change the meeting"},
    OperationRule {MeetingStart, "meeting.start", Runs, InMeeting, None, "open the session"},
    OperationRule {MeetingEnd, "meeting.end", Runs, InMeeting, None, "close the session"},
    OperationRule {AgendaAdd, "agenda.add", Admin, InMeeting, None, "add agenda items"},
    OperationRule {AgendaUpdate, "agenda.update", Admin, InMeeting, None, "change agenda items"},
    OperationRule {AgendaMove, "agenda.move", Admin, InMeeting, None, "move agenda items"},
    OperationRule {AgendaRemove, "agenda.remove", Admin, InMeeting, None, "remove agenda items"},
    OperationRule {AgendaSelect, "agenda.select", Runs, InMeeting, None, "select the current item"},
    OperationRule {DelegateAdd, "delegate.add", Admin, InMeeting, None, "add delegates"},
    OperationRule {DelegateUpdate, "delegate.update", Admin, InMeeting, None, "change delegates"},
    OperationRule {DelegateRemove, "delegate.remove", Admin, InMeeting, None, "remove delegates"},
    OperationRule {DelegateImport, "delegate.import", Admin, InMeeting, None, "import delegates"},
    OperationRule {
        AttendanceCheckIn, "attendance.checkIn", Runs | Seat, InMeeting, Own, "check delegates in"},
    OperationRule {AttendanceCheckOut, "attendance.checkOut", Runs | Seat, InMeeting, Own,
        "check delegates out"},
    // A delegate does not excuse themself: the secretary or the chair records the reason.
    OperationRule {AttendanceExcuse, "attendance.excuse", Runs, InMeeting, None,
        "record why delegates are absent"},
    OperationRule {
        QuorumSetRule, "quorum.setRule", Admin, InMeeting, None, "change the quorum rule"},
    OperationRule {PollCreate, "poll.create", Runs, InMeeting, None, "create polls"},
    OperationRule {PollOpen, "poll.open", Runs, InMeeting, None, "open polls"},
    OperationRule {PollClose, "poll.close", Runs, InMeeting, None, "close polls"},
    OperationRule {PollPublish, "poll.publish", Runs, InMeeting, None, "publish results"},
    // Nobody votes in somebody else's name, the secretary included.
    OperationRule {BallotCast, "ballot.cast", Seat, InMeeting, Subject::Ballot,
        "cast ballots (ballots are cast from the delegates' own tablets)"},
    OperationRule {ProxyGive, "proxy.give", Runs, InMeeting, None, "record proxies"},
    OperationRule {ProxyRevoke, "proxy.revoke", Runs, InMeeting, None, "revoke proxies"},
    OperationRule {SpeakerRequest, "speaker.request", Runs | Seat | Bridge, InMeeting, Own,
        "ask for the floor"},
    OperationRule {SpeakerWithdraw, "speaker.withdraw", Runs | Seat | Bridge, InMeeting, Own,
        "withdraw from the speaker list"},
    OperationRule {SpeakerMove, "speaker.move", Runs, InMeeting, None, "reorder the speaker list"},
    OperationRule {SpeakerGrant, "speaker.grant", Runs, InMeeting, None, "give the floor"},
    OperationRule {SpeakerEnd, "speaker.end", Runs, InMeeting, None, "end a speech"},
    OperationRule {
        SpeakerSetLimit, "speaker.setLimit", Runs, InMeeting, None, "set the speaking time"},
    OperationRule {DocumentRemove, "document.remove", Admin, InMeeting, None, "remove documents"},
    OperationRule {DocumentPresent, "document.present", Runs, InMeeting, None, "present documents"},
    OperationRule {DeviceRevoke, "device.revoke", Admin, InMeeting, None, "revoke devices"},
    // The name and password are the credential; failures are throttled per address and name.
    OperationRule {SessionLogin, "session.login", Anyone, Server, None, "log in"},
    OperationRule {
        SessionRead, "session.read", AnyAccount | Liaison, Server, None, "read the session"},
    OperationRule {SessionLogout, "session.logout", AnyAccount | Liaison, Server, None, "log out"},
    OperationRule {ListAccounts, "accounts.list", ServerAdmin, Server, None, "list accounts"},
    OperationRule {CreateAccount, "account.create", ServerAdmin, Server, None, "create accounts"},
    OperationRule {UpdateAccount, "account.update", ServerAdmin, Server, None, "change accounts"},
    OperationRule {
        SetAccountPassword, "account.password", ServerAdmin, Server, None, "set passwords"},
    // Councils. Which tasks are an owner's own is the council's rule (core::decideCouncil with
    // the CouncilActor the API computes), so an owner's refusal there is `forbidden` too.
    OperationRule {ListCouncils, "councils.list", Who::Admin | AnyAccount | Liaison, Server, None,
        "list councils"},
    OperationRule {ReadCouncil, "council.read", Who::Admin | AnyAccount | Liaison | AnyDevice,
        InCouncil, None, "read this council"},
    OperationRule {CouncilCreate, "council.create", Admin, Server, None, "create councils"},
    OperationRule {CouncilUpdate, "council.update", Admin, InCouncil, None, "change councils"},
    OperationRule {MemberAdd, "member.add", Admin, InCouncil, None, "add council members"},
    OperationRule {MemberUpdate, "member.update", Admin, InCouncil, None, "change council members"},
    OperationRule {MemberLeave, "member.leave", Admin, InCouncil, None,
        "record that a member left the council"},
    OperationRule {
        OrganisationAdd, "organisation.add", Admin, InCouncil, None, "add organisations"},
    OperationRule {
        OrganisationUpdate, "organisation.update", Admin, InCouncil, None, "change organisations"},
    OperationRule {ReadCouncilEvents, "councilEvents.read", Admin | Who::Observer, InCouncil, None,
        "read this council's event log"},
    OperationRule {
        ListTasks, "tasks.list", Admin | Who::Observer | Owners, InCouncil, None, "list tasks"},
    OperationRule {TaskCreate, "task.create", Runs, InCouncil, None, "create tasks"},
    OperationRule {
        TaskSetStatus, "task.setStatus", Runs | Owners, InCouncil, None, "change a task's status"},
    OperationRule {TaskNote, "task.note", Runs | Owners, InCouncil, None, "note a task's progress"},
    OperationRule {
        TaskAttach, "task.attach", Admin | Owners, InCouncil, None, "attach documents to tasks"},
    OperationRule {TaskReassign, "task.reassign", Admin, InCouncil, None, "reassign tasks"},
    OperationRule {
        TaskSetDeadline, "task.setDeadline", Admin, InCouncil, None, "change a task's deadline"},
    // A board link reads its own council's board and task histories, and nothing else.
    OperationRule {ReadTaskHistory, "task.history", BoardReaders | Liaison | Who::BoardLink,
        InCouncil, None, "read a task's history"},
    OperationRule {
        ReadBoard, "board.read", BoardReaders | Who::BoardLink, InCouncil, None, "read the board"},
    OperationRule {ConclusionAdd, "conclusion.add", Runs, InMeeting, None, "record conclusions"},
    OperationRule {
        ConclusionUpdate, "conclusion.update", Runs, InMeeting, None, "change conclusions"},
    OperationRule {
        ConclusionRemove, "conclusion.remove", Runs, InMeeting, None, "remove conclusions"},
    OperationRule {AgendaAddOverdue, "agenda.addOverdue", Runs, InMeeting, None,
        "put the overdue tasks on the agenda"},
    OperationRule {
        ScreenShow, "screen.show", Runs, InMeeting, None, "choose what the tally screens show"},
    // Minutes (issue 16): the people who keep and check the record (the secretary, admins,
    // observers) and the chair console of the meeting; not the delegates' tablets, tally or
    // bridge screens: the roll calls and recordings of a whole meeting are the secretariat's.
    OperationRule {ReadMinutes, "minutes.read", Admin | Who::Observer | Chair, InMeeting, None,
        "read the minutes"},
    OperationRule {ReadRecordings, "recordings.read", Admin | Who::Observer | Chair, InMeeting,
        None, "listen to the recordings"},
};
static_assert(kRules.size() == std::size_t(ReadRecordings) + 1, "one row per operation");

Error forbidden(const QString &why)
{
    return makeError(ErrorCode::Forbidden, why);
}

unsigned whoOf(const Principal &principal)
{
    switch (principal.kind) {
    case Principal::Kind::Anonymous:
        return Who::Nobody;
    case Principal::Kind::Admin:
        return Who::Admin;
    case Principal::Kind::Reader:
        return Reader;
    case Principal::Kind::BoardLink:
        return Who::BoardLink;
    case Principal::Kind::Account:
        switch (principal.accountRole) {
        case AccountRole::Admin:
            return Who::AdminAccount;
        case AccountRole::Secretary:
            return Who::Secretary;
        case AccountRole::Observer:
            return Who::Observer;
        case AccountRole::Liaison:
            return Liaison;
        }
        return Who::Nobody;
    case Principal::Kind::Device:
        switch (principal.role) {
        case DeviceRole::Chair:
            return Chair;
        case DeviceRole::Delegate:
            return Seat;
        case DeviceRole::Tally:
            return Tally;
        case DeviceRole::Bridge:
            return Bridge;
        case DeviceRole::Board:
            return Who::Board;
        }
    }
    return Who::Nobody;
}

// Who acts in one council only: devices (their meeting's) and liaison accounts (their own).
bool boundToCouncil(const Principal &principal)
{
    return principal.isDevice() || principal.isReader() || principal.isBoardLink()
        || (principal.isAccount() && principal.accountRole == AccountRole::Liaison);
}

// Devices and readers live in one meeting; the admin in all of them.
bool boundToMeeting(const Principal &principal)
{
    return principal.isDevice() || principal.isReader();
}

} // namespace

QString roleName(DeviceRole role)
{
    switch (role) {
    case DeviceRole::Delegate:
        return QStringLiteral("delegate");
    case DeviceRole::Chair:
        return QStringLiteral("chair");
    case DeviceRole::Tally:
        return QStringLiteral("tally");
    case DeviceRole::Bridge:
        return QStringLiteral("bridge");
    case DeviceRole::Board:
        return QStringLiteral("board");
    }
    return {};
}

std::optional<DeviceRole> roleFromName(const QString &name)
{
    for (DeviceRole role : {DeviceRole::Delegate, DeviceRole::Chair, DeviceRole::Tally,
             DeviceRole::Bridge, DeviceRole::Board}) {
        if (roleName(role) == name)
            return role;
    }
    return std::nullopt;
}

QString accountRoleName(AccountRole role)
{
    switch (role) {
    case AccountRole::Admin:
        return QStringLiteral("admin");
    case AccountRole::Secretary:
        return QStringLiteral("secretary");
    case AccountRole::Observer:
        return QStringLiteral("observer");
    case AccountRole::Liaison:
        return QStringLiteral("liaison");
    }
    return {};
}

std::optional<AccountRole> accountRoleFromName(const QString &name)
{
    for (AccountRole role :
        {AccountRole::Admin, AccountRole::Secretary, AccountRole::Observer, AccountRole::Liaison}) {
        if (accountRoleName(role) == name)
            return role;
    }
    return std::nullopt;
}

std::span<const OperationRule> operationRules()
{
    return kRules;
}

const OperationRule &ruleOf(Operation operation)
{
    return kRules.at(std::size_t(operation));
}

std::optional<Operation> operationForMessage(QLatin1String type)
{
    for (const OperationRule &rule : kRules) {
        if (type == QLatin1String(rule.name))
            return rule.operation;
    }
    return std::nullopt;
}

QStringList whoNames(unsigned who)
{
    QStringList names;
    const std::pair<unsigned, const char *> all[] {{Anyone, "anyone"}, {Who::Admin, "admin"},
        {Chair, "chair"}, {Seat, "delegate"}, {Tally, "tally"}, {Bridge, "bridge"},
        {Reader, "reader"}, {Who::AdminAccount, "adminAccount"}, {Who::Secretary, "secretary"},
        {Who::Observer, "observer"}, {Who::Board, "board"}, {Liaison, "liaison"},
        {Who::BoardLink, "boardLink"}};
    for (const auto &[flag, name] : all) {
        if (who & flag)
            names << QString::fromLatin1(name);
    }
    return names;
}

QString describe(const Principal &principal)
{
    switch (whoOf(principal)) {
    case Who::Admin:
        return QStringLiteral("the admin token");
    case Who::AdminAccount:
        return QStringLiteral("an admin account");
    case Who::Secretary:
        return QStringLiteral("a secretary's account");
    case Who::Observer:
        return QStringLiteral("an observer's account");
    case Chair:
        return QStringLiteral("the chair console");
    case Seat:
        return QStringLiteral("a seat's tablet");
    case Tally:
        return QStringLiteral("a tally screen");
    case Bridge:
        return QStringLiteral("a bridge point");
    case Reader:
        return QStringLiteral("a phone reader link");
    case Who::Board:
        return QStringLiteral("a board screen");
    case Liaison:
        return QStringLiteral("a liaison account");
    case Who::BoardLink:
        return QStringLiteral("a board link");
    default:
        return QStringLiteral("an unauthenticated client");
    }
}

Status authorizeAccess(
    const Principal &principal, Operation operation, qint64 meeting, qint64 council)
{
    const OperationRule &rule = ruleOf(operation);
    if (rule.who & Anyone)
        return success();
    if (principal.isAnonymous())
        return makeError(ErrorCode::Unauthenticated, QStringLiteral("a credential is required"));
    if (!(rule.who & whoOf(principal)))
        return forbidden(QStringLiteral("%1 may not %2")
                             .arg(describe(principal), QString::fromLatin1(rule.what)));
    if (rule.scope == Scope::Meeting && boundToMeeting(principal) && principal.meeting != meeting)
        return forbidden(principal.isReader()
                ? QStringLiteral("this reader link belongs to another meeting")
                : QStringLiteral("this device belongs to another meeting"));
    // A device's council is its meeting's (0: a meeting of no council, which reaches none).
    if (rule.scope == Scope::Council && boundToCouncil(principal)
        && (principal.council == 0 || principal.council != council))
        return forbidden(principal.isAccount()
                ? QStringLiteral("this liaison account belongs to another council")
                : principal.isBoardLink()
                ? QStringLiteral("this board link belongs to another council")
                : QStringLiteral("this device belongs to a meeting of another council"));
    return success();
}

Status authorize(const Principal &principal, Operation operation, const Target &target)
{
    if (auto allowed = authorizeAccess(principal, operation, target.meeting, target.council);
        !allowed)
        return allowed;
    const OperationRule &rule = ruleOf(operation);
    if (rule.subject != Subject::Own || !principal.isDevice())
        return success(); // Subject::Ballot: checkBallot judges it with the meeting's proxies
    if (principal.role == DeviceRole::Delegate && target.delegate != principal.delegate)
        return forbidden(QStringLiteral("a seat's tablet acts only for its own delegate"));
    if (principal.role == DeviceRole::Bridge
        && (target.bridge != principal.device || target.delegate != 0))
        return forbidden(QStringLiteral("a bridge point acts only for its own site"));
    return success();
}

bool allows(const Principal &principal, Operation operation, qint64 meeting, qint64 council)
{
    return bool(authorizeAccess(principal, operation, meeting, council));
}

Status authorizeCommand(const Principal &principal, const protocol::Message &command)
{
    const auto operation = operationForMessage(QLatin1String(command.spec->type));
    if (!operation)
        return makeError(ErrorCode::Internal,
            QStringLiteral("%1 has no row in the authorization table")
                .arg(QLatin1String(command.spec->type)));
    return authorize(principal, *operation,
        Target {command.integer(QLatin1String("meeting"), 0),
            command.integer(QLatin1String("delegate"), 0),
            command.integer(QLatin1String("bridge"), 0),
            command.integer(QLatin1String("council"), 0)});
}

} // namespace chamber::services
