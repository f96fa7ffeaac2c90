#include "rawclient.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

namespace chamber::testing {

RawClient::RawClient(QHostAddress from)
    : m_from(std::move(from))
    , m_socket(std::make_unique<QSslSocket>())
{
    m_socket->setPeerVerifyMode(QSslSocket::VerifyNone);
}

bool RawClient::connectPlain(quint16 port, int timeoutMs)
{
    if (!m_from.isNull() && !m_socket->bind(m_from))
        return false;
    m_socket->connectToHost(QHostAddress::LocalHost, port);
    return m_socket->waitForConnected(timeoutMs);
}

bool RawClient::connectTls(quint16 port, int timeoutMs)
{
    if (!m_from.isNull() && !m_socket->bind(m_from))
        return false;
    m_socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    return m_socket->waitForEncrypted(timeoutMs);
}

void RawClient::write(const QByteArray &bytes)
{
    m_socket->write(bytes);
    m_socket->flush();
}

void RawClient::pull()
{
    m_received += m_socket->readAll();
}

bool RawClient::readUntil(const QByteArray &marker, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    pull();
    while (!m_received.contains(marker) && timer.elapsed() < timeoutMs
        && m_socket->state() == QAbstractSocket::ConnectedState) {
        m_socket->waitForReadyRead(50);
        pull();
    }
    return m_received.contains(marker);
}

bool RawClient::waitClosed(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (m_socket->state() != QAbstractSocket::UnconnectedState && timer.elapsed() < timeoutMs) {
        m_socket->waitForReadyRead(50);
        pull();
    }
    pull();
    return m_socket->state() == QAbstractSocket::UnconnectedState;
}

bool RawClient::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

void RawClient::close()
{
    m_socket->abort();
}

int RawClient::status() const
{
    if (!m_received.startsWith("HTTP/1.1 "))
        return 0;
    return m_received.mid(9, 3).toInt();
}

QByteArray RawClient::frame(quint8 opcode, const QByteArray &payload, bool mask)
{
    QByteArray out;
    out.append(char(0x80 | opcode));
    const quint8 maskBit = mask ? 0x80 : 0;
    const qint64 size = payload.size();
    if (size < 126) {
        out.append(char(maskBit | size));
    } else if (size < 65536) {
        out.append(char(maskBit | 126));
        out.append(char(size >> 8)).append(char(size & 0xff));
    } else {
        out.append(char(maskBit | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            out.append(char((size >> shift) & 0xff));
    }
    if (!mask)
        return out + payload;
    const quint32 key = QRandomGenerator::global()->generate();
    const char keyBytes[4] = {char(key >> 24), char(key >> 16), char(key >> 8), char(key)};
    out.append(keyBytes, 4);
    QByteArray masked = payload;
    for (qsizetype i = 0; i < masked.size(); ++i)
        masked[i] = char(masked[i] ^ keyBytes[i % 4]);
    return out + masked;
}

QByteArray RawClient::upgradeRequest(quint16 port)
{
    return "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
}

} // namespace chamber::testing
