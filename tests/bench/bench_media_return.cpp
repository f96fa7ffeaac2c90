// Video bridges' return path: CPU of chamber-media (its own process, /proc/<pid>/stat) serving
// N bridges the programme, first with no bridge sending back (the baseline, same run), then
// with one bridge sending and on air, then with all N sending and one on air, then all N
// sending and the chamber on air, one on air again, and the baseline again once the bridges
// stopped sending (the machine's load drifts during a run; both baselines are printed). Bridges
// live in this process: receivers depayload without decoding, ReturnSenders encode their test
// pictures. What it shows: a return that is not on air costs chamber-media only its DTLS/SRTP and
// jitter buffer, the one on air its decoding.
#include "mediaharness.h"
#include "processinfo.h"
#include "spin.h"

#include "media/gstsupport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace chamber;
using namespace chamber::media;
using namespace chamber::testing;

namespace {

struct Phase
{
    QString name;
    int sending = 0;
    QString onAir;
    double cpuPercent = 0;
    double minFrameShare = 0;
    QJsonObject json() const
    {
        return {{QStringLiteral("phase"), name}, {QStringLiteral("returns_sending"), sending},
            {QStringLiteral("on_air"), onAir.isEmpty() ? QStringLiteral("chamber") : onAir},
            {QStringLiteral("media_cpu_percent"), cpuPercent},
            {QStringLiteral("min_frame_share"), minFrameShare}};
    }
};

Phase measure(
    MediaProcess &media, const QList<MediaReceiver *> &receivers, int fps, int seconds, Phase phase)
{
    spinUntil([] { return false; }, 2000); // settle: connections, keyframes, the switch
    QList<quint64> before;
    for (MediaReceiver *receiver : receivers)
        before << receiver->stats().videoFrames;
    const qint64 pid = media.process().processId();
    const double cpuBefore = bench::processCpuSeconds(pid);
    QElapsedTimer wall;
    wall.start();
    spinUntil([] { return false; }, seconds * 1000);
    const double elapsed = double(wall.nsecsElapsed()) / 1e9;
    phase.cpuPercent = 100.0 * (bench::processCpuSeconds(pid) - cpuBefore) / elapsed;
    phase.minFrameShare = 1e9;
    for (qsizetype i = 0; i < receivers.size(); ++i) {
        const double frames = double(receivers[i]->stats().videoFrames - before[i]);
        phase.minFrameShare = std::min(phase.minFrameShare, frames / (elapsed * fps));
    }
    std::printf("%-34s returns sending %2d  on air %-9s  chamber-media CPU %5.1f %%  "
                "min frame share %.3f\n",
        qPrintable(phase.name), phase.sending,
        qPrintable(phase.onAir.isEmpty() ? QStringLiteral("chamber") : phase.onAir),
        phase.cpuPercent, phase.minFrameShare);
    std::fflush(stdout);
    return phase;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("bridges"), QStringLiteral("Bridges"), QStringLiteral("n"),
            QStringLiteral("10")},
        {QStringLiteral("seconds"), QStringLiteral("Measuring time per phase"), QStringLiteral("s"),
            QStringLiteral("10")},
        {QStringLiteral("size"), QStringLiteral("Programme size"), QStringLiteral("WxH"),
            QStringLiteral("1280x720")},
        {QStringLiteral("fps"), QStringLiteral("Programme frames per second"), QStringLiteral("n"),
            QStringLiteral("30")},
        {QStringLiteral("return-size"), QStringLiteral("Each bridge's camera"),
            QStringLiteral("WxH"), QStringLiteral("640x360")},
        {QStringLiteral("return-fps"), QStringLiteral("Each bridge's frame rate"),
            QStringLiteral("n"), QStringLiteral("30")},
        {QStringLiteral("return-kbps"), QStringLiteral("Each bridge's H.264 bitrate"),
            QStringLiteral("kbit/s"), QStringLiteral("800")},
    });
    parser.process(app);
    initGStreamer();
    const int bridges = parser.value(QStringLiteral("bridges")).toInt();
    const int seconds = parser.value(QStringLiteral("seconds")).toInt();
    const int fps = parser.value(QStringLiteral("fps")).toInt();
    const QStringList returnSize = parser.value(QStringLiteral("return-size")).split(u'x');

    MediaProcess media;
    if (!media.start({QStringLiteral("--size"), parser.value(QStringLiteral("size")),
            QStringLiteral("--fps"), QString::number(fps), QStringLiteral("--ice-address"),
            QStringLiteral("127.0.0.1"), QStringLiteral("--max-peers"), QStringLiteral("200")})) {
        std::fprintf(stderr, "chamber-media did not start\n");
        return 1;
    }
    ReceiverConfig receiverConfig = loopbackReceiver();
    receiverConfig.decodeVideo = false;
    receiverConfig.sync = false;
    QList<MediaReceiver *> receivers;
    for (int i = 0; i < bridges; ++i)
        receivers << media.addReceiver(QStringLiteral("bench-%1").arg(i), receiverConfig);
    if (receivers.contains(nullptr) || !waitForMoreMedia(receivers, 10, 60000)) {
        std::fprintf(stderr, "the receivers got no programme\n");
        return 1;
    }
    ReturnSenderConfig back;
    back.width = returnSize.value(0).toInt();
    back.height = returnSize.value(1).toInt();
    back.fps = parser.value(QStringLiteral("return-fps")).toInt();
    back.videoKbps = parser.value(QStringLiteral("return-kbps")).toInt();
    back.webrtc.iceAddresses = {QStringLiteral("127.0.0.1")};
    const auto addReturns = [&](int from, int to) {
        for (int i = from; i < to; ++i) {
            if (!media.addReturn(QStringLiteral("bench-%1").arg(i), back))
                return false;
        }
        return spinUntil(
            [&] {
                for (int i = from; i < to; ++i) {
                    if (media.returnState(QStringLiteral("bench-%1").arg(i)) != u"connected")
                        return false;
                }
                return true;
            },
            60000);
    };

    QList<Phase> phases;
    phases << measure(
        media, receivers, fps, seconds, {QStringLiteral("baseline: no returns"), 0, QString()});
    if (!addReturns(0, 1)) {
        std::fprintf(stderr, "the first return did not connect\n");
        return 1;
    }
    const QString speaker = QStringLiteral("bench-0");
    media.send(SignalMessage::floor(speaker));
    phases << measure(
        media, receivers, fps, seconds, {QStringLiteral("one return, on air"), 1, speaker});
    if (!addReturns(1, bridges)) {
        std::fprintf(stderr, "the returns did not connect\n");
        return 1;
    }
    phases << measure(media, receivers, fps, seconds,
        {QStringLiteral("all returning, one on air"), bridges, speaker});
    media.send(SignalMessage::floor());
    phases << measure(media, receivers, fps, seconds,
        {QStringLiteral("all returning, chamber on air"), bridges, QString()});
    media.send(SignalMessage::floor(speaker));
    phases << measure(media, receivers, fps, seconds,
        {QStringLiteral("all returning, one on air (again)"), bridges, speaker});
    // The bridges stop sending (their senders go): the baseline again, against drift in the
    // machine's load during the run.
    media.send(SignalMessage::floor());
    for (int i = 0; i < bridges; ++i)
        media.dropReturn(QStringLiteral("bench-%1").arg(i));
    phases << measure(media, receivers, fps, seconds,
        {QStringLiteral("baseline again: returns stopped"), 0, QString()});
    // A fallback to the chamber (the on-air return stalled) would show here: the machine too
    // busy to carry the bridges.
    std::printf("errors from chamber-media: %d\n", int(media.errors().size()));
    for (const SignalMessage &error : media.errors())
        std::printf("  %s: %s\n", qPrintable(error.peer), qPrintable(error.error.message));

    QJsonArray runs;
    for (const Phase &phase : phases)
        runs << phase.json();
    const QJsonObject result {{QStringLiteral("bench"), QStringLiteral("media_return")},
        {QStringLiteral("bridges"), bridges},
        {QStringLiteral("programme"), parser.value(QStringLiteral("size"))},
        {QStringLiteral("return"), parser.value(QStringLiteral("return-size"))},
        {QStringLiteral("baseline_cpu_percent"),
            (phases.first().cpuPercent + phases.last().cpuPercent) / 2},
        {QStringLiteral("phases"), runs}};
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
