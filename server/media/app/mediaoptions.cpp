#include "media/app/mediaoptions.h"

#include <QCommandLineParser>
#include <QRegularExpression>

namespace chamber::media {

namespace {
Result<int> intOption(const QCommandLineParser &parser, const QString &name, int fallback)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok)
        return makeError(
            ErrorCode::BadField, QStringLiteral("--%1 needs a whole number").arg(name), name);
    return value;
}
} // namespace

Result<MediaOptions> parseMediaOptions(const QStringList &arguments, QString *usage)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Encodes the chamber's programme once and sends it to bridge points over WebRTC. "
        "Speaks JSON lines on stdin/stdout (server/media/README.md)."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("video"), QStringLiteral("test, v4l2[:DEVICE] or pipewire[:PATH]"),
            QStringLiteral("source"), QStringLiteral("test")},
        {QStringLiteral("audio"), QStringLiteral("test, alsa[:DEVICE] or pulse[:DEVICE]"),
            QStringLiteral("source"), QStringLiteral("test")},
        {QStringLiteral("size"), QStringLiteral("Programme size"), QStringLiteral("WxH"),
            QStringLiteral("1280x720")},
        {QStringLiteral("fps"), QStringLiteral("Frames per second"), QStringLiteral("n")},
        {QStringLiteral("video-kbps"), QStringLiteral("H.264 bitrate"), QStringLiteral("kbit/s")},
        {QStringLiteral("audio-kbps"), QStringLiteral("Opus bitrate"), QStringLiteral("kbit/s")},
        {QStringLiteral("keyframe-seconds"), QStringLiteral("Longest keyframe interval"),
            QStringLiteral("s")},
        {QStringLiteral("latency"), QStringLiteral("Jitter-buffer latency"), QStringLiteral("ms")},
        {QStringLiteral("ice-address"),
            QStringLiteral("Gather ICE candidates on this address (repeat; 127.0.0.1 on a "
                           "loopback-only host)"),
            QStringLiteral("ip")},
        {QStringLiteral("ice-ports"),
            QStringLiteral("Local UDP ports of ICE, so a firewall can open exactly these (default: "
                           "any)"),
            QStringLiteral("first-last")},
        {QStringLiteral("max-peers"), QStringLiteral("Most bridges served at once"),
            QStringLiteral("n")},
        {QStringLiteral("time-overlay"), QStringLiteral("Draw the running time (test source)")},
        {QStringLiteral("test-color"),
            QStringLiteral("A solid colour instead of the moving ball (test source)"),
            QStringLiteral("RRGGBB")},
        {QStringLiteral("no-nack"), QStringLiteral("Turn NACK retransmission off")},
        {QStringLiteral("janus"),
            QStringLiteral("Janus WebSocket API for bridges beyond --janus-above (repeat to "
                           "spread them over several servers)"),
            QStringLiteral("ws://host:port")},
        {QStringLiteral("janus-above"),
            QStringLiteral("Bridges served directly before Janus takes over (0: all through "
                           "Janus)"),
            QStringLiteral("n")},
        {QStringLiteral("recordings"),
            QStringLiteral("Record the programme's sound per speech (record-start/record-stop) "
                           "into this directory, as <sha256>.ogg"),
            QStringLiteral("dir")},
        {QStringLiteral("list-elements"),
            QStringLiteral("Print every GStreamer element any of these options can use, one per "
                           "line, and exit")},
    });
    *usage = parser.helpText();
    if (!parser.parse(QStringList {QStringLiteral("chamber-media")} + arguments))
        return makeError(ErrorCode::Invalid, parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        return makeError(ErrorCode::Invalid, QString());
    if (!parser.positionalArguments().isEmpty())
        return makeError(ErrorCode::Invalid,
            QStringLiteral("unexpected argument %1").arg(parser.positionalArguments().first()));

    MediaOptions options;
    options.listElements = parser.isSet(QStringLiteral("list-elements"));
    if (parser.isSet(QStringLiteral("recordings"))) {
        options.recordingsDirectory = parser.value(QStringLiteral("recordings"));
        if (options.recordingsDirectory.isEmpty())
            return makeError(ErrorCode::BadField, QStringLiteral("--recordings needs a directory"),
                QStringLiteral("recordings"));
    }
    ProgrammeConfig &config = options.programme;
    if (auto parsed = parseVideoSource(parser.value(QStringLiteral("video")), &config); !parsed)
        return parsed.error();
    if (auto parsed = parseAudioSource(parser.value(QStringLiteral("audio")), &config); !parsed)
        return parsed.error();
    static const QRegularExpression sizePattern(QStringLiteral("^(\\d{1,4})x(\\d{1,4})$"));
    const auto size = sizePattern.match(parser.value(QStringLiteral("size")));
    if (!size.hasMatch())
        return makeError(ErrorCode::BadField, QStringLiteral("--size must be WxH, e.g. 1280x720"),
            QStringLiteral("size"));
    config.width = size.captured(1).toInt();
    config.height = size.captured(2).toInt();
    struct IntField
    {
        const char *name;
        int *target;
    };
    for (auto [name, target] : {IntField {"fps", &config.fps},
             IntField {"video-kbps", &config.videoKbps}, IntField {"audio-kbps", &config.audioKbps},
             IntField {"keyframe-seconds", &config.keyframeSeconds},
             IntField {"latency", &config.webrtc.latencyMs},
             IntField {"max-peers", &options.maxPeers}}) {
        auto value = intOption(parser, QString::fromLatin1(name), *target);
        if (!value)
            return value.error();
        *target = *value;
    }
    if (options.maxPeers < 1 || options.maxPeers > 500)
        return makeError(ErrorCode::BadField, QStringLiteral("--max-peers must be from 1 to 500"),
            QStringLiteral("max-peers"));
    config.webrtc.iceAddresses = parser.values(QStringLiteral("ice-address"));
    if (parser.isSet(QStringLiteral("ice-ports"))) {
        static const QRegularExpression range(QStringLiteral("^(\\d{4,5})-(\\d{4,5})$"));
        const auto match = range.match(parser.value(QStringLiteral("ice-ports")));
        const uint first = match.hasMatch() ? match.captured(1).toUInt() : 0;
        const uint last = match.hasMatch() ? match.captured(2).toUInt() : 0;
        if (first < 1024 || last > 65535 || last < first)
            return makeError(ErrorCode::BadField,
                QStringLiteral("--ice-ports must be FIRST-LAST, 1024 to 65535, e.g. 50000-50999"),
                QStringLiteral("ice-ports"));
        config.webrtc.icePorts = {quint16(first), quint16(last)};
    }
    config.webrtc.nack = !parser.isSet(QStringLiteral("no-nack"));
    config.timeOverlay = parser.isSet(QStringLiteral("time-overlay"));
    if (parser.isSet(QStringLiteral("test-color"))) {
        static const QRegularExpression hex(QStringLiteral("^[0-9A-Fa-f]{6}$"));
        const QString colour = parser.value(QStringLiteral("test-color"));
        if (!hex.match(colour).hasMatch())
            return makeError(ErrorCode::BadField,
                QStringLiteral("--test-color must be RRGGBB in hex, e.g. ff0000"),
                QStringLiteral("test-color"));
        config.testColor = 0xff000000u | colour.toUInt(nullptr, 16);
    }
    auto scaleOut = parseScaleOut(
        parser.values(QStringLiteral("janus")), parser.value(QStringLiteral("janus-above")));
    if (!scaleOut)
        return scaleOut.error();
    options.scaleOut = *scaleOut;
    if (auto valid = config.validate(); !valid)
        return valid.error();
    return options;
}

} // namespace chamber::media
