#include "ctl/votingcommands.h"

#include "ctl/commandhelpers.h"
#include "ctl/pollrule.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace chamber::ctl {

namespace {

QString pollPath(qint64 meeting, qint64 poll, const QString &rest = {})
{
    return QStringLiteral("/api/v1/meetings/%1/polls/%2%3").arg(meeting).arg(poll).arg(rest);
}

void printPoll(QTextStream &out, const QJsonObject &poll)
{
    out << "poll " << poll.value(QLatin1String("id")).toInteger() << ": "
        << poll.value(QLatin1String("title")).toString() << Qt::endl
        << "  " << poll.value(QLatin1String("state")).toString() << ", "
        << (poll.value(QLatin1String("secret")).toBool() ? "secret" : "named")
        << " ballot; rule: " << poll.value(QLatin1String("ruleText")).toString() << Qt::endl;
    const QJsonObject progress = poll.value(QLatin1String("progress")).toObject();
    if (!progress.isEmpty())
        out << "  ballots recorded: " << progress.value(QLatin1String("cast")).toInteger() << " of "
            << progress.value(QLatin1String("eligible")).toInteger() << " who can vote now"
            << Qt::endl;
    const QJsonObject closing = poll.value(QLatin1String("closing")).toObject();
    if (!closing.isEmpty()) {
        const QJsonObject counts = closing.value(QLatin1String("tally"))
                                       .toObject()
                                       .value(QLatin1String("counts"))
                                       .toObject();
        out << "  counts:";
        for (auto it = counts.begin(); it != counts.end(); ++it)
            out << ' ' << it.key() << '=' << it.value().toInteger();
        const QJsonObject outcome = closing.value(QLatin1String("outcome")).toObject();
        out << Qt::endl
            << "  verdict: " << outcome.value(QLatin1String("verdict")).toString().toUpper()
            << " — " << outcome.value(QLatin1String("explanation")).toString() << Qt::endl;
    }
}

} // namespace

int pollCreate(const Arguments &args, CommandContext &c)
{
    qint64 meeting = 0;
    if (!positive(args.word(0), &meeting) || !args.has(QStringLiteral("title")))
        return fail(c,
            QStringLiteral("poll create MEETING --title T [--rule PRESET | --fraction N/D "
                           "--at-least|--more-than --base members|present|cast "
                           "[--abstentions count|ignore] [--by-weight] [--quorum N/D "
                           "[--quorum-at-least]]] [--candidates \"A;B;C\"] [--secret] "
                           "[--allow-change] [--item ITEM]"));
    auto rule = pollRuleFromArguments(args);
    if (!rule)
        return fail(c, rule.error().message);
    QJsonObject body {{QStringLiteral("title"), args.value(QStringLiteral("title"))},
        {QStringLiteral("rule"), rule.value()},
        {QStringLiteral("secret"), args.has(QStringLiteral("secret"))},
        {QStringLiteral("allowChange"), args.has(QStringLiteral("allow-change"))}};
    if (args.has(QStringLiteral("candidates")))
        body.insert(QStringLiteral("choices"),
            QJsonArray::fromStringList(
                args.value(QStringLiteral("candidates")).split(u';', Qt::SkipEmptyParts)));
    if (args.has(QStringLiteral("item"))) {
        qint64 item = 0;
        if (!positive(args.value(QStringLiteral("item")), &item))
            return fail(c, QStringLiteral("--item must be an agenda item id"));
        body.insert(QStringLiteral("item"), item);
    }
    int code = ExitOk;
    const auto result
        = c.client.send("POST", QStringLiteral("/api/v1/meetings/%1/polls").arg(meeting),
            QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (!answered(c, result, &code))
        return code;
    const qint64 poll = result->json()
                            .value(QLatin1String("result"))
                            .toObject()
                            .value(QLatin1String("poll"))
                            .toInteger();
    c.out << "poll " << poll << " created (draft); open it with: chamberctl poll open " << meeting
          << ' ' << poll << Qt::endl;
    // The rule as the server understood it, in words: what the chair will read out.
    const auto shown = c.client.get(pollPath(meeting, poll));
    if (!answered(c, shown, &code))
        return code;
    c.out << "rule: " << shown->json().value(QLatin1String("ruleText")).toString() << Qt::endl;
    return ExitOk;
}

int pollStep(const Arguments &args, CommandContext &c, const char *step)
{
    qint64 meeting = 0;
    qint64 poll = 0;
    if (!positive(args.word(0), &meeting) || !positive(args.word(1), &poll))
        return fail(c, QStringLiteral("poll %1 MEETING POLL").arg(QLatin1String(step)));
    int code = ExitOk;
    const auto result = c.client.send(
        "POST", pollPath(meeting, poll, QStringLiteral("/") + QLatin1String(step)), {});
    if (!answered(c, result, &code))
        return code;
    const auto shown = c.client.get(pollPath(meeting, poll));
    if (answered(c, shown, &code))
        printPoll(c.out, shown->json());
    return code;
}

int pollShow(const Arguments &args, CommandContext &c)
{
    qint64 meeting = 0;
    qint64 poll = 0;
    if (!positive(args.word(0), &meeting) || !positive(args.word(1), &poll))
        return fail(c, QStringLiteral("poll show MEETING POLL"));
    int code = ExitOk;
    const auto shown = c.client.get(pollPath(meeting, poll));
    if (!answered(c, shown, &code))
        return code;
    if (c.json)
        c.out << QJsonDocument(shown->json()).toJson(QJsonDocument::Indented);
    else
        printPoll(c.out, shown->json());
    return ExitOk;
}

int pollResult(const Arguments &args, CommandContext &c)
{
    qint64 meeting = 0;
    qint64 poll = 0;
    if (!positive(args.word(0), &meeting) || !positive(args.word(1), &poll)
        || !args.has(QStringLiteral("output")))
        return fail(c, QStringLiteral("result MEETING POLL --output FILE.json"));
    int code = ExitOk;
    const auto result = c.client.get(pollPath(meeting, poll, QStringLiteral("/result")));
    if (!answered(c, result, &code))
        return code;
    QFile file(args.value(QStringLiteral("output")));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(c, QStringLiteral("cannot write %1").arg(file.fileName()), ExitFailed);
    file.write(QJsonDocument(result->json()).toJson(QJsonDocument::Indented));
    c.out << "signed result written to " << file.fileName() << "; check it with: chamberctl verify "
          << file.fileName() << Qt::endl;
    return ExitOk;
}

} // namespace chamber::ctl
