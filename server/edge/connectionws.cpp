// The WebSocket half of Connection: the upgrade, frames in (decoded and limited here, messages
// handed to the main thread's WsPeer), frames out.
#include "edge/admission.h"
#include "edge/connection.h"
#include "edge/connectionlink.h"
#include "edge/edgeserver.h"
#include "edge/wspeer.h"
#include "protocol/error.h"
#include "protocol/message.h"

#include <QJsonDocument>
#include <QSslSocket>

namespace chamber::edge {

namespace {
// Bytes read from the socket at a time while a frame is incomplete.
constexpr qint64 kFrameReadChunk = 64 * 1024;
} // namespace

void Connection::upgrade(HttpRequest request)
{
    const HttpHead &head = request.head();
    if (request.method() != HttpMethod::Get || request.contentLength() > 0) {
        refuse(400, QStringLiteral("a WebSocket opens with a GET without a body"));
        return;
    }
    if (head.value("sec-websocket-version") != "13") {
        HttpResponse response;
        response.status = 426;
        response.headers = {{"Sec-WebSocket-Version", "13"}, {"Content-Type", "text/plain"}};
        response.body = "WebSocket version 13 only\n";
        response.close = true;
        writeResponse(response);
        return;
    }
    const QByteArray key = head.value("sec-websocket-key");
    if (!isValidWebSocketKey(key)) {
        refuse(400, QStringLiteral("Sec-WebSocket-Key is not 16 bytes in base64"));
        return;
    }
    m_socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                    "Connection: Upgrade\r\nSec-WebSocket-Accept: "
        + webSocketAccept(key) + "\r\n\r\n");
    updateBacklog();
    m_state = State::WebSocketPending;
    m_upgraded = true;
    // Devices stay connected for hours; the hub's hello timeout and the backlog limit watch
    // them from here on.
    setDeadline(0);
    auto link = m_link;
    EdgeServer *server = m_shared->server;
    QMetaObject::invokeMethod(
        server, [server, link, request] { server->openWebSocket(link, request); },
        Qt::QueuedConnection);
}

void Connection::startWebSocket()
{
    if (m_state != State::WebSocketPending)
        return;
    m_state = State::WebSocket;
    readFrames();
}

void Connection::readFrames()
{
    while (m_state == State::WebSocket && !m_paused) {
        const QByteArrayView pending = QByteArrayView(m_in).sliced(m_inOffset);
        WsFrameDecode decoded = decodeClientFrame(pending, m_limits.maxWebSocketMessageBytes);
        if (decoded.status == WsFrameDecode::Status::Fail) {
            failWebSocket(decoded.closeCode, decoded.reason);
            return;
        }
        if (decoded.status == WsFrameDecode::Status::NeedMore) {
            if (m_socket->bytesAvailable() <= 0)
                return;
            // Only now is more read: the buffer holds one frame and one chunk at most.
            if (m_inOffset > 0) {
                m_in.remove(0, m_inOffset);
                m_inOffset = 0;
            }
            m_in += m_socket->read(kFrameReadChunk);
            continue;
        }
        if (!takeBudget())
            return; // the frame is decoded again when the bucket refills
        m_inOffset += decoded.consumed;
        if (m_inOffset == m_in.size()) {
            m_in.clear();
            m_inOffset = 0;
        }
        handleFrame(std::move(decoded.frame));
    }
}

void Connection::handleFrame(WsFrame frame)
{
    WsMessageAssembler::Output output = m_assembler.push(std::move(frame));
    using Kind = WsMessageAssembler::Output::Kind;
    switch (output.kind) {
    case Kind::None:
    case Kind::Pong:
        return;
    case Kind::Text:
        m_link->toPeer(
            [text = std::move(output.payload)](WsPeer &peer) { peer.deliverText(text); });
        return;
    case Kind::Binary:
        m_link->toPeer([](WsPeer &peer) { peer.deliverBinary(); });
        return;
    case Kind::Ping:
        writeFrame(WsOpcode::Pong, output.payload);
        return;
    case Kind::Close:
        // Echo the client's code (RFC 6455 5.5.1), then end.
        writeFrame(WsOpcode::Close,
            output.closeCode == 1005 ? QByteArray() : closePayload(output.closeCode, QString()));
        finish();
        return;
    case Kind::Fail:
        failWebSocket(output.closeCode, output.reason);
        return;
    }
}

void Connection::failWebSocket(quint16 code, const QString &reason)
{
    if (code == wsclose::kTooLarge) {
        // Say it in the protocol first, so the kiosk can show why, then close as RFC 6455 says.
        writeFrame(WsOpcode::Text,
            protocol::toFrame(
                protocol::errorReply(QString(), makeError(ErrorCode::TooLarge, reason))));
    }
    writeFrame(WsOpcode::Close, closePayload(code, reason));
    finish();
}

void Connection::writeFrame(WsOpcode opcode, QByteArrayView payload)
{
    if (m_state == State::Closed)
        return;
    m_socket->write(encodeServerFrame(opcode, payload));
    updateBacklog();
}

void Connection::sendWebSocketText(const QByteArray &utf8)
{
    m_link->queuedBytes -= utf8.size();
    if (m_state != State::WebSocket && m_state != State::WebSocketPending)
        return;
    writeFrame(WsOpcode::Text, utf8);
}

void Connection::closeWebSocket(quint16 code, const QString &reason)
{
    if (m_state != State::WebSocket && m_state != State::WebSocketPending)
        return;
    writeFrame(WsOpcode::Close, closePayload(code, reason));
    finish();
}

} // namespace chamber::edge
