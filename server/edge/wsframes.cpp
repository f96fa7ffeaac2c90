#include "edge/wsframes.h"

#include <QCryptographicHash>

#include <cstring>
#include <utility>

namespace chamber::edge {

namespace {

enum class Utf8 { Valid, Incomplete, Invalid };

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF. A
// sequence cut off by the end is Incomplete when its bytes so far can still become valid, so a
// fragmented text message fails at the first bad byte rather than at its end.
Utf8 checkUtf8(QByteArrayView bytes)
{
    const auto *s = reinterpret_cast<const uchar *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        if (i + 8 <= n) { // ASCII eight bytes at a time
            quint64 word;
            std::memcpy(&word, s + i, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const uchar lead = s[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        uchar low = 0x80; // the range of the second byte (Table 3-7 of the Unicode standard)
        uchar high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0)
                low = 0xA0; // overlong
            else if (lead == 0xED)
                high = 0x9F; // surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0)
                low = 0x90; // overlong
            else if (lead == 0xF4)
                high = 0x8F; // above U+10FFFF
        } else {
            return Utf8::Invalid; // a continuation byte, C0/C1 (overlong), F5-FF
        }
        for (int k = 1; k < length; ++k) {
            if (i + k == n)
                return Utf8::Incomplete;
            const uchar c = s[i + k];
            if (k == 1 ? (c < low || c > high) : (c & 0xC0) != 0x80)
                return Utf8::Invalid;
        }
        i += length;
    }
    return Utf8::Valid;
}

// Text so far: valid, or cut inside a character while more of the message is to come.
bool acceptableText(QByteArrayView bytes, bool fin)
{
    const Utf8 check = checkUtf8(bytes);
    return check == Utf8::Valid || (check == Utf8::Incomplete && !fin);
}

bool isControl(WsOpcode opcode)
{
    return quint8(opcode) >= 0x8;
}

bool isDefined(quint8 opcode)
{
    return opcode <= 0x2 || (opcode >= 0x8 && opcode <= 0xA);
}

// RFC 6455 7.4: what an endpoint may send in a close frame.
bool isValidWireCloseCode(quint16 code)
{
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014)
        || (code >= 3000 && code <= 4999);
}

// The payload XORed with the masking key, eight bytes at a time.
QByteArray unmask(QByteArrayView masked, const uchar key[4])
{
    QByteArray payload(masked.size(), Qt::Uninitialized);
    const auto *src = reinterpret_cast<const uchar *>(masked.data());
    auto *dst = reinterpret_cast<uchar *>(payload.data());
    const qsizetype n = masked.size();
    uchar key8[8];
    std::memcpy(key8, key, 4);
    std::memcpy(key8 + 4, key, 4);
    quint64 keyWord;
    std::memcpy(&keyWord, key8, 8);
    qsizetype i = 0;
    for (; i + 8 <= n; i += 8) {
        quint64 word;
        std::memcpy(&word, src + i, 8);
        word ^= keyWord;
        std::memcpy(dst + i, &word, 8);
    }
    for (; i < n; ++i)
        dst[i] = src[i] ^ key[i & 3];
    return payload;
}

WsFrameDecode failFrame(quint16 code, QString reason)
{
    WsFrameDecode result;
    result.status = WsFrameDecode::Status::Fail;
    result.closeCode = code;
    result.reason = std::move(reason);
    return result;
}

using Output = WsMessageAssembler::Output;

Output output(Output::Kind kind, QByteArray payload = {})
{
    Output out;
    out.kind = kind;
    out.payload = std::move(payload);
    return out;
}

Output failMessage(quint16 code, QString reason)
{
    Output out;
    out.kind = Output::Kind::Fail;
    out.closeCode = code;
    out.reason = std::move(reason);
    return out;
}

Output closeFrom(const QByteArray &payload)
{
    if (payload.isEmpty()) {
        Output out = output(Output::Kind::Close);
        out.closeCode = 1005; // no status code was present
        return out;
    }
    if (payload.size() == 1)
        return failMessage(wsclose::kProtocolError, QStringLiteral("a close frame of one byte"));
    const quint16 code = quint16((uchar(payload[0]) << 8) | uchar(payload[1]));
    if (!isValidWireCloseCode(code)) {
        return failMessage(
            wsclose::kProtocolError, QStringLiteral("close code %1 is not allowed").arg(code));
    }
    const QByteArrayView reason = QByteArrayView(payload).sliced(2);
    if (!acceptableText(reason, true))
        return failMessage(
            wsclose::kInvalidPayload, QStringLiteral("a close reason that is not UTF-8"));
    Output out = output(Output::Kind::Close);
    out.closeCode = code;
    out.reason = QString::fromUtf8(reason);
    return out;
}

} // namespace

WsFrameDecode decodeClientFrame(QByteArrayView buffer, qint64 maxPayload)
{
    const auto *data = reinterpret_cast<const uchar *>(buffer.data());
    const qsizetype size = buffer.size();
    if (size < 1)
        return {};

    // Each check runs as soon as its bytes are there, so a prefix of a bad frame fails the
    // same way the whole frame does.
    const uchar first = data[0];
    const bool fin = first & 0x80;
    const quint8 opcode = first & 0x0F;
    if (first & 0x70)
        return failFrame(wsclose::kProtocolError, QStringLiteral("an RSV bit is set"));
    if (!isDefined(opcode))
        return failFrame(
            wsclose::kProtocolError, QStringLiteral("opcode %1 is not defined").arg(int(opcode)));
    const bool control = isControl(WsOpcode(opcode));
    if (control && !fin)
        return failFrame(wsclose::kProtocolError, QStringLiteral("a fragmented control frame"));
    if (size < 2)
        return {};

    const uchar second = data[1];
    if (!(second & 0x80))
        return failFrame(
            wsclose::kProtocolError, QStringLiteral("a client frame that is not masked"));
    const quint8 length7 = second & 0x7F;
    if (control && length7 > 125)
        return failFrame(wsclose::kProtocolError, QStringLiteral("a control frame over 125 bytes"));

    qint64 length = length7;
    qsizetype offset = 2;
    if (length7 == 126) {
        if (size < 4)
            return {};
        length = (qint64(data[2]) << 8) | data[3];
        if (length < 126)
            return failFrame(
                wsclose::kProtocolError, QStringLiteral("a length not in its shortest form"));
        offset = 4;
    } else if (length7 == 127) {
        if (size >= 3 && (data[2] & 0x80))
            return failFrame(
                wsclose::kProtocolError, QStringLiteral("a 64-bit length with the top bit set"));
        // The bytes there so far give a lower bound: a length that can only end up too large
        // (and in its shortest form) fails before the rest of it arrives.
        const qsizetype have = qMin<qsizetype>(size - 2, 8);
        quint64 bound = 0;
        for (qsizetype k = 0; k < 8; ++k)
            bound = (bound << 8) | (k < have ? data[2 + k] : 0);
        if (have < 8) {
            if (bound > 0xFFFF && bound > quint64(qMax<qint64>(maxPayload, 0)))
                return failFrame(
                    wsclose::kTooLarge, QStringLiteral("a frame over %1 bytes").arg(maxPayload));
            return {};
        }
        if (bound <= 0xFFFF)
            return failFrame(
                wsclose::kProtocolError, QStringLiteral("a length not in its shortest form"));
        length = qint64(bound); // the top bit is clear
        offset = 10;
    }
    if (length > maxPayload)
        return failFrame(
            wsclose::kTooLarge, QStringLiteral("a frame over %1 bytes").arg(maxPayload));

    // Nothing is allocated before the whole frame is in the buffer.
    if (size - offset - 4 < length)
        return {};
    const uchar *key = data + offset;
    offset += 4;
    WsFrameDecode result;
    result.status = WsFrameDecode::Status::Frame;
    result.consumed = offset + length;
    result.frame.fin = fin;
    result.frame.opcode = WsOpcode(opcode);
    result.frame.payload = unmask(buffer.sliced(offset, length), key);
    return result;
}

WsMessageAssembler::Output WsMessageAssembler::push(WsFrame frame)
{
    if (isControl(frame.opcode)) {
        // decodeClientFrame refuses these already; a frame made elsewhere is held to the same.
        if (!frame.fin || frame.payload.size() > 125)
            return failMessage(wsclose::kProtocolError, QStringLiteral("an invalid control frame"));
        switch (frame.opcode) {
        case WsOpcode::Ping:
            return output(Output::Kind::Ping, std::move(frame.payload));
        case WsOpcode::Pong:
            return output(Output::Kind::Pong, std::move(frame.payload));
        case WsOpcode::Close:
            return closeFrom(frame.payload);
        default:
            return failMessage(wsclose::kProtocolError, QStringLiteral("an undefined opcode"));
        }
    }

    const auto fail = [this](quint16 code, QString reason) {
        m_inMessage = false;
        m_buffer = QByteArray();
        return failMessage(code, std::move(reason));
    };
    const auto tooLarge = [&] {
        return fail(
            wsclose::kTooLarge, QStringLiteral("a message over %1 bytes").arg(m_maxMessageBytes));
    };
    const auto notUtf8 = [&] {
        return fail(wsclose::kInvalidPayload, QStringLiteral("a text message that is not UTF-8"));
    };

    if (frame.opcode == WsOpcode::Text || frame.opcode == WsOpcode::Binary) {
        if (m_inMessage)
            return fail(
                wsclose::kProtocolError, QStringLiteral("a new message before the last one ended"));
        if (frame.payload.size() > m_maxMessageBytes)
            return tooLarge();
        const bool text = frame.opcode == WsOpcode::Text;
        if (text && !acceptableText(frame.payload, frame.fin))
            return notUtf8();
        if (frame.fin)
            return output(
                text ? Output::Kind::Text : Output::Kind::Binary, std::move(frame.payload));
        m_inMessage = true;
        m_messageOpcode = frame.opcode;
        m_buffer = std::move(frame.payload);
        return {};
    }

    if (frame.opcode != WsOpcode::Continuation)
        return fail(wsclose::kProtocolError, QStringLiteral("an undefined opcode"));
    if (!m_inMessage)
        return fail(
            wsclose::kProtocolError, QStringLiteral("a continuation frame with no message begun"));
    if (frame.payload.size() > m_maxMessageBytes - m_buffer.size())
        return tooLarge();
    const qsizetype before = m_buffer.size();
    m_buffer.append(frame.payload);
    if (m_messageOpcode == WsOpcode::Text) {
        // What came before was checked: start again at the last character begun there (at
        // most 3 bytes back), which may have been cut between frames.
        qsizetype from = before;
        while (from > 0 && before - from < 3 && (uchar(m_buffer[from - 1]) & 0xC0) == 0x80)
            --from;
        if (from > 0)
            --from;
        if (!acceptableText(QByteArrayView(m_buffer).sliced(from), frame.fin))
            return notUtf8();
    }
    if (!frame.fin)
        return {};
    m_inMessage = false;
    return output(m_messageOpcode == WsOpcode::Text ? Output::Kind::Text : Output::Kind::Binary,
        std::exchange(m_buffer, QByteArray()));
}

QByteArray encodeServerFrame(WsOpcode opcode, QByteArrayView payload)
{
    const qsizetype length = payload.size();
    QByteArray frame;
    frame.reserve(10 + length);
    frame.append(char(0x80 | quint8(opcode)));
    if (length < 126) {
        frame.append(char(length));
    } else if (length <= 0xFFFF) {
        frame.append(char(126));
        frame.append(char(length >> 8));
        frame.append(char(length & 0xFF));
    } else {
        frame.append(char(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(char((quint64(length) >> shift) & 0xFF));
    }
    frame.append(payload);
    return frame;
}

QByteArray closePayload(quint16 code, const QString &reason)
{
    QByteArray text = reason.toUtf8();
    if (text.size() > 123) {
        qsizetype cut = 123;
        while (cut > 0 && (uchar(text[cut]) & 0xC0) == 0x80) // text[cut] begins what is cut off
            --cut;
        text.truncate(cut);
    }
    QByteArray payload;
    payload.reserve(2 + text.size());
    payload.append(char(code >> 8));
    payload.append(char(code & 0xFF));
    payload.append(text);
    return payload;
}

QByteArray webSocketAccept(QByteArrayView clientKey)
{
    QCryptographicHash sha1(QCryptographicHash::Sha1);
    sha1.addData(clientKey);
    sha1.addData(QByteArrayView("258EAFA5-E914-47DA-95CA-C5AB0DC85B11"));
    return sha1.result().toBase64();
}

bool isValidWebSocketKey(QByteArrayView clientKey)
{
    // 16 bytes: 21 characters of 6 bits, one more holding the last 2 bits (its low 4 bits
    // zero, as every encoder writes them), then "==".
    if (clientKey.size() != 24 || !clientKey.endsWith("=="))
        return false;
    for (qsizetype i = 0; i < 22; ++i) {
        const char c = clientKey[i];
        const bool base64 = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
            || (c >= '0' && c <= '9') || c == '+' || c == '/';
        if (!base64)
            return false;
    }
    const char last = clientKey[21];
    return last == 'A' || last == 'Q' || last == 'g' || last == 'w';
}

} // namespace chamber::edge
