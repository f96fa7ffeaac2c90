// chamberd telling systemd how it is (sd_notify(3) protocol): READY=1 once it serves, STATUS=
// lines for `systemctl status`, STOPPING=1 at shutdown, and WATCHDOG=1 from the main event loop
// so that a loop which hangs stops pinging and systemd (WatchdogSec=) restarts the service.
//
// Outside systemd (no NOTIFY_SOCKET) every call does nothing.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

namespace chamber::app {

// What systemd handed this process, taken out of the environment so that no child
// (chamber-media, LibreOffice) inherits it: a child holding NOTIFY_SOCKET could report READY or
// ping the watchdog on chamberd's behalf (NotifyAccess=main refuses it, but the child would
// still believe it talks to its own manager).
struct SystemdEnvironment
{
    QByteArray notifySocket; // empty: not started by systemd with Type=notify
    qint64 watchdogUsec = 0; // 0: no watchdog for this process
};

// Reads NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID and removes them from the environment.
// Call first thing in main(), before any thread exists: unsetenv() is not safe while another
// thread may read the environment.
SystemdEnvironment takeSystemdEnvironment();

class SystemdNotifier : public QObject
{
    Q_OBJECT

public:
    explicit SystemdNotifier(SystemdEnvironment environment, QObject *parent = nullptr);
    ~SystemdNotifier() override;

    bool active() const { return !m_environment.notifySocket.isEmpty(); }
    // Half of WatchdogSec, as sd_watchdog_enabled(3) advises; 0 without a watchdog.
    int pingIntervalMs() const;

    // READY=1 with the first status line; starts the watchdog pings (and status refreshes,
    // which ride on them) from the event loop of the thread this object lives in.
    void ready(std::function<QString()> statusLine);
    void status(const QString &line);
    // STOPPING=1 (once): systemd then waits for the exit instead of expecting pings.
    void stopping(const QString &line);

private:
    bool send(const QByteArray &message);
    void ping();

    SystemdEnvironment m_environment;
    int m_socket = -1;
    bool m_warned = false;
    bool m_stopping = false;
    QString m_lastStatus;
    std::function<QString()> m_statusLine;
    QTimer m_watchdog;
};

} // namespace chamber::app
