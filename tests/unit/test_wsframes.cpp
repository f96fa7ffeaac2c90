// WebSocket framing on its own (RFC 6455, server side): client frames decoded and refused from
// their header, messages assembled from fragments with control frames between them, strict
// UTF-8, close frames, what the server sends, and the handshake's accept key.
#include "edge/wsframes.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace chamber::edge;
using Status = WsFrameDecode::Status;
using Kind = WsMessageAssembler::Output::Kind;

namespace {

constexpr qint64 kMax = 2 * 1024 * 1024; // protocol::kMaxFrameBytes, what chamberd passes
const QByteArray kKey("\x37\xfa\x21\x3d", 4);

enum class LengthForm { Shortest, Bits16, Bits64 };

// A client frame: `first` is FIN, RSV and opcode; the payload is masked with `key`.
QByteArray clientFrame(quint8 first, QByteArrayView payload, LengthForm form = LengthForm::Shortest,
    const QByteArray &key = kKey)
{
    const quint64 length = quint64(payload.size());
    QByteArray frame;
    frame.append(char(first));
    if (form == LengthForm::Shortest && length < 126) {
        frame.append(char(0x80 | length));
    } else if (form != LengthForm::Bits64 && length <= 0xFFFF) {
        frame.append(char(0x80 | 126));
        frame.append(char(length >> 8));
        frame.append(char(length & 0xFF));
    } else {
        frame.append(char(0x80 | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(char((length >> shift) & 0xFF));
    }
    frame.append(key);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(payload[i] ^ key[i % 4]));
    return frame;
}

QByteArray clientFrame(WsOpcode opcode, QByteArrayView payload, bool fin = true)
{
    return clientFrame(quint8((fin ? 0x80 : 0) | quint8(opcode)), payload);
}

// Just a header: FIN/opcode byte, the mask bit with a 7-bit length, then `extra` bytes.
QByteArray header(quint8 first, quint8 second, QByteArrayView extra = {})
{
    QByteArray bytes;
    bytes.append(char(first));
    bytes.append(char(second));
    bytes.append(extra.toByteArray());
    return bytes;
}

WsFrame frame(WsOpcode opcode, QByteArray payload, bool fin = true)
{
    return WsFrame {fin, opcode, std::move(payload)};
}

QByteArray bytes(std::initializer_list<int> values)
{
    QByteArray result;
    for (int value : values)
        result.append(char(value));
    return result;
}

QByteArray closeFrame(int code, QByteArrayView reason = {})
{
    return bytes({code >> 8, code & 0xFF}) + reason.toByteArray();
}

} // namespace

class TestWsFrames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // RFC 6455 5.7: "A single-frame masked text message" containing "Hello".
    void rfcExample()
    {
        const QByteArray wire
            = bytes({0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58});
        const WsFrameDecode decoded = decodeClientFrame(wire, kMax);
        QCOMPARE(decoded.status, Status::Frame);
        QCOMPARE(decoded.consumed, wire.size());
        QVERIFY(decoded.frame.fin);
        QCOMPARE(decoded.frame.opcode, WsOpcode::Text);
        QCOMPARE(decoded.frame.payload, QByteArray("Hello"));
        QCOMPARE(clientFrame(WsOpcode::Text, "Hello"), wire);
    }

    void lengths_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("headerSize");
        QTest::newRow("empty") << 0 << 6;
        QTest::newRow("1") << 1 << 6;
        QTest::newRow("7 bits, largest") << 125 << 6;
        QTest::newRow("16 bits, smallest") << 126 << 8;
        QTest::newRow("16 bits, 127") << 127 << 8;
        QTest::newRow("16 bits, largest") << 65535 << 8;
        QTest::newRow("64 bits, smallest") << 65536 << 14;
        QTest::newRow("64 bits") << 100003 << 14;
        QTest::newRow("2 MiB") << int(kMax) << 14;
    }

    void lengths()
    {
        QFETCH(int, size);
        QFETCH(int, headerSize);
        QByteArray payload(size, Qt::Uninitialized);
        for (int i = 0; i < size; ++i)
            payload[i] = char(i * 7 + (i >> 8));
        const QByteArray wire = clientFrame(WsOpcode::Binary, payload);
        QCOMPARE(wire.size(), headerSize + size);
        const QByteArray followed = wire + "next";
        const WsFrameDecode decoded = decodeClientFrame(followed, kMax);
        QCOMPARE(decoded.status, Status::Frame);
        QCOMPARE(decoded.consumed, wire.size());
        QCOMPARE(decoded.frame.opcode, WsOpcode::Binary);
        QVERIFY(decoded.frame.payload == payload);
        // One byte short anywhere in the frame: wait for it.
        QCOMPARE(decodeClientFrame(QByteArrayView(wire).chopped(1), kMax).status, Status::NeedMore);
        QCOMPARE(decodeClientFrame(QByteArrayView(wire).first(headerSize), kMax).status,
            size == 0 ? Status::Frame : Status::NeedMore);
    }

    // Unmasking is done eight bytes at a time: every length and offset of the tail, any key.
    void masking()
    {
        QRandomGenerator random(6455);
        for (int size = 0; size < 70; ++size) {
            QByteArray key(4, Qt::Uninitialized);
            QByteArray payload(size, Qt::Uninitialized);
            for (char &c : key)
                c = char(random.bounded(256));
            for (char &c : payload)
                c = char(random.bounded(256));
            if (size % 5 == 0)
                key = QByteArray(4, '\0'); // a zero key is a key too
            const QByteArray wire = clientFrame(0x82, payload, LengthForm::Shortest, key);
            const WsFrameDecode decoded = decodeClientFrame(wire, kMax);
            QCOMPARE(decoded.status, Status::Frame);
            QVERIFY(decoded.frame.payload == payload);
        }
    }

    void splitAnywhere_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::newRow("text") << clientFrame(WsOpcode::Text, "Xin ch\xc3\xa0o");
        QTest::newRow("empty ping") << clientFrame(WsOpcode::Ping, "");
        QTest::newRow("close") << clientFrame(WsOpcode::Close, closeFrame(1000, "bye"));
        QTest::newRow("16-bit") << clientFrame(WsOpcode::Binary, QByteArray(300, 'b'));
        QTest::newRow("64-bit") << clientFrame(WsOpcode::Binary, QByteArray(70000, 'c'));
        QTest::newRow("fragment") << clientFrame(WsOpcode::Continuation, "part", false);
    }

    void splitAnywhere()
    {
        QFETCH(QByteArray, wire);
        const WsFrameDecode whole = decodeClientFrame(wire, kMax);
        QCOMPARE(whole.status, Status::Frame);
        QCOMPARE(whole.consumed, wire.size());
        const qsizetype step = wire.size() > 1000 ? 97 : 1;
        for (qsizetype n = 0; n < wire.size(); n += step) {
            const WsFrameDecode part = decodeClientFrame(QByteArrayView(wire).first(n), kMax);
            QVERIFY2(part.status == Status::NeedMore, qPrintable(QString::number(n)));
            QCOMPARE(part.consumed, 0);
        }
    }

    void stream()
    {
        const QByteArray wire = clientFrame(WsOpcode::Text, "one", false)
            + clientFrame(WsOpcode::Ping, "are you there")
            + clientFrame(WsOpcode::Continuation, QByteArray(200, 't'))
            + clientFrame(WsOpcode::Close, closeFrame(1001));
        QList<WsOpcode> opcodes;
        qsizetype at = 0;
        while (at < wire.size()) {
            const WsFrameDecode decoded = decodeClientFrame(QByteArrayView(wire).sliced(at), kMax);
            QCOMPARE(decoded.status, Status::Frame);
            QVERIFY(decoded.consumed > 0);
            opcodes.append(decoded.frame.opcode);
            at += decoded.consumed;
        }
        QCOMPARE(at, wire.size());
        QVERIFY(opcodes
            == (QList<WsOpcode> {
                WsOpcode::Text, WsOpcode::Ping, WsOpcode::Continuation, WsOpcode::Close}));
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<qint64>("maxPayload");
        QTest::addColumn<int>("needed"); // the bytes that already tell
        QTest::addColumn<int>("code");
        const auto be64 = [](quint64 value) {
            QByteArray result;
            for (int shift = 56; shift >= 0; shift -= 8)
                result.append(char((value >> shift) & 0xFF));
            return result;
        };
        QTest::newRow("not masked") << header(0x81, 0x05, "Hello") << kMax << 2 << 1002;
        QTest::newRow("not masked, empty") << header(0x89, 0x00) << kMax << 2 << 1002;
        QTest::newRow("RSV1") << clientFrame(0xC1, "x") << kMax << 1 << 1002;
        QTest::newRow("RSV2") << clientFrame(0xA1, "x") << kMax << 1 << 1002;
        QTest::newRow("RSV3") << clientFrame(0x91, "x") << kMax << 1 << 1002;
        for (int opcode : {3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF}) {
            QTest::addRow("opcode %d", opcode)
                << clientFrame(quint8(0x80 | opcode), "x") << kMax << 1 << 1002;
        }
        QTest::newRow("ping not FIN") << clientFrame(0x09, "x") << kMax << 1 << 1002;
        QTest::newRow("pong not FIN") << clientFrame(0x0A, "") << kMax << 1 << 1002;
        QTest::newRow("close not FIN") << clientFrame(0x08, closeFrame(1000)) << kMax << 1 << 1002;
        QTest::newRow("ping of 126")
            << clientFrame(0x89, QByteArray(126, 'p')) << kMax << 2 << 1002;
        QTest::newRow("close of 126")
            << clientFrame(0x88, closeFrame(1000, QByteArray(124, 'r'))) << kMax << 2 << 1002;
        QTest::newRow("ping, 16-bit form of 5")
            << clientFrame(0x89, "hello", LengthForm::Bits16) << kMax << 2 << 1002;
        QTest::newRow("16-bit form of 5")
            << clientFrame(0x82, "hello", LengthForm::Bits16) << kMax << 4 << 1002;
        QTest::newRow("16-bit form of 125")
            << clientFrame(0x82, QByteArray(125, 'x'), LengthForm::Bits16) << kMax << 4 << 1002;
        QTest::newRow("64-bit form of 5")
            << clientFrame(0x82, "hello", LengthForm::Bits64) << kMax << 10 << 1002;
        QTest::newRow("64-bit form of 65535")
            << clientFrame(0x82, QByteArray(65535, 'x'), LengthForm::Bits64) << kMax << 10 << 1002;
        QTest::newRow("64-bit top bit")
            << header(0x82, 0xFF, be64(quint64(1) << 63)) << kMax << 3 << 1002;
        QTest::newRow("64-bit all ones")
            << header(0x82, 0xFF, be64(~quint64(0))) << kMax << 3 << 1002;
        QTest::newRow("over the limit, 7 bits")
            << clientFrame(0x82, QByteArray(101, 'x')) << qint64(100) << 2 << 1009;
        QTest::newRow("over the limit, 16 bits")
            << clientFrame(0x81, QByteArray(1001, 'x')) << qint64(1000) << 4 << 1009;
        QTest::newRow("over the limit, 64 bits")
            << clientFrame(0x82, QByteArray(kMax + 1, 'x')) << kMax << 10 << 1009;
        // A lower bound past the limit tells before the whole length has come.
        QTest::newRow("4 GiB") << header(0x82, 0xFF, be64(quint64(4) << 30)) << kMax << 6 << 1009;
        QTest::newRow("2^62") << header(0x82, 0xFF, be64(quint64(1) << 62)) << kMax << 3 << 1009;
        QTest::newRow("2^63 - 1") << header(0x82, 0xFF, be64(~quint64(0) >> 1)) << kMax << 3
                                  << 1009;
        QTest::newRow("continuation over the limit")
            << header(0x00, 0xFF, be64(quint64(kMax) + 1)) << kMax << 10 << 1009;
        QTest::newRow("64-bit form of 200, tiny limit") << clientFrame(0x82, QByteArray(200, 'x'),
            LengthForm::Bits64) << qint64(100) << 10 << 1002;
    }

    // Refused as soon as the header tells, the same way at every later point (the payload
    // is never waited for).
    void refused()
    {
        QFETCH(QByteArray, wire);
        QFETCH(qint64, maxPayload);
        QFETCH(int, needed);
        QFETCH(int, code);
        for (qsizetype n = 0; n < needed; ++n)
            QCOMPARE(decodeClientFrame(QByteArrayView(wire).first(n), maxPayload).status,
                Status::NeedMore);
        const WsFrameDecode early
            = decodeClientFrame(QByteArrayView(wire).first(needed), maxPayload);
        QCOMPARE(early.status, Status::Fail);
        QCOMPARE(early.closeCode, quint16(code));
        QVERIFY(!early.reason.isEmpty());
        QCOMPARE(early.consumed, 0);
        const WsFrameDecode whole = decodeClientFrame(wire, maxPayload);
        QCOMPARE(whole.status, Status::Fail);
        QCOMPARE(whole.closeCode, early.closeCode);
        QCOMPARE(whole.reason, early.reason);
    }

    void exactlyTheLimit()
    {
        const QByteArray wire = clientFrame(0x82, QByteArray(100, 'x'));
        QCOMPARE(decodeClientFrame(wire, 100).status, Status::Frame);
        QCOMPARE(decodeClientFrame(wire, 99).closeCode, wsclose::kTooLarge);
    }

    void fragmentsWithPingBetween()
    {
        WsMessageAssembler assembler(kMax);
        QCOMPARE(assembler.push(frame(WsOpcode::Text, "Bi\xe1\xbb", false)).kind, Kind::None);
        const auto ping = assembler.push(frame(WsOpcode::Ping, "p1"));
        QCOMPARE(ping.kind, Kind::Ping);
        QCOMPARE(ping.payload, QByteArray("p1"));
        QCOMPARE(
            assembler.push(frame(WsOpcode::Continuation, "\x83u quy\xe1", false)).kind, Kind::None);
        QCOMPARE(assembler.push(frame(WsOpcode::Pong, "")).kind, Kind::Pong);
        QCOMPARE(
            assembler.push(frame(WsOpcode::Continuation, "\xba\xbft", false)).kind, Kind::None);
        const auto text = assembler.push(frame(WsOpcode::Continuation, "", true));
        QCOMPARE(text.kind, Kind::Text);
        QCOMPARE(QString::fromUtf8(text.payload), QStringLiteral("Biểu quyết"));

        // The next message starts afresh.
        QCOMPARE(assembler.push(frame(WsOpcode::Binary, QByteArray("\x00\xff", 2), false)).kind,
            Kind::None);
        const auto binary = assembler.push(frame(WsOpcode::Continuation, "\xfe", true));
        QCOMPARE(binary.kind, Kind::Binary);
        QCOMPARE(binary.payload, QByteArray("\x00\xff\xfe", 3));
        const auto single = assembler.push(frame(WsOpcode::Text, "{}"));
        QCOMPARE(single.kind, Kind::Text);
        QCOMPARE(single.payload, QByteArray("{}"));
    }

    void sequenceErrors()
    {
        {
            WsMessageAssembler assembler(kMax);
            const auto out = assembler.push(frame(WsOpcode::Continuation, "x"));
            QCOMPARE(out.kind, Kind::Fail);
            QCOMPARE(out.closeCode, wsclose::kProtocolError);
        }
        {
            WsMessageAssembler assembler(kMax);
            QCOMPARE(assembler.push(frame(WsOpcode::Text, "a", false)).kind, Kind::None);
            const auto out = assembler.push(frame(WsOpcode::Binary, "b"));
            QCOMPARE(out.kind, Kind::Fail);
            QCOMPARE(out.closeCode, wsclose::kProtocolError);
        }
        {
            WsMessageAssembler assembler(kMax);
            QCOMPARE(assembler.push(frame(WsOpcode::Binary, "a", false)).kind, Kind::None);
            QCOMPARE(assembler.push(frame(WsOpcode::Text, "b", false)).closeCode,
                wsclose::kProtocolError);
        }
        {
            WsMessageAssembler assembler(kMax);
            QCOMPARE(assembler.push(frame(WsOpcode::Text, "done")).kind, Kind::Text);
            QCOMPARE(assembler.push(frame(WsOpcode::Continuation, "more")).closeCode,
                wsclose::kProtocolError);
        }
        {
            WsMessageAssembler assembler(kMax); // frames made elsewhere meet the same rules
            QCOMPARE(assembler.push(frame(WsOpcode::Ping, "x", false)).closeCode,
                wsclose::kProtocolError);
            QCOMPARE(assembler.push(frame(WsOpcode::Pong, QByteArray(126, 'x'))).closeCode,
                wsclose::kProtocolError);
        }
    }

    void messageLimit()
    {
        const qint64 limit = 1000;
        {
            WsMessageAssembler assembler(limit);
            QCOMPARE(
                assembler.push(frame(WsOpcode::Binary, QByteArray(1000, 'x'))).kind, Kind::Binary);
            const auto out = assembler.push(frame(WsOpcode::Binary, QByteArray(1001, 'x')));
            QCOMPARE(out.kind, Kind::Fail);
            QCOMPARE(out.closeCode, wsclose::kTooLarge);
        }
        {
            WsMessageAssembler assembler(limit);
            QCOMPARE(assembler.push(frame(WsOpcode::Text, QByteArray(600, 'x'), false)).kind,
                Kind::None);
            QCOMPARE(assembler.push(frame(WsOpcode::Ping, "")).kind, Kind::Ping);
            QCOMPARE(
                assembler.push(frame(WsOpcode::Continuation, QByteArray(400, 'x'), false)).kind,
                Kind::None);
            QCOMPARE(assembler.push(frame(WsOpcode::Continuation, "", false)).kind, Kind::None);
            const auto out = assembler.push(frame(WsOpcode::Continuation, "y", true));
            QCOMPARE(out.kind, Kind::Fail);
            QCOMPARE(out.closeCode, wsclose::kTooLarge);
        }
    }

    // chamberd's limit: a message over 2 MiB ends in 1009, whether one frame says so in its
    // header or fragments add up to it.
    void overTwoMebibytes()
    {
        QByteArray head = header(0x81, 0xFF);
        for (int shift = 56; shift >= 0; shift -= 8)
            head.append(char(((kMax + 1) >> shift) & 0xFF));
        QCOMPARE(decodeClientFrame(head, kMax).closeCode, wsclose::kTooLarge);

        WsMessageAssembler assembler(kMax);
        const QByteArray half(kMax / 2, 'a');
        QByteArray wire = clientFrame(WsOpcode::Text, half, false)
            + clientFrame(WsOpcode::Continuation, half, false)
            + clientFrame(WsOpcode::Continuation, "!", true);
        WsMessageAssembler::Output out;
        qsizetype at = 0;
        while (at < wire.size()) {
            const WsFrameDecode decoded = decodeClientFrame(QByteArrayView(wire).sliced(at), kMax);
            QCOMPARE(decoded.status, Status::Frame);
            at += decoded.consumed;
            out = assembler.push(decoded.frame);
        }
        QCOMPARE(out.kind, Kind::Fail);
        QCOMPARE(out.closeCode, wsclose::kTooLarge);
    }

    // Appending fragments costs their size, not the message's: a 256 KiB message in one-byte
    // frames would take minutes if each frame rescanned what came before.
    void manySmallFragments()
    {
        const QString text = QString(64 * 1024, QChar(0x1EBF)) + QStringLiteral("ok"); // "ế"
        const QByteArray utf8 = text.toUtf8();
        QElapsedTimer timer;
        timer.start();
        WsMessageAssembler assembler(kMax);
        QCOMPARE(assembler.push(frame(WsOpcode::Text, utf8.first(1), false)).kind, Kind::None);
        for (qsizetype i = 1; i + 1 < utf8.size(); ++i) {
            const auto out
                = assembler.push(frame(WsOpcode::Continuation, utf8.sliced(i, 1), false));
            if (out.kind != Kind::None)
                QFAIL(qPrintable(QStringLiteral("at %1: %2").arg(i).arg(out.reason)));
        }
        const auto out = assembler.push(frame(WsOpcode::Continuation, utf8.last(1), true));
        QCOMPARE(out.kind, Kind::Text);
        QVERIFY(out.payload == utf8);
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    }

    void utf8_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        // Valid (Autobahn 6.2-6.3, 6.5, 6.7-6.9, 6.11, 6.22-6.23).
        QTest::newRow("empty") << QByteArray() << true;
        QTest::newRow("ascii") << QByteArray("Hello-\x7f") << true;
        QTest::newRow("greek kosme")
            << QByteArray("\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5") << true;
        QTest::newRow("vietnamese") << QByteArray("Bi\xe1\xbb\x83u quy\xe1\xba\xbft") << true;
        QTest::newRow("U+0000") << QByteArray("\0", 1) << true;
        QTest::newRow("U+0080") << bytes({0xc2, 0x80}) << true;
        QTest::newRow("U+07FF") << bytes({0xdf, 0xbf}) << true;
        QTest::newRow("U+0800") << bytes({0xe0, 0xa0, 0x80}) << true;
        QTest::newRow("U+D7FF") << bytes({0xed, 0x9f, 0xbf}) << true;
        QTest::newRow("U+E000") << bytes({0xee, 0x80, 0x80}) << true;
        QTest::newRow("U+FFFD") << bytes({0xef, 0xbf, 0xbd}) << true;
        QTest::newRow("U+FFFE noncharacter") << bytes({0xef, 0xbf, 0xbe}) << true;
        QTest::newRow("U+FFFF") << bytes({0xef, 0xbf, 0xbf}) << true;
        QTest::newRow("U+10000") << bytes({0xf0, 0x90, 0x80, 0x80}) << true;
        QTest::newRow("U+1F600") << bytes({0xf0, 0x9f, 0x98, 0x80}) << true;
        QTest::newRow("U+10FFFF") << bytes({0xf4, 0x8f, 0xbf, 0xbf}) << true;
        QTest::newRow("long ascii then 2-byte")
            << QByteArray(QByteArray(17, 'a') + "\xc3\xa9") << true;
        // Invalid (Autobahn 6.3-6.21).
        QTest::newRow("kosme cut")
            << QByteArray("\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce") << false;
        QTest::newRow("lone continuation 80") << bytes({0x80}) << false;
        QTest::newRow("lone continuation bf") << bytes({0xbf}) << false;
        QTest::newRow("continuations") << bytes({0x80, 0xbf, 0x80, 0xbf}) << false;
        QTest::newRow("C0") << bytes({0xc0}) << false;
        QTest::newRow("lead then space") << bytes({0xc2, 0x20}) << false;
        QTest::newRow("E0 cut") << bytes({0xe0, 0xa0}) << false;
        QTest::newRow("F0 cut") << bytes({0xf0, 0x90, 0x80}) << false;
        QTest::newRow("F5") << bytes({0xf5, 0x80, 0x80, 0x80}) << false;
        QTest::newRow("F8, 5 bytes") << bytes({0xf8, 0x88, 0x80, 0x80, 0x80}) << false;
        QTest::newRow("FC, 6 bytes") << bytes({0xfc, 0x84, 0x80, 0x80, 0x80, 0x80}) << false;
        QTest::newRow("FE") << bytes({0xfe}) << false;
        QTest::newRow("FF") << bytes({0xff}) << false;
        QTest::newRow("overlong / in 2") << bytes({0xc0, 0xaf}) << false;
        QTest::newRow("overlong / in 3") << bytes({0xe0, 0x80, 0xaf}) << false;
        QTest::newRow("overlong / in 4") << bytes({0xf0, 0x80, 0x80, 0xaf}) << false;
        QTest::newRow("overlong max 2") << bytes({0xc1, 0xbf}) << false;
        QTest::newRow("overlong max 3") << bytes({0xe0, 0x9f, 0xbf}) << false;
        QTest::newRow("overlong max 4") << bytes({0xf0, 0x8f, 0xbf, 0xbf}) << false;
        QTest::newRow("overlong NUL") << bytes({0xc0, 0x80}) << false;
        QTest::newRow("U+D800") << bytes({0xed, 0xa0, 0x80}) << false;
        QTest::newRow("U+DB7F") << bytes({0xed, 0xad, 0xbf}) << false;
        QTest::newRow("U+DBFF") << bytes({0xed, 0xaf, 0xbf}) << false;
        QTest::newRow("U+DC00") << bytes({0xed, 0xb0, 0x80}) << false;
        QTest::newRow("U+DFFF") << bytes({0xed, 0xbf, 0xbf}) << false;
        QTest::newRow("surrogate pair") << bytes({0xed, 0xa0, 0x80, 0xed, 0xb0, 0x80}) << false;
        QTest::newRow("U+110000") << bytes({0xf4, 0x90, 0x80, 0x80}) << false;
        QTest::newRow("U+1FFFFF") << bytes({0xf7, 0xbf, 0xbf, 0xbf}) << false;
        QTest::newRow("3-byte missing last") << QByteArray("Hello \xe2\x82 world") << false;
        QTest::newRow("invalid after 8 ascii") << QByteArray("abcdefgh\xff") << false;
    }

    // Whole, and split into fragments at every byte: the same verdict (1007 when invalid).
    void utf8()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        {
            WsMessageAssembler assembler(kMax);
            const auto out = assembler.push(frame(WsOpcode::Text, text));
            QCOMPARE(out.kind, valid ? Kind::Text : Kind::Fail);
            if (valid)
                QCOMPARE(out.payload, text);
            else
                QCOMPARE(out.closeCode, wsclose::kInvalidPayload);
        }
        for (qsizetype cut = 0; cut <= text.size(); ++cut) {
            for (qsizetype cut2 = cut; cut2 <= text.size(); ++cut2) {
                WsMessageAssembler assembler(kMax);
                auto out = assembler.push(frame(WsOpcode::Text, text.first(cut), false));
                if (out.kind == Kind::None)
                    out = assembler.push(
                        frame(WsOpcode::Continuation, text.sliced(cut, cut2 - cut), false));
                if (out.kind == Kind::None)
                    out = assembler.push(frame(WsOpcode::Continuation, text.sliced(cut2), true));
                QCOMPARE(out.kind, valid ? Kind::Text : Kind::Fail);
                if (valid)
                    QCOMPARE(out.payload, text);
                else
                    QCOMPARE(out.closeCode, wsclose::kInvalidPayload);
            }
        }
        // A close reason is held to the same.
        WsMessageAssembler assembler(kMax);
        const auto close = assembler.push(frame(WsOpcode::Close, closeFrame(1000, text)));
        QCOMPARE(close.kind, valid ? Kind::Close : Kind::Fail);
        if (valid)
            QCOMPARE(close.reason, QString::fromUtf8(text));
        else
            QCOMPARE(close.closeCode, wsclose::kInvalidPayload);
    }

    // Invalid bytes fail at once, before the message ends (Autobahn 6.4 "fail fast").
    void utf8FailsFast()
    {
        WsMessageAssembler assembler(kMax);
        QCOMPARE(
            assembler
                .push(frame(WsOpcode::Text, "\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5", false))
                .kind,
            Kind::None);
        const auto out = assembler.push(frame(WsOpcode::Continuation, "\xf4\x90\x80\x80", false));
        QCOMPARE(out.kind, Kind::Fail);
        QCOMPARE(out.closeCode, wsclose::kInvalidPayload);

        WsMessageAssembler second(kMax);
        QCOMPARE(second.push(frame(WsOpcode::Text, "ok \xed", false)).kind, Kind::None);
        QCOMPARE(second.push(frame(WsOpcode::Continuation, "\xa0", false)).closeCode,
            wsclose::kInvalidPayload);

        WsMessageAssembler binary(kMax); // binary messages are not text
        QCOMPARE(binary.push(frame(WsOpcode::Binary, "\xff\xfe")).kind, Kind::Binary);
    }

    void closeCodes_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<int>("kind"); // Kind
        QTest::addColumn<int>("code");
        const int close = int(Kind::Close);
        const int fail = int(Kind::Fail);
        QTest::newRow("no payload") << QByteArray() << close << 1005;
        QTest::newRow("one byte") << QByteArray("\x03") << fail << 1002;
        for (int code : {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014,
                 3000, 3999, 4000, 4999})
            QTest::addRow("%d", code) << closeFrame(code) << close << code;
        for (int code : {0, 1, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535})
            QTest::addRow("%d refused", code) << closeFrame(code) << fail << 1002;
        QTest::newRow("reason") << closeFrame(1000, "h\xe1\xbb\x8dp xong") << close << 1000;
        QTest::newRow("reason not UTF-8") << closeFrame(1000, "\xc0\xaf") << fail << 1007;
        QTest::newRow("reason cut in a character") << closeFrame(4001, "\xe1\xbb") << fail << 1007;
    }

    void closeCodes()
    {
        QFETCH(QByteArray, payload);
        QFETCH(int, kind);
        QFETCH(int, code);
        WsMessageAssembler assembler(kMax);
        // Also between fragments: a close may come in the middle of a message.
        QCOMPARE(assembler.push(frame(WsOpcode::Text, "partial", false)).kind, Kind::None);
        const WsFrameDecode decoded
            = decodeClientFrame(clientFrame(WsOpcode::Close, payload), kMax);
        QCOMPARE(decoded.status, Status::Frame);
        const auto out = assembler.push(decoded.frame);
        QCOMPARE(int(out.kind), kind);
        QCOMPARE(out.closeCode, quint16(code));
        if (out.kind == Kind::Close && payload.size() > 2)
            QCOMPARE(out.reason.toUtf8(), payload.sliced(2));
        if (out.kind == Kind::Fail)
            QVERIFY(!out.reason.isEmpty());
    }

    void serverFrames_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<QByteArray>("head");
        QTest::newRow("empty") << 0 << bytes({0x81, 0});
        QTest::newRow("125") << 125 << bytes({0x81, 125});
        QTest::newRow("126") << 126 << bytes({0x81, 126, 0, 126});
        QTest::newRow("65535") << 65535 << bytes({0x81, 126, 0xff, 0xff});
        QTest::newRow("65536") << 65536 << bytes({0x81, 127, 0, 0, 0, 0, 0, 1, 0, 0});
        QTest::newRow("2 MiB") << int(kMax) << bytes({0x81, 127, 0, 0, 0, 0, 0, 0x20, 0, 0});
    }

    void serverFrames()
    {
        QFETCH(int, size);
        QFETCH(QByteArray, head);
        const QByteArray payload(size, 's');
        const QByteArray wire = encodeServerFrame(WsOpcode::Text, payload);
        QCOMPARE(wire.first(head.size()), head);
        QVERIFY(wire.sliced(head.size()) == payload);
    }

    void serverControlFrames()
    {
        QCOMPARE(encodeServerFrame(WsOpcode::Pong, "p1"), bytes({0x8a, 2, 'p', '1'}));
        QCOMPARE(encodeServerFrame(WsOpcode::Close, closePayload(wsclose::kTooLarge, {})),
            bytes({0x88, 2, 0x03, 0xf1}));
        QCOMPARE(encodeServerFrame(WsOpcode::Binary, QByteArrayView("\x00", 1))[0], char(0x82));
    }

    void closePayloads()
    {
        QCOMPARE(closePayload(1000, QString()), bytes({0x03, 0xe8}));
        QCOMPARE(closePayload(4001, QStringLiteral("bye")),
            QByteArray("\x0f\xa1"
                       "bye"));
        const QString ascii(123, u'a');
        QCOMPARE(closePayload(1008, ascii).size(), 125);
        QCOMPARE(closePayload(1008, ascii + u'b').size(), 125);
        // "ế" is 3 bytes: 40 of them are 120 bytes, the 41st would end at 123, the 42nd past it.
        for (int extra = 0; extra < 4; ++extra) {
            const QString reason = QString(extra, u'x') + QString(45, QChar(0x1EBF));
            const QByteArray payload = closePayload(1001, reason);
            QVERIFY(payload.size() <= 125);
            QVERIFY(payload.size() >= 123);
            const QByteArray utf8 = payload.sliced(2);
            QVERIFY(reason.toUtf8().startsWith(utf8));
            // A valid close reason for the other side: what the assembler takes.
            WsMessageAssembler assembler(kMax);
            const auto out = assembler.push(frame(WsOpcode::Close, payload));
            QCOMPARE(out.kind, Kind::Close);
            QCOMPARE(out.closeCode, quint16(1001));
            QVERIFY(reason.startsWith(out.reason));
        }
        // A 4-byte character at the boundary is dropped whole.
        const QString emoji = QString(121, u'a') + QString::fromUtf8("\xf0\x9f\x98\x80");
        QCOMPARE(closePayload(1000, emoji).size(), 2 + 121);
    }

    void acceptKey()
    {
        // RFC 6455 1.3.
        QCOMPARE(webSocketAccept("dGhlIHNhbXBsZSBub25jZQ=="),
            QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
        QVERIFY(isValidWebSocketKey("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    void webSocketKeys_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<bool>("valid");
        QTest::newRow("rfc") << QByteArray("dGhlIHNhbXBsZSBub25jZQ==") << true;
        QTest::newRow("zeros") << QByteArray(QByteArray(16, '\0').toBase64()) << true;
        QTest::newRow("ones") << QByteArray(QByteArray(16, '\xff').toBase64()) << true;
        QTest::newRow("with + and /") << QByteArray("+/+/+/+/+/+/+/+/+/+/+w==") << true;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("15 bytes") << QByteArray(QByteArray(15, 'k').toBase64()) << false;
        QTest::newRow("17 bytes") << QByteArray(QByteArray(17, 'k').toBase64()) << false;
        QTest::newRow("no padding") << QByteArray("dGhlIHNhbXBsZSBub25jZQ") << false;
        QTest::newRow("23 characters") << QByteArray("dGhlIHNhbXBsZSBub25jZQ=") << false;
        QTest::newRow("25 characters") << QByteArray("dGhlIHNhbXBsZSBub25jZQ===") << false;
        QTest::newRow("url-safe alphabet") << QByteArray("dGhlIHNhbXBsZSBub25-ZQ==") << false;
        QTest::newRow("space") << QByteArray("dGhlIHNhbXBsZSBub25 ZQ==") << false;
        QTest::newRow("padding inside") << QByteArray("dGhlIHNhbXBsZSBub2=jZQ==") << false;
        QTest::newRow("spare bits set") << QByteArray("dGhlIHNhbXBsZSBub25jZR==") << false;
        QTest::newRow("24 letters") << QByteArray("dGhlIHNhbXBsZSBub25jZQab") << false;
    }

    void webSocketKeys()
    {
        QFETCH(QByteArray, key);
        QFETCH(bool, valid);
        QCOMPARE(isValidWebSocketKey(key), valid);
    }
};

QTEST_GUILESS_MAIN(TestWsFrames)
#include "test_wsframes.moc"
