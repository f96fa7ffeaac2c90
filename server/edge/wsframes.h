// WebSocket framing (RFC 6455) for the server side: decoding the frames a client sends,
// assembling them into messages, encoding the frames the server sends, and the opening
// handshake's accept key. Written for hostile input: a frame is judged from its header before
// its payload is read (a 4 GiB length is refused at once), client frames must be masked, and
// every violation names the close code the connection must end with. Pure: no I/O.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace chamber::edge {

enum class WsOpcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

// Close codes the server sends (RFC 6455 7.4.1).
namespace wsclose {
constexpr quint16 kNormal = 1000;
constexpr quint16 kGoingAway = 1001;
constexpr quint16 kProtocolError = 1002;
constexpr quint16 kUnsupportedData = 1003;
constexpr quint16 kInvalidPayload = 1007; // text that is not UTF-8
constexpr quint16 kPolicyViolation = 1008;
constexpr quint16 kTooLarge = 1009;
constexpr quint16 kInternalError = 1011;
} // namespace wsclose

struct WsFrame
{
    bool fin = true;
    WsOpcode opcode = WsOpcode::Text;
    QByteArray payload; // unmasked
};

struct WsFrameDecode
{
    enum class Status {
        NeedMore, // the frame is not complete yet (and not refused from its header)
        Frame, // `frame` is complete; `consumed` bytes belong to it
        Fail, // close the connection with `closeCode`, `reason`
    };
    Status status = Status::NeedMore;
    qsizetype consumed = 0;
    WsFrame frame;
    quint16 closeCode = 0;
    QString reason;
};

// Decodes one client-to-server frame at the start of `buffer`. Fails (before waiting for the
// payload where the header already tells):
//   - not masked: 1002; any RSV bit set (no extension is negotiated): 1002
//   - an opcode RFC 6455 does not define (3-7, 0xB-0xF): 1002
//   - a control frame (close, ping, pong) not FIN or with more than 125 bytes: 1002
//   - a 64-bit length with the top bit set, or a length not in its shortest form: 1002
//   - a payload longer than `maxPayload`: 1009
WsFrameDecode decodeClientFrame(QByteArrayView buffer, qint64 maxPayload);

// Turns frames into messages: fragments joined, control frames passed through (they may come
// between fragments), limits and UTF-8 checked.
class WsMessageAssembler
{
public:
    explicit WsMessageAssembler(qint64 maxMessageBytes)
        : m_maxMessageBytes(maxMessageBytes)
    { }

    struct Output
    {
        enum class Kind {
            None, // a fragment was taken; the message is not complete yet
            Text, // payload: a complete text message, valid UTF-8
            Binary, // payload: a complete binary message
            Ping, // payload: the ping's data (answer with a pong carrying it)
            Pong,
            Close, // the client closes: closeCode (1005 when it gave none) and reason
            Fail, // close the connection with closeCode and reason
        };
        Kind kind = Kind::None;
        QByteArray payload;
        quint16 closeCode = 0;
        QString reason;
    };

    // Fails with 1002 for a continuation with no message begun or a new text/binary frame
    // while one is unfinished; 1009 when the fragments together pass maxMessageBytes; 1007 for
    // a text message that is not valid UTF-8 (checked on the whole message); 1002 for a close
    // frame with a 1-byte payload or a code not allowed on the wire (below 1000, 1004-1006,
    // 1015, 1016-2999, 5000+), 1007 for a close reason that is not UTF-8.
    Output push(WsFrame frame);

private:
    qint64 m_maxMessageBytes;
    bool m_inMessage = false;
    WsOpcode m_messageOpcode = WsOpcode::Text;
    QByteArray m_buffer;
};

// A server-to-client frame (never masked), FIN set.
QByteArray encodeServerFrame(WsOpcode opcode, QByteArrayView payload);
// A close frame's payload: the code, big-endian, then the reason cut to at most 123 bytes
// at a UTF-8 character boundary.
QByteArray closePayload(quint16 code, const QString &reason);

// The Sec-WebSocket-Accept value for a client's Sec-WebSocket-Key (RFC 6455 4.2.2).
QByteArray webSocketAccept(QByteArrayView clientKey);
// True when the key is the base64 encoding of exactly 16 bytes (24 characters).
bool isValidWebSocketKey(QByteArrayView clientKey);

} // namespace chamber::edge
