// REST and WebSocket ways in to councils (issue 15): the council, its members and organisations,
// tasks and their notes and attachments, the follow-up board, a task's history, and the meeting
// commands of councils (conclusions, the overdue agenda item, what tally screens show). Every
// route and message is authorized by services/permissions.cpp first (a device only in its
// meeting's council, a liaison only in its own); the task rules (whose task it is) are the
// council's own, given the CouncilActor computed here from the principal.
#pragma once

#include "api/router.h"
#include "core/council.h"
#include "protocol/message.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

namespace chamber::services {
class Clock;
class CouncilService;
class DocumentService;
class MeetingService;
} // namespace chamber::services

namespace chamber::api {

class RestApi;
class WebSocketHub;

// What the council's task rules need to know of a principal: the secretary (admin token, admin
// and secretary accounts, the chair console), or a task owner (a liaison account's
// organisation, a seat tablet's council member), or neither.
core::CouncilActor councilActor(
    const services::Principal &principal, const services::CouncilService &councils, qint64 council);

// A board query from the fields of a URL query or a board.read message; refused (BadField,
// naming it) when malformed.
Result<core::BoardQuery> boardQuery(const std::function<QString(const char *)> &field);

class CouncilApi : public QObject
{
    Q_OBJECT

public:
    CouncilApi(RestApi &rest, services::MeetingService &meetings,
        services::CouncilService &councils, services::DocumentService &documents,
        const services::Clock &clock, QObject *parent = nullptr);
    void registerRoutes(Router &router);
    // Council messages over WebSocket, and board.changed pushes to the subscribers of the
    // council's meetings.
    void attach(WebSocketHub &hub);

    // The council a message acts on: its `council` field, else its meeting's (`meeting`, or
    // for a device naming neither, its own meeting's).
    qint64 councilOf(const services::Principal &principal, const protocol::Message &message) const;
    // Answers an authorized council message (command, board.read, task.history).
    QJsonObject handleMessage(
        const services::Principal &principal, const protocol::Message &message, qint64 council);

private:
    HttpReply councilCommand(const RouteContext &context, const char *type,
        std::initializer_list<const char *> pathFields, int successStatus = 200);
    HttpReply listCouncils(const RouteContext &context) const;
    HttpReply readCouncil(const RouteContext &context) const;
    HttpReply councilEvents(const RouteContext &context) const;
    HttpReply listTasks(const RouteContext &context) const;
    HttpReply taskHistory(const RouteContext &context) const;
    HttpReply board(const RouteContext &context, qint64 council) const;
    HttpReply attachToTask(const RouteContext &context);
    // Whether the principal may read (or, `changes`, change) the task: NotFound for an unknown
    // one; Forbidden for another owner's task when the principal's reach is its own tasks
    // (decided before anything is read or stored).
    Status checkTaskAccess(
        const services::Principal &principal, qint64 council, qint64 task, bool changes) const;
    std::optional<core::TaskAttachment> attachment(qint64 council, const QString &sha256) const;

    RestApi &m_rest;
    services::MeetingService &m_meetings;
    services::CouncilService &m_councils;
    services::DocumentService &m_documents;
    const services::Clock &m_clock;
    // PDFs uploaded as task attachments in this run, by content hash: what task.note names.
    QHash<QString, core::TaskAttachment> m_uploaded;
};

} // namespace chamber::api
