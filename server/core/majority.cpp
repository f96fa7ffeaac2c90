#include "core/majority.h"

#include <QJsonArray>

namespace chamber::core {

namespace {

QString baseName(VoteBase base)
{
    switch (base) {
    case VoteBase::Members:
        return QStringLiteral("members");
    case VoteBase::PresentMembers:
        return QStringLiteral("present");
    case VoteBase::VotesCast:
        return QStringLiteral("cast");
    }
    return {};
}

std::optional<VoteBase> baseFromName(const QString &name)
{
    for (VoteBase base : {VoteBase::Members, VoteBase::PresentMembers, VoteBase::VotesCast}) {
        if (baseName(base) == name)
            return base;
    }
    return std::nullopt;
}

Error badRule(const QString &message, const QString &field)
{
    return makeError(
        ErrorCode::BadField, QStringLiteral("rule: ") + message, QStringLiteral("rule.") + field);
}

MajorityRule make(const char *preset, qint64 numerator, qint64 denominator, bool inclusive,
    VoteBase base, std::optional<QuorumRule> quorum = std::nullopt)
{
    MajorityRule rule;
    rule.preset = QString::fromLatin1(preset);
    rule.numerator = numerator;
    rule.denominator = denominator;
    rule.inclusive = inclusive;
    rule.base = base;
    rule.quorum = quorum;
    return rule;
}

// The rules councils use, by name. Adding one is adding a line; changing one is a new name.
const std::map<QString, MajorityRule> &presets()
{
    static const std::map<QString, MajorityRule> table {
        // "Quá nửa tổng số đại biểu": People's Council resolutions.
        {QStringLiteral("majority-of-members"),
            make("majority-of-members", 1, 2, false, VoteBase::Members)},
        // Dismissing a delegate, some personnel decisions: at least two thirds of all.
        {QStringLiteral("two-thirds-of-members"),
            make("two-thirds-of-members", 2, 3, true, VoteBase::Members)},
        {QStringLiteral("three-fifths-of-members"),
            make("three-fifths-of-members", 3, 5, true, VoteBase::Members)},
        // Committees and party bodies: majority of those present, with two thirds present.
        {QStringLiteral("majority-of-present"),
            make("majority-of-present", 1, 2, false, VoteBase::PresentMembers,
                QuorumRule {2, 3, true, QuorumBasis::Heads})},
        // Simple majority of the votes cast; abstentions do not count.
        {QStringLiteral("simple-majority"),
            make("simple-majority", 1, 2, false, VoteBase::VotesCast)},
        {QStringLiteral("two-thirds-of-votes"),
            make("two-thirds-of-votes", 2, 3, true, VoteBase::VotesCast)},
    };
    return table;
}

qint64 count(const Tally &tally, const QString &choice)
{
    const auto it = tally.counts.find(choice);
    return it == tally.counts.end() ? 0 : it->second;
}

} // namespace

qint64 requiredFor(qint64 numerator, qint64 denominator, bool inclusive, qint64 base)
{
    const qint64 product = numerator * base;
    return inclusive ? (product + denominator - 1) / denominator : product / denominator + 1;
}

QString verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Passed:
        return QStringLiteral("passed");
    case Verdict::Failed:
        return QStringLiteral("failed");
    case Verdict::Tie:
        return QStringLiteral("tie");
    case Verdict::NoQuorum:
        return QStringLiteral("no_quorum");
    case Verdict::Elected:
        return QStringLiteral("elected");
    case Verdict::NoWinner:
        return QStringLiteral("no_winner");
    }
    return {};
}

QJsonObject MajorityRule::toJson() const
{
    QJsonObject json {
        {QStringLiteral("version"), kMajorityRuleVersion},
        {QStringLiteral("preset"), preset},
        {QStringLiteral("numerator"), numerator},
        {QStringLiteral("denominator"), denominator},
        {QStringLiteral("inclusive"), inclusive},
        {QStringLiteral("base"), baseName(base)},
        {QStringLiteral("abstentionsInBase"), abstentionsInBase},
        {QStringLiteral("byWeight"), byWeight},
    };
    json.insert(QStringLiteral("quorum"), quorum ? QJsonValue(quorum->toJson()) : QJsonValue());
    return json;
}

Result<MajorityRule> MajorityRule::fromJson(const QJsonObject &json)
{
    if (json.contains(QLatin1String("version"))
        && json.value(QLatin1String("version")).toInt() != kMajorityRuleVersion)
        return badRule(QStringLiteral("version %1 is not known to this server")
                           .arg(json.value(QLatin1String("version")).toInt()),
            QStringLiteral("version"));
    if (json.size() == 1 && json.contains(QLatin1String("preset"))) {
        const QString name = json.value(QLatin1String("preset")).toString();
        auto rule = fromPreset(name);
        if (!rule)
            return badRule(QStringLiteral("no preset \"%1\"; known: %2")
                               .arg(name.left(40), presetNames().join(QStringLiteral(", "))),
                QStringLiteral("preset"));
        return *rule;
    }
    static const QStringList keys {QStringLiteral("version"), QStringLiteral("preset"),
        QStringLiteral("numerator"), QStringLiteral("denominator"), QStringLiteral("inclusive"),
        QStringLiteral("base"), QStringLiteral("abstentionsInBase"), QStringLiteral("byWeight"),
        QStringLiteral("quorum")};
    for (const QString &key : json.keys()) {
        if (!keys.contains(key))
            return badRule(QStringLiteral("unknown field ") + key.left(40), key.left(40));
    }
    MajorityRule rule;
    rule.preset = json.value(QLatin1String("preset")).toString(QStringLiteral("custom"));
    const QJsonValue numerator = json.value(QLatin1String("numerator"));
    const QJsonValue denominator = json.value(QLatin1String("denominator"));
    if (!numerator.isDouble() || !denominator.isDouble())
        return badRule(
            QStringLiteral("numerator and denominator are required"), QStringLiteral("numerator"));
    rule.numerator = numerator.toInteger(0);
    rule.denominator = denominator.toInteger(0);
    if (rule.numerator < 1 || rule.denominator < 1 || rule.denominator > 1000
        || rule.numerator > rule.denominator || double(rule.numerator) != numerator.toDouble()
        || double(rule.denominator) != denominator.toDouble())
        return badRule(
            QStringLiteral("the fraction must be between 0 and 1, denominator at most 1000"),
            QStringLiteral("numerator"));
    for (const char *flag : {"inclusive", "abstentionsInBase", "byWeight"}) {
        const QJsonValue value = json.value(QLatin1String(flag));
        if (!value.isUndefined() && !value.isBool())
            return badRule(QStringLiteral("%1 must be true or false").arg(QLatin1String(flag)),
                QString::fromLatin1(flag));
    }
    rule.inclusive = json.value(QLatin1String("inclusive")).toBool();
    rule.abstentionsInBase = json.value(QLatin1String("abstentionsInBase")).toBool();
    rule.byWeight = json.value(QLatin1String("byWeight")).toBool();
    const auto base = baseFromName(json.value(QLatin1String("base")).toString());
    if (!base)
        return badRule(
            QStringLiteral("base must be members, present or cast"), QStringLiteral("base"));
    rule.base = *base;
    if (rule.abstentionsInBase && rule.base != VoteBase::VotesCast)
        return badRule(QStringLiteral("abstentionsInBase only applies to the base \"cast\""),
            QStringLiteral("abstentionsInBase"));
    const QJsonValue quorum = json.value(QLatin1String("quorum"));
    if (quorum.isObject()) {
        auto parsed = QuorumRule::fromJson(quorum.toObject());
        if (!parsed)
            return badRule(parsed.error().message, QStringLiteral("quorum"));
        rule.quorum = parsed.value();
    } else if (!quorum.isUndefined() && !quorum.isNull()) {
        return badRule(
            QStringLiteral("quorum must be an object or null"), QStringLiteral("quorum"));
    }
    return rule;
}

std::optional<MajorityRule> MajorityRule::fromPreset(const QString &name)
{
    const auto it = presets().find(name);
    return it == presets().end() ? std::nullopt : std::optional(it->second);
}

QStringList MajorityRule::presetNames()
{
    QStringList names;
    for (const auto &[name, rule] : presets())
        names << name;
    return names;
}

QString MajorityRule::describe() const
{
    QString text
        = QStringLiteral("%1 %2/%3 of %4")
              .arg(inclusive ? QStringLiteral("at least") : QStringLiteral("more than"))
              .arg(numerator)
              .arg(denominator)
              .arg(base == VoteBase::Members             ? QStringLiteral("all members")
                      : base == VoteBase::PresentMembers ? QStringLiteral("members present")
                      : abstentionsInBase ? QStringLiteral("votes cast, abstentions included")
                                          : QStringLiteral("votes cast, abstentions excluded"));
    if (byWeight)
        text += QStringLiteral(", by voting weight");
    if (quorum)
        text += QStringLiteral("; quorum: ") + quorum->describe();
    return text;
}

QJsonObject Outcome::toJson() const
{
    QJsonObject json {{QStringLiteral("verdict"), verdictName(verdict)},
        {QStringLiteral("base"), base}, {QStringLiteral("required"), required},
        {QStringLiteral("decisive"), decisive}, {QStringLiteral("explanation"), explanation}};
    if (!winner.isEmpty())
        json.insert(QStringLiteral("winner"), winner);
    return json;
}

Outcome evaluate(const MajorityRule &rule, const QStringList &choices, const Tally &tally,
    const PollContext &context)
{
    Outcome outcome;
    if (rule.quorum) {
        const bool heads = rule.quorum->basis == QuorumBasis::Heads;
        const QuorumState quorum = rule.byWeight && heads
            ? evaluateQuorum(*rule.quorum, context.presentHeads, context.memberHeads)
            : evaluateQuorum(*rule.quorum, context.presentMembers, context.members);
        if (!quorum.reached) {
            outcome.verdict = Verdict::NoQuorum;
            outcome.required = quorum.required;
            outcome.decisive = quorum.present;
            outcome.base = quorum.total;
            outcome.explanation = QStringLiteral("no quorum: %1 present of %2, %3 needed (%4)")
                                      .arg(quorum.present)
                                      .arg(quorum.total)
                                      .arg(quorum.required)
                                      .arg(rule.quorum->describe());
            return outcome;
        }
    }

    const bool yesNo = choices.isEmpty();
    qint64 cast = 0;
    for (const auto &[choice, votes] : tally.counts) {
        if (choice != QLatin1String("abstain"))
            cast += votes;
    }
    const qint64 abstentions = count(tally, QStringLiteral("abstain"));
    switch (rule.base) {
    case VoteBase::Members:
        outcome.base = context.members;
        break;
    case VoteBase::PresentMembers:
        outcome.base = context.presentMembers;
        break;
    case VoteBase::VotesCast:
        outcome.base = cast + (rule.abstentionsInBase ? abstentions : 0);
        break;
    }
    outcome.required = requiredFor(rule.numerator, rule.denominator, rule.inclusive, outcome.base);
    const QString ruleText = rule.describe();

    if (yesNo) {
        const qint64 yes = count(tally, QStringLiteral("yes"));
        const qint64 no = count(tally, QStringLiteral("no"));
        outcome.decisive = yes;
        const bool carried = outcome.base > 0 && yes >= outcome.required;
        outcome.verdict = carried    ? Verdict::Passed
            : (yes == no && yes > 0) ? Verdict::Tie
                                     : Verdict::Failed;
        outcome.explanation = QStringLiteral("%1 yes, %2 no, %3 abstaining; %4 of %5 needed (%6)")
                                  .arg(yes)
                                  .arg(no)
                                  .arg(abstentions)
                                  .arg(outcome.required)
                                  .arg(outcome.base)
                                  .arg(ruleText);
        return outcome;
    }

    // Single choice: the leader must be alone at the top and meet the threshold.
    QString leader;
    qint64 best = -1;
    bool shared = false;
    for (const QString &choice : choices) {
        const qint64 votes = count(tally, choice);
        if (votes > best) {
            best = votes;
            leader = choice;
            shared = false;
        } else if (votes == best) {
            shared = true;
        }
    }
    outcome.decisive = std::max<qint64>(best, 0);
    if (best > 0 && shared) {
        outcome.verdict = Verdict::Tie;
        outcome.explanation = QStringLiteral("tie at %1 votes; %2 of %3 needed (%4)")
                                  .arg(best)
                                  .arg(outcome.required)
                                  .arg(outcome.base)
                                  .arg(ruleText);
    } else if (best > 0 && outcome.base > 0 && best >= outcome.required) {
        outcome.verdict = Verdict::Elected;
        outcome.winner = leader;
        outcome.explanation = QStringLiteral("%1 with %2 votes; %3 of %4 needed (%5)")
                                  .arg(leader)
                                  .arg(best)
                                  .arg(outcome.required)
                                  .arg(outcome.base)
                                  .arg(ruleText);
    } else {
        outcome.verdict = Verdict::NoWinner;
        outcome.explanation = QStringLiteral("nobody reached %1 of %2 (%3)")
                                  .arg(outcome.required)
                                  .arg(outcome.base)
                                  .arg(ruleText);
    }
    return outcome;
}

} // namespace chamber::core
