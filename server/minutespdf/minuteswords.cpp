// Words for the model's values: times in Vietnam time, durations, choices, majority rules and
// verdicts, in the renderer's language.
#include "minutespdf/minutesdocument.h"

#include <QDateTime>
#include <QTimeZone>

namespace chamber::minutespdf {

using namespace chamber::minutes;

namespace {

// Minutes are read in Vietnam: times are printed there, whatever the server's zone (which
// would otherwise change the PDF's bytes from one server to another).
constexpr int kVietnamOffsetSeconds = 7 * 3600;

QDateTime vietnamTime(const QString &iso)
{
    const QDateTime time = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return time.isValid() ? time.toOffsetFromUtc(kVietnamOffsetSeconds) : QDateTime();
}

} // namespace

QString Minutes::clock(const QString &iso, bool seconds) const
{
    const QDateTime time = vietnamTime(iso);
    if (!time.isValid())
        return iso;
    return time.toString(seconds ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
}

QString Minutes::dateTime(const QString &iso) const
{
    const QDateTime time = vietnamTime(iso);
    if (!time.isValid())
        return iso.isEmpty() ? tr("(not recorded)") : iso;
    return tr("%1 on %2", "time on date")
        .arg(time.toString(QStringLiteral("HH:mm")), time.toString(QStringLiteral("dd/MM/yyyy")));
}

QString Minutes::longDate(const QString &iso) const
{
    const QDateTime time = vietnamTime(iso);
    if (!time.isValid())
        return {};
    return tr("Date: %1/%2/%3", "day, month, year")
        .arg(time.toString(QStringLiteral("dd")), time.toString(QStringLiteral("MM")),
            time.toString(QStringLiteral("yyyy")));
}

QString Minutes::duration(qint64 ms) const
{
    const qint64 seconds = (ms + 500) / 1000;
    const QString minutesAndSeconds
        = QStringLiteral("%1:%2")
              .arg((seconds / 60) % 60, seconds >= 3600 ? 2 : 1, 10, QLatin1Char('0'))
              .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return seconds >= 3600 ? QString::number(seconds / 3600) + QLatin1Char(':') + minutesAndSeconds
                           : minutesAndSeconds;
}

QString Minutes::fraction(qint64 numerator, qint64 denominator) const
{
    if (numerator == 1 && denominator == 2)
        return tr("one half");
    if (numerator == 2 && denominator == 3)
        return tr("two thirds");
    if (numerator == 3 && denominator == 4)
        return tr("three quarters");
    if (numerator == denominator)
        return tr("all");
    return QStringLiteral("%1/%2").arg(numerator).arg(denominator);
}

QString Minutes::ruleInWords(const core::MajorityRule &rule) const
{
    const QString share = fraction(rule.numerator, rule.denominator);
    QString base;
    switch (rule.base) {
    case core::VoteBase::Members:
        base = tr("of all members");
        break;
    case core::VoteBase::PresentMembers:
        base = tr("of the members present");
        break;
    case core::VoteBase::VotesCast:
        base = rule.abstentionsInBase ? tr("of the votes cast, abstentions included")
                                      : tr("of the votes cast, abstentions not counted");
        break;
    }
    QString words
        = (rule.inclusive ? tr("at least %1 %2") : tr("more than %1 %2")).arg(share, base);
    words += QStringLiteral(", ")
        + (rule.byWeight ? tr("counted by voting weight") : tr("counted by heads"));
    if (rule.quorum) {
        const core::QuorumRule &quorum = *rule.quorum;
        words += QStringLiteral("; ")
            + (quorum.inclusive
                    ? tr("quorum: at least %1 of the members must be present (counted %2)")
                    : tr("quorum: more than %1 of the members must be present (counted %2)"))
                  .arg(fraction(quorum.numerator, quorum.denominator),
                      quorum.basis == core::QuorumBasis::Weight ? tr("by voting weight")
                                                                : tr("by heads"));
    }
    return words;
}

QString Minutes::choiceName(const core::Poll &poll, const QString &choice) const
{
    if (choice == QLatin1String("abstain"))
        return tr("Abstain");
    if (poll.isYesNo() && choice == QLatin1String("yes"))
        return tr("Yes");
    if (poll.isYesNo() && choice == QLatin1String("no"))
        return tr("No");
    return choice; // a candidate: verbatim
}

QString Minutes::verdictInWords(const core::Poll &poll) const
{
    const core::Outcome &outcome = poll.closing->outcome;
    QString verdict;
    switch (outcome.verdict) {
    case core::Verdict::Passed:
        verdict = tr("PASSED");
        break;
    case core::Verdict::Failed:
        verdict = tr("NOT PASSED");
        break;
    case core::Verdict::Tie:
        verdict = tr("TIE: not passed");
        break;
    case core::Verdict::NoQuorum:
        return tr("NO QUORUM: nothing was decided");
    case core::Verdict::Elected:
        verdict = tr("ELECTED: %1").arg(outcome.winner);
        break;
    case core::Verdict::NoWinner:
        verdict = tr("NO ONE ELECTED");
        break;
    }
    return verdict + QStringLiteral(" (")
        + tr("%1 counted against a base of %2; the rule needs %3")
              .arg(outcome.decisive)
              .arg(outcome.base)
              .arg(outcome.required)
        + QLatin1Char(')');
}

QString Minutes::speakerName(const SpeechRow &speech) const
{
    if (speech.speaker.isBridge())
        return speech.name + QStringLiteral("\n") + tr("(bridge point)");
    return speech.seat.isEmpty()
        ? speech.name
        : speech.name + QStringLiteral("\n") + tr("seat %1").arg(speech.seat);
}

QString Minutes::presence(const AttendanceRow &row) const
{
    if (row.spans.empty())
        return tr("Absent");
    QStringList spans;
    for (const PresenceSpan &span : row.spans)
        spans.append(clock(span.from) + QStringLiteral(" - ")
            + (span.to.isEmpty() ? tr("end") : clock(span.to)));
    return spans.join(QStringLiteral("; "));
}

} // namespace chamber::minutespdf
