#include "ctl/councilrequest.h"

#include "ctl/commandhelpers.h"
#include "ctl/deadline.h"

#include <QJsonDocument>

namespace chamber::ctl {

namespace {

Error badOption(const QString &option, const QString &why)
{
    return makeError(ErrorCode::BadField, QStringLiteral("--%1 %2").arg(option, why), option);
}

} // namespace

Result<QJsonObject> bodyFrom(const Arguments &args, std::initializer_list<BodyOption> options)
{
    QJsonObject body;
    for (const BodyOption &spec : options) {
        const QString option = QString::fromLatin1(spec.option);
        if (!args.has(option))
            continue;
        const QString value = args.value(option);
        const QString field = QString::fromLatin1(spec.field);
        switch (spec.kind) {
        case OptionKind::Text:
            body.insert(field, value);
            break;
        case OptionKind::Count:
        case OptionKind::Id: {
            bool ok = false;
            const qint64 number = value.toLongLong(&ok);
            const qint64 least = spec.kind == OptionKind::Id ? 1 : 0;
            if (!ok || number < least)
                return badOption(option,
                    QStringLiteral("must be a whole number >= %1, not \"%2\"")
                        .arg(least)
                        .arg(value.left(64)));
            body.insert(field, number);
            break;
        }
        case OptionKind::Owner: {
            const QStringList parts = value.split(u':');
            qint64 id = 0;
            if (parts.size() != 2
                || (parts[0] != QLatin1String("member")
                    && parts[0] != QLatin1String("organisation"))
                || !positive(parts[1], &id))
                return badOption(option,
                    QStringLiteral("must be member:ID or organisation:ID, not \"%1\"")
                        .arg(value.left(64)));
            body.insert(QStringLiteral("ownerKind"), parts[0]);
            body.insert(QStringLiteral("owner"), id);
            break;
        }
        case OptionKind::Deadline: {
            auto deadline = parseDeadline(value);
            if (!deadline)
                return makeError(ErrorCode::BadField,
                    QStringLiteral("--%1: %2").arg(option, deadline.error().message), option);
            body.insert(field, *deadline);
            break;
        }
        }
    }
    return body;
}

Result<std::vector<qint64>> idsFrom(const Arguments &args, const QStringList &names)
{
    if (args.positional().size() != names.size())
        return makeError(ErrorCode::BadField,
            QStringLiteral("expected %1 (%2 given)")
                .arg(names.join(u' '))
                .arg(args.positional().size()));
    std::vector<qint64> ids;
    for (qsizetype i = 0; i < names.size(); ++i) {
        qint64 id = 0;
        if (!positive(args.word(i), &id))
            return makeError(ErrorCode::BadField,
                QStringLiteral("%1 must be a positive whole number, not \"%2\"")
                    .arg(names[i], args.word(i).left(64)));
        ids.push_back(id);
    }
    return ids;
}

int request(CommandContext &c, const QByteArray &method, const QString &path,
    const QJsonObject &body, const Printer &print)
{
    int exitCode = ExitOk;
    const auto result = method == "GET"
        ? c.client.get(path)
        : c.client.send(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (!answered(c, result, &exitCode))
        return exitCode;
    if (c.json) {
        c.out << result->body.trimmed() << Qt::endl;
        return ExitOk;
    }
    if (print)
        print(c, result->json());
    else
        c.out << "ok" << Qt::endl;
    return ExitOk;
}

int fetch(CommandContext &c, const QString &path, const Printer &print)
{
    return request(c, "GET", path, {}, print);
}

void printTable(QTextStream &out, const QStringList &header, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QString &cell : header)
        widths.append(cell.size());
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    }
    const auto line = [&](const QStringList &cells) {
        QString text;
        for (qsizetype i = 0; i < cells.size(); ++i)
            text += i + 1 < cells.size() ? cells[i].leftJustified(widths[i] + 2) : cells[i];
        out << text << '\n';
    };
    line(header);
    for (const QStringList &row : rows)
        line(row);
    out.flush();
}

} // namespace chamber::ctl
