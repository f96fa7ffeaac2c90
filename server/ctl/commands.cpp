#include "ctl/commands.h"

#include "ctl/councilcommands.h"

#include "ctl/accountcommands.h"
#include "ctl/documentcommands.h"
#include "ctl/enrollmentcommands.h"
#include "ctl/minutescommands.h"
#include "ctl/pollrule.h"
#include "ctl/readercommands.h"
#include "ctl/votingcommands.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace chamber::ctl {

namespace {

const QSet<QString> kNoOptions;

QSet<QString> pollRuleOptionSet()
{
    const QStringList options = pollRuleOptions();
    return QSet<QString>(options.begin(), options.end());
}

bool parseId(const QString &text, qint64 *id)
{
    bool ok = false;
    *id = text.toLongLong(&ok);
    return ok && *id > 0;
}

// Prints the server's answer; returns the exit code.
int report(CommandContext &context, const Result<HttpResult> &result,
    const std::function<void(const QJsonObject &)> &human = {})
{
    if (!result) {
        context.err << "chamberctl: " << result.error().message << Qt::endl;
        return result.error().code == ErrorCode::Unavailable ? ExitUnreachable : ExitFailed;
    }
    const QJsonObject body = result->json();
    if (result->status >= 400) {
        context.err << "chamberctl: " << body.value(QLatin1String("message")).toString();
        if (body.contains(QLatin1String("field")))
            context.err << " [" << body.value(QLatin1String("field")).toString() << "]";
        context.err << " (HTTP " << result->status << ", "
                    << body.value(QLatin1String("code")).toString() << ")" << Qt::endl;
        for (const QJsonValue &detail : body.value(QLatin1String("details")).toArray()) {
            const QJsonObject item = detail.toObject();
            context.err << "  line " << item.value(QLatin1String("line")).toInteger() << ": "
                        << item.value(QLatin1String("message")).toString() << Qt::endl;
        }
        return ExitFailed;
    }
    if (context.json || !human)
        context.out << QJsonDocument(body).toJson(QJsonDocument::Indented);
    else
        human(body);
    return ExitOk;
}

QByteArray toBody(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

int usage(CommandContext &context, const QString &message)
{
    context.err << "chamberctl: " << message << Qt::endl;
    return ExitUsage;
}

// Options that map one-to-one to body fields.
void copyText(const Arguments &args, QJsonObject &body,
    std::initializer_list<std::pair<const char *, const char *>> mapping)
{
    for (const auto &[option, field] : mapping) {
        if (args.has(QLatin1String(option)))
            body.insert(QLatin1String(field), args.value(QLatin1String(option)));
    }
}

bool copyInteger(
    const Arguments &args, QJsonObject &body, const char *option, const char *field, QString *error)
{
    if (!args.has(QLatin1String(option)))
        return true;
    bool ok = false;
    const qint64 value = args.value(QLatin1String(option)).toLongLong(&ok);
    if (!ok) {
        *error = QStringLiteral("--%1 must be a whole number").arg(QLatin1String(option));
        return false;
    }
    body.insert(QLatin1String(field), value);
    return true;
}

QString meetingPath(qint64 meeting, const QString &rest = {})
{
    return QStringLiteral("/api/v1/meetings/%1%2").arg(meeting).arg(rest);
}

void printAgenda(QTextStream &out, const QJsonObject &body)
{
    const QJsonValue current = body.value(QLatin1String("currentItem"));
    for (const QJsonValue &value : body.value(QLatin1String("agenda")).toArray()) {
        const QJsonObject item = value.toObject();
        const bool isCurrent = !current.isNull()
            && current.toInteger() == item.value(QLatin1String("id")).toInteger();
        const QString indent(int(item.value(QLatin1String("depth")).toInteger()) * 2, u' ');
        const QString kind = item.value(QLatin1String("kind")).toString();
        out << (isCurrent ? "> " : "  ") << indent
            << item.value(QLatin1String("number")).toString().leftJustified(6) << ' '
            << item.value(QLatin1String("title")).toString()
            << (kind == QLatin1String("item") ? QString() : QStringLiteral("  [%1]").arg(kind))
            << "  (#" << item.value(QLatin1String("id")).toInteger() << ")" << Qt::endl;
    }
}

void printDelegates(QTextStream &out, const QJsonArray &delegates)
{
    out << QStringLiteral("%1 %2 %3 %4 %5 %6")
               .arg(QStringLiteral("ID"), 4)
               .arg(QStringLiteral("SEAT"), -5)
               .arg(QStringLiteral("NAME"), -26)
               .arg(QStringLiteral("GROUP"), -34)
               .arg(QStringLiteral("W"), 3)
               .arg(QStringLiteral("PRESENT"))
        << Qt::endl;
    for (const QJsonValue &value : delegates) {
        const QJsonObject d = value.toObject();
        out << QStringLiteral("%1 %2 %3 %4 %5 %6")
                   .arg(d.value(QLatin1String("id")).toInteger(), 4)
                   .arg(d.value(QLatin1String("seat")).toString(), -5)
                   .arg(d.value(QLatin1String("name")).toString(), -26)
                   .arg(d.value(QLatin1String("group")).toString(), -34)
                   .arg(d.value(QLatin1String("weight")).toInteger(), 3)
                   .arg(d.value(QLatin1String("present")).toBool() ? QStringLiteral("yes")
                                                                   : QStringLiteral("-"))
            << Qt::endl;
    }
}

void printQuorum(QTextStream &out, const QJsonObject &quorum)
{
    out << "quorum: "
        << (quorum.value(QLatin1String("reached")).toBool() ? "REACHED" : "not reached") << " ("
        << quorum.value(QLatin1String("present")).toInteger() << " present of "
        << quorum.value(QLatin1String("total")).toInteger() << ", "
        << quorum.value(QLatin1String("required")).toInteger()
        << " required; rule: " << quorum.value(QLatin1String("ruleText")).toString() << ")"
        << Qt::endl;
}

void printOk(QTextStream &out, const QJsonObject &body)
{
    const QJsonObject result = body.value(QLatin1String("result")).toObject();
    out << (result.value(QLatin1String("unchanged")).toBool() ? "unchanged" : "ok");
    for (auto it = result.begin(); it != result.end(); ++it) {
        if (it.key() != QLatin1String("unchanged"))
            out << ' ' << it.key() << '='
                << QJsonDocument(QJsonArray {it.value()})
                       .toJson(QJsonDocument::Compact)
                       .mid(1)
                       .chopped(1);
    }
    out << " (event " << body.value(QLatin1String("seq")).toInteger() << ")" << Qt::endl;
}

// --- the commands ----------------------------------------------------------------------------

int health(const Arguments &, CommandContext &c)
{
    return report(c, c.client.get(QStringLiteral("/api/v1/health")), [&](const QJsonObject &b) {
        c.out << "chamberd " << b.value(QLatin1String("version")).toString() << ", protocol "
              << b.value(QLatin1String("protocol")).toInteger() << ", up "
              << b.value(QLatin1String("uptimeSeconds")).toInteger() << " s" << Qt::endl;
    });
}

int meetingList(const Arguments &, CommandContext &c)
{
    return report(c, c.client.get(QStringLiteral("/api/v1/meetings")), [&](const QJsonObject &b) {
        for (const QJsonValue &value : b.value(QLatin1String("meetings")).toArray()) {
            const QJsonObject m = value.toObject();
            c.out << QStringLiteral("%1  %2  %3  (%4 delegates, %5 present, %6 items)")
                         .arg(m.value(QLatin1String("id")).toInteger(), 3)
                         .arg(m.value(QLatin1String("status")).toString(), -10)
                         .arg(m.value(QLatin1String("title")).toString())
                         .arg(m.value(QLatin1String("delegates")).toInteger())
                         .arg(m.value(QLatin1String("present")).toInteger())
                         .arg(m.value(QLatin1String("items")).toInteger())
                  << Qt::endl;
        }
    });
}

int meetingCreate(const Arguments &args, CommandContext &c)
{
    if (!args.has(QStringLiteral("title")))
        return usage(c, QStringLiteral("meeting create needs --title"));
    QJsonObject body;
    copyText(args, body,
        {{"title", "title"}, {"venue", "venue"}, {"starts", "startsAt"},
            {"description", "description"}, {"organisation", "organisation"},
            {"session", "session"}, {"chairperson", "chairperson"}, {"secretary", "secretary"}});
    // A meeting of a council takes its delegates from the council's members.
    if (args.has(QStringLiteral("council"))) {
        qint64 council = 0;
        if (!parseId(args.value(QStringLiteral("council")), &council))
            return usage(c, QStringLiteral("--council must be a council id"));
        body.insert(QStringLiteral("council"), council);
    }
    if (args.has(QStringLiteral("quorum"))) {
        const QStringList fraction = args.value(QStringLiteral("quorum")).split(u'/');
        bool okN = false;
        bool okD = false;
        const qint64 n = fraction.value(0).toLongLong(&okN);
        const qint64 d = fraction.value(1).toLongLong(&okD);
        if (fraction.size() != 2 || !okN || !okD)
            return usage(c, QStringLiteral("--quorum must be a fraction such as 2/3"));
        body.insert(QStringLiteral("quorum"),
            QJsonObject {{QStringLiteral("numerator"), n}, {QStringLiteral("denominator"), d},
                {QStringLiteral("inclusive"), args.has(QStringLiteral("at-least"))},
                {QStringLiteral("basis"),
                    args.has(QStringLiteral("by-weight")) ? QStringLiteral("weight")
                                                          : QStringLiteral("heads")}});
    }
    return report(c, c.client.send("POST", QStringLiteral("/api/v1/meetings"), toBody(body)),
        [&](const QJsonObject &b) { printOk(c.out, b); });
}

// Commands of the form "<words> MEETING [ID]" that POST/PATCH/DELETE without a body.
std::function<int(const Arguments &, CommandContext &)> simple(
    const char *method, QString suffix, bool takesId)
{
    return [method, suffix, takesId](const Arguments &args, CommandContext &c) {
        qint64 meeting = 0;
        qint64 id = 0;
        if (!parseId(args.word(0), &meeting) || (takesId && !parseId(args.word(1), &id)))
            return usage(c,
                QStringLiteral("expected MEETING%1 as numbers")
                    .arg(takesId ? QStringLiteral(" ID") : QString()));
        const QString path = meetingPath(meeting, takesId ? suffix.arg(id) : suffix);
        return report(
            c, c.client.send(method, path, {}), [&](const QJsonObject &b) { printOk(c.out, b); });
    };
}

std::function<int(const Arguments &, CommandContext &)> view(
    QString suffix, std::function<void(CommandContext &, const QJsonObject &)> print)
{
    return [suffix, print](const Arguments &args, CommandContext &c) {
        qint64 meeting = 0;
        if (!parseId(args.word(0), &meeting))
            return usage(c, QStringLiteral("expected MEETING as a number"));
        return report(c, c.client.get(meetingPath(meeting, suffix)),
            [&](const QJsonObject &b) { print(c, b); });
    };
}

int meetingShow(const Arguments &args, CommandContext &c)
{
    return view({}, [](CommandContext &c, const QJsonObject &b) {
        c.out << b.value(QLatin1String("title")).toString() << Qt::endl
              << "  status: " << b.value(QLatin1String("status")).toString()
              << ", venue: " << b.value(QLatin1String("venue")).toString()
              << ", starts: " << b.value(QLatin1String("startsAt")).toString() << Qt::endl
              << "  ";
        printQuorum(c.out, b.value(QLatin1String("quorum")).toObject());
        c.out << Qt::endl;
        printAgenda(c.out, b);
    })(args, c);
}

int itemAdd(const Arguments &args, CommandContext &c)
{
    qint64 meeting = 0;
    if (!parseId(args.word(0), &meeting) || !args.has(QStringLiteral("title")))
        return usage(c, QStringLiteral("item add MEETING --title TEXT [...]"));
    QJsonObject body;
    copyText(args, body, {{"title", "title"}, {"description", "description"}, {"kind", "kind"}});
    QString error;
    if (!copyInteger(args, body, "parent", "parent", &error)
        || !copyInteger(args, body, "position", "position", &error))
        return usage(c, error);
    return report(c,
        c.client.send("POST", meetingPath(meeting, QStringLiteral("/agenda")), toBody(body)),
        [&](const QJsonObject &b) { printOk(c.out, b); });
}

int itemUpdate(const Arguments &args, CommandContext &c)
{
    qint64 meeting = 0;
    qint64 item = 0;
    if (!parseId(args.word(0), &meeting) || !parseId(args.word(1), &item))
        return usage(
            c, QStringLiteral("item update MEETING ITEM [--title T] [--description D] [--kind K]"));
    QJsonObject body;
    copyText(args, body, {{"title", "title"}, {"description", "description"}, {"kind", "kind"}});
    return report(c,
        c.client.send(
            "PATCH", meetingPath(meeting, QStringLiteral("/agenda/%1").arg(item)), toBody(body)),
        [&](const QJsonObject &b) { printOk(c.out, b); });
}

int itemMove(const Arguments &args, CommandContext &c)
{
    qint64 meeting = 0;
    qint64 item = 0;
    if (!parseId(args.word(0), &meeting) || !parseId(args.word(1), &item)
        || !args.has(QStringLiteral("position")))
        return usage(
            c, QStringLiteral("item move MEETING ITEM --position N [--parent ITEM | --top]"));
    QJsonObject body;
    QString error;
    if (!copyInteger(args, body, "position", "position", &error)
        || !copyInteger(args, body, "parent", "parent", &error))
        return usage(c, error);
    if (args.has(QStringLiteral("top")))
        body.insert(QStringLiteral("parent"), QJsonValue::Null);
    return report(c,
        c.client.send("POST", meetingPath(meeting, QStringLiteral("/agenda/%1/move").arg(item)),
            toBody(body)),
        [&](const QJsonObject &b) { printOk(c.out, b); });
}

int itemSelect(const Arguments &args, CommandContext &c)
{
    qint64 meeting = 0;
    qint64 item = 0;
    const bool none = args.word(1) == QLatin1String("none");
    if (!parseId(args.word(0), &meeting) || (!none && !parseId(args.word(1), &item)))
        return usage(c, QStringLiteral("item select MEETING ITEM|none"));
    const QJsonObject body {{QStringLiteral("item"), none ? QJsonValue() : QJsonValue(item)}};
    return report(c,
        c.client.send("PUT", meetingPath(meeting, QStringLiteral("/current-item")), toBody(body)),
        [&](const QJsonObject &b) { printOk(c.out, b); });
}

int delegateAdd(const Arguments &args, CommandContext &c)
{
    qint64 meeting = 0;
    if (!parseId(args.word(0), &meeting) || !args.has(QStringLiteral("name")))
        return usage(c,
            QStringLiteral("delegate add MEETING --name NAME [--group G] [--seat S] [--weight W]"));
    QJsonObject body;
    copyText(args, body, {{"name", "name"}, {"group", "group"}, {"seat", "seat"}});
    QString error;
    if (!copyInteger(args, body, "weight", "weight", &error))
        return usage(c, error);
    return report(c,
        c.client.send("POST", meetingPath(meeting, QStringLiteral("/delegates")), toBody(body)),
        [&](const QJsonObject &b) { printOk(c.out, b); });
}

// Why a delegate is absent, for the minutes; an empty --reason withdraws it.
int delegateExcuse(const Arguments &args, CommandContext &c)
{
    qint64 meeting = 0;
    qint64 delegate = 0;
    if (!parseId(args.word(0), &meeting) || !parseId(args.word(1), &delegate)
        || !args.has(QStringLiteral("reason")))
        return usage(c, QStringLiteral("delegate excuse MEETING DELEGATE --reason TEXT"));
    const QJsonObject body {{QStringLiteral("reason"), args.value(QStringLiteral("reason"))}};
    return report(c,
        c.client.send("PUT",
            meetingPath(meeting, QStringLiteral("/delegates/%1/absence").arg(delegate)),
            toBody(body)),
        [&](const QJsonObject &b) {
            c.out << "delegate " << delegate << ": ";
            printOk(c.out, b);
        });
}

int importCsv(const Arguments &args, CommandContext &c)
{
    qint64 meeting = 0;
    if (!parseId(args.word(0), &meeting) || args.word(1).isEmpty())
        return usage(c, QStringLiteral("import MEETING FILE.csv"));
    QFile file(args.word(1));
    if (!file.open(QIODevice::ReadOnly))
        return usage(c, QStringLiteral("cannot read %1: %2").arg(args.word(1), file.errorString()));
    return report(c,
        c.client.send("POST", meetingPath(meeting, QStringLiteral("/delegates/import")),
            file.readAll(), "text/csv; charset=utf-8"),
        [&](const QJsonObject &b) {
            c.out << "imported "
                  << b.value(QLatin1String("result"))
                         .toObject()
                         .value(QLatin1String("imported"))
                         .toInteger()
                  << " delegates (event " << b.value(QLatin1String("seq")).toInteger() << ")"
                  << Qt::endl;
        });
}

// check-in / check-out for one or more delegates.
std::function<int(const Arguments &, CommandContext &)> attendance(const char *action)
{
    return [action](const Arguments &args, CommandContext &c) {
        qint64 meeting = 0;
        if (!parseId(args.word(0), &meeting) || args.positional().size() < 2)
            return usage(
                c, QStringLiteral("%1 MEETING DELEGATE [DELEGATE...]").arg(QLatin1String(action)));
        int worst = ExitOk;
        for (const QString &word : args.positional().mid(1)) {
            qint64 delegate = 0;
            if (!parseId(word, &delegate))
                return usage(c, QStringLiteral("delegate ids are numbers, not %1").arg(word));
            const int code = report(c,
                c.client.send("POST",
                    meetingPath(meeting,
                        QStringLiteral("/delegates/%1/%2")
                            .arg(delegate)
                            .arg(QLatin1String(action))),
                    {}),
                [&](const QJsonObject &b) {
                    c.out << "delegate " << delegate << ": ";
                    printOk(c.out, b);
                });
            worst = std::max(worst, code);
        }
        return worst;
    };
}

int exportEvents(const Arguments &args, CommandContext &c)
{
    qint64 meeting = 0;
    if (!parseId(args.word(0), &meeting))
        return usage(c, QStringLiteral("export MEETING [--output FILE]"));
    QFile file;
    if (args.has(QStringLiteral("output"))) {
        file.setFileName(args.value(QStringLiteral("output")));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return usage(
                c, QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    } else if (!file.open(stdout, QIODevice::WriteOnly)) {
        return ExitFailed;
    }
    constexpr qint64 kPage = 5000;
    qint64 since = 0;
    qint64 total = 0;
    for (;;) {
        auto page = c.client.get(meetingPath(
            meeting, QStringLiteral("/events?since=%1&limit=%2").arg(since).arg(kPage)));
        if (!page || page->status >= 400)
            return report(c, page);
        const QList<QByteArray> lines = page->body.split('\n');
        qint64 count = 0;
        for (const QByteArray &line : lines) {
            if (line.isEmpty())
                continue;
            file.write(line + '\n');
            since = QJsonDocument::fromJson(line).object().value(QLatin1String("seq")).toInteger();
            ++count;
        }
        total += count;
        if (count < kPage)
            break;
    }
    file.close();
    if (args.has(QStringLiteral("output")))
        c.err << "exported " << total << " events to " << file.fileName() << Qt::endl;
    return ExitOk;
}

std::vector<CommandSpec> makeTable()
{
    std::vector<CommandSpec> specs {
        {"health", "", "server version and uptime", kNoOptions, health},
        {"meeting list", "", "all meetings", kNoOptions, meetingList},
        {"meeting create",
            "--title T [--venue V] [--starts ISO8601] [--description D] "
            "[--quorum 2/3 [--at-least] [--by-weight]] [--council C] [--organisation O] "
            "[--session S] [--chairperson P] [--secretary P]",
            "create a meeting (of a council: its members become the delegates, its name the "
            "minutes' organisation)",
            {QStringLiteral("title"), QStringLiteral("venue"), QStringLiteral("starts"),
                QStringLiteral("description"), QStringLiteral("quorum"), QStringLiteral("at-least"),
                QStringLiteral("by-weight"), QStringLiteral("council"),
                QStringLiteral("organisation"), QStringLiteral("session"),
                QStringLiteral("chairperson"), QStringLiteral("secretary")},
            meetingCreate},
        {"meeting show", "MEETING", "details, quorum and agenda", kNoOptions, meetingShow},
        {"meeting start", "MEETING", "open the session", kNoOptions,
            simple("POST", QStringLiteral("/start"), false)},
        {"meeting end", "MEETING", "close the session", kNoOptions,
            simple("POST", QStringLiteral("/end"), false)},
        {"agenda", "MEETING", "the agenda as a tree (> marks the current item)", kNoOptions,
            view(QStringLiteral("/agenda"),
                [](CommandContext &c, const QJsonObject &b) { printAgenda(c.out, b); })},
        {"item add",
            "MEETING --title T [--parent ITEM] [--position N] [--kind item|section|break] "
            "[--description D]",
            "add an agenda item",
            {QStringLiteral("title"), QStringLiteral("parent"), QStringLiteral("position"),
                QStringLiteral("kind"), QStringLiteral("description")},
            itemAdd},
        {"item update", "MEETING ITEM [--title T] [--description D] [--kind K]", "change an item",
            {QStringLiteral("title"), QStringLiteral("description"), QStringLiteral("kind")},
            itemUpdate},
        {"item move", "MEETING ITEM --position N [--parent ITEM | --top]",
            "move or reorder an item (position is 0-based)",
            {QStringLiteral("position"), QStringLiteral("parent"), QStringLiteral("top")},
            itemMove},
        {"item remove", "MEETING ITEM", "remove an item and its sub-items", kNoOptions,
            simple("DELETE", QStringLiteral("/agenda/%1"), true)},
        {"item select", "MEETING ITEM|none", "make an item the current one", kNoOptions,
            itemSelect},
        {"delegates", "MEETING", "the delegates with seat and presence", kNoOptions,
            view(QStringLiteral("/delegates"),
                [](CommandContext &c, const QJsonObject &b) {
                    printDelegates(c.out, b.value(QLatin1String("delegates")).toArray());
                })},
        {"delegate add", "MEETING --name N [--group G] [--seat S] [--weight W]", "add a delegate",
            {QStringLiteral("name"), QStringLiteral("group"), QStringLiteral("seat"),
                QStringLiteral("weight")},
            delegateAdd},
        {"delegate remove", "MEETING DELEGATE", "remove a delegate", kNoOptions,
            simple("DELETE", QStringLiteral("/delegates/%1"), true)},
        {"delegate excuse", "MEETING DELEGATE --reason TEXT",
            "record why a delegate is absent, for the minutes (--reason \"\" withdraws it)",
            {QStringLiteral("reason")}, delegateExcuse},
        {"import", "MEETING FILE.csv", "import delegates from CSV (all or nothing)", kNoOptions,
            importCsv},
        {"check-in", "MEETING DELEGATE...", "mark delegates present", kNoOptions,
            attendance("check-in")},
        {"check-out", "MEETING DELEGATE...", "mark delegates absent", kNoOptions,
            attendance("check-out")},
        {"quorum", "MEETING", "quorum now", kNoOptions,
            view(QStringLiteral("/quorum"),
                [](CommandContext &c, const QJsonObject &b) { printQuorum(c.out, b); })},
        {"qr",
            "MEETING --role delegate|chair|tally|bridge|board [--delegate ID] [--label L] [--ttl "
            "S] "
            "[--output F.png|F.svg]",
            "a single-use join code for one device, as URL and QR image",
            {QStringLiteral("role"), QStringLiteral("delegate"), QStringLiteral("label"),
                QStringLiteral("ttl"), QStringLiteral("output")},
            joinCode},
        {"seat-cards", "MEETING --output FILE.pdf [--ttl S]",
            "printable cards with a join QR for every seat (codes valid 12 h by default)",
            {QStringLiteral("output"), QStringLiteral("ttl")}, seatCards},
        {"devices", "MEETING", "enrolled devices and whether they are online", kNoOptions,
            deviceList},
        {"poll create",
            "MEETING --title T [--rule PRESET | --fraction N/D --at-least|--more-than "
            "--base members|present|cast [--abstentions count|ignore] [--by-weight] "
            "[--quorum N/D [--quorum-at-least]]] [--candidates \"A;B\"] [--secret] "
            "[--allow-change] [--item I]",
            "a poll (draft); preset rules: majority-of-members, two-thirds-of-members, "
            "majority-of-present, simple-majority, ...; or a custom rule",
            QSet<QString> {QStringLiteral("title"), QStringLiteral("candidates"),
                QStringLiteral("secret"), QStringLiteral("allow-change"), QStringLiteral("item")}
                .unite(pollRuleOptionSet()),
            pollCreate},
        {"poll open", "MEETING POLL", "open voting", kNoOptions,
            [](const Arguments &a, CommandContext &c) { return pollStep(a, c, "open"); }},
        {"poll close", "MEETING POLL", "close voting and count", kNoOptions,
            [](const Arguments &a, CommandContext &c) { return pollStep(a, c, "close"); }},
        {"poll publish", "MEETING POLL", "publish the signed result", kNoOptions,
            [](const Arguments &a, CommandContext &c) { return pollStep(a, c, "publish"); }},
        {"poll show", "MEETING POLL", "a poll, its progress or result", kNoOptions, pollShow},
        {"result", "MEETING POLL --output FILE.json", "the signed result of a published poll",
            {QStringLiteral("output")}, pollResult},
        {"doc upload", "MEETING ITEM FILE.pdf [--name NAME]",
            "add a PDF to an agenda item (checked by the server; the same file twice is one)",
            {QStringLiteral("name")}, documentUpload},
        {"doc list", "MEETING", "the meeting's documents", kNoOptions, documentList},
        {"doc remove", "MEETING DOCUMENT", "take a document off its item", kNoOptions,
            documentRemove},
        {"doc present", "MEETING DOCUMENT|none [--page N]",
            "show a page on every screen that follows the presenter", {QStringLiteral("page")},
            documentPresent},
        {"reader-link", "MEETING --delegate ID [--ttl S] [--output F.png|F.svg]",
            "a link (and QR image) that opens the meeting's documents read-only on the "
            "delegate's phone (valid 12 h by default)",
            {QStringLiteral("delegate"), QStringLiteral("ttl"), QStringLiteral("output")},
            readerLinkCreate},
        {"reader-link revoke", "MEETING LINK", "cut a phone reader link off at once", kNoOptions,
            readerLinkRevoke},
        {"reader-links", "MEETING", "the meeting's phone reader links", kNoOptions, readerLinkList},
        {"revoke", "MEETING DEVICE", "revoke a device: it is disconnected and cannot come back",
            kNoOptions, revokeDevice},
        {"export", "MEETING [--output FILE]", "the event log as JSON Lines",
            {QStringLiteral("output")}, exportEvents},
        {"account add",
            "NAME --role admin|secretary|observer|liaison [--council C --organisation O] "
            "[--display-name D] [--password-file F | --password-stdin]",
            "a named account for the browser workspace or an organisation's liaison (asks for "
            "the password without echo)",
            passwordOptions()
                + QSet<QString> {QStringLiteral("role"), QStringLiteral("display-name"),
                    QStringLiteral("council"), QStringLiteral("organisation")},
            accountAdd},
        {"account passwd", "NAME [--password-file F | --password-stdin]",
            "set an account's password (its sessions end)", passwordOptions(), accountPasswd},
        {"account disable", "NAME", "disable an account: its sessions end at once", kNoOptions,
            accountDisable},
        {"account enable", "NAME", "enable a disabled account again", kNoOptions, accountEnable},
        {"account list", "", "the accounts with role and state", kNoOptions, accountList},
    };
    for (auto &&more : {councilCommands(), taskCommands(), minutesCommands()})
        specs.insert(specs.end(), more.begin(), more.end());
    return specs;
}

const std::vector<CommandSpec> &table()
{
    static const std::vector<CommandSpec> specs = makeTable();
    return specs;
}

} // namespace

std::span<const CommandSpec> commands()
{
    return table();
}

const CommandSpec *findCommand(const QStringList &positional, qsizetype *wordsUsed)
{
    // Longest match first, so "meeting create" wins over a hypothetical "meeting".
    const CommandSpec *best = nullptr;
    qsizetype bestWords = 0;
    for (const CommandSpec &spec : table()) {
        const QStringList words = QString::fromLatin1(spec.words).split(u' ');
        if (words.size() > positional.size() || words.size() <= bestWords)
            continue;
        if (positional.mid(0, words.size()) == words) {
            best = &spec;
            bestWords = words.size();
        }
    }
    *wordsUsed = bestWords;
    return best;
}

} // namespace chamber::ctl
