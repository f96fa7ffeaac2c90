// chamberctl verify: the hash chain of an exported log or of a server's database, the
// published results in it, and a signed poll result against the log it came from and a key
// somebody vouches for.
#pragma once

#include "ctl/arguments.h"

#include <QSet>
#include <QTextStream>

namespace chamber::ctl {

// `arguments` still starts with the word "verify". Returns the exit code (commands.h).
int runVerify(const Arguments &arguments, QTextStream &out, QTextStream &err);
// Options verify takes besides chamberctl's global ones.
QSet<QString> verifyOptions();
// The lines of chamberctl --help about verify.
QString verifyHelp();

} // namespace chamber::ctl
