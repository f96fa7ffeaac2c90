#include "app/options.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>

namespace chamber::app {

StartupOptions parseStartupOptions(const QStringList &arguments)
{
    StartupOptions options;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Chamber meeting server: meetings, agenda, delegates, attendance, "
                       "event log; REST on /api/v1 and WebSocket on /ws over TLS."));
    const QCommandLineOption dataOption(QStringLiteral("data"),
        QStringLiteral("Data directory (default %1).")
            .arg(QStringLiteral("~/.local/share/chamber")),
        QStringLiteral("DIR"));
    const QCommandLineOption listenOption(QStringLiteral("listen"),
        QStringLiteral("Address and port, e.g. 0.0.0.0:8443 "
                       "(port 0 picks a free one)."),
        QStringLiteral("HOST:PORT"));
    const QCommandLineOption configOption(
        QStringLiteral("config"), QStringLiteral("Configuration file."), QStringLiteral("FILE"));
    const QCommandLineOption demoOption(QStringLiteral("demo"),
        QStringLiteral("Create the demo meeting if the server "
                       "has none."));
    const QCommandLineOption logFormatOption(QStringLiteral("log-format"),
        QStringLiteral("auto, json or text."), QStringLiteral("FORMAT"));
    const QCommandLineOption acceptBrokenChainOption(QStringLiteral("accept-broken-chain"),
        QStringLiteral("Start even if the event log's hash chain is broken (edited, deleted or "
                       "rewritten events), logging every break at every start. Without it "
                       "chamberd refuses to start on a broken chain."));
    const QCommandLineOption printPortsOption(QStringLiteral("print-ports"),
        QStringLiteral("Print what the firewall must open for this configuration (\"firewall "
                       "on\" or \"off\", then one \"tcp|udp PORT[-LAST]\" per line) and exit; "
                       "chamber-firewall reads it."));
    const QCommandLineOption testClockOption(QStringLiteral("test-clock"),
        QStringLiteral("For tests only: read the current time from FILE (one ISO 8601 instant, "
                       "e.g. 2027-02-01T03:00:00Z) instead of the system clock; rewriting the "
                       "file moves the server's time (task colours, event times)."),
        QStringLiteral("FILE"));
    parser.addOptions({dataOption, listenOption, configOption, demoOption, logFormatOption,
        acceptBrokenChainOption, printPortsOption, testClockOption});
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();

    auto fail = [&](const QString &message) {
        options.exitNow = true;
        options.exitCode = 2;
        options.message = message;
        return options;
    };
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(helpOption)) {
        options.exitNow = true;
        options.message = parser.helpText();
        return options;
    }
    if (parser.isSet(versionOption)) {
        options.exitNow = true;
        options.message = QStringLiteral("chamberd %1").arg(QStringLiteral(CHAMBER_VERSION));
        return options;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument: ") + parser.positionalArguments().first());

    if (parser.isSet(configOption)) {
        const QString path = parser.value(configOption);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
        const ConfigParse parsed = parseConfig(QString::fromUtf8(file.readAll()));
        if (!parsed.ok())
            return fail(parsed.describe(path));
        options.config = parsed.config;
    }
    if (parser.isSet(dataOption))
        options.config.dataDir = QDir(parser.value(dataOption)).absolutePath();
    if (parser.isSet(listenOption)) {
        auto address = parseListenAddress(parser.value(listenOption));
        if (!address)
            return fail(QStringLiteral("--listen: ") + address.error().message);
        options.config.listen = address.value();
    }
    if (parser.isSet(demoOption))
        options.config.demo = true;
    if (parser.isSet(acceptBrokenChainOption))
        options.config.acceptBrokenChain = true;
    if (parser.isSet(testClockOption))
        options.config.testClockFile = QDir(parser.value(testClockOption)).absolutePath();
    if (parser.isSet(logFormatOption)) {
        const ConfigParse parsed = parseConfig(
            QStringLiteral("[log]\nformat = ") + parser.value(logFormatOption), options.config);
        if (!parsed.ok())
            return fail(QStringLiteral("--log-format: expected auto, json or text"));
        options.config = parsed.config;
    }
    if (parser.isSet(printPortsOption)) {
        options.exitNow = true;
        options.message = describeFirewall(options.config);
    }
    return options;
}

} // namespace chamber::app
