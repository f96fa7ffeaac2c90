// A client WebSocket on a QSslSocket of its own, for what QWebSocket cannot do: bind the
// connection to a chosen source address (the flooding tablet comes from 127.0.5.1). The client
// side of RFC 6455 only: the upgrade request, masked text frames out; frames in are unmasked,
// text handed on, pings answered, a close frame taken as the end.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QSslSocket>

#include <functional>

namespace chamber::bench {

class RawWebSocket
{
public:
    explicit RawWebSocket(QHostAddress source);

    // Connects (TLS, any certificate: an attacker has no reason to check) and asks for the
    // upgrade. Ignored unless closed.
    void open(const QHostAddress &host, quint16 port);
    // Drops the connection without a close frame; onClosed is not called.
    void abort();
    bool isOpen() const { return m_state == State::Open; }
    bool isClosed() const { return m_state == State::Closed; }
    void sendText(const QByteArray &payload);
    // Plain bytes queued for the network.
    qint64 bytesToWrite() const { return m_socket.bytesToWrite(); }

    std::function<void()> onOpen; // the server answered 101
    std::function<void(const QByteArray &text)> onText;
    // Refused, cut, a close frame, or the upgrade answered otherwise (`why` says which).
    std::function<void(const QString &why)> onClosed;
    // Bytes went out: room for more.
    std::function<void()> onWritten;

private:
    enum class State { Closed, Upgrading, Open };

    void readSome();
    void readUpgrade();
    void readFrames();
    void writeFrame(quint8 opcode, const QByteArray &payload);
    void closeBecause(const QString &why);

    QSslSocket m_socket;
    QHostAddress m_source;
    State m_state = State::Closed;
    QByteArray m_buffer;
    QByteArray m_message; // a fragmented message so far
};

} // namespace chamber::bench
