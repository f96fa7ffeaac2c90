// Where chamberctl finds the server, its token and its key pin: explicit options first, then
// environment variables, then the server's own data directory (when run on the server).
#pragma once

#include "ctl/arguments.h"
#include "ctl/restclient.h"

namespace chamber::ctl {

Result<Connection> resolveConnection(const Arguments &arguments);
// The same without the admin token, for public routes (the server's keys).
Result<Connection> resolvePublicConnection(const Arguments &arguments);
QString defaultDataDirectory();

} // namespace chamber::ctl
