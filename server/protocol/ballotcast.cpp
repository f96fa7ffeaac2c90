#include "protocol/ballotcast.h"

namespace chamber::protocol {

namespace {

const QLatin1String kType("ballot.cast");
const QLatin1String kMeeting("meeting");
const QLatin1String kPoll("poll");
const QLatin1String kDelegate("delegate");
const QLatin1String kChoice("choice");
const QLatin1String kKey("key");

} // namespace

Result<BallotCast> BallotCast::fromMessage(const Message &message)
{
    if (!message.spec || QLatin1String(message.spec->type) != kType)
        return makeError(ErrorCode::UnknownType,
            QStringLiteral("%1 is not a ballot")
                .arg(message.spec ? message.type() : QStringLiteral("this message")),
            QStringLiteral("type"));
    // Validation against the schema guarantees every field is present with its type and range.
    return BallotCast {message.integer(kMeeting), message.integer(kPoll),
        message.integer(kDelegate), message.string(kChoice), message.string(kKey)};
}

QJsonObject BallotCast::toJson() const
{
    return QJsonObject {{QStringLiteral("type"), kType}, {kMeeting, meeting}, {kPoll, poll},
        {kDelegate, delegate}, {kChoice, choice}, {kKey, key}};
}

} // namespace chamber::protocol
