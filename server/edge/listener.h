// The accepting socket, on a thread of its own. Accepting never stops: connections are
// admitted or closed at once (never left pending, which is what stopped QSslServer: its
// pending queue counted handshakes in progress), and an accept error (out of descriptors)
// pauses it for a moment only.
#pragma once

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTimer>

#include <memory>
#include <vector>

namespace chamber::edge {

struct EdgeShared;
class IoWorker;

class Listener : public QTcpServer
{
    Q_OBJECT

public:
    Listener(std::shared_ptr<EdgeShared> shared, std::vector<IoWorker *> workers);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void reportRefusals();

    std::shared_ptr<EdgeShared> m_shared;
    std::vector<IoWorker *> m_workers;
    size_t m_next = 0;
    QElapsedTimer m_clock;
    QTimer m_report;
    qint64 m_refusedReported = 0;
    qint64 m_droppedReported = 0;
};

// Owns the connections of one I/O thread.
class IoWorker : public QObject
{
    Q_OBJECT

public:
    explicit IoWorker(std::shared_ptr<EdgeShared> shared)
        : m_shared(std::move(shared))
    { }
    void adopt(qintptr descriptor, const class QHostAddress &peer);

private:
    std::shared_ptr<EdgeShared> m_shared;
};

} // namespace chamber::edge
