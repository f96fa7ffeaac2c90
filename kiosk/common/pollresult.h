// The result of the poll in focus, once closed (Kiosk.voting.result): a bar per choice, the
// verdict and how the rule was applied, and for a named poll every member's seat with its
// choice. Built from the poll's typed closing; changes (and says so) only when the result in
// focus does, or the language.
#pragma once

#include "core/meeting.h"

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace chamber::kiosk {

class PollResult : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by Kiosk.voting")

    // The poll in focus is closed and its result known.
    Q_PROPERTY(bool available READ available NOTIFY changed)
    // [{choice, label, count, percentText, share, winner}] in ballot order, abstain last;
    // share: 0..1 of the bar scale (the larger of the rule's base and the ballots counted).
    Q_PROPERTY(QVariantList bars READ bars NOTIFY changed)
    // The required count on the same scale: where the threshold line goes (0: none).
    Q_PROPERTY(double thresholdShare READ thresholdShare NOTIFY changed)
    // The protocol's name: passed, failed, tie, no_quorum, elected, no_winner; empty without.
    Q_PROPERTY(QString verdict READ verdict NOTIFY changed)
    Q_PROPERTY(QString verdictLabel READ verdictLabel NOTIFY changed)
    Q_PROPERTY(QString explanation READ explanation NOTIFY changed)
    Q_PROPERTY(int ballotsCounted READ ballotsCounted NOTIFY changed)
    // Named polls: [{delegateId, seat, name, choice}] for every member in seat order; choice
    // empty for those who did not vote. Secret polls: empty.
    Q_PROPERTY(QVariantList seatVotes READ seatVotes NOTIFY changed)

public:
    using QObject::QObject;

    // `poll`: the poll in focus, or null. Emits only when something shown changed.
    void update(const core::MeetingState *meeting, const core::Poll *poll);

    bool available() const { return m_values.available; }
    QVariantList bars() const { return m_values.bars; }
    double thresholdShare() const { return m_values.thresholdShare; }
    QString verdict() const { return m_values.verdict; }
    QString verdictLabel() const { return m_values.verdictLabel; }
    QString explanation() const { return m_values.explanation; }
    int ballotsCounted() const { return m_values.ballotsCounted; }
    QVariantList seatVotes() const { return m_values.seatVotes; }

Q_SIGNALS:
    void changed();

private:
    struct Values
    {
        bool available = false;
        QVariantList bars;
        double thresholdShare = 0;
        QString verdict;
        QString verdictLabel;
        QString explanation;
        int ballotsCounted = 0;
        QVariantList seatVotes;
        bool operator==(const Values &) const = default;
    };
    static QVariantList barsOf(const core::Poll &poll);
    static QVariantList seatVotesOf(const core::MeetingState &meeting, const core::Poll &poll);

    Values m_values;
};

} // namespace chamber::kiosk
