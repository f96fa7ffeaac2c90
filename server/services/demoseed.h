// Creates the demo meeting (assets/sample) through ordinary commands, so the demo is in the
// event log exactly as if a secretary had typed it in.
#pragma once

#include "protocol/error.h"

#include <QDateTime>
#include <QString>

namespace chamber::services {

class CouncilService;
class MeetingService;

// Seeds a server that has no meeting yet, or finishes a seed a crash interrupted: the request
// ids are fixed, so steps already done are answered from the store and only the rest run.
// Returns the id of the demo meeting, or 0 when the server already holds other meetings.
Result<qint64> seedDemoMeeting(
    MeetingService &service, const QString &directory = QStringLiteral(":/chamber/demo"));

// What chamberd --demo seeds: the demo council first (seedDemoCouncil), then the demo meeting
// as one of its meetings (its delegates from the council's roster), with two conclusions on
// the budget item and tasks from them, all as of `now` (the server's clock). Seeds a server without
// meetings, or finishes a seed that was interrupted; a server seeded before councils existed is
// left alone (its demo meeting was adopted as a council of its own).
Result<qint64> seedDemoMeeting(MeetingService &service, CouncilService &councils,
    const QDateTime &now, const QString &directory = QStringLiteral(":/chamber/demo"));

// The council "HĐND tỉnh Tiền Giang": the CSV's delegates as members, three organisations, and
// tasks in every colour as of `start`, their history dated in the 90 days before it.
Result<qint64> seedDemoCouncil(
    CouncilService &councils, const QString &delegatesCsv, const QDateTime &start);
QString demoCouncilRequestId(int step);

} // namespace chamber::services
