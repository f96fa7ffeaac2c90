// chamberctl verify: checks the hash chain of an exported JSON Lines log or of a data
// directory's database, and says where it breaks.
#pragma once

#include "protocol/chain.h"

#include <QString>

namespace chamber::ctl {

struct VerifyOutcome
{
    protocol::ChainReport report;
    QString problem; // set when the input could not be read at all
    bool ok() const { return problem.isEmpty() && report.ok(); }
    QString describe() const;
};

VerifyOutcome verifyExportFile(const QString &path);
VerifyOutcome verifyDataDirectory(const QString &dataDir);

} // namespace chamber::ctl
