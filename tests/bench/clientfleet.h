// Many pinned TLS WebSocket clients in one process, with arrival times of matching frames.
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

class QWebSocket;

namespace chamber::bench {

// Nanoseconds on one monotonic clock shared by everything in the benchmark process.
qint64 nowNs();

// Runs the event loop until `done()` holds (true) or `timeoutMs` has passed (false), sleeping
// while nothing happens. testing::spinUntil() polls without sleeping, which on a 2-core machine
// takes a whole core from the server being measured; arrival times are taken in the sockets'
// handlers, so waiting instead costs no precision.
bool waitUntil(const std::function<bool()> &done, int timeoutMs);

class ClientFleet : public QObject
{
public:
    using Matcher = std::function<bool(const QString &)>;

    ClientFleet(QByteArray pin, int count);
    ~ClientFleet() override;

    // Connects in batches (a thousand simultaneous TLS handshakes only measure the backlog).
    bool connectAll(const QString &url, int batch = 50, int timeoutMs = 120000);
    // Every client sends `text` (one after another, as fast as the loop goes).
    void sendAll(const QString &text);
    void send(int index, const QString &text);
    // From now on, each client records the time of the first frame `matches` accepts.
    void arm(Matcher matches);
    bool waitAllArrived(int timeoutMs);
    // Counts frames matching since arm(), for handshakes (e.g. two "ok" per client).
    bool waitForCount(int perClient, int timeoutMs);
    const std::vector<qint64> &arrivals() const { return m_arrivals; }
    int size() const { return int(m_sockets.size()); }
    void closeAll();

private:
    QByteArray m_pin;
    std::vector<std::unique_ptr<QWebSocket>> m_sockets;
    std::vector<qint64> m_arrivals;
    std::vector<int> m_counts;
    Matcher m_matches;
    int m_pending = 0;
};

} // namespace chamber::bench
