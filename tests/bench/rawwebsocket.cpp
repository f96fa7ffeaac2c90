#include "rawwebsocket.h"

#include <QRandomGenerator>
#include <QtEndian>

namespace chamber::bench {

namespace {

constexpr quint8 kContinuation = 0x0;
constexpr quint8 kText = 0x1;
constexpr quint8 kClose = 0x8;
constexpr quint8 kPing = 0x9;
constexpr quint8 kPong = 0xA;

} // namespace

RawWebSocket::RawWebSocket(QHostAddress source)
    : m_source(std::move(source))
{
    m_socket.setPeerVerifyMode(QSslSocket::VerifyNone);
    QObject::connect(&m_socket, &QSslSocket::encrypted, [this] {
        const QByteArray key = QByteArray::number(QRandomGenerator::global()->generate64())
                                   .leftJustified(16, 'k')
                                   .left(16)
                                   .toBase64();
        m_socket.write("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                       "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
            + key + "\r\n\r\n");
    });
    QObject::connect(&m_socket, &QSslSocket::readyRead, [this] { readSome(); });
    QObject::connect(&m_socket, &QSslSocket::encryptedBytesWritten, [this](qint64) {
        if (m_state == State::Open && onWritten)
            onWritten();
    });
    QObject::connect(
        &m_socket, &QAbstractSocket::disconnected, [this] { closeBecause(QStringLiteral("cut")); });
    QObject::connect(
        &m_socket, &QAbstractSocket::errorOccurred, [this](QAbstractSocket::SocketError error) {
            // Errors while connected end in disconnected(); a failed connect does not.
            if (m_socket.state() != QAbstractSocket::ConnectedState
                || error == QAbstractSocket::SslHandshakeFailedError)
                closeBecause(m_socket.errorString());
        });
}

void RawWebSocket::open(const QHostAddress &host, quint16 port)
{
    if (m_state != State::Closed)
        return;
    m_state = State::Upgrading;
    m_buffer.clear();
    m_message.clear();
    m_socket.abort();
    m_socket.bind(m_source);
    m_socket.connectToHostEncrypted(host.toString(), port);
}

void RawWebSocket::abort()
{
    m_state = State::Closed;
    m_socket.abort();
}

void RawWebSocket::sendText(const QByteArray &payload)
{
    if (m_state == State::Open)
        writeFrame(kText, payload);
}

void RawWebSocket::readSome()
{
    m_buffer += m_socket.readAll();
    if (m_state == State::Upgrading)
        readUpgrade();
    if (m_state == State::Open)
        readFrames();
}

void RawWebSocket::readUpgrade()
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_buffer.size() > 64 * 1024)
            closeBecause(QStringLiteral("upgrade answer too long"));
        return;
    }
    const QByteArray statusLine = m_buffer.left(m_buffer.indexOf("\r\n"));
    if (!statusLine.startsWith("HTTP/1.1 101")) {
        closeBecause(QStringLiteral("upgrade refused: ") + QString::fromLatin1(statusLine));
        return;
    }
    m_buffer.remove(0, end + 4);
    m_state = State::Open;
    if (onOpen)
        onOpen();
}

void RawWebSocket::readFrames()
{
    while (m_state == State::Open && m_buffer.size() >= 2) {
        const auto *bytes = reinterpret_cast<const uchar *>(m_buffer.constData());
        const bool final = bytes[0] & 0x80;
        const quint8 opcode = bytes[0] & 0x0F;
        const bool masked = bytes[1] & 0x80;
        qint64 length = bytes[1] & 0x7F;
        qsizetype header = 2;
        if (length == 126) {
            if (m_buffer.size() < 4)
                return;
            length = qFromBigEndian<quint16>(bytes + 2);
            header = 4;
        } else if (length == 127) {
            if (m_buffer.size() < 10)
                return;
            length = qint64(qFromBigEndian<quint64>(bytes + 2));
            header = 10;
        }
        const qsizetype maskBytes = masked ? 4 : 0;
        if (length < 0 || length > 64 * 1024 * 1024) {
            closeBecause(QStringLiteral("frame of %1 bytes").arg(length));
            return;
        }
        if (m_buffer.size() < header + maskBytes + length)
            return;
        QByteArray payload = m_buffer.mid(header + maskBytes, length);
        if (masked) {
            for (qsizetype i = 0; i < payload.size(); ++i)
                payload[i] = char(payload[i] ^ m_buffer[header + (i % 4)]);
        }
        m_buffer.remove(0, header + maskBytes + length);
        if (opcode == kText || opcode == kContinuation) {
            m_message += payload;
            if (final) {
                const QByteArray message = std::exchange(m_message, {});
                if (onText)
                    onText(message);
            }
        } else if (opcode == kPing) {
            writeFrame(kPong, payload);
        } else if (opcode == kClose) {
            closeBecause(QStringLiteral("close frame: ")
                + QString::fromUtf8(payload.size() > 2 ? payload.mid(2) : QByteArray()));
            return;
        }
    }
}

void RawWebSocket::writeFrame(quint8 opcode, const QByteArray &payload)
{
    QByteArray frame;
    frame.reserve(payload.size() + 14);
    frame.append(char(0x80 | opcode));
    if (payload.size() < 126) {
        frame.append(char(0x80 | payload.size()));
    } else if (payload.size() < 65536) {
        frame.append(char(0x80 | 126));
        uchar length[2];
        qToBigEndian<quint16>(quint16(payload.size()), length);
        frame.append(reinterpret_cast<const char *>(length), 2);
    } else {
        frame.append(char(0x80 | 127));
        uchar length[8];
        qToBigEndian<quint64>(quint64(payload.size()), length);
        frame.append(reinterpret_cast<const char *>(length), 8);
    }
    const quint32 mask = QRandomGenerator::global()->generate();
    uchar maskBytes[4];
    qToBigEndian<quint32>(mask, maskBytes);
    frame.append(reinterpret_cast<const char *>(maskBytes), 4);
    const qsizetype start = frame.size();
    frame.append(payload);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame[start + i] = char(frame[start + i] ^ maskBytes[i % 4]);
    m_socket.write(frame);
}

void RawWebSocket::closeBecause(const QString &why)
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_socket.abort();
    if (onClosed)
        onClosed(why);
}

} // namespace chamber::bench
