// A voting session from the network: each input line is a wire message, optionally prefixed
// "N|" to send it from delegate N's device (for proxies). Ballots are judged as the ballot
// service judges them (checkBallot, one ballot per voter, changes only where the poll allows);
// other commands are decided and applied, with the ballots and a real signature supplied when a
// poll closes or is published.
//
// Properties: nothing crashes; an accepted ballot is for an open poll, a member, a valid choice;
// a decided command's events apply; a closed poll counts exactly the accepted ballots; a
// published result verifies against the signing key; the state survives its snapshot.
#include "core/ballots.h"
#include "core/commands.h"
#include "core/reducer.h"
#include "protocol/ed25519.h"
#include "protocol/message.h"
#include "protocol/receipt.h"

#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>
#include <map>

using namespace chamber;

namespace {

void require(bool condition)
{
    if (!condition)
        std::abort();
}

struct Cast
{
    QString key;
    QString choice;
    core::BallotTarget target;
};
using PollCasts = std::map<qint64, Cast>; // delegate -> ballot

void applyAll(core::MeetingState &state, const std::vector<core::EventDraft> &drafts)
{
    for (const core::EventDraft &draft : drafts) {
        protocol::Event event;
        event.meeting = 1;
        event.seq = state.seq + 1;
        event.kind = draft.kind;
        event.time = QStringLiteral("2026-12-08T08:00:00.000Z");
        event.data = draft.data;
        event.prevHash = state.lastHash.isEmpty() ? protocol::genesisHash() : state.lastHash;
        event.seal();
        require(bool(core::apply(state, event))); // decided means applicable
    }
}

// Setup commands must succeed: a failure here is a broken fixture, not a finding.
void setup(core::MeetingState &state, const char *json)
{
    auto message = protocol::parseMessage(QByteArray(json), protocol::Direction::ToServer);
    require(bool(message));
    const bool creating = message->type() == QLatin1String("meeting.create");
    auto decision = creating ? core::decideCreate(1, *message) : core::decide(state, *message);
    if (!decision)
        qFatal("fixture: %s: %s", json, qPrintable(decision.error().message));
    applyAll(state, decision->events);
}

// Five members (weights 1,1,1,2,3), four present, delegate 5 gave a proxy to 1; poll 1 (named
// yes/no) is open, poll 2 (secret, candidates, changes allowed) and poll 3 (by weight) are drafts;
// devices 1 and 2 are bridge points.
core::MeetingState makeSession()
{
    core::MeetingState state;
    setup(state, R"({"type":"meeting.create","id":"1","title":"Fuzz","allowProxies":true})");
    const char *delegates[] = {
        R"({"type":"delegate.add","id":"2","meeting":1,"name":"A","seat":"S1","weight":1})",
        R"({"type":"delegate.add","id":"3","meeting":1,"name":"B","seat":"S2","weight":1})",
        R"({"type":"delegate.add","id":"4","meeting":1,"name":"C","seat":"S3","weight":1})",
        R"({"type":"delegate.add","id":"5","meeting":1,"name":"D","seat":"S4","weight":2})",
        R"({"type":"delegate.add","id":"6","meeting":1,"name":"E","seat":"S5","weight":3})",
    };
    for (const char *json : delegates)
        setup(state, json);
    for (int delegate = 1; delegate <= 4; ++delegate)
        setup(state,
            QByteArray(R"({"type":"attendance.checkIn","id":"c","meeting":1,"delegate":)")
                .append(QByteArray::number(delegate))
                .append('}')
                .constData());
    setup(state, R"({"type":"proxy.give","id":"p","meeting":1,"delegate":5,"holder":1})");
    // Two bridge points (remote sites, devices 1 and 2) that may be on the speaker list.
    for (qint64 device : {1, 2})
        applyAll(state,
            {{QStringLiteral("device.enrolled"),
                {{QStringLiteral("device"), device},
                    {QStringLiteral("role"), QStringLiteral("bridge")},
                    {QStringLiteral("label"), QStringLiteral("Site %1").arg(device)}}}});
    setup(state,
        R"({"type":"poll.create","id":"7","meeting":1,"title":"Motion","rule":{"preset":"majority-of-members"}})");
    setup(state,
        R"({"type":"poll.create","id":"8","meeting":1,"title":"Chair","secret":true,"allowChange":true,"choices":["X","Y"],"rule":{"preset":"simple-majority"}})");
    setup(state,
        R"({"type":"poll.create","id":"9","meeting":1,"title":"Weighted","rule":{"numerator":1,"denominator":2,"base":"cast","byWeight":true}})");
    setup(state, R"({"type":"poll.open","id":"10","meeting":1,"poll":1})");
    return state;
}

// The ballot service's judgement of a ballot against those already cast.
void castBallot(const core::MeetingState &state, std::map<qint64, PollCasts> &casts,
    const protocol::Message &command, qint64 castBy)
{
    const qint64 pollId = command.integer(QLatin1String("poll"));
    const qint64 delegate = command.integer(QLatin1String("delegate"));
    const QString choice = command.string(QLatin1String("choice"));
    const QString key = command.string(QLatin1String("key"));
    if (command.integer(QLatin1String("meeting")) != 1)
        return;
    auto target = core::checkBallot(state, pollId, delegate, castBy, choice);
    // The tablets' rule (votingRight) and the server's answer never disagree on a valid choice.
    const auto known = state.polls.find(pollId);
    if (known != state.polls.end() && known->second.validChoices().contains(choice))
        require(
            bool(target) == core::votingRight(state, known->second, delegate, castBy).mayVote());
    if (!target)
        return;
    const core::Poll &poll = state.polls.at(pollId);
    require(poll.state == core::PollState::Open);
    require(poll.validChoices().contains(choice));
    const core::Delegate *voter = state.roster.find(delegate);
    require(voter && voter->isMember());
    require(castBy == delegate || target->proxyHolder == castBy);
    PollCasts &pollCasts = casts[pollId];
    const auto existing = pollCasts.find(delegate);
    if (existing == pollCasts.end()) {
        pollCasts[delegate] = Cast {key, choice, *target};
        return;
    }
    if (existing->second.key != key || existing->second.choice == choice || !poll.allowChange)
        return; // another voter's ballot, the same ballot again, or no changes allowed
    existing->second.choice = choice;
}

core::PollBallots ballotsOf(const core::Poll &poll, const PollCasts &casts)
{
    core::PollBallots ballots;
    for (const auto &[delegate, cast] : casts) {
        ballots.voters.push_back(delegate);
        if (poll.secret)
            ballots.secret.push_back(
                {protocol::ballotReceipt(1, poll.id, cast.key), cast.choice, cast.target.weight});
        else
            ballots.named.push_back(
                {delegate, cast.choice, cast.target.weight, cast.target.proxyHolder});
    }
    return ballots;
}

void checkClosed(const core::Poll &poll, const PollCasts &casts)
{
    require(poll.closing.has_value());
    const core::PollClosing &closing = *poll.closing;
    require(closing.tally.ballots == qint64(casts.size()));
    std::map<QString, qint64> expected;
    for (const auto &[delegate, cast] : casts)
        expected[cast.choice] += poll.rule.byWeight ? cast.target.weight : 1;
    for (const QString &choice : poll.validChoices())
        require(closing.count(choice) == (expected.count(choice) ? expected[choice] : 0));
    require(closing.voters.size() == casts.size());
    // A secret poll's log must not say who voted how.
    if (poll.secret)
        require(closing.ballots.empty());
    // What the state holds can be written back and read again.
    require(core::PollClosing::fromJson(closing.toJson(poll.id)).ok());
}

void runCommand(core::MeetingState &state, std::map<qint64, PollCasts> &casts,
    const protocol::Message &command, const protocol::Ed25519Key &signingKey)
{
    core::DecisionContext context;
    context.now = QStringLiteral("2026-12-08T08:00:00.000Z");
    const qint64 pollId = command.integer(QLatin1String("poll"));
    const auto poll = state.polls.find(pollId);
    const bool known = command.integer(QLatin1String("meeting")) == 1 && poll != state.polls.end();
    if (known && command.type() == QLatin1String("poll.close"))
        context.ballots = ballotsOf(poll->second, casts[pollId]);
    if (known && command.type() == QLatin1String("poll.publish")) {
        const QByteArray bytes
            = protocol::resultSigningBytes(core::resultDocument(state, poll->second));
        context.signature = QString::fromLatin1(signingKey.sign(bytes).toBase64());
        context.publicKey = QString::fromLatin1(signingKey.publicKey().toBase64());
    }
    auto decision = core::decide(state, command, context);
    if (!decision)
        return;
    applyAll(state, decision->events);
    if (!known)
        return;
    const core::Poll &after = state.polls.at(pollId);
    if (command.type() == QLatin1String("poll.close"))
        checkClosed(after, casts[pollId]);
    if (command.type() == QLatin1String("poll.publish")) {
        require(after.state == core::PollState::Published);
        require(bool(protocol::verifyResult(after.published, signingKey.publicKey())));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const core::MeetingState session = makeSession();
    static const protocol::Ed25519Key signingKey = protocol::Ed25519Key::generate().value();
    core::MeetingState state = session;
    std::map<qint64, PollCasts> casts;
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    for (QByteArray line : input.split('\n')) {
        qint64 sender = 0;
        if (line.size() > 2 && line.at(1) == '|' && line.at(0) >= '1' && line.at(0) <= '9') {
            sender = line.at(0) - '0';
            line = line.mid(2);
        }
        auto message = protocol::parseMessage(line, protocol::Direction::ToServer);
        if (!message || message->spec->kind != protocol::MessageKind::Command
            || message->type() == QLatin1String("meeting.create"))
            continue;
        if (message->type() == QLatin1String("ballot.cast"))
            castBallot(state, casts, *message,
                sender ? sender : message->integer(QLatin1String("delegate")));
        else
            runCommand(state, casts, *message, signingKey);
    }
    // What a restarted server or a joining kiosk rebuilds from must be the same state.
    const QJsonObject snapshot = state.toJson();
    auto restored = core::MeetingState::fromJson(snapshot);
    require(restored && restored->toJson() == snapshot);
    return 0;
}
