#include "services/officeprocess.h"

#include <QByteArrayView>
#include <QCryptographicHash>
#include <QFile>

#include <csignal>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace chamber::services {

namespace {

void setLimit(int resource, rlim_t soft, rlim_t hard)
{
    const rlimit limit {soft, hard};
    ::setrlimit(resource, &limit);
}

// $0 is the guardian's name in ps, "$@" the converter and its arguments. `wait` returns at
// once when a trapped signal comes; the trap then kills the group, the shell with it.
constexpr char kGuardScript[] = "trap 'kill -KILL 0' TERM\n\"$@\" &\nwait $!\n";

} // namespace

QString guardProgram()
{
    return QStringLiteral("/bin/sh");
}

QStringList guardArguments(const QString &program, const QStringList &arguments)
{
    return QStringList {QStringLiteral("-c"), QString::fromLatin1(kGuardScript),
               QStringLiteral("chamber-office-guard"), program}
    + arguments;
}

void fenceOfficeProcess(const OfficeProcessLimits &limits, pid_t server)
{
    ::setsid(); // a process group of its own: a timeout kills LibreOffice's children too
    setLimit(RLIMIT_CORE, 0, 0); // a LibreOffice at its memory limit dumps no gigabytes
    // At the soft CPU limit SIGXCPU, a second later SIGKILL.
    if (limits.memoryBytes > 0)
        setLimit(RLIMIT_DATA, rlim_t(limits.memoryBytes), rlim_t(limits.memoryBytes));
    if (limits.cpuSeconds > 0)
        setLimit(RLIMIT_CPU, rlim_t(limits.cpuSeconds), rlim_t(limits.cpuSeconds) + 1);
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (::getppid() != server) // chamberd died before the line above
        ::_exit(127);
}

QString officePipeName(const QString &profileUrl)
{
    // As LibreOffice's desktop/source/app/officeipcthread.cxx: MD5 over the sal_Unicode
    // (UTF-16, this machine's byte order) code units, OUString::number(byte, 16) each.
    const QByteArray digest = QCryptographicHash::hash(
        QByteArrayView(reinterpret_cast<const char *>(profileUrl.utf16()),
            profileUrl.size() * qsizetype(sizeof(char16_t))),
        QCryptographicHash::Md5);
    QString hex;
    for (const char byte : digest)
        hex += QString::number(uchar(byte), 16);
    return QStringLiteral("OSL_PIPE_%1_SingleOfficeIPC_%2").arg(::getuid()).arg(hex);
}

void removeOfficePipe(const QString &profileUrl)
{
    const QString name = officePipeName(profileUrl);
    for (const char *directory : {"/tmp/", "/var/tmp/"}) {
        const QByteArray path = QByteArray(directory) + QFile::encodeName(name);
        struct stat status = {};
        if (::lstat(path.constData(), &status) == 0 && S_ISSOCK(status.st_mode)
            && status.st_uid == ::getuid())
            ::unlink(path.constData());
    }
}

} // namespace chamber::services
