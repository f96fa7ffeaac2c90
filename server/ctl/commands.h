// chamberctl's commands: each maps words on the command line to one REST call and prints the
// answer for a person (or, with --json, as the server sent it).
#pragma once

#include "ctl/arguments.h"
#include "ctl/restclient.h"

#include <QTextStream>

#include <functional>
#include <span>

namespace chamber::ctl {

enum ExitCode {
    ExitOk = 0,
    ExitFailed = 1,
    ExitUsage = 2,
    ExitUnreachable = 3,
    ExitUntrusted = 4, // verify: nothing differs, but no trusted key vouches for the signer
};

struct CommandContext
{
    RestClient &client;
    QTextStream &out;
    QTextStream &err;
    bool json = false;
};

struct CommandSpec
{
    const char *words; // "item add"
    const char *usage; // "MEETING --title TEXT [--parent ITEM] ..."
    const char *summary; // one line for the help text
    QSet<QString> options;
    std::function<int(const Arguments &, CommandContext &)> run;
};

std::span<const CommandSpec> commands();
// The command named by the first words of `positional`, or nullptr.
const CommandSpec *findCommand(const QStringList &positional, qsizetype *wordsUsed);

} // namespace chamber::ctl
