#include "kioskoptions.h"

#include "returnsources.h"

#include <QCommandLineParser>
#include <QRegularExpression>

namespace chamber::kiosk {

Result<KioskOptions> parseKioskOptions(const QStringList &arguments, QString *helpText)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Chamber kiosk: delegate tablet, chair console, tally screen, bridge point or "
        "follow-up board."));
    const QCommandLineOption data(QStringLiteral("data"),
        QStringLiteral("Where the device identity is kept."), QStringLiteral("DIR"));
    const QCommandLineOption language(
        QStringLiteral("lang"), QStringLiteral("vi or en."), QStringLiteral("LANG"));
    const QCommandLineOption join(QStringLiteral("join"),
        QStringLiteral("Join with this link instead of scanning."), QStringLiteral("URL"));
    const QCommandLineOption selfTest(QStringLiteral("self-test"),
        QStringLiteral("Load a role's screen with the demo meeting, check it, exit."));
    const QCommandLineOption role(QStringLiteral("role"),
        QStringLiteral("For --self-test: delegate, chair, tally, bridge, board or join."),
        QStringLiteral("ROLE"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("With --self-test: save the window to this PNG."), QStringLiteral("FILE"));
    const QCommandLineOption demoScene(QStringLiteral("demo-scene"),
        QStringLiteral(
            "With --self-test: agenda (default), speech (someone has the floor), vote "
            "(a poll open), voted (this seat's ballot recorded), election (a secret ballot among "
            "candidates), result (published) or board (the tally shows the follow-up board)."),
        QStringLiteral("SCENE"));
    const QCommandLineOption size(QStringLiteral("size"),
        QStringLiteral("Window size, e.g. 1280x800 or 800x1280."), QStringLiteral("WxH"));
    const QCommandLineOption fullScreen(
        QStringLiteral("fullscreen"), QStringLiteral("Full screen (kiosk session)."));
    const QCommandLineOption cacheLimit(QStringLiteral("document-cache-mib"),
        QStringLiteral("Size limit of the document cache (default 4096); documents of other "
                       "meetings are removed first."),
        QStringLiteral("MIB"));
    const QCommandLineOption camera(QStringLiteral("camera"),
        QStringLiteral("Bridge point: its camera, auto (v4l2 when /dev/video0 exists, else "
                       "none), none, test, v4l2[:DEVICE] or pipewire[:PATH]."),
        QStringLiteral("SOURCE"));
    const QCommandLineOption microphone(QStringLiteral("microphone"),
        QStringLiteral("Bridge point: its microphone, alsa[:DEVICE] (default), pulse[:DEVICE] "
                       "or test."),
        QStringLiteral("SOURCE"));
    const QCommandLineOption listElements(QStringLiteral("list-elements"),
        QStringLiteral("Print every GStreamer element a bridge point can use, one per line, and "
                       "exit."));
    parser.addOptions({data, language, join, selfTest, role, screenshot, demoScene, size,
        fullScreen, cacheLimit, camera, microphone, listElements});
    parser.addHelpOption();
    parser.addVersionOption();
    if (helpText)
        *helpText = parser.helpText();
    if (!parser.parse(arguments))
        return makeError(ErrorCode::BadField, parser.errorText());

    KioskOptions options;
    options.dataDir = parser.value(data);
    options.language = parser.value(language);
    if (!options.language.isEmpty() && options.language != QLatin1String("vi")
        && options.language != QLatin1String("en"))
        return makeError(
            ErrorCode::BadField, QStringLiteral("--lang must be vi or en"), QStringLiteral("lang"));
    options.joinUrl = parser.value(join);
    options.selfTest = parser.isSet(selfTest);
    options.role = parser.value(role);
    static const QStringList roles {QStringLiteral("delegate"), QStringLiteral("chair"),
        QStringLiteral("tally"), QStringLiteral("bridge"), QStringLiteral("board"),
        QStringLiteral("join")};
    if (options.selfTest && !roles.contains(options.role))
        return makeError(ErrorCode::BadField,
            QStringLiteral(
                "--self-test needs --role delegate, chair, tally, bridge, board or join"),
            QStringLiteral("role"));
    if (!options.selfTest
        && (parser.isSet(role) || parser.isSet(screenshot) || parser.isSet(demoScene)))
        return makeError(ErrorCode::BadField,
            QStringLiteral("--role, --screenshot and --demo-scene go with --self-test"),
            QStringLiteral("role"));
    options.screenshot = parser.value(screenshot);
    options.demoScene
        = parser.isSet(demoScene) ? parser.value(demoScene) : QStringLiteral("agenda");
    if (parser.isSet(size)) {
        static const QRegularExpression pattern(QStringLiteral("^(\\d{3,4})x(\\d{3,4})$"));
        const auto match = pattern.match(parser.value(size));
        if (!match.hasMatch())
            return makeError(ErrorCode::BadField, QStringLiteral("--size must look like 1280x800"),
                QStringLiteral("size"));
        options.size = QSize(match.captured(1).toInt(), match.captured(2).toInt());
    }
    options.fullScreen = parser.isSet(fullScreen);
    options.listElements = parser.isSet(listElements);
    if (parser.isSet(cacheLimit)) {
        bool ok = false;
        options.documentCacheMiB = parser.value(cacheLimit).toLongLong(&ok);
        if (!ok || options.documentCacheMiB < 16 || options.documentCacheMiB > 1024 * 1024)
            return makeError(ErrorCode::BadField,
                QStringLiteral("--document-cache-mib must be a number of MiB from 16"),
                QStringLiteral("document-cache-mib"));
    }
    if (parser.isSet(camera))
        options.camera = parser.value(camera);
    if (parser.isSet(microphone))
        options.microphone = parser.value(microphone);
    if (auto sources = returnSources(options.camera, options.microphone); !sources)
        return makeError(ErrorCode::BadField,
            QStringLiteral("--%1: %2").arg(sources.error().field, sources.error().message),
            sources.error().field);
    return options;
}

} // namespace chamber::kiosk
