#include "drivenprocess.h"

#include "clientfleet.h"

#include "childprocess.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>
#include <unistd.h>

namespace chamber::bench {

DrivenProcess::DrivenProcess(const QStringList &arguments)
{
    chamber::testing::dieWithTest(m_process);
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(QCoreApplication::applicationFilePath(), arguments);
    m_started = m_process.waitForStarted(10000);
}

DrivenProcess::~DrivenProcess()
{
    if (m_process.state() == QProcess::Running)
        tell({{QStringLiteral("cmd"), QStringLiteral("quit")}});
    if (!m_process.waitForFinished(10000))
        m_process.kill();
    m_process.waitForFinished(5000);
}

void DrivenProcess::tell(const QJsonObject &command)
{
    m_process.write(QJsonDocument(command).toJson(QJsonDocument::Compact) + '\n');
}

QJsonObject DrivenProcess::await(const QString &event, int timeoutMs)
{
    QJsonObject found;
    waitUntil(
        [&] {
            while (found.isEmpty() && m_process.canReadLine()) {
                const QJsonObject line = QJsonDocument::fromJson(m_process.readLine()).object();
                if (line.value(QLatin1String("event")).toString() == event)
                    found = line;
            }
            return !found.isEmpty() || m_process.state() == QProcess::NotRunning;
        },
        timeoutMs);
    return found;
}

StdinCommands::StdinCommands()
    : m_notifier(STDIN_FILENO, QSocketNotifier::Read)
{
    QObject::connect(&m_notifier, &QSocketNotifier::activated, [this] { readSome(); });
}

QJsonObject StdinCommands::next(int timeoutMs)
{
    waitUntil([this] { return !m_lines.empty() || m_eof; }, timeoutMs);
    if (m_lines.empty())
        return {};
    const QByteArray line = m_lines.front();
    m_lines.pop_front();
    return QJsonDocument::fromJson(line).object();
}

void StdinCommands::readSome()
{
    char chunk[65536];
    const ssize_t got = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (got <= 0) {
        m_eof = true;
        m_notifier.setEnabled(false);
        return;
    }
    m_buffer.append(chunk, got);
    qsizetype end;
    while ((end = m_buffer.indexOf('\n')) >= 0) {
        m_lines.push_back(m_buffer.left(end));
        m_buffer.remove(0, end + 1);
    }
}

void answer(const QJsonObject &message)
{
    const QByteArray line = QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

} // namespace chamber::bench
