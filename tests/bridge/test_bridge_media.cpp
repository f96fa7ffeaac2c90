// The bridge point's media in the kiosk: the programme from a ProgrammeSender in this process
// (test sources) through BridgeMedia into qml6glsink, checked on the window's pixels; the
// statuses the screen puts in words (connecting, receiving, stalled, offline, restarting,
// unavailable), a chamber-media restart replacing the receiver, the floor; and the whole bridge
// screen at 1280x800 and 1920x1080. Run twice by ctest: under Xvfb (OpenGL through Mesa), and
// on the offscreen platform, where video cannot be shown and everything else must still work.
#include "bridgemedia.h"
#include "kioskapplication.h"
#include "kioskmedialink.h"
#include "pdfpageprovider.h"
#include "programmelink.h"
#include "qmlplugins.h"
#include "qrimageprovider.h"
#include "videosurface.h"

#include "media/gstsupport.h"
#include "mediaharness.h"
#include "restcall.h"
#include "serverprocess.h"

#include <QDir>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

using namespace chamber;
using namespace chamber::kiosk;
using namespace chamber::media;
using namespace chamber::testing;

namespace {

const QString kPeer = QStringLiteral("d7");

ProgrammeConfig testProgramme()
{
    ProgrammeConfig config;
    config.width = 640;
    config.height = 360;
    config.fps = 15;
    config.videoKbps = 600;
    config.webrtc.iceAddresses = {QStringLiteral("127.0.0.1")};
    return config;
}

// The colour bars rather than the moving ball: a picture no blank or uniform area resembles.
void showColourBars(ProgrammeSender *sender)
{
    GstIterator *it
        = gst_bin_iterate_all_by_element_factory_name(GST_BIN(sender->pipeline()), "videotestsrc");
    GValue item = G_VALUE_INIT;
    while (gst_iterator_next(it, &item) == GST_ITERATOR_OK) {
        g_object_set(g_value_get_object(&item), "pattern", 0 /* smpte */, nullptr);
        g_value_reset(&item);
    }
    g_value_unset(&item);
    gst_iterator_free(it);
}

// How many different colours a grid of samples over `area` of the window shows.
int coloursIn(const QImage &frame, const QRectF &area)
{
    QSet<QRgb> colours;
    for (int row = 1; row < 18; ++row) {
        for (int column = 1; column < 32; ++column) {
            const QPoint point(int(area.left() + area.width() * column / 32),
                int(area.top() + area.height() * row / 18));
            // Nearby shades of one colour count once.
            colours.insert(frame.pixel(point) & 0xf0f0f0);
        }
    }
    return int(colours.size());
}

// The site's camera for the tests: test sources, small, ICE on loopback.
ReturnSenderConfig testCamera()
{
    ReturnSenderConfig config;
    config.testPattern = QStringLiteral("smpte");
    config.width = 320;
    config.height = 180;
    config.fps = 15;
    config.videoKbps = 300;
    config.webrtc.iceAddresses = {QStringLiteral("127.0.0.1")};
    return config;
}

QRectF sceneRect(QQuickItem *item)
{
    const qreal ratio = item->window()->devicePixelRatio();
    const QRectF rect = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
    return QRectF(rect.topLeft() * ratio, rect.size() * ratio);
}

} // namespace

class TestBridgeMedia : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void programmeReachesTheScreen();
    void stalledPictureSaysReconnecting();
    void offlineAndBackRejoins();
    void chamberMediaRestartReplacesTheReceiver();
    void serviceUnavailableAndJoinRefused();
    void floorNamesThisBridge();
    void pushesFromTheServerAreChecked();
    void ownCameraGoesBackWithPreview();
    void watchOnlySendsNothingBack();
    void againstTheRealChamberd();
    void bridgeScreenWithProgramme_data();
    void bridgeScreenWithProgramme();

private:
    bool withVideo() const { return QGuiApplication::platformName() != QLatin1String("offscreen"); }
    void load(const QByteArray &qml);
    std::unique_ptr<ProgrammeSender> makeSender();
    void waitForFrames(int more);

    std::unique_ptr<KioskState> m_kiosk;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    std::unique_ptr<ProgrammeSender> m_sender;
    std::unique_ptr<ProgrammeLink> m_link;
    QQuickWindow *m_window = nullptr;
    BridgeMedia *m_media = nullptr;
    VideoSurface *m_surface = nullptr;
    QTranslator m_translator;
};

void TestBridgeMedia::initTestCase()
{
    prepareBridgeVideo();
    qInfo() << "platform" << QGuiApplication::platformName();
}

void TestBridgeMedia::init()
{
    m_kiosk = std::make_unique<KioskState>(nullptr);
    KioskState::setInstance(m_kiosk.get());
    m_engine = std::make_unique<QQmlApplicationEngine>();
    m_engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    m_engine->addImageProvider(QStringLiteral("qr"), new QrImageProvider);
    m_engine->addImageProvider(QStringLiteral("pdfpage"), new PdfPageProvider);
    m_link = std::make_unique<ProgrammeLink>(kPeer);
}

void TestBridgeMedia::cleanup()
{
    // The media (and its pipelines) before the sender and the window.
    m_engine.reset();
    m_window = nullptr;
    m_media = nullptr;
    m_surface = nullptr;
    m_sender.reset();
    m_link.reset();
    KioskState::setInstance(nullptr);
    m_kiosk.reset();
}

void TestBridgeMedia::load(const QByteArray &qml)
{
    m_engine->loadData(qml, QUrl(QStringLiteral("qrc:/test/window.qml")));
    QVERIFY(!m_engine->rootObjects().isEmpty());
    m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().first());
    QVERIFY(m_window);
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_media = m_window->findChild<BridgeMedia *>(QStringLiteral("bridgeMedia"));
    m_surface = m_window->findChild<VideoSurface *>(QStringLiteral("programmeSurface"));
    QVERIFY(m_media);
    QVERIFY(m_surface);
    QCOMPARE(m_surface->available(), withVideo());
    if (!withVideo())
        QCOMPARE(m_surface->problem(), QStringLiteral("no_display"));
}

std::unique_ptr<ProgrammeSender> TestBridgeMedia::makeSender()
{
    auto sender = ProgrammeSender::create(testProgramme());
    if (!sender) {
        qWarning() << sender.error().message;
        return nullptr;
    }
    showColourBars(sender->get());
    return std::move(sender).value();
}

void TestBridgeMedia::waitForFrames(int more)
{
    const int target = m_media->framesReceived() + more;
    QTRY_VERIFY_WITH_TIMEOUT(m_media->framesReceived() >= target, 30000);
}

namespace {
const QByteArray kSurfaceWindow = R"(
import QtQuick
import Chamber.Media
Window {
    width: 960; height: 540; visible: true; color: "#204060"
    VideoSurface { id: surface; objectName: "programmeSurface"; anchors.fill: parent }
    VideoSurface {
        id: preview; objectName: "previewSurface"
        anchors.right: parent.right; anchors.bottom: parent.bottom; width: 320; height: 180
    }
    BridgeMedia { objectName: "bridgeMedia"; programmeSurface: surface; previewSurface: preview }
}
)";
} // namespace

void TestBridgeMedia::programmeReachesTheScreen()
{
    load(kSurfaceWindow);
    m_sender = makeSender();
    QVERIFY(m_sender);
    m_link->setSender(m_sender.get());
    m_media->setLink(m_link.get());
    QCOMPARE(m_media->status(), QStringLiteral("off"));
    m_media->setActive(true);
    QCOMPARE(m_media->status(), QStringLiteral("connecting"));
    QTRY_COMPARE_WITH_TIMEOUT(m_media->status(), QStringLiteral("receiving"), 20000);
    waitForFrames(20);
    // Without a display nothing is decoded: the connection stays for the status.
    if (withVideo())
        QCOMPARE(m_media->videoSize(), QSize(640, 360));
    else
        QVERIFY(m_media->videoSize().isEmpty());
    QVERIFY2(m_link->errors().isEmpty(), qPrintable(m_link->errors().join(u'\n')));
    if (!withVideo())
        return;
    // The decoded frames are on the window: colour bars, not black, not the background.
    QImage frame;
    QTRY_VERIFY_WITH_TIMEOUT(
        (frame = m_window->grabWindow(), coloursIn(frame, sceneRect(m_surface)) >= 6), 10000);
    const QRgb background = qRgb(0x20, 0x40, 0x60);
    QVERIFY(frame.pixel(frame.width() / 2, frame.height() / 2) != background);
}

void TestBridgeMedia::stalledPictureSaysReconnecting()
{
    load(kSurfaceWindow);
    m_sender = makeSender();
    QVERIFY(m_sender);
    m_link->setSender(m_sender.get());
    m_media->setLink(m_link.get());
    m_media->setActive(true);
    QTRY_COMPARE_WITH_TIMEOUT(m_media->status(), QStringLiteral("receiving"), 20000);
    waitForFrames(10);
    // Hold the stream inside the receiver: webrtcbin still says connected, no picture comes.
    GstElement *depay
        = gst_bin_get_by_name(GST_BIN(m_media->receiver()->pipeline()), "video-depay");
    QVERIFY(depay);
    GstPad *pad = gst_element_get_static_pad(depay, "sink");
    const gulong probe = gst_pad_add_probe(
        pad, GST_PAD_PROBE_TYPE_BLOCK_DOWNSTREAM,
        [](GstPad *, GstPadProbeInfo *, gpointer) { return GST_PAD_PROBE_OK; }, nullptr, nullptr);
    QTRY_COMPARE_WITH_TIMEOUT(m_media->status(), QStringLiteral("stalled"), 5000);
    gst_pad_remove_probe(pad, probe);
    gst_object_unref(pad);
    gst_object_unref(depay);
    QTRY_COMPARE_WITH_TIMEOUT(m_media->status(), QStringLiteral("receiving"), 10000);
    waitForFrames(10);
}

void TestBridgeMedia::offlineAndBackRejoins()
{
    load(kSurfaceWindow);
    m_sender = makeSender();
    QVERIFY(m_sender);
    m_link->setSender(m_sender.get());
    m_media->setLink(m_link.get());
    m_media->setActive(true);
    QTRY_COMPARE_WITH_TIMEOUT(m_media->status(), QStringLiteral("receiving"), 20000);
    m_link->setOnline(false);
    QCOMPARE(m_media->status(), QStringLiteral("offline"));
    QVERIFY(!m_media->receiver());
    m_link->setOnline(true);
    QCOMPARE(m_link->joins(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(m_media->status(), QStringLiteral("receiving"), 20000);
    waitForFrames(10);
    // Leaving the screen (inactive) leaves the programme.
    m_media->setActive(false);
    QCOMPARE(m_media->status(), QStringLiteral("off"));
    QTRY_VERIFY_WITH_TIMEOUT(m_sender->peers().isEmpty(), 5000);
}

void TestBridgeMedia::chamberMediaRestartReplacesTheReceiver()
{
    load(kSurfaceWindow);
    m_sender = makeSender();
    QVERIFY(m_sender);
    m_link->setSender(m_sender.get());
    m_media->setLink(m_link.get());
    m_media->setActive(true);
    QTRY_COMPARE_WITH_TIMEOUT(m_media->status(), QStringLiteral("receiving"), 20000);
    const QPointer<MediaReceiver> before = m_media->receiver();

    // chamber-media dies: chamberd says so, restarts it, and re-adds the joined peer, whose
    // new offer must replace the receiver.
    m_sender.reset();
    emit m_link->serviceStateChanged(QStringLiteral("restarting"));
    QCOMPARE(m_media->status(), QStringLiteral("restarting"));
    m_sender = makeSender();
    QVERIFY(m_sender);
    m_link->setSender(m_sender.get());
    emit m_link->serviceStateChanged(QStringLiteral("running"));
    QVERIFY(m_sender->addPeer(kPeer));
    QTRY_COMPARE_WITH_TIMEOUT(m_media->status(), QStringLiteral("receiving"), 20000);
    // The old receiver is gone (not merely another at the same address).
    QTRY_VERIFY(!before);
    QVERIFY(m_media->receiver());
    waitForFrames(10);
}

void TestBridgeMedia::serviceUnavailableAndJoinRefused()
{
    load(kSurfaceWindow);
    // No chamber-media at all: joins get no offer, chamberd says unavailable.
    m_media->setLink(m_link.get());
    m_media->setActive(true);
    QCOMPARE(m_media->status(), QStringLiteral("connecting"));
    emit m_link->serviceStateChanged(QStringLiteral("unavailable"));
    QCOMPARE(m_media->status(), QStringLiteral("unavailable"));
    // The screen says it in words (Vietnamese by default, no translator here: the source text).
    QObject *notice = m_window->findChild<QObject *>(QStringLiteral("videoNoticeTitle"));
    if (notice)
        QVERIFY(!notice->property("text").toString().isEmpty());

    // A server without media refuses the join: unavailable too, and a retry later.
    emit m_link->serviceStateChanged(QStringLiteral("running"));
    emit m_link->refused(QStringLiteral("unknown_type"), QStringLiteral("unknown type media.join"));
    QCOMPARE(m_media->status(), QStringLiteral("unavailable"));
    const int joins = m_link->joins();
    QTRY_VERIFY_WITH_TIMEOUT(m_link->joins() > joins, 5000);
}

void TestBridgeMedia::floorNamesThisBridge()
{
    load(kSurfaceWindow);
    m_media->setLink(m_link.get());
    m_media->setActive(true);
    QVERIFY(!m_media->onAir());
    emit m_link->floorChanged(QStringLiteral("d12"));
    QVERIFY(!m_media->onAir());
    QCOMPARE(m_media->floorPeer(), QStringLiteral("d12"));
    emit m_link->floorChanged(kPeer);
    QVERIFY(m_media->onAir());
    emit m_link->floorChanged(QString());
    QVERIFY(!m_media->onAir());
}

// What chamberd pushes goes to webrtcbin only through chamber-media's strict parser: a
// malformed signal is dropped (logged), the floor and status pass as they are.
void TestBridgeMedia::pushesFromTheServerAreChecked()
{
    KioskMediaLink link(nullptr);
    QVERIFY(!link.isOnline());
    QSignalSpy received(&link, &MediaLink::received);
    QSignalSpy floor(&link, &MediaLink::floorChanged);
    QSignalSpy service(&link, &MediaLink::serviceStateChanged);
    const auto signal = [&](const QJsonObject &body) {
        link.handlePush(QStringLiteral("media.signal"), {{QStringLiteral("signal"), body}});
    };
    signal({{QStringLiteral("type"), QStringLiteral("offer")}, {QStringLiteral("peer"), kPeer},
        {QStringLiteral("sdp"), QStringLiteral("not sdp")}});
    signal({{QStringLiteral("type"), QStringLiteral("offer")}, {QStringLiteral("peer"), kPeer}});
    signal({{QStringLiteral("type"), QStringLiteral("offer")}, {QStringLiteral("peer"), kPeer},
        {QStringLiteral("sdp"), QStringLiteral("v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n")},
        {QStringLiteral("extra"), 1}});
    signal({{QStringLiteral("type"), QStringLiteral("candidate")},
        {QStringLiteral("peer"), QStringLiteral("bad peer!")}, {QStringLiteral("mline"), 0},
        {QStringLiteral("candidate"), QStringLiteral("candidate:1 1 UDP 1 127.0.0.1 1 typ host")}});
    link.handlePush(QStringLiteral("media.signal"), {});
    QCOMPARE(received.count(), 0);
    signal({{QStringLiteral("type"), QStringLiteral("candidate")}, {QStringLiteral("peer"), kPeer},
        {QStringLiteral("mline"), 0},
        {QStringLiteral("candidate"), QStringLiteral("candidate:1 1 UDP 1 127.0.0.1 1 typ host")}});
    QCOMPARE(received.count(), 1);
    QCOMPARE(received.first().first().value<SignalMessage>().type, SignalType::Candidate);
    link.handlePush(QStringLiteral("media.floor"), {{QStringLiteral("peer"), kPeer}});
    link.handlePush(QStringLiteral("media.floor"), {{QStringLiteral("peer"), QJsonValue()}});
    QCOMPARE(floor.count(), 2);
    QCOMPARE(floor.at(0).first().toString(), kPeer);
    QCOMPARE(floor.at(1).first().toString(), QString());
    link.handlePush(
        QStringLiteral("media.status"), {{QStringLiteral("state"), QStringLiteral("restarting")}});
    QCOMPARE(service.count(), 1);
    QCOMPARE(service.first().first().toString(), QStringLiteral("restarting"));
}

void TestBridgeMedia::watchOnlySendsNothingBack()
{
    // The tally screen's use: the programme, never a camera back, even with one configured.
    load(kSurfaceWindow);
    m_sender = makeSender();
    QVERIFY(m_sender);
    m_link->setSender(m_sender.get());
    m_media->setLink(m_link.get());
    m_media->setReturnConfig(testCamera());
    m_media->setSendBack(false);
    m_media->setActive(true);
    QTRY_COMPARE_WITH_TIMEOUT(m_media->status(), QStringLiteral("receiving"), 20000);
    waitForFrames(15);
    QCOMPARE(m_media->sendStatus(), QStringLiteral("off"));
    QVERIFY(!m_media->returnSender());
    QVERIFY2(m_link->errors().isEmpty(), qPrintable(m_link->errors().join(u'\n')));
}

void TestBridgeMedia::ownCameraGoesBackWithPreview()
{
    load(kSurfaceWindow);
    m_sender = makeSender();
    QVERIFY(m_sender);
    m_link->setSender(m_sender.get());
    m_media->setLink(m_link.get());
    m_media->setReturnConfig(testCamera());
    m_media->setMuted(true);
    m_media->setActive(true);
    QTRY_COMPARE_WITH_TIMEOUT(m_media->status(), QStringLiteral("receiving"), 20000);
    // Offered once the programme's connection stands, answered by the sender's return peer.
    QTRY_COMPARE_WITH_TIMEOUT(m_media->sendStatus(), QStringLiteral("sending"), 20000);
    QVERIFY(m_media->returnSender());
    QVERIFY(m_media->returnSender()->isMicrophoneMuted());
    m_media->setCameraOff(true);
    QVERIFY(m_media->returnSender()->isCameraOff());
    QTRY_VERIFY_WITH_TIMEOUT(m_media->returnSender()->stats().blackFrames > 5, 10000);
    m_media->setCameraOff(false);
    m_media->setMuted(false);
    QVERIFY(!m_media->returnSender()->isMicrophoneMuted());
    QVERIFY2(m_link->errors().isEmpty(), qPrintable(m_link->errors().join(u'\n')));
    if (withVideo()) {
        // The preview shows the site's own colour bars in its corner.
        auto *preview = m_window->findChild<VideoSurface *>(QStringLiteral("previewSurface"));
        QVERIFY(preview && preview->available());
        QTRY_VERIFY_WITH_TIMEOUT(coloursIn(m_window->grabWindow(), sceneRect(preview)) >= 6, 10000);
    }
    // An error from chamber-media while the programme plays is the return's: only it goes.
    emit m_link->received(SignalMessage::failure(
        kPeer, makeError(ErrorCode::Internal, QStringLiteral("the return's ICE failed"))));
    QCOMPARE(m_media->sendStatus(), QStringLiteral("failed"));
    QCOMPARE(m_media->status(), QStringLiteral("receiving"));
    QVERIFY(m_media->receiver());
    waitForFrames(5);
    // The return goes with the programme's connection, and comes back with the next one.
    m_link->setOnline(false);
    QCOMPARE(m_media->sendStatus(), QStringLiteral("off"));
    m_link->setOnline(true);
    QTRY_COMPARE_WITH_TIMEOUT(m_media->sendStatus(), QStringLiteral("sending"), 30000);
}

// The kiosk as it runs: joined to a real chamberd (which runs chamber-media with test
// sources) with a join code, the bridge screen's own link over the kiosk's connection, the
// site's camera back through chamberd, and the floor from the speaker list.
void TestBridgeMedia::againstTheRealChamberd()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString config
        = writeMediaConfig(directory.path(), mediaProcessProgram(), smallMediaOptions().join(u' '));
    QVERIFY(!config.isEmpty());
    ServerProcess server;
    QVERIFY2(server.start({QStringLiteral("--demo"), QStringLiteral("--config"), config}),
        server.log().right(3000).constData());
    const auto admin = [&](const QByteArray &method, const QString &path, const QJsonObject &body) {
        return restCall(method, server.baseUrl() + QStringLiteral("/api/v1/meetings/1") + path,
            server.pin(), server.adminToken(), QJsonDocument(body).toJson());
    };
    const QString joinUrl = admin(
        "POST", QStringLiteral("/join-codes"), {{QStringLiteral("role"), QStringLiteral("bridge")}})
                                .json()
                                .value(QLatin1String("url"))
                                .toString();
    QVERIFY(!joinUrl.isEmpty());
    const QString kioskDir = directory.filePath(QStringLiteral("kiosk"));
    QDir().mkpath(kioskDir);
    m_kiosk->setConnectionOptions({100, 800, 1000, 4000});
    m_kiosk->startLive(
        {kioskDir + QStringLiteral("/device.json"), kioskDir + QStringLiteral("/outbox.json"),
            kioskDir + QStringLiteral("/meeting.json"), kioskDir + QStringLiteral("/documents"),
            1LL << 30, kioskDir + QStringLiteral("/annotations")});
    m_kiosk->joinWith(joinUrl);
    QTRY_COMPARE_WITH_TIMEOUT(m_kiosk->connectionState(), QStringLiteral("online"), 20000);
    BridgeMedia::setDefaultReturnConfig(testCamera());
    load(R"(
import QtQuick
import Chamber.Bridge
Window {
    width: 1280; height: 800; visible: true
    BridgeMain { anchors.fill: parent }
}
)");
    BridgeMedia::setDefaultReturnConfig(std::nullopt);
    QCOMPARE(m_media->peer(), QStringLiteral("d%1").arg(m_kiosk->identity().device));
    QTRY_COMPARE_WITH_TIMEOUT(m_media->status(), QStringLiteral("receiving"), 30000);
    waitForFrames(15);
    QTRY_COMPARE_WITH_TIMEOUT(m_media->sendStatus(), QStringLiteral("sending"), 30000);
    if (withVideo()) {
        // chamber-media's moving ball: live frames on the window, changing from grab to grab.
        const QRectF area = sceneRect(m_surface);
        const QImage first = m_window->grabWindow().copy(area.toRect());
        QTRY_VERIFY_WITH_TIMEOUT(m_window->grabWindow().copy(area.toRect()) != first, 10000);
        QVERIFY(coloursIn(m_window->grabWindow(), area) >= 2);
    }

    // The site asks for the floor; the chair gives it; media.floor names this bridge (the
    // programme follows the speaker list while the meeting is in session).
    admin("POST", QStringLiteral("/start"), {});
    SpeakingState *speaking = m_kiosk->speaking();
    speaking->requestToSpeak();
    QTRY_COMPARE_WITH_TIMEOUT(speaking->ownPosition(), 1, 10000);
    const qint64 device = m_kiosk->identity().device;
    QVERIFY(admin("POST", QStringLiteral("/speakers/grant"), {{QStringLiteral("bridge"), device}})
                .status
        == 200);
    QTRY_VERIFY_WITH_TIMEOUT(m_media->onAir(), 10000);
    QCOMPARE(speaking->ownPosition(), 0);
    QVERIFY(
        m_window->findChild<QObject *>(QStringLiteral("onAirBadge"))->property("visible").toBool());
    QVERIFY(admin("POST", QStringLiteral("/speakers/end"), {}).status == 200);
    QTRY_VERIFY_WITH_TIMEOUT(!m_media->onAir(), 10000);

    // Asked and withdrawn: off the list again.
    speaking->requestToSpeak();
    QTRY_COMPARE_WITH_TIMEOUT(speaking->ownPosition(), 1, 10000);
    speaking->withdrawRequest();
    QTRY_COMPARE_WITH_TIMEOUT(speaking->ownPosition(), 0, 10000);

    // The screen and the kiosk go before the server does.
    m_engine.reset();
    m_window = nullptr;
    m_media = nullptr;
    m_surface = nullptr;
    m_kiosk.reset();
    KioskState::setInstance(nullptr);
    if (QTest::currentTestFailed())
        qWarning("%s", server.log().right(6000).constData());
}

void TestBridgeMedia::bridgeScreenWithProgramme_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("onAir");
    QTest::newRow("1280x800 vi") << QSize(1280, 800) << "vi" << false;
    QTest::newRow("1920x1080 en on air, muted") << QSize(1920, 1080) << "en" << true;
}

// The whole bridge screen (demo meeting) with a running programme; screenshots go to
// $CHAMBER_BRIDGE_SCREENSHOTS when set.
void TestBridgeMedia::bridgeScreenWithProgramme()
{
    QFETCH(QSize, size);
    QFETCH(QString, language);
    QFETCH(bool, onAir);
    QCoreApplication::removeTranslator(&m_translator);
    QVERIFY(m_translator.load(QStringLiteral(":/i18n/chamber_%1.qm").arg(language)));
    QCoreApplication::installTranslator(&m_translator);
    QVERIFY(
        KioskApplication::showDemo(*m_kiosk, QStringLiteral("bridge"), QStringLiteral("speech")));
    load(QStringLiteral(R"(
import QtQuick
import Chamber.Bridge
Window {
    width: %1; height: %2; visible: true
    BridgeMain { anchors.fill: parent }
}
)")
             .arg(size.width())
             .arg(size.height())
             .toUtf8());
    m_sender = makeSender();
    QVERIFY(m_sender);
    m_link->setSender(m_sender.get());
    // The screen made its own link to the (static) Kiosk; the programme comes through ours.
    QVERIFY(m_media->active());
    m_media->setReturnConfig(testCamera());
    m_media->setMuted(onAir);
    m_media->setLink(m_link.get());
    QTRY_COMPARE_WITH_TIMEOUT(m_media->status(), QStringLiteral("receiving"), 20000);
    waitForFrames(15);
    QTRY_COMPARE_WITH_TIMEOUT(m_media->sendStatus(), QStringLiteral("sending"), 20000);
    if (onAir)
        emit m_link->floorChanged(kPeer);
    QObject *notice = m_window->findChild<QObject *>(QStringLiteral("videoNotice"));
    QVERIFY(notice);
    QCOMPARE(notice->property("visible").toBool(), !withVideo());
    QCOMPARE(
        m_window->findChild<QObject *>(QStringLiteral("onAirBadge"))->property("visible").toBool(),
        onAir);
    QImage frame;
    if (withVideo()) {
        QTRY_VERIFY_WITH_TIMEOUT(
            (frame = m_window->grabWindow(), coloursIn(frame, sceneRect(m_surface)) >= 6), 10000);
    } else {
        frame = m_window->grabWindow();
    }
    QCOMPARE(frame.size(), size * m_window->devicePixelRatio());
    if (const QString directory = qEnvironmentVariable("CHAMBER_BRIDGE_SCREENSHOTS");
        !directory.isEmpty()) {
        const QString path = QStringLiteral("%1/bridge-%2x%3-%4-%5.png")
                                 .arg(directory)
                                 .arg(size.width())
                                 .arg(size.height())
                                 .arg(language, QGuiApplication::platformName());
        QVERIFY(frame.save(path));
        qInfo().noquote() << "screenshot" << path;
    }
    QCoreApplication::removeTranslator(&m_translator);
}

QTEST_MAIN(TestBridgeMedia)

#include "test_bridge_media.moc"
