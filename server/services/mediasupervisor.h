// Runs chamber-media (the video bridges' programme) as a child process and keeps it running:
// signaling goes to its stdin and comes from its stdout as JSON lines, its stderr log lines
// are passed on to chamberd's log, and when it dies it is started again with back-off. It is
// a separate process so that a crash in GStreamer never touches voting; nothing here blocks
// chamberd's event loop.
#pragma once

#include "media/signaling.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>

#include <memory>

namespace chamber::services {

struct MediaOptions
{
    QString program; // chamber-media; empty: media off
    QStringList arguments; // e.g. --video test --audio test --ice-address 127.0.0.1
    // Passed as --recordings DIR: where chamber-media records the speeches (empty: it does not).
    QString recordingsDirectory;
    int minRestartMs = 500;
    int maxRestartMs = 30000;
    // Up after this long without dying: the next crash starts the back-off from the bottom.
    int stableMs = 30000;
    // Started but no `ready` within this time: killed and started again.
    int readyTimeoutMs = 20000;
};

class MediaSupervisor : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Off, // no program configured, or stopped
        Starting, // process started, waiting for `ready`
        Running, // `ready` received: peers may be added
        Restarting, // died; a restart is scheduled
        Unavailable, // cannot be started (missing binary) or keeps dying before `ready`
    };
    Q_ENUM(State)

    explicit MediaSupervisor(MediaOptions options, QObject *parent = nullptr);
    ~MediaSupervisor() override;

    void start();
    // Closes chamber-media's stdin (it exits cleanly), killing it if it does not within 2 s.
    void stop();

    State state() const { return m_state; }
    static QString stateName(State state);
    qint64 processId() const;
    int restarts() const { return m_restarts; }

    // To chamber-media; refused (unavailable) unless it is running.
    Status send(const media::SignalMessage &message);

Q_SIGNALS:
    void received(const chamber::media::SignalMessage &message);
    void stateChanged(chamber::services::MediaSupervisor::State state);

private:
    void launch();
    void onStdout();
    void onStderr();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onFailedToStart();
    void scheduleRestart(State state, const QString &why);
    void setState(State state);

    MediaOptions m_options;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QTimer m_restartTimer;
    QTimer m_readyTimer;
    QElapsedTimer m_upSince;
    State m_state = State::Off;
    int m_nextDelayMs = 0;
    int m_restarts = 0;
    int m_failuresBeforeReady = 0;
    bool m_stopping = false;
};

} // namespace chamber::services
