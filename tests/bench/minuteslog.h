// A large meeting's event log for bench_minutes, made through the domain core as chamberd makes
// it (core::decide and core::apply, on a fixed clock: one second per command), then written
// hash-chained into a data directory's database so that a real chamberd can serve it.
#pragma once

#include "protocol/ed25519.h"
#include "protocol/error.h"

#include <QString>

namespace chamber::bench {

struct MinutesLogShape
{
    int delegates = 500;
    int items = 40;
    int polls = 60; // every third one secret
    int speeches = 400; // spread over the items, one in ten of them by a bridge point
    int absent = 20; // never checked in; a quarter of them excused
};

struct MinutesLogStats
{
    qint64 events = 0;
    qint64 ballots = 0;
};

// Writes meeting 1 into `<dataDir>/chamber.db`; results are signed with `resultKey` (the data
// directory's own, so that chamberd's chain guard accepts them).
Result<MinutesLogStats> writeMinutesLog(
    const QString &dataDir, const MinutesLogShape &shape, const protocol::Ed25519Key &resultKey);

} // namespace chamber::bench
