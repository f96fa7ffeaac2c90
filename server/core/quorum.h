// Quorum: whether enough members are present for the meeting to take decisions.
#pragma once

#include "protocol/error.h"

#include <QJsonObject>
#include <QString>

namespace chamber::core {

enum class QuorumBasis {
    Heads, // count members
    Weight, // sum voting weights
};

// "numerator/denominator of the members", either "at least" (inclusive) or "more than".
// Integer arithmetic throughout: 2/3 of 40 is decided exactly, never with floating point.
struct QuorumRule
{
    qint64 numerator = 1;
    qint64 denominator = 2;
    bool inclusive = false;
    QuorumBasis basis = QuorumBasis::Heads;

    QJsonObject toJson() const;
    // Expects a schema-validated object (protocol checks types and ranges).
    static Result<QuorumRule> fromJson(const QJsonObject &json);
    // "more than 1/2 of members" / "at least 2/3 of members' voting weight"
    QString describe() const;
    bool operator==(const QuorumRule &) const = default;
};

struct QuorumState
{
    qint64 present = 0; // present members (heads or weight)
    qint64 total = 0; // all members (heads or weight)
    qint64 required = 0; // smallest present value that reaches quorum
    bool reachable = true; // false when even full attendance would not suffice
    bool reached = false;

    QJsonObject toJson() const;
};

QuorumState evaluateQuorum(const QuorumRule &rule, qint64 present, qint64 total);

} // namespace chamber::core
