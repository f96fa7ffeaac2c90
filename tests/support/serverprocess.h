// Runs the real chamberd binary on a free loopback port with a temporary data directory, and
// reads its structured (JSON) log to learn the port and key pin.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace chamber::testing {

QString binaryPath(const QString &name);
// Writes DIRECTORY/chamberd.conf with the video bridges on: this chamber-media program with
// these arguments. Returns the file's path, or an empty string when it could not be written.
QString writeMediaConfig(
    const QString &directory, const QString &program, const QString &arguments);

class ServerProcess
{
public:
    // Uses `dataDir` if given (to restart on the same data), else a fresh temporary directory.
    explicit ServerProcess(QString dataDir = {});
    ~ServerProcess();

    // Runs this binary instead of the chamberd built beside the tests (a benchmark comparing
    // with an older build). Before start().
    void setProgram(const QString &path) { m_process.setProgram(path); }
    // The environment chamberd starts with (default: the test's). Before start().
    void setEnvironment(const QProcessEnvironment &environment)
    {
        m_process.setProcessEnvironment(environment);
    }
    qint64 processId() const { return m_process.processId(); }
    // Starts and waits for the "listening" log record. Extra arguments are appended.
    bool start(const QStringList &extraArguments = {}, int timeoutMs = 20000);
    // SIGTERM and wait; returns the exit code (or -1 if it had to be killed).
    int terminate(int timeoutMs = 10000);
    // SIGKILL: no goodbye, no cleanup, like a power cut for the process.
    void kill();
    // Waits for the process to exit by itself (e.g. refusing to start); returns the exit code.
    int waitForExit(int timeoutMs = 20000);

    quint16 port() const { return m_port; }
    QByteArray pin() const { return m_pin; }
    QByteArray adminToken() const;
    QString dataDir() const { return m_dataDir; }
    QString baseUrl() const;
    QString wsUrl() const;
    // Everything chamberd wrote to stderr so far.
    QByteArray log();
    // Log records (parsed JSON lines) whose "msg" equals `message`.
    QList<QJsonObject> records(const QString &message);

private:
    void readLog();

    std::unique_ptr<QTemporaryDir> m_temporary;
    QString m_dataDir;
    QProcess m_process;
    QByteArray m_log;
    quint16 m_port = 0;
    QByteArray m_pin;
};

} // namespace chamber::testing
