// The fence around one LibreOffice run (OfficeConverter): what it may take, that it never
// outlives chamberd, and that it leaves nothing outside its job's directory.
//
// LibreOffice is soffice (a shell script) exec'ing oosplash, which starts soffice.bin as its
// child. A parent-death signal is not inherited by children, so PR_SET_PDEATHSIG on the
// process chamberd starts would stop oosplash only, and soffice.bin would run on (measured).
// So chamberd starts a guardian, /bin/sh running kGuardScript, with the parent-death signal
// SIGTERM: it runs the converter as its child, ends with its status, and on SIGTERM kills its
// whole process group. (A guardian forked inside the child modifier cannot be: Qt 6.4 starts
// processes with vfork semantics, chamberd waits until its child execs.)
#pragma once

#include <QString>
#include <QStringList>

#include <sys/types.h>

namespace chamber::services {

struct OfficeProcessLimits
{
    // RLIMIT_DATA (heap and private writable mappings: what a document's contents grow):
    // RLIMIT_AS counts every reserved address range too (thread stacks, malloc arenas,
    // libraries) and failed LibreOffice's start at 448 MiB while 320 MiB worked.
    qint64 memoryBytes = 0; // 0: none
    int cpuSeconds = 0; // RLIMIT_CPU per process; 0: none
};

// The guardian: what QProcess runs instead of `program` with `arguments`. A converter killed
// by signal N ends the guardian with exit code 128 + N.
QString guardProgram();
QStringList guardArguments(const QString &program, const QStringList &arguments);

// Runs in the child QProcess forked, before it execs the guardian (setChildProcessModifier):
// a session and process group of its own, the limits (inherited by the converter), no core
// dumps, and SIGTERM when chamberd (`server`) dies. Only system calls: vfork semantics.
void fenceOfficeProcess(const OfficeProcessLimits &limits, pid_t server);

// LibreOffice's single-instance pipe for a user installation (profile) URL:
// OSL_PIPE_<uid>_SingleOfficeIPC_<MD5 of the URL's UTF-16, each byte in hex without zero
// padding>, in /tmp (fixed in LibreOffice's sal/osl, whatever TMPDIR says; /var/tmp if
// /tmp is not writable). LibreOffice hashes its canonical URL (symbolic links resolved,
// %-encoded), so `profileUrl` must be that: QUrl::fromLocalFile(canonical path).
QString officePipeName(const QString &profileUrl);

// Removes that pipe where it is a socket owned by this user: a LibreOffice that was killed
// or crashed leaves it behind. The name is this job's alone (its profile directory is), so
// no other conversion's or user's pipe is touched.
void removeOfficePipe(const QString &profileUrl);

} // namespace chamber::services
