// Video bridges: end-to-end latency and the sender's CPU.
//
// Latency: a timestamp is drawn into every raw frame before the encoder (blocks in the luma
// plane) and read back from the decoded frame at the receiver's sink (which syncs like a
// display), p50/p95. Measured through the real path (ProgrammeSender → webrtcbin → loopback →
// MediaReceiver, DTLS-SRTP, 100 ms jitter buffer) and, in the same run, through the same encode
// over a bare rtpbin/udpsink → udpsrc/rtpbin link with the same jitter-buffer latency: the
// baseline. CPU: chamber-media (its own process) serving 1, 10, 20 receivers, from
// /proc/<pid>/stat, with the share of frames each receiver got (receivers here depayload but do
// not decode, so 20 of them do not starve the sender on 2 cores).
//
// Scale-out: the same latency with a real Janus in the path (programme RTP → Janus streaming
// mountpoint → Janus's WebRTC → receiver), and CPU of chamber-media AND of janus with every
// receiver through Janus (--janus-above 0). Janus offers no loopback candidates, so the whole
// benchmark runs in a network namespace of its own (veth address; see janusserver.h).
#include "framestamp.h"
#include "janusserver.h"
#include "mediaharness.h"
#include "spin.h"
#include "stats.h"

#include "media/gstsupport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QUdpSocket>

#include <gst/app/gstappsink.h>

#include <cstdio>
#include <unistd.h>

using namespace chamber;
using namespace chamber::media;
using namespace chamber::testing;

namespace {

struct Latency
{
    double p50 = 0;
    double p95 = 0;
    double max = 0;
    size_t samples = 0;
    size_t unreadable = 0;
    QJsonObject json() const
    {
        return {{QStringLiteral("p50_ms"), p50}, {QStringLiteral("p95_ms"), p95},
            {QStringLiteral("max_ms"), max}, {QStringLiteral("samples"), qint64(samples)},
            {QStringLiteral("unreadable"), qint64(unreadable)}};
    }
};

// Collects stamp latencies from decoded samples (streaming threads).
class StampReader
{
public:
    void read(GstSample *sample)
    {
        GstVideoInfo info;
        GstVideoFrame frame;
        if (!gst_video_info_from_caps(&info, gst_sample_get_caps(sample))
            || !gst_video_frame_map(&frame, &info, gst_sample_get_buffer(sample), GST_MAP_READ))
            return;
        const auto stamp = testing::readStamp(&frame);
        gst_video_frame_unmap(&frame);
        QMutexLocker locker(&m_lock);
        if (!m_recording)
            return;
        if (!stamp) {
            ++m_unreadable;
            return;
        }
        m_ms.push_back(double(uint32_t(testing::stampNow() - *stamp)) / 1000.0);
    }
    void record(bool on)
    {
        QMutexLocker locker(&m_lock);
        m_recording = on;
    }
    size_t count() const
    {
        QMutexLocker locker(&m_lock);
        return m_ms.size();
    }
    Latency summary() const
    {
        QMutexLocker locker(&m_lock);
        Latency latency;
        latency.p50 = bench::percentile(m_ms, 50);
        latency.p95 = bench::percentile(m_ms, 95);
        latency.max = bench::percentile(m_ms, 100);
        latency.samples = m_ms.size();
        latency.unreadable = m_unreadable;
        return latency;
    }

private:
    mutable QMutex m_lock;
    bool m_recording = false;
    std::vector<double> m_ms;
    size_t m_unreadable = 0;
};

void stampRawVideo(GstElement *pipeline)
{
    GstElement *raw = gst_bin_get_by_name(GST_BIN(pipeline), "programme-raw");
    GstPad *pad = gst_element_get_static_pad(raw, "src");
    testing::stampBuffersOn(pad);
    gst_object_unref(pad);
    gst_object_unref(raw);
}

bool measure(StampReader &reader, int seconds)
{
    // Warm-up: first keyframe, encoder rate control settling.
    spinUntil([] { return false; }, 2000);
    reader.record(true);
    spinUntil([] { return false; }, seconds * 1000);
    reader.record(false);
    return reader.count() > 0;
}

Latency webrtcLatency(const ProgrammeConfig &config, int seconds)
{
    StampReader reader;
    auto sender = ProgrammeSender::create(config);
    if (!sender) {
        std::fprintf(stderr, "sender: %s\n", qPrintable(sender.error().message));
        return {};
    }
    stampRawVideo((*sender)->pipeline());
    MediaHarness harness(sender->get());
    ReceiverConfig receiverConfig = loopbackReceiver();
    receiverConfig.webrtc.latencyMs = config.webrtc.latencyMs;
    // The handler goes in before the offer: MediaHarness::addReceiver makes the receiver and
    // asks for it, and the first sample comes after ICE and DTLS, well after this returns.
    MediaReceiver *receiver = harness.addReceiver(QStringLiteral("bench-1"), receiverConfig);
    if (!receiver)
        return {};
    receiver->setVideoSampleHandler([&reader](GstSample *sample) { reader.read(sample); });
    if (!waitForMoreMedia({receiver}, 10, 30000)) {
        std::fprintf(stderr, "webrtc: no media: %s\n", qPrintable(harness.errors().join(u' ')));
        return {};
    }
    measure(reader, seconds);
    receiver->setVideoSampleHandler({});
    return reader.summary();
}

quint16 freeUdpPort()
{
    QUdpSocket socket;
    socket.bind(QHostAddress::LocalHost, 0);
    return socket.localPort();
}

Latency baselineLatency(const ProgrammeConfig &config, int seconds)
{
    StampReader reader;
    const quint16 port = freeUdpPort();
    const QString send = config.pipelineDescription()
        + QStringLiteral(" video-tee. ! queue ! rtpbin.send_rtp_sink_0 rtpbin name=rtpbin"
                         " rtpbin.send_rtp_src_0 ! udpsink host=127.0.0.1 port=%1 sync=false"
                         " async=false")
              .arg(port);
    const QString receive
        = QStringLiteral("udpsrc address=127.0.0.1 port=%1 caps=\"application/x-rtp,media=video,"
                         "clock-rate=90000,encoding-name=H264,payload=%2\""
                         " ! rtpbin.recv_rtp_sink_0 rtpbin name=rtpbin latency=%3"
                         " ! rtph264depay ! avdec_h264 max-threads=1 ! videoconvert"
                         " ! appsink name=sink sync=true max-buffers=2 drop=true")
              .arg(port)
              .arg(kVideoPayloadType)
              .arg(config.webrtc.latencyMs);
    GError *error = nullptr;
    GstElement *receiver = gst_parse_launch(receive.toUtf8().constData(), &error);
    if (error) {
        std::fprintf(stderr, "baseline receiver: %s\n", error->message);
        return {};
    }
    GstElement *sender = gst_parse_launch(send.toUtf8().constData(), &error);
    if (error) {
        std::fprintf(stderr, "baseline sender: %s\n", error->message);
        return {};
    }
    GstElement *sink = gst_bin_get_by_name(GST_BIN(receiver), "sink");
    GstAppSinkCallbacks callbacks {};
    callbacks.new_sample = [](GstAppSink *appsink, gpointer data) {
        if (GstSample *sample = gst_app_sink_pull_sample(appsink)) {
            static_cast<StampReader *>(data)->read(sample);
            gst_sample_unref(sample);
        }
        return GST_FLOW_OK;
    };
    gst_app_sink_set_callbacks(GST_APP_SINK(sink), &callbacks, &reader, nullptr);
    stampRawVideo(sender);
    gst_element_set_state(receiver, GST_STATE_PLAYING);
    gst_element_set_state(sender, GST_STATE_PLAYING);
    // Wait for the first decoded stamps, then measure as for WebRTC.
    reader.record(true);
    spinUntil([&] { return reader.count() > 10; }, 30000);
    reader.record(false);
    StampReader measured;
    gst_app_sink_set_callbacks(GST_APP_SINK(sink), &callbacks, &measured, nullptr);
    gst_object_unref(sink);
    measure(measured, seconds);
    gst_element_set_state(sender, GST_STATE_NULL);
    gst_element_set_state(receiver, GST_STATE_NULL);
    gst_object_unref(sender);
    gst_object_unref(receiver);
    return measured.summary();
}

// utime + stime of a process, in seconds.
double cpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return (fields[11].toDouble() + fields[12].toDouble()) / double(sysconf(_SC_CLK_TCK));
}

struct CpuRun
{
    int receivers = 0;
    int connected = 0;
    double cpuPercent = 0;
    double minFrameShare = 0;
    QJsonObject json() const
    {
        return {{QStringLiteral("receivers"), receivers}, {QStringLiteral("receiving"), connected},
            {QStringLiteral("sender_cpu_percent"), cpuPercent},
            {QStringLiteral("min_frame_share"), minFrameShare}};
    }
};

CpuRun senderCpu(const ProgrammeConfig &config, int receivers, int seconds)
{
    CpuRun run;
    run.receivers = receivers;
    MediaProcess media;
    if (!media.start({QStringLiteral("--latency"), QString::number(config.webrtc.latencyMs),
            QStringLiteral("--size"), QStringLiteral("%1x%2").arg(config.width).arg(config.height),
            QStringLiteral("--fps"), QString::number(config.fps), QStringLiteral("--video-kbps"),
            QString::number(config.videoKbps), QStringLiteral("--ice-address"),
            QStringLiteral("127.0.0.1"), QStringLiteral("--max-peers"), QStringLiteral("200")})) {
        std::fprintf(stderr, "chamber-media did not start\n");
        return run;
    }
    ReceiverConfig receiverConfig = loopbackReceiver();
    receiverConfig.decodeVideo = false;
    receiverConfig.sync = false;
    QList<MediaReceiver *> all;
    for (int i = 0; i < receivers; ++i)
        all << media.addReceiver(QStringLiteral("bench-%1").arg(i), receiverConfig);
    if (all.contains(nullptr))
        return run;
    waitForMoreMedia(all, 10, 60000);
    spinUntil([] { return false; }, 1000);
    QList<quint64> before;
    for (MediaReceiver *receiver : all)
        before << receiver->stats().videoFrames;
    const qint64 pid = media.process().processId();
    const double cpuBefore = cpuSeconds(pid);
    QElapsedTimer wall;
    wall.start();
    spinUntil([] { return false; }, seconds * 1000);
    const double cpuAfter = cpuSeconds(pid);
    const double elapsed = double(wall.nsecsElapsed()) / 1e9;
    run.cpuPercent = 100.0 * (cpuAfter - cpuBefore) / elapsed;
    run.minFrameShare = 1e9;
    for (qsizetype i = 0; i < all.size(); ++i) {
        const double frames = double(all[i]->stats().videoFrames - before[i]);
        if (frames > 0)
            ++run.connected;
        run.minFrameShare = std::min(run.minFrameShare, frames / (elapsed * config.fps));
    }
    return run;
}

// The receivers of the Janus runs gather on loopback and on the namespace's address.
ReceiverConfig janusReceiver()
{
    ReceiverConfig config = loopbackReceiver();
    config.webrtc.iceAddresses << privateNetworkAddress();
    return config;
}

Latency janusLatency(const ProgrammeConfig &config, int seconds, JanusServer *janus)
{
    StampReader reader;
    auto sender = ProgrammeSender::create(config);
    if (!sender) {
        std::fprintf(stderr, "sender: %s\n", qPrintable(sender.error().message));
        return {};
    }
    stampRawVideo((*sender)->pipeline());
    PeerRouter router(sender->get(), config, ScaleOutConfig {{janus->url()}, 0});
    router.start();
    if (!spinUntil([&] { return router.janus().front()->isReady(); }, 15000)) {
        std::fprintf(stderr, "janus: no mountpoint\n");
        return {};
    }
    MediaHarness harness(&router);
    ReceiverConfig receiverConfig = janusReceiver();
    receiverConfig.webrtc.latencyMs = config.webrtc.latencyMs;
    MediaReceiver *receiver = harness.addReceiver(QStringLiteral("bench-janus"), receiverConfig);
    if (!receiver)
        return {};
    receiver->setVideoSampleHandler([&reader](GstSample *sample) { reader.read(sample); });
    if (!waitForMoreMedia({receiver}, 10, 30000)) {
        std::fprintf(stderr, "janus: no media: %s\n", qPrintable(harness.errors().join(u' ')));
        return {};
    }
    measure(reader, seconds);
    receiver->setVideoSampleHandler({});
    return reader.summary();
}

struct JanusCpuRun
{
    int receivers = 0;
    int receiving = 0;
    double mediaCpuPercent = 0;
    double janusCpuPercent = 0;
    double minFrameShare = 0;
    QJsonObject json() const
    {
        return {{QStringLiteral("receivers"), receivers}, {QStringLiteral("receiving"), receiving},
            {QStringLiteral("chamber_media_cpu_percent"), mediaCpuPercent},
            {QStringLiteral("janus_cpu_percent"), janusCpuPercent},
            {QStringLiteral("min_frame_share"), minFrameShare}};
    }
};

// chamber-media with every receiver through Janus; a fresh Janus per run.
JanusCpuRun janusCpu(const ProgrammeConfig &config, int receivers, int seconds)
{
    JanusCpuRun run;
    run.receivers = receivers;
    JanusServer janus;
    if (!janus.start()) {
        std::fprintf(stderr, "janus: %s\n", qPrintable(janus.error()));
        return run;
    }
    MediaProcess media;
    if (!media.start({QStringLiteral("--latency"), QString::number(config.webrtc.latencyMs),
            QStringLiteral("--size"), QStringLiteral("%1x%2").arg(config.width).arg(config.height),
            QStringLiteral("--fps"), QString::number(config.fps), QStringLiteral("--video-kbps"),
            QString::number(config.videoKbps), QStringLiteral("--ice-address"),
            QStringLiteral("127.0.0.1"), QStringLiteral("--janus"), janus.url().toString(),
            QStringLiteral("--janus-above"), QStringLiteral("0")})) {
        std::fprintf(stderr, "chamber-media did not start\n");
        return run;
    }
    ReceiverConfig receiverConfig = janusReceiver();
    receiverConfig.decodeVideo = false;
    receiverConfig.sync = false;
    QList<MediaReceiver *> all;
    for (int i = 0; i < receivers; ++i)
        all << media.addReceiver(QStringLiteral("bench-%1").arg(i), receiverConfig);
    if (all.contains(nullptr))
        return run;
    waitForMoreMedia(all, 10, 60000);
    spinUntil([] { return false; }, 1000);
    QList<quint64> before;
    for (MediaReceiver *receiver : all)
        before << receiver->stats().videoFrames;
    const qint64 mediaPid = media.process().processId();
    const double mediaBefore = cpuSeconds(mediaPid);
    const double janusBefore = cpuSeconds(janus.pid());
    QElapsedTimer wall;
    wall.start();
    spinUntil([] { return false; }, seconds * 1000);
    const double elapsed = double(wall.nsecsElapsed()) / 1e9;
    run.mediaCpuPercent = 100.0 * (cpuSeconds(mediaPid) - mediaBefore) / elapsed;
    run.janusCpuPercent = 100.0 * (cpuSeconds(janus.pid()) - janusBefore) / elapsed;
    run.minFrameShare = 1e9;
    for (qsizetype i = 0; i < all.size(); ++i) {
        const double frames = double(all[i]->stats().videoFrames - before[i]);
        if (frames > 0)
            ++run.receiving;
        run.minFrameShare = std::min(run.minFrameShare, frames / (elapsed * config.fps));
    }
    if (!media.errors().isEmpty())
        std::fprintf(
            stderr, "chamber-media errors: %s\n", qPrintable(media.errors().first().error.message));
    return run;
}

} // namespace

int main(int argc, char **argv)
{
    // Janus gathers no loopback candidates: everything runs in a network namespace of its own.
    reexecInPrivateNetwork(argc, argv);
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("seconds"), QStringLiteral("Measuring time per run"), QStringLiteral("s"),
            QStringLiteral("10")},
        {QStringLiteral("size"), QStringLiteral("Programme size"), QStringLiteral("WxH"),
            QStringLiteral("1280x720")},
        {QStringLiteral("fps"), QStringLiteral("Frames per second"), QStringLiteral("n"),
            QStringLiteral("30")},
        {QStringLiteral("receivers"), QStringLiteral("Receiver counts for the CPU runs"),
            QStringLiteral("list"), QStringLiteral("1,10,20")},
        {QStringLiteral("latency"), QStringLiteral("Jitter-buffer latency (both paths)"),
            QStringLiteral("ms"), QStringLiteral("100")},
        {QStringLiteral("janus-receivers"),
            QStringLiteral("Receiver counts for the CPU runs through Janus"),
            QStringLiteral("list"), QStringLiteral("1,10,20,40")},
        {QStringLiteral("no-janus"), QStringLiteral("Skip the runs through Janus")},
    });
    parser.process(app);
    initGStreamer();

    ProgrammeConfig config;
    const QStringList size = parser.value(QStringLiteral("size")).split(u'x');
    config.width = size.value(0).toInt();
    config.height = size.value(1).toInt();
    config.fps = parser.value(QStringLiteral("fps")).toInt();
    config.webrtc.iceAddresses = {QStringLiteral("127.0.0.1")};
    config.webrtc.latencyMs = parser.value(QStringLiteral("latency")).toInt();
    if (auto valid = config.validate(); !valid) {
        std::fprintf(stderr, "%s\n", qPrintable(valid.error().message));
        return 2;
    }
    const int seconds = parser.value(QStringLiteral("seconds")).toInt();

    const Latency webrtc = webrtcLatency(config, seconds);
    std::printf("webrtc (webrtcbin, DTLS-SRTP, %d ms jitter buffer)  p50 %6.1f ms  p95 %6.1f ms"
                "  max %6.1f ms  (%zu frames, %zu unreadable)\n",
        config.webrtc.latencyMs, webrtc.p50, webrtc.p95, webrtc.max, webrtc.samples,
        webrtc.unreadable);
    const Latency baseline = baselineLatency(config, seconds);
    std::printf("baseline (rtpbin over udp, same encode and latency)  p50 %6.1f ms  p95 %6.1f ms"
                "  max %6.1f ms  (%zu frames, %zu unreadable)\n",
        baseline.p50, baseline.p95, baseline.max, baseline.samples, baseline.unreadable);

    QJsonArray cpu;
    for (const QString &count : parser.value(QStringLiteral("receivers")).split(u',')) {
        const CpuRun run = senderCpu(config, count.toInt(), seconds);
        std::printf("chamber-media with %2d receivers: %5.1f %% CPU (of one core), %d receiving,"
                    " worst receiver got %.0f %% of the frames\n",
            run.receivers, run.cpuPercent, run.connected, run.minFrameShare * 100);
        cpu.append(run.json());
    }

    Latency viaJanus;
    QJsonArray janusCpuRuns;
    const bool withJanus = !parser.isSet(QStringLiteral("no-janus"));
    if (withJanus) {
        JanusServer janus;
        if (!janus.start()) {
            std::fprintf(stderr, "janus: %s\n", qPrintable(janus.error()));
        } else {
            viaJanus = janusLatency(config, seconds, &janus);
            std::printf(
                "janus (RTP → streaming mountpoint → Janus WebRTC, %d ms jitter buffer)"
                "  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  (%zu frames, %zu unreadable)\n",
                config.webrtc.latencyMs, viaJanus.p50, viaJanus.p95, viaJanus.max, viaJanus.samples,
                viaJanus.unreadable);
        }
        for (const QString &count : parser.value(QStringLiteral("janus-receivers")).split(u',')) {
            const JanusCpuRun run = janusCpu(config, count.toInt(), seconds);
            std::printf("through janus, %2d receivers: chamber-media %5.1f %% CPU, janus %5.1f %%"
                        " CPU (of one core), %d receiving, worst receiver got %.0f %% of the"
                        " frames\n",
                run.receivers, run.mediaCpuPercent, run.janusCpuPercent, run.receiving,
                run.minFrameShare * 100);
            janusCpuRuns.append(run.json());
        }
    }

    const QJsonObject result {
        {QStringLiteral("bench"), QStringLiteral("media")},
        {QStringLiteral("size"), QStringLiteral("%1x%2").arg(config.width).arg(config.height)},
        {QStringLiteral("fps"), config.fps},
        {QStringLiteral("latency_setting_ms"), config.webrtc.latencyMs},
        {QStringLiteral("webrtc"), webrtc.json()},
        {QStringLiteral("baseline_rtpbin"), baseline.json()},
        {QStringLiteral("sender_cpu"), cpu},
        {QStringLiteral("janus"), viaJanus.json()},
        {QStringLiteral("janus_cpu"), janusCpuRuns},
        {QStringLiteral("janus_goal_p50_met"), viaJanus.samples > 0 && viaJanus.p50 <= 150},
        {QStringLiteral("goal_p50_met"), webrtc.samples > 0 && webrtc.p50 <= 150},
    };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return webrtc.samples > 0 && baseline.samples > 0 && (!withJanus || viaJanus.samples > 0) ? 0
                                                                                              : 1;
}
