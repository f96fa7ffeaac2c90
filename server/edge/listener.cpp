#include "edge/listener.h"

#include "edge/admission.h"
#include "edge/connection.h"
#include "support/log.h"

#include <QHostAddress>

#include <sys/socket.h>
#include <unistd.h>

namespace chamber::edge {

Q_LOGGING_CATEGORY(lcEdge, "chamber.edge")

namespace {
constexpr int kReportIntervalMs = 10000;
constexpr int kAcceptRetryMs = 100;
} // namespace

Listener::Listener(std::shared_ptr<EdgeShared> shared, std::vector<IoWorker *> workers)
    : m_shared(std::move(shared))
    , m_workers(std::move(workers))
{
    // Out of descriptors (or another resource): Qt pauses accepting for good; resume shortly,
    // the connections that hold them time out meanwhile.
    connect(this, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError) {
        QTimer::singleShot(kAcceptRetryMs, this, [this] { resumeAccepting(); });
    });
    m_clock.start();
    m_report.setInterval(kReportIntervalMs);
    connect(&m_report, &QTimer::timeout, this, &Listener::reportRefusals);
    m_report.start();
}

void Listener::incomingConnection(qintptr descriptor)
{
    sockaddr_storage address {};
    socklen_t length = sizeof(address);
    QHostAddress peer;
    if (::getpeername(int(descriptor), reinterpret_cast<sockaddr *>(&address), &length) == 0)
        peer = Admission::normalized(QHostAddress(reinterpret_cast<sockaddr *>(&address)));
    if (peer.isNull()
        || m_shared->admission->admit(peer, m_clock.elapsed()) != Admission::Verdict::Admitted) {
        ::close(int(descriptor));
        return;
    }
    IoWorker *worker = m_workers[m_next++ % m_workers.size()];
    QMetaObject::invokeMethod(
        worker, [worker, descriptor, peer] { worker->adopt(descriptor, peer); },
        Qt::QueuedConnection);
}

// Counts, not a line per connection: a flood must not fill the disk with its log.
void Listener::reportRefusals()
{
    const AdmissionCounts counts = m_shared->admission->counts();
    const qint64 refused = counts.refusedTotal + counts.refusedPerAddress + counts.refusedRate;
    if (refused == m_refusedReported && counts.handshakesDropped == m_droppedReported)
        return;
    log::warning(lcEdge(), QStringLiteral("connections refused or dropped at the edge"),
        {{QStringLiteral("refusedSinceLast"), refused - m_refusedReported},
            {QStringLiteral("handshakesDroppedSinceLast"),
                counts.handshakesDropped - m_droppedReported},
            {QStringLiteral("open"), counts.open},
            {QStringLiteral("handshaking"), counts.handshaking}});
    m_refusedReported = refused;
    m_droppedReported = counts.handshakesDropped;
}

void IoWorker::adopt(qintptr descriptor, const QHostAddress &peer)
{
    auto *connection = new Connection(descriptor, peer, m_shared, this);
    if (!connection->start())
        delete connection;
}

} // namespace chamber::edge
