// A WebSocket connection as the main thread sees it: messages arrive as signals, frames go out
// through the connection's I/O thread. Replaces QWebSocket for chamberd's sessions, whose
// framing and TLS ran on the thread that commits ballots.
#pragma once

#include <QHostAddress>
#include <QObject>

#include <memory>

namespace chamber::edge {

class ConnectionLink;

class WsPeer : public QObject
{
    Q_OBJECT

public:
    explicit WsPeer(std::shared_ptr<ConnectionLink> link, QObject *parent = nullptr);
    ~WsPeer() override; // aborts the connection if it is still open

    void sendText(const QByteArray &utf8);
    // A close frame with the code and reason, then the connection ends.
    void close(quint16 code, const QString &reason);
    void abort();

    // Bytes queued for this client and not yet taken by it.
    qint64 backlogBytes() const;
    QHostAddress peerAddress() const;

Q_SIGNALS:
    void textReceived(const QByteArray &utf8);
    void binaryReceived();
    void disconnected();

private:
    friend class ConnectionLink;
    friend class Connection;
    void deliverText(const QByteArray &utf8) { Q_EMIT textReceived(utf8); }
    void deliverBinary() { Q_EMIT binaryReceived(); }
    void deliverDisconnected();

    std::shared_ptr<ConnectionLink> m_link;
    bool m_open = true;
};

} // namespace chamber::edge
