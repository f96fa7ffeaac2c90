#include "janusserver.h"

#include "spin.h"

#include "childprocess.h"

#include <QFile>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>

#include <string>
#include <vector>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace chamber::testing {

namespace {
const char *const kNetnsVariable = "CHAMBER_TEST_NETNS_ADDRESS";
const char *const kNetnsAddress = "10.99.0.1";
} // namespace

void reexecInPrivateNetwork(int argc, char **argv)
{
    if (std::getenv(kNetnsVariable))
        return;
    ::setenv(kNetnsVariable, kNetnsAddress, 1);
    const std::string script = std::string("ip link set lo up"
                                           " && ip link add chamber-a type veth peer name chamber-b"
                                           " && ip addr add ")
        + kNetnsAddress
        + "/24 dev chamber-a && ip link set chamber-a up && ip link set chamber-b up"
          " && exec \"$0\" \"$@\"";
    std::vector<char *> args {const_cast<char *>("unshare"), const_cast<char *>("-rn"),
        const_cast<char *>("--"), const_cast<char *>("/bin/sh"), const_cast<char *>("-c"),
        const_cast<char *>(script.c_str())};
    for (int i = 0; i < argc; ++i)
        args.push_back(argv[i]);
    args.push_back(nullptr);
    ::execvp("unshare", args.data());
    std::fprintf(stderr,
        "cannot enter a network namespace (unshare -rn from util-linux, ip from "
        "iproute2): Janus has no address to offer\n");
    ::unsetenv(kNetnsVariable);
}

QString privateNetworkAddress()
{
    return QString::fromLatin1(std::getenv(kNetnsVariable));
}

JanusServer::JanusServer()
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(m_dir.filePath(QStringLiteral("janus.log")));
    // A test that crashes must not leave its Janus running (the signal survives janus.sh's exec).
    chamber::testing::dieWithTest(m_process);
}

JanusServer::~JanusServer()
{
    kill();
}

QString JanusServer::missing()
{
    if (QStandardPaths::findExecutable(QStringLiteral("janus")).isEmpty())
        return QStringLiteral("no janus binary on PATH: install the Debian package janus "
                              "(scripts/lib.sh lists it in CHAMBER_TEST_PACKAGES)");
    return {};
}

bool JanusServer::start()
{
    if (const QString why = missing(); !why.isEmpty()) {
        m_error = why;
        return false;
    }
    if (privateNetworkAddress().isEmpty()) {
        m_error = QStringLiteral("not inside the test's network namespace "
                                 "(reexecInPrivateNetwork failed)");
        return false;
    }
    if (!m_wsPort) {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        m_wsPort = probe.serverPort();
        // Ranges of 100 ports apart from other tests' Janus (and from a restart's old ones).
        m_portBase = 20000 + int(QRandomGenerator::global()->bounded(300)) * 100;
    }
    const QString rtp = QStringLiteral("%1-%2").arg(m_portBase).arg(m_portBase + 59);
    const QString source = QStringLiteral("%1-%2").arg(m_portBase + 60).arg(m_portBase + 99);
    m_process.start(QStringLiteral("bash"),
        {QStringLiteral(CHAMBER_SOURCE_DIR "/scripts/janus.sh"), QStringLiteral("--dir"),
            m_dir.path(), QStringLiteral("--address"), privateNetworkAddress(),
            QStringLiteral("--ws-port"), QString::number(m_wsPort), QStringLiteral("--rtp-ports"),
            rtp, QStringLiteral("--source-ports"), source});
    if (!m_process.waitForStarted(5000)) {
        m_error = QStringLiteral("janus.sh did not start: ") + m_process.errorString();
        return false;
    }
    const bool listening = spinUntil(
        [&] {
            if (m_process.state() != QProcess::Running)
                return true;
            QTcpSocket socket;
            socket.connectToHost(QHostAddress(privateNetworkAddress()), m_wsPort);
            return socket.waitForConnected(200);
        },
        15000);
    if (!listening || m_process.state() != QProcess::Running) {
        m_error = QStringLiteral("Janus did not come up: ") + log().right(2000);
        return false;
    }
    return true;
}

void JanusServer::kill()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QUrl JanusServer::url() const
{
    return QUrl(QStringLiteral("ws://%1:%2").arg(privateNetworkAddress()).arg(m_wsPort));
}

QString JanusServer::log() const
{
    QFile file(m_dir.filePath(QStringLiteral("janus.log")));
    file.open(QIODevice::ReadOnly);
    return QString::fromUtf8(file.readAll());
}

} // namespace chamber::testing
