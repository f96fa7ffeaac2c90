// Decode time per 1280x720 camera frame, for the cases the join screen meets: a code in view
// (clean, or tilted and noisy), no code at all (the camera looking at the room, which is most
// frames), and the full path from an NV12 camera frame. As a baseline in the same run, the cost
// of QVideoFrame::toImage() + conversion to 8-bit grey, and of frameLuminance() alone.
//
//   bench_qr_decode [--iterations N]
//
// The last line of output is one JSON object with every figure.
#include "qrtestframes.h"
#include "scanner/frameluminance.h"
#include "scanner/qrdecode.h"
#include "stats.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QThread>

#include <cstdio>
#include <functional>
#include <numeric>

using namespace chamber;

namespace {

struct CaseResult
{
    QString name;
    QString expectation; // "code" or "no code"; what a correct run finds
    double p50 = 0, p95 = 0, mean = 0; // milliseconds
    int correct = 0;
    int iterations = 0;

    double framesPerSecond() const { return mean > 0 ? 1000.0 / mean : 0; }
    QJsonObject json() const
    {
        return {{QStringLiteral("name"), name}, {QStringLiteral("p50Ms"), p50},
            {QStringLiteral("p95Ms"), p95}, {QStringLiteral("meanMs"), mean},
            {QStringLiteral("framesPerSecondOneCore"), framesPerSecond()},
            {QStringLiteral("correct"), correct}, {QStringLiteral("iterations"), iterations}};
    }
};

// Runs work iterations times after a short warm-up; work returns whether the result was right.
CaseResult measure(const QString &name, int iterations, const std::function<bool()> &work)
{
    for (int i = 0; i < 3; ++i)
        work();
    std::vector<double> samples;
    samples.reserve(size_t(iterations));
    CaseResult result;
    result.name = name;
    result.iterations = iterations;
    QElapsedTimer timer;
    for (int i = 0; i < iterations; ++i) {
        timer.start();
        const bool correct = work();
        samples.push_back(double(timer.nsecsElapsed()) / 1e6);
        result.correct += correct ? 1 : 0;
    }
    result.p50 = bench::percentile(samples, 50);
    result.p95 = bench::percentile(samples, 95);
    result.mean = std::accumulate(samples.begin(), samples.end(), 0.0) / double(samples.size());
    std::printf("%-44s p50 %7.2f ms  p95 %7.2f ms  mean %7.2f ms  %6.1f frames/s  correct %d/%d\n",
        qPrintable(name), result.p50, result.p95, result.mean, result.framesPerSecond(),
        result.correct, iterations);
    std::fflush(stdout);
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    // QVideoFrame::toImage() needs a QGuiApplication; no display is needed.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("QR decode cost per 1280x720 frame"));
    parser.addHelpOption();
    const QCommandLineOption iterationsOption(QStringLiteral("iterations"),
        QStringLiteral("Timed runs per case (default 200)."), QStringLiteral("n"),
        QStringLiteral("200"));
    parser.addOption(iterationsOption);
    parser.process(app);
    bool valid = false;
    const int iterations = parser.value(iterationsOption).toInt(&valid);
    if (!valid || iterations < 1) {
        std::fprintf(stderr, "bench_qr_decode: --iterations needs a positive number\n");
        return 2;
    }

    const QString link = qrtest::joinUrl(2024);
    QImage clean = qrtest::roomBackground(1);
    qrtest::placeCard(clean, qrtest::qrCard(link, 300), QTransform().rotate(10));
    QImage tilted = qrtest::roomBackground(2);
    qrtest::placeCardInPerspective(tilted, qrtest::qrCard(link, 300),
        QPolygonF {QPointF(520, 170), QPointF(800, 190), QPointF(880, 560), QPointF(430, 520)});
    qrtest::addNoise(tilted, 10.0, 3);
    const QImage room = qrtest::roomBackground(3);
    const QImage cleanGrey = clean.convertToFormat(QImage::Format_Grayscale8);
    const QImage tiltedGrey = tilted.convertToFormat(QImage::Format_Grayscale8);
    const QImage roomGrey = room.convertToFormat(QImage::Format_Grayscale8);
    const QVideoFrame cleanNv12 = qrtest::toNv12Frame(clean);
    const QVideoFrame roomNv12 = qrtest::toNv12Frame(room);

    std::printf("bench_qr_decode: 1280x720 frames, %d iterations per case, one thread, %d cores, "
                "%s\n",
        iterations, QThread::idealThreadCount(), qPrintable(QSysInfo::prettyProductName()));
    auto hasCode = [&link](const std::optional<QString> &text) { return text && *text == link; };

    std::vector<CaseResult> results;
    results.push_back(measure(QStringLiteral("decode, code in view (clean)"), iterations,
        [&] { return hasCode(kiosk::decodeQr(cleanGrey)); }));
    results.push_back(measure(QStringLiteral("decode, code in view (perspective + noise)"),
        iterations, [&] { return hasCode(kiosk::decodeQr(tiltedGrey)); }));
    results.push_back(measure(QStringLiteral("decode, no code (room)"), iterations,
        [&] { return !kiosk::decodeQr(roomGrey).has_value(); }));
    // The scanner's path: the luminance buffer of the previous frame is reused.
    QImage buffer;
    results.push_back(
        measure(QStringLiteral("NV12 frame -> luminance -> decode, code"), iterations, [&] {
            buffer = kiosk::frameLuminance(cleanNv12, std::move(buffer));
            return hasCode(kiosk::decodeQr(buffer));
        }));
    results.push_back(
        measure(QStringLiteral("NV12 frame -> luminance -> decode, no code"), iterations, [&] {
            buffer = kiosk::frameLuminance(roomNv12, std::move(buffer));
            return !kiosk::decodeQr(buffer).has_value();
        }));
    results.push_back(measure(QStringLiteral("same, fresh luminance image per frame"), iterations,
        [&] { return !kiosk::decodeQr(kiosk::frameLuminance(roomNv12)).has_value(); }));
    std::printf("baseline, conversion only:\n");
    results.push_back(measure(QStringLiteral("NV12 toImage() + Grayscale8 (Qt)"), iterations,
        [&] { return !roomNv12.toImage().convertToFormat(QImage::Format_Grayscale8).isNull(); }));
    results.push_back(
        measure(QStringLiteral("NV12 frameLuminance(), buffer reused"), iterations, [&] {
            buffer = kiosk::frameLuminance(roomNv12, std::move(buffer));
            return !buffer.isNull();
        }));
    results.push_back(measure(QStringLiteral("NV12 frameLuminance(), fresh image"), iterations,
        [&] { return !kiosk::frameLuminance(roomNv12).isNull(); }));

    bool allCorrect = true;
    QJsonArray cases;
    for (const CaseResult &result : results) {
        allCorrect = allCorrect && result.correct == result.iterations;
        cases.append(result.json());
    }
    if (!allCorrect)
        std::printf("WARNING: some runs gave a wrong result; their timings do not mean much\n");
    const QJsonObject summary {{QStringLiteral("benchmark"), QStringLiteral("bench_qr_decode")},
        {QStringLiteral("frame"), QStringLiteral("1280x720")},
        {QStringLiteral("iterations"), iterations},
        {QStringLiteral("cores"), QThread::idealThreadCount()},
        {QStringLiteral("allCorrect"), allCorrect}, {QStringLiteral("cases"), cases}};
    std::printf("%s\n", QJsonDocument(summary).toJson(QJsonDocument::Compact).constData());
    return allCorrect ? 0 : 1;
}
