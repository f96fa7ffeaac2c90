#include "ctl/documentcommands.h"

#include "ctl/commandhelpers.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace chamber::ctl {

namespace {

QString documentsPath(qint64 meeting, const QString &rest = {})
{
    return QStringLiteral("/api/v1/meetings/%1%2").arg(meeting).arg(rest);
}

void printDocument(QTextStream &out, const QJsonObject &document)
{
    out << "document " << document.value(QLatin1String("id")).toInteger() << " (item "
        << document.value(QLatin1String("item")).toInteger()
        << "): " << document.value(QLatin1String("title")).toString() << Qt::endl
        << "  " << document.value(QLatin1String("name")).toString() << ", "
        << document.value(QLatin1String("pages")).toInteger() << " pages, "
        << document.value(QLatin1String("bytes")).toInteger() << " bytes";
    const QString source = document.value(QLatin1String("source")).toString();
    if (!source.isEmpty() && source != QLatin1String("pdf"))
        out << ", converted from " << source;
    out << Qt::endl
        << "  sha256 " << document.value(QLatin1String("sha256")).toString() << Qt::endl;
}

int printAnswer(CommandContext &context, const HttpResult &result)
{
    if (context.json)
        context.out << result.body << Qt::endl;
    return ExitOk;
}

} // namespace

int documentUpload(const Arguments &args, CommandContext &context)
{
    qint64 meeting = 0;
    qint64 item = 0;
    if (!positive(args.word(0), &meeting) || !positive(args.word(1), &item)
        || args.word(2).isEmpty())
        return fail(
            context, QStringLiteral("usage: chamberctl doc upload MEETING ITEM FILE [--name N]"));
    QFile file(args.word(2));
    if (!file.open(QIODevice::ReadOnly))
        return fail(context,
            QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()),
            ExitFailed);
    const QString name = args.value(QStringLiteral("name"), QFileInfo(file.fileName()).fileName());
    // The server answers an office file once LibreOffice has converted it: the conversion,
    // and those queued before it, at the default timeout of 120 s each.
    context.client.setTransferTimeout(10 * 60 * 1000);
    const auto result = context.client.send("POST",
        documentsPath(meeting,
            QStringLiteral("/items/%1/documents?name=%2")
                .arg(item)
                .arg(QString::fromLatin1(QUrl::toPercentEncoding(name)))),
        file.readAll(), "application/pdf");
    int code = ExitOk;
    if (!answered(context, result, &code))
        return code;
    if (context.json)
        return printAnswer(context, result.value());
    const QJsonObject answer = result->json();
    context.out << (answer.value(QLatin1String("created")).toBool() ? "added " : "already there: ");
    printDocument(context.out, answer.value(QLatin1String("document")).toObject());
    return ExitOk;
}

int documentList(const Arguments &args, CommandContext &context)
{
    qint64 meeting = 0;
    if (!positive(args.word(0), &meeting))
        return fail(context, QStringLiteral("usage: chamberctl doc list MEETING"));
    const auto result = context.client.get(documentsPath(meeting, QStringLiteral("/documents")));
    int code = ExitOk;
    if (!answered(context, result, &code))
        return code;
    if (context.json)
        return printAnswer(context, result.value());
    const QJsonArray documents = result->json().value(QLatin1String("documents")).toArray();
    if (documents.isEmpty())
        context.out << "no documents" << Qt::endl;
    for (const QJsonValue &document : documents)
        printDocument(context.out, document.toObject());
    return ExitOk;
}

int documentRemove(const Arguments &args, CommandContext &context)
{
    qint64 meeting = 0;
    qint64 document = 0;
    if (!positive(args.word(0), &meeting) || !positive(args.word(1), &document))
        return fail(context, QStringLiteral("usage: chamberctl doc remove MEETING DOCUMENT"));
    const auto result = context.client.send("DELETE",
        documentsPath(meeting, QStringLiteral("/documents/%1").arg(document)), QByteArray());
    int code = ExitOk;
    if (!answered(context, result, &code))
        return code;
    if (context.json)
        return printAnswer(context, result.value());
    context.out << "removed document " << document << Qt::endl;
    return ExitOk;
}

int documentPresent(const Arguments &args, CommandContext &context)
{
    qint64 meeting = 0;
    qint64 document = 0;
    qint64 page = 1;
    const bool stop = args.word(1) == QLatin1String("none");
    if (!positive(args.word(0), &meeting) || (!stop && !positive(args.word(1), &document))
        || (args.has(QStringLiteral("page"))
            && !positive(args.value(QStringLiteral("page")), &page)))
        return fail(context,
            QStringLiteral("usage: chamberctl doc present MEETING DOCUMENT|none [--page N]"));
    const QJsonObject body {
        {QStringLiteral("document"), stop ? QJsonValue() : QJsonValue(document)},
        {QStringLiteral("page"), page}};
    const auto result
        = context.client.send("POST", documentsPath(meeting, QStringLiteral("/present")),
            QJsonDocument(body).toJson(QJsonDocument::Compact));
    int code = ExitOk;
    if (!answered(context, result, &code))
        return code;
    if (context.json)
        return printAnswer(context, result.value());
    if (stop)
        context.out << "no document presented" << Qt::endl;
    else
        context.out << "presenting document " << document << ", page " << page << Qt::endl;
    return ExitOk;
}

} // namespace chamber::ctl
