// Polls: what is voted on, how, under which rule, and where it stands.
#pragma once

#include "core/majority.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>
#include <vector>

namespace chamber::core {

enum class PollState { Draft, Open, Closed, Published };
QString pollStateName(PollState state);
std::optional<PollState> pollStateFromName(const QString &name);

// Ballots as the services hand them to the core when a poll closes.
struct NamedBallot
{
    qint64 delegate = 0;
    QString choice;
    qint64 weight = 1;
    qint64 proxyHolder = 0; // cast by this delegate's proxy; 0: in person
};

struct SecretBallot
{
    QString receipt;
    QString choice;
    qint64 weight = 1;
};

struct PollBallots
{
    std::vector<NamedBallot> named;
    std::vector<SecretBallot> secret;
    std::vector<qint64> voters; // delegates who voted (for secret polls: who, never how)
};

// What the close of a poll established: the poll.closed event's data, typed. Parsed once when
// the event is applied and written back as exactly the same JSON, so snapshots, the REST
// answers and the signed result document say what the log says.
struct PollClosing
{
    PollContext context; // who could vote, counted when the poll closed
    Tally tally; // every valid choice with its count (zeros too), and the number of ballots
    Outcome outcome;
    QStringList receipts; // sorted: their order says nothing about when ballots came
    std::vector<qint64> voters; // sorted; for a secret poll who voted, never how
    std::vector<NamedBallot> ballots; // named polls only: the roll call, by delegate

    qint64 count(const QString &choice) const;
    qint64 totalCount() const; // all choices, abstentions included
    // The roll call's entry for `delegate`, or null (a secret poll has none).
    const NamedBallot *ballotOf(qint64 delegate) const;

    // The poll.closed event's data: {poll, context, tally, outcome, receipts, voters, ballots}.
    QJsonObject toJson(qint64 poll) const;
    // Refuses data toJson() cannot have written (a missing part, a wrong type, an unknown
    // verdict): a client never shows a result it guessed.
    static Result<PollClosing> fromJson(const QJsonObject &json);
};

struct Poll
{
    qint64 id = 0;
    qint64 item = 0; // agenda item it decides; 0: none
    QString title;
    QStringList choices; // empty: yes / no / abstain; otherwise candidates (plus abstain)
    bool secret = false;
    MajorityRule rule;
    bool allowChange = false; // may a voter change the ballot until the poll closes
    PollState state = PollState::Draft;
    QString createdAt;
    QString openedAt;
    QString closedAt;
    QString publishedAt;
    std::optional<PollClosing> closing; // from the poll.closed event; JSON key "closing"
    QJsonObject published; // the poll.published event's data: signed document

    bool isYesNo() const { return choices.isEmpty(); }
    // What a ballot may say.
    QStringList validChoices() const;
    QJsonObject toJson() const;
    static Result<Poll> fromJson(const QJsonObject &json);
};

} // namespace chamber::core
