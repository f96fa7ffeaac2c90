// chamberd under a stand-in for systemd: NOTIFY_SOCKET is a datagram socket this test owns.
// READY=1 comes once chamberd serves, from chamberd's own pid (NotifyAccess=main); WATCHDOG=1
// pings follow from its event loop and stop while the process is stopped (a hung loop, as
// systemd's watchdog sees it); SIGTERM brings STOPPING=1; chamber-media, its child, does not
// inherit NOTIFY_SOCKET or WATCHDOG_*.
#include "restcall.h"
#include "serverprocess.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace chamber::testing;

namespace {

struct Datagram
{
    QByteArray text;
    pid_t sender = 0; // from SCM_CREDENTIALS, filled in by the kernel
};

// What systemd's notification socket is: AF_UNIX datagrams with the sender's credentials.
class NotifySocket
{
public:
    NotifySocket()
    {
        m_path = m_directory.filePath(QStringLiteral("notify")).toLocal8Bit();
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        sockaddr_un address {};
        address.sun_family = AF_UNIX;
        qstrncpy(address.sun_path, m_path.constData(), sizeof(address.sun_path));
        const int on = 1;
        m_ok = m_fd >= 0
            && ::bind(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) == 0
            && ::setsockopt(m_fd, SOL_SOCKET, SO_PASSCRED, &on, sizeof(on)) == 0;
    }
    ~NotifySocket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool ok() const { return m_ok; }
    QString path() const { return QString::fromLocal8Bit(m_path); }

    // Everything received so far, in order.
    const QList<Datagram> &received()
    {
        for (;;) {
            char buffer[4096];
            iovec part {buffer, sizeof(buffer)};
            alignas(cmsghdr) char control[CMSG_SPACE(sizeof(ucred))];
            msghdr message {};
            message.msg_iov = &part;
            message.msg_iovlen = 1;
            message.msg_control = control;
            message.msg_controllen = sizeof(control);
            const ssize_t size = ::recvmsg(m_fd, &message, 0);
            if (size < 0)
                break;
            Datagram datagram {QByteArray(buffer, int(size))};
            for (cmsghdr *header = CMSG_FIRSTHDR(&message); header;
                 header = CMSG_NXTHDR(&message, header)) {
                if (header->cmsg_level == SOL_SOCKET && header->cmsg_type == SCM_CREDENTIALS) {
                    ucred credentials {};
                    std::memcpy(&credentials, CMSG_DATA(header), sizeof(credentials));
                    datagram.sender = credentials.pid;
                }
            }
            m_received << datagram;
        }
        return m_received;
    }
    // Datagrams holding this line (e.g. "WATCHDOG=1").
    QList<Datagram> with(const QByteArray &line)
    {
        QList<Datagram> found;
        for (const Datagram &datagram : received()) {
            if (datagram.text.split('\n').contains(line))
                found << datagram;
        }
        return found;
    }
    bool waitFor(const QByteArray &line, qsizetype count = 1, int timeoutMs = 20000)
    {
        return QTest::qWaitFor([&] { return with(line).size() >= count; }, timeoutMs);
    }

private:
    QTemporaryDir m_directory;
    QByteArray m_path;
    int m_fd = -1;
    bool m_ok = false;
    QList<Datagram> m_received;
};

QProcessEnvironment notifyEnvironment(const NotifySocket &socket, const QString &watchdogUsec)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("NOTIFY_SOCKET"), socket.path());
    if (!watchdogUsec.isEmpty())
        environment.insert(QStringLiteral("WATCHDOG_USEC"), watchdogUsec);
    return environment;
}

// The process state letter from /proc/PID/stat ('T' once SIGSTOP has taken effect).
char processState(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return '?';
    const QByteArray text = stat.readAll();
    const qsizetype end = text.lastIndexOf(')');
    return end > 0 && end + 2 < text.size() ? text.at(end + 2) : '?';
}

QList<QByteArray> environmentOf(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/environ").arg(pid));
    return file.open(QIODevice::ReadOnly) ? file.readAll().split('\0') : QList<QByteArray>();
}

bool hasVariable(const QList<QByteArray> &environment, const QByteArray &name)
{
    for (const QByteArray &entry : environment) {
        if (entry.startsWith(QByteArray(name + '=')))
            return true;
    }
    return false;
}

} // namespace

class TestSystemdNotify : public QObject
{
    Q_OBJECT

private slots:
    void readyPingsAndStopping();
    void watchdogOfAnotherProcessIsNotPinged();
    void childrenDoNotInheritTheSocket();
    void unusableSocketIsReportedOnce();
};

void TestSystemdNotify::readyPingsAndStopping()
{
    NotifySocket socket;
    QVERIFY(socket.ok());
    ServerProcess server;
    // WatchdogSec=2s: a ping every second.
    server.setEnvironment(notifyEnvironment(socket, QStringLiteral("2000000")));
    QVERIFY2(server.start(), server.log().constData());
    const qint64 pid = server.processId();

    QVERIFY2(socket.waitFor("READY=1"), server.log().constData());
    // READY is the first thing said, by chamberd itself, with the port it really listens on
    // (known only once it listens); and the server answers.
    const Datagram ready = socket.received().first();
    QVERIFY(ready.text.split('\n').contains("READY=1"));
    QCOMPARE(qint64(ready.sender), pid);
    QVERIFY2(ready.text.contains(
                 QStringLiteral("STATUS=serving on 127.0.0.1:%1, ").arg(server.port()).toUtf8()),
        ready.text.constData());
    QCOMPARE(
        restCall("GET", server.baseUrl() + QStringLiteral("/api/v1/health"), server.pin()).status,
        200);

    QVERIFY(socket.waitFor("WATCHDOG=1", 2));
    for (const Datagram &ping : socket.with("WATCHDOG=1"))
        QCOMPARE(qint64(ping.sender), pid);
    const auto watchdogOn = server.records(QStringLiteral("systemd watchdog on"));
    QCOMPARE(watchdogOn.size(), 1);
    QCOMPARE(watchdogOn.first().value(QLatin1String("pingIntervalMs")).toInt(), 1000);

    // A loop that does not turn sends nothing: stopped, chamberd misses two ping intervals
    // (systemd would restart it after WatchdogSec); continued, it pings again.
    QCOMPARE(::kill(pid_t(pid), SIGSTOP), 0);
    QVERIFY(QTest::qWaitFor([&] { return processState(pid) == 'T'; }, 5000));
    const qsizetype before = socket.received().size();
    QTest::qWait(2500);
    QCOMPARE(socket.received().size(), before);
    QCOMPARE(::kill(pid_t(pid), SIGCONT), 0);
    QVERIFY(QTest::qWaitFor([&] { return socket.received().size() > before; }, 5000));
    QVERIFY(socket.received().last().text.startsWith("WATCHDOG=1"));

    QCOMPARE(server.terminate(), 0);
    const QList<Datagram> stopping = socket.with("STOPPING=1");
    QCOMPARE(stopping.size(), 1);
    QCOMPARE(qint64(stopping.first().sender), pid);
    // Nothing after STOPPING: systemd is waiting for the exit, not for pings.
    QVERIFY(socket.received().last().text.contains("STOPPING=1"));
}

void TestSystemdNotify::watchdogOfAnotherProcessIsNotPinged()
{
    NotifySocket socket;
    QVERIFY(socket.ok());
    ServerProcess server;
    QProcessEnvironment environment = notifyEnvironment(socket, QStringLiteral("2000000"));
    // The watchdog was meant for another process (e.g. a wrapper that exec'd nothing).
    environment.insert(QStringLiteral("WATCHDOG_PID"), QStringLiteral("1"));
    server.setEnvironment(environment);
    QVERIFY(server.start());
    QVERIFY(socket.waitFor("READY=1"));
    QCOMPARE(server.terminate(), 0);
    QVERIFY(server.records(QStringLiteral("systemd watchdog on")).isEmpty());
    QVERIFY(socket.with("WATCHDOG=1").isEmpty());
    QCOMPARE(socket.with("STOPPING=1").size(), 1);
}

void TestSystemdNotify::childrenDoNotInheritTheSocket()
{
    const QString media = binaryPath(QStringLiteral("chamber-media"));
    if (!QFileInfo(media).isExecutable())
        QSKIP("chamber-media is not built (CHAMBER_BUILD_MEDIA off)");
    QTemporaryDir configDir;
    const QString config = writeMediaConfig(configDir.path(), media,
        QStringLiteral("--size 320x240 --fps 15 --video-kbps 300 --ice-address 127.0.0.1"));
    QVERIFY(!config.isEmpty());

    NotifySocket socket;
    QVERIFY(socket.ok());
    ServerProcess server;
    QProcessEnvironment environment = notifyEnvironment(socket, QStringLiteral("2000000"));
    // A variable that is passed on, so that reading the child's environment is shown to work.
    environment.insert(QStringLiteral("CHAMBER_TEST_MARKER"), QStringLiteral("1"));
    server.setEnvironment(environment);
    QVERIFY(server.start({QStringLiteral("--config"), config}));
    qint64 mediaPid = 0;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     const auto ready = server.records(QStringLiteral("chamber-media ready"));
                     mediaPid = ready.isEmpty()
                         ? 0
                         : ready.last().value(QLatin1String("pid")).toInteger();
                     return mediaPid > 0;
                 },
                 30000),
        server.log().right(4000).constData());
    const QList<QByteArray> childEnvironment = environmentOf(mediaPid);
    QVERIFY(hasVariable(childEnvironment, "CHAMBER_TEST_MARKER"));
    QVERIFY(!hasVariable(childEnvironment, "NOTIFY_SOCKET"));
    QVERIFY(!hasVariable(childEnvironment, "WATCHDOG_USEC"));
    QVERIFY(!hasVariable(childEnvironment, "WATCHDOG_PID"));
    QVERIFY(socket.waitFor("READY=1"));
    QVERIFY(socket.received().first().text.contains(", video bridges on"));
    const qint64 pid = server.processId();
    QCOMPARE(server.terminate(), 0);
    // chamber-media never spoke on chamberd's socket.
    for (const Datagram &datagram : socket.received())
        QCOMPARE(qint64(datagram.sender), pid);
}

void TestSystemdNotify::unusableSocketIsReportedOnce()
{
    ServerProcess server;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Neither a path nor an abstract name: chamberd says so and serves as usual.
    environment.insert(QStringLiteral("NOTIFY_SOCKET"), QStringLiteral("relative/notify"));
    environment.insert(QStringLiteral("WATCHDOG_USEC"), QStringLiteral("200000"));
    server.setEnvironment(environment);
    QVERIFY(server.start());
    QCOMPARE(
        restCall("GET", server.baseUrl() + QStringLiteral("/api/v1/health"), server.pin()).status,
        200);
    // Pings every 100 ms fail; the warning still comes once.
    QVERIFY(QTest::qWaitFor(
        [&] { return !server.records(QStringLiteral("cannot notify systemd")).isEmpty(); }, 10000));
    QTest::qWait(500);
    QCOMPARE(server.terminate(), 0);
    QCOMPARE(server.records(QStringLiteral("cannot notify systemd")).size(), 1);
}

QTEST_GUILESS_MAIN(TestSystemdNotify)
#include "test_systemd_notify.moc"
