// chamberctl council|member|organisation|conclusion|task|board and `agenda add-overdue`: the
// councils of issue 15 over REST. Tables for people by default, the server's JSON with --json.
// A liaison account reports on its own tasks with `--account NAME --password-file F`.
#pragma once

#include "ctl/commands.h"

#include <vector>

namespace chamber::ctl {

// The council commands' rows of the command table.
std::vector<CommandSpec> councilCommands();
std::vector<CommandSpec> taskCommands();

} // namespace chamber::ctl
