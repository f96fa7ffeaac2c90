// The programme's configuration: ranges refused with the field named, device names that cannot
// smuggle elements into the pipeline description, the tuning the issue asks for present in
// the description, and sources parsed from their command-line form.
#include "media/app/mediaoptions.h"
#include "media/programmeconfig.h"
#include "media/returnsender.h"

#include <QTest>

using namespace chamber;
using namespace chamber::media;

class TestMediaConfig : public QObject
{
    Q_OBJECT

private slots:
    void defaultsAreValid();
    void rangesRefused_data();
    void rangesRefused();
    void descriptionCarriesTheTuning();
    void sourcesParse_data();
    void sourcesParse();
    void badSourcesRefused();
    void commandLine();
    void badCommandLines_data();
    void badCommandLines();
    void returnSenderConfig();
    void returnSenderConfigRefused_data();
    void returnSenderConfigRefused();
    void pipelinesNameListedElements();
};

namespace {
// The element factories a gst-launch description names: every word that is not "!", not a
// property (key=value), not caps (media/type,...) and not a reference to a named element
// ("name."). Device names are safe words (isSafeDeviceName), so no value holds a space.
QStringList namedElements(const QString &description)
{
    QStringList names;
    for (const QString &word : description.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (word == u"!" || word.contains(QLatin1Char('=')) || word.contains(QLatin1Char('/'))
            || word.endsWith(QLatin1Char('.')))
            continue;
        names << word;
    }
    return names;
}

// "what" names elements missing from `listed`, as a failure message (empty when none).
QString unlisted(const QStringList &named, const QStringList &listed, const QString &what)
{
    QStringList missing;
    for (const QString &name : named) {
        if (!listed.contains(name))
            missing << name;
    }
    return missing.isEmpty()
        ? QString()
        : what + QStringLiteral(" names unlisted elements: ") + missing.join(QStringLiteral(", "));
}
} // namespace

void TestMediaConfig::defaultsAreValid()
{
    ProgrammeConfig config;
    QVERIFY(config.validate());
    QCOMPARE(config.webrtc.latencyMs, 100);
    QVERIFY(config.webrtc.nack);
}

void TestMediaConfig::rangesRefused_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<int>("value");
    QTest::newRow("odd width") << 0 << 321;
    QTest::newRow("tiny width") << 0 << 8;
    QTest::newRow("huge height") << 1 << 4320;
    QTest::newRow("zero fps") << 2 << 0;
    QTest::newRow("fps 120") << 2 << 120;
    QTest::newRow("video kbps") << 3 << 10;
    QTest::newRow("keyframe 0 s") << 4 << 0;
    QTest::newRow("latency negative") << 5 << -1;
    QTest::newRow("latency 5 s") << 5 << 5000;
}

void TestMediaConfig::rangesRefused()
{
    QFETCH(int, which);
    QFETCH(int, value);
    ProgrammeConfig config;
    int *fields[] = {&config.width, &config.height, &config.fps, &config.videoKbps,
        &config.keyframeSeconds, &config.webrtc.latencyMs};
    *fields[which] = value;
    auto valid = config.validate();
    QVERIFY(!valid);
    QCOMPARE(valid.error().code, ErrorCode::BadField);
    QVERIFY(!valid.error().field.isEmpty());
}

void TestMediaConfig::descriptionCarriesTheTuning()
{
    ProgrammeConfig config;
    config.width = 640;
    config.height = 360;
    config.fps = 25;
    config.keyframeSeconds = 2;
    const QString description = config.pipelineDescription();
    for (const char *part : {"videotestsrc is-live=true", "width=640,height=360,framerate=25/1",
             "tune=zerolatency", "speed-preset=ultrafast", "key-int-max=50",
             "profile=constrained-baseline", "rtph264pay", "config-interval=-1",
             "tee name=video-tee", "audiotestsrc is-live=true", "opusenc", "rtpopuspay",
             "tee name=audio-tee", "name=programme-raw", "name=programme-encoder"}) {
        QVERIFY2(description.contains(QLatin1String(part)), part);
    }
    QVERIFY(!description.contains(QLatin1String("timeoverlay")));
    config.timeOverlay = true;
    QVERIFY(config.pipelineDescription().contains(QLatin1String("timeoverlay")));
    QVERIFY(config.requiredElements().contains(QStringLiteral("timeoverlay")));
    QVERIFY(config.requiredElements().contains(QStringLiteral("webrtcbin")));
}

void TestMediaConfig::sourcesParse_data()
{
    QTest::addColumn<QString>("video");
    QTest::addColumn<QString>("audio");
    QTest::addColumn<QString>("expected");
    QTest::newRow("tests") << "test"
                           << "test"
                           << "videotestsrc";
    QTest::newRow("camera") << "v4l2:/dev/video2"
                            << "alsa:hw:1,0"
                            << "v4l2src device=\"/dev/video2\"";
    QTest::newRow("default camera") << "v4l2"
                                    << "pulse"
                                    << "v4l2src !";
    QTest::newRow("pipewire") << "pipewire:42"
                              << "test"
                              << "pipewiresrc path=\"42\"";
}

void TestMediaConfig::sourcesParse()
{
    QFETCH(QString, video);
    QFETCH(QString, audio);
    QFETCH(QString, expected);
    ProgrammeConfig config;
    QVERIFY(parseVideoSource(video, &config));
    QVERIFY(parseAudioSource(audio, &config));
    QVERIFY(config.validate());
    QVERIFY2(
        config.pipelineDescription().contains(expected), qPrintable(config.pipelineDescription()));
}

void TestMediaConfig::badSourcesRefused()
{
    ProgrammeConfig config;
    QVERIFY(!parseVideoSource(QStringLiteral("camera"), &config));
    QVERIFY(!parseVideoSource(QStringLiteral("test:x"), &config));
    QVERIFY(!parseAudioSource(QStringLiteral("jack"), &config));
    // A device name must not be able to add elements or properties to the description.
    QVERIFY(
        parseVideoSource(QStringLiteral("v4l2:/dev/video0 ! filesink location=/etc/x"), &config));
    QVERIFY(!config.validate());
    QVERIFY(parseVideoSource(QStringLiteral("v4l2:\"x\""), &config));
    QVERIFY(!config.validate());
}

void TestMediaConfig::commandLine()
{
    QString usage;
    auto options = parseMediaOptions(
        {QStringLiteral("--video"), QStringLiteral("v4l2:/dev/video0"), QStringLiteral("--size"),
            QStringLiteral("640x480"), QStringLiteral("--fps"), QStringLiteral("25"),
            QStringLiteral("--latency"), QStringLiteral("60"), QStringLiteral("--ice-address"),
            QStringLiteral("127.0.0.1"), QStringLiteral("--ice-address"),
            QStringLiteral("10.0.0.2"), QStringLiteral("--max-peers"), QStringLiteral("20"),
            QStringLiteral("--no-nack"), QStringLiteral("--ice-ports"),
            QStringLiteral("50000-50099")},
        &usage);
    QVERIFY2(options, qPrintable(options ? QString() : options.error().message));
    const ProgrammeConfig &config = options->programme;
    QCOMPARE(config.videoSource, VideoSourceKind::V4l2);
    QCOMPARE(config.videoDevice, QStringLiteral("/dev/video0"));
    QCOMPARE(config.width, 640);
    QCOMPARE(config.height, 480);
    QCOMPARE(config.fps, 25);
    QCOMPARE(config.webrtc.latencyMs, 60);
    QCOMPARE(config.webrtc.iceAddresses,
        (QStringList {QStringLiteral("127.0.0.1"), QStringLiteral("10.0.0.2")}));
    QVERIFY(!config.webrtc.nack);
    QCOMPARE(config.webrtc.icePorts, (std::pair<quint16, quint16> {50000, 50099}));
    QCOMPARE(options->maxPeers, 20);
    QVERIFY(usage.contains(QLatin1String("--ice-address")));
    QVERIFY(!config.testColor);

    // A solid test colour (the floor's tests tell sources apart by it).
    options = parseMediaOptions({QStringLiteral("--test-color"), QStringLiteral("ff0000")}, &usage);
    QVERIFY(options);
    QCOMPARE(options->programme.testColor, std::optional<quint32>(0xffff0000u));
    QVERIFY2(options->programme.pipelineDescription().contains(
                 QLatin1String("pattern=solid-color foreground-color=4294901760")),
        qPrintable(options->programme.pipelineDescription()));
}

void TestMediaConfig::badCommandLines_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("size") << QStringList {QStringLiteral("--size"), QStringLiteral("720p")};
    QTest::newRow("odd size") << QStringList {QStringLiteral("--size"), QStringLiteral("321x240")};
    QTest::newRow("fps word") << QStringList {QStringLiteral("--fps"), QStringLiteral("fast")};
    QTest::newRow("max peers") << QStringList {QStringLiteral("--max-peers"), QStringLiteral("0")};
    QTest::newRow("unknown") << QStringList {QStringLiteral("--colour")};
    QTest::newRow("positional") << QStringList {QStringLiteral("extra")};
    QTest::newRow("ice ports reversed")
        << QStringList {QStringLiteral("--ice-ports"), QStringLiteral("50099-50000")};
    QTest::newRow("ice ports privileged")
        << QStringList {QStringLiteral("--ice-ports"), QStringLiteral("500-600")};
    QTest::newRow("ice ports one number")
        << QStringList {QStringLiteral("--ice-ports"), QStringLiteral("50000")};
    QTest::newRow("test colour word")
        << QStringList {QStringLiteral("--test-color"), QStringLiteral("red")};
    QTest::newRow("test colour injection")
        << QStringList {QStringLiteral("--test-color"), QStringLiteral("ff0000 ! fakesink")};
}

void TestMediaConfig::badCommandLines()
{
    QFETCH(QStringList, arguments);
    QString usage;
    auto options = parseMediaOptions(arguments, &usage);
    QVERIFY(!options);
    QVERIFY(!options.error().message.isEmpty());
}

void TestMediaConfig::returnSenderConfig()
{
    ReturnSenderConfig config;
    QVERIFY(config.validate());
    QString description = config.pipelineDescription();
    // The programme's encoder tuning, I420 at the tee (camera off paints it), a microphone
    // volume for mute, payload types the chamber's side expects.
    for (const char *part : {"tune=zerolatency", "speed-preset=ultrafast",
             "profile=constrained-baseline", "config-interval=-1", "key-int-max=60",
             "format=I420,width=640,height=360,framerate=30/1", "name=return-video-tee",
             "volume name=return-microphone", "frame-size=20", "pt=96", "pt=111",
             "videotestsrc is-live=true pattern=ball"})
        QVERIFY2(description.contains(QLatin1String(part)), part);
    config.testPattern = QStringLiteral("solid-color");
    config.testColor = 0xff0000ff;
    config.testFrequency = 880;
    QVERIFY(config.pipelineDescription().contains(
        QLatin1String("pattern=solid-color foreground-color=4278190335")));
    QVERIFY(config.pipelineDescription().contains(QLatin1String("freq=880")));
    config.videoSource = VideoSourceKind::V4l2;
    config.videoDevice = QStringLiteral("/dev/video2");
    config.audioSource = AudioSourceKind::Pulse;
    QVERIFY(config.validate());
    description = config.pipelineDescription();
    QVERIFY(description.contains(QLatin1String("v4l2src device=\"/dev/video2\" ! videoconvert")));
    QVERIFY(description.startsWith(QLatin1String("v4l2src")));
    QVERIFY(description.contains(QLatin1String("pulsesrc ! audioconvert")));
    QVERIFY(config.requiredElements().contains(QStringLiteral("v4l2src")));
    QVERIFY(config.requiredElements().contains(QStringLiteral("pulsesrc")));
}

void TestMediaConfig::returnSenderConfigRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::newRow("odd width") << "width"
                               << "641";
    QTest::newRow("tiny height") << "height"
                                 << "8";
    QTest::newRow("fps") << "fps"
                         << "0";
    QTest::newRow("bitrate") << "videoKbps"
                             << "20000";
    QTest::newRow("frequency") << "testFrequency"
                               << "5";
    QTest::newRow("pattern injection") << "testPattern"
                                       << "ball ! filesink location=/tmp/x";
    QTest::newRow("pattern empty") << "testPattern"
                                   << "";
    QTest::newRow("device injection") << "videoDevice"
                                      << "/dev/video0 ! fakesink";
    QTest::newRow("device quote") << "audioDevice"
                                  << "hw:0\" x=\"";
}

void TestMediaConfig::returnSenderConfigRefused()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    ReturnSenderConfig config;
    if (field == u"width")
        config.width = value.toInt();
    else if (field == u"height")
        config.height = value.toInt();
    else if (field == u"fps")
        config.fps = value.toInt();
    else if (field == u"videoKbps")
        config.videoKbps = value.toInt();
    else if (field == u"testFrequency")
        config.testFrequency = value.toInt();
    else if (field == u"testPattern")
        config.testPattern = value;
    else if (field == u"videoDevice")
        config.videoDevice = value;
    else if (field == u"audioDevice")
        config.audioDevice = value;
    auto valid = config.validate();
    QVERIFY(!valid);
    QVERIFY(!valid.error().message.isEmpty());
    QVERIFY(!valid.error().field.isEmpty());
}

// chamber-media --list-elements and chamber-kiosk --list-elements print the catalogs the
// dependency test maps to Debian packages: every pipeline either side can build, with every
// source and option, must name only elements of its requiredElements() (checked before it is
// built) and of the catalog.
void TestMediaConfig::pipelinesNameListedElements()
{
    const QStringList programmeCatalog = programmeElementCatalog();
    const QStringList returnCatalog = returnElementCatalog();
    QVERIFY(programmeCatalog.contains(QStringLiteral("pipewiresrc")));
    QVERIFY(returnCatalog.contains(QStringLiteral("pulsesrc")));
    int checked = 0;
    for (const auto video : kVideoSourceKinds) {
        for (const auto audio : kAudioSourceKinds) {
            for (const bool options : {false, true}) {
                ProgrammeConfig programme;
                programme.videoSource = video;
                programme.audioSource = audio;
                programme.timeOverlay = options;
                if (options)
                    programme.testColor = 0xff00ff00u;
                const QStringList named = namedElements(programme.pipelineDescription());
                QVERIFY(named.contains(sourceFactory(video)));
                QVERIFY(named.contains(sourceFactory(audio)));
                QString problem = unlisted(named, programme.requiredElements(),
                    QStringLiteral("programme ") + programme.pipelineDescription());
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
                problem = unlisted(programme.requiredElements(), programmeCatalog,
                    QStringLiteral("programmeElementCatalog: requiredElements()"));
                QVERIFY2(problem.isEmpty(), qPrintable(problem));

                ReturnSenderConfig back;
                back.videoSource = video;
                back.audioSource = audio;
                back.testPattern = options ? QStringLiteral("solid-color") : QStringLiteral("ball");
                const QStringList backNamed = namedElements(back.pipelineDescription());
                QVERIFY(backNamed.contains(sourceFactory(video)));
                problem = unlisted(backNamed, back.requiredElements(),
                    QStringLiteral("return ") + back.pipelineDescription());
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
                problem = unlisted(back.requiredElements(), returnCatalog,
                    QStringLiteral("returnElementCatalog: requiredElements()"));
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
                ++checked;
            }
        }
    }
    QCOMPARE(checked, 18);
    // The word splitter itself: a property, caps, a reference and an element.
    QCOMPARE(
        namedElements(QStringLiteral("tee name=t t. ! queue ! video/x-raw,width=2 ! fakesink")),
        (QStringList {QStringLiteral("tee"), QStringLiteral("queue"), QStringLiteral("fakesink")}));
}

QTEST_GUILESS_MAIN(TestMediaConfig)
#include "test_media_config.moc"
