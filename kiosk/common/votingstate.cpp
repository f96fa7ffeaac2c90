#include "votingstate.h"

#include "votingtext.h"

#include "core/ballots.h"
#include "protocol/ballotcast.h"
#include "protocol/message.h"

#include <QJsonArray>
#include <QLoggingCategory>

#include <algorithm>

namespace chamber::kiosk {

Q_LOGGING_CATEGORY(lcVoting, "chamber.kiosk.voting")

namespace {

const QLatin1String kType("type");
const QLatin1String kPollField("poll");
const QLatin1String kDelegateField("delegate");
const QLatin1String kChoiceField("choice");

bool isOver(const core::Poll &poll)
{
    return poll.state == core::PollState::Closed || poll.state == core::PollState::Published;
}

} // namespace

VotingState::VotingState(QObject *parent)
    : QObject(parent)
    , m_rulePresets(VotingText::presets())
{ }

void VotingState::attach(
    const core::MeetingState *meeting, const DeviceIdentity *identity, Sender sender)
{
    m_meeting = meeting;
    m_identity = identity;
    m_send = std::move(sender);
}

void VotingState::reset()
{
    m_sent.clear();
    m_refusals.clear();
    m_sessionChoices.clear();
    m_progress.clear();
    m_createRequests.clear();
    m_selectedPoll = 0;
    m_dismissedPoll = 0;
    m_seenOpen.clear();
    m_itemAtClose.clear();
    refresh();
}

void VotingState::setPendingCommands(const QList<Outbox::Entry> &pending)
{
    // Ballots queued before a restart are still ours: their answers update the status.
    QHash<QString, SentBallot> sent;
    for (const Outbox::Entry &entry : pending) {
        if (entry.command.value(kType).toString() != QLatin1String("ballot.cast"))
            continue;
        // Read back the way the server reads it; an entry that is no valid ballot (a damaged
        // outbox) is not shown as one of ours.
        QJsonObject command = entry.command;
        command.insert(QStringLiteral("id"), entry.id);
        const auto message = protocol::validateMessage(command, protocol::Direction::ToServer);
        const auto ballot
            = message ? protocol::BallotCast::fromMessage(message.value()) : message.error();
        if (ballot)
            sent.insert(entry.id, SentBallot {ballot->poll, ballot->delegate, ballot->choice});
    }
    if (sent.keys() == m_sent.keys())
        return;
    m_sent = sent;
    refresh();
}

void VotingState::setProgress(const PollProgress &progress)
{
    m_progress[progress.poll] = progress;
    if (progress.poll == m_pollId)
        refreshProgress();
}

void VotingState::clearProgress()
{
    m_progress.clear();
    refreshProgress();
}

void VotingState::refreshProgress()
{
    const auto it = m_progress.find(m_pollId);
    m_progressView.update(m_meeting, it == m_progress.end() ? nullptr : &it->second);
}

void VotingState::showRecordedBallot(qint64 poll, qint64 delegate, const QString &choice)
{
    if (m_store && m_meeting && m_store->keyFor(m_meeting->id, poll, delegate))
        (void)m_store->markRecorded(m_meeting->id, poll, delegate, choice);
    m_sessionChoices[{poll, delegate}] = choice;
    refresh();
}

const core::Poll *VotingState::poll() const
{
    if (!m_meeting || !m_pollId)
        return nullptr;
    const auto it = m_meeting->polls.find(m_pollId);
    return it == m_meeting->polls.end() ? nullptr : &it->second;
}

qint64 VotingState::choosePoll() const
{
    if (!m_meeting)
        return 0;
    if (m_selectedPoll && m_meeting->polls.count(m_selectedPoll))
        return m_selectedPoll;
    if (const core::Poll *open = m_meeting->openPoll())
        return open->id;
    // The latest result stays up while its item is under discussion, until this device
    // dismisses it or the next vote opens. A vote that decided no item keeps its result up
    // while the agenda stays where it was at the close, if this device saw that close (a
    // screen that starts later does not bring back an old result).
    const core::Poll *latest = nullptr;
    for (const auto &[id, candidate] : m_meeting->polls) {
        if (!isOver(candidate) || id == m_dismissedPoll)
            continue;
        if (candidate.item && candidate.item != m_meeting->currentItem)
            continue;
        if (!candidate.item) {
            const auto atClose = m_itemAtClose.find(id);
            if (atClose == m_itemAtClose.end() || atClose->second != m_meeting->currentItem)
                continue;
        }
        if (!latest || candidate.closedAt >= latest->closedAt)
            latest = &candidate;
    }
    return latest ? latest->id : 0;
}

void VotingState::notePollStates()
{
    if (!m_meeting)
        return;
    for (const auto &[id, poll] : m_meeting->polls) {
        if (poll.state == core::PollState::Open)
            m_seenOpen.insert(id);
        else if (isOver(poll) && m_seenOpen.count(id) && !m_itemAtClose.count(id))
            m_itemAtClose[id] = m_meeting->currentItem;
    }
}

void VotingState::refresh()
{
    notePollStates();
    m_pollId = choosePoll();
    const core::Poll *shown = poll();
    static const core::MeetingState noMeeting;
    m_polls.update(m_meeting ? *m_meeting : noMeeting);
    m_result.update(m_meeting, shown);
    refreshProgress();
    refreshBallots();
    // Their labels are in the user's language.
    if (QVariantList presets = VotingText::presets(); presets != m_rulePresets) {
        m_rulePresets = std::move(presets);
        emit rulePresetsChanged();
    }
    if (Focus focus = focusOf(shown); !(focus == m_focus)) {
        m_focus = std::move(focus);
        emit changed();
    }
}

VotingState::Focus VotingState::focusOf(const core::Poll *shown) const
{
    Focus focus;
    const core::Poll *open = m_meeting ? m_meeting->openPoll() : nullptr;
    focus.openPollId = open ? open->id : 0;
    if (!shown)
        return focus;
    focus.pollId = shown->id;
    focus.title = shown->title;
    focus.pollState = core::pollStateName(shown->state);
    focus.secret = shown->secret;
    focus.allowChange = shown->allowChange;
    focus.yesNo = shown->isYesNo();
    for (const QString &choice : shown->validChoices())
        focus.choices.append(QVariantMap {{QStringLiteral("choice"), choice},
            {QStringLiteral("label"), VotingText::choiceLabel(choice)}});
    focus.ruleLabel = VotingText::ruleLabel(shown->rule);
    return focus;
}

void VotingState::refreshBallots()
{
    const qint64 own = m_identity ? m_identity->delegate : 0;
    m_own.set(own && m_identity->role == QLatin1String("delegate") ? ballotValues(own)
                                                                   : BallotStatus::Values {});
    const qint64 giver = proxyGiverHeld();
    m_proxy.set(giver ? ballotValues(giver) : BallotStatus::Values {});
}

qint64 VotingState::proxyGiverHeld() const
{
    if (!m_meeting || !m_identity || !m_identity->delegate
        || m_identity->role != QLatin1String("delegate"))
        return 0;
    for (const auto &[giver, holder] : m_meeting->proxies) {
        if (holder == m_identity->delegate)
            return giver;
    }
    return 0;
}

const VotingState::SentBallot *VotingState::sending(qint64 poll, qint64 delegate) const
{
    for (const SentBallot &ballot : m_sent) {
        if (ballot.poll == poll && ballot.delegate == delegate)
            return &ballot;
    }
    return nullptr;
}

BallotStatus::Values VotingState::ballotValues(qint64 delegateId) const
{
    BallotStatus::Values values;
    const core::Delegate *delegate = m_meeting ? m_meeting->roster.find(delegateId) : nullptr;
    if (!delegate)
        return values;
    values.delegateId = int(delegateId);
    values.name = delegate->name;
    values.seat = delegate->seat;
    const core::Poll *shown = poll();
    if (!shown || shown->state == core::PollState::Draft)
        return values;

    const qint64 meetingId = m_meeting->id;
    const auto stored = m_store ? m_store->find(meetingId, shown->id, delegateId) : std::nullopt;
    const auto session = m_sessionChoices.find({shown->id, delegateId});
    values.recorded = stored && stored->recorded;
    if (values.recorded)
        values.receipt = BallotStore::receipt(meetingId, shown->id, stored->key);
    values.choice = session != m_sessionChoices.end() ? session->second
        : stored                                      ? stored->choice
                                                      : QString();
    if (const auto refusal = m_refusals.find({shown->id, delegateId}); refusal != m_refusals.end())
        values.refusal = refusal->second;

    if (isOver(*shown)) {
        values.status = BallotStatus::Closed;
        if (!shown->closing)
            return values;
        if (shown->secret) {
            values.counted = values.recorded && shown->closing->receipts.contains(values.receipt);
        } else if (const core::NamedBallot *counted = shown->closing->ballotOf(delegateId)) {
            values.counted = true;
            values.recorded = true;
            values.choice = counted->choice;
        }
        return values;
    }

    // Open: may this tablet vote for this delegate now? The server's own rule says.
    const core::VotingRightCheck right
        = core::votingRight(*m_meeting, *shown, delegateId, m_identity->delegate);
    const core::Delegate *holder
        = right.proxyHolder ? m_meeting->roster.find(right.proxyHolder) : nullptr;
    values.blockedReason
        = VotingText::blockedReason(right.right, holder ? holder->name : QString());

    if (const SentBallot *queued = sending(shown->id, delegateId)) {
        values.status = BallotStatus::Sending;
        values.choice = queued->choice;
        values.refusal.clear();
    } else if (!values.refusal.isEmpty()) {
        values.status = BallotStatus::Refused;
    } else if (values.recorded) {
        values.status = BallotStatus::Recorded;
    }
    values.canVote = right.mayVote() && values.status != BallotStatus::Sending
        && (!values.recorded || shown->allowChange);
    return values;
}

QString VotingState::choiceLabel(const QString &choice) const
{
    return VotingText::choiceLabel(choice);
}

void VotingState::castBallot(const QString &choice, int forDelegate)
{
    const core::Poll *open = m_meeting ? m_meeting->openPoll() : nullptr;
    if (!open || !m_identity || !m_identity->delegate || !m_send)
        return;
    const qint64 delegate = forDelegate > 0 ? forDelegate : m_identity->delegate;
    if (delegate != m_identity->delegate && delegate != proxyGiverHeld())
        return;
    if (sending(open->id, delegate))
        return; // one ballot in flight per voter: a second tap waits for the first answer
    if (!m_store) {
        qCWarning(lcVoting) << "no ballot store; not voting";
        return;
    }
    auto key = m_store->keyFor(m_meeting->id, open->id, delegate);
    if (!key) {
        m_refusals[{open->id, delegate}] = VotingText::refusal({QStringLiteral("internal"),
            key.error().message, true, false, delegate != m_identity->delegate, true});
        refresh();
        return;
    }
    m_refusals.erase({open->id, delegate});
    const QString id = m_send(
        protocol::BallotCast {m_meeting->id, open->id, delegate, choice, key.value()}.toJson());
    if (!id.isEmpty())
        m_sent.insert(id, SentBallot {open->id, delegate, choice});
    refresh();
}

bool VotingState::handleAnswer(const QString &id, const QJsonObject &reply)
{
    const bool ok = reply.value(kType).toString() == QLatin1String("ok");
    if (m_createRequests.remove(id)) {
        if (ok)
            selectPoll(reply.value(QLatin1String("result")).toObject().value(kPollField).toInt());
        return false; // a refusal is shown like any other command's
    }
    const auto found = m_sent.find(id);
    if (found == m_sent.end() || !m_meeting || !m_identity)
        return false;
    const SentBallot ballot = found.value();
    m_sent.erase(found);
    const VoterKey voter {ballot.poll, ballot.delegate};
    const auto pollIt = m_meeting->polls.find(ballot.poll);
    const core::Poll *target = pollIt != m_meeting->polls.end() ? &pollIt->second : nullptr;
    if (ok) {
        m_refusals.erase(voter);
        m_sessionChoices[voter] = ballot.choice;
        if (m_store) {
            // The choice of a secret ballot stays in memory only.
            const QString keep = target && !target->secret ? ballot.choice : QString();
            if (auto marked
                = m_store->markRecorded(m_meeting->id, ballot.poll, ballot.delegate, keep);
                !marked)
                qCWarning(lcVoting).noquote() << marked.error().message;
        }
    } else {
        const auto stored
            = m_store ? m_store->find(m_meeting->id, ballot.poll, ballot.delegate) : std::nullopt;
        const qint64 voterId
            = ballot.delegate == m_identity->delegate ? ballot.delegate : m_identity->delegate;
        const core::Delegate *voterDelegate = m_meeting->roster.find(voterId);
        m_refusals[voter] = VotingText::refusal({reply.value(QLatin1String("code")).toString(),
            reply.value(QLatin1String("message")).toString(),
            target && target->state == core::PollState::Open, stored && stored->recorded,
            ballot.delegate != m_identity->delegate, voterDelegate && voterDelegate->present});
    }
    refresh();
    return true;
}

void VotingState::dismissResult()
{
    if (const core::Poll *shown = poll(); shown && isOver(*shown)) {
        m_dismissedPoll = shown->id;
        m_selectedPoll = 0;
        refresh();
    }
}

void VotingState::createPoll(const QString &title, const QStringList &candidates, bool secret,
    const QString &rulePreset, bool allowChange, int item)
{
    if (!m_send)
        return;
    QJsonObject command {{kType, QStringLiteral("poll.create")},
        {QStringLiteral("title"), title.trimmed()},
        {QStringLiteral("item"), item > 0 ? QJsonValue(item) : QJsonValue()},
        {QStringLiteral("secret"), secret},
        {QStringLiteral("rule"), QJsonObject {{QStringLiteral("preset"), rulePreset}}},
        {QStringLiteral("allowChange"), allowChange}};
    QStringList names;
    for (const QString &candidate : candidates) {
        if (!candidate.trimmed().isEmpty())
            names << candidate.trimmed();
    }
    if (!names.isEmpty())
        command.insert(QStringLiteral("choices"), QJsonArray::fromStringList(names));
    const QString id = m_send(command);
    if (!id.isEmpty())
        m_createRequests.insert(id, true);
}

void VotingState::pollCommand(const char *type, int poll)
{
    if (m_send && poll > 0)
        m_send({{kType, QString::fromLatin1(type)}, {kPollField, poll}});
}

void VotingState::openPoll(int poll)
{
    pollCommand("poll.open", poll);
}

void VotingState::closePoll(int poll)
{
    pollCommand("poll.close", poll);
}

void VotingState::publishPoll(int poll)
{
    pollCommand("poll.publish", poll);
}

void VotingState::selectPoll(int poll)
{
    m_selectedPoll = poll;
    if (poll)
        m_dismissedPoll = 0;
    refresh();
}

} // namespace chamber::kiosk
