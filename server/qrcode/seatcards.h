// Printable seat cards: one card per delegate with the seat, the name and a QR code that joins
// the delegate's tablet to the meeting. chamberctl prints them before the session.
#pragma once

#include "protocol/error.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace chamber::qrcode {

struct SeatCard
{
    QString seat; // e.g. "A-12"; printed very large
    QString name; // the delegate's full name, Vietnamese diacritics included
    QString group; // delegation or group
    QString joinUrl; // what the QR code holds
    QString expiresAt; // ISO 8601 with offset or Z; printed in the local time zone
};

// Cards on one A4 page: two columns of three, about 97 x 94 mm each, with dashed cut lines.
inline constexpr int seatCardsPerPage = 6;

// Renders the cards to an A4 PDF. Each card shows the meeting title (small), the seat, the
// delegate's name and group, the QR code as vector shapes (42 mm wide), the expiry time and the
// instruction "Quét mã bằng máy tính bảng để tham gia / Scan with the tablet to join". Text is
// set in "Noto Sans" (fonts-noto-core) and falls back to DejaVu Sans or Liberation Sans; the
// fonts are embedded, so the text stays searchable.
//
// Needs a QGuiApplication, because QPainter's text layout needs the font database: command line
// callers create one with the "offscreen" platform (QT_QPA_PLATFORM=offscreen or
// "-platform offscreen"). Without one this returns an Internal error instead of crashing.
//
// Fails with Invalid when there are no cards or a card has no seat, no join URL or an expiry
// that is not ISO 8601 (Error::field names the card, e.g. "cards[3].expiresAt"), and with
// TooLarge when a join URL does not fit in a QR code.
Result<QByteArray> renderSeatCardsPdf(
    const QString &meetingTitle, const std::vector<SeatCard> &cards);

} // namespace chamber::qrcode
