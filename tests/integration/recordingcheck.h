// Reading back a recorded speech the way an outsider would: gst-discoverer-1.0 (package
// gstreamer1.0-plugins-base-apps) says whether it plays, its container and codec and its
// duration; the file's own SHA-256 must be its name.
#pragma once

#include <QString>

namespace chamber::testing {

struct Discovered
{
    bool readable = false; // a duration and an Opus audio stream in an Ogg container
    qint64 durationMs = -1;
    QString output; // what the tool printed, for failure messages
};

Discovered discover(const QString &path);

// Lower-case hex SHA-256 of the file's bytes ("" if unreadable).
QString fileSha256(const QString &path);

} // namespace chamber::testing
