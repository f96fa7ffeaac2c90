// chamberctl task …, conclusion … and agenda add-overdue (see councilcommands.h).
#include "ctl/commandhelpers.h"
#include "ctl/councilcommands.h"
#include "ctl/councilrequest.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>

namespace chamber::ctl {

namespace {

using Ids = std::vector<qint64>;

QString text(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    return value.isDouble() ? QString::number(value.toInteger()) : value.toString();
}

QString taskPath(qint64 council, qint64 task = 0, const QString &rest = {})
{
    QString path = QStringLiteral("/api/v1/councils/%1/tasks").arg(council);
    if (task)
        path += QStringLiteral("/%1").arg(task);
    return path + rest;
}

QString meetingPath(qint64 meeting, const QString &rest = {})
{
    return QStringLiteral("/api/v1/meetings/%1").arg(meeting) + rest;
}

void printDone(CommandContext &c, const QJsonObject &reply)
{
    const QJsonObject data = reply.value(QLatin1String("result")).toObject();
    QStringList parts;
    for (const char *key : {"task", "conclusion", "item", "status"}) {
        if (data.contains(QLatin1String(key)))
            parts << QStringLiteral("%1 %2").arg(QLatin1String(key), text(data, key));
    }
    c.out << "ok" << (parts.isEmpty() ? QString() : u' ' + parts.join(QStringLiteral(", ")))
          << Qt::endl;
}

// Checks the positional ids and required options, builds the body from the options, sends it.
int send(const Arguments &args, CommandContext &c, const QStringList &idNames,
    const QStringList &required, std::initializer_list<BodyOption> options,
    const QByteArray &method, const std::function<QString(const Ids &)> &path)
{
    auto ids = idsFrom(args, idNames);
    if (!ids)
        return fail(c, ids.error().message);
    for (const QString &option : required) {
        if (!args.has(option))
            return fail(c, QStringLiteral("--%1 is required").arg(option));
    }
    auto body = bodyFrom(args, options);
    if (!body)
        return fail(c, body.error().message);
    return request(c, method, path(*ids), *body, printDone);
}

void printTasks(CommandContext &c, const QJsonObject &reply)
{
    QList<QStringList> rows;
    for (const QJsonValue &value : reply.value(QLatin1String("tasks")).toArray()) {
        const QJsonObject task = value.toObject();
        const QJsonObject owner = task.value(QLatin1String("owner")).toObject();
        rows.append(
            {text(task, "task"), text(task, "colour"), text(task, "status"), text(task, "deadline"),
                QStringLiteral("%1 (%2 %3)")
                    .arg(text(task, "ownerName"), text(owner, "kind"), text(owner, "id")),
                text(task, "title")});
    }
    if (rows.isEmpty()) {
        c.out << "no tasks" << Qt::endl;
        return;
    }
    printTable(c.out,
        {QStringLiteral("TASK"), QStringLiteral("COLOUR"), QStringLiteral("STATUS"),
            QStringLiteral("DEADLINE"), QStringLiteral("OWNER"), QStringLiteral("TITLE")},
        rows);
}

void printHistory(CommandContext &c, const QJsonObject &reply)
{
    QList<QStringList> rows;
    for (const QJsonValue &value : reply.value(QLatin1String("events")).toArray()) {
        const QJsonObject event = value.toObject();
        QJsonObject data = event.value(QLatin1String("data")).toObject();
        data.remove(QStringLiteral("task"));
        QStringList details;
        for (auto it = data.begin(); it != data.end(); ++it) {
            const QString shown = it->isObject() || it->isArray()
                ? QString::fromUtf8(QJsonDocument(
                    it->isObject() ? QJsonDocument(it->toObject()) : QJsonDocument(it->toArray()))
                                        .toJson(QJsonDocument::Compact))
                : it->toVariant().toString();
            details << it.key() + u'=' + shown;
        }
        rows.append({text(event, "seq"), text(event, "time"), text(event, "actor"),
            text(event, "kind"), details.join(QStringLiteral("; "))});
    }
    printTable(c.out,
        {QStringLiteral("SEQ"), QStringLiteral("TIME"), QStringLiteral("BY"),
            QStringLiteral("EVENT"), QStringLiteral("DETAILS")},
        rows);
}

int taskList(const Arguments &args, CommandContext &c)
{
    auto ids = idsFrom(args, {QStringLiteral("COUNCIL")});
    if (!ids)
        return fail(c, ids.error().message);
    auto filters = bodyFrom(args,
        {{"owner", "owner", OptionKind::Owner}, {"status", "status", OptionKind::Text},
            {"origin", "origin", OptionKind::Id}});
    if (!filters)
        return fail(c, filters.error().message);
    QUrlQuery query;
    for (auto it = filters->begin(); it != filters->end(); ++it)
        query.addQueryItem(
            it.key(), it->isDouble() ? QString::number(it->toInteger()) : it->toString());
    const QString path = taskPath(ids->at(0));
    return fetch(
        c, query.isEmpty() ? path : path + u'?' + query.toString(QUrl::FullyEncoded), printTasks);
}

int taskAttach(const Arguments &args, CommandContext &c)
{
    if (args.positional().size() != 3)
        return fail(c,
            QStringLiteral("usage: chamberctl task attach COUNCIL TASK FILE.pdf "
                           "[--name N] [--text T]"));
    auto ids = idsFrom(args.withoutLastWord(), {QStringLiteral("COUNCIL"), QStringLiteral("TASK")});
    if (!ids)
        return fail(c, ids.error().message);
    QFile file(args.word(2));
    if (!file.open(QIODevice::ReadOnly))
        return fail(c,
            QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()),
            ExitFailed);
    const QString name = args.value(QStringLiteral("name"), QFileInfo(file.fileName()).fileName());
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("name"), QString::fromLatin1(QUrl::toPercentEncoding(name)));
    if (args.has(QStringLiteral("text")))
        query.addQueryItem(QStringLiteral("text"),
            QString::fromLatin1(QUrl::toPercentEncoding(args.value(QStringLiteral("text")))));
    int exitCode = ExitOk;
    const auto result = c.client.send("POST",
        taskPath(ids->at(0), ids->at(1), QStringLiteral("/attachments?") + query.toString()),
        file.readAll(), "application/pdf");
    if (!answered(c, result, &exitCode))
        return exitCode;
    if (c.json) {
        c.out << result->body.trimmed() << Qt::endl;
        return ExitOk;
    }
    const QJsonObject attachment = result->json().value(QLatin1String("attachment")).toObject();
    c.out << "attached " << text(attachment, "name") << " (" << text(attachment, "pages")
          << " pages, sha256 " << text(attachment, "sha256").left(12) << "…) to task " << ids->at(1)
          << Qt::endl;
    return ExitOk;
}

void printConclusions(CommandContext &c, const QJsonObject &meeting)
{
    QList<QStringList> rows;
    for (const QJsonValue &value : meeting.value(QLatin1String("conclusions")).toArray()) {
        const QJsonObject conclusion = value.toObject();
        if (conclusion.value(QLatin1String("removed")).toBool())
            continue;
        rows.append({text(conclusion, "number"), text(conclusion, "item"),
            conclusion.value(QLatin1String("poll")).isDouble() ? text(conclusion, "poll")
                                                               : QStringLiteral("-"),
            text(conclusion, "text")});
    }
    if (rows.isEmpty()) {
        c.out << "no conclusions" << Qt::endl;
        return;
    }
    printTable(c.out,
        {QStringLiteral("NO"), QStringLiteral("ITEM"), QStringLiteral("POLL"),
            QStringLiteral("TEXT")},
        rows);
}

const QStringList kCouncilTask {QStringLiteral("COUNCIL"), QStringLiteral("TASK")};
const QSet<QString> kNoOptions;

} // namespace

std::vector<CommandSpec> taskCommands()
{
    return {
        {"task create",
            "COUNCIL --title T --owner member:ID|organisation:ID --deadline 2027-01-31 "
            "[--meeting M --conclusion N]",
            "a task from a conclusion (a date alone is 23:59:59 Vietnam time)",
            {QStringLiteral("title"), QStringLiteral("owner"), QStringLiteral("deadline"),
                QStringLiteral("meeting"), QStringLiteral("conclusion")},
            [](const Arguments &a, CommandContext &c) {
                return send(a, c, {QStringLiteral("COUNCIL")},
                    {QStringLiteral("title"), QStringLiteral("owner"), QStringLiteral("deadline")},
                    {{"title", "title", OptionKind::Text}, {"owner", "owner", OptionKind::Owner},
                        {"deadline", "deadline", OptionKind::Deadline},
                        {"meeting", "meeting", OptionKind::Id},
                        {"conclusion", "conclusion", OptionKind::Id}},
                    "POST", [](const Ids &id) { return taskPath(id[0]); });
            }},
        {"task status", "COUNCIL TASK --to open|inProgress|done|cancelled [--reason R]",
            "move a task on (owners: open → inProgress → done; the secretary also back, with a "
            "reason)",
            {QStringLiteral("to"), QStringLiteral("reason")},
            [](const Arguments &a, CommandContext &c) {
                return send(a, c, kCouncilTask, {QStringLiteral("to")},
                    {{"to", "status", OptionKind::Text}, {"reason", "reason", OptionKind::Text}},
                    "POST", [](const Ids &id) {
                        return taskPath(id[0], id[1], QStringLiteral("/status"));
                    });
            }},
        {"task note", "COUNCIL TASK --text T", "a progress note on a task",
            {QStringLiteral("text")},
            [](const Arguments &a, CommandContext &c) {
                return send(a, c, kCouncilTask, {QStringLiteral("text")},
                    {{"text", "text", OptionKind::Text}}, "POST",
                    [](const Ids &id) { return taskPath(id[0], id[1], QStringLiteral("/notes")); });
            }},
        {"task attach", "COUNCIL TASK FILE.pdf [--name N] [--text T]",
            "a PDF as a progress note (checked like meeting documents)",
            {QStringLiteral("name"), QStringLiteral("text")}, taskAttach},
        {"task reassign", "COUNCIL TASK --owner member:ID|organisation:ID [--reason R]",
            "give a task to another owner", {QStringLiteral("owner"), QStringLiteral("reason")},
            [](const Arguments &a, CommandContext &c) {
                return send(a, c, kCouncilTask, {QStringLiteral("owner")},
                    {{"owner", "owner", OptionKind::Owner}, {"reason", "reason", OptionKind::Text}},
                    "POST", [](const Ids &id) {
                        return taskPath(id[0], id[1], QStringLiteral("/reassign"));
                    });
            }},
        {"task deadline", "COUNCIL TASK --deadline 2027-03-31 --reason R",
            "move a task's deadline (with a reason)",
            {QStringLiteral("deadline"), QStringLiteral("reason")},
            [](const Arguments &a, CommandContext &c) {
                return send(a, c, kCouncilTask,
                    {QStringLiteral("deadline"), QStringLiteral("reason")},
                    {{"deadline", "deadline", OptionKind::Deadline},
                        {"reason", "reason", OptionKind::Text}},
                    "POST", [](const Ids &id) {
                        return taskPath(id[0], id[1], QStringLiteral("/deadline"));
                    });
            }},
        {"task list", "COUNCIL [--owner KIND:ID] [--status S] [--origin MEETING]",
            "tasks (a liaison sees its own only)",
            {QStringLiteral("owner"), QStringLiteral("status"), QStringLiteral("origin")},
            taskList},
        {"task history", "COUNCIL TASK", "every change of a task, with who made it", kNoOptions,
            [](const Arguments &a, CommandContext &c) {
                auto ids = idsFrom(a, kCouncilTask);
                if (!ids)
                    return fail(c, ids.error().message);
                return fetch(
                    c, taskPath(ids->at(0), ids->at(1), QStringLiteral("/history")), printHistory);
            }},
        {"conclusion add", "MEETING --item ITEM --text T [--poll POLL]",
            "a conclusion on an agenda item (optionally resting on a passed poll)",
            {QStringLiteral("item"), QStringLiteral("text"), QStringLiteral("poll")},
            [](const Arguments &a, CommandContext &c) {
                return send(a, c, {QStringLiteral("MEETING")},
                    {QStringLiteral("item"), QStringLiteral("text")},
                    {{"item", "item", OptionKind::Id}, {"text", "text", OptionKind::Text},
                        {"poll", "poll", OptionKind::Id}},
                    "POST", [](const Ids &id) {
                        return meetingPath(id[0], QStringLiteral("/conclusions"));
                    });
            }},
        {"conclusion update", "MEETING CONCLUSION [--text T] [--poll POLL]", "change a conclusion",
            {QStringLiteral("text"), QStringLiteral("poll")},
            [](const Arguments &a, CommandContext &c) {
                if (!a.has(QStringLiteral("text")) && !a.has(QStringLiteral("poll")))
                    return fail(c, QStringLiteral("nothing to change: give --text or --poll"));
                return send(a, c, {QStringLiteral("MEETING"), QStringLiteral("CONCLUSION")}, {},
                    {{"text", "text", OptionKind::Text}, {"poll", "poll", OptionKind::Id}}, "PATCH",
                    [](const Ids &id) {
                        return meetingPath(id[0], QStringLiteral("/conclusions/%1").arg(id[1]));
                    });
            }},
        {"conclusion remove", "MEETING CONCLUSION", "remove a conclusion (its number stays used)",
            kNoOptions,
            [](const Arguments &a, CommandContext &c) {
                return send(a, c, {QStringLiteral("MEETING"), QStringLiteral("CONCLUSION")}, {}, {},
                    "DELETE", [](const Ids &id) {
                        return meetingPath(id[0], QStringLiteral("/conclusions/%1").arg(id[1]));
                    });
            }},
        {"conclusion list", "MEETING", "the meeting's conclusions", kNoOptions,
            [](const Arguments &a, CommandContext &c) {
                auto ids = idsFrom(a, {QStringLiteral("MEETING")});
                if (!ids)
                    return fail(c, ids.error().message);
                return fetch(c, meetingPath(ids->at(0)), printConclusions);
            }},
        {"agenda add-overdue", "MEETING [--parent ITEM]",
            "an agenda item reviewing the council's overdue tasks", {QStringLiteral("parent")},
            [](const Arguments &a, CommandContext &c) {
                return send(a, c, {QStringLiteral("MEETING")}, {},
                    {{"parent", "parent", OptionKind::Id}}, "POST", [](const Ids &id) {
                        return meetingPath(id[0], QStringLiteral("/agenda/overdue"));
                    });
            }},
    };
}

} // namespace chamber::ctl
