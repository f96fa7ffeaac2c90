// A ballot as it travels: `ballot.cast` parsed once into typed fields, so the server (and the
// kiosk, which builds the command) never reads a ballot back by string keys.
#pragma once

#include "protocol/error.h"
#include "protocol/message.h"

#include <QJsonObject>
#include <QString>

namespace chamber::protocol {

struct BallotCast
{
    qint64 meeting = 0;
    qint64 poll = 0;
    qint64 delegate = 0; // whose vote this is (the sender's own, or a proxy giver's)
    QString choice;
    QString key; // the device's random ballot key; only its digests are stored

    // From a message that passed validation; another message type is `unknown_type`.
    static Result<BallotCast> fromMessage(const Message &message);
    // The command's fields with its `type`, without `id` (the sender adds its own).
    QJsonObject toJson() const;

    bool operator==(const BallotCast &) const = default;
};

} // namespace chamber::protocol
