// nginx as the baseline file server of the document benchmark: started on a free loopback port
// with a generated configuration, its own temporary directories, and the certificate and key
// it is given (chamberd's own, so both servers do the same ECDSA P-256 handshake); stopped
// with the object.
#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace chamber::bench {

class NginxBaseline
{
public:
    ~NginxBaseline();

    // Serves the files of `documents` (name → path; copied in) under /docs/. Empty string
    // on success, else why not.
    QString start(const QString &certificate, const QString &key,
        const QList<QPair<QString, QString>> &documents, int workers);
    void stop();

    quint16 port() const { return m_port; }
    // The master and its workers, in MiB of resident memory.
    double rssMiB() const;
    // CPU seconds used so far by the master and its workers.
    double cpuSeconds() const;
    QString version() const;

private:
    QList<qint64> findProcesses() const;
    QTemporaryDir m_dir;
    QList<qint64> m_processes; // the master and its workers, found once it listens
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace chamber::bench
