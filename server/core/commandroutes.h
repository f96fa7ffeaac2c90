// Internal to the core: the command tables of commands.cpp, pollcommands.cpp,
// speakercommands.cpp and documentcommands.cpp, and the small helpers they share.
#pragma once

#include "core/commands.h"

#include <span>

namespace chamber::core {

using Decider = Result<Decision> (*)(
    const MeetingState &, const protocol::Message &, const DecisionContext &);

struct CommandRoute
{
    const char *type;
    Decider decider;
};

std::span<const CommandRoute> pollRoutes();
std::span<const CommandRoute> speakerRoutes();
std::span<const CommandRoute> documentRoutes();
std::span<const CommandRoute> conclusionRoutes();

Decision singleEvent(const QString &kind, const QJsonObject &data, const QJsonObject &result = {});
Decision unchangedDecision(const QJsonObject &result = {});
Error notFoundError(const QString &what, qint64 id, const QString &field);

} // namespace chamber::core
