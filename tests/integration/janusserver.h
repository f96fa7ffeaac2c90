// A real Janus for tests and benchmarks: scripts/janus.sh writes a loopback config into a
// temporary dir and execs `janus` (so the process here is Janus itself, for kill and CPU),
// with a free WebSocket port and port ranges of its own.
#pragma once

#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

namespace chamber::testing {

// Janus gathers ICE candidates on no loopback interface (it skips IFF_LOOPBACK), so on a
// loopback-only host it has nothing to offer. Tests and benchmarks therefore run in a network
// namespace of their own (unprivileged: `unshare -rn`) with a veth pair whose one end holds
// kJanusTestAddress: call this first in main(); it re-executes the program there (once) and
// returns inside it. Nothing leaves the namespace.
void reexecInPrivateNetwork(int argc, char **argv);
// The address inside that namespace (empty when not inside it).
QString privateNetworkAddress();

class JanusServer
{
public:
    JanusServer();
    ~JanusServer();

    // Empty when found; else what is missing (the janus binary, from the Debian package).
    static QString missing();
    // Starts Janus (on privateNetworkAddress()) and waits until its WebSocket port takes
    // connections; false with a reason in error().
    bool start();
    // SIGKILL, as a crash would.
    void kill();
    QUrl url() const;
    qint64 pid() const { return m_process.processId(); }
    QString error() const { return m_error; }
    QString log() const;

private:
    QProcess m_process;
    QTemporaryDir m_dir;
    quint16 m_wsPort = 0;
    int m_portBase = 0;
    QString m_error;
};

} // namespace chamber::testing
