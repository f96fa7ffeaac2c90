// Janus's WebSocket API as chamber-media reads it: every kind it acts on, the streaming
// plugin's replies (created, info, event, errors), and some 35 malformed messages refused with
// a code and the field, none of which yields a message.
#include "media/janusmessage.h"

#include <QJsonDocument>
#include <QTest>

using namespace chamber;
using namespace chamber::media;

namespace {
const QByteArray kSdp = "v=0\\r\\no=- 1 1 IN IP4 10.0.0.1\\r\\ns=Mountpoint 1\\r\\nt=0 0\\r\\n"
                        "m=video 9 UDP/TLS/RTP/SAVPF 96\\r\\nc=IN IP4 10.0.0.1\\r\\n";
const QByteArray kCandidate = "candidate:1 1 udp 2015363327 10.0.0.1 26614 typ host";

Result<JanusMessage> parse(const QByteArray &json)
{
    return parseJanusMessage(json);
}
} // namespace

class TestMediaJanusMessage : public QObject
{
    Q_OBJECT

private slots:
    void readsEveryKind();
    void readsStreamingReplies();
    void refusesMalformed_data();
    void refusesMalformed();
    void refusesMalformedStreamingReplies_data();
    void refusesMalformedStreamingReplies();
    void writesRequests();
};

void TestMediaJanusMessage::readsEveryKind()
{
    auto success = parseJanusMessage(
        R"({"janus":"success","transaction":"c1","data":{"id":8156318174693675}})");
    QVERIFY(success);
    QCOMPARE(success->kind, JanusKind::Success);
    QCOMPARE(success->transaction, QStringLiteral("c1"));
    QCOMPARE(success->dataId, 8156318174693675LL);

    auto error = parseJanusMessage(
        R"({"janus":"error","transaction":"c2","error":{"code":458,"reason":"No such session"}})");
    QVERIFY(error);
    QCOMPARE(error->kind, JanusKind::Error);
    QVERIFY(error->error.message.contains(QLatin1String("No such session (458)")));
    QCOMPARE(error->error.details.first().toInt(), 458);

    QCOMPARE(parseJanusMessage(R"({"janus":"ack","session_id":5,"transaction":"c3"})")->kind,
        JanusKind::Ack);

    auto offer = parse(R"({"janus":"event","session_id":5,"sender":7,"transaction":"c4",)"
                       R"("plugindata":{"plugin":"janus.plugin.streaming","data":)"
                       R"({"streaming":"event","result":{"status":"preparing"}}},)"
                       R"("jsep":{"type":"offer","sdp":")"
        + kSdp + R"("}})");
    QVERIFY2(offer, qPrintable(offer ? QString() : offer.error().message));
    QCOMPARE(offer->kind, JanusKind::Event);
    QCOMPARE(offer->sender, 7);
    QCOMPARE(offer->jsepType, QStringLiteral("offer"));
    QVERIFY(offer->jsepSdp.startsWith(QLatin1String("v=0\r\n")));
    QCOMPARE(parseStreamingReply(*offer)->status, QStringLiteral("preparing"));

    auto trickle = parse(R"({"janus":"trickle","session_id":5,"sender":7,)"
                         R"("candidate":{"sdpMid":"v","sdpMLineIndex":0,"candidate":")"
        + kCandidate + R"("}})");
    QVERIFY(trickle);
    QCOMPARE(trickle->mline, 0);
    QCOMPARE(trickle->candidate, QString::fromLatin1(kCandidate));
    auto completed = parseJanusMessage(
        R"({"janus":"trickle","session_id":5,"sender":7,"candidate":{"completed":true}})");
    QVERIFY(completed && completed->candidatesCompleted);

    QCOMPARE(parseJanusMessage(R"({"janus":"webrtcup","session_id":5,"sender":7})")->kind,
        JanusKind::WebrtcUp);
    auto media = parseJanusMessage(
        R"({"janus":"media","session_id":5,"sender":7,"mid":"v","type":"video","receiving":true})");
    QVERIFY(media && media->receiving && media->mediaType == QLatin1String("video"));
    auto hangup = parseJanusMessage(
        R"({"janus":"hangup","session_id":5,"sender":7,"reason":"DTLS alert"})");
    QVERIFY(hangup);
    QCOMPARE(hangup->reason, QStringLiteral("DTLS alert"));
    QCOMPARE(
        parseJanusMessage(R"({"janus":"slowlink","session_id":5,"sender":7,"uplink":false})")->kind,
        JanusKind::SlowLink);
    QCOMPARE(parseJanusMessage(R"({"janus":"detached","session_id":5,"sender":7})")->kind,
        JanusKind::Detached);
    QCOMPARE(parseJanusMessage(R"({"janus":"timeout","session_id":5})")->kind, JanusKind::Timeout);
    // Fields this reader does not use are ignored: Janus adds some between versions.
    QVERIFY(parseJanusMessage(R"({"janus":"webrtcup","session_id":5,"sender":7,"opaque_id":"x"})"));
}

void TestMediaJanusMessage::readsStreamingReplies()
{
    auto created = parseJanusMessage(
        R"({"janus":"success","session_id":5,"sender":6,"transaction":"c5","plugindata":)"
        R"({"plugin":"janus.plugin.streaming","data":{"streaming":"created","create":"x",)"
        R"("permanent":false,"stream":{"id":99,"type":"live","ports":[{"type":"video","mid":"v",)"
        R"("port":30000},{"type":"audio","mid":"a","port":30001}]}}}})");
    QVERIFY(created);
    auto reply = parseStreamingReply(*created);
    QVERIFY2(reply, qPrintable(reply ? QString() : reply.error().message));
    QCOMPARE(reply->what, QStringLiteral("created"));
    QCOMPARE(reply->mountpointId, 99);
    QCOMPARE(reply->videoPort, 30000);
    QCOMPARE(reply->audioPort, 30001);

    auto info = parseJanusMessage(
        R"({"janus":"success","transaction":"c6","plugindata":{"plugin":"janus.plugin.streaming",)"
        R"("data":{"streaming":"info","info":{"id":99,"viewers":3}}}})");
    QCOMPARE(parseStreamingReply(*info)->viewers, 3);

    auto refused = parseJanusMessage(
        R"({"janus":"event","sender":6,"transaction":"c7","plugindata":{"plugin":)"
        R"("janus.plugin.streaming","data":{"streaming":"event","error_code":455,)"
        R"("error":"No such mountpoint/stream 4"}}})");
    QVERIFY(refused);
    auto error = parseStreamingReply(*refused);
    QVERIFY(!error);
    QVERIFY(error.error().message.contains(QLatin1String("No such mountpoint/stream 4 (455)")));
}

void TestMediaJanusMessage::refusesMalformed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("field");
    const auto row
        = [](const char *name, const QByteArray &json, ErrorCode code, const char *field) {
              QTest::newRow(name) << json << code << QString::fromLatin1(field);
          };
    row("empty", "", ErrorCode::BadJson, "");
    row("not json", "{\"janus\":", ErrorCode::BadJson, "");
    row("scalar", "42", ErrorCode::BadJson, "");
    row("array", "[{\"janus\":\"ack\"}]", ErrorCode::NotAnObject, "");
    row("too large", "{\"janus\":\"ack\",\"x\":\"" + QByteArray(kMaxJanusMessageBytes, 'a') + "\"}",
        ErrorCode::TooLarge, "");
    row("no kind", R"({"transaction":"c1"})", ErrorCode::MissingField, "janus");
    row("kind number", R"({"janus":1})", ErrorCode::BadField, "janus");
    row("unknown kind", R"({"janus":"keepalive"})", ErrorCode::UnknownType, "janus");
    row("transaction number", R"({"janus":"ack","transaction":5})", ErrorCode::BadField,
        "transaction");
    row("transaction long", "{\"janus\":\"ack\",\"transaction\":\"" + QByteArray(65, 't') + "\"}",
        ErrorCode::BadField, "transaction");
    row("session string", R"({"janus":"ack","session_id":"5"})", ErrorCode::BadField, "session_id");
    row("session zero", R"({"janus":"ack","session_id":0})", ErrorCode::BadField, "session_id");
    row("session fraction", R"({"janus":"ack","session_id":1.5})", ErrorCode::BadField,
        "session_id");
    row("session huge", R"({"janus":"ack","session_id":1e300})", ErrorCode::BadField, "session_id");
    row("sender negative", R"({"janus":"webrtcup","sender":-7})", ErrorCode::BadField, "sender");
    row("data id string", R"({"janus":"success","data":{"id":"7"}})", ErrorCode::BadField,
        "data.id");
    row("data not object", R"({"janus":"success","data":[1]})", ErrorCode::BadField, "data");
    row("error missing", R"({"janus":"error"})", ErrorCode::MissingField, "error");
    row("error code string", R"({"janus":"error","error":{"code":"x","reason":"r"}})",
        ErrorCode::BadField, "error.code");
    row("error no reason", R"({"janus":"error","error":{"code":1}})", ErrorCode::MissingField,
        "error.reason");
    row("event no sender", R"({"janus":"event","plugindata":{"plugin":"p","data":{}}})",
        ErrorCode::MissingField, "sender");
    row("plugindata no data", R"({"janus":"event","sender":1,"plugindata":{"plugin":"p"}})",
        ErrorCode::MissingField, "plugindata.data");
    row("plugindata plugin number",
        R"({"janus":"event","sender":1,"plugindata":{"plugin":1,"data":{}}})", ErrorCode::BadField,
        "plugindata.plugin");
    row("jsep not object", R"({"janus":"event","sender":1,"jsep":"offer"})", ErrorCode::BadField,
        "jsep");
    row("jsep type", R"({"janus":"event","sender":1,"jsep":{"type":"pranswer","sdp":"v=0"}})",
        ErrorCode::BadField, "jsep.type");
    row("jsep no sdp", R"({"janus":"event","sender":1,"jsep":{"type":"offer"}})",
        ErrorCode::MissingField, "jsep.sdp");
    row("jsep sdp garbage", R"({"janus":"event","sender":1,"jsep":{"type":"offer","sdp":"hello"}})",
        ErrorCode::BadField, "jsep.sdp");
    row("jsep sdp control",
        "{\"janus\":\"event\",\"sender\":1,\"jsep\":{\"type\":\"offer\",\"sdp\":\"v=0\\r\\nm=video "
        "9 X 96\\u0007\\r\\n\"}}",
        ErrorCode::BadField, "jsep.sdp");
    row("trickle no candidate", R"({"janus":"trickle","sender":1})", ErrorCode::MissingField,
        "candidate");
    row("trickle no mline",
        R"({"janus":"trickle","sender":1,"candidate":{"candidate":"candidate:1"}})",
        ErrorCode::MissingField, "candidate.sdpMLineIndex");
    row("trickle mline range",
        R"({"janus":"trickle","sender":1,"candidate":{"sdpMLineIndex":64,"candidate":"candidate:1"}})",
        ErrorCode::BadField, "candidate.sdpMLineIndex");
    row("trickle multi-line",
        "{\"janus\":\"trickle\",\"sender\":1,\"candidate\":{\"sdpMLineIndex\":0,\"candidate\":"
        "\"candidate:1\\na=x\"}}",
        ErrorCode::BadField, "candidate.candidate");
    row("trickle completed string",
        R"({"janus":"trickle","sender":1,"candidate":{"completed":"yes"}})", ErrorCode::BadField,
        "candidate.completed");
    row("trickle no sender", R"({"janus":"trickle","candidate":{"completed":true}})",
        ErrorCode::MissingField, "sender");
    row("media receiving string",
        R"({"janus":"media","sender":1,"type":"video","receiving":"yes"})", ErrorCode::BadField,
        "receiving");
    row("media no type", R"({"janus":"media","sender":1,"receiving":true})",
        ErrorCode::MissingField, "type");
    row("hangup reason number", R"({"janus":"hangup","sender":1,"reason":3})", ErrorCode::BadField,
        "reason");
    row("hangup no sender", R"({"janus":"hangup","reason":"x"})", ErrorCode::MissingField,
        "sender");
}

void TestMediaJanusMessage::refusesMalformed()
{
    QFETCH(QByteArray, json);
    QFETCH(ErrorCode, code);
    QFETCH(QString, field);
    auto message = parseJanusMessage(json);
    QVERIFY(!message);
    QCOMPARE(errorCodeName(message.error().code), errorCodeName(code));
    QCOMPARE(message.error().field, field);
    QVERIFY(!message.error().message.isEmpty());
}

void TestMediaJanusMessage::refusesMalformedStreamingReplies_data()
{
    QTest::addColumn<QByteArray>("data"); // plugindata.data of the streaming plugin
    QTest::addColumn<QString>("field");
    QTest::newRow("no streaming") << QByteArray(R"({})")
                                  << QStringLiteral("plugindata.data.streaming");
    QTest::newRow("created no stream")
        << QByteArray(R"({"streaming":"created"})") << QStringLiteral("plugindata.data.stream");
    QTest::newRow("created id string")
        << QByteArray(R"({"streaming":"created","stream":{"id":"9","ports":[]}})")
        << QStringLiteral("plugindata.data.stream.id");
    QTest::newRow("created no id") << QByteArray(R"({"streaming":"created","stream":{"ports":[]}})")
                                   << QStringLiteral("plugindata.data.stream.id");
    QTest::newRow("created ports object")
        << QByteArray(R"({"streaming":"created","stream":{"id":9,"ports":{}}})")
        << QStringLiteral("plugindata.data.stream.ports");
    QTest::newRow("created port range") << QByteArray(
        R"({"streaming":"created","stream":{"id":9,"ports":[{"type":"video","port":70000}]}})")
                                        << QStringLiteral("plugindata.data.stream.ports[].port");
    QTest::newRow("created no audio port") << QByteArray(
        R"({"streaming":"created","stream":{"id":9,"ports":[{"type":"video","port":7000}]}})")
                                           << QStringLiteral("plugindata.data.stream.ports");
    QTest::newRow("error code string")
        << QByteArray(R"({"streaming":"event","error_code":"x","error":"y"})")
        << QStringLiteral("plugindata.data.error_code");
    QTest::newRow("info viewers negative")
        << QByteArray(R"({"streaming":"info","info":{"id":9,"viewers":-1}})")
        << QStringLiteral("plugindata.data.info.viewers");
    QTest::newRow("event status number")
        << QByteArray(R"({"streaming":"event","result":{"status":1}})")
        << QStringLiteral("plugindata.data.result.status");
}

void TestMediaJanusMessage::refusesMalformedStreamingReplies()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, field);
    auto message = parse(
        R"({"janus":"success","transaction":"c1","plugindata":{"plugin":"janus.plugin.streaming","data":)"
        + data + "}}");
    QVERIFY(message);
    auto reply = parseStreamingReply(*message);
    QVERIFY(!reply);
    QCOMPARE(reply.error().field, field);
    // Another plugin's reply is not the streaming plugin's.
    message->plugin = QStringLiteral("janus.plugin.videoroom");
    QCOMPARE(parseStreamingReply(*message).error().field, QStringLiteral("plugindata.plugin"));
}

void TestMediaJanusMessage::writesRequests()
{
    const QByteArray json = janusRequest(QStringLiteral("message"), QStringLiteral("c9"), 5, 7,
        {{QStringLiteral("body"),
            QJsonObject {{QStringLiteral("request"), QStringLiteral("watch")}}}});
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    QCOMPARE(object.value(QStringLiteral("janus")).toString(), QStringLiteral("message"));
    QCOMPARE(object.value(QStringLiteral("transaction")).toString(), QStringLiteral("c9"));
    QCOMPARE(object.value(QStringLiteral("session_id")).toInteger(), 5);
    QCOMPARE(object.value(QStringLiteral("handle_id")).toInteger(), 7);
    const QJsonObject create
        = QJsonDocument::fromJson(janusRequest(QStringLiteral("create"), QStringLiteral("c1")))
              .object();
    QVERIFY(!create.contains(QStringLiteral("session_id")));
    QVERIFY(!create.contains(QStringLiteral("handle_id")));
}

QTEST_GUILESS_MAIN(TestMediaJanusMessage)
#include "test_media_janusmessage.moc"
