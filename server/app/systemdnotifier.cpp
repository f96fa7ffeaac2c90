#include "app/systemdnotifier.h"

#include "support/log.h"

#include <systemd/sd-daemon.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

// Why libsystemd sends nothing here: sd_notify() and sd_pid_notify() read NOTIFY_SOCKET from
// the environment at every call, and there is no variant that takes the address. Using them
// means either leaving NOTIFY_SOCKET in the environment (every child inherits it) or putting it
// back around each call while the network threads run (setenv/unsetenv race with getenv in
// other threads, and a fork at that moment would inherit it). The datagram itself is one
// sendto(); libsystemd still parses the watchdog settings (sd_watchdog_enabled), which is where
// the WATCHDOG_PID rules live.

namespace chamber::app {

Q_LOGGING_CATEGORY(lcSystemd, "chamber.systemd")

SystemdEnvironment takeSystemdEnvironment()
{
    SystemdEnvironment environment;
    if (const char *socket = std::getenv("NOTIFY_SOCKET"))
        environment.notifySocket = QByteArray(socket);
    ::unsetenv("NOTIFY_SOCKET");
    uint64_t usec = 0;
    // > 0 only when WATCHDOG_USEC is set and WATCHDOG_PID is unset or this process; the 1 asks
    // it to unset both.
    if (sd_watchdog_enabled(1, &usec) > 0)
        environment.watchdogUsec = qint64(usec);
    ::unsetenv("WATCHDOG_USEC");
    ::unsetenv("WATCHDOG_PID");
    return environment;
}

SystemdNotifier::SystemdNotifier(SystemdEnvironment environment, QObject *parent)
    : QObject(parent)
    , m_environment(std::move(environment))
{
    connect(&m_watchdog, &QTimer::timeout, this, &SystemdNotifier::ping);
}

SystemdNotifier::~SystemdNotifier()
{
    if (m_socket >= 0)
        ::close(m_socket);
}

int SystemdNotifier::pingIntervalMs() const
{
    if (!active() || m_environment.watchdogUsec <= 0)
        return 0;
    return int(qBound(qint64(1), m_environment.watchdogUsec / 2000, qint64(24) * 3600 * 1000));
}

void SystemdNotifier::ready(std::function<QString()> statusLine)
{
    if (!active())
        return;
    m_statusLine = std::move(statusLine);
    m_lastStatus = m_statusLine ? m_statusLine() : QString();
    send("READY=1\nSTATUS=" + m_lastStatus.toUtf8());
    if (const int interval = pingIntervalMs()) {
        log::info(lcSystemd(), QStringLiteral("systemd watchdog on"),
            {{QStringLiteral("pingIntervalMs"), interval}});
        // The timer fires only when the event loop turns: a loop stuck in one handler stops
        // the pings, which is the point.
        m_watchdog.start(interval);
    }
}

void SystemdNotifier::status(const QString &line)
{
    if (!active() || line == m_lastStatus)
        return;
    m_lastStatus = line;
    send("STATUS=" + line.toUtf8());
}

void SystemdNotifier::stopping(const QString &line)
{
    if (!active() || m_stopping)
        return;
    m_stopping = true;
    m_watchdog.stop();
    m_lastStatus = line;
    send("STOPPING=1\nSTATUS=" + line.toUtf8());
}

void SystemdNotifier::ping()
{
    QByteArray message = "WATCHDOG=1";
    if (m_statusLine) {
        // The status rides on the ping, so it never costs a datagram of its own.
        const QString line = m_statusLine();
        if (line != m_lastStatus) {
            m_lastStatus = line;
            message += "\nSTATUS=" + line.toUtf8();
        }
    }
    send(message);
}

bool SystemdNotifier::send(const QByteArray &message)
{
    const QByteArray &path = m_environment.notifySocket;
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    // "/path" or "@abstract" (a leading NUL byte), as sd_notify(3) accepts them.
    const bool usable = (path.startsWith('/') || path.startsWith('@'))
        && size_t(path.size()) < sizeof(address.sun_path);
    if (usable && m_socket < 0)
        m_socket = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    bool sent = false;
    if (usable && m_socket >= 0) {
        std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
        if (path.startsWith('@'))
            address.sun_path[0] = '\0';
        const auto length = socklen_t(
            offsetof(sockaddr_un, sun_path) + size_t(path.size()) + (path.startsWith('@') ? 0 : 1));
        sent = ::sendto(m_socket, message.constData(), size_t(message.size()), MSG_NOSIGNAL,
                   reinterpret_cast<const sockaddr *>(&address), length)
            == message.size();
    }
    if (!sent && !m_warned) {
        // Said once: a watchdog that cannot reach systemd will have the service restarted,
        // and this line tells why.
        m_warned = true;
        log::warning(lcSystemd(), QStringLiteral("cannot notify systemd"),
            {{QStringLiteral("socket"), QString::fromLocal8Bit(path)},
                {QStringLiteral("error"),
                    usable ? QString::fromLocal8Bit(std::strerror(errno))
                           : QStringLiteral("unsupported NOTIFY_SOCKET address")}});
    }
    return sent;
}

} // namespace chamber::app
