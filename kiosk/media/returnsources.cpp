#include "returnsources.h"

#include <QFile>

namespace chamber::kiosk {

Result<std::optional<media::ReturnSenderConfig>> returnSources(
    const QString &camera, const QString &microphone)
{
    media::ProgrammeConfig parsed;
    QString video = camera.isEmpty() ? QStringLiteral("auto") : camera;
    if (video == QLatin1String("auto"))
        video = QFile::exists(QStringLiteral("/dev/video0")) ? QStringLiteral("v4l2")
                                                             : QStringLiteral("none");
    if (auto audio = media::parseAudioSource(
            microphone.isEmpty() ? QStringLiteral("alsa") : microphone, &parsed);
        !audio)
        return makeError(ErrorCode::BadField, audio.error().message, QStringLiteral("microphone"));
    if (video == QLatin1String("none"))
        return std::optional<media::ReturnSenderConfig>();
    if (auto checked = media::parseVideoSource(video, &parsed); !checked)
        return makeError(ErrorCode::BadField,
            checked.error().message + QStringLiteral(" (or auto, none)"), QStringLiteral("camera"));
    media::ReturnSenderConfig config;
    config.videoSource = parsed.videoSource;
    config.videoDevice = parsed.videoDevice;
    config.audioSource = parsed.audioSource;
    config.audioDevice = parsed.audioDevice;
    return std::optional(config);
}

} // namespace chamber::kiosk
