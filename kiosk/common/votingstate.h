// Voting as the screens see it (Kiosk.voting): the poll in focus (the open one, or the latest
// result for the item under discussion, or the one the chair picked) with its choices and
// rule, and beside it objects that change on their own: `polls` (the chair's list, a model
// updated in place), `progress` (the counts a `progress` push brings), `result` (once closed),
// and on a seat's tablet the ballots it casts (its own and, with a proxy, the giver's) with
// their keys, receipts and refusals. Each says it changed only when what it shows did.
#pragma once

#include "ballotprogress.h"
#include "ballotstatus.h"
#include "ballotstore.h"
#include "connection.h"
#include "deviceidentity.h"
#include "outbox.h"
#include "polllistmodel.h"
#include "pollresult.h"

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
    // draft, open, closed or published (the protocol's names); empty without a poll
    Q_PROPERTY(QString pollState READ pollState NOTIFY changed)
    Q_PROPERTY(bool secret READ secret NOTIFY changed)
    Q_PROPERTY(bool allowChange READ allowChange NOTIFY changed)
    Q_PROPERTY(bool yesNo READ yesNo NOTIFY changed)
    // [{choice, label}] in ballot order, abstain last
    Q_PROPERTY(QVariantList choices READ choices NOTIFY changed)
    Q_PROPERTY(QString ruleLabel READ ruleLabel NOTIFY changed)
    // The open poll, whether in focus or not; 0: none.
    Q_PROPERTY(int openPollId READ openPollId NOTIFY changed)
    // [{name, label}] for the chair's new vote, most used first.
    Q_PROPERTY(QVariantList rulePresets READ rulePresets NOTIFY rulePresetsChanged)
    Q_PROPERTY(chamber::kiosk::PollListModel *polls READ polls CONSTANT)
    Q_PROPERTY(chamber::kiosk::BallotProgress *progress READ progress CONSTANT)
    Q_PROPERTY(chamber::kiosk::PollResult *result READ result CONSTANT)
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
    // A `progress` push: only `progress` changes, and only for the poll in focus.
    void setProgress(const PollProgress &progress);
    void clearProgress();
    // Self-test: this delegate's ballot is recorded with this choice.
    void showRecordedBallot(qint64 poll, qint64 delegate, const QString &choice);
    // The server answered a command; true if it was one of ours (a ballot or a new poll).
    bool handleAnswer(const QString &id, const QJsonObject &reply);
    // The meeting state or the language changed.
    void refresh();

    bool active() const { return m_focus.pollId != 0; }
    int pollId() const { return int(m_focus.pollId); }
    QString title() const { return m_focus.title; }
    QString pollState() const { return m_focus.pollState; }
    bool secret() const { return m_focus.secret; }
    bool allowChange() const { return m_focus.allowChange; }
    bool yesNo() const { return m_focus.yesNo; }
    QVariantList choices() const { return m_focus.choices; }
    QString ruleLabel() const { return m_focus.ruleLabel; }
    int openPollId() const { return int(m_focus.openPollId); }
    QVariantList rulePresets() const { return m_rulePresets; }
    PollListModel *polls() { return &m_polls; }
    BallotProgress *progress() { return &m_progressView; }
    PollResult *result() { return &m_result; }
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
    // The poll in focus, or what is shown of it, changed (not its progress or result).
    void changed();
    void rulePresetsChanged();

private:
    struct SentBallot
    {
        qint64 poll = 0;
        qint64 delegate = 0;
        QString choice;
    };
    using VoterKey = std::pair<qint64, qint64>; // poll, delegate
    // What the properties above show, compared before anything is announced.
    struct Focus
    {
        qint64 pollId = 0;
        QString title;
        QString pollState;
        bool secret = false;
        bool allowChange = false;
        bool yesNo = true;
        QVariantList choices;
        QString ruleLabel;
        qint64 openPollId = 0;
        bool operator==(const Focus &) const = default;
    };

    const core::Poll *poll() const; // the poll in focus, or null
    qint64 choosePoll() const;
    void notePollStates();
    Focus focusOf(const core::Poll *shown) const;
    void refreshProgress();
    void refreshBallots();
    void pollCommand(const char *type, int poll);
    BallotStatus::Values ballotValues(qint64 delegate) const;
    const SentBallot *sending(qint64 poll, qint64 delegate) const;
    qint64 proxyGiverHeld() const;

    const core::MeetingState *m_meeting = nullptr;
    const DeviceIdentity *m_identity = nullptr;
    Sender m_send;
    BallotStore *m_store = nullptr;
    qint64 m_pollId = 0; // in focus; chosen again on every refresh
    Focus m_focus;
    QVariantList m_rulePresets;
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
    PollListModel m_polls {this};
    BallotProgress m_progressView {this};
    PollResult m_result {this};
    BallotStatus m_own {false, this};
    BallotStatus m_proxy {true, this};
};

} // namespace chamber::kiosk
