// The server's one notion of "now": meeting event times, task deadlines, board colours.
// chamberd uses the system clock; `chamberd --test-clock FILE` (tests only) reads the instant
// from a file on every call, so integration tests move time by rewriting it.
#pragma once

#include <QDateTime>
#include <QString>

namespace chamber::services {

class Clock
{
public:
    virtual ~Clock() = default;
    // UTC.
    virtual QDateTime now() const = 0;
};

class SystemClock : public Clock
{
public:
    QDateTime now() const override;
};

// Reads one ISO 8601 instant ("2027-02-01T03:00:00Z") from the file at each call. A file that
// cannot be read or parsed keeps the last instant read (and says so in the log once), or the
// system time before any was read: a test that writes the file is never half-read.
class FileClock : public Clock
{
public:
    explicit FileClock(QString path);
    QDateTime now() const override;
    QString path() const { return m_path; }

private:
    QString m_path;
    mutable QDateTime m_last;
    mutable bool m_warned = false;
};

// Unit tests: a time the test sets.
class ManualClock : public Clock
{
public:
    explicit ManualClock(QDateTime now)
        : m_now(std::move(now))
    { }
    QDateTime now() const override { return m_now; }
    void set(const QDateTime &now) { m_now = now; }
    void advance(qint64 seconds) { m_now = m_now.addSecs(seconds); }

private:
    QDateTime m_now;
};

} // namespace chamber::services
