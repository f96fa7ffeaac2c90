// The bridge point's own camera and microphone from the kiosk's command line:
// --camera auto|none|test|v4l2[:DEVICE]|pipewire[:PATH], --microphone
// test|alsa[:DEVICE]|pulse[:DEVICE].
#pragma once

#include "media/returnsender.h"
#include "protocol/error.h"

#include <optional>

namespace chamber::kiosk {

// No value: the site sends nothing back (none, or auto without /dev/video0). Bad text: an
// error naming the option.
Result<std::optional<media::ReturnSenderConfig>> returnSources(
    const QString &camera, const QString &microphone);

} // namespace chamber::kiosk
