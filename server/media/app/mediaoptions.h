// chamber-media's command line: sources, size, rates, WebRTC tuning.
#pragma once

#include "media/peerrouter.h"
#include "media/programmeconfig.h"

#include <QStringList>

namespace chamber::media {

struct MediaOptions
{
    ProgrammeConfig programme;
    int maxPeers = 40;
    ScaleOutConfig scaleOut; // --janus, --janus-above
    // --list-elements: print programmeElementCatalog() and exit (the dependency test).
    bool listElements = false;
    // --recordings DIR: record the programme's sound per speech there (empty: no recording).
    QString recordingsDirectory;
};

// Parses argv (without the program name); --help text in `usage` when asked or on error.
Result<MediaOptions> parseMediaOptions(const QStringList &arguments, QString *usage);

} // namespace chamber::media
