// Scale-out through a real Janus (the Debian package, config from scripts/janus.sh in a
// temporary dir, free ports, killed at the end): the first bridges get chamber-media's own
// webrtcbin, those beyond --janus-above get Janus's offer through the same signaling and decode
// video and audio through Janus; remove-peer hangs the handle up in Janus; Janus dying is
// reported to each of its bridges (error, peer-state failed, peer-removed) and not a crash,
// the direct bridges keep their programme, and Janus coming back takes bridges again; a
// Janus that answers nonsense is refused with errors naming the field.
#include "janusserver.h"
#include "mediaharness.h"
#include "spin.h"

#include "media/floorswitch.h"
#include "media/gstsupport.h"
#include "media/janusclient.h"
#include "media/peerrouter.h"
#include "media/returnpeer.h"

#include "childprocess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace chamber;
using namespace chamber::media;
using namespace chamber::testing;

namespace {

struct Scene
{
    std::unique_ptr<ProgrammeSender> sender;
    std::unique_ptr<PeerRouter> router;
    std::unique_ptr<MediaHarness> harness;
    QList<SignalMessage> sent; // everything the router sent, in order
};

bool makeScene(Scene *scene, const QList<QUrl> &janus, int above)
{
    const ProgrammeConfig config = smallProgramme();
    auto sender = ProgrammeSender::create(config);
    if (!sender) {
        qWarning() << sender.error().message;
        return false;
    }
    scene->sender = std::move(sender).value();
    scene->router
        = std::make_unique<PeerRouter>(scene->sender.get(), config, ScaleOutConfig {janus, above});
    QObject::connect(scene->router.get(), &PeerRouter::outgoing,
        [scene](const SignalMessage &message) { scene->sent << message; });
    scene->harness = std::make_unique<MediaHarness>(scene->router.get());
    scene->router->start();
    return spinUntil(
        [&] {
            for (const auto &instance : scene->router->janus()) {
                if (!instance->isReady())
                    return false;
            }
            return true;
        },
        15000);
}

QList<SignalMessage> sentTo(const Scene &scene, const QString &peer, SignalType type)
{
    QList<SignalMessage> found;
    for (const SignalMessage &message : scene.sent) {
        if (message.peer == peer && message.type == type)
            found << message;
    }
    return found;
}

bool sawState(const Scene &scene, const QString &peer, const QString &state)
{
    for (const SignalMessage &message : sentTo(scene, peer, SignalType::PeerState)) {
        if (message.state == state)
            return true;
    }
    return false;
}

// A bridge's receiver: loopback for chamber-media's own webrtcbin, the namespace's address
// for Janus's.
ReceiverConfig bridge()
{
    ReceiverConfig config = loopbackReceiver();
    config.webrtc.iceAddresses << privateNetworkAddress();
    return config;
}

int viewers(JanusInstance *instance)
{
    int count = -2;
    instance->queryViewers([&](int n) { count = n; });
    spinUntil([&] { return count != -2; }, 5000);
    return count;
}

} // namespace

class TestMediaJanus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void directFirstThenThroughJanus();
    void janusDyingIsReportedAndSurvived();
    void theProcessThroughJanus();
    void aBridgeThroughJanusSendsItsReturn();
    void malformedJanusRepliesAreRefused_data();
    void malformedJanusRepliesAreRefused();
    void optionsAreChecked();

private:
    JanusServer m_janus;
};

void TestMediaJanus::initTestCase()
{
    if (const QString why = JanusServer::missing(); !why.isEmpty())
        QFAIL(qPrintable(why));
    initGStreamer();
    QVERIFY2(m_janus.start(), qPrintable(m_janus.error()));
}

void TestMediaJanus::directFirstThenThroughJanus()
{
    Scene scene;
    QVERIFY2(makeScene(&scene, {m_janus.url()}, 1), "Janus did not get ready (mountpoint)");
    JanusInstance *janus = scene.router->janus().front().get();
    QVERIFY(janus->mountpoint() > 0);

    MediaReceiver *direct = scene.harness->addReceiver(QStringLiteral("site-1"), bridge());
    MediaReceiver *viaJanus2 = scene.harness->addReceiver(QStringLiteral("site-2"), bridge());
    MediaReceiver *viaJanus3 = scene.harness->addReceiver(QStringLiteral("site-3"), bridge());
    QVERIFY(direct && viaJanus2 && viaJanus3);
    QCOMPARE(scene.router->route(QStringLiteral("site-1")), QStringLiteral("direct"));
    QCOMPARE(scene.router->route(QStringLiteral("site-2")), m_janus.url().toString());
    QCOMPARE(scene.router->route(QStringLiteral("site-3")), m_janus.url().toString());
    const bool decoding = waitForMoreMedia({direct, viaJanus2, viaJanus3}, 15, 40000);
    if (!decoding) {
        for (const SignalMessage &message : scene.sent)
            qInfo().noquote() << toJson(message).left(3000);
        qInfo().noquote() << m_janus.log().right(4000);
    }
    QVERIFY2(decoding, qPrintable(scene.harness->errors().join(u'\n')));
    QVERIFY2(scene.harness->errors().isEmpty(), qPrintable(scene.harness->errors().join(u'\n')));

    // Janus's offer, as the bridge got it: H.264 constrained baseline and Opus, send-only,
    // bundled, with NACK and PLI/FIR feedback; Janus's candidates came trickled.
    const QList<SignalMessage> offers = sentTo(scene, QStringLiteral("site-2"), SignalType::Offer);
    QCOMPARE(offers.size(), 1);
    const QString sdp = offers.first().sdp;
    qInfo().noquote() << "Janus's offer:\n" << sdp;
    for (const char *line : {"a=rtpmap:96 H264/90000", "profile-level-id=42e0",
             "packetization-mode=1", "a=rtpmap:111 opus/48000/2", "a=rtcp-fb:96 nack",
             "a=rtcp-fb:96 nack pli", "a=rtcp-fb:96 ccm fir", "a=sendonly", "a=group:BUNDLE"})
        QVERIFY2(sdp.contains(QLatin1String(line)), line);
    QVERIFY(
        sdp.contains(QLatin1String("s=Mountpoint")) && sdp.contains(QLatin1String("cname:janus")));
    QVERIFY(!sentTo(scene, QStringLiteral("site-2"), SignalType::Candidate).isEmpty());
    for (const SignalMessage &candidate :
        sentTo(scene, QStringLiteral("site-2"), SignalType::Candidate))
        QVERIFY2(
            candidate.candidate.contains(privateNetworkAddress()), qPrintable(candidate.candidate));
    QVERIFY(sawState(scene, QStringLiteral("site-2"), QStringLiteral("connecting")));
    QVERIFY(sawState(scene, QStringLiteral("site-2"), QStringLiteral("connected")));
    QVERIFY(sawState(scene, QStringLiteral("site-3"), QStringLiteral("connected")));
    // The direct one is chamber-media's own webrtcbin: its offer is GStreamer's.
    const QString directSdp
        = sentTo(scene, QStringLiteral("site-1"), SignalType::Offer).first().sdp;
    QVERIFY(!directSdp.contains(QLatin1String("cname:janus")));
    QCOMPARE(viewers(janus), 2);
    QCOMPARE(scene.sender->peers(), QStringList {QStringLiteral("site-1")});

    // remove-peer: the handle is detached (Janus hangs its PeerConnection up), the others go on.
    scene.harness->removeReceiver(QStringLiteral("site-2"));
    QVERIFY(spinUntil(
        [&] { return scene.harness->removedPeers().contains(QStringLiteral("site-2")); }, 10000));
    QVERIFY(spinUntil([&] { return viewers(janus) == 1; }, 10000));
    QVERIFY(scene.router->route(QStringLiteral("site-2")).isEmpty());
    QVERIFY(waitForMoreMedia({direct, viaJanus3}, 15, 20000));
    // Refused signaling for a Janus peer changes nothing.
    QCOMPARE(scene.router
                 ->handle(SignalMessage::answer(QStringLiteral("site-3"),
                     QStringLiteral("v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n")))
                 .error()
                 .code,
        ErrorCode::Conflict);
    QCOMPARE(scene.router->handle(SignalMessage::addPeer(QStringLiteral("site-3"))).error().code,
        ErrorCode::Conflict);
    QCOMPARE(scene.router->handle(SignalMessage::removePeer(QStringLiteral("nobody"))).error().code,
        ErrorCode::NotFound);
    QVERIFY(waitForMoreMedia({viaJanus3}, 5, 10000));
    QVERIFY2(scene.harness->errors().isEmpty(), qPrintable(scene.harness->errors().join(u'\n')));
}

void TestMediaJanus::janusDyingIsReportedAndSurvived()
{
    JanusServer doomed;
    QVERIFY2(doomed.start(), qPrintable(doomed.error()));
    Scene scene;
    QVERIFY2(makeScene(&scene, {doomed.url()}, 1), "Janus did not get ready");
    MediaReceiver *direct = scene.harness->addReceiver(QStringLiteral("site-1"), bridge());
    MediaReceiver *viaJanus = scene.harness->addReceiver(QStringLiteral("site-2"), bridge());
    QVERIFY(direct && viaJanus);
    QVERIFY(waitForMoreMedia({direct, viaJanus}, 10, 40000));

    doomed.kill();
    // The bridge on Janus hears why, sees "failed", and its peer is gone; chamber-media lives.
    QVERIFY(spinUntil(
        [&] { return scene.harness->removedPeers().contains(QStringLiteral("site-2")); }, 15000));
    const QList<SignalMessage> errors = sentTo(scene, QStringLiteral("site-2"), SignalType::Error);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().error.code, ErrorCode::Unavailable);
    QVERIFY2(errors.first().error.message.contains(QLatin1String("Janus")),
        qPrintable(errors.first().error.message));
    QVERIFY(sawState(scene, QStringLiteral("site-2"), QStringLiteral("failed")));
    QVERIFY(!scene.router->janus().front()->isReady());
    // The direct bridge keeps its programme; a bridge beyond the direct ones is refused clearly.
    QVERIFY(waitForMoreMedia({direct}, 15, 10000));
    auto refused = scene.router->handle(SignalMessage::addPeer(QStringLiteral("site-3")));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Unavailable);
    QVERIFY2(refused.error().message.contains(QLatin1String("no Janus server is up")),
        qPrintable(refused.error().message));

    // Janus back on the same port: the instance makes a new mountpoint and takes bridges again.
    QVERIFY2(doomed.start(), qPrintable(doomed.error()));
    QVERIFY(spinUntil([&] { return scene.router->janus().front()->isReady(); }, 20000));
    MediaReceiver *again = scene.harness->addReceiver(QStringLiteral("site-2"), bridge());
    QVERIFY(again);
    QVERIFY2(waitForMoreMedia({direct, again}, 10, 40000),
        qPrintable(scene.harness->errors().join(u'\n')));
}

void TestMediaJanus::theProcessThroughJanus()
{
    // chamber-media as chamberd runs it: ready only once the Janus is up, then the first
    // bridge direct and the second through Janus, all over its pipes.
    spinUntil([] { return false; }, 500); // the previous test's sessions are gone
    const qsizetype logBefore = m_janus.log().size();
    MediaProcess media;
    QVERIFY(media.start(smallMediaOptions()
        + QStringList {QStringLiteral("--janus"), m_janus.url().toString(),
            QStringLiteral("--janus-above"), QStringLiteral("1")}));
    MediaReceiver *direct = media.addReceiver(QStringLiteral("site-1"), bridge());
    MediaReceiver *viaJanus = media.addReceiver(QStringLiteral("site-2"), bridge());
    QVERIFY(direct && viaJanus);
    QVERIFY(waitForMoreMedia({direct, viaJanus}, 10, 40000));
    QVERIFY(media.errors().isEmpty());
    QVERIFY(media.badLines().isEmpty());
    // End of stdin: the mountpoint is destroyed, then the socket closed (no request reaches
    // Janus after its session is gone), exit 0.
    media.process().closeWriteChannel();
    QVERIFY(spinUntil([&] { return media.process().state() == QProcess::NotRunning; }, 15000));
    QCOMPARE(media.process().exitCode(), 0);
    QVERIFY2(!m_janus.log().mid(logBefore).contains(QLatin1String("Couldn't find any session")),
        "a request came after the session was gone");

    QProcess bad;
    chamber::testing::dieWithTest(bad);
    bad.start(mediaProcessProgram(), {QStringLiteral("--janus"), QStringLiteral("http://x:1")});
    QVERIFY(bad.waitForFinished(10000));
    QCOMPARE(bad.exitCode(), 2);
    QVERIFY(bad.readAllStandardError().contains("--janus must be ws://HOST:PORT"));
}

void TestMediaJanus::aBridgeThroughJanusSendsItsReturn()
{
    // The programme reaches the bridge through Janus, its return comes straight back to
    // chamber-media: return-offer and floor must know it although the sender does not serve it.
    Scene scene;
    QVERIFY2(makeScene(&scene, {m_janus.url()}, 1), "Janus did not get ready");
    MediaReceiver *direct = scene.harness->addReceiver(QStringLiteral("site-1"), bridge());
    MediaReceiver *viaJanus = scene.harness->addReceiver(QStringLiteral("site-2"), bridge());
    QVERIFY(direct && viaJanus);
    QVERIFY(waitForMoreMedia({direct, viaJanus}, 10, 40000));
    QCOMPARE(scene.router->route(QStringLiteral("site-2")), m_janus.url().toString());
    QVERIFY(scene.harness->addReturn(QStringLiteral("site-2"), loopbackReturn(0xff0000ff)));
    QVERIFY2(
        spinUntil(
            [&] { return scene.harness->returnState(QStringLiteral("site-2")) == u"connected"; },
            30000),
        qPrintable(scene.harness->errors().join(u'\n')));
    QVERIFY(scene.harness->floor(QStringLiteral("site-2")));
    FloorSwitch *floor = scene.sender->floor();
    QVERIFY(spinUntil([&] { return floor->shownPeer() == u"site-2"; }, 15000));
    // On air for the direct bridge and for those through Janus alike.
    QVERIFY(waitForMoreMedia({direct, viaJanus}, 15, 20000));
    QVERIFY(floor->returnPeer(QStringLiteral("site-2"))->decodedFrames() > 0);

    // remove-peer of a Janus bridge ends its return too: the chamber is on air.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("left: the programme")));
    scene.harness->removeReceiver(QStringLiteral("site-2"));
    QVERIFY(spinUntil(
        [&] { return scene.harness->removedPeers().contains(QStringLiteral("site-2")); }, 10000));
    QVERIFY(floor->returns().isEmpty());
    QVERIFY(floor->shownPeer().isEmpty());
    QVERIFY(floor->floorPeer().isEmpty());
    // Once gone, it is unknown again.
    QCOMPARE(scene.router->handle(SignalMessage::floor(QStringLiteral("site-2"))).error().code,
        ErrorCode::NotFound);
    QVERIFY(waitForMoreMedia({direct}, 15, 10000));
    QVERIFY2(scene.harness->errors().isEmpty(), qPrintable(scene.harness->errors().join(u'\n')));
}

void TestMediaJanus::malformedJanusRepliesAreRefused_data()
{
    QTest::addColumn<QByteArray>("reply"); // Janus's answer to the session's "create"
    QTest::addColumn<QString>("expected"); // in the error down() reports
    QTest::newRow("not json") << QByteArray("{\"janus\":") << QStringLiteral("no JSON");
    QTest::newRow("array") << QByteArray("[1]") << QStringLiteral("no JSON object");
    QTest::newRow("unknown kind") << QByteArray("{\"janus\":\"welcome\",\"transaction\":\"T\"}")
                                  << QStringLiteral("unknown");
    QTest::newRow("negative id") << QByteArray(
        "{\"janus\":\"success\",\"transaction\":\"T\",\"data\":{\"id\":-4}}")
                                 << QStringLiteral("data.id");
    QTest::newRow("string id") << QByteArray(
        "{\"janus\":\"success\",\"transaction\":\"T\",\"data\":{\"id\":\"7\"}}")
                               << QStringLiteral("data.id");
    QTest::newRow("no session id") << QByteArray("{\"janus\":\"success\",\"transaction\":\"T\"}")
                                   << QStringLiteral("created no session");
    QTest::newRow("error without reason")
        << QByteArray("{\"janus\":\"error\",\"transaction\":\"T\",\"error\":{\"code\":490}}")
        << QStringLiteral("error.reason");
    QTest::newRow("refusal") << QByteArray(
        "{\"janus\":\"error\",\"transaction\":\"T\",\"error\":{\"code\":403,"
        "\"reason\":\"Unauthorized request\"}}")
                             << QStringLiteral("Unauthorized request (403)");
    QTest::newRow("silence") << QByteArray() << QStringLiteral("did not answer");
}

void TestMediaJanus::malformedJanusRepliesAreRefused()
{
    QFETCH(QByteArray, reply);
    QFETCH(QString, expected);
    // A fake Janus: answers the session's create with `reply` (its transaction put in).
    QWebSocketServer server(QStringLiteral("fake-janus"), QWebSocketServer::NonSecureMode);
    server.setSupportedSubprotocols({QStringLiteral("janus-protocol")});
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QList<QWebSocket *> sockets;
    connect(&server, &QWebSocketServer::newConnection, this, [&] {
        QWebSocket *socket = server.nextPendingConnection();
        sockets << socket;
        connect(
            socket, &QWebSocket::textMessageReceived, socket, [socket, reply](const QString &text) {
                const QJsonObject request = QJsonDocument::fromJson(text.toUtf8()).object();
                QByteArray answer = reply;
                const QByteArray transaction
                    = request.value(QStringLiteral("transaction")).toString().toUtf8();
                answer.replace(QByteArray("\"T\""), QByteArray('"' + transaction + '"'));
                if (!answer.isEmpty())
                    socket->sendTextMessage(QString::fromUtf8(answer));
            });
    });
    JanusClient client(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server.serverPort())));
    client.setRequestTimeoutMs(1500);
    QSignalSpy down(&client, &JanusClient::down);
    QSignalSpy ready(&client, &JanusClient::sessionReady);
    client.open();
    QVERIFY(spinUntil([&] { return !down.isEmpty(); }, 10000));
    QVERIFY(ready.isEmpty());
    QVERIFY(!client.isReady());
    const Error error = down.first().first().value<Error>();
    QVERIFY2(error.message.contains(expected), qPrintable(error.message));
    QCOMPARE(error.code == ErrorCode::Unavailable || error.code == ErrorCode::BadField
            || error.code == ErrorCode::BadJson || error.code == ErrorCode::NotAnObject
            || error.code == ErrorCode::UnknownType || error.code == ErrorCode::MissingField,
        true);
    qDeleteAll(sockets);
}

void TestMediaJanus::optionsAreChecked()
{
    QVERIFY(parseScaleOut({QStringLiteral("ws://127.0.0.1:8188")}, QStringLiteral("20")));
    QCOMPARE(parseScaleOut({QStringLiteral("http://127.0.0.1:8088")}, {}).error().field,
        QStringLiteral("janus"));
    QCOMPARE(parseScaleOut({QStringLiteral("ws://127.0.0.1")}, {}).error().field,
        QStringLiteral("janus"));
    QCOMPARE(
        parseScaleOut({QStringLiteral("ws://a:1"), QStringLiteral("ws://a:1")}, {}).error().field,
        QStringLiteral("janus"));
    QCOMPARE(parseScaleOut({QStringLiteral("ws://a:1")}, QStringLiteral("-1")).error().field,
        QStringLiteral("janus-above"));
    QCOMPARE(parseScaleOut({}, QStringLiteral("3")).error().field, QStringLiteral("janus-above"));
    ProgrammeConfig config;
    QCOMPARE(mountpointFor(config).h264Fmtp,
        QStringLiteral("profile-level-id=42e01f;packetization-mode=1"));
    config.width = 1920;
    config.height = 1080;
    QCOMPARE(mountpointFor(config).h264Fmtp,
        QStringLiteral("profile-level-id=42e028;packetization-mode=1"));
}

int main(int argc, char **argv)
{
    // Janus offers no loopback candidates: the whole test runs in a network namespace of its
    // own with a veth address (JanusServer).
    reexecInPrivateNetwork(argc, argv);
    QCoreApplication app(argc, argv);
    TestMediaJanus test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "test_media_janus.moc"
