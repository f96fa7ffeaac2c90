// The handle the main thread and a connection's I/O thread share. Either side may be gone at
// any time; the link knows who is still there under a mutex, and posts work to the other side
// through its event loop (a posted event dies with its receiver, so nothing runs on a deleted
// object).
#pragma once

#include "edge/httpresponse.h"

#include <QHostAddress>
#include <QMutex>

#include <atomic>
#include <functional>
#include <memory>

namespace chamber::edge {

class Connection;
class WsPeer;

class ConnectionLink
{
public:
    ConnectionLink(quint64 id, QHostAddress peer)
        : m_id(id)
        , m_peer(std::move(peer))
    { }

    quint64 id() const { return m_id; }
    const QHostAddress &peer() const { return m_peer; }

    // Main thread → I/O thread. Dropped when the connection is gone.
    void toConnection(std::function<void(Connection &)> work);
    // I/O thread → the WebSocket's peer object on the main thread. Dropped when none.
    void toPeer(std::function<void(WsPeer &)> work);

    void attachConnection(Connection *connection);
    void detachConnection(); // the connection is going
    void attachPeer(WsPeer *peer);
    void detachPeer();

    // Bytes the main thread queued that the connection has not written to its socket yet, and
    // bytes its socket holds unsent: together what a slow client makes the server keep.
    std::atomic<qint64> queuedBytes {0};
    std::atomic<qint64> socketBacklog {0};

private:
    const quint64 m_id;
    const QHostAddress m_peer;
    QMutex m_mutex;
    Connection *m_connection = nullptr;
    WsPeer *m_wsPeer = nullptr;
};

// Answers one HTTP request from the main thread. Copyable; answering a request whose
// connection has gone does nothing.
class Responder
{
public:
    Responder() = default;
    Responder(std::shared_ptr<ConnectionLink> link, quint64 serial)
        : m_link(std::move(link))
        , m_serial(serial)
    { }

    void respond(HttpResponse response) const;
    // For a request announced without its body: read a body of up to `limit` bytes, then
    // hand the whole request over.
    void acceptBody(qint64 limit) const;
    const QHostAddress &peer() const;

private:
    std::shared_ptr<ConnectionLink> m_link;
    quint64 m_serial = 0;
};

} // namespace chamber::edge
