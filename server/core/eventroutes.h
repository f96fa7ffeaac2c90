// Applying a log's events through a table of (event kind, reducer): the one dispatch that
// meetings and councils share, with the check that an event is the next one of its own log.
#pragma once

#include "protocol/error.h"
#include "protocol/event.h"

#include <QString>

#include <span>
#include <vector>

namespace chamber::core {

template<typename State>
struct EventRoute
{
    const char *kind;
    Status (*reducer)(State &, const protocol::Event &);
};

// An event its log should not hold: the log is damaged or was written by a newer server.
// `log` names the kind of log ("meeting", "council"); Event::meeting holds its id either way.
inline Error damagedEvent(const protocol::Event &event, const char *log, const QString &why)
{
    return makeError(ErrorCode::Internal,
        QStringLiteral("%1 %2, event %3 (%4): %5")
            .arg(QLatin1String(log))
            .arg(event.meeting)
            .arg(event.seq)
            .arg(event.kind, why));
}

template<typename State>
Status applyThroughRoutes(State &state, const protocol::Event &event,
    std::span<const EventRoute<State>> routes, const char *log)
{
    if (event.seq != state.seq + 1 || (state.id != 0 && event.meeting != state.id))
        return damagedEvent(event, log,
            QStringLiteral("expected event %1 of %2 %3")
                .arg(state.seq + 1)
                .arg(QLatin1String(log))
                .arg(state.id));
    for (const EventRoute<State> &route : routes) {
        if (event.kind == QLatin1String(route.kind)) {
            Status applied = route.reducer(state, event);
            if (applied) {
                state.seq = event.seq;
                state.lastHash = event.hash;
            }
            return applied;
        }
    }
    return damagedEvent(
        event, log, QStringLiteral("unknown event kind (written by a newer chamberd?)"));
}

template<typename State>
std::vector<QString> routedEventKinds(std::span<const EventRoute<State>> routes)
{
    std::vector<QString> kinds;
    for (const EventRoute<State> &route : routes)
        kinds.push_back(QString::fromLatin1(route.kind));
    return kinds;
}

} // namespace chamber::core
