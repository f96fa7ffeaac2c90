#include "edge/connectionlink.h"

#include "edge/connection.h"
#include "edge/wspeer.h"

#include <QMetaObject>

namespace chamber::edge {

void ConnectionLink::toConnection(std::function<void(Connection &)> work)
{
    QMutexLocker lock(&m_mutex);
    if (!m_connection)
        return;
    Connection *connection = m_connection;
    QMetaObject::invokeMethod(
        connection, [connection, work = std::move(work)] { work(*connection); },
        Qt::QueuedConnection);
}

void ConnectionLink::toPeer(std::function<void(WsPeer &)> work)
{
    QMutexLocker lock(&m_mutex);
    if (!m_wsPeer)
        return;
    WsPeer *peer = m_wsPeer;
    QMetaObject::invokeMethod(
        peer, [peer, work = std::move(work)] { work(*peer); }, Qt::QueuedConnection);
}

void ConnectionLink::attachConnection(Connection *connection)
{
    QMutexLocker lock(&m_mutex);
    m_connection = connection;
}

void ConnectionLink::detachConnection()
{
    QMutexLocker lock(&m_mutex);
    m_connection = nullptr;
}

void ConnectionLink::attachPeer(WsPeer *peer)
{
    QMutexLocker lock(&m_mutex);
    m_wsPeer = peer;
}

void ConnectionLink::detachPeer()
{
    QMutexLocker lock(&m_mutex);
    m_wsPeer = nullptr;
}

void Responder::respond(HttpResponse response) const
{
    if (!m_link)
        return;
    m_link->toConnection([serial = m_serial, response = std::move(response)](
                             Connection &connection) { connection.respond(serial, response); });
}

void Responder::acceptBody(qint64 limit) const
{
    if (!m_link)
        return;
    m_link->toConnection(
        [serial = m_serial, limit](Connection &connection) { connection.readBody(serial, limit); });
}

const QHostAddress &Responder::peer() const
{
    static const QHostAddress kNone;
    return m_link ? m_link->peer() : kNone;
}

WsPeer::WsPeer(std::shared_ptr<ConnectionLink> link, QObject *parent)
    : QObject(parent)
    , m_link(std::move(link))
{
    m_link->attachPeer(this);
    // Only now does the connection read frames: nothing can arrive before someone listens.
    m_link->toConnection([](Connection &connection) { connection.startWebSocket(); });
}

WsPeer::~WsPeer()
{
    m_link->detachPeer();
    if (m_open)
        m_link->toConnection([](Connection &connection) { connection.abortNow(); });
}

void WsPeer::sendText(const QByteArray &utf8)
{
    if (!m_open)
        return;
    m_link->queuedBytes += utf8.size();
    m_link->toConnection([utf8](Connection &connection) { connection.sendWebSocketText(utf8); });
}

void WsPeer::close(quint16 code, const QString &reason)
{
    if (!m_open)
        return;
    m_link->toConnection(
        [code, reason](Connection &connection) { connection.closeWebSocket(code, reason); });
}

void WsPeer::abort()
{
    m_link->toConnection([](Connection &connection) { connection.abortNow(); });
}

qint64 WsPeer::backlogBytes() const
{
    return m_link->queuedBytes.load() + m_link->socketBacklog.load();
}

QHostAddress WsPeer::peerAddress() const
{
    return m_link->peer();
}

void WsPeer::deliverDisconnected()
{
    if (!m_open)
        return;
    m_open = false;
    Q_EMIT disconnected();
}

} // namespace chamber::edge
