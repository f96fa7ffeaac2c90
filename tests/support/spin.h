// Runs the event loop until a condition holds, for test programs that drive many sockets
// without QTest (benchmarks, the crash test).
#pragma once

#include <functional>

namespace chamber::testing {

// Processes events until `done()` is true (returns true) or `timeoutMs` has passed (false).
bool spinUntil(const std::function<bool()> &done, int timeoutMs);

} // namespace chamber::testing
