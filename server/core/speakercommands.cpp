// The speaker list: requests, withdrawals, the chair's reordering, giving and ending the floor,
// and the time limit. Speaking time is recorded in the log when a speech ends.
#include "core/commandroutes.h"

#include <array>

namespace chamber::core {

namespace {

using protocol::Message;

const QLatin1String kDelegate("delegate");

Result<const Delegate *> findDelegate(const MeetingState &state, const Message &command)
{
    const qint64 id = command.integer(kDelegate);
    const Delegate *delegate = state.roster.find(id);
    if (!delegate)
        return notFoundError(QStringLiteral("delegate"), id, QStringLiteral("delegate"));
    return delegate;
}

// The events that end the current speech (none if nobody has the floor).
std::vector<EventDraft> endCurrent(const MeetingState &state, const DecisionContext &context)
{
    if (!state.speakers.current)
        return {};
    return {EventDraft {QStringLiteral("speaker.ended"),
        {{kDelegate, state.speakers.current},
            {QStringLiteral("durationMs"),
                millisecondsBetween(state.speakers.since, context.now)}}}};
}

Result<Decision> request(const MeetingState &state, const Message &command, const DecisionContext &)
{
    auto delegate = findDelegate(state, command);
    if (!delegate)
        return delegate.error();
    const qint64 id = (*delegate)->id;
    if (state.speakers.current == id || state.speakers.positionOf(id) >= 0)
        return unchangedDecision({{QStringLiteral("position"), state.speakers.positionOf(id)}});
    return singleEvent(QStringLiteral("speaker.requested"), {{kDelegate, id}},
        {{QStringLiteral("position"), qint64(state.speakers.queue.size())}});
}

Result<Decision> withdraw(
    const MeetingState &state, const Message &command, const DecisionContext &)
{
    auto delegate = findDelegate(state, command);
    if (!delegate)
        return delegate.error();
    if (state.speakers.positionOf((*delegate)->id) < 0)
        return unchangedDecision();
    return singleEvent(QStringLiteral("speaker.withdrawn"), {{kDelegate, (*delegate)->id}});
}

Result<Decision> move(const MeetingState &state, const Message &command, const DecisionContext &)
{
    auto delegate = findDelegate(state, command);
    if (!delegate)
        return delegate.error();
    const qint64 from = state.speakers.positionOf((*delegate)->id);
    if (from < 0)
        return makeError(ErrorCode::Conflict,
            QStringLiteral("%1 is not waiting to speak").arg((*delegate)->name),
            QStringLiteral("delegate"));
    const qint64 to = command.integer(QLatin1String("position"));
    if (to >= qint64(state.speakers.queue.size()))
        return makeError(ErrorCode::Invalid,
            QStringLiteral("position %1 is outside 0..%2")
                .arg(to)
                .arg(state.speakers.queue.size() - 1),
            QStringLiteral("position"));
    if (to == from)
        return unchangedDecision();
    return singleEvent(QStringLiteral("speaker.moved"),
        {{kDelegate, (*delegate)->id}, {QStringLiteral("position"), to}});
}

Result<Decision> grant(
    const MeetingState &state, const Message &command, const DecisionContext &context)
{
    qint64 next = 0;
    if (command.has(kDelegate)) {
        auto delegate = findDelegate(state, command);
        if (!delegate)
            return delegate.error();
        next = (*delegate)->id;
    } else if (!state.speakers.queue.empty()) {
        next = state.speakers.queue.front();
    } else {
        return makeError(ErrorCode::Conflict, QStringLiteral("nobody is waiting to speak"));
    }
    const qint64 limit = command.has(QLatin1String("limitSeconds"))
        ? command.integer(QLatin1String("limitSeconds"))
        : state.speakers.defaultLimitSeconds;
    if (next == state.speakers.current && limit == state.speakers.limitSeconds)
        return unchangedDecision();
    Decision decision;
    decision.events = endCurrent(state, context);
    decision.events.push_back(EventDraft {QStringLiteral("speaker.granted"),
        {{kDelegate, next}, {QStringLiteral("limitSeconds"), limit}}});
    decision.result = {{kDelegate, next}};
    return decision;
}

Result<Decision> end(const MeetingState &state, const Message &, const DecisionContext &context)
{
    if (!state.speakers.current)
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
