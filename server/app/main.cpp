// chamberd: the meeting server. Everything lives in the libraries; this wires the process.
#include "app/chamberserver.h"
#include "app/options.h"
#include "app/systemdnotifier.h"
#include "app/unixsignals.h"
#include "minutespdf/minutesjob.h"
#include "qrcode/seatcardjob.h"
#include "support/log.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace chamber;

namespace {

Q_LOGGING_CATEGORY(lcMain, "chamber.main")

// A room of tablets plus bridges and viewers easily passes the default soft limit of 1024
// open files; the hard limit is what the administrator (or systemd's LimitNOFILE) allows.
void raiseFileLimit()
{
    struct rlimit limit = {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

void applyLogSettings(const app::ServerConfig &config)
{
    const bool json = config.logFormat == app::LogFormat::Json
        || (config.logFormat == app::LogFormat::Auto && !::isatty(STDERR_FILENO));
    log::installMessageHandler(json ? log::Format::Json : log::Format::Text);
    QString rules = QStringLiteral("qt.*.debug=false\n");
    const QString level = config.logLevel;
    if (level != QLatin1String("debug"))
        rules += QStringLiteral("chamber.*.debug=false\n");
    if (level == QLatin1String("warning") || level == QLatin1String("error"))
        rules += QStringLiteral("chamber.*.info=false\n");
    if (level == QLatin1String("error"))
        rules += QStringLiteral("chamber.*.warning=false\n");
    QLoggingCategory::setFilterRules(rules);
}

} // namespace

int main(int argc, char *argv[])
{
    // The seat-card renderer chamberd starts for POST …/seat-cards (api/seatcardsapi.cpp): a
    // child with a QGuiApplication for the fonts, so the server itself needs none.
    if (argc == 2 && std::strcmp(argv[1], qrcode::kRenderSeatCardsArgument) == 0)
        return qrcode::renderSeatCardsMain(argc, argv);
    // Likewise the minutes renderer (api/minutesapi.cpp): model JSON in, unsigned PDF out.
    if (argc == 2 && std::strcmp(argv[1], minutespdf::kRenderMinutesArgument) == 0)
        return minutespdf::renderMinutesMain(argc, argv);
    // First, while this is the only thread: NOTIFY_SOCKET and WATCHDOG_* leave the environment
    // so no child inherits them.
    const app::SystemdEnvironment systemd = app::takeSystemdEnvironment();
    // The database will hold who attended and, later, ballots: owner-only from the first byte.
    ::umask(0077);
    raiseFileLimit();
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("chamberd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHAMBER_VERSION));

    const app::StartupOptions options = app::parseStartupOptions(application.arguments());
    if (options.exitNow) {
        std::fprintf(options.exitCode ? stderr : stdout, "%s\n", qPrintable(options.message));
        return options.exitCode;
    }
    applyLogSettings(options.config);

    app::UnixSignals unixSignals;
    app::SystemdNotifier notifier(systemd);
    app::ChamberServer server(options.config);
    QObject::connect(
        &unixSignals, &app::UnixSignals::terminateRequested, &application, [&](int number) {
            log::info(
                lcMain(), QStringLiteral("shutting down"), {{QStringLiteral("signal"), number}});
            notifier.stopping(QStringLiteral("stopping: clients told bye"));
            server.stop();
            // Give the goodbye frames a moment to leave, then stop.
            QTimer::singleShot(300, &application, &QCoreApplication::quit);
        });

    if (auto started = server.start(); !started) {
        log::critical(lcMain(), QStringLiteral("cannot start: ") + started.error().message);
        notifier.status(QStringLiteral("cannot start: ") + started.error().message);
        return 1;
    }
    // Only now: systemd starts what is ordered after chamberd once it reads READY=1.
    notifier.ready([&server] { return server.statusLine(); });
    log::info(lcMain(), QStringLiteral("chamberd ready"),
        {{QStringLiteral("version"), QStringLiteral(CHAMBER_VERSION)},
            {QStringLiteral("pid"), qint64(QCoreApplication::applicationPid())}});
    const int code = application.exec();
    notifier.stopping(QStringLiteral("stopped"));
    log::info(lcMain(), QStringLiteral("stopped"));
    return code;
}
