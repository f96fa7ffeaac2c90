#include "edge/edgeserver.h"

#include "edge/connection.h"
#include "edge/listener.h"
#include "edge/wspeer.h"

#include <QDir>
#include <QMetaMethod>
#include <QThread>

#include <sys/resource.h>
#include <unistd.h>

namespace chamber::edge {

EdgeServer::EdgeServer(EdgeLimits limits, QSslConfiguration tls, QString spoolDir, QObject *parent)
    : QObject(parent)
    , m_shared(std::make_shared<EdgeShared>())
{
    m_shared->limits = limits;
    m_shared->tls = std::move(tls);
    m_shared->spoolDir = std::move(spoolDir);
    m_shared->admission = std::make_unique<Admission>(limits);
    m_shared->server = this;
    // Bodies of a previous run that never reached anyone.
    QDir spool(m_shared->spoolDir);
    spool.mkpath(QStringLiteral("."));
    for (const QString &name : spool.entryList({QStringLiteral("body-*")}, QDir::Files))
        spool.remove(name);

    const int threads = qMax(1, limits.ioThreads);
    for (int i = 0; i < threads; ++i) {
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(QStringLiteral("edge-io-%1").arg(i));
        auto *worker = new IoWorker(m_shared);
        worker->moveToThread(thread.get());
        // When the cores are short, the thread that commits ballots goes first: the I/O
        // threads run at a lower priority (nice +5; Linux keeps nice per thread), so a flood
        // of handshakes slows the flood, not the acknowledgements.
        connect(
            thread.get(), &QThread::started, worker,
            [] {
                ::setpriority(PRIO_PROCESS, pid_t(::gettid()), ::getpriority(PRIO_PROCESS, 0) + 5);
            },
            Qt::DirectConnection);
        thread->start();
        m_workers.push_back(worker);
        m_ioThreads.push_back(std::move(thread));
    }
    m_acceptThread = std::make_unique<QThread>();
    m_acceptThread->setObjectName(QStringLiteral("edge-accept"));
    m_acceptContext = new QObject;
    m_acceptContext->moveToThread(m_acceptThread.get());
    m_acceptThread->start();
}

EdgeServer::~EdgeServer()
{
    stopListening();
    // Connections go with their worker, on their own thread, before anything they post to
    // (this object) goes.
    for (IoWorker *worker : m_workers)
        QMetaObject::invokeMethod(
            worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
    for (auto &thread : m_ioThreads) {
        thread->quit();
        thread->wait();
    }
    QObject *context = m_acceptContext;
    QMetaObject::invokeMethod(
        context, [context] { delete context; }, Qt::BlockingQueuedConnection);
    m_acceptThread->quit();
    m_acceptThread->wait();
}

Status EdgeServer::listen(const QHostAddress &address, quint16 port)
{
    QString error;
    quint16 bound = 0;
    auto shared = m_shared;
    auto workers = m_workers;
    Listener *listener = nullptr;
    // Made and bound on its own thread, where its socket notifier lives.
    QMetaObject::invokeMethod(
        m_acceptContext,
        [&] {
            listener = new Listener(shared, workers);
            if (!listener->listen(address, port)) {
                error = listener->errorString();
                delete listener;
                listener = nullptr;
                return;
            }
            bound = listener->serverPort();
        },
        Qt::BlockingQueuedConnection);
    if (!listener)
        return makeError(ErrorCode::Unavailable,
            QStringLiteral("cannot listen on %1:%2: %3")
                .arg(address.toString())
                .arg(port)
                .arg(error));
    m_listener = listener;
    m_port = bound;
    return success();
}

void EdgeServer::stopListening()
{
    if (!m_listener)
        return;
    Listener *listener = m_listener;
    m_listener = nullptr;
    QMetaObject::invokeMethod(
        listener, [listener] { delete listener; }, Qt::BlockingQueuedConnection);
}

AdmissionCounts EdgeServer::counts() const
{
    return m_shared->admission->counts();
}

const EdgeLimits &EdgeServer::limits() const
{
    return m_shared->limits;
}

void EdgeServer::deliverRequest(const HttpRequest &request, const Responder &responder)
{
    Q_EMIT requestReceived(request, responder);
}

void EdgeServer::announceBody(const HttpRequest &request, const Responder &responder)
{
    Q_EMIT bodyAnnounced(request, responder);
}

void EdgeServer::openWebSocket(
    const std::shared_ptr<ConnectionLink> &link, const HttpRequest &request)
{
    auto *peer = new WsPeer(link);
    if (!isSignalConnected(QMetaMethod::fromSignal(&EdgeServer::webSocketOpened))) {
        delete peer;
        return;
    }
    Q_EMIT webSocketOpened(peer, request);
}

} // namespace chamber::edge
