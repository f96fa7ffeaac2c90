// Deadlines as chamberctl takes them: a date alone ("2027-01-31") is the end of that day in
// Vietnam (23:59:59 at UTC+07:00; no summer time), a time without an offset is Vietnam time too,
// and one with an offset ("Z", "+07:00") is taken as written. The wire carries the UTC instant.
#pragma once

#include "protocol/error.h"

#include <QString>

namespace chamber::ctl {

constexpr int kVietnamOffsetSeconds = 7 * 3600;

// "2027-01-31T16:59:59Z", or why the text is not a deadline.
Result<QString> parseDeadline(const QString &text);

} // namespace chamber::ctl
