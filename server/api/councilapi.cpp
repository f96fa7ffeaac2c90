#include "api/councilapi.h"

#include "api/restapi.h"
#include "api/websockethub.h"
#include "core/meeting.h"
#include "services/clock.h"
#include "services/councilservice.h"
#include "services/documentservice.h"
#include "services/meetingservice.h"
#include "services/permissions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace chamber::api {

namespace {

using Method = HttpMethod;
using services::Principal;

bool isSecretaryLevel(const Principal &principal)
{
    if (principal.isAdmin())
        return true;
    if (principal.isAccount())
        return principal.accountRole == services::AccountRole::Admin
            || principal.accountRole == services::AccountRole::Secretary;
    return principal.isDevice() && principal.role == services::DeviceRole::Chair;
}

// A principal whose reach is its own tasks (a liaison, a seat's tablet), as opposed to one who
// reads the whole board (the secretary, observers, the other devices).
bool seesOwnTasksOnly(const Principal &principal)
{
    return principal.isLiaison()
        || (principal.isDevice() && principal.role == services::DeviceRole::Delegate);
}

QString queryValue(const QUrlQuery &query, const char *key)
{
    return query.queryItemValue(QLatin1String(key), QUrl::FullyDecoded);
}

Error badField(const char *field, const QString &why)
{
    return makeError(ErrorCode::BadField, why, QString::fromLatin1(field));
}

// A whole number from a query or message field; nullopt when absent.
Result<std::optional<qint64>> wholeNumber(
    const std::function<QString(const char *)> &field, const char *name, qint64 least, qint64 most)
{
    const QString text = field(name);
    if (text.isNull())
        return std::optional<qint64>();
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < least || value > most || QString::number(value) != text)
        return badField(name,
            QStringLiteral("%1 must be a whole number from %2 to %3")
                .arg(QLatin1String(name))
                .arg(least)
                .arg(most));
    return std::optional<qint64>(value);
}

QJsonObject councilSummary(const core::CouncilState &state)
{
    QJsonObject json = state.toJson();
    json.insert(QStringLiteral("members"), qint64(state.members.size()));
    json.insert(QStringLiteral("organisations"), qint64(state.organisations.size()));
    json.insert(QStringLiteral("meetings"), qint64(state.meetings.size()));
    return json;
}

} // namespace

core::CouncilActor councilActor(
    const Principal &principal, const services::CouncilService &councils, qint64 council)
{
    core::CouncilActor actor;
    actor.secretary = isSecretaryLevel(principal);
    if (principal.isLiaison() && principal.council == council)
        actor.owner = core::TaskOwner {core::TaskOwner::Kind::Organisation, principal.organisation};
    if (principal.isDevice() && principal.role == services::DeviceRole::Delegate
        && councils.councilOfMeeting(principal.meeting) == council) {
        if (const auto member = councils.memberOfDelegate(principal.meeting, principal.delegate))
            actor.owner = core::TaskOwner {core::TaskOwner::Kind::Member, *member};
    }
    return actor;
}

Result<core::BoardQuery> boardQuery(const std::function<QString(const char *)> &field)
{
    core::BoardQuery query;
    auto origin = wholeNumber(field, "origin", 1, 9007199254740991LL);
    auto page = wholeNumber(field, "page", 1, 100000);
    auto pageSize = wholeNumber(field, "pageSize", 1, core::kMaxBoardPageSize);
    auto owner = wholeNumber(field, "owner", 1, 9007199254740991LL);
    for (const auto *number : {&origin, &page, &pageSize, &owner}) {
        if (!*number)
            return number->error();
    }
    query.originMeeting = origin->value_or(0);
    query.page = int(page->value_or(1));
    query.pageSize = int(pageSize->value_or(50));
    const QString kind = field("ownerKind");
    if (owner->has_value() != !kind.isNull())
        return badField(owner->has_value() ? "ownerKind" : "owner",
            QStringLiteral("owner and ownerKind go together"));
    if (owner->has_value()) {
        const auto ownerKind = core::ownerKindFromName(kind);
        if (!ownerKind)
            return badField(
                "ownerKind", QStringLiteral("ownerKind must be member or organisation"));
        query.owner = core::TaskOwner {*ownerKind, **owner};
    }
    const QString status = field("status");
    if (!status.isNull()) {
        if (!core::taskColourFromName(status) && !core::taskStatusFromName(status))
            return badField("status",
                QStringLiteral("status must be a colour (onTime, dueSoon, overdue, done, "
                               "cancelled) or a status (open, inProgress, done, cancelled)"));
        query.status = status;
    }
    return query;
}

CouncilApi::CouncilApi(RestApi &rest, services::MeetingService &meetings,
    services::CouncilService &councils, services::DocumentService &documents,
    const services::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_rest(rest)
    , m_meetings(meetings)
    , m_councils(councils)
    , m_documents(documents)
    , m_clock(clock)
{
    m_councils.setAttachmentLookup(
        [this](qint64 council, const QString &sha256) { return attachment(council, sha256); });
}

std::optional<core::TaskAttachment> CouncilApi::attachment(qint64, const QString &sha256) const
{
    const auto found = m_uploaded.constFind(sha256);
    if (found == m_uploaded.constEnd())
        return std::nullopt;
    return *found;
}

void CouncilApi::attach(WebSocketHub &hub)
{
    hub.setCouncilHandlers(
        [this](const Principal &principal, const protocol::Message &message) {
            return councilOf(principal, message);
        },
        [this](const Principal &principal, const protocol::Message &message, qint64 council) {
            return handleMessage(principal, message, council);
        });
    // Screens refetch the board when it changes: after council events, and when the clock
    // passes a colour boundary. Sent to the subscribers of every meeting of the council.
    connect(&m_councils, &services::CouncilService::boardChanged, &hub,
        [this, hub = &hub](qint64 council, qint64 seq) {
            const QByteArray frame = protocol::toFrame(
                QJsonObject {{QStringLiteral("type"), QStringLiteral("board.changed")},
                    {QStringLiteral("council"), council}, {QStringLiteral("seq"), seq}});
            hub->pushToSubscribers(
                [this, council](
                    qint64 meeting) { return m_councils.councilOfMeeting(meeting) == council; },
                frame);
        });
}

qint64 CouncilApi::councilOf(const Principal &principal, const protocol::Message &message) const
{
    if (message.has(QLatin1String("council")))
        return message.integer(QLatin1String("council"));
    if (message.has(QLatin1String("meeting")))
        return m_councils.councilOfMeeting(message.integer(QLatin1String("meeting")));
    if (principal.isDevice())
        return m_councils.councilOfMeeting(principal.meeting);
    if (principal.isLiaison())
        return principal.council;
    return 0;
}

QJsonObject CouncilApi::handleMessage(
    const Principal &principal, const protocol::Message &message, qint64 council)
{
    const QLatin1String type(message.spec->type);
    if (type == QLatin1String("board.read")) {
        if (!m_councils.council(council))
            return protocol::errorReply(message.id, services::councilNotFound(council));
        auto query = boardQuery([&message](const char *name) -> QString {
            const QJsonValue value = message.body.value(QLatin1String(name));
            if (value.isUndefined())
                return QString();
            return value.isDouble() ? QString::number(value.toInteger()) : value.toString();
        });
        if (!query)
            return protocol::errorReply(message.id, query.error());
        return protocol::okReply(message.id, m_councils.board(council, *query));
    }
    if (type == QLatin1String("task.history")) {
        const qint64 task = message.integer(QLatin1String("task"));
        if (auto access = checkTaskAccess(principal, council, task, false); !access)
            return protocol::errorReply(message.id, access.error());
        auto history = m_councils.taskHistory(council, task);
        if (!history)
            return protocol::errorReply(message.id, history.error());
        return protocol::okReply(message.id, *history);
    }
    return m_councils.execute(principal, message, councilActor(principal, m_councils, council));
}

HttpReply CouncilApi::councilCommand(const RouteContext &context, const char *type,
    std::initializer_list<const char *> pathFields, int successStatus)
{
    auto message = RestApi::commandMessage(context, type, pathFields);
    if (!message)
        return HttpReply::error(message.error());
    const qint64 council = message->integer(QLatin1String("council"));
    return RestApi::commandReply(m_councils.execute(context.principal, *message,
                                     councilActor(context.principal, m_councils, council)),
        successStatus);
}

HttpReply CouncilApi::listCouncils(const RouteContext &context) const
{
    QJsonArray list;
    for (const core::CouncilState *state : m_councils.councils()) {
        // A liaison sees its own council only; the others are not even named.
        if (services::allows(context.principal, services::Operation::ReadCouncil, 0, state->id))
            list.append(councilSummary(*state));
    }
    return HttpReply::json(200, QJsonObject {{QStringLiteral("councils"), list}});
}

HttpReply CouncilApi::readCouncil(const RouteContext &context) const
{
    const core::CouncilState *state = m_councils.council(context.ids.at(0));
    if (!state)
        return HttpReply::error(services::councilNotFound(context.ids.at(0)));
    return HttpReply::json(200, state->toJson());
}

HttpReply CouncilApi::councilEvents(const RouteContext &context) const
{
    const qint64 council = context.ids.at(0);
    if (!m_councils.council(council))
        return HttpReply::error(services::councilNotFound(council));
    const QUrlQuery query(context.request.url());
    auto after = wholeNumber(
        [&query](const char *key) {
            return query.hasQueryItem(QLatin1String(key)) ? queryValue(query, key) : QString();
        },
        "after", 0, 9007199254740991LL);
    if (!after)
        return HttpReply::error(after.error());
    auto events = m_councils.eventsAfter(council, after->value_or(0));
    if (!events)
        return HttpReply::error(events.error());
    HttpReply reply;
    reply.contentType = "application/x-ndjson";
    for (const protocol::Event &event : events.value())
        reply.body += protocol::toFrame(services::councilEventJson(event)) + '\n';
    return reply;
}

Status CouncilApi::checkTaskAccess(
    const Principal &principal, qint64 council, qint64 task, bool changes) const
{
    const core::CouncilState *state = m_councils.council(council);
    if (!state)
        return services::councilNotFound(council);
    const core::Task *found = state->task(task);
    if (!found)
        return makeError(ErrorCode::NotFound, QStringLiteral("task %1 does not exist").arg(task),
            QStringLiteral("task"));
    // Readers of the whole board read every task's history; owners their own tasks.
    const bool ownerOnly = changes ? !isSecretaryLevel(principal) : principal.isLiaison();
    if (!ownerOnly)
        return success();
    const core::CouncilActor actor = councilActor(principal, m_councils, council);
    if (!actor.owner || !(*actor.owner == found->owner))
        return makeError(ErrorCode::Forbidden,
            QStringLiteral("task %1 belongs to another owner; an owner acts on its own tasks only")
                .arg(task));
    return success();
}

HttpReply CouncilApi::taskHistory(const RouteContext &context) const
{
    const qint64 council = context.ids.at(0);
    const qint64 task = context.ids.at(1);
    if (auto access = checkTaskAccess(context.principal, council, task, false); !access)
        return HttpReply::error(access.error());
    auto history = m_councils.taskHistory(council, task);
    if (!history)
        return HttpReply::error(history.error());
    return HttpReply::json(200, *history);
}

HttpReply CouncilApi::listTasks(const RouteContext &context) const
{
    const qint64 council = context.ids.at(0);
    const core::CouncilState *state = m_councils.council(council);
    if (!state)
        return HttpReply::error(services::councilNotFound(council));
    const QUrlQuery url(context.request.url());
    auto query = boardQuery([&url](const char *key) {
        return url.hasQueryItem(QLatin1String(key)) ? queryValue(url, key) : QString();
    });
    if (!query)
        return HttpReply::error(query.error());
    // A liaison and a seat's tablet see their own tasks only (none when the seat's delegate
    // is nobody of the council: a guest).
    std::optional<core::TaskOwner> only;
    if (seesOwnTasksOnly(context.principal)) {
        const core::CouncilActor actor = councilActor(context.principal, m_councils, council);
        if (!actor.owner)
            return HttpReply::json(200,
                QJsonObject {
                    {QStringLiteral("council"), council}, {QStringLiteral("tasks"), QJsonArray()}});
        if (query->owner && !(*query->owner == *actor.owner))
            return HttpReply::error(makeError(
                ErrorCode::Forbidden, QStringLiteral("an owner lists its own tasks only")));
        only = actor.owner;
    }
    const QDateTime now = m_clock.now();
    QJsonArray tasks;
    for (const auto &[id, task] : state->tasks) {
        if (only && !(task.owner == *only))
            continue;
        if (query->owner && !(task.owner == *query->owner))
            continue;
        if (query->originMeeting && task.originMeeting != query->originMeeting)
            continue;
        const QJsonObject json = core::taskJson(*state, task, now);
        if (!query->status.isEmpty()
            && json.value(QLatin1String("colour")).toString() != query->status
            && json.value(QLatin1String("status")).toString() != query->status)
            continue;
        tasks.append(json);
    }
    return HttpReply::json(200,
        QJsonObject {{QStringLiteral("council"), council}, {QStringLiteral("tasks"), tasks},
            {QStringLiteral("now"), now.toString(Qt::ISODateWithMs)}});
}

HttpReply CouncilApi::board(const RouteContext &context, qint64 council) const
{
    if (!m_councils.council(council))
        return HttpReply::error(services::councilNotFound(council));
    const QUrlQuery url(context.request.url());
    auto query = boardQuery([&url](const char *key) {
        return url.hasQueryItem(QLatin1String(key)) ? queryValue(url, key) : QString();
    });
    if (!query)
        return HttpReply::error(query.error());
    return HttpReply::json(200, m_councils.board(council, *query));
}

HttpReply CouncilApi::attachToTask(const RouteContext &context)
{
    const qint64 council = context.ids.at(0);
    const qint64 task = context.ids.at(1);
    // Whose task it is, before the file is looked at: a refused owner stores nothing.
    if (auto access = checkTaskAccess(context.principal, council, task, true); !access)
        return HttpReply::error(access.error());
    const QUrlQuery url(context.request.url());
    if (!url.hasQueryItem(QStringLiteral("name")))
        return HttpReply::error(makeError(ErrorCode::MissingField,
            QStringLiteral("the attachment's file name is required (?name=)"),
            QStringLiteral("name")));
    const QByteArray name = QByteArray::fromPercentEncoding(
        url.queryItemValue(QStringLiteral("name"), QUrl::FullyEncoded).toLatin1());
    auto stored = m_documents.storeAttachment(name, context.request.body());
    if (!stored)
        return HttpReply::error(stored.error());
    const core::TaskAttachment attachment {
        stored->sha256, stored->name, stored->size, stored->pages};
    m_uploaded.insert(attachment.sha256, attachment);
    QJsonObject body {{QStringLiteral("attachment"), attachment.sha256},
        {QStringLiteral("text"),
            url.hasQueryItem(QStringLiteral("text")) ? queryValue(url, "text") : attachment.name}};
    auto message = RestApi::commandMessage(context, "task.note", {"council", "task"}, body, false);
    if (!message)
        return HttpReply::error(message.error());
    HttpReply reply
        = RestApi::commandReply(m_councils.execute(context.principal, *message,
                                    councilActor(context.principal, m_councils, council)),
            201);
    if (reply.status == 201) {
        QJsonObject json = QJsonDocument::fromJson(reply.body).object();
        json.insert(QStringLiteral("attachment"), attachment.toJson());
        reply = HttpReply::json(201, json);
    }
    return reply;
}

void CouncilApi::registerRoutes(Router &router)
{
    using Op = services::Operation;
    router.setCouncilOfMeeting(
        [this](qint64 meeting) { return m_councils.councilOfMeeting(meeting); });
    const QString councils = QStringLiteral("/api/v1/councils");
    const QString council = councils + QStringLiteral("/{council}");
    router.add(Method::Get, councils, Op::ListCouncils,
        [this](const RouteContext &c) { return listCouncils(c); });
    router.add(Method::Post, councils, Op::CouncilCreate,
        [this](const RouteContext &c) { return councilCommand(c, "council.create", {}, 201); });
    router.add(Method::Get, council, Op::ReadCouncil,
        [this](const RouteContext &c) { return readCouncil(c); });
    router.add(Method::Patch, council, Op::CouncilUpdate,
        [this](const RouteContext &c) { return councilCommand(c, "council.update", {"council"}); });
    router.add(Method::Post, council + QStringLiteral("/members"), Op::MemberAdd,
        [this](
            const RouteContext &c) { return councilCommand(c, "member.add", {"council"}, 201); });
    router.add(Method::Patch, council + QStringLiteral("/members/{member}"), Op::MemberUpdate,
        [this](const RouteContext &c) {
            return councilCommand(c, "member.update", {"council", "member"});
        });
    router.add(Method::Post, council + QStringLiteral("/members/{member}/leave"), Op::MemberLeave,
        [this](const RouteContext &c) {
            return councilCommand(c, "member.leave", {"council", "member"});
        });
    router.add(Method::Post, council + QStringLiteral("/organisations"), Op::OrganisationAdd,
        [this](const RouteContext &c) {
            return councilCommand(c, "organisation.add", {"council"}, 201);
        });
    router.add(Method::Patch, council + QStringLiteral("/organisations/{organisation}"),
        Op::OrganisationUpdate, [this](const RouteContext &c) {
            return councilCommand(c, "organisation.update", {"council", "organisation"});
        });
    router.add(Method::Get, council + QStringLiteral("/events"), Op::ReadCouncilEvents,
        [this](const RouteContext &c) { return councilEvents(c); });

    const QString tasks = council + QStringLiteral("/tasks");
    const QString task = tasks + QStringLiteral("/{task}");
    router.add(
        Method::Get, tasks, Op::ListTasks, [this](const RouteContext &c) { return listTasks(c); });
    router.add(Method::Post, tasks, Op::TaskCreate, [this](const RouteContext &c) {
        return councilCommand(c, "task.create", {"council"}, 201);
    });
    for (const auto &[step, type, operation] :
        {std::tuple {"status", "task.setStatus", Op::TaskSetStatus},
            std::tuple {"notes", "task.note", Op::TaskNote},
            std::tuple {"reassign", "task.reassign", Op::TaskReassign},
            std::tuple {"deadline", "task.setDeadline", Op::TaskSetDeadline}}) {
        router.add(Method::Post, task + u'/' + QLatin1String(step), operation,
            [this, type = type](const RouteContext &c) {
                return councilCommand(c, type, {"council", "task"});
            });
    }
    router.add(
        Method::Post, task + QStringLiteral("/attachments"), Op::TaskAttach,
        [this](const RouteContext &c) { return attachToTask(c); },
        m_documents.options().maxUploadBytes, QStringLiteral("[documents] max-upload-mib"));
    router.add(Method::Get, task + QStringLiteral("/history"), Op::ReadTaskHistory,
        [this](const RouteContext &c) { return taskHistory(c); });
    router.add(Method::Get, council + QStringLiteral("/board"), Op::ReadBoard,
        [this](const RouteContext &c) { return board(c, c.ids.at(0)); });

    const QString meeting = QStringLiteral("/api/v1/meetings/{meeting}");
    router.add(Method::Get, meeting + QStringLiteral("/board"), Op::ReadBoard,
        [this](const RouteContext &c) {
            const qint64 council = m_councils.councilOfMeeting(c.ids.at(0));
            if (!council)
                return HttpReply::error(makeError(ErrorCode::NotFound,
                    QStringLiteral("meeting %1 belongs to no council").arg(c.ids.at(0)),
                    QStringLiteral("meeting")));
            return board(c, council);
        });
    const QString conclusions = meeting + QStringLiteral("/conclusions");
    router.add(Method::Post, conclusions, Op::ConclusionAdd, [this](const RouteContext &c) {
        return m_rest.command(c, "conclusion.add", {"meeting"}, 201);
    });
    router.add(Method::Patch, conclusions + QStringLiteral("/{conclusion}"), Op::ConclusionUpdate,
        [this](const RouteContext &c) {
            return m_rest.command(c, "conclusion.update", {"meeting", "conclusion"});
        });
    router.add(Method::Delete, conclusions + QStringLiteral("/{conclusion}"), Op::ConclusionRemove,
        [this](const RouteContext &c) {
            return m_rest.command(c, "conclusion.remove", {"meeting", "conclusion"});
        });
    router.add(Method::Post, meeting + QStringLiteral("/agenda/overdue"), Op::AgendaAddOverdue,
        [this](const RouteContext &c) {
            return m_rest.command(c, "agenda.addOverdue", {"meeting"}, 201);
        });
    router.add(Method::Put, meeting + QStringLiteral("/screen"), Op::ScreenShow,
        [this](const RouteContext &c) { return m_rest.command(c, "screen.show", {"meeting"}); });
}

} // namespace chamber::api
