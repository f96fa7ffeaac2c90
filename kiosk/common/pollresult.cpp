#include "pollresult.h"

#include "seatorder.h"
#include "votingtext.h"

#include <algorithm>

namespace chamber::kiosk {

namespace {

// Bars are drawn against the rule's base, or the ballots if there are more of them (a base of
// members present when some left before the close), never against nothing.
double barScale(const core::PollClosing &closing)
{
    return double(std::max<qint64>({closing.outcome.base, closing.totalCount(), 1}));
}

} // namespace

void PollResult::update(const core::MeetingState *meeting, const core::Poll *poll)
{
    Values values;
    if (meeting && poll && poll->closing) {
        const core::PollClosing &closing = *poll->closing;
        values.available = true;
        values.bars = barsOf(*poll);
        values.thresholdShare = double(closing.outcome.required) / barScale(closing);
        values.verdict = core::verdictName(closing.outcome.verdict);
        values.verdictLabel
            = VotingText::verdictLabel(closing.outcome.verdict, closing.outcome.winner);
        values.explanation = VotingText::explanation(poll->rule, closing, poll->isYesNo());
        values.ballotsCounted = int(closing.tally.ballots);
        if (!poll->secret)
            values.seatVotes = seatVotesOf(*meeting, *poll);
    }
    if (values == m_values)
        return;
    m_values = std::move(values);
    emit changed();
}

QVariantList PollResult::barsOf(const core::Poll &poll)
{
    const core::PollClosing &closing = *poll.closing;
    const core::Outcome &outcome = closing.outcome;
    const double scale = barScale(closing);
    // Abstentions are no share of a base that leaves them out.
    const bool abstainOutsideBase
        = poll.rule.base == core::VoteBase::VotesCast && !poll.rule.abstentionsInBase;
    QVariantList bars;
    for (const QString &choice : poll.validChoices()) {
        const qint64 count = closing.count(choice);
        const bool outside = choice == QLatin1String("abstain") && abstainOutsideBase;
        const bool winner = poll.isYesNo()
            ? choice == QLatin1String("yes") && outcome.verdict == core::Verdict::Passed
            : outcome.verdict == core::Verdict::Elected && choice == outcome.winner;
        bars.append(QVariantMap {{QStringLiteral("choice"), choice},
            {QStringLiteral("label"), VotingText::choiceLabel(choice)},
            {QStringLiteral("count"), int(count)},
            {QStringLiteral("percentText"),
                outcome.base > 0 && !outside
                    ? VotingText::percent(100.0 * double(count) / double(outcome.base))
                    : QString()},
            {QStringLiteral("share"), double(count) / scale}, {QStringLiteral("winner"), winner}});
    }
    return bars;
}

QVariantList PollResult::seatVotesOf(const core::MeetingState &meeting, const core::Poll &poll)
{
    std::vector<const core::Delegate *> members;
    for (const auto &[id, delegate] : meeting.roster.all()) {
        if (delegate.isMember())
            members.push_back(&delegate);
    }
    sortBySeat(members);
    QVariantList seats;
    for (const core::Delegate *member : members) {
        QVariantMap entry = delegateEntry(*member);
        const core::NamedBallot *ballot = poll.closing->ballotOf(member->id);
        entry.insert(QStringLiteral("choice"), ballot ? ballot->choice : QString());
        seats.append(entry);
    }
    return seats;
}

} // namespace chamber::kiosk
