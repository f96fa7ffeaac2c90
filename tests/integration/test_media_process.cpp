// chamber-media as chamberd will run it: a child process speaking JSON lines on stdin/stdout.
// A receiver in the test answers its offer through the pipes and decodes frames; malformed
// lines get error lines and change nothing; remove-peer, end of stdin, bad options; and
// killing the process leaves the test process (and its receiver) fine.
#include "mediaharness.h"
#include "spin.h"

#include "media/gstsupport.h"

#include "childprocess.h"

#include <gst/video/video.h>

#include <QSignalSpy>
#include <QTest>

#include <atomic>

using namespace chamber;
using namespace chamber::media;
using namespace chamber::testing;

class TestMediaProcess : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { initGStreamer(); }
    void receiverDecodesThroughThePipes();
    void floorThroughThePipes();
    void endOfStdinEndsTheProcess();
    void badOptionsRefused();
    void icePortsStayInTheRange();
};

void TestMediaProcess::receiverDecodesThroughThePipes()
{
    MediaProcess media;
    QVERIFY(media.start());
    MediaReceiver *receiver = media.addReceiver(QStringLiteral("bridge-1"));
    QVERIFY(receiver);
    QVERIFY(waitForMoreMedia({receiver}, 30, 30000));
    QCOMPARE(receiver->stats().videoSize, QSize(320, 240));
    QVERIFY(spinUntil([&] { return media.typeCount(SignalType::PeerState) > 0; }, 5000));

    // Malformed lines: an error line each, nothing else changes.
    const int errorsBefore = int(media.errors().size());
    media.writeLine("not json");
    media.writeLine(R"({"type":"answer","peer":"bridge-1"})");
    media.writeLine(R"({"type":"answer","peer":"nobody","sdp":"v=0\r\nm=video 9 RTP/AVP 96\r\n"})");
    media.writeLine(
        R"({"type":"offer","peer":"bridge-1","sdp":"v=0\r\nm=video 9 RTP/AVP 96\r\n"})");
    media.writeLine("{\"type\":\"add-peer\",\"peer\":\"" + QByteArray(100000, 'x') + "\"}");
    media.writeLine(R"({"type":"add-peer","peer":"bridge-1"})");
    QVERIFY(spinUntil([&] { return media.errors().size() == errorsBefore + 6; }, 10000));
    QStringList codes;
    for (const SignalMessage &error : media.errors().mid(errorsBefore))
        codes << errorCodeName(error.error.code);
    QCOMPARE(codes,
        (QStringList {QStringLiteral("bad_json"), QStringLiteral("missing_field"),
            QStringLiteral("not_found"), QStringLiteral("unknown_type"),
            QStringLiteral("too_large"), QStringLiteral("conflict")}));
    QVERIFY(media.badLines().isEmpty());
    QCOMPARE(media.process().state(), QProcess::Running);
    QVERIFY(waitForMoreMedia({receiver}, 15, 10000));

    // A second bridge, then the first leaves: peer-removed, the second keeps receiving.
    MediaReceiver *second = media.addReceiver(QStringLiteral("bridge-2"));
    QVERIFY(second);
    QVERIFY(waitForMoreMedia({receiver, second}, 15, 30000));
    media.send(SignalMessage::removePeer(QStringLiteral("bridge-1")));
    QVERIFY(spinUntil([&] { return media.typeCount(SignalType::PeerRemoved) == 1; }, 10000));
    media.dropReceiver(QStringLiteral("bridge-1"));
    QVERIFY(waitForMoreMedia({second}, 15, 10000));

    // The media process dies: the receiver notices the stall; this process carries on.
    QSignalSpy stalled(second, &MediaReceiver::stalled);
    media.process().kill();
    QVERIFY(media.process().waitForFinished(5000));
    QVERIFY(stalled.wait(5000));
    const quint64 frames = second->stats().videoFrames;
    QTest::qWait(300);
    QCOMPARE(second->stats().videoFrames, frames);
}

void TestMediaProcess::floorThroughThePipes()
{
    // The chamber solid red, the bridge's return solid blue: the programme's mean chroma says
    // whose picture it is.
    MediaProcess media;
    QVERIFY(media.start(
        smallMediaOptions() << QStringLiteral("--test-color") << QStringLiteral("ff0000")));
    MediaReceiver *receiver = media.addReceiver(QStringLiteral("d1"));
    QVERIFY(receiver);
    std::atomic_int blue {0};
    std::atomic_int red {0};
    receiver->setVideoSampleHandler([&](GstSample *sample) {
        GstVideoInfo info;
        GstVideoFrame frame;
        if (!gst_video_info_from_caps(&info, gst_sample_get_caps(sample))
            || !gst_video_frame_map(&frame, &info, gst_sample_get_buffer(sample), GST_MAP_READ))
            return;
        // Centre of the U and V planes (I420).
        const int x = GST_VIDEO_INFO_WIDTH(&info) / 4;
        const int y = GST_VIDEO_INFO_HEIGHT(&info) / 4;
        const auto chroma = [&](int plane) {
            return int(static_cast<const guint8 *>(GST_VIDEO_FRAME_PLANE_DATA(
                &frame, plane))[y * GST_VIDEO_FRAME_PLANE_STRIDE(&frame, plane) + x]);
        };
        const int u = chroma(1);
        const int v = chroma(2);
        gst_video_frame_unmap(&frame);
        blue = u > 190 && v < 160 ? blue + 1 : 0;
        red = v > 190 && u < 128 ? red + 1 : 0;
    });
    QVERIFY(waitForMoreMedia({receiver}, 10, 30000));
    ReturnSenderConfig back;
    back.testPattern = QStringLiteral("solid-color");
    back.testColor = 0xff0000ff;
    back.width = 160;
    back.height = 120;
    back.fps = 15;
    back.webrtc.iceAddresses = {QStringLiteral("127.0.0.1")};
    QVERIFY(media.addReturn(QStringLiteral("d1"), back));
    QVERIFY(
        spinUntil([&] { return media.returnState(QStringLiteral("d1")) == u"connected"; }, 30000));
    QVERIFY(spinUntil([&] { return red > 3; }, 10000));

    // Malformed floors: an error line each, the programme unchanged.
    const int errorsBefore = int(media.errors().size());
    media.writeLine(R"({"type":"floor","peer":"d1","chamberAudio":300})");
    media.writeLine(R"({"type":"floor","peer":"nobody"})");
    media.writeLine(
        R"({"type":"return-offer","peer":"d1","sdp":"v=0\r\nm=audio 9 RTP/AVP 0\r\n"})");
    QVERIFY(spinUntil([&] { return media.errors().size() == errorsBefore + 3; }, 10000));
    QStringList codes;
    for (const SignalMessage &error : media.errors().mid(errorsBefore))
        codes << errorCodeName(error.error.code);
    QCOMPARE(codes,
        (QStringList {QStringLiteral("bad_field"), QStringLiteral("not_found"),
            QStringLiteral("bad_field")}));
    QTest::qWait(500);
    QVERIFY(red > 3);

    media.send(SignalMessage::floor(QStringLiteral("d1"), 50));
    QVERIFY(spinUntil([&] { return blue > 3; }, 15000));
    media.send(SignalMessage::floor());
    QVERIFY(spinUntil([&] { return red > 3; }, 15000));
    QVERIFY(media.badLines().isEmpty());
    QCOMPARE(media.process().state(), QProcess::Running);
}

void TestMediaProcess::icePortsStayInTheRange()
{
    // chamber-firewall opens [media] ice-ports and nothing else: every candidate chamber-media
    // offers must use a port in it, and the connection must still come up.
    MediaProcess media;
    QList<quint16> ports;
    connect(&media, &MediaProcess::received, this, [&](const SignalMessage &message) {
        // "candidate:FOUNDATION COMPONENT TRANSPORT PRIORITY ADDRESS PORT typ ...". Media goes
        // over UDP; ICE-TCP candidates (active ones say port 9) are not what the range is for.
        const QStringList fields = message.candidate.split(u' ');
        if (message.type == SignalType::Candidate
            && fields.value(2).compare(QLatin1String("UDP"), Qt::CaseInsensitive) == 0)
            ports << quint16(fields.value(5).toUInt());
    });
    QVERIFY(media.start(smallMediaOptions()
        + QStringList {QStringLiteral("--ice-ports"), QStringLiteral("41230-41239")}));
    MediaReceiver *receiver = media.addReceiver(QStringLiteral("bridge-1"));
    QVERIFY(receiver);
    QVERIFY(waitForMoreMedia({receiver}, 15, 30000));
    QVERIFY(!ports.isEmpty());
    for (const quint16 port : ports)
        QVERIFY2(port >= 41230 && port <= 41239, qPrintable(QString::number(port)));
}

void TestMediaProcess::endOfStdinEndsTheProcess()
{
    MediaProcess media;
    QVERIFY(media.start());
    // The supervisor is gone: the media process must not linger.
    media.process().closeWriteChannel();
    QVERIFY(media.process().waitForFinished(10000));
    QCOMPARE(media.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(media.process().exitCode(), 0);
}

void TestMediaProcess::badOptionsRefused()
{
    for (const QStringList &arguments :
        {QStringList {QStringLiteral("--size"), QStringLiteral("big")},
            QStringList {QStringLiteral("--video"), QStringLiteral("camera")},
            QStringList {QStringLiteral("--fps"), QStringLiteral("0")},
            QStringList {QStringLiteral("--no-such-option")}}) {
        QProcess process;
        chamber::testing::dieWithTest(process);
        process.start(mediaProcessProgram(), arguments);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY2(process.readAllStandardError().contains("chamber-media:"),
            qPrintable(arguments.join(u' ')));
        QVERIFY(process.readAllStandardOutput().isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestMediaProcess)
#include "test_media_process.moc"
