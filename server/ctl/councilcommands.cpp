#include "ctl/councilcommands.h"

#include "ctl/commandhelpers.h"
#include "ctl/councilrequest.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace chamber::ctl {

namespace {

QString councilPath(qint64 council, const QString &rest = {})
{
    return QStringLiteral("/api/v1/councils/%1").arg(council) + rest;
}

QString text(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    return value.isDouble() ? QString::number(value.toInteger()) : value.toString();
}

// Runs a command whose positional words are ids: usage errors name the expected words.
using IdsCommand
    = std::function<int(const std::vector<qint64> &, const Arguments &, CommandContext &)>;
std::function<int(const Arguments &, CommandContext &)> withIds(
    const QStringList &names, IdsCommand run)
{
    return [names, run](const Arguments &args, CommandContext &c) {
        auto ids = idsFrom(args, names);
        if (!ids)
            return fail(c, ids.error().message);
        return run(*ids, args, c);
    };
}

// A command that sends the options as its body (nothing to send is a usage error when
// `needsSomething`).
std::function<int(const Arguments &, CommandContext &)> sending(const QStringList &ids,
    const QByteArray &method, std::function<QString(const std::vector<qint64> &)> path,
    std::initializer_list<BodyOption> optionList, QStringList required = {},
    bool needsSomething = false)
{
    const std::vector<BodyOption> options(optionList);
    return withIds(
        ids, [=](const std::vector<qint64> &id, const Arguments &args, CommandContext &c) {
            for (const QString &option : required) {
                if (!args.has(option))
                    return fail(c, QStringLiteral("--%1 is required").arg(option));
            }
            QJsonObject body;
            for (const BodyOption &option : options) {
                auto part = bodyFrom(args, {option});
                if (!part)
                    return fail(c, part.error().message);
                for (auto it = part->begin(); it != part->end(); ++it)
                    body.insert(it.key(), it.value());
            }
            if (needsSomething && body.isEmpty())
                return fail(c, QStringLiteral("nothing to change: give at least one option"));
            return request(c, method, path(id), body, [](CommandContext &c, const QJsonObject &r) {
                QJsonObject data = r.value(QLatin1String("result")).toObject();
                QStringList parts;
                for (const char *key :
                    {"council", "member", "organisation", "task", "conclusion", "item"}) {
                    if (data.contains(QLatin1String(key)))
                        parts << QStringLiteral("%1 %2").arg(QLatin1String(key), text(data, key));
                }
                c.out << "ok"
                      << (parts.isEmpty() ? QString() : u' ' + parts.join(QStringLiteral(", ")))
                      << Qt::endl;
            });
        });
}

void printCouncils(CommandContext &c, const QJsonObject &body)
{
    QList<QStringList> rows;
    for (const QJsonValue &value : body.value(QLatin1String("councils")).toArray()) {
        const QJsonObject council = value.toObject();
        rows.append({text(council, "council"), council.value(QLatin1String("name")).toString(),
            council.value(QLatin1String("term")).toString(), text(council, "amberDays"),
            text(council, "tasks")});
    }
    if (rows.isEmpty()) {
        c.out << "no councils; create one with: chamberctl council create --name N" << Qt::endl;
        return;
    }
    printTable(c.out,
        {QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("TERM"),
            QStringLiteral("AMBER DAYS"), QStringLiteral("TASKS")},
        rows);
}

void printMembers(CommandContext &c, const QJsonObject &council)
{
    QList<QStringList> rows;
    for (const QJsonValue &value : council.value(QLatin1String("members")).toArray()) {
        const QJsonObject member = value.toObject();
        rows.append({text(member, "member"), member.value(QLatin1String("name")).toString(),
            member.value(QLatin1String("title")).toString(),
            member.value(QLatin1String("group")).toString(),
            member.value(QLatin1String("seat")).toString(), text(member, "weight"),
            member.value(QLatin1String("active")).toBool() ? QStringLiteral("yes")
                                                           : QStringLiteral("left")});
    }
    printTable(c.out,
        {QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("TITLE"),
            QStringLiteral("GROUP"), QStringLiteral("SEAT"), QStringLiteral("WEIGHT"),
            QStringLiteral("ACTIVE")},
        rows);
}

void printOrganisations(CommandContext &c, const QJsonObject &council)
{
    QList<QStringList> rows;
    for (const QJsonValue &value : council.value(QLatin1String("organisations")).toArray()) {
        const QJsonObject organisation = value.toObject();
        rows.append({text(organisation, "organisation"),
            organisation.value(QLatin1String("name")).toString(),
            organisation.value(QLatin1String("kind")).toString()});
    }
    printTable(c.out, {QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("KIND")}, rows);
}

void printCouncil(CommandContext &c, const QJsonObject &council)
{
    c.out << "council " << text(council, "council") << ": "
          << council.value(QLatin1String("name")).toString() << " ("
          << council.value(QLatin1String("term")).toString() << "), amber "
          << text(council, "amberDays") << " days before a deadline, " << text(council, "tasks")
          << " tasks\n\nmembers:\n";
    printMembers(c, council);
    c.out << "\norganisations:\n";
    printOrganisations(c, council);
    QStringList meetings;
    for (const QJsonValue &value : council.value(QLatin1String("meetings")).toArray())
        meetings << text(value.toObject(), "meeting");
    c.out << "\nmeetings: " << (meetings.isEmpty() ? QStringLiteral("none") : meetings.join(u' '))
          << Qt::endl;
}

// The board: counts, then each owner's tasks by colour, worst first (the server's order).
void printBoard(CommandContext &c, const QJsonObject &board)
{
    const QJsonObject counts = board.value(QLatin1String("counts")).toObject();
    c.out << board.value(QLatin1String("name")).toString() << " — " << text(board, "now")
          << "\n  overdue " << text(counts, "overdue") << ", due soon " << text(counts, "dueSoon")
          << ", on time " << text(counts, "onTime") << ", done " << text(counts, "done")
          << ", cancelled " << text(counts, "cancelled") << " (" << text(counts, "total")
          << " tasks; page " << text(board, "page") << " of " << text(board, "pages") << ")\n";
    for (const QJsonValue &ownerValue : board.value(QLatin1String("owners")).toArray()) {
        const QJsonObject owner = ownerValue.toObject();
        const QJsonObject ownerCounts = owner.value(QLatin1String("counts")).toObject();
        c.out << '\n'
              << owner.value(QLatin1String("name")).toString() << " (" << text(owner, "kind") << ' '
              << text(owner, "id") << "): overdue " << text(ownerCounts, "overdue") << ", due soon "
              << text(ownerCounts, "dueSoon") << ", on time " << text(ownerCounts, "onTime")
              << '\n';
        QList<QStringList> rows;
        for (const QJsonValue &taskValue : owner.value(QLatin1String("tasks")).toArray()) {
            const QJsonObject task = taskValue.toObject();
            rows.append({text(task, "task"), text(task, "colour"), text(task, "status"),
                text(task, "deadline"), task.value(QLatin1String("title")).toString()});
        }
        printTable(c.out,
            {QStringLiteral("TASK"), QStringLiteral("COLOUR"), QStringLiteral("STATUS"),
                QStringLiteral("DEADLINE"), QStringLiteral("TITLE")},
            rows);
    }
    c.out.flush();
}

int board(const Arguments &args, CommandContext &c)
{
    if (!args.positional().isEmpty()
        || args.has(QStringLiteral("meeting")) == args.has(QStringLiteral("council")))
        return fail(c,
            QStringLiteral("board --meeting M | --council C [--status S] [--owner KIND:ID] "
                           "[--origin MEETING] [--page N] [--page-size N]"));
    auto filters = bodyFrom(args,
        {{"meeting", "meeting", OptionKind::Id}, {"council", "council", OptionKind::Id},
            {"owner", "owner", OptionKind::Owner}, {"origin", "origin", OptionKind::Id},
            {"page", "page", OptionKind::Id}, {"page-size", "pageSize", OptionKind::Id},
            {"status", "status", OptionKind::Text}});
    if (!filters)
        return fail(c, filters.error().message);
    QUrlQuery query;
    for (const char *key : {"status", "ownerKind", "owner", "origin", "page", "pageSize"}) {
        if (filters->contains(QLatin1String(key)))
            query.addQueryItem(QLatin1String(key), text(*filters, key));
    }
    const QString path = filters->contains(QLatin1String("meeting"))
        ? QStringLiteral("/api/v1/meetings/%1/board").arg(text(*filters, "meeting"))
        : QStringLiteral("/api/v1/councils/%1/board").arg(text(*filters, "council"));
    return fetch(
        c, query.isEmpty() ? path : path + u'?' + query.toString(QUrl::FullyEncoded), printBoard);
}

const QSet<QString> kNoOptions;

} // namespace

std::vector<CommandSpec> councilCommands()
{
    using Ids = std::vector<qint64>;
    const QSet<QString> councilFields {
        QStringLiteral("name"), QStringLiteral("term"), QStringLiteral("amber-days")};
    const QSet<QString> memberFields {QStringLiteral("name"), QStringLiteral("group"),
        QStringLiteral("seat"), QStringLiteral("weight"), QStringLiteral("title")};
    const QSet<QString> organisationFields {QStringLiteral("name"), QStringLiteral("kind")};
    const std::initializer_list<BodyOption> memberOptions {{"name", "name", OptionKind::Text},
        {"group", "group", OptionKind::Text}, {"seat", "seat", OptionKind::Text},
        {"weight", "weight", OptionKind::Count}, {"title", "title", OptionKind::Text}};
    return {
        {"council create", "--name N [--term T] [--amber-days D]",
            "a council (a standing body: members for a term, organisations, tasks)", councilFields,
            sending({}, "POST", [](const Ids &) { return QStringLiteral("/api/v1/councils"); },
                {{"name", "name", OptionKind::Text}, {"term", "term", OptionKind::Text},
                    {"amber-days", "amberDays", OptionKind::Id}},
                {QStringLiteral("name")})},
        {"council update", "COUNCIL [--name N] [--term T] [--amber-days D]",
            "change a council's name, term or amber days", councilFields,
            sending(
                {QStringLiteral("COUNCIL")}, "PATCH",
                [](const Ids &id) { return councilPath(id[0]); },
                {{"name", "name", OptionKind::Text}, {"term", "term", OptionKind::Text},
                    {"amber-days", "amberDays", OptionKind::Id}},
                {}, true)},
        {"council list", "", "the councils", kNoOptions,
            withIds({},
                [](const Ids &, const Arguments &, CommandContext &c) {
                    return fetch(c, QStringLiteral("/api/v1/councils"), printCouncils);
                })},
        {"council show", "COUNCIL", "a council: members, organisations, meetings", kNoOptions,
            withIds({QStringLiteral("COUNCIL")},
                [](const Ids &id, const Arguments &, CommandContext &c) {
                    return fetch(c, councilPath(id[0]), printCouncil);
                })},
        {"member add", "COUNCIL --name N [--group G] [--seat S] [--weight W] [--title T]",
            "a member of the council (delegate of its next meetings)", memberFields,
            sending({QStringLiteral("COUNCIL")}, "POST",
                [](const Ids &id) { return councilPath(id[0], QStringLiteral("/members")); },
                memberOptions, {QStringLiteral("name")})},
        {"member update",
            "COUNCIL MEMBER [--name N] [--group G] [--seat S] [--weight W] [--title T]",
            "change a member", memberFields,
            sending(
                {QStringLiteral("COUNCIL"), QStringLiteral("MEMBER")}, "PATCH",
                [](const Ids &id) {
                    return councilPath(id[0], QStringLiteral("/members/%1").arg(id[1]));
                },
                memberOptions, {}, true)},
        {"member leave", "COUNCIL MEMBER",
            "a member leaves the council (history and tasks keep them)", kNoOptions,
            sending({QStringLiteral("COUNCIL"), QStringLiteral("MEMBER")}, "POST",
                [](const Ids &id) {
                    return councilPath(id[0], QStringLiteral("/members/%1/leave").arg(id[1]));
                },
                {})},
        {"member list", "COUNCIL", "the council's members", kNoOptions,
            withIds({QStringLiteral("COUNCIL")},
                [](const Ids &id, const Arguments &, CommandContext &c) {
                    return fetch(c, councilPath(id[0]), printMembers);
                })},
        {"organisation add", "COUNCIL --name N [--kind department|agency|committee|other]",
            "an organisation that owns tasks (a department, an agency)", organisationFields,
            sending({QStringLiteral("COUNCIL")}, "POST",
                [](const Ids &id) { return councilPath(id[0], QStringLiteral("/organisations")); },
                {{"name", "name", OptionKind::Text}, {"kind", "kind", OptionKind::Text}},
                {QStringLiteral("name")})},
        {"organisation update", "COUNCIL ORGANISATION [--name N] [--kind K]",
            "change an organisation", organisationFields,
            sending(
                {QStringLiteral("COUNCIL"), QStringLiteral("ORGANISATION")}, "PATCH",
                [](const Ids &id) {
                    return councilPath(id[0], QStringLiteral("/organisations/%1").arg(id[1]));
                },
                {{"name", "name", OptionKind::Text}, {"kind", "kind", OptionKind::Text}}, {},
                true)},
        {"organisation list", "COUNCIL", "the council's organisations", kNoOptions,
            withIds({QStringLiteral("COUNCIL")},
                [](const Ids &id, const Arguments &, CommandContext &c) {
                    return fetch(c, councilPath(id[0]), printOrganisations);
                })},
        {"board",
            "--meeting M | --council C [--status S] [--owner KIND:ID] [--origin MEETING] "
            "[--page N] [--page-size N]",
            "the follow-up board: tasks by owner, overdue first (--json for machines)",
            {QStringLiteral("meeting"), QStringLiteral("council"), QStringLiteral("status"),
                QStringLiteral("owner"), QStringLiteral("origin"), QStringLiteral("page"),
                QStringLiteral("page-size")},
            board},
    };
}

} // namespace chamber::ctl
