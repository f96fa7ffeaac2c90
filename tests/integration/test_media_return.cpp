// The bridges' return path and the floor, in one process over loopback WebRTC with the JSON
// signaling in memory: bridges receive the programme and send their camera and microphone
// back (ReturnSender); the chamber's picture is solid red, each bridge's another colour, so
// the pixels the receivers decode say whose video the programme carries. Checked: before the
// floor the chamber's, after floor {peer} that bridge's, after floor {} the chamber's again;
// audio flows across switches and mixes at chamberAudio; returns not on air are not decoded;
// a stalled or departed floor falls back to the chamber; camera off, microphone mute and the
// preview sink; malformed return signaling is refused and changes nothing.
#include "mediaharness.h"
#include "spin.h"

#include "media/floorswitch.h"
#include "media/gstsupport.h"
#include "media/returnpeer.h"

#include <gst/video/video.h>

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <cmath>

using namespace chamber;
using namespace chamber::media;
using namespace chamber::testing;

namespace {
constexpr quint32 kRed = 0xffff0000; // the chamber
constexpr quint32 kBlue = 0xff0000ff; // bridge d1
constexpr quint32 kGreen = 0xff00ff00; // bridge d2

// What a receiver decodes: the colour at the centre of each frame (from I420's chroma), how
// many frames in a row had it, and the level (RMS) of the last audio buffer.
class Watch
{
public:
    explicit Watch(MediaReceiver *receiver)
    {
        receiver->setVideoSampleHandler([this](GstSample *sample) { onFrame(sample); });
        receiver->setAudioSampleHandler([this](GstSample *sample) { onAudio(sample); });
    }
    char colour() const { return m_colour; }
    int run() const { return m_run; }
    double level() const { return m_level; }
    bool shows(char colour) const { return m_colour == colour && m_run >= 3; }

private:
    static char classify(int y, int u, int v)
    {
        if (y < 40 && std::abs(u - 128) < 16 && std::abs(v - 128) < 16)
            return 'k';
        if (v > 190 && u < 128)
            return 'r';
        if (u > 190 && v < 160)
            return 'b';
        if (u < 100 && v < 100)
            return 'g';
        return '?';
    }
    void onFrame(GstSample *sample)
    {
        GstVideoInfo info;
        if (!gst_video_info_from_caps(&info, gst_sample_get_caps(sample))
            || GST_VIDEO_INFO_FORMAT(&info) != GST_VIDEO_FORMAT_I420)
            return;
        GstVideoFrame frame;
        if (!gst_video_frame_map(&frame, &info, gst_sample_get_buffer(sample), GST_MAP_READ))
            return;
        const int x = GST_VIDEO_INFO_WIDTH(&info) / 2;
        const int row = GST_VIDEO_INFO_HEIGHT(&info) / 2;
        const auto at = [&](int plane, int px, int py) {
            return int(static_cast<const guint8 *>(GST_VIDEO_FRAME_PLANE_DATA(
                &frame, plane))[py * GST_VIDEO_FRAME_PLANE_STRIDE(&frame, plane) + px]);
        };
        const char colour = classify(at(0, x, row), at(1, x / 2, row / 2), at(2, x / 2, row / 2));
        gst_video_frame_unmap(&frame);
        m_run = colour == m_colour ? m_run + 1 : 1;
        m_colour = colour;
    }
    void onAudio(GstSample *sample)
    {
        GstMapInfo map;
        GstBuffer *buffer = gst_sample_get_buffer(sample);
        if (!gst_buffer_map(buffer, &map, GST_MAP_READ))
            return;
        // opusdec gives S16LE.
        const auto *samples = reinterpret_cast<const qint16 *>(map.data);
        const size_t count = map.size / 2;
        double sum = 0;
        for (size_t i = 0; i < count; ++i)
            sum += double(samples[i]) * samples[i];
        gst_buffer_unmap(buffer, &map);
        if (count)
            m_level = std::sqrt(sum / double(count));
    }

    std::atomic<char> m_colour {'?'};
    std::atomic_int m_run {0};
    std::atomic<double> m_level {0};
};

bool allShow(const QList<Watch *> &watches, char colour, int timeoutMs)
{
    return spinUntil(
        [&] {
            return std::all_of(
                watches.begin(), watches.end(), [&](Watch *w) { return w->shows(colour); });
        },
        timeoutMs);
}

QString colours(const QList<Watch *> &watches)
{
    QString text;
    for (Watch *w : watches)
        text += QLatin1Char(w->colour());
    return text;
}

// Elements of `pipeline` whose names start with `prefix` and contain `part`.
int elementsNamed(GstElement *pipeline, const QString &prefix, const QString &part)
{
    int found = 0;
    GstIterator *it = gst_bin_iterate_elements(GST_BIN(pipeline));
    GValue item = G_VALUE_INIT;
    while (gst_iterator_next(it, &item) == GST_ITERATOR_OK) {
        const QString name
            = QString::fromUtf8(GST_ELEMENT_NAME(GST_ELEMENT(g_value_get_object(&item))));
        if (name.startsWith(prefix) && name.contains(part))
            ++found;
        g_value_reset(&item);
    }
    g_value_unset(&item);
    gst_iterator_free(it);
    return found;
}

// Keyframes leaving the programme's encoder.
struct KeyFrameCount
{
    std::atomic_int count {0};
    explicit KeyFrameCount(GstElement *pipeline)
    {
        ElementRef encoder
            = ElementRef::adopt(gst_bin_get_by_name(GST_BIN(pipeline), "programme-encoder"));
        PadRef pad = PadRef::adopt(gst_element_get_static_pad(encoder.get(), "src"));
        gst_pad_add_probe(
            pad.get(), GST_PAD_PROBE_TYPE_BUFFER,
            [](GstPad *, GstPadProbeInfo *info, gpointer self) {
                if (!GST_BUFFER_FLAG_IS_SET(
                        GST_PAD_PROBE_INFO_BUFFER(info), GST_BUFFER_FLAG_DELTA_UNIT))
                    ++static_cast<KeyFrameCount *>(self)->count;
                return GST_PAD_PROBE_OK;
            },
            this, nullptr);
    }
};

// The latency the programme's audio encoder sees upstream (the live mixer waits that long).
GstClockTime audioLatency(GstElement *pipeline)
{
    ElementRef encoder
        = ElementRef::adopt(gst_bin_get_by_name(GST_BIN(pipeline), "programme-audio-encoder"));
    PadRef pad = PadRef::adopt(gst_element_get_static_pad(encoder.get(), "src"));
    GstQuery *query = gst_query_new_latency();
    GstClockTime min = GST_CLOCK_TIME_NONE;
    if (gst_pad_query(pad.get(), query))
        gst_query_parse_latency(query, nullptr, &min, nullptr);
    gst_query_unref(query);
    return min;
}

// Drops a return sender's video RTP (a camera or network dying), while the flag is set.
struct VideoBlock
{
    std::atomic_bool on {false};
    PadRef pad;
    gulong probe = 0;

    explicit VideoBlock(ReturnSender *sender)
    {
        ElementRef pay = ElementRef::adopt(
            gst_bin_get_by_name(GST_BIN(sender->pipeline()), "return-video-pay"));
        pad = PadRef::adopt(gst_element_get_static_pad(pay.get(), "src"));
        probe = gst_pad_add_probe(
            pad.get(), GST_PAD_PROBE_TYPE_BUFFER,
            [](GstPad *, GstPadProbeInfo *, gpointer self) {
                return static_cast<VideoBlock *>(self)->on ? GST_PAD_PROBE_DROP : GST_PAD_PROBE_OK;
            },
            this, nullptr);
    }
    ~VideoBlock() { gst_pad_remove_probe(pad.get(), probe); }
};
} // namespace

class TestMediaReturn : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void returnConnectsAndIsNotDecoded();
    void floorSwitchesTheProgramme();
    void chamberAudioMixesUnderTheBridge();
    void cameraOffAndPreview();
    void floorFallsBackWhenTheReturnStallsOrLeaves();
    void malformedReturnSignalingChangesNothing();
    void aReturnsFailureEndsOnlyThatReturn();

private:
    std::unique_ptr<ProgrammeSender> makeSender(int keyframeSeconds = 2);
};

void TestMediaReturn::initTestCase()
{
    initGStreamer();
}

std::unique_ptr<ProgrammeSender> TestMediaReturn::makeSender(int keyframeSeconds)
{
    ProgrammeConfig config = smallProgramme();
    config.testColor = kRed;
    config.keyframeSeconds = keyframeSeconds;
    auto sender = ProgrammeSender::create(config);
    if (!sender) {
        qWarning() << sender.error().message;
        return nullptr;
    }
    // A short stall limit keeps the fallback test quick.
    (*sender)->floor()->setStallMs(600);
    return std::move(sender).value();
}

void TestMediaReturn::returnConnectsAndIsNotDecoded()
{
    auto sender = makeSender();
    QVERIFY(sender);
    MediaHarness harness(sender.get());
    MediaReceiver *receiver = harness.addReceiver(QStringLiteral("d1"));
    QVERIFY(receiver);
    Watch watch(receiver);
    ReturnSender *back = harness.addReturn(QStringLiteral("d1"), loopbackReturn(kBlue));
    QVERIFY(back);
    QString offer;
    connect(back, &ReturnSender::outgoing, this, [&](const SignalMessage &message) {
        if (message.type == SignalType::ReturnOffer)
            offer = message.sdp;
    });
    QVERIFY2(
        spinUntil([&] { return harness.returnState(QStringLiteral("d1")) == u"connected"; }, 30000),
        qPrintable(harness.errors().join(u'\n')));
    // The two ends learn it on their own threads: the bridge's side may be a moment later.
    QVERIFY(spinUntil([&] { return back->connectionState() == u"connected"; }, 5000));
    // The bridge offers what the contract says: bundled, send-only H.264 constrained baseline
    // and Opus, with NACK and keyframe requests.
    for (const char *line : {"a=group:BUNDLE", "a=sendonly", "H264/90000", "OPUS/48000",
             "a=rtcp-fb:96 nack pli", "profile-level-id=42", "packetization-mode=1"})
        QVERIFY2(offer.contains(QLatin1String(line)), line);
    QCOMPARE(sender->floor()->returns(), QStringList {QStringLiteral("d1")});

    // Received and dropped before any depayloader: no floor, no decoding.
    ReturnPeer *returnPeer = sender->floor()->returnPeer(QStringLiteral("d1"));
    QVERIFY(returnPeer);
    QVERIFY(spinUntil([&] { return returnPeer->droppedPackets() > 60; }, 10000));
    const QString prefix = returnPeer->elementPrefix();
    QCOMPARE(elementsNamed(sender->pipeline(), prefix, QStringLiteral("decoder")), 0);
    QCOMPARE(elementsNamed(sender->pipeline(), prefix, QStringLiteral("depay")), 0);
    QCOMPARE(returnPeer->decodedFrames(), quint64(0));
    QVERIFY(allShow({&watch}, 'r', 10000));
    QVERIFY(sender->floor()->shownPeer().isEmpty());
    QVERIFY2(harness.errors().isEmpty(), qPrintable(harness.errors().join(u'\n')));
}

void TestMediaReturn::floorSwitchesTheProgramme()
{
    // Periodic keyframes only every 10 s, so those at the switches are the floor's.
    auto sender = makeSender(10);
    QVERIFY(sender);
    KeyFrameCount keyFrames(sender->pipeline());
    MediaHarness harness(sender.get());
    QList<MediaReceiver *> receivers;
    for (const char *peer : {"d1", "d2", "d3"})
        receivers << harness.addReceiver(QString::fromLatin1(peer));
    QVERIFY(!receivers.contains(nullptr));
    Watch w1(receivers[0]), w2(receivers[1]), w3(receivers[2]);
    const QList<Watch *> all {&w1, &w2, &w3};
    QVERIFY(harness.addReturn(QStringLiteral("d1"), loopbackReturn(kBlue)));
    QVERIFY(harness.addReturn(QStringLiteral("d2"), loopbackReturn(kGreen)));
    QVERIFY(spinUntil(
        [&] {
            return harness.returnState(QStringLiteral("d1")) == u"connected"
                && harness.returnState(QStringLiteral("d2")) == u"connected";
        },
        30000));
    QVERIFY2(allShow(all, 'r', 20000), qPrintable(colours(all)));
    FloorSwitch *floor = sender->floor();
    const QString prefix1 = floor->returnPeer(QStringLiteral("d1"))->elementPrefix();
    const QString prefix2 = floor->returnPeer(QStringLiteral("d2"))->elementPrefix();

    // d1 has the floor: every receiver (d1 itself too) decodes d1's colour, starting from a
    // keyframe.
    QTest::qWait(500); // past any keyframe a receiver's start-up asked for
    int keyFramesBefore = keyFrames.count;
    QVERIFY(harness.floor(QStringLiteral("d1")));
    QCOMPARE(floor->floorPeer(), QStringLiteral("d1"));
    QVERIFY2(allShow(all, 'b', 15000), qPrintable(colours(all)));
    QCOMPARE(floor->shownPeer(), QStringLiteral("d1"));
    QVERIFY(keyFrames.count > keyFramesBefore);
    QCOMPARE(receivers[2]->stats().videoSize, QSize(320, 240)); // scaled to the programme's
    QCOMPARE(elementsNamed(sender->pipeline(), prefix1, QStringLiteral("video-decoder")), 1);
    // d2 sends too, but is not on air: received, dropped, never decoded.
    QCOMPARE(elementsNamed(sender->pipeline(), prefix2, QStringLiteral("decoder")), 0);
    const quint64 dropped = floor->returnPeer(QStringLiteral("d2"))->droppedPackets();
    QVERIFY(spinUntil(
        [&] { return floor->returnPeer(QStringLiteral("d2"))->droppedPackets() > dropped + 20; },
        5000));
    QVERIFY(waitForMoreMedia(receivers, 15, 10000));

    // To d2: d1's decoding goes, d2's comes.
    keyFramesBefore = keyFrames.count;
    QVERIFY(harness.floor(QStringLiteral("d2")));
    QVERIFY2(allShow(all, 'g', 15000), qPrintable(colours(all)));
    QVERIFY(keyFrames.count > keyFramesBefore);
    QVERIFY(spinUntil(
        [&] { return elementsNamed(sender->pipeline(), prefix1, QStringLiteral("decoder")) == 0; },
        5000));
    QCOMPARE(elementsNamed(sender->pipeline(), prefix2, QStringLiteral("video-decoder")), 1);

    // Back to the chamber; nothing of the returns is decoded any more; audio never stopped.
    keyFramesBefore = keyFrames.count;
    QVERIFY(harness.floor());
    QVERIFY2(allShow(all, 'r', 15000), qPrintable(colours(all)));
    QVERIFY(floor->shownPeer().isEmpty());
    QVERIFY(keyFrames.count > keyFramesBefore);
    QVERIFY(spinUntil(
        [&] {
            return elementsNamed(
                       sender->pipeline(), QStringLiteral("return-"), QStringLiteral("decoder"))
                == 0;
        },
        5000));
    QVERIFY(waitForMoreMedia(receivers, 15, 10000));
    QCOMPARE(floor->switches(), quint64(3));
    for (MediaReceiver *receiver : receivers)
        QCOMPARE(receiver->connectionState(), QStringLiteral("connected"));
    QVERIFY2(harness.errors().isEmpty(), qPrintable(harness.errors().join(u'\n')));
}

void TestMediaReturn::chamberAudioMixesUnderTheBridge()
{
    auto sender = makeSender();
    QVERIFY(sender);
    MediaHarness harness(sender.get());
    MediaReceiver *bridge = harness.addReceiver(QStringLiteral("d1"));
    MediaReceiver *other = harness.addReceiver(QStringLiteral("d2"));
    QVERIFY(bridge && other);
    Watch watch(other);
    ReturnSender *back = harness.addReturn(QStringLiteral("d1"), loopbackReturn(kBlue));
    QVERIFY(back);
    QVERIFY(spinUntil(
        [&] { return harness.returnState(QStringLiteral("d1")) == u"connected"; }, 30000));
    // The chamber's tone, at full level (0.2 of full scale: an RMS of about 4600).
    QVERIFY(spinUntil([&] { return watch.level() > 1500; }, 15000));
    const GstClockTime latency = audioLatency(sender->pipeline());
    QVERIFY(latency != GST_CLOCK_TIME_NONE);

    // The bridge speaks with its microphone muted and the chamber's at 0 %: silence.
    back->setMicrophoneMuted(true);
    QVERIFY(harness.floor(QStringLiteral("d1"), 0));
    QVERIFY(allShow({&watch}, 'b', 15000));
    QVERIFY2(spinUntil([&] { return watch.level() < 100; }, 5000),
        qPrintable(QString::number(watch.level())));
    // Re-timed where it joins, the bridge's audio does not make the mixer wait for its jitter
    // buffer (which would delay the chamber's microphone as much).
    QCOMPARE(audioLatency(sender->pipeline()), latency);
    // Its microphone back: its tone.
    back->setMicrophoneMuted(false);
    QVERIFY2(spinUntil([&] { return watch.level() > 1500; }, 5000),
        qPrintable(QString::number(watch.level())));
    // Muted again, the chamber's microphone under it at 100 %: the chamber's tone.
    back->setMicrophoneMuted(true);
    QVERIFY(spinUntil([&] { return watch.level() < 100; }, 5000));
    QVERIFY(harness.floor(QStringLiteral("d1"), 100));
    QVERIFY2(spinUntil([&] { return watch.level() > 1500; }, 5000),
        qPrintable(QString::number(watch.level())));
    // Floor back to the chamber: the bridge's pad is muted, the chamber at full level.
    QVERIFY(harness.floor(QStringLiteral("d1"), 0));
    QVERIFY(spinUntil([&] { return watch.level() < 100; }, 5000));
    QVERIFY(harness.floor());
    QVERIFY(allShow({&watch}, 'r', 15000));
    QVERIFY(spinUntil([&] { return watch.level() > 1500; }, 5000));
    QVERIFY(waitForMoreMedia({bridge, other}, 15, 10000));
    QVERIFY2(harness.errors().isEmpty(), qPrintable(harness.errors().join(u'\n')));
}

void TestMediaReturn::cameraOffAndPreview()
{
    auto sender = makeSender();
    QVERIFY(sender);
    MediaHarness harness(sender.get());
    MediaReceiver *receiver = harness.addReceiver(QStringLiteral("d1"));
    QVERIFY(receiver);
    Watch watch(receiver);
    // The kiosk's own picture, small, from a tee before the encoder.
    std::atomic_int previewFrames {0};
    ReturnSenderConfig config = loopbackReturn(kBlue);
    config.previewSinkFactory = [&previewFrames]() -> Result<ElementRef> {
        auto sink = makeElement("fakesink", QStringLiteral("return-preview"));
        if (!sink)
            return sink;
        g_object_set(sink->get(), "sync", TRUE, nullptr);
        PadRef pad = PadRef::adopt(gst_element_get_static_pad(sink->get(), "sink"));
        gst_pad_add_probe(
            pad.get(), GST_PAD_PROBE_TYPE_BUFFER,
            [](GstPad *, GstPadProbeInfo *, gpointer count) {
                ++*static_cast<std::atomic_int *>(count);
                return GST_PAD_PROBE_OK;
            },
            &previewFrames, nullptr);
        return sink;
    };
    ReturnSender *back = harness.addReturn(QStringLiteral("d1"), config);
    QVERIFY(back);
    QVERIFY(spinUntil([&] { return previewFrames.load() > 10; }, 10000));
    QVERIFY(harness.floor(QStringLiteral("d1")));
    QVERIFY2(allShow({&watch}, 'b', 30000), qPrintable(colours({&watch})));

    // Camera off: black frames on air (the floor stays with the bridge), then its colour again.
    back->setCameraOff(true);
    QVERIFY2(allShow({&watch}, 'k', 10000), qPrintable(colours({&watch})));
    QCOMPARE(sender->floor()->shownPeer(), QStringLiteral("d1"));
    QVERIFY(back->stats().blackFrames > 0);
    back->setCameraOff(false);
    QVERIFY2(allShow({&watch}, 'b', 10000), qPrintable(colours({&watch})));
    const int before = previewFrames;
    QVERIFY(spinUntil([&] { return previewFrames.load() > before + 10; }, 5000));
    QVERIFY2(harness.errors().isEmpty(), qPrintable(harness.errors().join(u'\n')));
}

void TestMediaReturn::floorFallsBackWhenTheReturnStallsOrLeaves()
{
    auto sender = makeSender();
    QVERIFY(sender);
    MediaHarness harness(sender.get());
    MediaReceiver *speaker = harness.addReceiver(QStringLiteral("d1"));
    MediaReceiver *listener = harness.addReceiver(QStringLiteral("d2"));
    QVERIFY(speaker && listener);
    Watch watch(listener);
    ReturnSender *back = harness.addReturn(QStringLiteral("d1"), loopbackReturn(kBlue));
    QVERIFY(back);
    QVERIFY(harness.floor(QStringLiteral("d1")));
    QVERIFY2(allShow({&watch}, 'b', 30000), qPrintable(colours({&watch})));

    // The bridge's video stops reaching chamber-media: the programme does not freeze on its
    // last frame but shows the chamber, and says so (an error for d1, field "floor").
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("stalled or left")));
    auto block = std::make_unique<VideoBlock>(back);
    block->on = true;
    QVERIFY2(allShow({&watch}, 'r', 10000), qPrintable(colours({&watch})));
    QVERIFY(sender->floor()->shownPeer().isEmpty());
    QCOMPARE(sender->floor()->floorPeer(), QStringLiteral("d1"));
    const auto errors = harness.errorMessages();
    QVERIFY(!errors.isEmpty());
    QCOMPARE(errors.last().peer, QStringLiteral("d1"));
    QCOMPARE(errors.last().error.field, QStringLiteral("floor"));
    QCOMPARE(errors.last().error.code, ErrorCode::Unavailable);
    QVERIFY(waitForMoreMedia({listener}, 15, 10000));

    // Its video comes back while it still holds the floor: on air again.
    block->on = false;
    QVERIFY2(allShow({&watch}, 'b', 15000), qPrintable(colours({&watch})));
    QCOMPARE(sender->floor()->shownPeer(), QStringLiteral("d1"));
    block.reset();

    // The bridge leaves (remove-peer): its return goes with it, the chamber is on air.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("left: the programme")));
    harness.removeReceiver(QStringLiteral("d1"));
    QVERIFY(spinUntil([&] { return harness.removedPeers().size() == 1; }, 10000));
    QVERIFY2(allShow({&watch}, 'r', 10000), qPrintable(colours({&watch})));
    QVERIFY(sender->floor()->returns().isEmpty());
    QVERIFY(sender->floor()->floorPeer().isEmpty());
    QCOMPARE(elementsNamed(sender->pipeline(), QStringLiteral("return-"), QString()), 0);
    QVERIFY(waitForMoreMedia({listener}, 15, 10000));
}

void TestMediaReturn::malformedReturnSignalingChangesNothing()
{
    auto sender = makeSender();
    QVERIFY(sender);
    MediaHarness harness(sender.get());
    MediaReceiver *speaker = harness.addReceiver(QStringLiteral("d1"));
    MediaReceiver *listener = harness.addReceiver(QStringLiteral("d2"));
    QVERIFY(speaker && listener);
    Watch watch(listener);
    ReturnSender *back = harness.addReturn(QStringLiteral("d1"), loopbackReturn(kBlue));
    QVERIFY(back);
    QVERIFY(harness.floor(QStringLiteral("d1")));
    QVERIFY2(allShow({&watch}, 'b', 30000), qPrintable(colours({&watch})));
    QCOMPARE(harness.returnState(QStringLiteral("d1")), QStringLiteral("connected"));

    struct Case
    {
        SignalMessage message;
        ErrorCode code;
    };
    const QString audioOnly = QStringLiteral("v=0\r\no=- 1 0 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
                                             "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"
                                             "a=rtpmap:111 OPUS/48000/2\r\na=sendonly\r\n");
    const QString notSdp = QStringLiteral("v=0\r\nm=\r\nc=IN IP4\r\n");
    const QString candidate = QStringLiteral("candidate:1 1 UDP 1 127.0.0.1 9 typ host");
    const QList<Case> toMedia {
        {SignalMessage::returnOffer(QStringLiteral("nobody"), audioOnly), ErrorCode::NotFound},
        // A replacement offer that is no camera's leaves the running return alone.
        {SignalMessage::returnOffer(QStringLiteral("d1"), audioOnly), ErrorCode::BadField},
        {SignalMessage::returnOffer(QStringLiteral("d1"), notSdp), ErrorCode::BadField},
        {SignalMessage::returnCandidate(QStringLiteral("d2"), 0, candidate), ErrorCode::NotFound},
        {SignalMessage::returnCandidate(QStringLiteral("nobody"), 0, candidate),
            ErrorCode::NotFound},
        {SignalMessage::floor(QStringLiteral("nobody")), ErrorCode::NotFound},
        {SignalMessage::returnAnswer(QStringLiteral("d1"), audioOnly), ErrorCode::UnknownType},
        {SignalMessage::returnState(QStringLiteral("d1"), QStringLiteral("closed")),
            ErrorCode::UnknownType},
    };
    for (const Case &c : toMedia) {
        auto handled = sender->handle(throughJson(c.message));
        QVERIFY2(!handled, qPrintable(QString::fromUtf8(toJson(c.message))));
        QCOMPARE(errorCodeName(handled.error().code), errorCodeName(c.code));
        QVERIFY(!handled.error().message.isEmpty());
    }
    // What the parser refuses never reaches the programme.
    for (const char *line : {R"({"type":"floor","peer":"d2","chamberAudio":101})",
             R"({"type":"floor","peer":"d2","chamberAudio":"loud"})",
             R"({"type":"return-offer","peer":"d1"})",
             R"({"type":"return-candidate","peer":"d1","mline":0,"candidate":"x"})"})
        QVERIFY2(!parseSignal(QByteArray(line)), line);
    const QList<Case> toBridge {
        {SignalMessage::returnOffer(QStringLiteral("d1"), audioOnly), ErrorCode::UnknownType},
        {SignalMessage::returnAnswer(QStringLiteral("d9"), audioOnly), ErrorCode::NotFound},
        {SignalMessage::returnAnswer(QStringLiteral("d1"), audioOnly), ErrorCode::Conflict},
        {SignalMessage::addPeer(QStringLiteral("d1")), ErrorCode::UnknownType},
    };
    for (const Case &c : toBridge) {
        auto handled = back->handle(c.message);
        QVERIFY2(!handled, qPrintable(QString::fromUtf8(toJson(c.message))));
        QCOMPARE(errorCodeName(handled.error().code), errorCodeName(c.code));
    }

    QTest::qWait(1000);
    QCOMPARE(sender->floor()->returns(), QStringList {QStringLiteral("d1")});
    QCOMPARE(sender->floor()->floorPeer(), QStringLiteral("d1"));
    QCOMPARE(sender->floor()->shownPeer(), QStringLiteral("d1"));
    QCOMPARE(sender->floor()->returnState(QStringLiteral("d1")), QStringLiteral("connected"));
    QCOMPARE(sender->floor()->switches(), quint64(1));
    QVERIFY(allShow({&watch}, 'b', 5000));
    QVERIFY(waitForMoreMedia({speaker, listener}, 15, 10000));
    QVERIFY2(harness.errors().isEmpty(), qPrintable(harness.errors().join(u'\n')));
}

void TestMediaReturn::aReturnsFailureEndsOnlyThatReturn()
{
    auto sender = makeSender();
    QVERIFY(sender);
    QSignalSpy programmeFailed(sender.get(), &ProgrammeSender::pipelineFailed);
    MediaHarness harness(sender.get());
    MediaReceiver *speaker = harness.addReceiver(QStringLiteral("d1"));
    MediaReceiver *listener = harness.addReceiver(QStringLiteral("d2"));
    QVERIFY(speaker && listener);
    Watch watch(listener);
    QVERIFY(harness.addReturn(QStringLiteral("d1"), loopbackReturn(kBlue)));
    QVERIFY(harness.addReturn(QStringLiteral("d2"), loopbackReturn(kGreen)));
    QVERIFY(harness.floor(QStringLiteral("d1")));
    QVERIFY2(allShow({&watch}, 'b', 30000), qPrintable(colours({&watch})));

    // A DTLS or socket error inside d1's return (posted as its webrtcbin would): that return
    // goes, the chamber is on air, the programme and d1's programme connection go on.
    const QString prefix = sender->floor()->returnPeer(QStringLiteral("d1"))->elementPrefix();
    ElementRef webrtc = ElementRef::adopt(
        gst_bin_get_by_name(GST_BIN(sender->pipeline()), prefix.toUtf8().constData()));
    QVERIFY(webrtc);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("return of d1 failed")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("left: the programme")));
    GError *error = g_error_new_literal(GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_FAILED, "test");
    gst_element_post_message(
        webrtc.get(), gst_message_new_error(GST_OBJECT(webrtc.get()), error, "test"));
    g_error_free(error);
    QVERIFY(spinUntil(
        [&] { return sender->floor()->returns() == QStringList {QStringLiteral("d2")}; }, 10000));
    QVERIFY2(allShow({&watch}, 'r', 10000), qPrintable(colours({&watch})));
    QVERIFY(!harness.errorMessages().isEmpty());
    QCOMPARE(harness.errorMessages().last().peer, QStringLiteral("d1"));
    QCOMPARE(elementsNamed(sender->pipeline(), prefix, QString()), 0);
    QCOMPARE(sender->peers(), (QStringList {QStringLiteral("d1"), QStringLiteral("d2")}));
    QVERIFY(waitForMoreMedia({speaker, listener}, 15, 10000));
    QCOMPARE(programmeFailed.size(), 0);

    // d1 offers its return again (its sender restarted): on air again, as it still has the floor.
    QVERIFY(harness.addReturn(QStringLiteral("d1"), loopbackReturn(kBlue)));
    QVERIFY2(allShow({&watch}, 'b', 30000), qPrintable(colours({&watch})));
}

QTEST_GUILESS_MAIN(TestMediaReturn)
#include "test_media_return.moc"
