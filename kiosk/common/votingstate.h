// Voting as the screens see it (Kiosk.voting): the poll in focus (the open one, or the latest
// result for the item under discussion, or the one the chair picked), its progress and
// result, the chair's list of polls and actions, and on a seat's tablet the ballots it casts
// (its own and, with a proxy, the giver's) with their keys, receipts and refusals.
#pragma once

#include "ballotstatus.h"
#include "ballotstore.h"
#include "connection.h"
#include "deviceidentity.h"
#include "outbox.h"

#include <QHash>
#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <map>
#include <set>

namespace chamber::kiosk {

class VotingState : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by Kiosk")

    // A poll is in focus (open, or its result still relevant).
    Q_PROPERTY(bool active READ active NOTIFY changed)
    Q_PROPERTY(int pollId READ pollId NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    // draft, open, closed or published
    Q_PROPERTY(QString pollState READ pollState NOTIFY changed)
    Q_PROPERTY(bool secret READ secret NOTIFY changed)
    Q_PROPERTY(bool allowChange READ allowChange NOTIFY changed)
    Q_PROPERTY(bool yesNo READ yesNo NOTIFY changed)
    // [{choice, label}] in ballot order, abstain last
    Q_PROPERTY(QVariantList choices READ choices NOTIFY changed)
    Q_PROPERTY(QString ruleLabel READ ruleLabel NOTIFY changed)
    // Progress while open: ballots recorded of those that can be cast now.
    Q_PROPERTY(bool hasProgress READ hasProgress NOTIFY changed)
    Q_PROPERTY(int cast READ cast NOTIFY changed)
    Q_PROPERTY(int eligible READ eligible NOTIFY changed)
    // Chair console: [{delegateId, name, seat}] who can vote and have not, in seat order.
    Q_PROPERTY(QVariantList pending READ pending NOTIFY changed)
    Q_PROPERTY(bool hasPendingList READ hasPendingList NOTIFY changed)
    // The result, once closed.
    Q_PROPERTY(bool hasResult READ hasResult NOTIFY changed)
    // [{choice, label, count, percentText, share, winner}]; share: 0..1 for bars
    Q_PROPERTY(QVariantList results READ results NOTIFY changed)
    // The required count as a share of the bar scale (where the threshold line goes).
    Q_PROPERTY(double thresholdShare READ thresholdShare NOTIFY changed)
    // passed, failed, tie, no_quorum, elected, no_winner
    Q_PROPERTY(QString verdict READ verdict NOTIFY changed)
    Q_PROPERTY(QString verdictLabel READ verdictLabel NOTIFY changed)
    Q_PROPERTY(QString explanation READ explanation NOTIFY changed)
    Q_PROPERTY(int ballotsCounted READ ballotsCounted NOTIFY changed)
    // Named polls: [{delegateId, seat, name, choice}] for every member in seat order; choice
    // empty for those who did not vote.
    Q_PROPERTY(QVariantList seatVotes READ seatVotes NOTIFY changed)
    // Chair console: every poll, newest first: [{pollId, title, pollState, stateLabel, secret,
    // verdictLabel}]
    Q_PROPERTY(QVariantList polls READ polls NOTIFY changed)
    Q_PROPERTY(int openPollId READ openPollId NOTIFY changed)
    Q_PROPERTY(QVariantList rulePresets READ rulePresets NOTIFY changed)
    Q_PROPERTY(chamber::kiosk::BallotStatus *ownBallot READ ownBallot CONSTANT)
    Q_PROPERTY(chamber::kiosk::BallotStatus *proxyBallot READ proxyBallot CONSTANT)

public:
    using Sender = std::function<QString(QJsonObject)>; // returns the request id, or empty

    explicit VotingState(QObject *parent = nullptr);

    // The meeting and identity are KioskState's, which outlives this object.
    void attach(const core::MeetingState *meeting, const DeviceIdentity *identity, Sender sender);
    void setBallotStore(BallotStore *store) { m_store = store; }
    // A new device or connection: forget requests, refusals and progress of the last one.
    void reset();
    // Ballots still in the outbox (after a restart, or while offline) show as "sending".
    void setPendingCommands(const QList<Outbox::Entry> &pending);
    void setProgress(const PollProgress &progress);
    void clearProgress();
    // Self-test: this delegate's ballot is recorded with this choice.
    void showRecordedBallot(qint64 poll, qint64 delegate, const QString &choice);
    // The server answered a command; true if it was one of ours (a ballot or a new poll).
    bool handleAnswer(const QString &id, const QJsonObject &reply);
    void refresh();

    bool active() const { return poll() != nullptr; }
    int pollId() const { return int(m_pollId); }
    QString title() const { return poll() ? poll()->title : QString(); }
    QString pollState() const;
    bool secret() const { return poll() && poll()->secret; }
    bool allowChange() const { return poll() && poll()->allowChange; }
    bool yesNo() const { return !poll() || poll()->isYesNo(); }
    QVariantList choices() const;
    QString ruleLabel() const;
    bool hasProgress() const;
    int cast() const;
    int eligible() const;
    QVariantList pending() const;
    bool hasPendingList() const;
    bool hasResult() const { return poll() && !poll()->closing.isEmpty(); }
    QVariantList results() const;
    double thresholdShare() const;
    QString verdict() const;
    QString verdictLabel() const;
    QString explanation() const;
    int ballotsCounted() const;
    QVariantList seatVotes() const;
    QVariantList polls() const;
    int openPollId() const;
    QVariantList rulePresets() const;
    BallotStatus *ownBallot() { return &m_own; }
    BallotStatus *proxyBallot() { return &m_proxy; }

    // Seat tablets: vote for oneself (forDelegate 0) or for the proxy giver.
    Q_INVOKABLE void castBallot(const QString &choice, int forDelegate = 0);
    // Hide a result this tablet has seen (the agenda comes back).
    Q_INVOKABLE void dismissResult();
    // Chair console.
    Q_INVOKABLE void createPoll(const QString &title, const QStringList &candidates, bool secret,
        const QString &rulePreset, bool allowChange, int item);
    Q_INVOKABLE void openPoll(int poll);
    Q_INVOKABLE void closePoll(int poll);
    Q_INVOKABLE void publishPoll(int poll);
    // Focus on a poll (0: follow the meeting again).
    Q_INVOKABLE void selectPoll(int poll);
    Q_INVOKABLE QString choiceLabel(const QString &choice) const;

Q_SIGNALS:
    void changed();

private:
    struct SentBallot
    {
        qint64 poll = 0;
        qint64 delegate = 0;
        QString choice;
    };
    using VoterKey = std::pair<qint64, qint64>; // poll, delegate

    const core::Poll *poll() const; // the poll in focus, or null
    qint64 choosePoll() const;
    void notePollStates();
    void pollCommand(const char *type, int poll);
    BallotStatus::Values ballotValues(qint64 delegate, bool forProxy) const;
    const SentBallot *sending(qint64 poll, qint64 delegate) const;
    qint64 proxyGiverHeld() const;

    const core::MeetingState *m_meeting = nullptr;
    const DeviceIdentity *m_identity = nullptr;
    Sender m_send;
    BallotStore *m_store = nullptr;
    qint64 m_pollId = 0; // in focus; chosen again on every refresh
    QHash<QString, SentBallot> m_sent; // request id → ballot, until answered
    std::map<VoterKey, QString> m_refusals;
    std::map<VoterKey, QString> m_sessionChoices; // recorded this session (secret polls too)
    std::map<qint64, PollProgress> m_progress;
    QHash<QString, bool> m_createRequests; // poll.create ids sent from here
    qint64 m_selectedPoll = 0;
    qint64 m_dismissedPoll = 0;
    // Polls this device saw open, and for those deciding no agenda item the item that was
    // current when it saw them close: their result stays up until the agenda moves on.
    std::set<qint64> m_seenOpen;
    std::map<qint64, qint64> m_itemAtClose;
    BallotStatus m_own {false, this};
    BallotStatus m_proxy {true, this};
};

} // namespace chamber::kiosk
