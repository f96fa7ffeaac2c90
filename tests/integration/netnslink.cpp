#include "netnslink.h"

#include "childprocess.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <signal.h>
#include <unistd.h>

#include <utility>

namespace chamber::testing {

namespace {

const QString kNamespacePrefix = QStringLiteral("chamber-outage-");
// Interface names are at most 15 bytes: "chmo" + pid (≤ 7 digits) + "h"/"n".
const QString kLinkPrefix = QStringLiteral("chmo");
constexpr int kCapNetAdmin = 12;

// Runs an iproute2 command; its stderr is the error text.
Result<QString> run(const QStringList &command)
{
    QProcess process;
    chamber::testing::dieWithTest(process);
    process.start(command.first(), command.mid(1));
    if (!process.waitForStarted(5000))
        return makeError(ErrorCode::Unavailable,
            QStringLiteral("cannot run %1 (iproute2 missing?)").arg(command.first()));
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished(1000);
        return makeError(
            ErrorCode::Internal, QStringLiteral("%1 hung").arg(command.join(QLatin1Char(' '))));
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return makeError(ErrorCode::Internal,
            QStringLiteral("%1 failed: %2")
                .arg(command.join(QLatin1Char(' ')),
                    QString::fromLocal8Bit(process.readAllStandardError()).trimmed()));
    return QString::fromLocal8Bit(process.readAllStandardOutput());
}

Status runAll(const QList<QStringList> &commands)
{
    for (const QStringList &command : commands) {
        if (auto done = run(command); !done)
            return done.error();
    }
    return success();
}

bool processAlive(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

bool hasNetAdmin()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return false;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("CapEff:")) {
            bool ok = false;
            const quint64 caps = line.mid(7).trimmed().toULongLong(&ok, 16);
            return ok && (caps >> kCapNetAdmin & 1);
        }
    }
    return false;
}

} // namespace

QString NetnsLink::whyUnavailable()
{
    if (!hasNetAdmin())
        return QStringLiteral("needs CAP_NET_ADMIN (run as root) to make a network namespace and "
                              "a veth pair");
    for (const QString &tool : {QStringLiteral("ip"), QStringLiteral("tc")}) {
        if (QStandardPaths::findExecutable(tool).isEmpty()
            && QStandardPaths::findExecutable(
                tool, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")})
                   .isEmpty())
            return QStringLiteral("needs iproute2 (%1 not found; scripts/lib.sh installs it)")
                .arg(tool);
    }
    return {};
}

void NetnsLink::removeStale()
{
    const QRegularExpression ours(
        QStringLiteral("^%1(\\d+)\\b").arg(QRegularExpression::escape(kNamespacePrefix)));
    if (auto listed
        = run({QStringLiteral("ip"), QStringLiteral("netns"), QStringLiteral("list")})) {
        for (const QString &line : listed->split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const auto match = ours.match(line);
            if (match.hasMatch() && !processAlive(match.captured(1).toLongLong()))
                (void)run({QStringLiteral("ip"), QStringLiteral("netns"), QStringLiteral("delete"),
                    kNamespacePrefix + match.captured(1)});
        }
    }
    // A veth end outlives its namespace only while a process still holds the namespace; the
    // host end is deleted here all the same (that takes its peer with it).
    const QRegularExpression link(
        QStringLiteral("^\\d+: (%1(\\d+)h)[@:]").arg(QRegularExpression::escape(kLinkPrefix)));
    if (auto links = run({QStringLiteral("ip"), QStringLiteral("-o"), QStringLiteral("link"),
            QStringLiteral("show")})) {
        for (const QString &line : links->split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const auto match = link.match(line);
            if (match.hasMatch() && !processAlive(match.captured(2).toLongLong()))
                (void)run({QStringLiteral("ip"), QStringLiteral("link"), QStringLiteral("delete"),
                    match.captured(1)});
        }
    }
}

NetnsLink::NetnsLink()
{
    const qint64 pid = QCoreApplication::applicationPid();
    m_name = kNamespacePrefix + QString::number(pid);
    m_hostLink = kLinkPrefix + QString::number(pid) + QLatin1Char('h');
    m_namespaceLink = kLinkPrefix + QString::number(pid) + QLatin1Char('n');
    // A /30 of 10.254.0.0/16 chosen by the pid, so parallel runs do not share one.
    const int slot = int(pid % 16384);
    const QString net = QStringLiteral("10.254.%1.").arg(slot / 64);
    m_hostAddress = net + QString::number(slot % 64 * 4 + 1);
    m_namespaceAddress = net + QString::number(slot % 64 * 4 + 2);
}

NetnsLink::~NetnsLink()
{
    remove();
}

QStringList NetnsLink::launcher() const
{
    return {QStringLiteral("ip"), QStringLiteral("netns"), QStringLiteral("exec"), m_name};
}

Status NetnsLink::create()
{
    remove();
    // Left by an earlier process with the same pid, or by this one: start clean.
    (void)run({QStringLiteral("ip"), QStringLiteral("netns"), QStringLiteral("delete"), m_name});
    (void)run({QStringLiteral("ip"), QStringLiteral("link"), QStringLiteral("delete"), m_hostLink});
    if (auto added
        = run({QStringLiteral("ip"), QStringLiteral("netns"), QStringLiteral("add"), m_name});
        !added)
        return added.error();
    m_created = true;
    const QString ns = m_name;
    return runAll({
        {QStringLiteral("ip"), QStringLiteral("link"), QStringLiteral("add"), m_hostLink,
            QStringLiteral("type"), QStringLiteral("veth"), QStringLiteral("peer"),
            QStringLiteral("name"), m_namespaceLink, QStringLiteral("netns"), ns},
        {QStringLiteral("ip"), QStringLiteral("addr"), QStringLiteral("add"),
            m_hostAddress + QStringLiteral("/30"), QStringLiteral("dev"), m_hostLink},
        {QStringLiteral("ip"), QStringLiteral("link"), QStringLiteral("set"), m_hostLink,
            QStringLiteral("up")},
        {QStringLiteral("ip"), QStringLiteral("-n"), ns, QStringLiteral("addr"),
            QStringLiteral("add"), m_namespaceAddress + QStringLiteral("/30"),
            QStringLiteral("dev"), m_namespaceLink},
        {QStringLiteral("ip"), QStringLiteral("-n"), ns, QStringLiteral("link"),
            QStringLiteral("set"), m_namespaceLink, QStringLiteral("up")},
        {QStringLiteral("ip"), QStringLiteral("-n"), ns, QStringLiteral("link"),
            QStringLiteral("set"), QStringLiteral("lo"), QStringLiteral("up")},
    });
}

void NetnsLink::remove()
{
    if (!m_created)
        return;
    m_created = false;
    // Deleting the namespace destroys its veth end and with it the host's; the explicit delete
    // covers a namespace still held by a process that has not exited yet.
    (void)run({QStringLiteral("ip"), QStringLiteral("netns"), QStringLiteral("delete"), m_name});
    (void)run({QStringLiteral("ip"), QStringLiteral("link"), QStringLiteral("delete"), m_hostLink});
}

namespace {
// `tc [-n NS] ARGS...` on one veth end.
QStringList tc(const QString &ns, const QStringList &args)
{
    QStringList command {QStringLiteral("tc")};
    if (!ns.isEmpty())
        command << QStringLiteral("-n") << ns;
    return command + args;
}
} // namespace

Status NetnsLink::cut(Cut how)
{
    m_cut = how;
    QList<QStringList> commands;
    for (const auto &[ns, dev] : {std::pair {QString(), m_hostLink}, {m_name, m_namespaceLink}}) {
        if (how == Cut::Lose) {
            commands << tc(ns,
                {QStringLiteral("qdisc"), QStringLiteral("replace"), QStringLiteral("dev"), dev,
                    QStringLiteral("root"), QStringLiteral("pfifo"), QStringLiteral("limit"),
                    QStringLiteral("0")});
            continue;
        }
        // A token bucket of 8 bit/s: after its first 1600 bytes nothing leaves, the rest waits
        // (up to kHeldBytes). Not HTB: its classes keep the debt of the slow rate for up to a
        // minute after the rate is raised.
        commands << tc(ns,
            {QStringLiteral("qdisc"), QStringLiteral("replace"), QStringLiteral("dev"), dev,
                QStringLiteral("root"), QStringLiteral("tbf"), QStringLiteral("rate"),
                QStringLiteral("8bit"), QStringLiteral("burst"), QStringLiteral("1600"),
                QStringLiteral("limit"), QString::number(kHeldBytes)});
    }
    return runAll(commands);
}

Status NetnsLink::restore()
{
    QList<QStringList> commands;
    for (const auto &[ns, dev] : {std::pair {QString(), m_hostLink}, {m_name, m_namespaceLink}}) {
        if (m_cut == Cut::Lose) {
            // Back to the veth's default (noqueue).
            commands << tc(ns,
                {QStringLiteral("qdisc"), QStringLiteral("del"), QStringLiteral("dev"), dev,
                    QStringLiteral("root")});
            continue;
        }
        // Deleting the qdisc would drop what it holds: raise its rate instead (tbf keeps its
        // queue and refills its bucket), and the held packets leave, oldest first, at a radio
        // link's 20 Mbit/s (a 5 s backlog of the test programme in some 0.1 s).
        commands << tc(ns,
            {QStringLiteral("qdisc"), QStringLiteral("change"), QStringLiteral("dev"), dev,
                QStringLiteral("root"), QStringLiteral("tbf"), QStringLiteral("rate"),
                QStringLiteral("20mbit"), QStringLiteral("burst"), QStringLiteral("32kb"),
                QStringLiteral("limit"), QString::number(kHeldBytes)});
    }
    return runAll(commands);
}

} // namespace chamber::testing
