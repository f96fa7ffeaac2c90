// Enrolls a device against a running chamberd the way a kiosk does: a join code from the admin
// REST API, redeemed over the pinned WebSocket for a device credential.
#pragma once

#include <QString>

namespace chamber::testing {

class ServerProcess;

// The device credential; empty (with a warning) when the server refused.
QString enrollDevice(
    ServerProcess &server, qint64 meeting, const QString &role, qint64 delegate = 0);

} // namespace chamber::testing
