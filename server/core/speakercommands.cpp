// The speaker list: requests, withdrawals, the chair's reordering, giving and ending the floor,
// and the time limit, for delegates and bridge points alike. Speaking time is recorded in the
// log when a speech ends.
#include "core/commandroutes.h"

#include <array>

namespace chamber::core {

namespace {

using protocol::Message;

const QLatin1String kDelegate("delegate");
const QLatin1String kBridge("bridge");

// What the messages call a speaker: the delegate's name, or the bridge point's label.
QString nameOf(const MeetingState &state, const Speaker &speaker)
{
    if (speaker.isBridge()) {
        const auto device = state.devices.find(speaker.id);
        const QString label = device == state.devices.end() ? QString() : device->second.label;
        return label.isEmpty() ? QStringLiteral("bridge point %1").arg(speaker.id) : label;
    }
    const Delegate *delegate = state.roster.find(speaker.id);
    return delegate ? delegate->name : QStringLiteral("delegate %1").arg(speaker.id);
}

// The speaker a command names: exactly one of `delegate` (a delegate of the meeting) or
// `bridge` (an enrolled, unrevoked device of role bridge). Neither: nobody, or an error when
// the command needs someone.
Result<Speaker> namedSpeaker(const MeetingState &state, const Message &command, bool required)
{
    const bool hasDelegate = command.has(kDelegate);
    const bool hasBridge = command.has(kBridge);
    if (hasDelegate && hasBridge)
        return makeError(ErrorCode::BadField,
            QStringLiteral("name either a delegate or a bridge, not both"), QString(kBridge));
    if (!hasDelegate && !hasBridge) {
        if (!required)
            return Speaker {};
        return makeError(ErrorCode::MissingField,
            QStringLiteral("delegate or bridge is required (who speaks)"), QString(kDelegate));
    }
    if (hasDelegate) {
        const qint64 id = command.integer(kDelegate);
        if (!state.roster.find(id))
            return notFoundError(QStringLiteral("delegate"), id, QString(kDelegate));
        return Speaker::delegate(id);
    }
    const qint64 id = command.integer(kBridge);
    const auto device = state.devices.find(id);
    if (device == state.devices.end() || device->second.role != QLatin1String("bridge"))
        return makeError(ErrorCode::NotFound,
            QStringLiteral("device %1 is not a bridge point of this meeting").arg(id),
            QString(kBridge));
    if (device->second.revoked)
        return makeError(ErrorCode::NotFound, QStringLiteral("bridge point %1 was revoked").arg(id),
            QString(kBridge));
    return Speaker::bridge(id);
}

QJsonObject naming(const Speaker &speaker)
{
    return {{speaker.field(), speaker.id}};
}

// The events that end the current speech (none if nobody has the floor).
std::vector<EventDraft> endCurrent(const MeetingState &state, const DecisionContext &context)
{
    const Speaker &current = state.speakers.current;
    if (current.isNobody())
        return {};
    QJsonObject data = naming(current);
    data.insert(
        QStringLiteral("durationMs"), millisecondsBetween(state.speakers.since, context.now));
    return {EventDraft {QStringLiteral("speaker.ended"), data}};
}

Result<Decision> request(const MeetingState &state, const Message &command, const DecisionContext &)
{
    auto speaker = namedSpeaker(state, command, true);
    if (!speaker)
        return speaker.error();
    const SpeakerState &speakers = state.speakers;
    if (speakers.current == *speaker || speakers.positionOf(*speaker) >= 0)
        return unchangedDecision({{QStringLiteral("position"), speakers.positionOf(*speaker)}});
    return singleEvent(QStringLiteral("speaker.requested"), naming(*speaker),
        {{QStringLiteral("position"), qint64(speakers.queue.size())}});
}

Result<Decision> withdraw(
    const MeetingState &state, const Message &command, const DecisionContext &)
{
    auto speaker = namedSpeaker(state, command, true);
    if (!speaker)
        return speaker.error();
    if (state.speakers.positionOf(*speaker) < 0)
        return unchangedDecision();
    return singleEvent(QStringLiteral("speaker.withdrawn"), naming(*speaker));
}

Result<Decision> move(const MeetingState &state, const Message &command, const DecisionContext &)
{
    auto speaker = namedSpeaker(state, command, true);
    if (!speaker)
        return speaker.error();
    const qint64 from = state.speakers.positionOf(*speaker);
    if (from < 0)
        return makeError(ErrorCode::Conflict,
            QStringLiteral("%1 is not waiting to speak").arg(nameOf(state, *speaker)),
            speaker->field());
    const qint64 to = command.integer(QLatin1String("position"));
    if (to >= qint64(state.speakers.queue.size()))
        return makeError(ErrorCode::Invalid,
            QStringLiteral("position %1 is outside 0..%2")
                .arg(to)
                .arg(state.speakers.queue.size() - 1),
            QStringLiteral("position"));
    if (to == from)
        return unchangedDecision();
    QJsonObject data = naming(*speaker);
    data.insert(QStringLiteral("position"), to);
    return singleEvent(QStringLiteral("speaker.moved"), data);
}

Result<Decision> grant(
    const MeetingState &state, const Message &command, const DecisionContext &context)
{
    // Without a name: the first in the queue, delegate or site.
    auto named = namedSpeaker(state, command, false);
    if (!named)
        return named.error();
    Speaker next = *named;
    if (next.isNobody()) {
        if (state.speakers.queue.empty())
            return makeError(ErrorCode::Conflict, QStringLiteral("nobody is waiting to speak"));
        next = state.speakers.queue.front();
    }
    const qint64 limit = command.has(QLatin1String("limitSeconds"))
        ? command.integer(QLatin1String("limitSeconds"))
        : state.speakers.defaultLimitSeconds;
    if (next == state.speakers.current && limit == state.speakers.limitSeconds)
        return unchangedDecision();
    Decision decision;
    decision.events = endCurrent(state, context);
    QJsonObject granted = naming(next);
    granted.insert(QStringLiteral("limitSeconds"), limit);
    decision.events.push_back(EventDraft {QStringLiteral("speaker.granted"), granted});
    decision.result = naming(next);
    return decision;
}

Result<Decision> end(const MeetingState &state, const Message &, const DecisionContext &context)
{
    if (state.speakers.current.isNobody())
        return unchangedDecision();
    return Decision {endCurrent(state, context), {}};
}

Result<Decision> setLimit(
    const MeetingState &state, const Message &command, const DecisionContext &)
{
    const qint64 seconds = command.integer(QLatin1String("seconds"));
    if (seconds == state.speakers.defaultLimitSeconds)
        return unchangedDecision();
    return singleEvent(QStringLiteral("speaker.limitSet"), {{QStringLiteral("seconds"), seconds}});
}

constexpr std::array kSpeakerRoutes {
    CommandRoute {"speaker.request", request},
    CommandRoute {"speaker.withdraw", withdraw},
    CommandRoute {"speaker.move", move},
    CommandRoute {"speaker.grant", grant},
    CommandRoute {"speaker.end", end},
    CommandRoute {"speaker.setLimit", setLimit},
};

} // namespace

std::span<const CommandRoute> speakerRoutes()
{
    return kSpeakerRoutes;
}

} // namespace chamber::core
