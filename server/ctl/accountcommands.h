// chamberctl account add|passwd|disable|enable|list: named accounts over REST, with the admin
// token. Passwords are read from the terminal without echo, from --password-file or from
// --password-stdin; never from the command line, where `ps` shows them to every user.
#pragma once

#include "ctl/commands.h"

namespace chamber::ctl {

int accountAdd(const Arguments &args, CommandContext &context);
int accountPasswd(const Arguments &args, CommandContext &context);
int accountDisable(const Arguments &args, CommandContext &context);
int accountEnable(const Arguments &args, CommandContext &context);
int accountList(const Arguments &args, CommandContext &context);

// The first line of a password file (for account add|passwd and --account).
Result<QString> readPasswordFile(const QString &path);
// The options of the commands that take a password (for the command table).
QSet<QString> passwordOptions();

} // namespace chamber::ctl
