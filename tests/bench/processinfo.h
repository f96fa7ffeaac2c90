// Memory of another process, from /proc.
#pragma once

#include <QFile>
#include <QString>

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

} // namespace chamber::bench
