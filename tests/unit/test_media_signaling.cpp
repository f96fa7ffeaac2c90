// The video bridges' signaling messages: every type round-trips through JSON, and malformed
// input (not JSON, not an object, unknown types and fields, wrong JSON types, bad peer ids,
// SDP and candidates that are not, oversized lines) is refused with the right code and field.
#include "media/signaling.h"

#include <QTest>

using namespace chamber;
using namespace chamber::media;

namespace {
const QString kSdp = QStringLiteral(
    "v=0\r\no=- 1 0 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n");
const QString kCandidate = QStringLiteral("candidate:1 1 UDP 2015364095 127.0.0.1 35144 typ host");
} // namespace

class TestMediaSignaling : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void refused_data();
    void refused();
    void oversizedLinesRefusedBeforeParsing();
    void failureMessagesAreOneLine();
    void floorDefaults();
    void relayHelpers();
};

void TestMediaSignaling::roundTrip_data()
{
    QTest::addColumn<SignalMessage>("message");
    QTest::newRow("ready") << SignalMessage::ready();
    QTest::newRow("add-peer") << SignalMessage::addPeer(QStringLiteral("bridge-1"));
    QTest::newRow("remove-peer") << SignalMessage::removePeer(QStringLiteral("site.A:2"));
    QTest::newRow("offer") << SignalMessage::offer(QStringLiteral("b"), kSdp);
    QTest::newRow("answer") << SignalMessage::answer(QStringLiteral("b"), kSdp);
    QTest::newRow("candidate") << SignalMessage::iceCandidate(QStringLiteral("b"), 0, kCandidate);
    QTest::newRow("peer-state") << SignalMessage::peerState(
        QStringLiteral("b"), QStringLiteral("connected"));
    QTest::newRow("peer-removed") << SignalMessage::peerRemoved(QStringLiteral("b"));
    QTest::newRow("error for a peer") << SignalMessage::failure(QStringLiteral("b"),
        makeError(ErrorCode::NotFound, QStringLiteral("no peer b"), QStringLiteral("peer")));
    QTest::newRow("error for the process")
        << SignalMessage::failure({}, makeError(ErrorCode::BadJson, QStringLiteral("not JSON")));
    QTest::newRow("return-offer") << SignalMessage::returnOffer(QStringLiteral("d12"), kSdp);
    QTest::newRow("return-answer") << SignalMessage::returnAnswer(QStringLiteral("d12"), kSdp);
    QTest::newRow("return-candidate")
        << SignalMessage::returnCandidate(QStringLiteral("d12"), 1, kCandidate);
    QTest::newRow("return-state") << SignalMessage::returnState(
        QStringLiteral("d12"), QStringLiteral("failed"));
    QTest::newRow("floor to a bridge") << SignalMessage::floor(QStringLiteral("d12"), 30);
    QTest::newRow("floor silent chamber") << SignalMessage::floor(QStringLiteral("d12"), 0);
    QTest::newRow("floor to the chamber") << SignalMessage::floor();
    QTest::newRow("record-start") << SignalMessage::recordStart(QStringLiteral("3-17-1"));
    QTest::newRow("record-stop") << SignalMessage::recordStop(
        QStringLiteral("999999999999999999-999999999999999999-9999"));
    QTest::newRow("recorded") << SignalMessage::recorded(
        QStringLiteral("3-17-1"), QString(64, u'a'), 41234, 10020);
    QTest::newRow("recorded partial with a note")
        << SignalMessage::recorded(QStringLiteral("3-17-2"), QString(64, u'0'), 0, 0, true,
               QStringLiteral("chamber-media stopped during the speech"));
    QTest::newRow("recorded at the integer limit") << SignalMessage::recorded(
        QStringLiteral("3-17-1"), QString(64, u'f'), kMaxSignalInteger, kMaxSignalInteger);
    QTest::newRow("record-error") << SignalMessage::recordError(QStringLiteral("3-17-1"),
        makeError(ErrorCode::Unavailable, QStringLiteral("the disk is full")));
}

void TestMediaSignaling::roundTrip()
{
    QFETCH(SignalMessage, message);
    const QByteArray json = toJson(message);
    QVERIFY(!json.contains('\n')); // one message, one line
    auto parsed = parseSignal(json);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(*parsed, message);
}

void TestMediaSignaling::refused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("field");
    const auto row = [](const char *name, QByteArray json, ErrorCode code, const char *field) {
        QTest::newRow(name) << json << code << QString::fromLatin1(field);
    };
    row("empty", "", ErrorCode::BadJson, "");
    row("not json", "offer please", ErrorCode::BadJson, "");
    row("truncated", R"({"type":"add-peer","peer":"b)", ErrorCode::BadJson, "");
    row("array", R"(["add-peer","b"])", ErrorCode::NotAnObject, "");
    // Qt 6.4's JSON parser takes no top-level scalars: refused as not JSON.
    row("string", R"("add-peer")", ErrorCode::BadJson, "");
    row("no type", R"({"peer":"b"})", ErrorCode::MissingField, "type");
    row("type not a string", R"({"type":3,"peer":"b"})", ErrorCode::BadField, "type");
    row("unknown type", R"({"type":"rollback","peer":"b"})", ErrorCode::UnknownType, "type");
    row("unknown field", R"({"type":"add-peer","peer":"b","admin":true})", ErrorCode::BadField,
        "admin");
    row("field of another type", R"({"type":"add-peer","peer":"b","sdp":"v=0"})",
        ErrorCode::BadField, "sdp");
    row("no peer", R"({"type":"add-peer"})", ErrorCode::MissingField, "peer");
    row("peer not a string", R"({"type":"add-peer","peer":7})", ErrorCode::BadField, "peer");
    row("empty peer", R"({"type":"add-peer","peer":""})", ErrorCode::BadField, "peer");
    row("peer with a space", R"({"type":"add-peer","peer":"b 1"})", ErrorCode::BadField, "peer");
    row("peer with a slash", R"({"type":"add-peer","peer":"../b"})", ErrorCode::BadField, "peer");
    row("peer too long", "{\"type\":\"add-peer\",\"peer\":\"" + QByteArray(65, 'b') + "\"}",
        ErrorCode::BadField, "peer");
    row("offer without sdp", R"({"type":"offer","peer":"b"})", ErrorCode::MissingField, "sdp");
    row("sdp not a string", R"({"type":"offer","peer":"b","sdp":{}})", ErrorCode::BadField, "sdp");
    row("sdp without v=0", R"({"type":"answer","peer":"b","sdp":"m=video 9 RTP/AVP 96\r\n"})",
        ErrorCode::BadField, "sdp");
    row("sdp without m=", R"({"type":"answer","peer":"b","sdp":"v=0\r\ns=-\r\n"})",
        ErrorCode::BadField, "sdp");
    row("sdp bad line", R"({"type":"answer","peer":"b","sdp":"v=0\r\nm=video\r\nhello\r\n"})",
        ErrorCode::BadField, "sdp");
    row("sdp control character",
        "{\"type\":\"answer\",\"peer\":\"b\",\"sdp\":\"v=0\\r\\nm=video\\u0000\\r\\n\"}",
        ErrorCode::BadField, "sdp");
    row("sdp too large",
        "{\"type\":\"answer\",\"peer\":\"b\",\"sdp\":\"v=0\\r\\nm=video\\r\\na="
            + QByteArray(40000, 'x') + "\"}",
        ErrorCode::TooLarge, "sdp");
    row("candidate without mline",
        R"({"type":"candidate","peer":"b","candidate":"candidate:1 1 UDP 1 127.0.0.1 9 typ host"})",
        ErrorCode::MissingField, "mline");
    row("mline negative", R"({"type":"candidate","peer":"b","mline":-1,"candidate":"candidate:1"})",
        ErrorCode::BadField, "mline");
    row("mline fraction",
        R"({"type":"candidate","peer":"b","mline":0.5,"candidate":"candidate:1"})",
        ErrorCode::BadField, "mline");
    row("mline too big", R"({"type":"candidate","peer":"b","mline":64,"candidate":"candidate:1"})",
        ErrorCode::BadField, "mline");
    row("mline a string",
        R"({"type":"candidate","peer":"b","mline":"0","candidate":"candidate:1"})",
        ErrorCode::BadField, "mline");
    row("candidate without prefix",
        R"({"type":"candidate","peer":"b","mline":0,"candidate":"1 1 UDP"})", ErrorCode::BadField,
        "candidate");
    row("candidate with a newline",
        R"({"type":"candidate","peer":"b","mline":0,"candidate":"candidate:1\r\na=x"})",
        ErrorCode::BadField, "candidate");
    row("candidate too long",
        "{\"type\":\"candidate\",\"peer\":\"b\",\"mline\":0,\"candidate\":\"candidate:"
            + QByteArray(1100, '1') + "\"}",
        ErrorCode::TooLarge, "candidate");
    row("unknown state", R"({"type":"peer-state","peer":"b","state":"happy"})", ErrorCode::BadField,
        "state");
    row("ready without version", R"({"type":"ready"})", ErrorCode::MissingField, "version");
    row("ready version zero", R"({"type":"ready","version":0})", ErrorCode::BadField, "version");
    row("error unknown code", R"({"type":"error","code":"oops","message":"x"})",
        ErrorCode::BadField, "code");
    row("error without message", R"({"type":"error","code":"internal"})", ErrorCode::MissingField,
        "message");
    row("error message two lines", R"({"type":"error","code":"internal","message":"a\nb"})",
        ErrorCode::BadField, "message");
    // The return path: same rules as the programme's messages.
    row("return-offer without sdp", R"({"type":"return-offer","peer":"d1"})",
        ErrorCode::MissingField, "sdp");
    row("return-offer without peer", R"({"type":"return-offer","sdp":"v=0
m=video
"})",
        ErrorCode::MissingField, "peer");
    row("return-offer bad sdp", R"({"type":"return-offer","peer":"d1","sdp":"m=video
"})",
        ErrorCode::BadField, "sdp");
    row("return-offer unknown field",
        R"({"type":"return-offer","peer":"d1","sdp":"v=0
m=video
","mline":0})",
        ErrorCode::BadField, "mline");
    row("return-answer peer with slash",
        R"({"type":"return-answer","peer":"d/1","sdp":"v=0
m=video
"})",
        ErrorCode::BadField, "peer");
    row("return-candidate without mline",
        R"({"type":"return-candidate","peer":"d1","candidate":"candidate:1"})",
        ErrorCode::MissingField, "mline");
    row("return-candidate mline too big",
        R"({"type":"return-candidate","peer":"d1","mline":99,"candidate":"candidate:1"})",
        ErrorCode::BadField, "mline");
    row("return-candidate without prefix",
        R"({"type":"return-candidate","peer":"d1","mline":0,"candidate":"1 1 UDP"})",
        ErrorCode::BadField, "candidate");
    row("return-state unknown state", R"({"type":"return-state","peer":"d1","state":"on"})",
        ErrorCode::BadField, "state");
    row("return-state without state", R"({"type":"return-state","peer":"d1"})",
        ErrorCode::MissingField, "state");
    row("floor chamberAudio too high", R"({"type":"floor","peer":"d1","chamberAudio":101})",
        ErrorCode::BadField, "chamberAudio");
    row("floor chamberAudio negative", R"({"type":"floor","chamberAudio":-1})", ErrorCode::BadField,
        "chamberAudio");
    row("floor chamberAudio fraction", R"({"type":"floor","peer":"d1","chamberAudio":50.5})",
        ErrorCode::BadField, "chamberAudio");
    row("floor chamberAudio a string", R"({"type":"floor","peer":"d1","chamberAudio":"50"})",
        ErrorCode::BadField, "chamberAudio");
    row("floor chamberAudio null", R"({"type":"floor","peer":"d1","chamberAudio":null})",
        ErrorCode::BadField, "chamberAudio");
    row("floor peer null", R"({"type":"floor","peer":null})", ErrorCode::BadField, "peer");
    row("floor empty peer", R"({"type":"floor","peer":""})", ErrorCode::BadField, "peer");
    row("floor unknown field", R"({"type":"floor","peer":"d1","volume":3})", ErrorCode::BadField,
        "volume");
    row("floor with sdp", R"({"type":"floor","sdp":"v=0
m=video
"})",
        ErrorCode::BadField, "sdp");

    // Recording: ids are three runs of digits (they become file names), sha256 lower-case hex,
    // counts whole and non-negative, partial a boolean, note one short line.
    const QByteArray sha(64, 'a');
    row("record-start without recording", R"({"type":"record-start"})", ErrorCode::MissingField,
        "recording");
    row("record-start recording a number", R"({"type":"record-start","recording":3})",
        ErrorCode::BadField, "recording");
    row("record-start two parts", R"({"type":"record-start","recording":"3-17"})",
        ErrorCode::BadField, "recording");
    row("record-start four parts", R"({"type":"record-start","recording":"3-17-1-1"})",
        ErrorCode::BadField, "recording");
    row("record-start path", R"({"type":"record-start","recording":"../3-17-1"})",
        ErrorCode::BadField, "recording");
    row("record-start empty part", R"({"type":"record-start","recording":"3--1"})",
        ErrorCode::BadField, "recording");
    row("record-start segment too long", R"({"type":"record-start","recording":"3-17-12345"})",
        ErrorCode::BadField, "recording");
    row("record-start meeting too long",
        R"({"type":"record-start","recording":"1234567890123456789-1-1"})", ErrorCode::BadField,
        "recording");
    row("record-start signed", R"({"type":"record-start","recording":"+3-17-1"})",
        ErrorCode::BadField, "recording");
    row("record-start arabic-indic digits",
        "{\"type\":\"record-start\",\"recording\":\"\u0663-1-1\"}", ErrorCode::BadField,
        "recording");
    row("record-start with a peer", R"({"type":"record-start","recording":"3-17-1","peer":"d1"})",
        ErrorCode::BadField, "peer");
    row("record-stop unknown field", R"({"type":"record-stop","recording":"3-17-1","file":"x"})",
        ErrorCode::BadField, "file");
    row("recorded without sha256",
        R"({"type":"recorded","recording":"3-17-1","bytes":1,"durationMs":1,"partial":false})",
        ErrorCode::MissingField, "sha256");
    row("recorded upper-case sha256",
        R"({"type":"recorded","recording":"3-17-1","sha256":")" + QByteArray(64, 'A')
            + R"(","bytes":1,"durationMs":1,"partial":false})",
        ErrorCode::BadField, "sha256");
    row("recorded short sha256",
        R"({"type":"recorded","recording":"3-17-1","sha256":"abc","bytes":1,"durationMs":1,"partial":false})",
        ErrorCode::BadField, "sha256");
    row("recorded negative bytes",
        R"({"type":"recorded","recording":"3-17-1","sha256":")" + sha
            + R"(","bytes":-1,"durationMs":1,"partial":false})",
        ErrorCode::BadField, "bytes");
    row("recorded fractional duration",
        R"({"type":"recorded","recording":"3-17-1","sha256":")" + sha
            + R"(","bytes":1,"durationMs":1.5,"partial":false})",
        ErrorCode::BadField, "durationMs");
    row("recorded duration beyond 2^53",
        R"({"type":"recorded","recording":"3-17-1","sha256":")" + sha
            + R"(","bytes":1,"durationMs":1e300,"partial":false})",
        ErrorCode::BadField, "durationMs");
    row("recorded bytes a string",
        R"({"type":"recorded","recording":"3-17-1","sha256":")" + sha
            + R"(","bytes":"1","durationMs":1,"partial":false})",
        ErrorCode::BadField, "bytes");
    row("recorded without partial",
        R"({"type":"recorded","recording":"3-17-1","sha256":")" + sha
            + R"(","bytes":1,"durationMs":1})",
        ErrorCode::MissingField, "partial");
    row("recorded partial a number",
        R"({"type":"recorded","recording":"3-17-1","sha256":")" + sha
            + R"(","bytes":1,"durationMs":1,"partial":1})",
        ErrorCode::BadField, "partial");
    row("recorded note two lines",
        R"({"type":"recorded","recording":"3-17-1","sha256":")" + sha
            + R"(","bytes":1,"durationMs":1,"partial":true,"note":"a\nb"})",
        ErrorCode::BadField, "note");
    row("recorded note too long",
        R"({"type":"recorded","recording":"3-17-1","sha256":")" + sha
            + R"(","bytes":1,"durationMs":1,"partial":true,"note":")" + QByteArray(201, 'x')
            + R"("})",
        ErrorCode::BadField, "note");
    row("record-error without code",
        R"({"type":"record-error","recording":"3-17-1","message":"x"})", ErrorCode::MissingField,
        "code");
    row("record-error unknown code",
        R"({"type":"record-error","recording":"3-17-1","code":"oops","message":"x"})",
        ErrorCode::BadField, "code");
    row("record-error with field",
        R"({"type":"record-error","recording":"3-17-1","code":"internal","message":"x","field":"y"})",
        ErrorCode::BadField, "field");
    row("record-error bad recording",
        R"({"type":"record-error","recording":"x","code":"internal","message":"x"})",
        ErrorCode::BadField, "recording");
}

void TestMediaSignaling::refused()
{
    QFETCH(QByteArray, json);
    QFETCH(ErrorCode, code);
    QFETCH(QString, field);
    auto parsed = parseSignal(json);
    QVERIFY(!parsed);
    QCOMPARE(errorCodeName(parsed.error().code), errorCodeName(code));
    QCOMPARE(parsed.error().field, field);
    QVERIFY(!parsed.error().message.isEmpty());
}

void TestMediaSignaling::oversizedLinesRefusedBeforeParsing()
{
    const QByteArray huge = "{\"type\":\"add-peer\",\"peer\":\"b\",\"x\":\""
        + QByteArray(kMaxSignalBytes, 'x') + "\"}";
    auto parsed = parseSignal(huge);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, ErrorCode::TooLarge);
}

void TestMediaSignaling::failureMessagesAreOneLine()
{
    // Errors built from GStreamer's multi-line debug text still make a valid message.
    auto message = SignalMessage::failure(QStringLiteral("b"),
        makeError(
            ErrorCode::Internal, QStringLiteral("first\nsecond\tthird\x01") + QString(2000, u'x')));
    auto parsed = parseSignal(toJson(message));
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QVERIFY(!parsed->error.message.contains(u'\n'));
    QVERIFY(parsed->error.message.size() <= 1024);
}

void TestMediaSignaling::floorDefaults()
{
    // Absent fields: the chamber's own sources, its microphone at full level.
    auto parsed = parseSignal(R"({"type":"floor"})");
    QVERIFY(parsed);
    QCOMPARE(parsed->type, SignalType::Floor);
    QVERIFY(parsed->peer.isEmpty());
    QCOMPARE(parsed->chamberAudio, 100);
    parsed = parseSignal(R"({"type":"floor","peer":"d7"})");
    QVERIFY(parsed);
    QCOMPARE(parsed->peer, QStringLiteral("d7"));
    QCOMPARE(parsed->chamberAudio, 100);
    parsed = parseSignal(R"({"type":"floor","peer":"d7","chamberAudio":0})");
    QVERIFY(parsed);
    QCOMPARE(parsed->chamberAudio, 0);
}

void TestMediaSignaling::relayHelpers()
{
    const QList<SignalType> fromBridge {SignalType::Answer, SignalType::Candidate,
        SignalType::ReturnOffer, SignalType::ReturnCandidate, SignalType::Error};
    const QList<SignalType> toBridge {SignalType::Offer, SignalType::Candidate,
        SignalType::ReturnAnswer, SignalType::ReturnCandidate, SignalType::PeerState,
        SignalType::ReturnState, SignalType::PeerRemoved, SignalType::Error};
    for (SignalType type : {SignalType::Ready, SignalType::AddPeer, SignalType::RemovePeer,
             SignalType::Offer, SignalType::Answer, SignalType::Candidate, SignalType::PeerState,
             SignalType::PeerRemoved, SignalType::Error, SignalType::ReturnOffer,
             SignalType::ReturnAnswer, SignalType::ReturnCandidate, SignalType::ReturnState,
             SignalType::Floor, SignalType::RecordStart, SignalType::RecordStop,
             SignalType::Recorded, SignalType::RecordError}) {
        QVERIFY2(
            isBridgeSignal(type) == fromBridge.contains(type), qPrintable(signalTypeName(type)));
        QVERIFY2(isForBridge(type) == toBridge.contains(type), qPrintable(signalTypeName(type)));
    }
    // A bridge may never steer the programme or the peers.
    QVERIFY(!isBridgeSignal(SignalType::Floor));
    QVERIFY(!isBridgeSignal(SignalType::AddPeer));
    // Nor start or stop a recording, nor hear of one.
    QVERIFY(!isBridgeSignal(SignalType::RecordStart));
    QVERIFY(!isForBridge(SignalMessage::recordError(
        QStringLiteral("1-2-1"), makeError(ErrorCode::Internal, QStringLiteral("x")))));
    // Errors go to a bridge only when they name it.
    QVERIFY(isForBridge(SignalMessage::failure(
        QStringLiteral("d1"), makeError(ErrorCode::Internal, QStringLiteral("x")))));
    QVERIFY(!isForBridge(
        SignalMessage::failure({}, makeError(ErrorCode::Internal, QStringLiteral("x")))));
    QVERIFY(isForBridge(SignalMessage::returnAnswer(QStringLiteral("d1"), kSdp)));
    QVERIFY(!isForBridge(SignalMessage::floor(QStringLiteral("d1"))));
}

QTEST_GUILESS_MAIN(TestMediaSignaling)
#include "test_media_signaling.moc"
