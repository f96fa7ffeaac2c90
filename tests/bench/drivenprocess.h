// A helper process of a benchmark: this same program started again with a flag, driven over
// stdin/stdout by JSON lines (one command or answer per line). The benchmark's own event loop
// stays apart from the helper's sockets (a thousand tablets, two thousand attackers).
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QSocketNotifier>
#include <QStringList>

#include <deque>

namespace chamber::bench {

// The driving side.
class DrivenProcess
{
public:
    // Starts this program with `arguments` (the flag that makes it the helper); its stderr goes
    // to ours.
    explicit DrivenProcess(const QStringList &arguments);
    // Says {"cmd":"quit"}, waits up to 10 s, then kills.
    ~DrivenProcess();

    bool started() const { return m_started; }
    void tell(const QJsonObject &command);
    // Runs the event loop until the helper answers with `event`; an empty object when it did not
    // within `timeoutMs` or has exited.
    QJsonObject await(const QString &event, int timeoutMs);

private:
    QProcess m_process;
    bool m_started = false;
};

// The helper's side: commands from stdin.
class StdinCommands
{
public:
    StdinCommands();

    // The next command, running the event loop while there is none; an empty object when the
    // driving process has gone (or after `timeoutMs`).
    QJsonObject next(int timeoutMs = 24 * 3600 * 1000);

private:
    void readSome();

    QSocketNotifier m_notifier;
    QByteArray m_buffer;
    std::deque<QByteArray> m_lines;
    bool m_eof = false;
};

// The helper's answer, one line on stdout.
void answer(const QJsonObject &message);

} // namespace chamber::bench
