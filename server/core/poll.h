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
    QJsonObject closing; // the poll.closed event's data: tally, outcome, receipts, voters
    QJsonObject published; // the poll.published event's data: signed document

    bool isYesNo() const { return choices.isEmpty(); }
    // What a ballot may say.
    QStringList validChoices() const;
    QJsonObject toJson() const;
    static Result<Poll> fromJson(const QJsonObject &json);
};

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

} // namespace chamber::core
