// Deciding commands: a command is checked against the current state and, if valid, turned into
// the events that record it. Nothing here changes state; see reducer.h for applying events.
#pragma once

#include "core/meeting.h"
#include "protocol/message.h"

#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace chamber::core {

struct EventDraft
{
    QString kind;
    QJsonObject data;
};

struct Decision
{
    // Empty when the command asks for what is already true (check in a present delegate):
    // that is a success that changes nothing, not an error.
    std::vector<EventDraft> events;
    QJsonObject result;
};

// What a decision may need beyond the meeting's state, supplied by the services: the time the
// events will carry, the ballots when a poll closes (they are not in the meeting's log), the
// signature when a result is published.
struct DecisionContext
{
    QString now;
    std::optional<PollBallots> ballots;
    QString signature; // base64 Ed25519 signature of resultDocument()
    QString publicKey; // base64 raw Ed25519 public key
};

// For every command type except meeting.create. The meeting exists.
Result<Decision> decide(const MeetingState &state, const protocol::Message &command,
    const DecisionContext &context = {});
// meeting.create: the server chooses the new meeting's id.
Result<Decision> decideCreate(qint64 meetingId, const protocol::Message &command);

// A delegate list checked against the meeting as delegate.import would check it (the file's
// own problems and seats already taken), without deciding anything: the workspace's preview
// before an import, and the import itself.
struct DelegateCsv;
DelegateCsv checkDelegateImport(const MeetingState &state, const QString &csvText);

// Command types decide() handles, for the service to route and for tests to cover them all.
std::vector<QString> meetingCommandTypes();

} // namespace chamber::core
