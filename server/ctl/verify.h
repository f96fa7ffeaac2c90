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
// A signed poll result ({document, signature, publicKey}): the signature, the key (when
// `trustedKey` is given, raw 32 bytes), and, with an exported log, that the result's lastEvent
// is in that log's intact chain.
struct ResultCheck
{
    QString problem; // empty when all checks passed
    QString summary;
};
ResultCheck verifyResultFile(
    const QString &path, const QByteArray &trustedKey, const QString &logPath);
bool looksLikeResultFile(const QString &path);
VerifyOutcome verifyDataDirectory(const QString &dataDir);

} // namespace chamber::ctl
