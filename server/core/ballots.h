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

// Checks that `castBy` (the delegate of the device that sends it) may cast `choice` for
// `delegate` in poll `pollId`: the poll is open, the delegate is a member, present (or, for a
// proxy, the holder is), has not given a proxy away, and the choice exists.
Result<BallotTarget> checkBallot(const MeetingState &meeting, qint64 pollId, qint64 delegate,
    qint64 castBy, const QString &choice);

// Present members and all members, as the poll's rule counts them (heads or weight).
PollContext pollContext(const MeetingState &meeting, const MajorityRule &rule);

Tally tallyBallots(const Poll &poll, const PollBallots &ballots);

// The document a published result is signed over: poll, rule, counts, outcome, sorted
// receipts, the roll call of a named poll, and the hash of the meeting's last event.
QJsonObject resultDocument(const MeetingState &meeting, const Poll &poll);

} // namespace chamber::core
