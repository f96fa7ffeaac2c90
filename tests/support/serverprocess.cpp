#include "serverprocess.h"

#include "childprocess.h"

#include "protocol/tlspin.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QtTest>

#include <csignal>

namespace chamber::testing {

QString binaryPath(const QString &name)
{
    return QStringLiteral(CHAMBER_BIN_DIR "/") + name;
}

QString writeMediaConfig(const QString &directory, const QString &program, const QString &arguments)
{
    const QString path = directory + QStringLiteral("/chamberd.conf");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    const QByteArray text
        = QStringLiteral("[media]\nenabled = true\nprogram = %1\narguments = %2\n")
              .arg(program, arguments)
              .toUtf8();
    return file.write(text) == text.size() && file.flush() ? path : QString();
}

ServerProcess::ServerProcess(QString dataDir)
    : m_dataDir(std::move(dataDir))
{
    if (m_dataDir.isEmpty()) {
        m_temporary = std::make_unique<QTemporaryDir>();
        m_dataDir = m_temporary->path() + QStringLiteral("/data");
    }
    m_process.setProgram(binaryPath(QStringLiteral("chamberd")));
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
}

ServerProcess::~ServerProcess()
{
    if (m_process.state() != QProcess::NotRunning)
        kill();
}

bool ServerProcess::start(const QStringList &extraArguments, int timeoutMs)
{
    m_log.clear();
    m_port = 0;
    m_process.setArguments(
        QStringList {QStringLiteral("--data"), m_dataDir, QStringLiteral("--listen"),
            QStringLiteral("127.0.0.1:0"), QStringLiteral("--log-format"), QStringLiteral("json")}
        + extraArguments);
    // A test that crashes or is killed (ctest's timeout) takes its chamberd along.
    dieWithTest(m_process);
    m_process.start();
    if (!m_process.waitForStarted(timeoutMs))
        return false;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(100);
        readLog();
        const auto listening = records(QStringLiteral("listening"));
        if (!listening.isEmpty()) {
            m_port = quint16(listening.last().value(QLatin1String("port")).toInt());
            const auto identity = records(QStringLiteral("TLS identity created"))
                + records(QStringLiteral("TLS identity loaded"));
            m_pin
                = protocol::parsePin(identity.last().value(QLatin1String("spkiSha256")).toString());
            return m_port != 0 && m_pin.size() == 32;
        }
    }
    readLog();
    return false;
}

int ServerProcess::terminate(int timeoutMs)
{
    ::kill(pid_t(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(timeoutMs)) {
        kill();
        return -1;
    }
    readLog();
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

void ServerProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished(10000);
    readLog();
}

int ServerProcess::waitForExit(int timeoutMs)
{
    // waitForFinished() is false for a process that has already exited.
    if (m_process.state() != QProcess::NotRunning && !m_process.waitForFinished(timeoutMs))
        return -1;
    readLog();
    return m_process.exitCode();
}

QByteArray ServerProcess::adminToken() const
{
    QFile file(m_dataDir + QStringLiteral("/admin.token"));
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray();
}

QString ServerProcess::baseUrl() const
{
    return QStringLiteral("https://127.0.0.1:%1").arg(m_port);
}

QString ServerProcess::wsUrl() const
{
    return QStringLiteral("wss://127.0.0.1:%1/ws").arg(m_port);
}

void ServerProcess::readLog()
{
    m_log += m_process.readAllStandardError();
}

QByteArray ServerProcess::log()
{
    readLog();
    return m_log;
}

QList<QJsonObject> ServerProcess::records(const QString &message)
{
    readLog();
    QList<QJsonObject> found;
    for (const QByteArray &line : m_log.split('\n')) {
        const QJsonObject record = QJsonDocument::fromJson(line).object();
        if (record.value(QLatin1String("msg")).toString() == message)
            found << record;
    }
    return found;
}

} // namespace chamber::testing
