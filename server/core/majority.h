// Majority rules as data, and how a poll's ballots are judged by them.
//
// A rule is a threshold (a fraction, "more than" or "at least") over a base (all members,
// members present, or votes cast with or without abstentions), counted by heads or by voting
// weight, with an optional quorum of members present. Rules are stored with a version so a
// result can always be re-judged by the rule that decided it.
#pragma once

#include "core/quorum.h"
#include "protocol/error.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>

namespace chamber::core {

constexpr int kMajorityRuleVersion = 1;

enum class VoteBase {
    Members, // all members (the People's Council's "tổng số đại biểu")
    PresentMembers, // members present when the poll closes
    VotesCast, // ballots for a choice (and abstentions, if they count)
};

struct MajorityRule
{
    QString preset = QStringLiteral("custom"); // name of the preset it came from, for people
    qint64 numerator = 1;
    qint64 denominator = 2;
    bool inclusive = false; // true: at least the fraction; false: more than
    VoteBase base = VoteBase::VotesCast;
    bool abstentionsInBase = false; // VotesCast only: abstaining counts in the base
    bool byWeight = false;
    std::optional<QuorumRule> quorum; // of members present when the poll closes

    QJsonObject toJson() const;
    // Accepts a full rule or {"preset": name}; refuses versions it does not know.
    static Result<MajorityRule> fromJson(const QJsonObject &json);
    static std::optional<MajorityRule> fromPreset(const QString &name);
    static QStringList presetNames();
    QString describe() const; // English, for logs and exports; screens build their own text
    bool operator==(const MajorityRule &) const = default;
};

// The ballots of a closed poll, counted. Counts are heads or weights, as the rule says.
struct Tally
{
    std::map<QString, qint64> counts; // choice -> count (abstentions under "abstain")
    qint64 ballots = 0; // number of ballots (heads), whatever the rule counts
};

// Who could have voted, when the poll closed.
struct PollContext
{
    qint64 members = 0; // heads or weight, as the rule counts
    qint64 presentMembers = 0; // heads or weight
    qint64 presentHeads = 0; // for a quorum by heads when the rule counts weight
    qint64 memberHeads = 0;
};

enum class Verdict {
    Passed, // yes/no: the motion carries
    Failed, // yes/no: it does not
    Tie, // as many for as against, and the threshold not met
    NoQuorum, // not enough members present: nothing was decided
    Elected, // single choice: this candidate
    NoWinner, // single choice: nobody met the threshold
};
QString verdictName(Verdict verdict);

struct Outcome
{
    Verdict verdict = Verdict::Failed;
    QString winner; // single choice
    qint64 base = 0; // what the threshold is taken of
    qint64 required = 0; // smallest count that meets it
    qint64 decisive = 0; // the count compared with `required` (yes, or the leader's votes)
    QString explanation; // English: "34 yes of 40 members; more than 1/2 needs 21"

    QJsonObject toJson() const;
};

// Yes/no/abstain when `choices` is empty (choices are "yes", "no", "abstain"); otherwise a
// single choice among `choices` (plus "abstain").
Outcome evaluate(const MajorityRule &rule, const QStringList &choices, const Tally &tally,
    const PollContext &context);

// Smallest n with n/base meeting the fraction (n*den >= num*base, or > when strict).
qint64 requiredFor(qint64 numerator, qint64 denominator, bool inclusive, qint64 base);

} // namespace chamber::core
