// What each kind of principal may do. One table, so "can a delegate's tablet act as chair?"
// has one answer, tested in one place.
#pragma once

#include "protocol/error.h"
#include "protocol/message.h"
#include "services/principal.h"

namespace chamber::services {

// Checks a command (the message is schema-valid). Devices act only within their own meeting;
// a delegate's tablet only for its own delegate.
Status authorizeCommand(const Principal &principal, const protocol::Message &command);
Status authorizeSubscribe(const Principal &principal, qint64 meeting);
// Who may show join codes for free seats in the room (tally screen, chair console).
Status authorizeSeatCodes(const Principal &principal, qint64 meeting);
// Who may make (and revoke) a phone reader link for a delegate: the secretary, and the
// delegate's own tablet for its delegate.
Status authorizeReaderLink(const Principal &principal, qint64 meeting, qint64 delegate);
// The video programme (media.join/signal/leave): a bridge site, or the chamber's tally screen
// that shows the site with the floor; never the admin token (media goes to enrolled devices).
Status authorizeMedia(const Principal &principal, qint64 meeting);
// Who sees which devices are online (the chair's device list).
bool seesPresence(const Principal &principal, qint64 meeting);

} // namespace chamber::services
