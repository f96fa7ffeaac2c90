// Runs commands against a meeting the way the service does (decide, then apply the events),
// without storage or network: for tests of the core's rules.
#pragma once

#include "core/commands.h"
#include "core/meeting.h"

#include <QSet>

namespace chamber::testing {

class MeetingHarness
{
public:
    // Every event of the harness gets this time; tests move it forward for durations.
    QString now = QStringLiteral("2026-12-08T08:00:00.000Z");

    Result<core::Decision> run(
        const QString &type, QJsonObject fields = {}, core::DecisionContext context = {});
    // For setup steps that must succeed: a failure is a broken test, not a finding.
    core::Decision ok(
        const QString &type, QJsonObject fields = {}, core::DecisionContext context = {});
    qint64 addDelegate(const QString &name, const QString &seat, qint64 weight = 1);
    // Applies an event the services decide themselves (enrollment).
    void applyDirect(const QString &kind, const QJsonObject &data);

    core::MeetingState state;
    QSet<QString> kinds; // every event kind produced, to prove each one is exercised
};

// A meeting with `members` delegates (seats S1..Sn); `present` of them checked in.
MeetingHarness meetingWith(int members, int present = 0);

} // namespace chamber::testing
