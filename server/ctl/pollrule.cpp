#include "ctl/pollrule.h"

namespace chamber::ctl {

namespace {

// As core::MajorityRule and core::QuorumRule accept them.
constexpr qint64 kMaxDenominator = 1000;

Error badOption(const QString &option, const QString &why)
{
    return makeError(ErrorCode::BadField, QStringLiteral("--%1 %2").arg(option, why), option);
}

struct Fraction
{
    qint64 numerator = 0;
    qint64 denominator = 0;
};

// "2/3": whole numbers with 1 <= numerator <= denominator <= 1000.
Result<Fraction> parseFraction(const QString &option, const QString &text)
{
    const QStringList parts = text.split(u'/');
    bool numeratorOk = false;
    bool denominatorOk = false;
    const qint64 numerator = parts.value(0).trimmed().toLongLong(&numeratorOk);
    const qint64 denominator = parts.value(1).trimmed().toLongLong(&denominatorOk);
    if (parts.size() != 2 || !numeratorOk || !denominatorOk)
        return badOption(option,
            QStringLiteral("\"%1\" is not a fraction; write it as N/D, e.g. 2/3")
                .arg(text.left(40)));
    if (numerator < 1 || denominator < 1 || numerator > denominator
        || denominator > kMaxDenominator)
        return badOption(option,
            QStringLiteral("%1/%2: the fraction must be more than 0 and at most 1 "
                           "(N/D with 1 <= N <= D <= %3)")
                .arg(numerator)
                .arg(denominator)
                .arg(kMaxDenominator));
    return Fraction {numerator, denominator};
}

const QStringList &customOptions()
{
    static const QStringList options {QStringLiteral("fraction"), QStringLiteral("at-least"),
        QStringLiteral("more-than"), QStringLiteral("base"), QStringLiteral("abstentions"),
        QStringLiteral("by-weight"), QStringLiteral("quorum"), QStringLiteral("quorum-at-least")};
    return options;
}

} // namespace

QStringList pollRuleOptions()
{
    return QStringList {QStringLiteral("rule")} + customOptions();
}

Result<QJsonObject> pollRuleFromArguments(const Arguments &args)
{
    QStringList custom;
    for (const QString &option : customOptions()) {
        if (args.has(option))
            custom << QStringLiteral("--") + option;
    }
    if (args.has(QStringLiteral("rule"))) {
        if (!custom.isEmpty())
            return badOption(QStringLiteral("rule"),
                QStringLiteral("names a preset; %1 make a custom rule: give one or the other")
                    .arg(custom.join(QStringLiteral(", "))));
        return QJsonObject {{QStringLiteral("preset"), args.value(QStringLiteral("rule"))}};
    }
    if (custom.isEmpty())
        return QJsonObject {{QStringLiteral("preset"), QStringLiteral("majority-of-members")}};

    if (!args.has(QStringLiteral("fraction")))
        return badOption(QStringLiteral("fraction"),
            QStringLiteral("is needed for a custom rule (e.g. --fraction 2/3)"));
    auto fraction
        = parseFraction(QStringLiteral("fraction"), args.value(QStringLiteral("fraction")));
    if (!fraction)
        return fraction.error();
    const bool atLeast = args.has(QStringLiteral("at-least"));
    if (atLeast == args.has(QStringLiteral("more-than")))
        return badOption(QStringLiteral("at-least"),
            QStringLiteral("or --more-than: a custom rule says which one (\"at least 2/3\" "
                           "passes with exactly 2/3, \"more than 1/2\" needs more than half)"));
    const QString base = args.value(QStringLiteral("base"));
    static const QStringList bases {
        QStringLiteral("members"), QStringLiteral("present"), QStringLiteral("cast")};
    if (!bases.contains(base))
        return badOption(QStringLiteral("base"),
            QStringLiteral("must be members (all members), present (members present when the "
                           "poll closes) or cast (ballots cast)"));
    bool abstentionsCount = false;
    if (args.has(QStringLiteral("abstentions"))) {
        const QString abstentions = args.value(QStringLiteral("abstentions"));
        if (abstentions != QLatin1String("count") && abstentions != QLatin1String("ignore"))
            return badOption(
                QStringLiteral("abstentions"), QStringLiteral("must be count or ignore"));
        if (base != QLatin1String("cast"))
            return badOption(QStringLiteral("abstentions"),
                QStringLiteral("only applies to --base cast (with members or present everyone "
                               "who does not vote yes is counted anyway)"));
        abstentionsCount = abstentions == QLatin1String("count");
    }
    const bool byWeight = args.has(QStringLiteral("by-weight"));
    QJsonObject rule {{QStringLiteral("preset"), QStringLiteral("custom")},
        {QStringLiteral("numerator"), fraction->numerator},
        {QStringLiteral("denominator"), fraction->denominator},
        {QStringLiteral("inclusive"), atLeast}, {QStringLiteral("base"), base},
        {QStringLiteral("abstentionsInBase"), abstentionsCount},
        {QStringLiteral("byWeight"), byWeight}};
    if (args.has(QStringLiteral("quorum"))) {
        auto quorum = parseFraction(QStringLiteral("quorum"), args.value(QStringLiteral("quorum")));
        if (!quorum)
            return quorum.error();
        rule.insert(QStringLiteral("quorum"),
            QJsonObject {{QStringLiteral("numerator"), quorum->numerator},
                {QStringLiteral("denominator"), quorum->denominator},
                {QStringLiteral("inclusive"), args.has(QStringLiteral("quorum-at-least"))},
                {QStringLiteral("basis"),
                    byWeight ? QStringLiteral("weight") : QStringLiteral("heads")}});
    } else if (args.has(QStringLiteral("quorum-at-least"))) {
        return badOption(QStringLiteral("quorum-at-least"), QStringLiteral("needs --quorum N/D"));
    }
    return rule;
}

} // namespace chamber::ctl
