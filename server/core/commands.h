// Deciding commands: a command is checked against the current state and, if valid, turned into
// the events that record it. Nothing here changes state; see reducer.h for applying events.
#pragma once

#include "core/meeting.h"
#include "protocol/message.h"

#include <QDateTime>
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

// A task of the meeting's council that is overdue now, for agenda.addOverdue.
struct OverdueTask
{
    qint64 task = 0;
    QString title;
    QString owner; // the owner's name
    QDateTime deadline;
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
    // agenda.addOverdue: the council's overdue tasks at `now`, by deadline (the council
    // service supplies them; the meeting's state knows only its council's id).
    std::vector<OverdueTask> overdueTasks;
    // The council the meeting belongs to (0: none): set at creation, or by the adoption of a
    // meeting older than councils, which its own log does not record.
    qint64 council = 0;
};

// For every command type except meeting.create. The meeting exists.
Result<Decision> decide(const MeetingState &state, const protocol::Message &command,
    const DecisionContext &context = {});
// meeting.create: the server chooses the new meeting's id. With a council, `roster` holds its
// active members: each becomes a delegate (same id as the member, data carries `member`), and
// `councilName` is the meeting's organisation unless the command gives one.
struct Member;
Result<Decision> decideCreate(qint64 meetingId, const protocol::Message &command,
    const std::vector<Member> *roster = nullptr, const QString &councilName = {});

// A delegate list checked against the meeting as delegate.import would check it (the file's
// own problems and seats already taken), without deciding anything: the workspace's preview
// before an import, and the import itself.
struct DelegateCsv;
DelegateCsv checkDelegateImport(const MeetingState &state, const QString &csvText);

// Command types decide() handles, for the service to route and for tests to cover them all.
std::vector<QString> meetingCommandTypes();

} // namespace chamber::core
