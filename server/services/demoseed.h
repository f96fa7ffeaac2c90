// Creates the demo meeting (assets/sample) through ordinary commands, so the demo is in the
// event log exactly as if a secretary had typed it in.
#pragma once

#include "protocol/error.h"

#include <QString>

namespace chamber::services {

class MeetingService;

// Seeds a server that has no meeting yet, or finishes a seed a crash interrupted: the request
// ids are fixed, so steps already done are answered from the store and only the rest run.
// Returns the id of the demo meeting, or 0 when the server already holds other meetings.
Result<qint64> seedDemoMeeting(
    MeetingService &service, const QString &directory = QStringLiteral(":/chamber/demo"));

} // namespace chamber::services
