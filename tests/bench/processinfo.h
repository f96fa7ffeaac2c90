// Memory of another process, from /proc.
#pragma once

#include <QFile>
#include <QList>
#include <QString>

#include <unistd.h>

namespace chamber::bench {

// A "VmRSS" or "VmHWM" (peak) value of /proc/<pid>/status, in MiB; -1 if unreadable.
inline double processMemoryMiB(qint64 pid, const char *field = "VmRSS")
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

// User + system CPU time a process has used so far, in seconds; -1 if unreadable.
inline double processCpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // After "pid (comm) ": state is field 3, utime and stime fields 14 and 15.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong())
        / double(::sysconf(_SC_CLK_TCK));
}

} // namespace chamber::bench
