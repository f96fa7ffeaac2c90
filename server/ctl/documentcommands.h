// chamberctl commands for documents: upload a PDF to an agenda item, list, remove, present.
#pragma once

#include "ctl/commands.h"

namespace chamber::ctl {

int documentUpload(const Arguments &args, CommandContext &context);
int documentList(const Arguments &args, CommandContext &context);
int documentRemove(const Arguments &args, CommandContext &context);
int documentPresent(const Arguments &args, CommandContext &context);

} // namespace chamber::ctl
