#include "media/programmeconfig.h"

#include <QRegularExpression>

namespace chamber::media {

namespace {
Status outOfRange(const QString &field, int min, int max)
{
    return makeError(ErrorCode::BadField,
        QStringLiteral("%1 must be from %2 to %3").arg(field).arg(min).arg(max), field);
}

QString quoted(const QString &value)
{
    return QLatin1Char('"') + value + QLatin1Char('"');
}
} // namespace

bool isSafeDeviceName(const QString &device)
{
    // Refuses anything that could add elements or properties to a gst-launch description.
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_./:,=-]{0,128}$"));
    return safe.match(device).hasMatch() && !device.contains(QLatin1Char('!'));
}

QString sourceFactory(VideoSourceKind kind)
{
    switch (kind) {
    case VideoSourceKind::Test:
        return QStringLiteral("videotestsrc");
    case VideoSourceKind::V4l2:
        return QStringLiteral("v4l2src");
    case VideoSourceKind::Pipewire:
        return QStringLiteral("pipewiresrc");
    }
    return {};
}

QString sourceFactory(AudioSourceKind kind)
{
    switch (kind) {
    case AudioSourceKind::Test:
        return QStringLiteral("audiotestsrc");
    case AudioSourceKind::Alsa:
        return QStringLiteral("alsasrc");
    case AudioSourceKind::Pulse:
        return QStringLiteral("pulsesrc");
    }
    return {};
}

QString deviceSourceDescription(VideoSourceKind kind, const QString &device)
{
    // pipewiresrc names its node by path, v4l2src by device file.
    const QString property
        = kind == VideoSourceKind::Pipewire ? QStringLiteral(" path=") : QStringLiteral(" device=");
    return sourceFactory(kind) + (device.isEmpty() ? QString() : property + quoted(device));
}

QString deviceSourceDescription(AudioSourceKind kind, const QString &device)
{
    return sourceFactory(kind)
        + (device.isEmpty() ? QString() : QStringLiteral(" device=") + quoted(device));
}

Status ProgrammeConfig::validate() const
{
    if (width < 16 || width > 3840 || width % 2)
        return outOfRange(QStringLiteral("width (even)"), 16, 3840);
    if (height < 16 || height > 2160 || height % 2)
        return outOfRange(QStringLiteral("height (even)"), 16, 2160);
    if (fps < 1 || fps > 60)
        return outOfRange(QStringLiteral("fps"), 1, 60);
    if (videoKbps < 50 || videoKbps > 20000)
        return outOfRange(QStringLiteral("video-kbps"), 50, 20000);
    if (audioKbps < 8 || audioKbps > 256)
        return outOfRange(QStringLiteral("audio-kbps"), 8, 256);
    if (keyframeSeconds < 1 || keyframeSeconds > 10)
        return outOfRange(QStringLiteral("keyframe-seconds"), 1, 10);
    if (webrtc.latencyMs < 0 || webrtc.latencyMs > 2000)
        return outOfRange(QStringLiteral("latency"), 0, 2000);
    if (!isSafeDeviceName(videoDevice) || !isSafeDeviceName(audioDevice))
        return makeError(ErrorCode::BadField,
            QStringLiteral("device names may use A-Z a-z 0-9 _ . / : , = - only"),
            QStringLiteral("device"));
    return success();
}

QString ProgrammeConfig::pipelineDescription() const
{
    // Fixed down to the format: a bridge's decoded return is converted to exactly these caps,
    // so the encoder sees no change when the floor switches.
    const QString rawCaps = QStringLiteral("video/x-raw,format=I420,width=%1,height=%2,"
                                           "framerate=%3/1,pixel-aspect-ratio=1/1")
                                .arg(width)
                                .arg(height)
                                .arg(fps);
    QString video;
    switch (videoSource) {
    case VideoSourceKind::Test:
        // "ball" moves every frame, so the encoder works as with a camera (smpte is static).
        video = testColor
            ? QStringLiteral("videotestsrc is-live=true pattern=solid-color foreground-color=%1 ! ")
                  .arg(*testColor)
            : QStringLiteral("videotestsrc is-live=true pattern=ball ! ");
        video += rawCaps;
        if (timeOverlay)
            video += QStringLiteral(" ! timeoverlay halignment=left valignment=top");
        break;
    case VideoSourceKind::V4l2:
    case VideoSourceKind::Pipewire:
        video = deviceSourceDescription(videoSource, videoDevice)
            + QStringLiteral(" ! videoconvert ! videoscale ! videorate ! ") + rawCaps;
        break;
    }
    // x264: zerolatency (no lookahead, no B-frames, sliced threads), ultrafast (the 2-core
    // server encodes once for every bridge), constrained baseline (what every browser and
    // hardware decoder takes).
    // The floor's input-selector: sink_0 is the chamber's camera, a bridge's decoded return
    // gets another pad while it has the floor (floorswitch.h). sync-streams=false: inactive
    // inputs drop at once instead of waiting on the active one.
    video += QStringLiteral(" ! input-selector name=programme-video-select sync-streams=false"
                            " ! videoconvert name=programme-raw"
                            " ! queue name=programme-encode-queue max-size-buffers=2"
                            " max-size-bytes=0 max-size-time=0 leaky=downstream"
                            " ! x264enc name=programme-encoder tune=zerolatency"
                            " speed-preset=ultrafast threads=2 bitrate=%1 key-int-max=%2"
                            " ! video/x-h264,profile=constrained-baseline"
                            " ! rtph264pay name=programme-video-pay pt=%3 config-interval=-1"
                            " aggregate-mode=zero-latency mtu=1200"
                            " ! tee name=video-tee allow-not-linked=true")
                 .arg(videoKbps)
                 .arg(fps * keyframeSeconds)
                 .arg(kVideoPayloadType);

    QString audio;
    switch (audioSource) {
    case AudioSourceKind::Test:
        audio = QStringLiteral("audiotestsrc is-live=true wave=sine freq=440 volume=0.2");
        break;
    case AudioSourceKind::Alsa:
    case AudioSourceKind::Pulse:
        audio = deviceSourceDescription(audioSource, audioDevice);
        break;
    }
    // Opus in 20 ms frames, mono: speech in a chamber.
    // The chamber's microphone into the floor's mixer, where a bridge's return joins it; its
    // volume is the floor's chamberAudio while a bridge speaks.
    audio += QStringLiteral(" ! audioconvert ! audioresample"
                            " ! audio/x-raw,format=S16LE,rate=48000,channels=1"
                            " ! volume name=programme-chamber-volume"
                            " ! audiomixer name=programme-audio-mix start-time-selection=first"
                            " ! audio/x-raw,format=S16LE,rate=48000,channels=1"
                            // The mixed sound before its encoder: the recorder's tap.
                            " ! tee name=programme-audio-raw allow-not-linked=true"
                            " ! queue name=programme-audio-queue max-size-time=200000000"
                            " leaky=downstream ! opusenc name=programme-audio-encoder"
                            " bitrate=%1 frame-size=20"
                            " ! rtpopuspay name=programme-audio-pay pt=%2"
                            " ! tee name=audio-tee allow-not-linked=true")
                 .arg(audioKbps * 1000)
                 .arg(kAudioPayloadType);
    return video + QLatin1Char(' ') + audio;
}

QStringList ProgrammeConfig::requiredElements() const
{
    QStringList elements {QStringLiteral("webrtcbin"), QStringLiteral("nicesrc"),
        QStringLiteral("nicesink"), QStringLiteral("x264enc"), QStringLiteral("rtph264pay"),
        QStringLiteral("opusenc"), QStringLiteral("rtpopuspay"), QStringLiteral("tee"),
        QStringLiteral("queue"), QStringLiteral("videoconvert"), QStringLiteral("audioconvert"),
        QStringLiteral("audioresample"), QStringLiteral("dtlssrtpenc"), QStringLiteral("srtpenc"),
        // The floor: the selector and mixer, and decoding a bridge's return.
        QStringLiteral("input-selector"), QStringLiteral("audiomixer"), QStringLiteral("volume"),
        QStringLiteral("capsfilter"), QStringLiteral("fakesink"), QStringLiteral("rtph264depay"),
        QStringLiteral("avdec_h264"), QStringLiteral("videoscale"), QStringLiteral("videorate"),
        QStringLiteral("rtpopusdepay"), QStringLiteral("opusdec"),
        // RtpForward's branches to Janus (scale-out).
        QStringLiteral("udpsink"),
        // The recorder's branches (--recordings).
        QStringLiteral("oggmux"), QStringLiteral("filesink")};
    // videoscale and videorate, which a camera needs, are in the list for the floor already.
    elements << sourceFactory(videoSource) << sourceFactory(audioSource);
    if (videoSource == VideoSourceKind::Test && timeOverlay)
        elements << QStringLiteral("timeoverlay");
    return elements;
}

QStringList programmeElementCatalog()
{
    ProgrammeConfig config;
    config.timeOverlay = true; // the one option that adds an element
    return elementsOverSourceKinds(config);
}

namespace {
// "kind" or "kind:device".
std::pair<QString, QString> splitSource(const QString &text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return {text, {}};
    return {text.left(colon), text.mid(colon + 1)};
}
} // namespace

Status parseVideoSource(const QString &text, ProgrammeConfig *config)
{
    const auto [kind, device] = splitSource(text);
    if (kind == QLatin1String("test") && device.isEmpty())
        config->videoSource = VideoSourceKind::Test;
    else if (kind == QLatin1String("v4l2"))
        config->videoSource = VideoSourceKind::V4l2;
    else if (kind == QLatin1String("pipewire"))
        config->videoSource = VideoSourceKind::Pipewire;
    else
        return makeError(ErrorCode::BadField,
            QStringLiteral("video source must be test, v4l2[:DEVICE] or pipewire[:PATH]"),
            QStringLiteral("video"));
    config->videoDevice = device;
    return success();
}

Status parseAudioSource(const QString &text, ProgrammeConfig *config)
{
    const auto [kind, device] = splitSource(text);
    if (kind == QLatin1String("test") && device.isEmpty())
        config->audioSource = AudioSourceKind::Test;
    else if (kind == QLatin1String("alsa"))
        config->audioSource = AudioSourceKind::Alsa;
    else if (kind == QLatin1String("pulse"))
        config->audioSource = AudioSourceKind::Pulse;
    else
        return makeError(ErrorCode::BadField,
            QStringLiteral("audio source must be test, alsa[:DEVICE] or pulse[:DEVICE]"),
            QStringLiteral("audio"));
    config->audioDevice = device;
    return success();
}

} // namespace chamber::media
