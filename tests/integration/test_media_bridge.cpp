// The programme sender and bridge receivers in one process over loopback WebRTC, with the
// JSON signaling in memory: frames and audio decoded at every receiver, peers added and
// removed while the others keep receiving, refused signaling that changes nothing, keyframe
// requests reaching the encoder, and the watchdog through a stall.
#include "mediaharness.h"
#include "spin.h"

#include "media/gstsupport.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <atomic>

using namespace chamber;
using namespace chamber::media;
using namespace chamber::testing;

class TestMediaBridge : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void oneReceiverDecodesVideoAndAudio();
    void fiveReceiversAndChangesWhileRunning();
    void refusedSignalingChangesNothing();
    void keyFrameRequestReachesEncoder();
    void watchdogThroughAStall();
    void aBridgesFailureEndsOnlyThatBridge();
    void videoSinkFromTheFactory();

private:
    std::unique_ptr<ProgrammeSender> makeSender();
};

void TestMediaBridge::initTestCase()
{
    initGStreamer();
}

std::unique_ptr<ProgrammeSender> TestMediaBridge::makeSender()
{
    auto sender = ProgrammeSender::create(smallProgramme());
    if (!sender) {
        qWarning() << sender.error().message;
        return nullptr;
    }
    return std::move(sender).value();
}

void TestMediaBridge::oneReceiverDecodesVideoAndAudio()
{
    auto sender = makeSender();
    QVERIFY(sender);
    QString offer;
    connect(sender.get(), &ProgrammeSender::outgoing, this, [&](const SignalMessage &message) {
        if (message.type == SignalType::Offer)
            offer = message.sdp;
    });
    MediaHarness harness(sender.get());
    MediaReceiver *receiver = harness.addReceiver(QStringLiteral("bridge-1"));
    QVERIFY(receiver);
    QVERIFY2(waitForMoreMedia({receiver}, 30, 30000), qPrintable(harness.errors().join(u'\n')));
    // The tuning the issue asks for, as the bridge sees it: bundle, NACK with retransmission,
    // keyframe requests (PLI, FIR), send-only H.264 and Opus, DTLS.
    for (const char *line : {"a=group:BUNDLE", "a=rtcp-fb:96 nack\r\n", "a=rtcp-fb:96 nack pli",
             "a=rtcp-fb:96 ccm fir", "rtx/90000", "a=sendonly", "H264/90000", "OPUS/48000",
             "a=fingerprint:sha-256", "packetization-mode=1"})
        QVERIFY2(offer.contains(QLatin1String(line)), line);
    // Retransmission for video only: Chromium refuses an offer with rtx in its audio section.
    const QString audioSection = offer.mid(offer.indexOf(QLatin1String("m=audio")));
    QVERIFY(!audioSection.isEmpty());
    QVERIFY2(!audioSection.contains(QLatin1String("rtx/")), qPrintable(audioSection));
    const ReceiverStats stats = receiver->stats();
    QCOMPARE(stats.videoSize, QSize(320, 240));
    QCOMPARE(receiver->connectionState(), QStringLiteral("connected"));
    QCOMPARE(sender->peerState(QStringLiteral("bridge-1")), QStringLiteral("connected"));
    QCOMPARE(sender->peers(), QStringList {QStringLiteral("bridge-1")});
    QVERIFY2(harness.errors().isEmpty(), qPrintable(harness.errors().join(u'\n')));
}

void TestMediaBridge::fiveReceiversAndChangesWhileRunning()
{
    auto sender = makeSender();
    QVERIFY(sender);
    MediaHarness harness(sender.get());
    QList<MediaReceiver *> all;
    for (int i = 1; i <= 5; ++i)
        all << harness.addReceiver(QStringLiteral("bridge-%1").arg(i));
    QVERIFY(!all.contains(nullptr));
    QVERIFY2(waitForMoreMedia(all, 20, 45000), qPrintable(harness.errors().join(u'\n')));
    for (MediaReceiver *receiver : all)
        QCOMPARE(receiver->stats().videoSize, QSize(320, 240));

    // Two leave; the pipeline must not stall for the three that stay.
    harness.removeReceiver(QStringLiteral("bridge-2"));
    harness.removeReceiver(QStringLiteral("bridge-4"));
    QVERIFY(spinUntil([&] { return harness.removedPeers().size() == 2; }, 10000));
    QCOMPARE(sender->peers(),
        (QStringList {
            QStringLiteral("bridge-1"), QStringLiteral("bridge-3"), QStringLiteral("bridge-5")}));
    QList<MediaReceiver *> staying {harness.receiver(QStringLiteral("bridge-1")),
        harness.receiver(QStringLiteral("bridge-3")), harness.receiver(QStringLiteral("bridge-5"))};
    QVERIFY(!staying.contains(nullptr));
    QVERIFY(waitForMoreMedia(staying, 15, 20000));

    // Two join (one under a departed id): they get media and the others go on getting it.
    QList<MediaReceiver *> joining {harness.addReceiver(QStringLiteral("bridge-2")),
        harness.addReceiver(QStringLiteral("bridge-6"))};
    QVERIFY(!joining.contains(nullptr));
    QVERIFY2(
        waitForMoreMedia(staying + joining, 15, 30000), qPrintable(harness.errors().join(u'\n')));
    QCOMPARE(sender->peers().size(), 5);
    QVERIFY2(harness.errors().isEmpty(), qPrintable(harness.errors().join(u'\n')));
}

void TestMediaBridge::refusedSignalingChangesNothing()
{
    auto sender = makeSender();
    QVERIFY(sender);
    MediaHarness harness(sender.get());
    MediaReceiver *receiver = harness.addReceiver(QStringLiteral("bridge-1"));
    QVERIFY(receiver);
    QVERIFY(waitForMoreMedia({receiver}, 10, 30000));

    // Each refused with its code, on a running programme.
    struct Case
    {
        SignalMessage message;
        ErrorCode code;
    };
    const QString sdp = QStringLiteral("v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n");
    const QList<Case> toSender {
        {SignalMessage::answer(QStringLiteral("nobody"), sdp), ErrorCode::NotFound},
        {SignalMessage::iceCandidate(QStringLiteral("nobody"), 0,
             QStringLiteral("candidate:1 1 UDP 1 127.0.0.1 9 typ host")),
            ErrorCode::NotFound},
        {SignalMessage::answer(QStringLiteral("bridge-1"), sdp), ErrorCode::Conflict},
        {SignalMessage::addPeer(QStringLiteral("bridge-1")), ErrorCode::Conflict},
        {SignalMessage::offer(QStringLiteral("bridge-1"), sdp), ErrorCode::UnknownType},
        {SignalMessage::removePeer(QStringLiteral("nobody")), ErrorCode::NotFound},
        {SignalMessage::ready(), ErrorCode::UnknownType},
    };
    for (const Case &c : toSender) {
        auto handled = sender->handle(c.message);
        QVERIFY2(!handled, qPrintable(QString::fromUtf8(toJson(c.message))));
        QCOMPARE(handled.error().code, c.code);
        QVERIFY(!handled.error().message.isEmpty());
    }
    const QList<Case> toReceiver {
        {SignalMessage::offer(QStringLiteral("bridge-1"), sdp), ErrorCode::Conflict},
        {SignalMessage::offer(QStringLiteral("bridge-9"), sdp), ErrorCode::NotFound},
        {SignalMessage::answer(QStringLiteral("bridge-1"), sdp), ErrorCode::UnknownType},
        {SignalMessage::addPeer(QStringLiteral("bridge-1")), ErrorCode::UnknownType},
    };
    for (const Case &c : toReceiver) {
        auto handled = receiver->handle(c.message);
        QVERIFY2(!handled, qPrintable(QString::fromUtf8(toJson(c.message))));
        QCOMPARE(handled.error().code, c.code);
    }
    // A fresh receiver refuses SDP that passes the signaling checks but is not SDP.
    auto fresh = MediaReceiver::create(QStringLiteral("bridge-2"), loopbackReceiver());
    QVERIFY(fresh);
    auto refused = (*fresh)->handle(SignalMessage::offer(
        QStringLiteral("bridge-2"), QStringLiteral("v=0\r\nm=\r\nc=IN IP4\r\n")));
    if (!refused)
        QCOMPARE(refused.error().field, QStringLiteral("sdp"));

    QCOMPARE(sender->peers(), QStringList {QStringLiteral("bridge-1")});
    QCOMPARE(sender->peerState(QStringLiteral("bridge-1")), QStringLiteral("connected"));
    QVERIFY(waitForMoreMedia({receiver}, 10, 10000));
    QVERIFY2(harness.errors().isEmpty(), qPrintable(harness.errors().join(u'\n')));
}

void TestMediaBridge::keyFrameRequestReachesEncoder()
{
    auto sender = makeSender();
    QVERIFY(sender);
    MediaHarness harness(sender.get());
    MediaReceiver *receiver = harness.addReceiver(QStringLiteral("bridge-1"));
    QVERIFY(receiver);
    QVERIFY(waitForMoreMedia({receiver}, 10, 30000));
    // Past the coalescing window of any request the start-up caused.
    QTest::qWait(400);
    const quint64 before = sender->keyFramesForced();
    receiver->requestKeyFrame();
    // PLI over RTCP, back into an upstream force-key-unit event at the sender's encoder.
    QVERIFY(spinUntil([&] { return sender->keyFramesForced() > before; }, 5000));
}

namespace {
// Holds the receiver's RTP before depayloading, as a network outage followed by a burst of
// late packets would; the jitter buffer keeps what arrives meanwhile.
struct Hold
{
    PadRef pad;
    gulong probe = 0;
};
} // namespace

void TestMediaBridge::watchdogThroughAStall()
{
    auto sender = makeSender();
    QVERIFY(sender);
    MediaHarness harness(sender.get());
    MediaReceiver *receiver = harness.addReceiver(QStringLiteral("bridge-1"));
    QVERIFY(receiver);
    QVERIFY(waitForMoreMedia({receiver}, 15, 30000));
    QSignalSpy stalled(receiver, &MediaReceiver::stalled);
    QSignalSpy resumed(receiver, &MediaReceiver::resumed);

    ElementRef depay
        = ElementRef::adopt(gst_bin_get_by_name(GST_BIN(receiver->pipeline()), "video-depay"));
    QVERIFY(depay);
    Hold hold {PadRef::adopt(gst_element_get_static_pad(depay.get(), "sink"))};
    hold.probe = gst_pad_add_probe(
        hold.pad.get(), GST_PAD_PROBE_TYPE_BLOCK_DOWNSTREAM,
        [](GstPad *, GstPadProbeInfo *, gpointer) { return GST_PAD_PROBE_OK; }, nullptr, nullptr);

    // Still "connected" (webrtcbin sees no outage), yet the watchdog calls it a stall.
    QVERIFY(stalled.wait(5000));
    QVERIFY(receiver->isStalled());
    QCOMPARE(receiver->connectionState(), QStringLiteral("connected"));
    QTest::qWait(1500);
    const ReceiverStats before = receiver->stats();
    gst_pad_remove_probe(hold.pad.get(), hold.probe);

    // What was held is seconds old: dropped, not shown; then live frames and a keyframe request.
    QVERIFY(resumed.wait(10000));
    QVERIFY(!receiver->isStalled());
    const ReceiverStats after = receiver->stats();
    QVERIFY2(after.staleVideoDropped > before.staleVideoDropped,
        qPrintable(QStringLiteral("dropped %1").arg(after.staleVideoDropped)));
    QVERIFY(after.keyFramesRequested > before.keyFramesRequested);
    QVERIFY(after.stalls >= 1);
    QVERIFY(waitForMoreMedia({receiver}, 15, 10000));
}

namespace {
// Posts an error on the bus as if `element` had failed (a DTLS or socket error, say).
void postError(GstElement *element)
{
    GError *error = g_error_new_literal(GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_FAILED, "test");
    gst_element_post_message(element, gst_message_new_error(GST_OBJECT(element), error, "test"));
    g_error_free(error);
}

ElementRef childNamedLike(GstElement *pipeline, const QString &prefix)
{
    ElementRef found;
    GstIterator *it = gst_bin_iterate_elements(GST_BIN(pipeline));
    GValue item = G_VALUE_INIT;
    while (!found && gst_iterator_next(it, &item) == GST_ITERATOR_OK) {
        auto *element = GST_ELEMENT(g_value_get_object(&item));
        if (QString::fromUtf8(GST_ELEMENT_NAME(element)).startsWith(prefix))
            found = ElementRef::share(element);
        g_value_reset(&item);
    }
    g_value_unset(&item);
    gst_iterator_free(it);
    return found;
}
} // namespace

void TestMediaBridge::aBridgesFailureEndsOnlyThatBridge()
{
    auto sender = makeSender();
    QVERIFY(sender);
    QSignalSpy programmeFailed(sender.get(), &ProgrammeSender::pipelineFailed);
    MediaHarness harness(sender.get());
    MediaReceiver *first = harness.addReceiver(QStringLiteral("bridge-1"));
    MediaReceiver *second = harness.addReceiver(QStringLiteral("bridge-2"));
    QVERIFY(first && second);
    QVERIFY(waitForMoreMedia({first, second}, 10, 30000));

    ElementRef webrtc = childNamedLike(sender->pipeline(), QStringLiteral("peer-bridge-1-"));
    QVERIFY(webrtc);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("peer bridge-1 failed")));
    postError(webrtc.get());
    QVERIFY(spinUntil(
        [&] { return harness.removedPeers() == QStringList {QStringLiteral("bridge-1")}; }, 10000));
    QCOMPARE(harness.errors().size(), 1);
    QVERIFY(harness.errors().first().startsWith(QLatin1String("bridge-1: ")));
    QCOMPARE(sender->peers(), QStringList {QStringLiteral("bridge-2")});
    QVERIFY(waitForMoreMedia({second}, 15, 10000));
    QCOMPARE(programmeFailed.size(), 0);

    // The programme's own elements failing is the programme's failure.
    ElementRef encoder
        = ElementRef::adopt(gst_bin_get_by_name(GST_BIN(sender->pipeline()), "programme-encoder"));
    QTest::ignoreMessage(QtWarningMsg,
        QRegularExpression(QStringLiteral("programme pipeline error: programme-encoder")));
    postError(encoder.get());
    QVERIFY(programmeFailed.wait(5000));
}

void TestMediaBridge::videoSinkFromTheFactory()
{
    // The kiosk will hand in its qml6glsink this way; frames are counted at any sink's pad.
    auto sender = makeSender();
    QVERIFY(sender);
    MediaHarness harness(sender.get());
    ReceiverConfig config = loopbackReceiver();
    // Called on a streaming thread.
    std::atomic_int made {0};
    config.videoSinkFactory = [&made]() -> Result<ElementRef> {
        ++made;
        auto sink = makeElement("fakesink", QStringLiteral("video-sink"));
        if (sink)
            g_object_set(sink->get(), "sync", TRUE, nullptr);
        return sink;
    };
    // The loudspeaker too (the kiosk's bridge plays the chamber's sound); audio is still
    // counted at the sink it makes.
    std::atomic_int speakers {0};
    config.audioSinkFactory = [&speakers]() -> Result<ElementRef> {
        ++speakers;
        return makeElement("fakesink", QStringLiteral("loudspeaker"));
    };
    MediaReceiver *receiver = harness.addReceiver(QStringLiteral("bridge-1"), config);
    QVERIFY(receiver);
    QVERIFY(waitForMoreMedia({receiver}, 20, 30000));
    QCOMPARE(made.load(), 1);
    QCOMPARE(speakers.load(), 1);
    QVERIFY(ElementRef::adopt(gst_bin_get_by_name(GST_BIN(receiver->pipeline()), "loudspeaker")));
    QCOMPARE(receiver->stats().videoSize, QSize(320, 240));
}

QTEST_GUILESS_MAIN(TestMediaBridge)
#include "test_media_bridge.moc"
