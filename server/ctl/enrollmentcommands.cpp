#include "ctl/enrollmentcommands.h"

#include "ctl/commandhelpers.h"
#include "qrcode/seatcards.h"
#include "support/privatefile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace chamber::ctl {

namespace {

constexpr int kSeatCardSeconds = 12 * 3600; // printed the day before; valid through the session

QString meetingPath(qint64 meeting, const QString &rest)
{
    return QStringLiteral("/api/v1/meetings/%1%2").arg(meeting).arg(rest);
}

Status writeFile(const QString &path, const QByteArray &content)
{
    // Join codes are secrets until used: the file is the owner's only.
    return support::writePrivateFile(path, content);
}

} // namespace

int joinCode(const Arguments &args, CommandContext &c)
{
    qint64 meeting = 0;
    if (!positive(args.word(0), &meeting) || !args.has(QStringLiteral("role")))
        return fail(c,
            QStringLiteral(
                "qr MEETING --role delegate|chair|tally|bridge|board [--delegate ID] [--label "
                "L] [--ttl SECONDS] [--output FILE.png|FILE.svg]"));
    QJsonObject body {{QStringLiteral("role"), args.value(QStringLiteral("role"))}};
    if (args.has(QStringLiteral("delegate"))) {
        qint64 delegate = 0;
        if (!positive(args.value(QStringLiteral("delegate")), &delegate))
            return fail(c, QStringLiteral("--delegate must be a delegate id"));
        body.insert(QStringLiteral("delegate"), delegate);
    }
    if (args.has(QStringLiteral("label")))
        body.insert(QStringLiteral("label"), args.value(QStringLiteral("label")));
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
    const auto result = c.client.send("POST", meetingPath(meeting, QStringLiteral("/join-codes")),
        QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (!answered(c, result, &exitCode))
        return exitCode;
    const QJsonObject code = result->json();
    if (c.json) {
        c.out << QJsonDocument(code).toJson(QJsonDocument::Indented);
    } else {
        c.out << code.value(QLatin1String("label")).toString() << " ("
              << code.value(QLatin1String("role")).toString() << "), valid until "
              << code.value(QLatin1String("expiresAt")).toString() << Qt::endl
              << code.value(QLatin1String("url")).toString() << Qt::endl;
    }
    if (!output.isEmpty()) {
        const QByteArray image = output.endsWith(QLatin1String(".png"))
            ? QByteArray::fromBase64(code.value(QLatin1String("png")).toString().toLatin1())
            : code.value(QLatin1String("svg")).toString().toUtf8();
        if (auto written = writeFile(output, image); !written)
            return fail(c, written.error().message, ExitFailed);
        c.err << "QR code written to " << output << Qt::endl;
    }
    return ExitOk;
}

int seatCards(const Arguments &args, CommandContext &c)
{
    qint64 meeting = 0;
    if (!positive(args.word(0), &meeting) || !args.has(QStringLiteral("output")))
        return fail(c, QStringLiteral("seat-cards MEETING --output FILE.pdf [--ttl SECONDS]"));
    qint64 ttl = kSeatCardSeconds;
    if (args.has(QStringLiteral("ttl")) && !positive(args.value(QStringLiteral("ttl")), &ttl))
        return fail(c, QStringLiteral("--ttl must be a number of seconds"));

    int exitCode = ExitOk;
    const auto state = c.client.get(meetingPath(meeting, QString()));
    if (!answered(c, state, &exitCode))
        return exitCode;
    const QJsonObject meetingJson = state->json();
    std::vector<qrcode::SeatCard> cards;
    for (const QJsonValue &value : meetingJson.value(QLatin1String("delegates")).toArray()) {
        const QJsonObject delegate = value.toObject();
        const QString seat = delegate.value(QLatin1String("seat")).toString();
        if (seat.isEmpty())
            continue; // no seat, no card: such delegates join with an individual QR code
        const QJsonObject body {{QStringLiteral("role"), QStringLiteral("delegate")},
            {QStringLiteral("delegate"), delegate.value(QLatin1String("id"))},
            {QStringLiteral("ttlSeconds"), ttl}};
        const auto code = c.client.send("POST", meetingPath(meeting, QStringLiteral("/join-codes")),
            QJsonDocument(body).toJson(QJsonDocument::Compact));
        if (!answered(c, code, &exitCode))
            return exitCode;
        cards.push_back(qrcode::SeatCard {seat, delegate.value(QLatin1String("name")).toString(),
            delegate.value(QLatin1String("group")).toString(),
            code->json().value(QLatin1String("url")).toString(),
            code->json().value(QLatin1String("expiresAt")).toString()});
    }
    if (cards.empty())
        return fail(
            c, QStringLiteral("meeting %1 has no delegate with a seat").arg(meeting), ExitFailed);
    auto pdf
        = qrcode::renderSeatCardsPdf(meetingJson.value(QLatin1String("title")).toString(), cards);
    if (!pdf)
        return fail(c, pdf.error().message, ExitFailed);
    const QString output = args.value(QStringLiteral("output"));
    if (auto written = writeFile(output, pdf.value()); !written)
        return fail(c, written.error().message, ExitFailed);
    c.out << cards.size() << " seat cards written to " << output << " (codes valid for "
          << ttl / 3600.0 << " h)" << Qt::endl;
    return ExitOk;
}

int deviceList(const Arguments &args, CommandContext &c)
{
    qint64 meeting = 0;
    if (!positive(args.word(0), &meeting))
        return fail(c, QStringLiteral("devices MEETING"));
    int exitCode = ExitOk;
    const auto result = c.client.get(meetingPath(meeting, QStringLiteral("/devices")));
    if (!answered(c, result, &exitCode))
        return exitCode;
    if (c.json) {
        c.out << QJsonDocument(result->json()).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    c.out << QStringLiteral("%1 %2 %3 %4 %5")
                 .arg(QStringLiteral("ID"), 4)
                 .arg(QStringLiteral("ROLE"), -9)
                 .arg(QStringLiteral("STATE"), -8)
                 .arg(QStringLiteral("LABEL"), -36)
                 .arg(QStringLiteral("DEVICE"))
          << Qt::endl;
    for (const QJsonValue &value : result->json().value(QLatin1String("devices")).toArray()) {
        const QJsonObject d = value.toObject();
        const QString stateText = d.value(QLatin1String("revoked")).toBool()
            ? QStringLiteral("revoked")
            : d.value(QLatin1String("online")).toBool() ? QStringLiteral("online")
                                                        : QStringLiteral("offline");
        c.out << QStringLiteral("%1 %2 %3 %4 %5")
                     .arg(d.value(QLatin1String("id")).toInteger(), 4)
                     .arg(d.value(QLatin1String("role")).toString(), -9)
                     .arg(stateText, -8)
                     .arg(d.value(QLatin1String("label")).toString(), -36)
                     .arg(d.value(QLatin1String("name")).toString())
              << Qt::endl;
    }
    return ExitOk;
}

int revokeDevice(const Arguments &args, CommandContext &c)
{
    qint64 meeting = 0;
    qint64 device = 0;
    if (!positive(args.word(0), &meeting) || !positive(args.word(1), &device))
        return fail(c, QStringLiteral("revoke MEETING DEVICE"));
    int exitCode = ExitOk;
    const auto result = c.client.send(
        "DELETE", meetingPath(meeting, QStringLiteral("/devices/%1").arg(device)), {});
    if (!answered(c, result, &exitCode))
        return exitCode;
    c.out << "device " << device << " revoked; it was disconnected and must join again" << Qt::endl;
    return ExitOk;
}

} // namespace chamber::ctl
