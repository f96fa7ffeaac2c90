// WebSocket framing of the network edge: the input is the byte stream of one connection after
// the upgrade, decoded frame after frame into a message assembler (with chamberd's 2 MiB limit
// and with small limits). Properties: never crashes; a frame takes at most the bytes there are,
// is no longer than the limit, and its header was in shortest form (encoding it again gives
// the same size); a prefix of the bytes waits or gives the same answer; failures name a close
// code the header promises; messages are the fragments joined (checked against a model kept
// here), text is UTF-8 and a text message refused with 1007 is not; a close frame's code and
// reason make its payload again.
#include "edge/wsframes.h"

#include <cstdint>
#include <cstdlib>

namespace {

using namespace chamber::edge;
using Status = WsFrameDecode::Status;
using Kind = WsMessageAssembler::Output::Kind;

void check(bool condition)
{
    if (!condition)
        std::abort();
}

bool sameAnswer(const WsFrameDecode &a, const WsFrameDecode &b)
{
    return a.status == b.status && a.consumed == b.consumed && a.closeCode == b.closeCode
        && a.reason == b.reason && a.frame.fin == b.frame.fin && a.frame.opcode == b.frame.opcode
        && a.frame.payload == b.frame.payload;
}

// Qt's own decoder as the second opinion: valid UTF-8, and only that, survives the round trip.
bool isUtf8(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes).toUtf8() == bytes;
}

bool isControl(WsOpcode opcode)
{
    return quint8(opcode) >= 0x8;
}

// The frame as the server would send it, then masked with a zero key: a client frame again.
void checkReencoded(const WsFrameDecode &decoded, qint64 maxPayload)
{
    QByteArray wire = encodeServerFrame(decoded.frame.opcode, decoded.frame.payload);
    check((wire[0] & 0x80) && !(wire[1] & 0x80));
    if (!decoded.frame.fin)
        wire[0] = char(wire[0] & 0x7F);
    wire[1] = char(wire[1] | 0x80);
    const qsizetype headerSize = wire.size() - decoded.frame.payload.size();
    wire.insert(headerSize, QByteArray(4, '\0'));
    check(wire.size() == decoded.consumed); // the client's length was in its shortest form too
    check(sameAnswer(decodeClientFrame(wire, maxPayload), decoded));
}

void run(QByteArrayView input, qint64 maxPayload, qint64 maxMessage)
{
    WsMessageAssembler assembler(maxMessage);
    bool inMessage = false;
    bool text = false;
    QByteArray model; // the message so far, joined here
    qsizetype at = 0;
    while (at < input.size()) {
        const QByteArrayView rest = input.sliced(at);
        const WsFrameDecode decoded = decodeClientFrame(rest, maxPayload);
        const WsFrameDecode half = decodeClientFrame(rest.first(rest.size() / 2), maxPayload);
        check(half.status == Status::NeedMore || sameAnswer(half, decoded));
        if (decoded.status == Status::NeedMore) {
            check(decoded.consumed == 0);
            return;
        }
        if (decoded.status == Status::Fail) {
            check(decoded.closeCode == wsclose::kProtocolError
                || decoded.closeCode == wsclose::kTooLarge);
            check(!decoded.reason.isEmpty() && decoded.consumed == 0);
            return;
        }

        const WsFrame &frame = decoded.frame;
        check(decoded.consumed > 0 && decoded.consumed <= rest.size());
        check(frame.payload.size() <= maxPayload);
        check(!isControl(frame.opcode) || (frame.fin && frame.payload.size() <= 125));
        checkReencoded(decoded, maxPayload);
        at += decoded.consumed;

        const WsMessageAssembler::Output out = assembler.push(frame);
        const auto failed = [&](quint16 code) {
            check(out.kind == Kind::Fail && out.closeCode == code && !out.reason.isEmpty());
        };
        switch (frame.opcode) {
        case WsOpcode::Ping:
        case WsOpcode::Pong:
            check(out.kind == (frame.opcode == WsOpcode::Ping ? Kind::Ping : Kind::Pong));
            check(out.payload == frame.payload);
            continue;
        case WsOpcode::Close:
            if (frame.payload.isEmpty()) {
                check(out.kind == Kind::Close && out.closeCode == 1005 && out.reason.isEmpty());
            } else if (out.kind == Kind::Close) {
                check(closePayload(out.closeCode, out.reason) == frame.payload);
            } else if (out.kind == Kind::Fail && out.closeCode == wsclose::kInvalidPayload) {
                check(!isUtf8(frame.payload.sliced(2)));
            } else {
                failed(wsclose::kProtocolError);
            }
            return; // the connection ends
        default:
            break;
        }

        const bool continuation = frame.opcode == WsOpcode::Continuation;
        if (continuation != inMessage) {
            failed(wsclose::kProtocolError);
            return;
        }
        if (continuation) {
            model += frame.payload;
        } else {
            model = frame.payload;
            text = frame.opcode == WsOpcode::Text;
            inMessage = true;
        }
        if (model.size() > maxMessage) {
            failed(wsclose::kTooLarge);
            return;
        }
        if (out.kind == Kind::Fail) {
            check(text && !isUtf8(model));
            failed(wsclose::kInvalidPayload);
            return;
        }
        if (!frame.fin) {
            check(out.kind == Kind::None);
            continue;
        }
        check(out.kind == (text ? Kind::Text : Kind::Binary) && out.payload == model);
        check(!text || isUtf8(model));
        inMessage = false;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    run(input, 2 * 1024 * 1024, 2 * 1024 * 1024); // protocol::kMaxFrameBytes
    run(input, 200, 300);
    return 0;
}
