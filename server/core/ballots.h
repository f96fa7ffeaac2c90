// Ballots as the core judges them: who may cast one, counting them, and the result document a
// published poll is signed over. Pure functions; the services store the ballots.
#pragma once

#include "core/meeting.h"

namespace chamber::core {

// What a valid ballot counts for.
struct BallotTarget
{
    qint64 weight = 1;
    qint64 proxyHolder = 0; // nonzero: cast by this delegate for the giver
};

// Whether a ballot for a delegate may be cast now, whatever it says. One rule for the server,
// which refuses a ballot with it (checkBallot), and for the tablets, which say with it why
// their buttons are off. Voting weights play no part: a member votes whatever the weight.
enum class VotingRight {
    MayVote,
    PollNotOpen, // a draft: voting has not started
    PollClosed, // closed or published
    UnknownDelegate,
    NotAMember, // takes part without a vote
    ProxyGiven, // gave their proxy away: only the holder votes for them
    NotCheckedIn,
    NotProxyHolder, // for someone else without holding their proxy
    HolderNotCheckedIn, // a proxy counts only while its holder is present
};

struct VotingRightCheck
{
    VotingRight right = VotingRight::UnknownDelegate;
    // ProxyGiven: who holds the proxy; by proxy (MayVote, HolderNotCheckedIn): the holder
    // casting it; otherwise 0.
    qint64 proxyHolder = 0;
    bool mayVote() const { return right == VotingRight::MayVote; }
};

// May `castBy` (the delegate of the device that sends it) cast a ballot for `delegate` in
// `poll`? In person (castBy == delegate): a member, present, who has not given a proxy away;
// for someone else: only as the present holder of their proxy. The poll must be open.
VotingRightCheck votingRight(
    const MeetingState &meeting, const Poll &poll, qint64 delegate, qint64 castBy);

// Who casts `delegate`'s ballot: the holder of their proxy, or they themselves.
qint64 castingVoter(const MeetingState &meeting, qint64 delegate);

// Checks that `castBy` may cast `choice` for `delegate` in poll `pollId`: votingRight() allows
// it and the choice exists. Errors: not_found (no such poll or delegate), conflict (the poll is
// not open), bad_field (no such choice), forbidden (everything else votingRight() refuses).
Result<BallotTarget> checkBallot(const MeetingState &meeting, qint64 pollId, qint64 delegate,
    qint64 castBy, const QString &choice);

// Present members and all members, as the poll's rule counts them (heads or weight).
PollContext pollContext(const MeetingState &meeting, const MajorityRule &rule);

Tally tallyBallots(const Poll &poll, const PollBallots &ballots);

// The document a published result is signed over: poll, rule, counts, outcome, sorted
// receipts, the roll call of a named poll, and the hash of the meeting's last event.
QJsonObject resultDocument(const MeetingState &meeting, const Poll &poll);

} // namespace chamber::core
