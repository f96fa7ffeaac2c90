#include "votingtext.h"

#include <QLocale>

namespace chamber::kiosk {

namespace {

QString fraction(const core::MajorityRule &rule)
{
    if (rule.numerator == 1 && rule.denominator == 2)
        return VotingText::tr("half");
    if (rule.numerator == 2 && rule.denominator == 3)
        return VotingText::tr("two thirds");
    if (rule.numerator == 3 && rule.denominator == 5)
        return VotingText::tr("three fifths");
    if (rule.numerator == 3 && rule.denominator == 4)
        return VotingText::tr("three quarters");
    return QStringLiteral("%1/%2").arg(rule.numerator).arg(rule.denominator);
}

} // namespace

QString VotingText::choiceLabel(const QString &choice)
{
    if (choice == QLatin1String("yes"))
        return tr("In favour");
    if (choice == QLatin1String("no"))
        return tr("Against");
    if (choice == QLatin1String("abstain"))
        return tr("Abstain");
    return choice;
}

QString VotingText::baseLabel(core::VoteBase base)
{
    switch (base) {
    case core::VoteBase::Members:
        return tr("all members");
    case core::VoteBase::PresentMembers:
        return tr("members present");
    case core::VoteBase::VotesCast:
        return tr("votes cast");
    }
    return {};
}

QString VotingText::ruleLabel(const core::MajorityRule &rule)
{
    // A preset keeps its well-known name only if the rule is still exactly that preset.
    const auto preset = core::MajorityRule::fromPreset(rule.preset);
    if (preset && *preset == rule) {
        if (rule.preset == QLatin1String("majority-of-members"))
            return tr("More than half of all members");
        if (rule.preset == QLatin1String("two-thirds-of-members"))
            return tr("At least two thirds of all members");
        if (rule.preset == QLatin1String("three-fifths-of-members"))
            return tr("At least three fifths of all members");
        if (rule.preset == QLatin1String("majority-of-present"))
            return tr("More than half of the members present (at least two thirds present)");
        if (rule.preset == QLatin1String("simple-majority"))
            return tr("More than half of the votes cast (abstentions not counted)");
        if (rule.preset == QLatin1String("two-thirds-of-votes"))
            return tr("At least two thirds of the votes cast");
    }
    QString text = rule.inclusive
        ? tr("At least %1 of %2").arg(fraction(rule), baseLabel(rule.base))
        : tr("More than %1 of %2").arg(fraction(rule), baseLabel(rule.base));
    if (rule.base == core::VoteBase::VotesCast)
        text += rule.abstentionsInBase ? tr(", abstentions counted")
                                       : tr(", abstentions not counted");
    if (rule.byWeight)
        text += tr(", by voting weight");
    return text;
}

QVariantList VotingText::presets()
{
    static const char *const order[] = {"majority-of-members", "two-thirds-of-members",
        "three-fifths-of-members", "majority-of-present", "simple-majority", "two-thirds-of-votes"};
    QVariantList list;
    for (const char *name : order) {
        const auto rule = core::MajorityRule::fromPreset(QString::fromLatin1(name));
        if (rule)
            list.append(QVariantMap {{QStringLiteral("name"), QString::fromLatin1(name)},
                {QStringLiteral("label"), ruleLabel(*rule)}});
    }
    // Presets the server knows but this list does not name still appear, spelled out.
    for (const QString &name : core::MajorityRule::presetNames()) {
        bool listed = false;
        for (const char *known : order)
            listed = listed || name == QLatin1String(known);
        if (!listed)
            list.append(QVariantMap {{QStringLiteral("name"), name},
                {QStringLiteral("label"), ruleLabel(*core::MajorityRule::fromPreset(name))}});
    }
    return list;
}

QString VotingText::verdictLabel(core::Verdict verdict, const QString &winner)
{
    switch (verdict) {
    case core::Verdict::Passed:
        return tr("Passed");
    case core::Verdict::Failed:
        return tr("Not passed");
    case core::Verdict::Tie:
        return tr("Tie");
    case core::Verdict::NoQuorum:
        return tr("Not enough members");
    case core::Verdict::Elected:
        return tr("Elected: %1").arg(winner);
    case core::Verdict::NoWinner:
        return tr("Nobody elected");
    }
    return {};
}

QString VotingText::explanation(
    const core::MajorityRule &rule, const core::PollClosing &closing, bool yesNo)
{
    const core::Outcome &outcome = closing.outcome;
    if (outcome.verdict == core::Verdict::NoQuorum)
        return tr("Only %1 of %2 members were present: nothing was decided.")
            .arg(closing.context.presentHeads)
            .arg(closing.context.memberHeads);
    const QString baseText = QStringLiteral("%1 (%2)").arg(outcome.base).arg(baseLabel(rule.base));
    if (yesNo)
        return tr("%1 in favour of %2; %3 needed to pass.")
            .arg(outcome.decisive)
            .arg(baseText)
            .arg(outcome.required);
    if (outcome.verdict == core::Verdict::Tie)
        return tr("Two or more candidates share the lead with %1 of %2; %3 needed.")
            .arg(outcome.decisive)
            .arg(baseText)
            .arg(outcome.required);
    return tr("The leader has %1 of %2; %3 needed to be elected.")
        .arg(outcome.decisive)
        .arg(baseText)
        .arg(outcome.required);
}

QString VotingText::pollStateLabel(core::PollState state)
{
    switch (state) {
    case core::PollState::Draft:
        return tr("Prepared");
    case core::PollState::Open:
        return tr("Voting now");
    case core::PollState::Closed:
        return tr("Closed");
    case core::PollState::Published:
        return tr("Published");
    }
    return {};
}

QString VotingText::blockedReason(core::VotingRight right, const QString &holderName)
{
    switch (right) {
    case core::VotingRight::MayVote:
    case core::VotingRight::PollNotOpen:
    case core::VotingRight::PollClosed:
    case core::VotingRight::UnknownDelegate:
        return {};
    case core::VotingRight::NotAMember:
        return tr("You take part without a vote.");
    case core::VotingRight::ProxyGiven:
        return tr("You gave your proxy to %1; they vote for you.").arg(holderName);
    case core::VotingRight::NotCheckedIn:
    case core::VotingRight::HolderNotCheckedIn:
        return tr("Check in to vote.");
    case core::VotingRight::NotProxyHolder:
        return tr("This tablet no longer holds that proxy.");
    }
    return {};
}

QString VotingText::refusal(const RefusalFacts &facts)
{
    if (facts.code == QLatin1String("conflict")) {
        if (!facts.pollOpen)
            return tr("Voting had already closed; this ballot was not counted.");
        if (facts.recordedBefore)
            return tr("This vote does not allow changing a ballot; the first ballot stands.");
        return tr("A ballot for this delegate was already cast from another device.");
    }
    if (facts.code == QLatin1String("forbidden")) {
        if (!facts.voterPresent)
            return tr("Check in first: only delegates present can vote.");
        return facts.forProxy ? tr("This tablet no longer holds that proxy.")
                              : tr("You may not vote in this poll (a proxy given, or no vote).");
    }
    if (facts.code == QLatin1String("not_found"))
        return tr("This vote no longer exists.");
    if (facts.code == QLatin1String("bad_field"))
        return tr("That choice is not on the ballot.");
    return tr("The server refused the ballot: %1").arg(facts.message);
}

QString VotingText::percent(double value)
{
    if (value < 0)
        return {};
    return tr("%1%").arg(QLocale().toString(value, 'f', 1));
}

} // namespace chamber::kiosk
