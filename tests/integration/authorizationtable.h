// What every route and every WebSocket message answers to every kind of principal, written
// down once, by hand, apart from the server's own table (server/services/permissions.cpp): a
// change of policy has to be made in both, and a route or message type without a row here
// fails test_authorization.
//
// Columns, in this order:
//   none     no credential at all
//   wrong    a credential nobody issued
//   admin    the secretary's token
//   seat     delegate 1's tablet (meeting 1)
//   chair    the chair console (meeting 1)
//   tally    the tally screen (meeting 1)
//   bridge   a bridge point (meeting 1)
//   revoked  a seat's tablet of meeting 1 whose credential was revoked
//   other    the chair console of meeting 2, asking about meeting 1
//   reader   a phone reader link of delegate 1 (meeting 1)
//   secretary  a secretary's account, by its session cookie (with the CSRF token)
//   observer   an observer's account, likewise
//   adminacct  an admin account, likewise
//   liaison    a liaison account of the council of meeting 1 (its organisation 1), likewise
//   board      a board screen (meeting 1, whose council is the fixture's council)
// Letters:
//   U  refused as unauthenticated (401, or `unauthenticated`)
//   F  refused as forbidden (403, or `forbidden`)
//   N  not found (404): another meeting's documents are not even named
//   A  let through: whatever the operation then answers (the probes ask for things that do
//      not exist or send a body that does not parse, so nothing is changed), but never 401/403
// A route whose operation is a WebSocket command says "=type": it must answer exactly as the
// message does, so REST and WebSocket cannot decide differently.
#pragma once

namespace chamber::testing::authorization {

enum Column {
    None,
    Wrong,
    Admin,
    Seat,
    Chair,
    Tally,
    Bridge,
    Revoked,
    Other,
    Reader,
    Secretary,
    Observer,
    AdminAccount,
    Liaison,
    BoardScreen,
    Columns
};

inline const char *const kColumnNames[Columns] = {"none", "wrong", "admin", "seat", "chair",
    "tally", "bridge", "revoked", "other", "reader", "secretary", "observer", "adminacct",
    "liaison", "board"};

// The columns whose credential is an account's session cookie.
constexpr bool isAccountColumn(int column)
{
    return column == Secretary || column == Observer || column == AdminAccount
        || column == Liaison;
}

struct Row
{
    const char *key; // "hello", or "GET /api/v1/health"
    const char *expected; // fifteen letters, one per column, or "=message.type"
};

//                                                 none wrong admin seat chair tally bridge
//                                                 revoked other reader secretary observer
//                                                 adminacct liaison board
inline const Row kMessages[] = {
    // Opening a session: the credential or token it carries is what is checked. A second
    // hello or an enroll on an authenticated session is a conflict, not a refusal.
    {"hello", "UUAAAAAUAUAAAAA"},
    {"enroll", "UUAAAAAUAUAAAAA"},
    {"ping", "UUAAAAAUAUAAAAA"},
    {"unsubscribe", "UUAAAAAUAUAAAAA"},
    {"subscribe", "UUAAAAAUFUAAAFA"},
    {"joinCode.nextSeat", "UUAFAAFUFUAFAFF"},
    {"readerLink.create", "UUAAFFFUFUAFAFF"},
    {"media.join", "UUFFFAAUFUFFFFF"},
    {"media.signal", "UUFFFAAUFUFFFFF"},
    {"media.leave", "UUFFFAAUFUFFFFF"},
    {"meeting.create", "UUAFFFFUFUAFAFF"},
    {"meeting.update", "UUAFFFFUFUAFAFF"},
    {"meeting.start", "UUAFAFFUFUAFAFF"},
    {"meeting.end", "UUAFAFFUFUAFAFF"},
    {"agenda.add", "UUAFFFFUFUAFAFF"},
    {"agenda.update", "UUAFFFFUFUAFAFF"},
    {"agenda.move", "UUAFFFFUFUAFAFF"},
    {"agenda.remove", "UUAFFFFUFUAFAFF"},
    {"agenda.select", "UUAFAFFUFUAFAFF"},
    {"delegate.add", "UUAFFFFUFUAFAFF"},
    {"delegate.update", "UUAFFFFUFUAFAFF"},
    {"delegate.remove", "UUAFFFFUFUAFAFF"},
    {"delegate.import", "UUAFFFFUFUAFAFF"},
    {"attendance.checkIn", "UUAAAFFUFUAFAFF"},
    {"attendance.checkOut", "UUAAAFFUFUAFAFF"},
    // A delegate does not excuse themself (issue 16).
    {"attendance.excuse", "UUAFAFFUFUAFAFF"},
    {"quorum.setRule", "UUAFFFFUFUAFAFF"},
    {"poll.create", "UUAFAFFUFUAFAFF"},
    {"poll.open", "UUAFAFFUFUAFAFF"},
    {"poll.close", "UUAFAFFUFUAFAFF"},
    {"poll.publish", "UUAFAFFUFUAFAFF"},
    // Nobody votes in another's name, the secretary included.
    {"ballot.cast", "UUFAFFFUFUFFFFF"},
    {"proxy.give", "UUAFAFFUFUAFAFF"},
    {"proxy.revoke", "UUAFAFFUFUAFAFF"},
    {"speaker.request", "UUAAAFAUFUAFAFF"},
    {"speaker.withdraw", "UUAAAFAUFUAFAFF"},
    {"speaker.move", "UUAFAFFUFUAFAFF"},
    {"speaker.grant", "UUAFAFFUFUAFAFF"},
    {"speaker.end", "UUAFAFFUFUAFAFF"},
    {"speaker.setLimit", "UUAFAFFUFUAFAFF"},
    {"document.remove", "UUAFFFFUFUAFAFF"},
    {"document.present", "UUAFAFFUFUAFAFF"},
    {"device.revoke", "UUAFFFFUFUAFAFF"},
    // Councils (the fixture's council is meeting 1's; meeting 2, the "other" chair's, has
    // none). Preparing a council is the secretary's; tasks the secretary's and the chair's;
    // an owner (a liaison, a seat's tablet) moves its own tasks on (whose task it is, the
    // council's rules decide: named tests in test_council).
    {"council.create", "UUAFFFFUFUAFAFF"},
    {"council.update", "UUAFFFFUFUAFAFF"},
    {"member.add", "UUAFFFFUFUAFAFF"},
    {"member.update", "UUAFFFFUFUAFAFF"},
    {"member.leave", "UUAFFFFUFUAFAFF"},
    {"organisation.add", "UUAFFFFUFUAFAFF"},
    {"organisation.update", "UUAFFFFUFUAFAFF"},
    {"task.create", "UUAFAFFUFUAFAFF"},
    {"task.setStatus", "UUAAAFFUFUAFAAF"},
    {"task.note", "UUAAAFFUFUAFAAF"},
    {"task.reassign", "UUAFFFFUFUAFAFF"},
    {"task.setDeadline", "UUAFFFFUFUAFAFF"},
    {"conclusion.add", "UUAFAFFUFUAFAFF"},
    {"conclusion.update", "UUAFAFFUFUAFAFF"},
    {"conclusion.remove", "UUAFAFFUFUAFAFF"},
    {"agenda.addOverdue", "UUAFAFFUFUAFAFF"},
    {"screen.show", "UUAFAFFUFUAFAFF"},
    // The board: the secretary, observers and the devices of the council's meetings; a task's
    // history also its owner (a liaison, for its own tasks).
    {"board.read", "UUAAAAAUFUAAAFA"},
    {"task.history", "UUAAAAAUFUAAAAA"},
};

inline const Row kRoutes[] = {
    // Open to anyone.
    {"GET /api/v1/health", "AAAAAAAAAAAAAAA"},
    {"GET /api/v1/server", "AAAAAAAAAAAAAAA"},
    {"GET /join", "AAAAAAAAAAAAAAA"},
    {"GET /watch", "AAAAAAAAAAAAAAA"},
    {"GET /read", "AAAAAAAAAAAAAAA"},
    {"GET /board", "AAAAAAAAAAAAAAA"},
    {"GET /", "AAAAAAAAAAAAAAA"},
    {"GET /web/{path}", "AAAAAAAAAAAAAAA"},
    {"HEAD /web/{path}", "AAAAAAAAAAAAAAA"},
    {"GET /ws", "AAAAAAAAAAAAAAA"},
    // Server-wide. A device's meeting list names its own meeting only (a named test).
    {"GET /api/v1/meetings", "UUAAAAAUAUAAAFA"},
    {"POST /api/v1/meetings", "=meeting.create"},
    {"GET /api/v1/routes", "UUAFFFFUFUFFAFF"},
    // A meeting's state and history: every device of the meeting, as subscribe.
    {"GET /api/v1/meetings/{meeting}", "UUAAAAAUFUAAAFA"},
    {"GET /api/v1/meetings/{meeting}/agenda", "UUAAAAAUFUAAAFA"},
    {"GET /api/v1/meetings/{meeting}/delegates", "UUAAAAAUFUAAAFA"},
    {"GET /api/v1/meetings/{meeting}/attendance", "UUAAAAAUFUAAAFA"},
    {"GET /api/v1/meetings/{meeting}/quorum", "UUAAAAAUFUAAAFA"},
    {"GET /api/v1/meetings/{meeting}/events", "UUAAAAAUFUAAAFA"},
    {"GET /api/v1/meetings/{meeting}/polls/{poll}", "UUAAAAAUFUAAAFA"},
    {"GET /api/v1/meetings/{meeting}/polls/{poll}/result", "UUAAAAAUFUAAAFA"},
    {"GET /api/v1/meetings/{meeting}/documents", "UUAAAAAUFUAAAFA"},
    // Who is connected: the secretary and the chair.
    {"GET /api/v1/meetings/{meeting}/devices", "UUAFAFFUFUAFAFF"},
    // Join codes: the secretary only.
    {"POST /api/v1/meetings/{meeting}/join-codes", "UUAFFFFUFUAFAFF"},
    // Seat cards make a join code for every seated delegate: as join codes.
    {"POST /api/v1/meetings/{meeting}/seat-cards", "UUAFFFFUFUAFAFF"},
    // A QR code of a link: whoever makes links to show (the secretary, a seat's tablet).
    {"GET /api/v1/qr.svg", "UUAAFFFUFUAFAFF"},
    // Phone reader links: the secretary, and a seat's tablet for its own delegate.
    {"POST /api/v1/meetings/{meeting}/reader-links", "UUAAFFFUFUAFAFF"},
    {"GET /api/v1/meetings/{meeting}/reader-links", "UUAFFFFUFUAFAFF"},
    {"DELETE /api/v1/meetings/{meeting}/reader-links/{link}", "UUAAFFFUFUAFAFF"},
    // Follow-up board links: the secretary's. What a link names is the link's own (no column
    // here holds a board link; test_board_browser checks what one may and may not).
    {"POST /api/v1/councils/{council}/board-links", "UUAFFFFUFUAFAFF"},
    {"GET /api/v1/councils/{council}/board-links", "UUAFFFFUFUAFAFF"},
    {"DELETE /api/v1/councils/{council}/board-links/{link}", "UUAFFFFUFUAFAFF"},
    {"GET /api/v1/board-link", "UUFFFFFUFUFFFFF"},
    // Documents: uploads are the secretary's; bytes by hash for every device of a meeting
    // that has them; annotations are a seat's own (not even the admin reads them).
    {"POST /api/v1/meetings/{meeting}/items/{item}/documents", "UUAFFFFUFUAFAFF"},
    {"GET /docs/{sha256}", "UUAAAAAUNUAAAFA"},
    {"HEAD /docs/{sha256}", "UUAAAAAUNUAAAFA"},
    {"GET /api/v1/annotations/{sha256}", "UUFAFFFUFUFFFFF"},
    {"PUT /api/v1/annotations/{sha256}", "UUFAFFFUFUFFFFF"},
    {"DELETE /api/v1/annotations/{sha256}", "UUFAFFFUFUFFFFF"},
    // The phone reader: its link token and nothing else.
    {"GET /reader/api/meeting", "UUUUUUUUUAUUUUU"},
    {"GET /reader/api/docs/{sha256}", "UUUUUUUUUAUUUUU"},
    {"HEAD /reader/api/docs/{sha256}", "UUUUUUUUUAUUUUU"},
    {"GET /reader/api/docs/{sha256}/pages/{page}", "UUUUUUUUUAUUUUU"},
    // Commands over REST answer as their WebSocket message.
    {"PATCH /api/v1/meetings/{meeting}", "=meeting.update"},
    {"POST /api/v1/meetings/{meeting}/start", "=meeting.start"},
    {"POST /api/v1/meetings/{meeting}/end", "=meeting.end"},
    {"PUT /api/v1/meetings/{meeting}/quorum", "=quorum.setRule"},
    {"POST /api/v1/meetings/{meeting}/agenda", "=agenda.add"},
    {"PATCH /api/v1/meetings/{meeting}/agenda/{item}", "=agenda.update"},
    {"DELETE /api/v1/meetings/{meeting}/agenda/{item}", "=agenda.remove"},
    {"POST /api/v1/meetings/{meeting}/agenda/{item}/move", "=agenda.move"},
    {"PUT /api/v1/meetings/{meeting}/current-item", "=agenda.select"},
    {"POST /api/v1/meetings/{meeting}/delegates", "=delegate.add"},
    {"POST /api/v1/meetings/{meeting}/delegates/import", "=delegate.import"},
    {"PATCH /api/v1/meetings/{meeting}/delegates/{delegate}", "=delegate.update"},
    {"DELETE /api/v1/meetings/{meeting}/delegates/{delegate}", "=delegate.remove"},
    {"POST /api/v1/meetings/{meeting}/delegates/{delegate}/check-in", "=attendance.checkIn"},
    {"POST /api/v1/meetings/{meeting}/delegates/{delegate}/check-out", "=attendance.checkOut"},
    {"PUT /api/v1/meetings/{meeting}/delegates/{delegate}/absence", "=attendance.excuse"},
    {"DELETE /api/v1/meetings/{meeting}/devices/{device}", "=device.revoke"},
    {"POST /api/v1/meetings/{meeting}/polls", "=poll.create"},
    {"POST /api/v1/meetings/{meeting}/polls/{poll}/open", "=poll.open"},
    {"POST /api/v1/meetings/{meeting}/polls/{poll}/close", "=poll.close"},
    {"POST /api/v1/meetings/{meeting}/polls/{poll}/publish", "=poll.publish"},
    {"POST /api/v1/meetings/{meeting}/proxies", "=proxy.give"},
    {"DELETE /api/v1/meetings/{meeting}/proxies/{delegate}", "=proxy.revoke"},
    {"POST /api/v1/meetings/{meeting}/speakers/request", "=speaker.request"},
    {"POST /api/v1/meetings/{meeting}/speakers/withdraw", "=speaker.withdraw"},
    {"POST /api/v1/meetings/{meeting}/speakers/move", "=speaker.move"},
    {"POST /api/v1/meetings/{meeting}/speakers/grant", "=speaker.grant"},
    {"POST /api/v1/meetings/{meeting}/speakers/end", "=speaker.end"},
    {"POST /api/v1/meetings/{meeting}/speakers/setLimit", "=speaker.setLimit"},
    {"DELETE /api/v1/meetings/{meeting}/documents/{document}", "=document.remove"},
    {"POST /api/v1/meetings/{meeting}/present", "=document.present"},
    // Named accounts: logging in is anyone's (the probe's body does not parse); the session is
    // an account's; the accounts are the admin token's and admin accounts'.
    {"POST /api/v1/session", "AAAAAAAAAAAAAAA"},
    {"GET /api/v1/session", "UUFFFFFUFUAAAAF"},
    {"DELETE /api/v1/session", "UUFFFFFUFUAAAAF"},
    {"GET /api/v1/accounts", "UUAFFFFUFUFFAFF"},
    {"POST /api/v1/accounts", "UUAFFFFUFUFFAFF"},
    {"PATCH /api/v1/accounts/{account}", "UUAFFFFUFUFFAFF"},
    {"PUT /api/v1/accounts/{account}/password", "UUAFFFFUFUFFAFF"},
    // Councils: a liaison names its own council only; devices their meeting's council.
    {"GET /api/v1/councils", "UUAFFFFUFUAAAAF"},
    {"POST /api/v1/councils", "=council.create"},
    {"GET /api/v1/councils/{council}", "UUAAAAAUFUAAAAA"},
    {"PATCH /api/v1/councils/{council}", "=council.update"},
    {"POST /api/v1/councils/{council}/members", "=member.add"},
    {"PATCH /api/v1/councils/{council}/members/{member}", "=member.update"},
    {"POST /api/v1/councils/{council}/members/{member}/leave", "=member.leave"},
    {"POST /api/v1/councils/{council}/organisations", "=organisation.add"},
    {"PATCH /api/v1/councils/{council}/organisations/{organisation}", "=organisation.update"},
    {"GET /api/v1/councils/{council}/events", "UUAFFFFUFUAAAFF"},
    // Tasks: the route lists an owner's own only (a named test).
    {"GET /api/v1/councils/{council}/tasks", "UUAAFFFUFUAAAAF"},
    {"POST /api/v1/councils/{council}/tasks", "=task.create"},
    {"POST /api/v1/councils/{council}/tasks/{task}/status", "=task.setStatus"},
    {"POST /api/v1/councils/{council}/tasks/{task}/notes", "=task.note"},
    {"POST /api/v1/councils/{council}/tasks/{task}/reassign", "=task.reassign"},
    {"POST /api/v1/councils/{council}/tasks/{task}/deadline", "=task.setDeadline"},
    // An attachment is a report: the secretary's or its owner's, not the chair's.
    {"POST /api/v1/councils/{council}/tasks/{task}/attachments", "UUAAFFFUFUAFAAF"},
    {"GET /api/v1/councils/{council}/tasks/{task}/history", "=task.history"},
    {"GET /api/v1/councils/{council}/board", "=board.read"},
    {"GET /api/v1/meetings/{meeting}/board", "=board.read"},
    {"POST /api/v1/meetings/{meeting}/conclusions", "=conclusion.add"},
    {"PATCH /api/v1/meetings/{meeting}/conclusions/{conclusion}", "=conclusion.update"},
    {"DELETE /api/v1/meetings/{meeting}/conclusions/{conclusion}", "=conclusion.remove"},
    {"POST /api/v1/meetings/{meeting}/agenda/overdue", "=agenda.addOverdue"},
    {"PUT /api/v1/meetings/{meeting}/screen", "=screen.show"},
    // Minutes (issue 16): the secretariat (admin token and accounts, observers) and the chair
    // console of the meeting; not the delegates' tablets, the tally, bridge or board screens.
    {"GET /api/v1/meetings/{meeting}/minutes.pdf", "UUAFAFFUFUAAAFF"},
    {"GET /api/v1/meetings/{meeting}/minutes.json", "UUAFAFFUFUAAAFF"},
    {"GET /api/v1/meetings/{meeting}/minutes/attendance.csv", "UUAFAFFUFUAAAFF"},
    {"GET /api/v1/meetings/{meeting}/minutes/speeches.csv", "UUAFAFFUFUAAAFF"},
    {"GET /api/v1/meetings/{meeting}/minutes/polls.csv", "UUAFAFFUFUAAAFF"},
    {"GET /api/v1/meetings/{meeting}/minutes/rollcall.csv", "UUAFAFFUFUAAAFF"},
    {"GET /api/v1/meetings/{meeting}/minutes/conclusions.csv", "UUAFAFFUFUAAAFF"},
    {"GET /api/v1/meetings/{meeting}/minutes/recordings.csv", "UUAFAFFUFUAAAFF"},
    // The probe asks for a hash the meeting has no recording of: 404 where let through.
    {"GET /api/v1/meetings/{meeting}/recordings/{sha256}.ogg", "UUAFAFFUFUAAAFF"},
};

} // namespace chamber::testing::authorization
