// Joining benchmark: from the camera frame that holds the seat card's QR code to the role's
// screen drawn, through the real path: QrScanner (ZXing on its worker thread) → join link →
// enroll over pinned TLS → hello → subscribe → snapshot → the chair console loaded and
// rendered. Against a real chamberd started by the benchmark. Each stage is timed so a slow
// step shows. As baselines in the same run: one TLS WebSocket connect + hello + ping round trip
// to the same server, and decodeQr() alone on the same frame.
#include "kioskstate.h"
#include "qmlplugins.h"
#include "qrcode/qrcode.h"
#include "qrimageprovider.h"
#include "restcall.h"
#include "scanner/qrdecode.h"
#include "scanner/qrscanner.h"
#include "serverprocess.h"
#include "stats.h"
#include "wsclient.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QVideoFrame>
#include <QVideoFrameFormat>

#include <cstdio>

using namespace chamber;

namespace {

// A 1280x720 camera-like frame: grey room, the card slightly off-centre.
QImage frameWith(const QString &text)
{
    QImage frame(1280, 720, QImage::Format_RGB32);
    frame.fill(QColor(96, 104, 110));
    QPainter painter(&frame);
    painter.fillRect(QRect(380, 120, 520, 480), QColor(238, 236, 230));
    const QImage code = qrcode::toImage(qrcode::encode(text.toUtf8()).value(), 5, 4);
    painter.drawImage(QPoint(640 - code.width() / 2, 360 - code.height() / 2), code);
    return frame;
}

QVideoFrame toVideoFrame(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGBX8888);
    QVideoFrame frame(QVideoFrameFormat(rgb.size(), QVideoFrameFormat::Format_RGBX8888));
    frame.map(QVideoFrame::WriteOnly);
    for (int y = 0; y < rgb.height(); ++y)
        memcpy(frame.bits(0) + y * frame.bytesPerLine(0), rgb.constScanLine(y),
            size_t(rgb.bytesPerLine()));
    frame.unmap();
    return frame;
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

bool spin(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
    }
    return true;
}

[[noreturn]] void fail(const char *why)
{
    std::fprintf(stderr, "bench_join: %s\n", why);
    std::exit(1);
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM",
        qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QGuiApplication application(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("joins"),
        QStringLiteral("N"), QStringLiteral("20"));
    parser.addOption(roundsOption);
    parser.process(application);
    const int rounds = parser.value(roundsOption).toInt();

    testing::ServerProcess server;
    if (!server.start({QStringLiteral("--demo")}))
        fail("chamberd did not start");

    kiosk::KioskState state(nullptr);
    kiosk::KioskState::setInstance(&state);
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.addImageProvider(QStringLiteral("qr"), new kiosk::QrImageProvider);
    QTemporaryDir kioskData;
    state.startLive({kioskData.filePath(QStringLiteral("d0.json")),
        kioskData.filePath(QStringLiteral("o0.json"))});
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Chamber/App/Main.qml")));
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
    if (!window)
        fail("the kiosk UI did not load");
    window->resize(1280, 800);
    int framesSwapped = 0;
    QObject::connect(window, &QQuickWindow::frameSwapped, [&] { ++framesSwapped; });

    kiosk::QrScanner scanner;
    scanner.setActive(true);
    QString scanned;
    QObject::connect(&scanner, &kiosk::QrScanner::decoded, [&](const QString &text) {
        scanned = text;
        state.joinWith(text);
    });

    std::vector<double> decodeMs, enrollMs, onlineMs, shownMs, totalMs, baselineConnectMs,
        baselineDecodeMs;
    for (int round = 0; round < rounds; ++round) {
        const QJsonObject code = testing::restCall("POST",
            server.baseUrl() + QStringLiteral("/api/v1/meetings/1/join-codes"), server.pin(),
            server.adminToken(), R"({"role":"chair"})")
                                     .json();
        const QImage image = frameWith(code.value(QLatin1String("url")).toString());
        // A new device each round: back to the join page.
        state.startLive({kioskData.filePath(QStringLiteral("d%1.json").arg(round + 1)),
            kioskData.filePath(QStringLiteral("o%1.json").arg(round + 1))});
        scanner.setActive(false);
        scanner.setActive(true); // a new activation may report the same text again
        spin([&] { return state.phase() == QLatin1String("join"); }, 2000);
        scanned.clear();

        QElapsedTimer timer;
        timer.start();
        scanner.submitFrame(toVideoFrame(image));
        if (!spin([&] { return !scanned.isEmpty(); }, 5000))
            fail("the frame was not decoded");
        const double decoded = msSince(timer);
        if (!spin([&] { return state.phase() == QLatin1String("running"); }, 10000))
            fail("enrollment did not finish");
        const double enrolled = msSince(timer);
        if (!spin(
                [&] {
                    return state.connectionState() == QLatin1String("online") && state.hasMeeting();
                },
                10000))
            fail("the kiosk did not come online");
        const double online = msSince(timer);
        const int before = framesSwapped;
        if (!spin(
                [&] {
                    return window->findChild<QObject *>(QStringLiteral("chairMain"))
                        && framesSwapped > before;
                },
                10000))
            fail("the chair screen was not drawn");
        const double shown = msSince(timer);
        decodeMs.push_back(decoded);
        enrollMs.push_back(enrolled - decoded);
        onlineMs.push_back(online - enrolled);
        shownMs.push_back(shown - online);
        totalMs.push_back(shown);

        // Baselines: a bare pinned connect + hello + ping, and decoding the same frame alone.
        QElapsedTimer baseline;
        baseline.start();
        testing::WsClient client(server.pin());
        if (!client.connectAndHello(server.wsUrl(), server.adminToken()))
            fail("baseline connection failed");
        client.request({{QStringLiteral("type"), QStringLiteral("ping")}});
        baselineConnectMs.push_back(msSince(baseline));
        baseline.restart();
        if (!kiosk::decodeQr(image))
            fail("baseline decode failed");
        baselineDecodeMs.push_back(msSince(baseline));
    }
    server.terminate();

    auto line = [](const char *name, const std::vector<double> &samples) {
        std::printf("%-44s p50 %7.1f ms  p95 %7.1f ms\n", name, bench::percentile(samples, 50),
            bench::percentile(samples, 95));
        return QJsonObject {{QStringLiteral("p50_ms"), bench::percentile(samples, 50)},
            {QStringLiteral("p95_ms"), bench::percentile(samples, 95)}};
    };
    std::printf(
        "bench_join: %d joins of a chair console, 1280x720 frame, offscreen rendering\n", rounds);
    const QJsonObject result {
        {QStringLiteral("bench"), QStringLiteral("join")},
        {QStringLiteral("rounds"), rounds},
        {QStringLiteral("frame_to_decoded"), line("frame submitted -> QR decoded", decodeMs)},
        {QStringLiteral("decoded_to_enrolled"),
            line("decoded -> enrolled (TLS + enroll)", enrollMs)},
        {QStringLiteral("enrolled_to_online"), line("enrolled -> online with snapshot", onlineMs)},
        {QStringLiteral("online_to_shown"), line("online -> chair screen drawn", shownMs)},
        {QStringLiteral("frame_to_ui"), line("total: frame -> role UI shown", totalMs)},
        {QStringLiteral("baseline_connect_hello_ping"),
            line("baseline: TLS connect + hello + ping", baselineConnectMs)},
        {QStringLiteral("baseline_decode_only"),
            line("baseline: decodeQr() on the same frame", baselineDecodeMs)},
    };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
