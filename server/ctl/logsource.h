// Reading an event log for chamberctl verify, once: an export (JSON Lines, as chamberctl export
// writes it) or a data directory's database. Each event goes through the chain check and the
// replay together.
#pragma once

#include "ctl/logreplay.h"
#include "protocol/chain.h"

#include <functional>

namespace chamber::ctl {

struct LogCheck
{
    QString name; // how the report names the log
    QString problem; // the log could not be read at all (missing, a malformed line, schema)
    protocol::ChainReport chain;
    qint64 checkpoints = 0; // database only: checkpoints compared with the chain
    LogReplay replay; // set captureAt() before reading
    // Also given every event as it is read, in log order (verify of minutes rebuilds them).
    std::function<void(const protocol::Event &)> onEvent;

    bool intact() const { return problem.isEmpty() && chain.ok() && replay.problem().isEmpty(); }
    // Why the log is not to be believed, one line each: unreadable, chain breaks, events the
    // core refuses, and published results that differ from the log's own events.
    QStringList failures() const;
};

// `resultKey` (raw 32 bytes): every published result in the log must carry it; empty: each is
// checked against the key it names.
void readExportFile(const QString &path, const QByteArray &resultKey, LogCheck &log);
// Also checks the database's chain checkpoints (their signature, with `resultKey`).
void readDataDirectory(const QString &dataDir, const QByteArray &resultKey, LogCheck &log);

} // namespace chamber::ctl
