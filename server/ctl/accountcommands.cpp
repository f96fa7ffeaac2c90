#include "ctl/accountcommands.h"

#include "ctl/commandhelpers.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace chamber::ctl {

namespace {

const QString kPasswordFile = QStringLiteral("password-file");
const QString kPasswordStdin = QStringLiteral("password-stdin");

QString accountPath(const QString &name, const QString &rest = {})
{
    // Names hold no '/', '%', '?' or '#' (the server refuses them); setPath encodes the rest.
    return QStringLiteral("/api/v1/accounts/") + name + rest;
}

// One line from a stream, without its line end.
QString readLine(FILE *stream)
{
    QByteArray line;
    for (int c = std::fgetc(stream); c != EOF && c != '\n'; c = std::fgetc(stream))
        line.append(char(c));
    if (line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

// Asks on the terminal with echo off; restores the terminal whatever happens.
std::optional<QString> askHidden(CommandContext &c, const QString &prompt)
{
    c.err << prompt << Qt::flush;
    termios saved {};
    if (::tcgetattr(STDIN_FILENO, &saved) != 0)
        return std::nullopt;
    termios quiet = saved;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    quiet.c_lflag |= ECHONL;
    if (::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) != 0)
        return std::nullopt;
    const QString answer = readLine(stdin);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    return answer;
}

// The password from wherever the options say; an error message when there is none.
Result<QString> readPassword(const Arguments &args, CommandContext &c)
{
    if (args.has(kPasswordFile) && args.has(kPasswordStdin))
        return makeError(ErrorCode::BadField,
            QStringLiteral("give either --password-file or --password-stdin, not both"));
    if (args.has(kPasswordFile))
        return readPasswordFile(args.value(kPasswordFile));
    if (args.has(kPasswordStdin))
        return readLine(stdin);
    if (!::isatty(STDIN_FILENO))
        return makeError(ErrorCode::BadField,
            QStringLiteral("no terminal to ask for the password; use --password-file FILE or "
                           "--password-stdin"));
    const auto first = askHidden(c, QStringLiteral("Password (at least 10 characters): "));
    if (!first)
        return makeError(ErrorCode::BadField, QStringLiteral("cannot switch off the echo"));
    const auto second = askHidden(c, QStringLiteral("The same again: "));
    if (!second || *second != *first)
        return makeError(ErrorCode::BadField, QStringLiteral("the two passwords differ"));
    return *first;
}

void printAccount(CommandContext &c, const QJsonObject &account)
{
    c.out << account.value(QLatin1String("name")).toString() << '\t'
          << account.value(QLatin1String("role")).toString() << '\t'
          << (account.value(QLatin1String("disabled")).toBool() ? "disabled" : "enabled") << '\t'
          << account.value(QLatin1String("displayName")).toString() << Qt::endl;
}

int setDisabled(const Arguments &args, CommandContext &c, bool disabled)
{
    const QString name = args.word(0);
    if (name.isEmpty() || args.positional().size() != 1)
        return fail(c,
            disabled ? QStringLiteral("account disable NAME")
                     : QStringLiteral("account enable NAME"));
    int exitCode = ExitOk;
    const auto result = c.client.send("PATCH", accountPath(name),
        QJsonDocument(QJsonObject {{QStringLiteral("disabled"), disabled}})
            .toJson(QJsonDocument::Compact));
    if (!answered(c, result, &exitCode))
        return exitCode;
    if (c.json) {
        c.out << result->body << Qt::endl;
        return ExitOk;
    }
    c.out << (disabled ? "disabled " : "enabled ") << name
          << (disabled ? "; its sessions ended" : "") << Qt::endl;
    return ExitOk;
}

} // namespace

Result<QString> readPasswordFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::BadField,
            QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
    QByteArray content = file.read(4096);
    // The first line is the password (a file written by `echo` ends with a newline).
    if (const qsizetype end = content.indexOf('\n'); end >= 0)
        content.truncate(end);
    if (content.endsWith('\r'))
        content.chop(1);
    return QString::fromUtf8(content);
}

QSet<QString> passwordOptions()
{
    return {kPasswordFile, kPasswordStdin};
}

int accountAdd(const Arguments &args, CommandContext &c)
{
    const QString name = args.word(0);
    if (name.isEmpty() || args.positional().size() != 1 || !args.has(QStringLiteral("role")))
        return fail(c,
            QStringLiteral("account add NAME --role admin|secretary|observer|liaison "
                           "[--council C --organisation O] [--display-name D] "
                           "[--password-file F | --password-stdin]"));
    // A liaison names its council and organisation (the server checks they exist).
    const bool liaison = args.value(QStringLiteral("role")) == QLatin1String("liaison");
    qint64 binding[2] = {0, 0};
    const QString bindingOptions[2] = {QStringLiteral("council"), QStringLiteral("organisation")};
    for (int i = 0; i < 2; ++i) {
        if (liaison && !args.has(bindingOptions[i]))
            return fail(c, QStringLiteral("a liaison account needs --%1").arg(bindingOptions[i]));
        if (!liaison && args.has(bindingOptions[i]))
            return fail(
                c, QStringLiteral("only a liaison account takes --%1").arg(bindingOptions[i]));
        if (liaison && !positive(args.value(bindingOptions[i]), &binding[i]))
            return fail(c,
                QStringLiteral("--%1 must be a positive whole number, not \"%2\"")
                    .arg(bindingOptions[i], args.value(bindingOptions[i])));
    }
    auto password = readPassword(args, c);
    if (!password)
        return fail(c, password.error().message);
    QJsonObject body {{QStringLiteral("name"), name},
        {QStringLiteral("role"), args.value(QStringLiteral("role"))},
        {QStringLiteral("password"), *password}};
    if (args.has(QStringLiteral("display-name")))
        body.insert(QStringLiteral("displayName"), args.value(QStringLiteral("display-name")));
    if (liaison) {
        body.insert(QStringLiteral("council"), binding[0]);
        body.insert(QStringLiteral("organisation"), binding[1]);
    }
    int exitCode = ExitOk;
    const auto result = c.client.send("POST", QStringLiteral("/api/v1/accounts"),
        QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (!answered(c, result, &exitCode))
        return exitCode;
    if (c.json) {
        c.out << result->body << Qt::endl;
        return ExitOk;
    }
    const QJsonObject account = result->json().value(QLatin1String("account")).toObject();
    c.out << "created account " << account.value(QLatin1String("name")).toString() << " ("
          << account.value(QLatin1String("role")).toString() << ")" << Qt::endl;
    return ExitOk;
}

int accountPasswd(const Arguments &args, CommandContext &c)
{
    const QString name = args.word(0);
    if (name.isEmpty() || args.positional().size() != 1)
        return fail(
            c, QStringLiteral("account passwd NAME [--password-file F | --password-stdin]"));
    auto password = readPassword(args, c);
    if (!password)
        return fail(c, password.error().message);
    int exitCode = ExitOk;
    const auto result = c.client.send("PUT", accountPath(name, QStringLiteral("/password")),
        QJsonDocument(QJsonObject {{QStringLiteral("password"), *password}})
            .toJson(QJsonDocument::Compact));
    if (!answered(c, result, &exitCode))
        return exitCode;
    c.out << "password of " << name << " set; its sessions ended" << Qt::endl;
    return ExitOk;
}

int accountDisable(const Arguments &args, CommandContext &c)
{
    return setDisabled(args, c, true);
}

int accountEnable(const Arguments &args, CommandContext &c)
{
    return setDisabled(args, c, false);
}

int accountList(const Arguments &, CommandContext &c)
{
    int exitCode = ExitOk;
    const auto result = c.client.get(QStringLiteral("/api/v1/accounts"));
    if (!answered(c, result, &exitCode))
        return exitCode;
    if (c.json) {
        c.out << result->body << Qt::endl;
        return ExitOk;
    }
    const QJsonArray accounts = result->json().value(QLatin1String("accounts")).toArray();
    if (accounts.isEmpty())
        c.out << "no accounts; create one with: chamberctl account add NAME --role admin"
              << Qt::endl;
    for (const QJsonValue &account : accounts)
        printAccount(c, account.toObject());
    return ExitOk;
}

} // namespace chamber::ctl
