// The video programme through the real chamberd: chamberd runs chamber-media (test sources) as
// its child and relays signaling over the authenticated WebSocket. A bridge device joins and
// decodes video and audio; other roles, the admin and unauthenticated clients get no media;
// malformed or foreign signals are refused and change nothing; a revoked bridge is cut off;
// when chamber-media is killed, chamberd starts it again and the bridge gets a new offer.
#include "enroll.h"
#include "mediaharness.h"
#include "restcall.h"
#include "serverprocess.h"
#include "spin.h"
#include "wsclient.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <memory>

using namespace chamber;
using namespace chamber::testing;

namespace {

// A bridge site as the kiosk will be: a device session on /ws and a MediaReceiver answering
// the offers chamberd relays, sending its answer and candidates back as media.signal.
class BridgeSession
{
public:
    BridgeSession(ServerProcess &server, const QString &credential)
        : m_ws(server.pin())
    {
        m_ok = m_ws.connectAndHello(server.wsUrl(), credential.toUtf8());
        m_pump.setInterval(5);
        QObject::connect(&m_pump, &QTimer::timeout, [this] { pump(); });
        m_pump.start();
    }

    bool connected() const { return m_ok; }
    WsClient &ws() { return m_ws; }
    QJsonObject join()
    {
        const QJsonObject reply
            = m_ws.request(QJsonObject {{QStringLiteral("type"), QStringLiteral("media.join")},
                {QStringLiteral("meeting"), 1}});
        m_peer = reply.value(QLatin1String("result"))
                     .toObject()
                     .value(QLatin1String("peer"))
                     .toString();
        return reply;
    }
    QString peer() const { return m_peer; }
    media::MediaReceiver *receiver() const { return m_receiver.get(); }
    int offers() const { return m_offers; }
    QStringList statuses() const { return m_statuses; }
    QStringList refusals() const { return m_refusals; }

    QJsonObject sendSignal(const QJsonObject &signal)
    {
        return m_ws.request(QJsonObject {{QStringLiteral("type"), QStringLiteral("media.signal")},
            {QStringLiteral("meeting"), 1}, {QStringLiteral("signal"), signal}});
    }

private:
    void pump()
    {
        const QList<QJsonObject> received = m_ws.received();
        for (; m_seen < received.size(); ++m_seen) {
            const QJsonObject message = received.at(m_seen);
            const QString type = message.value(QLatin1String("type")).toString();
            if (type == QLatin1String("media.status"))
                m_statuses << message.value(QLatin1String("state")).toString();
            if (type == QLatin1String("error"))
                m_refusals << message.value(QLatin1String("code")).toString();
            if (type != QLatin1String("media.signal"))
                continue;
            auto signal = media::parseSignal(
                QJsonDocument(message.value(QLatin1String("signal")).toObject())
                    .toJson(QJsonDocument::Compact));
            QVERIFY2(signal, "chamberd relayed a signal that does not parse");
            if (signal->type == media::SignalType::Offer) {
                // A new offer is a new connection (chamber-media restarted, or joined again).
                ++m_offers;
                m_receiver.reset();
                auto created = media::MediaReceiver::create(m_peer, loopbackReceiver());
                QVERIFY(created);
                m_receiver = std::move(created.value());
                QObject::connect(m_receiver.get(), &media::MediaReceiver::outgoing,
                    [this](const media::SignalMessage &out) {
                        const QJsonObject reply
                            = QJsonObject {{QStringLiteral("type"), QStringLiteral("media.signal")},
                                {QStringLiteral("meeting"), 1},
                                {QStringLiteral("id"), QStringLiteral("s%1").arg(++m_signalIds)},
                                {QStringLiteral("signal"),
                                    QJsonDocument::fromJson(media::toJson(out)).object()}};
                        m_ws.sendJson(reply);
                    });
            }
            if (m_receiver
                && (signal->type == media::SignalType::Offer
                    || signal->type == media::SignalType::Candidate))
                QVERIFY(m_receiver->handle(signal.value()));
        }
    }

    WsClient m_ws;
    QTimer m_pump;
    bool m_ok = false;
    QString m_peer;
    qsizetype m_seen = 0;
    int m_offers = 0;
    int m_signalIds = 0;
    QStringList m_statuses;
    QStringList m_refusals;
    std::unique_ptr<media::MediaReceiver> m_receiver;
};

bool receivesMedia(BridgeSession &bridge, quint64 frames = 10)
{
    return spinUntil(
        [&] {
            auto *receiver = bridge.receiver();
            return receiver && receiver->stats().videoFrames >= frames
                && receiver->stats().audioBuffers >= frames;
        },
        30000);
}

QString errorCode(const QJsonObject &reply)
{
    return reply.value(QLatin1String("type")).toString() == QLatin1String("error")
        ? reply.value(QLatin1String("code")).toString()
        : QStringLiteral("ok");
}

} // namespace

class TestMediaChamberd : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void bridgeReceivesTheProgramme();
    void onlyBridgesGetMedia();
    void badSignalsAreRefused();
    void revokedBridgeIsCutOff();
    void chamberMediaRestartsAndBridgesRejoin();

private:
    QString enrollBridge() { return enrollDevice(*m_server, 1, QStringLiteral("bridge")); }
    qint64 mediaPid();

    QTemporaryDir m_configDir;
    std::unique_ptr<ServerProcess> m_server;
};

void TestMediaChamberd::initTestCase()
{
    QVERIFY(m_configDir.isValid());
    const QString config = m_configDir.filePath(QStringLiteral("chamberd.conf"));
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("[media]\nenabled = true\nprogram = %1\narguments = %2\n")
                   .arg(mediaProcessProgram(), smallMediaOptions().join(u' '))
                   .toUtf8());
    file.close();
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(m_server->start({QStringLiteral("--demo"), QStringLiteral("--config"), config}));
    QVERIFY2(spinUntil([&] { return mediaPid() > 0; }, 20000), m_server->log().constData());
}

void TestMediaChamberd::cleanupTestCase()
{
    if (QTest::currentTestFailed() || qEnvironmentVariableIsSet("CHAMBER_TEST_LOG"))
        qWarning("%s", m_server->log().right(6000).constData());
    const qint64 pid = mediaPid();
    QCOMPARE(m_server->terminate(), 0);
    // chamberd takes its child with it.
    if (pid > 0)
        QVERIFY(spinUntil([&] { return ::kill(pid_t(pid), 0) != 0; }, 5000));
}

qint64 TestMediaChamberd::mediaPid()
{
    const auto ready = m_server->records(QStringLiteral("chamber-media ready"));
    return ready.isEmpty() ? 0 : ready.last().value(QLatin1String("pid")).toInteger();
}

void TestMediaChamberd::bridgeReceivesTheProgramme()
{
    BridgeSession bridge(*m_server, enrollBridge());
    QVERIFY(bridge.connected());
    const QJsonObject joined = bridge.join();
    QCOMPARE(errorCode(joined), QStringLiteral("ok"));
    QVERIFY(bridge.peer().startsWith(u'd'));
    QCOMPARE(joined.value(QLatin1String("result")).toObject().value(QLatin1String("state")),
        QStringLiteral("running"));
    QVERIFY2(receivesMedia(bridge), m_server->log().right(3000).constData());
    QCOMPARE(bridge.receiver()->stats().videoSize, QSize(320, 240));
    QCOMPARE(bridge.offers(), 1);
    QVERIFY(bridge.refusals().isEmpty());

    // Joining again starts over: a new offer, a new connection, media again.
    QCOMPARE(errorCode(bridge.join()), QStringLiteral("ok"));
    QVERIFY(spinUntil([&] { return bridge.offers() == 2; }, 15000));
    QVERIFY(receivesMedia(bridge));

    // Leaving removes the peer; joining once more works.
    QCOMPARE(errorCode(bridge.ws().request(
                 QJsonObject {{QStringLiteral("type"), QStringLiteral("media.leave")},
                     {QStringLiteral("meeting"), 1}})),
        QStringLiteral("ok"));
    QCOMPARE(errorCode(bridge.join()), QStringLiteral("ok"));
    QVERIFY(spinUntil([&] { return bridge.offers() == 3; }, 15000));
    QVERIFY(receivesMedia(bridge));
}

void TestMediaChamberd::onlyBridgesGetMedia()
{
    const QJsonObject join {
        {QStringLiteral("type"), QStringLiteral("media.join")}, {QStringLiteral("meeting"), 1}};
    // The chair console and a seat's tablet: forbidden.
    WsClient chair(m_server->pin());
    QVERIFY(chair.connectAndHello(
        m_server->wsUrl(), enrollDevice(*m_server, 1, QStringLiteral("chair")).toUtf8()));
    QCOMPARE(errorCode(chair.request(join)), QStringLiteral("forbidden"));
    WsClient delegate(m_server->pin());
    QVERIFY(delegate.connectAndHello(
        m_server->wsUrl(), enrollDevice(*m_server, 1, QStringLiteral("delegate"), 1).toUtf8()));
    QCOMPARE(errorCode(delegate.request(join)), QStringLiteral("forbidden"));
    // The secretary's admin token: media goes to enrolled devices only.
    WsClient admin(m_server->pin());
    QVERIFY(admin.connectAndHello(m_server->wsUrl(), m_server->adminToken()));
    QCOMPARE(errorCode(admin.request(join)), QStringLiteral("forbidden"));
    // Nobody before hello.
    WsClient stranger(m_server->pin());
    QVERIFY(stranger.open(m_server->wsUrl()));
    QCOMPARE(errorCode(stranger.request(join)), QStringLiteral("unauthenticated"));
    // A bridge of another meeting: forbidden (meeting 1 is the only one; ask for 2).
    BridgeSession bridge(*m_server, enrollBridge());
    QCOMPARE(errorCode(bridge.ws().request(
                 QJsonObject {{QStringLiteral("type"), QStringLiteral("media.join")},
                     {QStringLiteral("meeting"), 2}})),
        QStringLiteral("forbidden"));
    // None of them got a single media message.
    for (const QJsonObject &message :
        chair.received() + delegate.received() + admin.received() + stranger.received())
        QVERIFY(!message.value(QLatin1String("type")).toString().startsWith(u"media."));
}

void TestMediaChamberd::badSignalsAreRefused()
{
    BridgeSession bridge(*m_server, enrollBridge());
    QVERIFY(bridge.connected());
    const QJsonObject answer {{QStringLiteral("type"), QStringLiteral("answer")},
        {QStringLiteral("peer"), QStringLiteral("d1")},
        {QStringLiteral("sdp"), QStringLiteral("v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n")}};
    // Before joining.
    QCOMPARE(errorCode(bridge.sendSignal(answer)), QStringLiteral("conflict"));
    QCOMPARE(errorCode(bridge.join()), QStringLiteral("ok"));
    QVERIFY(receivesMedia(bridge));
    const quint64 framesBefore = bridge.receiver()->stats().videoFrames;

    QJsonObject foreign = answer;
    foreign.insert(QStringLiteral("peer"),
        bridge.peer() == QLatin1String("d1") ? QStringLiteral("d2") : QStringLiteral("d1"));
    QJsonObject reply = bridge.sendSignal(foreign);
    QCOMPARE(errorCode(reply), QStringLiteral("forbidden"));
    QCOMPARE(reply.value(QLatin1String("field")), QStringLiteral("signal.peer"));

    QJsonObject control {{QStringLiteral("type"), QStringLiteral("remove-peer")},
        {QStringLiteral("peer"), bridge.peer()}};
    reply = bridge.sendSignal(control);
    QCOMPARE(errorCode(reply), QStringLiteral("forbidden"));
    QCOMPARE(reply.value(QLatin1String("field")), QStringLiteral("signal.type"));

    QJsonObject badSdp = answer;
    badSdp.insert(QStringLiteral("peer"), bridge.peer());
    badSdp.insert(QStringLiteral("sdp"), QStringLiteral("not an sdp"));
    reply = bridge.sendSignal(badSdp);
    QCOMPARE(errorCode(reply), QStringLiteral("bad_field"));
    QCOMPARE(reply.value(QLatin1String("field")), QStringLiteral("signal.sdp"));

    reply = bridge.sendSignal(QJsonObject {{QStringLiteral("type"), QStringLiteral("warp")}});
    QCOMPARE(errorCode(reply), QStringLiteral("unknown_type"));
    QCOMPARE(reply.value(QLatin1String("field")), QStringLiteral("signal.type"));

    // None of it reached chamber-media: the programme runs on undisturbed.
    QVERIFY(spinUntil(
        [&] { return bridge.receiver()->stats().videoFrames > framesBefore + 15; }, 10000));
    QCOMPARE(bridge.offers(), 1);
}

void TestMediaChamberd::revokedBridgeIsCutOff()
{
    BridgeSession bridge(*m_server, enrollBridge());
    QCOMPARE(errorCode(bridge.join()), QStringLiteral("ok"));
    QVERIFY(receivesMedia(bridge));
    const QString device = bridge.peer().mid(1);
    const RestResponse revoked = restCall("DELETE",
        m_server->baseUrl() + QStringLiteral("/api/v1/meetings/1/devices/") + device,
        m_server->pin(), m_server->adminToken());
    QVERIFY2(revoked.status == 200 || revoked.status == 204, revoked.body.constData());
    QVERIFY(!bridge.ws()
                 .waitFor([](const QJsonObject &m) {
                     return m.value(QLatin1String("reason")) == QLatin1String("revoked");
                 })
                 .isEmpty());
    // chamber-media took the bridge's branch away: frames stop (a few may still be in the
    // jitter buffer when it happens).
    QVERIFY(spinUntil(
        [&] { return !m_server->records(QStringLiteral("bridge left the programme")).isEmpty(); },
        5000));
    QTest::qWait(1500);
    const quint64 frames = bridge.receiver()->stats().videoFrames;
    QTest::qWait(1500);
    QCOMPARE(bridge.receiver()->stats().videoFrames, frames);
}

void TestMediaChamberd::chamberMediaRestartsAndBridgesRejoin()
{
    BridgeSession bridge(*m_server, enrollBridge());
    QCOMPARE(errorCode(bridge.join()), QStringLiteral("ok"));
    QVERIFY(receivesMedia(bridge));
    const qint64 pid = mediaPid();
    const qsizetype readyBefore = m_server->records(QStringLiteral("chamber-media ready")).size();
    QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
    QVERIFY(
        spinUntil([&] { return bridge.statuses().contains(QStringLiteral("restarting")); }, 10000));
    QVERIFY(spinUntil(
        [&] {
            return m_server->records(QStringLiteral("chamber-media ready")).size() > readyBefore;
        },
        20000));
    QVERIFY(mediaPid() != pid);
    QVERIFY(spinUntil([&] { return bridge.statuses().endsWith(QStringLiteral("running")); }, 5000));
    // The new chamber-media offers again without the bridge asking; media flows again.
    QVERIFY(spinUntil([&] { return bridge.offers() == 2; }, 15000));
    QVERIFY(receivesMedia(bridge));
    // Voting was never touched: the server answers as before.
    QCOMPARE(errorCode(bridge.ws().request(
                 QJsonObject {{QStringLiteral("type"), QStringLiteral("ping")}})),
        QStringLiteral("ok"));
}

QTEST_GUILESS_MAIN(TestMediaChamberd)
#include "test_media_chamberd.moc"
