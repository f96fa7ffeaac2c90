// Applying events: the only code that changes a MeetingState. Replaying a meeting's log through
// apply() rebuilds exactly the state the server had.
#pragma once

#include "core/meeting.h"
#include "protocol/event.h"

namespace chamber::core {

// The event must be the next one of this meeting (seq == state.seq + 1). Events in a log were
// validated when they were decided, so a failure here means the log is damaged or was written
// by a newer server; the caller must stop rather than guess.
Status apply(MeetingState &state, const protocol::Event &event);

// Event kinds apply() understands, so tests can check each one is produced and replayed.
std::vector<QString> eventKinds();

} // namespace chamber::core
