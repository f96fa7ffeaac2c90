// chamberd's command line, merged over the configuration file.
#pragma once

#include "app/config.h"

#include <QStringList>

namespace chamber::app {

struct StartupOptions
{
    ServerConfig config;
    bool exitNow = false; // --help or --version was answered
    int exitCode = 0;
    QString message; // what to print before exiting (help, version or the errors)
};

// Reads --config FILE first, then lets --data, --listen, --demo and --log-format override it;
// --accept-broken-chain exists only on the command line.
StartupOptions parseStartupOptions(const QStringList &arguments);

} // namespace chamber::app
