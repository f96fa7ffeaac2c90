// What the crash test (crash_voting.cpp) checks after a round: the database and the chain,
// and the counted result against the answers the tablets were given.
#pragma once

#include "crashtablet.h"
#include "storage/sqlite.h"

#include <QStringList>

namespace chamber::testing::crash {

// PRAGMA integrity_check on `path`, opened as chamberd would (read-write, so a hot WAL left
// by a kill is recovered) or read-only: "ok" or what is wrong.
QString integrityCheck(const QString &path, storage::Database::Mode mode);
// `chamberctl verify --data`: empty when the chain is intact, else what it said.
QString verifyChain(const QString &dataDir);
// Every send of a ballot got the same ok; every change of choice got conflict.
QStringList answerProblems(const Tablets &tablets);
// The closing of `poll` counts every tablet's acknowledged ballot exactly once, as it was
// acknowledged; a secret poll lists exactly the tablets' receipts and no roll call.
QStringList closingProblems(
    qint64 poll, bool secret, const QJsonObject &closing, const Tablets &tablets);

} // namespace chamber::testing::crash
