// A TCP relay on a free loopback port in front of a server, for tests of what happens when a
// connection dies halfway: it forwards both ways and can cut a connection after a number of
// bytes from the server, once or every time, like a Wi-Fi drop in the middle of a download.
#pragma once

#include <QObject>
#include <QTcpServer>

namespace chamber::testing {

class TcpProxy : public QObject
{
    Q_OBJECT

public:
    explicit TcpProxy(quint16 targetPort, QObject *parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    // Cut each of the next `times` connections once `bytes` have come from the server.
    void cutAfter(qint64 bytes, int times = 1)
    {
        m_cutAfter = bytes;
        m_cutsLeft = times;
    }
    // Connect to the server from this local address (e.g. 127.0.0.2: Linux answers all of
    // 127/8), so the server sees the client coming from another address.
    void setSourceAddress(const QHostAddress &address) { m_source = address; }
    // Refuse (close at once) new connections, as a server that is gone.
    void setRefusing(bool refusing) { m_refusing = refusing; }
    int connections() const { return m_connections; }
    int cuts() const { return m_cuts; }
    qint64 bytesFromServer() const { return m_fromServer; }

private:
    void relay();

    QTcpServer m_server;
    quint16 m_targetPort;
    QHostAddress m_source;
    qint64 m_cutAfter = 0;
    int m_cutsLeft = 0;
    bool m_refusing = false;
    int m_connections = 0;
    int m_cuts = 0;
    qint64 m_fromServer = 0;
};

} // namespace chamber::testing
