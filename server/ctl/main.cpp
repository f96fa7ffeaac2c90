// chamberctl: the secretary's command line over chamberd's REST API.
#include "ctl/commands.h"
#include "ctl/connectionsettings.h"
#include "ctl/verify.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <algorithm>
#include <cstring>
#include <memory>

using namespace chamber::ctl;

namespace {

const QSet<QString> kGlobalOptions {QStringLiteral("server"), QStringLiteral("data"),
    QStringLiteral("token-file"), QStringLiteral("pin"), QStringLiteral("json"),
    QStringLiteral("help")};

void printHelp(QTextStream &out)
{
    out << "usage: chamberctl [--server URL] [--data DIR] [--token-file F] [--pin PIN] [--json] "
           "COMMAND ...\n\n"
           "Talks to chamberd over HTTPS, trusting only the pinned server key. On the server "
           "itself the token and pin are read from the data directory (default "
        << defaultDataDirectory()
        << ").\nEnvironment: CHAMBER_SERVER, CHAMBER_TOKEN, CHAMBER_PIN.\n\ncommands:\n";
    for (const CommandSpec &spec : commands()) {
        out << "  "
            << QStringLiteral("%1 %2").arg(QLatin1String(spec.words), QLatin1String(spec.usage))
            << "\n      " << spec.summary << '\n';
    }
    out << "  verify FILE.jsonl | verify --data DIR\n"
           "      check the hash chain of an exported log or of a server's database\n"
           "  verify RESULT.json [--key BASE64] [--log FILE.jsonl]\n"
           "      check a published poll result's signature (and that it is anchored in the log)\n"
           "\nexit status: 0 ok, 1 refused or verification failed, 2 usage, 3 server unreachable\n";
}

int verify(const Arguments &arguments, QTextStream &out, QTextStream &err)
{
    if (arguments.positional().size() == 2 && looksLikeResultFile(arguments.word(1))) {
        QByteArray key;
        if (arguments.has(QStringLiteral("key"))) {
            key = QByteArray::fromBase64(arguments.value(QStringLiteral("key")).toLatin1());
            if (key.size() != 32) {
                err << "chamberctl: --key must be the server's signing key in base64 (see GET "
                       "/api/v1/server)"
                    << Qt::endl;
                return ExitUsage;
            }
        }
        const ResultCheck check
            = verifyResultFile(arguments.word(1), key, arguments.value(QStringLiteral("log")));
        if (!check.problem.isEmpty()) {
            err << "FAILED: " << check.problem << Qt::endl;
            return ExitFailed;
        }
        out << check.summary << Qt::endl;
        return ExitOk;
    }
    VerifyOutcome outcome;
    if (arguments.positional().size() == 2)
        outcome = verifyExportFile(arguments.word(1));
    else if (arguments.positional().size() == 1)
        outcome
            = verifyDataDirectory(arguments.value(QStringLiteral("data"), defaultDataDirectory()));
    else {
        err << "chamberctl: verify FILE.jsonl | verify [--data DIR]" << Qt::endl;
        return ExitUsage;
    }
    (outcome.ok() ? out : err) << outcome.describe() << Qt::endl;
    return outcome.ok() ? ExitOk : ExitFailed;
}

} // namespace

int main(int argc, char *argv[])
{
    // Seat cards are laid out with QPainter, which needs the font database of a
    // QGuiApplication; the offscreen platform needs no display.
    const bool needsFonts = std::any_of(argv + 1, argv + argc,
        [](const char *word) { return std::strcmp(word, "seat-cards") == 0; });
    if (needsFonts && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app(
        needsFonts ? new QGuiApplication(argc, argv) : new QCoreApplication(argc, argv));
    QCoreApplication &application = *app;
    QCoreApplication::setApplicationName(QStringLiteral("chamberctl"));
    QTextStream out(stdout);
    QTextStream err(stderr);

    const QSet<QString> flags {QStringLiteral("json"), QStringLiteral("help"),
        QStringLiteral("top"), QStringLiteral("at-least"), QStringLiteral("by-weight"),
        QStringLiteral("secret"), QStringLiteral("allow-change")};
    const Arguments arguments = Arguments::parse(application.arguments().mid(1), flags);
    if (!arguments.error().isEmpty()) {
        err << "chamberctl: " << arguments.error() << Qt::endl;
        return ExitUsage;
    }
    if (arguments.has(QStringLiteral("help")) || arguments.positional().isEmpty()) {
        printHelp(
            arguments.positional().isEmpty() && !arguments.has(QStringLiteral("help")) ? err : out);
        return arguments.has(QStringLiteral("help")) ? ExitOk : ExitUsage;
    }
    if (arguments.word(0) == QLatin1String("verify"))
        return verify(arguments, out, err);

    qsizetype used = 0;
    const CommandSpec *command = findCommand(arguments.positional(), &used);
    if (!command) {
        err << "chamberctl: unknown command \"" << arguments.positional().join(u' ')
            << "\"; see chamberctl --help" << Qt::endl;
        return ExitUsage;
    }
    const QStringList unknown = arguments.unknown(command->options + kGlobalOptions);
    if (!unknown.isEmpty()) {
        err << "chamberctl: " << command->words << " does not take "
            << unknown.join(QStringLiteral(", ")) << "\n  usage: chamberctl " << command->words
            << ' ' << command->usage << Qt::endl;
        return ExitUsage;
    }
    auto connection = resolveConnection(arguments);
    if (!connection) {
        err << "chamberctl: " << connection.error().message << Qt::endl;
        return ExitUsage;
    }
    RestClient client(connection.value());
    CommandContext context {client, out, err, arguments.has(QStringLiteral("json"))};
    return command->run(arguments.withoutWords(used), context);
}
