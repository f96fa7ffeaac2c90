// Every limit of chamberd's network edge in one place, with the reason for each default. They
// are enforced before the bytes they limit are read into memory: a connection over a limit is
// refused or cut, the meeting's thread never sees it.
#pragma once

#include "support/tokenbucket.h"

#include <QtGlobal>

namespace chamber::edge {

struct EdgeLimits
{
    // Threads doing TLS handshakes, HTTP parsing and WebSocket framing. The meeting's state
    // stays on the main thread; these only carry bytes to and from it.
    int ioThreads = 2;

    // Open connections in all (each is a file descriptor and a few KiB of TLS state); a tablet
    // holds one, a browser a handful.
    int maxConnections = 8192;
    // From one address: a tablet, screen or PC needs a few; more is a flood from one host.
    int maxConnectionsPerAddress = 64;
    // TLS handshakes in progress. Beyond this the oldest one in progress is dropped, so that
    // idle connections that never say ClientHello cannot keep new clients out.
    int maxHandshakes = 256;
    int maxHandshakesPerAddress = 16;
    // New connections per address: `burst` at once, then `perSecond`. Beyond, the connection
    // is closed at accept, before any TLS: a host that reconnects as fast as it is cut (to keep
    // thousands of idle connections or handshakes going) costs a close, not a handshake.
    support::Budget acceptBudgetPerAddress {32, 8};
    // The per-address limits do not apply to 127.0.0.1 and ::1 (the server itself, a local
    // proxy); nobody on the LAN can send from there. The rest of 127.0.0.0/8 is counted like any
    // host (the benchmarks and tests play LAN hosts from there).
    bool trustLoopback = true;

    int handshakeTimeoutMs = 10000;
    // From the first byte of a request until the end of its head (slowloris).
    int headTimeoutMs = 10000;
    // A keep-alive HTTP connection with no request in flight.
    int idleTimeoutMs = 60000;
    // A response the client does not take (its window stays shut).
    int writeStallTimeoutMs = 60000;

    qint64 maxHeadBytes = 16 * 1024;
    int maxHeaderCount = 64;
    // Bodies up to this size are read before the request is authorized (a JSON command);
    // larger ones only after the route has authorized the request and allows that size.
    qint64 preAuthBodyBytes = 64 * 1024;
    // Authorized bodies larger than this go to a spool file, not to memory.
    qint64 memoryBodyBytes = 1024 * 1024;
    // A body must arrive at least this fast (after a 10 s grace), or the connection is cut.
    qint64 minBodyBytesPerSecond = 16 * 1024;

    // A WebSocket message (and frame); the protocol's frames are far smaller.
    qint64 maxWebSocketMessageBytes = 2 * 1024 * 1024;

    // Requests and WebSocket messages per connection. When the bucket is empty the connection
    // is not read until it refills: a flooding client is slowed by TCP itself, without costing
    // the server anything. The per-device budget of the hub refuses beyond it.
    support::Budget connectionBudget {64, 32};
};

} // namespace chamber::edge
