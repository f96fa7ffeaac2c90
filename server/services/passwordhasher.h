// Runs password hashing (scrypt: tens of milliseconds and 32 MiB each, on purpose) in a small
// thread pool and answers on the caller's thread, so a storm of logins never stalls the event
// loop that serves the meetings. At most `maxWaiting` wait; beyond that the caller refuses
// (503), so a flood cannot queue unbounded work or memory.
#pragma once

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <functional>

namespace chamber::services {

class PasswordHasher : public QObject
{
    Q_OBJECT

public:
    explicit PasswordHasher(int threads = 2, int maxWaiting = 32, QObject *parent = nullptr);
    ~PasswordHasher() override;

    // false (and `done` is never called) when too much work waits already.
    bool verify(const QString &password, const QString &stored, std::function<void(bool)> done);
    // `done` gets the stored form, or an empty string on an OpenSSL failure.
    bool hash(const QString &password, std::function<void(QString)> done);

    int pending() const { return m_pending; }

private:
    bool run(std::function<QString()> work, std::function<void(QString)> done);

    QThreadPool m_pool;
    int m_maxWaiting;
    int m_pending = 0; // main thread only
};

} // namespace chamber::services
