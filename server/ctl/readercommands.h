// chamberctl commands for the phone reader: a reader link (URL and QR image) for a delegate's
// phone, the links of a meeting, revoking one.
#pragma once

#include "ctl/commands.h"

namespace chamber::ctl {

int readerLinkCreate(const Arguments &args, CommandContext &context);
int readerLinkList(const Arguments &args, CommandContext &context);
int readerLinkRevoke(const Arguments &args, CommandContext &context);

} // namespace chamber::ctl
