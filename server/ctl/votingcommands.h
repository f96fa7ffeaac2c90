// chamberctl commands for polls: create, open, close, publish, show, and the signed result.
#pragma once

#include "ctl/commands.h"

namespace chamber::ctl {

int pollCreate(const Arguments &args, CommandContext &context);
int pollStep(const Arguments &args, CommandContext &context, const char *step);
int pollShow(const Arguments &args, CommandContext &context);
int pollResult(const Arguments &args, CommandContext &context);

} // namespace chamber::ctl
