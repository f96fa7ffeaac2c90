// Seat cards rendered in a child process: chamberd's event loop has no QGuiApplication (and
// should not wait for a PDF), so it hands the cards to `chamberd --render-seat-cards` as JSON
// on stdin and reads the PDF from stdout. This is that JSON, both ways.
#pragma once

#include "protocol/error.h"
#include "qrcode/seatcards.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace chamber::qrcode {

struct SeatCardJob
{
    QString meetingTitle;
    std::vector<SeatCard> cards;
};

// At most this many cards in one job (a hall of 60 × 60 seats).
inline constexpr int kMaxSeatCardsPerJob = 3600;

QByteArray seatCardJobToJson(const SeatCardJob &job);
// BadJson for what is not a JSON object, BadField (naming it) for a missing or mistyped field,
// TooLarge for more than kMaxSeatCardsPerJob cards.
Result<SeatCardJob> parseSeatCardJob(const QByteArray &json);

// The argument that makes chamberd the renderer.
inline constexpr char kRenderSeatCardsArgument[] = "--render-seat-cards";

// The child's side: reads a job from stdin, writes the PDF to stdout; 0 on success, else the
// error's message on stderr and 1. Makes its own QGuiApplication (offscreen platform).
int renderSeatCardsMain(int argc, char *argv[]);

} // namespace chamber::qrcode
