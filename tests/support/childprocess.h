// A program a test starts dies with the test: when the test process ends in any way (a failed
// QVERIFY returning early is harmless, but a crash, an abort, ctest's timeout or a kill -9
// never runs a destructor), the kernel sends the child SIGKILL (PR_SET_PDEATHSIG). Every
// QProcess under tests/ gets it before start(); tests/deps checks that none is forgotten.
//
// The signal follows the thread that started the child, so start children from a thread that
// lives as long as they should (the test's main thread). It survives exec, not fork: a child
// that forks its own helpers must take them down itself (chamberd does, for chamber-media and
// LibreOffice).
#pragma once

#include <QProcess>

#include <csignal>

#include <sys/prctl.h>
#include <unistd.h>

namespace chamber::testing {

inline void dieWithTest(QProcess &process, int signal = SIGKILL)
{
    const pid_t test = ::getpid();
    process.setChildProcessModifier([test, signal] {
        ::prctl(PR_SET_PDEATHSIG, signal);
        // The test died between the fork and prctl: no signal will come, so go now.
        if (::getppid() != test)
            ::_exit(127);
    });
}

} // namespace chamber::testing
