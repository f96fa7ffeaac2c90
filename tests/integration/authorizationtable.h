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
    Columns
};

inline const char *const kColumnNames[Columns] = {"none", "wrong", "admin", "seat", "chair",
    "tally", "bridge", "revoked", "other", "reader", "secretary", "observer", "adminacct"};

// The columns whose credential is an account's session cookie.
constexpr bool isAccountColumn(int column)
{
    return column == Secretary || column == Observer || column == AdminAccount;
}

struct Row
{
    const char *key; // "hello", or "GET /api/v1/health"
    const char *expected; // thirteen letters, one per column, or "=message.type"
};

//                                                 none wrong admin seat chair tally bridge
//                                                 revoked other reader secretary observer
//                                                 adminacct
inline const Row kMessages[] = {
    // Opening a session: the credential or token it carries is what is checked. A second
    // hello or an enroll on an authenticated session is a conflict, not a refusal.
    {"hello", "UUAAAAAUAUAAA"},
    {"enroll", "UUAAAAAUAUAAA"},
    {"ping", "UUAAAAAUAUAAA"},
    {"unsubscribe", "UUAAAAAUAUAAA"},
    {"subscribe", "UUAAAAAUFUAAA"},
    {"joinCode.nextSeat", "UUAFAAFUFUAFA"},
    {"readerLink.create", "UUAAFFFUFUAFA"},
    {"media.join", "UUFFFAAUFUFFF"},
    {"media.signal", "UUFFFAAUFUFFF"},
    {"media.leave", "UUFFFAAUFUFFF"},
    {"meeting.create", "UUAFFFFUFUAFA"},
    {"meeting.update", "UUAFFFFUFUAFA"},
    {"meeting.start", "UUAFAFFUFUAFA"},
    {"meeting.end", "UUAFAFFUFUAFA"},
    {"agenda.add", "UUAFFFFUFUAFA"},
    {"agenda.update", "UUAFFFFUFUAFA"},
    {"agenda.move", "UUAFFFFUFUAFA"},
    {"agenda.remove", "UUAFFFFUFUAFA"},
    {"agenda.select", "UUAFAFFUFUAFA"},
    {"delegate.add", "UUAFFFFUFUAFA"},
    {"delegate.update", "UUAFFFFUFUAFA"},
    {"delegate.remove", "UUAFFFFUFUAFA"},
    {"delegate.import", "UUAFFFFUFUAFA"},
    {"attendance.checkIn", "UUAAAFFUFUAFA"},
    {"attendance.checkOut", "UUAAAFFUFUAFA"},
    {"quorum.setRule", "UUAFFFFUFUAFA"},
    {"poll.create", "UUAFAFFUFUAFA"},
    {"poll.open", "UUAFAFFUFUAFA"},
    {"poll.close", "UUAFAFFUFUAFA"},
    {"poll.publish", "UUAFAFFUFUAFA"},
    // Nobody votes in another's name, the secretary included.
    {"ballot.cast", "UUFAFFFUFUFFF"},
    {"proxy.give", "UUAFAFFUFUAFA"},
    {"proxy.revoke", "UUAFAFFUFUAFA"},
    {"speaker.request", "UUAAAFAUFUAFA"},
    {"speaker.withdraw", "UUAAAFAUFUAFA"},
    {"speaker.move", "UUAFAFFUFUAFA"},
    {"speaker.grant", "UUAFAFFUFUAFA"},
    {"speaker.end", "UUAFAFFUFUAFA"},
    {"speaker.setLimit", "UUAFAFFUFUAFA"},
    {"document.remove", "UUAFFFFUFUAFA"},
    {"document.present", "UUAFAFFUFUAFA"},
    {"device.revoke", "UUAFFFFUFUAFA"},
};

inline const Row kRoutes[] = {
    // Open to anyone.
    {"GET /api/v1/health", "AAAAAAAAAAAAA"},
    {"GET /api/v1/server", "AAAAAAAAAAAAA"},
    {"GET /join", "AAAAAAAAAAAAA"},
    {"GET /watch", "AAAAAAAAAAAAA"},
    {"GET /read", "AAAAAAAAAAAAA"},
    {"GET /board", "AAAAAAAAAAAAA"},
    {"GET /", "AAAAAAAAAAAAA"},
    {"GET /web/{path}", "AAAAAAAAAAAAA"},
    {"HEAD /web/{path}", "AAAAAAAAAAAAA"},
    {"GET /ws", "AAAAAAAAAAAAA"},
    // Server-wide. A device's meeting list names its own meeting only (a named test).
    {"GET /api/v1/meetings", "UUAAAAAUAUAAA"},
    {"POST /api/v1/meetings", "=meeting.create"},
    {"GET /api/v1/routes", "UUAFFFFUFUFFA"},
    // A meeting's state and history: every device of the meeting, as subscribe.
    {"GET /api/v1/meetings/{meeting}", "UUAAAAAUFUAAA"},
    {"GET /api/v1/meetings/{meeting}/agenda", "UUAAAAAUFUAAA"},
    {"GET /api/v1/meetings/{meeting}/delegates", "UUAAAAAUFUAAA"},
    {"GET /api/v1/meetings/{meeting}/attendance", "UUAAAAAUFUAAA"},
    {"GET /api/v1/meetings/{meeting}/quorum", "UUAAAAAUFUAAA"},
    {"GET /api/v1/meetings/{meeting}/events", "UUAAAAAUFUAAA"},
    {"GET /api/v1/meetings/{meeting}/polls/{poll}", "UUAAAAAUFUAAA"},
    {"GET /api/v1/meetings/{meeting}/polls/{poll}/result", "UUAAAAAUFUAAA"},
    {"GET /api/v1/meetings/{meeting}/documents", "UUAAAAAUFUAAA"},
    // Who is connected: the secretary and the chair.
    {"GET /api/v1/meetings/{meeting}/devices", "UUAFAFFUFUAFA"},
    // Join codes: the secretary only.
    {"POST /api/v1/meetings/{meeting}/join-codes", "UUAFFFFUFUAFA"},
    // Seat cards make a join code for every seated delegate: as join codes.
    {"POST /api/v1/meetings/{meeting}/seat-cards", "UUAFFFFUFUAFA"},
    // A QR code of a link: whoever makes links to show (the secretary, a seat's tablet).
    {"GET /api/v1/qr.svg", "UUAAFFFUFUAFA"},
    // Phone reader links: the secretary, and a seat's tablet for its own delegate.
    {"POST /api/v1/meetings/{meeting}/reader-links", "UUAAFFFUFUAFA"},
    {"GET /api/v1/meetings/{meeting}/reader-links", "UUAFFFFUFUAFA"},
    {"DELETE /api/v1/meetings/{meeting}/reader-links/{link}", "UUAAFFFUFUAFA"},
    // Follow-up board links: the secretary's. What a link names is the link's own (no column
    // here holds a board link; test_board_browser checks what one may and may not).
    {"POST /api/v1/councils/{council}/board-links", "UUAFFFFUFUAFA"},
    {"GET /api/v1/councils/{council}/board-links", "UUAFFFFUFUAFA"},
    {"DELETE /api/v1/councils/{council}/board-links/{link}", "UUAFFFFUFUAFA"},
    {"GET /api/v1/board-link", "UUFFFFFUFUFFF"},
    // Documents: uploads are the secretary's; bytes by hash for every device of a meeting
    // that has them; annotations are a seat's own (not even the admin reads them).
    {"POST /api/v1/meetings/{meeting}/items/{item}/documents", "UUAFFFFUFUAFA"},
    {"GET /docs/{sha256}", "UUAAAAAUNUAAA"},
    {"HEAD /docs/{sha256}", "UUAAAAAUNUAAA"},
    {"GET /api/v1/annotations/{sha256}", "UUFAFFFUFUFFF"},
    {"PUT /api/v1/annotations/{sha256}", "UUFAFFFUFUFFF"},
    {"DELETE /api/v1/annotations/{sha256}", "UUFAFFFUFUFFF"},
    // The phone reader: its link token and nothing else.
    {"GET /reader/api/meeting", "UUUUUUUUUAUUU"},
    {"GET /reader/api/docs/{sha256}", "UUUUUUUUUAUUU"},
    {"HEAD /reader/api/docs/{sha256}", "UUUUUUUUUAUUU"},
    {"GET /reader/api/docs/{sha256}/pages/{page}", "UUUUUUUUUAUUU"},
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
    {"POST /api/v1/session", "AAAAAAAAAAAAA"},
    {"GET /api/v1/session", "UUFFFFFUFUAAA"},
    {"DELETE /api/v1/session", "UUFFFFFUFUAAA"},
    {"GET /api/v1/accounts", "UUAFFFFUFUFFA"},
    {"POST /api/v1/accounts", "UUAFFFFUFUFFA"},
    {"PATCH /api/v1/accounts/{account}", "UUAFFFFUFUFFA"},
    {"PUT /api/v1/accounts/{account}/password", "UUAFFFFUFUFFA"},
};

} // namespace chamber::testing::authorization
