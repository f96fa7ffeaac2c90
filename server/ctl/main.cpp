// chamberctl: the secretary's command line over chamberd's REST API.
#include "ctl/accountcommands.h"
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
    QStringLiteral("help"), QStringLiteral("account"), QStringLiteral("password-file")};

void printHelp(QTextStream &out)
{
    out << "usage: chamberctl [--server URL] [--data DIR] [--token-file F] [--pin PIN] [--json] "
           "[--account NAME --password-file F] COMMAND ...\n\n"
           "Talks to chamberd over HTTPS, trusting only the pinned server key. On the server "
           "itself the token and pin are read from the data directory (default "
        << defaultDataDirectory()
        << ").\nWith --account NAME --password-file F it logs in as that named account (a "
           "liaison, a secretary) and acts with its rights instead of the admin token's.\n"
           "Environment: CHAMBER_SERVER, CHAMBER_TOKEN, CHAMBER_PIN.\n\ncommands:\n";
    for (const CommandSpec &spec : commands()) {
        out << "  "
            << QStringLiteral("%1 %2").arg(QLatin1String(spec.words), QLatin1String(spec.usage))
            << "\n      " << spec.summary << '\n';
    }
    out << verifyHelp()
        << "\nexit status: 0 ok, 1 refused or verification failed, 2 usage, 3 server unreachable, "
           "4 (verify) nothing differs but no trusted key vouches for the signer\n";
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
        QStringLiteral("secret"), QStringLiteral("allow-change"), QStringLiteral("password-stdin"),
        QStringLiteral("more-than"), QStringLiteral("quorum-at-least")};
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
    if (arguments.word(0) == QLatin1String("verify")) {
        const QStringList unknown = arguments.unknown(verifyOptions() + kGlobalOptions);
        if (!unknown.isEmpty()) {
            err << "chamberctl: verify does not take " << unknown.join(QStringLiteral(", "))
                << Qt::endl;
            return ExitUsage;
        }
        return runVerify(arguments, out, err);
    }

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
    const bool asAccount = arguments.has(QStringLiteral("account"));
    if (asAccount && !arguments.has(QStringLiteral("password-file"))) {
        err << "chamberctl: --account NAME needs --password-file F (the account's password)"
            << Qt::endl;
        return ExitUsage;
    }
    // With --account, --password-file is the login's; a new password comes from stdin.
    if (asAccount && QString::fromLatin1(command->words).startsWith(QLatin1String("account "))
        && !arguments.has(QStringLiteral("password-stdin"))
        && command->options.contains(QStringLiteral("password-stdin"))) {
        err << "chamberctl: with --account, give the new password with --password-stdin"
            << Qt::endl;
        return ExitUsage;
    }
    auto connection = asAccount ? resolvePublicConnection(arguments) : resolveConnection(arguments);
    if (!connection) {
        err << "chamberctl: " << connection.error().message << Qt::endl;
        return ExitUsage;
    }
    RestClient client(connection.value());
    if (asAccount) {
        auto password = readPasswordFile(arguments.value(QStringLiteral("password-file")));
        if (!password) {
            err << "chamberctl: " << password.error().message << Qt::endl;
            return ExitUsage;
        }
        if (auto loggedIn = client.login(arguments.value(QStringLiteral("account")), *password);
            !loggedIn) {
            err << "chamberctl: " << loggedIn.error().message << Qt::endl;
            return loggedIn.error().code == chamber::ErrorCode::Unavailable ? ExitUnreachable
                                                                            : ExitFailed;
        }
    }
    CommandContext context {client, out, err, arguments.has(QStringLiteral("json"))};
    // The login's password file is not the command's (account add's new password).
    const Arguments commandArguments = asAccount
        ? arguments.withoutWords(used).withoutOption(QStringLiteral("password-file"))
        : arguments.withoutWords(used);
    return command->run(commandArguments, context);
}
