// What the command files of chamberctl share: reporting a failure, checking an answer, ids.
#pragma once

#include "ctl/commands.h"

namespace chamber::ctl {

// Prints "chamberctl: <message>" on stderr and returns `code`.
int fail(CommandContext &context, const QString &message, int code = ExitUsage);
// True when the call reached the server and it answered below 400; otherwise prints the
// server's message (or why it was not reached) and sets *exitCode.
bool answered(CommandContext &context, const Result<HttpResult> &result, int *exitCode);
// A positive integer id from the command line.
bool positive(const QString &text, qint64 *value);

} // namespace chamber::ctl
