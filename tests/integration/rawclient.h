// A client that speaks raw bytes over TLS (or not even TLS) from a chosen loopback address, for
// the tests of the network edge: what a hostile client sends is exactly what it writes.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QSslSocket>

#include <memory>

namespace chamber::testing {

class RawClient
{
public:
    // `from`: the source address (any of 127.0.0.0/8 on Linux); null: the system's choice.
    explicit RawClient(QHostAddress from = {});

    // TCP only, nothing sent: an idle connection.
    bool connectPlain(quint16 port, int timeoutMs = 5000);
    // TCP and the TLS handshake (the server's certificate is not checked here).
    bool connectTls(quint16 port, int timeoutMs = 10000);

    void write(const QByteArray &bytes);
    // Reads until `marker` has arrived (true) or the connection ends or time is up.
    bool readUntil(const QByteArray &marker, int timeoutMs = 10000);
    // Reads until the server closes the connection; true when it did within the time.
    bool waitClosed(int timeoutMs = 10000);
    bool isConnected() const;
    void close();

    // Everything received so far.
    const QByteArray &received() const { return m_received; }
    // The status code of the first HTTP response received (0: none yet).
    int status() const;

    // A masked client WebSocket frame (RFC 6455), FIN set; `mask` false sends it unmasked.
    static QByteArray frame(quint8 opcode, const QByteArray &payload, bool mask = true);
    // An upgrade request for /ws.
    static QByteArray upgradeRequest(quint16 port);

private:
    void pull();

    QHostAddress m_from;
    std::unique_ptr<QSslSocket> m_socket;
    QByteArray m_received;
};

} // namespace chamber::testing
