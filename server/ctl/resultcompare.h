// Comparing a published result document with the one the event log says it must be, so a
// difference names the field, both values and the event the log's value comes from.
#pragma once

#include <QJsonObject>
#include <QStringList>

namespace chamber::ctl {

// Events of the log that each part of a result document repeats (0: not in the log).
struct ResultSources
{
    qint64 meetingTitle = 0; // the meeting.created or meeting.updated that set the title
    qint64 pollCreated = 0; // title, item, choices, secret, rule
    qint64 pollOpened = 0; // openedAt
    qint64 pollClosed = 0; // closedAt, context, tally, outcome, receipts, voters, ballots
    qint64 lastEvent = 0; // lastEvent
};

// One line per differing value, e.g. "tally.counts.yes: 31 in the result, 12 in the log's
// poll.closed (event 57)". `subject` names the compared document ("the result").
QStringList compareDocuments(const QJsonObject &document, const QJsonObject &expected,
    const ResultSources &sources, const QString &subject);

// A JSON value for a message: strings quoted, long values cut.
QString shortJson(const QJsonValue &value);

} // namespace chamber::ctl
