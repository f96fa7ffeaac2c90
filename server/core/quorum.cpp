#include "core/quorum.h"

namespace chamber::core {

QJsonObject QuorumRule::toJson() const
{
    return QJsonObject {
        {QStringLiteral("numerator"), numerator},
        {QStringLiteral("denominator"), denominator},
        {QStringLiteral("inclusive"), inclusive},
        {QStringLiteral("basis"),
            basis == QuorumBasis::Heads ? QStringLiteral("heads") : QStringLiteral("weight")},
    };
}

Result<QuorumRule> QuorumRule::fromJson(const QJsonObject &json)
{
    QuorumRule rule;
    rule.numerator = json.value(QLatin1String("numerator")).toInteger(0);
    rule.denominator = json.value(QLatin1String("denominator")).toInteger(0);
    rule.inclusive = json.value(QLatin1String("inclusive")).toBool();
    const QString basis = json.value(QLatin1String("basis")).toString();
    if (basis == QLatin1String("heads"))
        rule.basis = QuorumBasis::Heads;
    else if (basis == QLatin1String("weight"))
        rule.basis = QuorumBasis::Weight;
    else
        return makeError(ErrorCode::BadField, QStringLiteral("basis must be heads or weight"),
            QStringLiteral("basis"));
    if (rule.numerator < 1 || rule.denominator < 1 || rule.numerator > rule.denominator)
        return makeError(ErrorCode::Invalid,
            QStringLiteral("quorum fraction %1/%2 must be between 0 and 1")
                .arg(rule.numerator)
                .arg(rule.denominator),
            QStringLiteral("numerator"));
    return rule;
}

QString QuorumRule::describe() const
{
    return QStringLiteral("%1 %2/%3 of members%4")
        .arg(inclusive ? QStringLiteral("at least") : QStringLiteral("more than"))
        .arg(numerator)
        .arg(denominator)
        .arg(basis == QuorumBasis::Weight ? QStringLiteral(" (by voting weight)") : QString());
}

QJsonObject QuorumState::toJson() const
{
    return QJsonObject {
        {QStringLiteral("present"), present},
        {QStringLiteral("total"), total},
        {QStringLiteral("required"), required},
        {QStringLiteral("reachable"), reachable},
        {QStringLiteral("reached"), reached},
    };
}

QuorumState evaluateQuorum(const QuorumRule &rule, qint64 present, qint64 total)
{
    QuorumState state;
    state.present = present;
    state.total = total;
    // Smallest n with n/total >= num/den (inclusive) or n/total > num/den (strict),
    // i.e. n*den >= num*total, or n*den > num*total.
    const qint64 product = rule.numerator * total;
    state.required = rule.inclusive ? (product + rule.denominator - 1) / rule.denominator
                                    : product / rule.denominator + 1;
    state.reachable = total > 0 && state.required <= total;
    // An empty roster never has a quorum, whatever the fraction.
    state.reached = state.reachable && present >= state.required;
    return state;
}

} // namespace chamber::core
