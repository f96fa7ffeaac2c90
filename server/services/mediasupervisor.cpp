#include "services/mediasupervisor.h"

#include "support/log.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

#include <sys/prctl.h>

#include <csignal>

namespace chamber::services {

Q_LOGGING_CATEGORY(lcMedia, "chamber.media")

namespace {

// chamber-media logs JSON lines on stderr; its fields are kept, under the media's own message.
void forwardLogLine(QByteArrayView line)
{
    QJsonObject record = QJsonDocument::fromJson(line.toByteArray()).object();
    if (record.isEmpty()) {
        log::info(lcMedia(), QString::fromUtf8(line));
        return;
    }
    const QString level = record.take(QLatin1String("level")).toString();
    const QString message = record.take(QLatin1String("msg")).toString(QString::fromUtf8(line));
    record.remove(QLatin1String("ts")); // ours is stamped again
    const QtMsgType type = level == QLatin1String("warning")                    ? QtWarningMsg
        : level == QLatin1String("critical") || level == QLatin1String("error") ? QtCriticalMsg
        : level == QLatin1String("debug")                                       ? QtDebugMsg
                                                                                : QtInfoMsg;
    log::write(type, lcMedia(), message, {{QStringLiteral("media"), record}});
}

} // namespace

MediaSupervisor::MediaSupervisor(MediaOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_nextDelayMs(m_options.minRestartMs)
{
    m_restartTimer.setSingleShot(true);
    connect(&m_restartTimer, &QTimer::timeout, this, &MediaSupervisor::launch);
    m_readyTimer.setSingleShot(true);
    connect(&m_readyTimer, &QTimer::timeout, this, [this] {
        log::warning(lcMedia(), QStringLiteral("chamber-media did not become ready; killing it"),
            {{QStringLiteral("timeoutMs"), m_options.readyTimeoutMs}});
        if (m_process)
            m_process->kill(); // onFinished schedules the restart
    });
}

MediaSupervisor::~MediaSupervisor()
{
    stop();
}

QString MediaSupervisor::stateName(State state)
{
    switch (state) {
    case State::Off:
        return QStringLiteral("off");
    case State::Starting:
    case State::Restarting:
        return QStringLiteral("restarting");
    case State::Running:
        return QStringLiteral("running");
    case State::Unavailable:
        return QStringLiteral("unavailable");
    }
    return {};
}

qint64 MediaSupervisor::processId() const
{
    return m_process ? m_process->processId() : 0;
}

void MediaSupervisor::start()
{
    if (m_options.program.isEmpty() || m_process || m_restartTimer.isActive())
        return;
    m_stopping = false;
    launch();
}

void MediaSupervisor::stop()
{
    m_stopping = true;
    m_restartTimer.stop();
    m_readyTimer.stop();
    if (m_process) {
        // chamber-media ends on end of stdin; the wait is at shutdown only.
        m_process->disconnect(this);
        m_process->closeWriteChannel();
        if (!m_process->waitForFinished(2000)) {
            m_process->kill();
            m_process->waitForFinished(1000);
        }
        m_process.reset();
    }
    setState(State::Off);
}

void MediaSupervisor::launch()
{
    m_stdout.clear();
    m_stderr.clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(m_options.program);
    QStringList arguments = m_options.arguments;
    if (!m_options.recordingsDirectory.isEmpty())
        arguments << QStringLiteral("--recordings") << m_options.recordingsDirectory;
    m_process->setArguments(arguments);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    connect(m_process.get(), &QProcess::readyReadStandardOutput, this, &MediaSupervisor::onStdout);
    connect(m_process.get(), &QProcess::readyReadStandardError, this, &MediaSupervisor::onStderr);
    connect(m_process.get(), &QProcess::finished, this, &MediaSupervisor::onFinished);
    connect(m_process.get(), &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            onFailedToStart();
    });
    setState(State::Starting);
    m_readyTimer.start(m_options.readyTimeoutMs);
    // chamber-media ends when its stdin does, which is how it normally learns that chamberd is
    // gone; one that hangs in GStreamer and reads nothing would outlive a killed chamberd and
    // keep its ports. The kernel tells it too.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process->start();
}

void MediaSupervisor::onStdout()
{
    m_stdout += m_process->readAllStandardOutput();
    qsizetype newline;
    while ((newline = m_stdout.indexOf('\n')) >= 0) {
        const QByteArray line = m_stdout.left(newline);
        m_stdout.remove(0, newline + 1);
        auto message = media::parseSignal(line);
        if (!message) {
            log::warning(lcMedia(),
                QStringLiteral("chamber-media wrote a line that is not a signal"),
                {{QStringLiteral("error"), message.error().message}});
            continue;
        }
        if (message->type == media::SignalType::Ready) {
            m_readyTimer.stop();
            m_upSince.start();
            m_failuresBeforeReady = 0;
            log::info(lcMedia(), QStringLiteral("chamber-media ready"),
                {{QStringLiteral("pid"), processId()}});
            setState(State::Running);
            continue;
        }
        Q_EMIT received(message.value());
    }
    // A line can never be longer than a signal; what is, is junk and dropped.
    if (m_stdout.size() > media::kMaxSignalBytes)
        m_stdout.clear();
}

void MediaSupervisor::onStderr()
{
    m_stderr += m_process->readAllStandardError();
    qsizetype newline;
    while ((newline = m_stderr.indexOf('\n')) >= 0) {
        forwardLogLine(QByteArrayView(m_stderr).first(newline));
        m_stderr.remove(0, newline + 1);
    }
    if (m_stderr.size() > 64 * 1024)
        m_stderr.clear();
}

void MediaSupervisor::onFinished(int exitCode, QProcess::ExitStatus status)
{
    m_readyTimer.stop();
    const bool wasReady = m_state == State::Running;
    if (wasReady && m_upSince.isValid() && m_upSince.elapsed() >= m_options.stableMs)
        m_nextDelayMs = m_options.minRestartMs;
    if (!wasReady)
        ++m_failuresBeforeReady;
    m_process.release()->deleteLater(); // we are inside its signal
    if (m_stopping)
        return;
    const QString why = status == QProcess::CrashExit
        ? QStringLiteral("crashed")
        : QStringLiteral("exited with %1").arg(exitCode);
    // Three deaths in a row before `ready`: the programme cannot start (a missing camera, a
    // missing plugin); bridges are told media is unavailable while retries go on.
    scheduleRestart(m_failuresBeforeReady >= 3 ? State::Unavailable : State::Restarting, why);
}

void MediaSupervisor::onFailedToStart()
{
    m_readyTimer.stop();
    const QString why = m_process->errorString();
    m_process.release()->deleteLater();
    if (m_stopping)
        return;
    // A missing binary does not appear by retrying fast; a package install may bring it.
    m_nextDelayMs = m_options.maxRestartMs;
    scheduleRestart(State::Unavailable, why);
}

void MediaSupervisor::scheduleRestart(State state, const QString &why)
{
    ++m_restarts;
    log::warning(lcMedia(), QStringLiteral("chamber-media stopped; restarting"),
        {{QStringLiteral("why"), why}, {QStringLiteral("inMs"), m_nextDelayMs},
            {QStringLiteral("restarts"), m_restarts}});
    setState(state);
    m_restartTimer.start(m_nextDelayMs);
    m_nextDelayMs = std::min(m_nextDelayMs * 2, m_options.maxRestartMs);
}

Status MediaSupervisor::send(const media::SignalMessage &message)
{
    if (m_state != State::Running || !m_process)
        return makeError(ErrorCode::Unavailable,
            QStringLiteral("the video programme is not running (%1)").arg(stateName(m_state)));
    m_process->write(media::toJson(message) + '\n');
    return success();
}

void MediaSupervisor::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace chamber::services
