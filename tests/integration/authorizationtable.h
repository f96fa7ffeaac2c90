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

enum Column { None, Wrong, Admin, Seat, Chair, Tally, Bridge, Revoked, Other, Reader, Columns };

inline const char *const kColumnNames[Columns]
    = {"none", "wrong", "admin", "seat", "chair", "tally", "bridge", "revoked", "other", "reader"};

struct Row
{
    const char *key; // "hello", or "GET /api/v1/health"
    const char *expected; // ten letters, one per column, or "=message.type"
};

//                                                 none wrong admin seat chair tally bridge
//                                                 revoked other reader
inline const Row kMessages[] = {
    // Opening a session: the credential or token it carries is what is checked. A second
    // hello or an enroll on an authenticated session is a conflict, not a refusal.
    {"hello", "UUAAAAAUAU"},
    {"enroll", "UUAAAAAUAU"},
    {"ping", "UUAAAAAUAU"},
    {"unsubscribe", "UUAAAAAUAU"},
    {"subscribe", "UUAAAAAUFU"},
    {"joinCode.nextSeat", "UUAFAAFUFU"},
    {"readerLink.create", "UUAAFFFUFU"},
    {"media.join", "UUFFFAAUFU"},
    {"media.signal", "UUFFFAAUFU"},
    {"media.leave", "UUFFFAAUFU"},
    {"meeting.create", "UUAFFFFUFU"},
    {"meeting.update", "UUAFFFFUFU"},
    {"meeting.start", "UUAFAFFUFU"},
    {"meeting.end", "UUAFAFFUFU"},
    {"agenda.add", "UUAFFFFUFU"},
    {"agenda.update", "UUAFFFFUFU"},
    {"agenda.move", "UUAFFFFUFU"},
    {"agenda.remove", "UUAFFFFUFU"},
    {"agenda.select", "UUAFAFFUFU"},
    {"delegate.add", "UUAFFFFUFU"},
    {"delegate.update", "UUAFFFFUFU"},
    {"delegate.remove", "UUAFFFFUFU"},
    {"delegate.import", "UUAFFFFUFU"},
    {"attendance.checkIn", "UUAAAFFUFU"},
    {"attendance.checkOut", "UUAAAFFUFU"},
    {"quorum.setRule", "UUAFFFFUFU"},
    {"poll.create", "UUAFAFFUFU"},
    {"poll.open", "UUAFAFFUFU"},
    {"poll.close", "UUAFAFFUFU"},
    {"poll.publish", "UUAFAFFUFU"},
    // Nobody votes in another's name, the secretary included.
    {"ballot.cast", "UUFAFFFUFU"},
    {"proxy.give", "UUAFAFFUFU"},
    {"proxy.revoke", "UUAFAFFUFU"},
    {"speaker.request", "UUAAAFAUFU"},
    {"speaker.withdraw", "UUAAAFAUFU"},
    {"speaker.move", "UUAFAFFUFU"},
    {"speaker.grant", "UUAFAFFUFU"},
    {"speaker.end", "UUAFAFFUFU"},
    {"speaker.setLimit", "UUAFAFFUFU"},
    {"document.remove", "UUAFFFFUFU"},
    {"document.present", "UUAFAFFUFU"},
    {"device.revoke", "UUAFFFFUFU"},
};

inline const Row kRoutes[] = {
    // Open to anyone.
    {"GET /api/v1/health", "AAAAAAAAAA"},
    {"GET /api/v1/server", "AAAAAAAAAA"},
    {"GET /join", "AAAAAAAAAA"},
    {"GET /watch", "AAAAAAAAAA"},
    {"GET /read", "AAAAAAAAAA"},
    {"GET /", "AAAAAAAAAA"},
    {"GET /web/{path}", "AAAAAAAAAA"},
    {"HEAD /web/{path}", "AAAAAAAAAA"},
    {"GET /ws", "AAAAAAAAAA"},
    // Server-wide. A device's meeting list names its own meeting only (a named test).
    {"GET /api/v1/meetings", "UUAAAAAUAU"},
    {"POST /api/v1/meetings", "=meeting.create"},
    {"GET /api/v1/routes", "UUAFFFFUFU"},
    // A meeting's state and history: every device of the meeting, as subscribe.
    {"GET /api/v1/meetings/{meeting}", "UUAAAAAUFU"},
    {"GET /api/v1/meetings/{meeting}/agenda", "UUAAAAAUFU"},
    {"GET /api/v1/meetings/{meeting}/delegates", "UUAAAAAUFU"},
    {"GET /api/v1/meetings/{meeting}/attendance", "UUAAAAAUFU"},
    {"GET /api/v1/meetings/{meeting}/quorum", "UUAAAAAUFU"},
    {"GET /api/v1/meetings/{meeting}/events", "UUAAAAAUFU"},
    {"GET /api/v1/meetings/{meeting}/polls/{poll}", "UUAAAAAUFU"},
    {"GET /api/v1/meetings/{meeting}/polls/{poll}/result", "UUAAAAAUFU"},
    {"GET /api/v1/meetings/{meeting}/documents", "UUAAAAAUFU"},
    // Who is connected: the secretary and the chair.
    {"GET /api/v1/meetings/{meeting}/devices", "UUAFAFFUFU"},
    // Join codes: the secretary only.
    {"POST /api/v1/meetings/{meeting}/join-codes", "UUAFFFFUFU"},
    // Seat cards make a join code for every seated delegate: as join codes.
    {"POST /api/v1/meetings/{meeting}/seat-cards", "UUAFFFFUFU"},
    // A QR code of a link: whoever makes links to show (the secretary, a seat's tablet).
    {"GET /api/v1/qr.svg", "UUAAFFFUFU"},
    // Phone reader links: the secretary, and a seat's tablet for its own delegate.
    {"POST /api/v1/meetings/{meeting}/reader-links", "UUAAFFFUFU"},
    {"GET /api/v1/meetings/{meeting}/reader-links", "UUAFFFFUFU"},
    {"DELETE /api/v1/meetings/{meeting}/reader-links/{link}", "UUAAFFFUFU"},
    // Documents: uploads are the secretary's; bytes by hash for every device of a meeting
    // that has them; annotations are a seat's own (not even the admin reads them).
    {"POST /api/v1/meetings/{meeting}/items/{item}/documents", "UUAFFFFUFU"},
    {"GET /docs/{sha256}", "UUAAAAAUNU"},
    {"HEAD /docs/{sha256}", "UUAAAAAUNU"},
    {"GET /api/v1/annotations/{sha256}", "UUFAFFFUFU"},
    {"PUT /api/v1/annotations/{sha256}", "UUFAFFFUFU"},
    {"DELETE /api/v1/annotations/{sha256}", "UUFAFFFUFU"},
    // The phone reader: its link token and nothing else.
    {"GET /reader/api/meeting", "UUUUUUUUUA"},
    {"GET /reader/api/docs/{sha256}", "UUUUUUUUUA"},
    {"HEAD /reader/api/docs/{sha256}", "UUUUUUUUUA"},
    {"GET /reader/api/docs/{sha256}/pages/{page}", "UUUUUUUUUA"},
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
};

} // namespace chamber::testing::authorization
