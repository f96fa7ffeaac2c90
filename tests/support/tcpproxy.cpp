#include "tcpproxy.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpSocket>

namespace chamber::testing {

TcpProxy::TcpProxy(quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_targetPort(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TcpProxy::relay);
}

bool TcpProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void TcpProxy::relay()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        ++m_connections;
        if (m_refusing) {
            client->abort();
            client->deleteLater();
            continue;
        }
        auto *upstream = new QTcpSocket(client);
        QPointer<QTcpSocket> clientGuard(client);
        const bool cutThis = m_cutsLeft > 0 && m_cutAfter > 0;
        if (cutThis)
            --m_cutsLeft;
        auto forwarded = std::make_shared<qint64>(0);
        connect(client, &QTcpSocket::readyRead, upstream, [client, upstream] {
            if (upstream->state() == QAbstractSocket::ConnectedState)
                upstream->write(client->readAll());
        });
        connect(upstream, &QTcpSocket::connected, upstream,
            [client, upstream] { upstream->write(client->readAll()); });
        connect(
            upstream, &QTcpSocket::readyRead, client, [this, client, upstream, cutThis, forwarded] {
                QByteArray data = upstream->readAll();
                if (cutThis && *forwarded + data.size() >= m_cutAfter) {
                    data.truncate(qsizetype(std::max<qint64>(0, m_cutAfter - *forwarded)));
                    client->write(data);
                    client->flush();
                    m_fromServer += data.size();
                    ++m_cuts;
                    upstream->abort();
                    client->abort();
                    client->deleteLater();
                    return;
                }
                *forwarded += data.size();
                m_fromServer += data.size();
                client->write(data);
            });
        connect(upstream, &QTcpSocket::disconnected, client,
            [client] { client->disconnectFromHost(); });
        connect(client, &QTcpSocket::disconnected, client, [client, upstream] {
            upstream->abort();
            client->deleteLater();
        });
        if (!m_source.isNull())
            upstream->bind(m_source);
        upstream->connectToHost(QHostAddress::LocalHost, m_targetPort);
    }
}

} // namespace chamber::testing
