// chamber-kiosk: every device in the meeting room. The work is in the libraries.
#include "bridgemedia.h"
#include "kioskapplication.h"
#include "qmlplugins.h"

#include <QFont>
#include <QGuiApplication>
#include <QQuickWindow>

#include <cstdio>

int main(int argc, char *argv[])
{
    QGuiApplication::setApplicationName(QStringLiteral("chamber-kiosk"));
    QGuiApplication::setOrganizationName(QStringLiteral("chamber"));
    QGuiApplication::setApplicationVersion(QStringLiteral(CHAMBER_VERSION));
    QGuiApplication application(argc, argv);
    // Full Vietnamese diacritics (fonts-noto-core); Qt falls back per glyph if it is missing.
    QGuiApplication::setFont(QFont(QStringLiteral("Noto Sans"), 11));

    QString help;
    auto options = chamber::kiosk::parseKioskOptions(application.arguments(), &help);
    if (!options) {
        std::fprintf(stderr, "chamber-kiosk: %s\n\n%s", qPrintable(options.error().message),
            qPrintable(help));
        return 2;
    }
    if (application.arguments().contains(QStringLiteral("--help"))) {
        std::printf("%s", qPrintable(help));
        return 0;
    }
    // QCommandLineParser lists --version; without this the kiosk would start instead.
    if (application.arguments().contains(QStringLiteral("--version"))
        || application.arguments().contains(QStringLiteral("-v"))) {
        std::printf("chamber-kiosk %s\n", CHAMBER_VERSION);
        return 0;
    }
    if (options->listElements) {
        for (const QString &element : chamber::kiosk::BridgeMedia::elementCatalog())
            std::printf("%s\n", qPrintable(element));
        return 0;
    }
    chamber::kiosk::KioskApplication kiosk(options.value());
    return kiosk.run();
}
