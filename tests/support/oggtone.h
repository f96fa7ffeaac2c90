// A recording as chamber-media writes them, for tests of what plays recordings: an Ogg Opus
// file (24 kbit/s, 48 kHz mono) of a 440 Hz tone, made by gst-launch-1.0 (gstreamer1.0-tools).
#pragma once

#include <QByteArray>
#include <QString>

namespace chamber::testing {

// `seconds` of tone, exactly (50 buffers of 20 ms a second); empty when gst-launch-1.0 failed.
// `scratchDirectory` holds the file while it is made.
QByteArray oggTone(const QString &scratchDirectory, int seconds);

} // namespace chamber::testing
