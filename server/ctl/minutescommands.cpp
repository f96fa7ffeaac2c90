#include "ctl/minutescommands.h"

#include "ctl/commandhelpers.h"
#include "minutes/minutesexport.h"
#include "minutes/minutesmodel.h"
#include "minutespdf/pdfsigner.h"
#include "support/durablefile.h"

#include <QStringList>

namespace chamber::ctl {

namespace {

// The server draws the PDF in a child process: up to its 120 s limit, plus the way there.
constexpr int kMinutesTimeoutMs = 150000;

const QString kUsage = QStringLiteral(
    "minutes MEETING --output FILE.pdf [--lang vi|en] [--seq N] | minutes MEETING --export "
    "json|attendance|speeches|polls|rollcall|conclusions|recordings --output FILE");

QString exportNames()
{
    QStringList names {QStringLiteral("json")};
    for (minutes::ExportTable table : minutes::exportTables())
        names << minutes::exportTableName(table);
    return names.join(u'|');
}

// What the downloaded file says of itself: read back from its signature's stamp, so the line
// printed is what a reader of the file will find, not what was asked for.
void describePdf(CommandContext &c, const QString &output, const QByteArray &pdf)
{
    auto check = minutespdf::checkSignedMinutesPdf(pdf);
    if (!check) {
        c.out << "minutes written to " << output << " (" << pdf.size() << " bytes)" << Qt::endl;
        return;
    }
    const minutespdf::MinutesStamp &stamp = check->stamp;
    c.out << QStringLiteral("%1 minutes of meeting %2 (%3) up to event %4 (%5…) written to %6; "
                            "signed with certificate %7")
                 .arg(stamp.kind)
                 .arg(stamp.meeting)
                 .arg(stamp.language)
                 .arg(stamp.seq)
                 .arg(stamp.lastEventHash.left(16), output, check->certificateFingerprint)
          << Qt::endl;
}

int minutesPdf(const Arguments &args, CommandContext &c, qint64 meeting)
{
    QStringList query;
    if (args.has(QStringLiteral("lang"))) {
        const QString lang = args.value(QStringLiteral("lang"));
        if (!minutes::minutesLanguageFromCode(lang))
            return fail(c, QStringLiteral("--lang must be vi or en"));
        query << QStringLiteral("lang=") + lang;
    }
    if (args.has(QStringLiteral("seq"))) {
        qint64 seq = 0;
        if (!positive(args.value(QStringLiteral("seq")), &seq))
            return fail(c, QStringLiteral("--seq must be an event number (1 or more)"));
        query << QStringLiteral("seq=%1").arg(seq);
    }
    c.client.setTransferTimeout(kMinutesTimeoutMs);
    QString path = QStringLiteral("/api/v1/meetings/%1/minutes.pdf").arg(meeting);
    if (!query.isEmpty())
        path += u'?' + query.join(u'&');
    int exitCode = ExitOk;
    const auto reply = c.client.get(path);
    if (!answered(c, reply, &exitCode))
        return exitCode;
    if (!reply->body.startsWith("%PDF-"))
        return fail(c, QStringLiteral("the server's answer is not a PDF"), ExitFailed);
    const QString output = args.value(QStringLiteral("output"));
    if (auto written = support::writeFileDurably(output, reply->body); !written)
        return fail(c, written.error().message, ExitFailed);
    describePdf(c, output, reply->body);
    return ExitOk;
}

int minutesExport(const Arguments &args, CommandContext &c, qint64 meeting)
{
    const QString what = args.value(QStringLiteral("export"));
    if (what != QLatin1String("json") && !minutes::exportTableFromName(what))
        return fail(c, QStringLiteral("--export must be one of ") + exportNames());
    const QString path = what == QLatin1String("json")
        ? QStringLiteral("/api/v1/meetings/%1/minutes.json").arg(meeting)
        : QStringLiteral("/api/v1/meetings/%1/minutes/%2.csv").arg(meeting).arg(what);
    int exitCode = ExitOk;
    const auto reply = c.client.get(path);
    if (!answered(c, reply, &exitCode))
        return exitCode;
    const QString output = args.value(QStringLiteral("output"));
    if (auto written = support::writeFileDurably(output, reply->body); !written)
        return fail(c, written.error().message, ExitFailed);
    c.out << QStringLiteral("%1 of meeting %2 written to %3 (%4 bytes)")
                 .arg(what == QLatin1String("json") ? QStringLiteral("the minutes as JSON")
                                                    : QStringLiteral("table ") + what)
                 .arg(meeting)
                 .arg(output)
                 .arg(reply->body.size())
          << Qt::endl;
    return ExitOk;
}

int minutesCommand(const Arguments &args, CommandContext &c)
{
    qint64 meeting = 0;
    if (!positive(args.word(0), &meeting) || !args.word(1).isEmpty()
        || !args.has(QStringLiteral("output")))
        return fail(c, kUsage);
    if (args.has(QStringLiteral("export"))) {
        if (args.has(QStringLiteral("lang")) || args.has(QStringLiteral("seq")))
            return fail(c,
                QStringLiteral("--export takes no --lang or --seq: exports are made from the "
                               "whole log and hold no prose"));
        return minutesExport(args, c, meeting);
    }
    return minutesPdf(args, c, meeting);
}

} // namespace

std::vector<CommandSpec> minutesCommands()
{
    return {
        {"minutes",
            "MEETING --output FILE.pdf [--lang vi|en] [--seq N] | MEETING --export "
            "json|attendance|speeches|polls|rollcall|conclusions|recordings --output FILE",
            "the signed minutes PDF made from the event log (a draft until the meeting ends; "
            "--seq: as of that event), or an export of them (JSON, or one table as CSV)",
            {QStringLiteral("output"), QStringLiteral("lang"), QStringLiteral("seq"),
                QStringLiteral("export")},
            minutesCommand},
    };
}

} // namespace chamber::ctl
