// chamberctl verify MINUTES.pdf: a signed minutes PDF against its signature, the event log it
// says it was made from, and a certificate somebody vouches for.
#pragma once

#include "ctl/arguments.h"

#include <QSet>
#include <QTextStream>

namespace chamber::ctl {

// Whether the file is a PDF (starts with "%PDF-"): verify then checks it as minutes.
bool looksLikePdf(const QString &path);
// `arguments`: "verify MINUTES.pdf [--log FILE.jsonl] [--cert FILE.pem | --fingerprint HEX]".
// Returns the exit code (commands.h).
int verifyMinutes(const Arguments &arguments, QTextStream &out, QTextStream &err);
// The options it takes besides verify's others.
QSet<QString> verifyMinutesOptions();
QString verifyMinutesHelp();

} // namespace chamber::ctl
