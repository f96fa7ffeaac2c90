// chamberd's network edge: accepts connections on a thread of its own, and runs TLS, HTTP
// parsing and WebSocket framing on a few I/O threads, with the limits of EdgeLimits. The main
// thread (the meeting's state, the event log) gets complete, limited requests and WebSocket
// messages as signals, and answers through a Responder or a WsPeer. See ARCHITECTURE.md,
// "The network edge".
#pragma once

#include "edge/admission.h"
#include "edge/connectionlink.h"
#include "edge/edgelimits.h"
#include "edge/httprequest.h"
#include "edge/wspeer.h" // complete for the signal
#include "protocol/error.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>

#include <memory>
#include <vector>

class QThread;

namespace chamber::edge {

class Listener;
class IoWorker;
struct EdgeShared;

class EdgeServer : public QObject
{
    Q_OBJECT

public:
    // Large request bodies are spooled to files in `spoolDir` (created if needed).
    EdgeServer(
        EdgeLimits limits, QSslConfiguration tls, QString spoolDir, QObject *parent = nullptr);
    ~EdgeServer() override; // closes every connection, stops the threads

    Status listen(const QHostAddress &address, quint16 port);
    quint16 port() const { return m_port; }
    void stopListening();
    AdmissionCounts counts() const;
    const EdgeLimits &limits() const;

    // Called on the main thread by the edge's own connections (posted).
    void deliverRequest(const HttpRequest &request, const Responder &responder);
    void announceBody(const HttpRequest &request, const Responder &responder);
    void openWebSocket(const std::shared_ptr<ConnectionLink> &link, const HttpRequest &request);

Q_SIGNALS:
    // A complete request (body read within its limit). Answer through the responder, now or
    // later.
    void requestReceived(
        const chamber::edge::HttpRequest &request, const chamber::edge::Responder &responder);
    // A request whose body is larger than the edge reads before authorization: answer it
    // (refused, the body unread) or call responder.acceptBody(limit); requestReceived follows.
    void bodyAnnounced(
        const chamber::edge::HttpRequest &request, const chamber::edge::Responder &responder);
    // An upgraded WebSocket: the receiver owns `peer` (parent it or delete it).
    void webSocketOpened(chamber::edge::WsPeer *peer, const chamber::edge::HttpRequest &request);

private:
    std::shared_ptr<EdgeShared> m_shared;
    std::unique_ptr<QThread> m_acceptThread;
    QObject *m_acceptContext = nullptr; // lives on m_acceptThread: what runs there runs in it
    Listener *m_listener = nullptr; // lives on m_acceptThread
    std::vector<std::unique_ptr<QThread>> m_ioThreads;
    std::vector<IoWorker *> m_workers; // one per I/O thread, lives there
    quint16 m_port = 0;
};

} // namespace chamber::edge
