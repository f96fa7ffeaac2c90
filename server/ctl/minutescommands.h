// chamberctl minutes: the signed minutes PDF of a meeting (a draft while it runs, the final
// once it has ended) and its exports (JSON, or one CSV table), as the server makes them.
#pragma once

#include "ctl/commands.h"

#include <vector>

namespace chamber::ctl {

std::vector<CommandSpec> minutesCommands();

} // namespace chamber::ctl
