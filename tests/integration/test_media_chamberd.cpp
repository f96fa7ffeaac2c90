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

#include "media/returnsender.h"

#include <gst/video/video.h>

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <memory>

using namespace chamber;
using namespace chamber::testing;

namespace {

// What a decoded frame shows, told apart by colour: the chamber's test programme is a ball on
// black, the bridge in these tests sends solid red. Reads the centre rows of an I420 frame.
enum class Picture { Unknown, Red, Other };

Picture pictureOf(GstSample *sample)
{
    GstVideoInfo info;
    if (!gst_video_info_from_caps(&info, gst_sample_get_caps(sample))
        || GST_VIDEO_INFO_FORMAT(&info) != GST_VIDEO_FORMAT_I420)
        return Picture::Unknown;
    GstVideoFrame frame;
    if (!gst_video_frame_map(&frame, &info, gst_sample_get_buffer(sample), GST_MAP_READ))
        return Picture::Unknown;
    // Red in BT.601: Y ~ 81, V (Cr) ~ 240; black and white both have V ~ 128.
    const int height = GST_VIDEO_FRAME_COMP_HEIGHT(&frame, 2);
    const int width = GST_VIDEO_FRAME_COMP_WIDTH(&frame, 2);
    const auto *v = static_cast<const quint8 *>(GST_VIDEO_FRAME_COMP_DATA(&frame, 2));
    const int stride = GST_VIDEO_FRAME_COMP_STRIDE(&frame, 2);
    qint64 sum = 0;
    int count = 0;
    for (int row = height / 4; row < height * 3 / 4; row += 4) {
        for (int column = 0; column < width; column += 4) {
            sum += v[row * stride + column];
            ++count;
        }
    }
    gst_video_frame_unmap(&frame);
    return count && sum / count > 200 ? Picture::Red : Picture::Other;
}

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
    QStringList floors() const { return m_floors; }
    Picture picture() const { return m_picture.load(); }
    media::ReturnSender *returnSender() const { return m_return.get(); }

    // Sends its camera back (solid red test source) once the programme connection is up.
    void sendReturn() { m_wantReturn = true; }
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
            if (type == QLatin1String("media.floor"))
                m_floors
                    << message.value(QLatin1String("peer")).toString(QStringLiteral("chamber"));
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
                m_receiver->setVideoSampleHandler(
                    [this](GstSample *sample) { m_picture.store(pictureOf(sample)); });
                QObject::connect(m_receiver.get(), &media::MediaReceiver::outgoing,
                    [this](const media::SignalMessage &out) { relay(out); });
                if (m_wantReturn)
                    startReturn();
            }
            if (m_receiver
                && (signal->type == media::SignalType::Offer
                    || signal->type == media::SignalType::Candidate))
                QVERIFY(m_receiver->handle(signal.value()));
            if (m_return
                && (signal->type == media::SignalType::ReturnAnswer
                    || signal->type == media::SignalType::ReturnCandidate))
                QVERIFY(m_return->handle(signal.value()));
        }
    }

    void relay(const media::SignalMessage &out)
    {
        m_ws.sendJson(QJsonObject {{QStringLiteral("type"), QStringLiteral("media.signal")},
            {QStringLiteral("meeting"), 1},
            {QStringLiteral("id"), QStringLiteral("s%1").arg(++m_signalIds)},
            {QStringLiteral("signal"), QJsonDocument::fromJson(media::toJson(out)).object()}});
    }

    void startReturn()
    {
        m_return.reset();
        media::ReturnSenderConfig config;
        config.testPattern = QStringLiteral("solid-color");
        config.testColor = 0xffff0000;
        config.width = 320;
        config.height = 240;
        config.fps = 15;
        config.videoKbps = 300;
        config.webrtc = loopbackReceiver().webrtc;
        auto created = media::ReturnSender::create(m_peer, config);
        QVERIFY2(created, created ? "" : qPrintable(created.error().message));
        m_return = std::move(created.value());
        QObject::connect(m_return.get(), &media::ReturnSender::outgoing,
            [this](const media::SignalMessage &out) { relay(out); });
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
    QStringList m_floors;
    bool m_wantReturn = false;
    std::atomic<Picture> m_picture {Picture::Unknown};
    std::unique_ptr<media::ReturnSender> m_return;
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
    void floorMovesToTheBridge();
    void chamberMediaRestartsAndBridgesRejoin();
    void missingChamberMediaIsReported();

private:
    QString enrollBridge() { return enrollDevice(*m_server, 1, QStringLiteral("bridge")); }
    qint64 mediaPid();

    QTemporaryDir m_configDir;
    std::unique_ptr<ServerProcess> m_server;
};

void TestMediaChamberd::initTestCase()
{
    QVERIFY(m_configDir.isValid());
    const QString config = writeMediaConfig(
        m_configDir.path(), mediaProcessProgram(), smallMediaOptions().join(u' '));
    QVERIFY(!config.isEmpty());
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

void TestMediaChamberd::floorMovesToTheBridge()
{
    // Site A sends its camera back (solid red); site B only watches.
    BridgeSession site(*m_server, enrollBridge());
    site.sendReturn();
    QCOMPARE(errorCode(site.join()), QStringLiteral("ok"));
    BridgeSession watcher(*m_server, enrollBridge());
    QCOMPARE(errorCode(watcher.join()), QStringLiteral("ok"));
    QVERIFY(receivesMedia(site));
    QVERIFY(receivesMedia(watcher));
    QVERIFY(spinUntil(
        [&] {
            return site.returnSender()
                && site.returnSender()->connectionState() == QLatin1String("connected");
        },
        20000));
    QCOMPARE(watcher.picture(), Picture::Other); // the chamber's ball on black

    WsClient chair(m_server->pin());
    QVERIFY(chair.connectAndHello(m_server->wsUrl(), m_server->adminToken()));
    auto command = [&](const QString &type, QJsonObject fields = {}) {
        fields.insert(QStringLiteral("type"), type);
        fields.insert(QStringLiteral("meeting"), 1);
        return errorCode(chair.request(fields));
    };
    QCOMPARE(command(QStringLiteral("meeting.start")), QStringLiteral("ok"));
    const qint64 device = site.peer().mid(1).toLongLong();
    // The site asks for the floor itself; the chair gives it.
    QCOMPARE(errorCode(site.ws().request(
                 QJsonObject {{QStringLiteral("type"), QStringLiteral("speaker.request")},
                     {QStringLiteral("meeting"), 1}, {QStringLiteral("bridge"), device}})),
        QStringLiteral("ok"));
    QCOMPARE(command(QStringLiteral("speaker.grant"), {{QStringLiteral("bridge"), device}}),
        QStringLiteral("ok"));
    // Everyone who joined hears whose picture is the programme, and sees it.
    QVERIFY(spinUntil([&] { return watcher.floors().contains(site.peer()); }, 5000));
    QVERIFY(spinUntil([&] { return site.floors().contains(site.peer()); }, 5000));
    QVERIFY2(spinUntil([&] { return watcher.picture() == Picture::Red; }, 10000),
        m_server->log().right(3000).constData());
    const quint64 audioBefore = watcher.receiver()->stats().audioBuffers;
    QVERIFY(spinUntil(
        [&] { return watcher.receiver()->stats().audioBuffers > audioBefore + 20; }, 5000));

    // The speech ends: back to the chamber.
    QCOMPARE(command(QStringLiteral("speaker.end")), QStringLiteral("ok"));
    QVERIFY(spinUntil([&] { return watcher.floors().endsWith(QStringLiteral("chamber")); }, 5000));
    QVERIFY(spinUntil([&] { return watcher.picture() == Picture::Other; }, 10000));

    // The site again, then it leaves while on air: the programme falls back to the chamber
    // instead of freezing on its last picture.
    QCOMPARE(command(QStringLiteral("speaker.grant"), {{QStringLiteral("bridge"), device}}),
        QStringLiteral("ok"));
    QVERIFY(spinUntil([&] { return watcher.picture() == Picture::Red; }, 10000));
    QCOMPARE(errorCode(site.ws().request(
                 QJsonObject {{QStringLiteral("type"), QStringLiteral("media.leave")},
                     {QStringLiteral("meeting"), 1}})),
        QStringLiteral("ok"));
    QVERIFY(spinUntil([&] { return watcher.picture() == Picture::Other; }, 10000));
    QCOMPARE(command(QStringLiteral("speaker.end")), QStringLiteral("ok"));
    QCOMPARE(command(QStringLiteral("meeting.end")), QStringLiteral("ok"));
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

void TestMediaChamberd::missingChamberMediaIsReported()
{
    const QString config = m_configDir.filePath(QStringLiteral("missing.conf"));
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[media]\nenabled = true\nprogram = /nonexistent/chamber-media\n");
    file.close();
    ServerProcess server;
    QVERIFY(server.start({QStringLiteral("--demo"), QStringLiteral("--config"), config}));
    QVERIFY(spinUntil(
        [&] {
            return !server.records(QStringLiteral("chamber-media stopped; restarting")).isEmpty();
        },
        10000));
    BridgeSession bridge(server, enrollDevice(server, 1, QStringLiteral("bridge")));
    const QJsonObject joined = bridge.join();
    QCOMPARE(errorCode(joined), QStringLiteral("ok"));
    QCOMPARE(joined.value(QLatin1String("result")).toObject().value(QLatin1String("state")),
        QStringLiteral("unavailable"));
    const QJsonObject answer {{QStringLiteral("type"), QStringLiteral("answer")},
        {QStringLiteral("peer"), bridge.peer()},
        {QStringLiteral("sdp"), QStringLiteral("v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n")}};
    QCOMPARE(errorCode(bridge.sendSignal(answer)), QStringLiteral("unavailable"));
    // The meeting goes on without video.
    QCOMPARE(errorCode(bridge.ws().request(
                 QJsonObject {{QStringLiteral("type"), QStringLiteral("ping")}})),
        QStringLiteral("ok"));
    QCOMPARE(server.terminate(), 0);
}

QTEST_GUILESS_MAIN(TestMediaChamberd)
#include "test_media_chamberd.moc"
