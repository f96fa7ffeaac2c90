// chamber-kiosk's command line.
#pragma once

#include "protocol/error.h"

#include <QSize>
#include <QString>
#include <QStringList>

namespace chamber::kiosk {

struct KioskOptions
{
    QString dataDir; // identity and outbox; default: the platform's app data location
    QString language; // vi or en; empty: from the system locale (Vietnamese unless English)
    QString joinUrl; // join with this link instead of scanning (desktops, tests)
    bool selfTest = false; // load a role's screen with the demo meeting, check it, exit
    QString role; // for --self-test: delegate, chair, tally, bridge, or join
    QString screenshot; // with --self-test: save the window as PNG here
    QString
        demoScene; // with --self-test: agenda (default), speech, vote, voted, election or result
    // The document cache's limit; other meetings' documents go first when it is reached.
    qint64 documentCacheMiB = 4096;
    // A bridge point's own camera and microphone (see returnsources.h); checked here.
    QString camera = QStringLiteral("auto");
    QString microphone = QStringLiteral("alsa");
    QSize size {1280, 800};
    bool fullScreen = false;
    // --list-elements: print the bridge's GStreamer elements and exit (the dependency test).
    bool listElements = false;
};

// Parses and checks; errors name the option. --help and --version are handled by the caller.
Result<KioskOptions> parseKioskOptions(const QStringList &arguments, QString *helpText = nullptr);

} // namespace chamber::kiosk
