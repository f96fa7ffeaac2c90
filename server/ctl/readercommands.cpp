#include "ctl/readercommands.h"

#include "ctl/commandhelpers.h"
#include "support/privatefile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace chamber::ctl {

namespace {

QString linksPath(qint64 meeting, const QString &rest = {})
{
    return QStringLiteral("/api/v1/meetings/%1/reader-links%2").arg(meeting).arg(rest);
}

} // namespace

int readerLinkCreate(const Arguments &args, CommandContext &c)
{
    qint64 meeting = 0;
    qint64 delegate = 0;
    if (!positive(args.word(0), &meeting) || !args.has(QStringLiteral("delegate")))
        return fail(c,
            QStringLiteral("reader-link MEETING --delegate ID [--ttl SECONDS] "
                           "[--output FILE.png|FILE.svg]"));
    if (!positive(args.value(QStringLiteral("delegate")), &delegate))
        return fail(c, QStringLiteral("--delegate must be a delegate id"));
    QJsonObject body {{QStringLiteral("delegate"), delegate}};
    if (args.has(QStringLiteral("ttl"))) {
        qint64 ttl = 0;
        if (!positive(args.value(QStringLiteral("ttl")), &ttl))
            return fail(c, QStringLiteral("--ttl must be a number of seconds"));
        body.insert(QStringLiteral("ttlSeconds"), ttl);
    }
    const QString output = args.value(QStringLiteral("output"));
    if (!output.isEmpty() && !output.endsWith(QLatin1String(".png"))
        && !output.endsWith(QLatin1String(".svg")))
        return fail(c, QStringLiteral("--output must end in .png or .svg"));

    int exitCode = ExitOk;
    const auto result = c.client.send(
        "POST", linksPath(meeting), QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (!answered(c, result, &exitCode))
        return exitCode;
    const QJsonObject link = result->json();
    if (c.json) {
        c.out << QJsonDocument(link).toJson(QJsonDocument::Indented);
    } else {
        c.out << "reader link " << link.value(QLatin1String("id")).toInteger() << " for delegate "
              << link.value(QLatin1String("delegate")).toInteger() << ", valid until "
              << link.value(QLatin1String("expiresAt")).toString() << Qt::endl
              << link.value(QLatin1String("url")).toString() << Qt::endl;
    }
    if (!output.isEmpty()) {
        const QByteArray image = output.endsWith(QLatin1String(".png"))
            ? QByteArray::fromBase64(link.value(QLatin1String("png")).toString().toLatin1())
            : link.value(QLatin1String("svg")).toString().toUtf8();
        // The link opens the documents until it expires: the file is the owner's only.
        if (auto written = support::writePrivateFile(output, image); !written)
            return fail(c, written.error().message, ExitFailed);
        c.err << "QR code written to " << output << Qt::endl;
    }
    return ExitOk;
}

int readerLinkList(const Arguments &args, CommandContext &c)
{
    qint64 meeting = 0;
    if (!positive(args.word(0), &meeting))
        return fail(c, QStringLiteral("reader-links MEETING"));
    int exitCode = ExitOk;
    const auto result = c.client.get(linksPath(meeting));
    if (!answered(c, result, &exitCode))
        return exitCode;
    if (c.json) {
        c.out << QJsonDocument(result->json()).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    c.out << QStringLiteral("%1 %2 %3 %4")
                 .arg(QStringLiteral("ID"), 4)
                 .arg(QStringLiteral("DELEGATE"), 8)
                 .arg(QStringLiteral("STATE"), -8)
                 .arg(QStringLiteral("EXPIRES"))
          << Qt::endl;
    for (const QJsonValue &value : result->json().value(QLatin1String("links")).toArray()) {
        const QJsonObject link = value.toObject();
        const QString state = link.value(QLatin1String("active")).toBool()
            ? QStringLiteral("active")
            : link.value(QLatin1String("revoked")).isString() ? QStringLiteral("revoked")
                                                              : QStringLiteral("expired");
        c.out << QStringLiteral("%1 %2 %3 %4")
                     .arg(link.value(QLatin1String("id")).toInteger(), 4)
                     .arg(link.value(QLatin1String("delegate")).toInteger(), 8)
                     .arg(state, -8)
                     .arg(link.value(QLatin1String("expiresAt")).toString())
              << Qt::endl;
    }
    return ExitOk;
}

int readerLinkRevoke(const Arguments &args, CommandContext &c)
{
    qint64 meeting = 0;
    qint64 link = 0;
    if (!positive(args.word(0), &meeting) || !positive(args.word(1), &link))
        return fail(c, QStringLiteral("reader-link revoke MEETING LINK"));
    int exitCode = ExitOk;
    const auto result
        = c.client.send("DELETE", linksPath(meeting, QStringLiteral("/%1").arg(link)), {});
    if (!answered(c, result, &exitCode))
        return exitCode;
    c.out << "reader link " << link << " revoked; the phone can no longer open the documents"
          << Qt::endl;
    return ExitOk;
}

} // namespace chamber::ctl
