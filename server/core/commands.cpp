#include "core/commands.h"

#include "core/commandroutes.h"
#include "core/council.h"
#include "core/delegatecsv.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>
#include <array>

namespace chamber::core {

namespace {

using protocol::Message;
using SimpleDecider = Result<Decision> (*)(const MeetingState &, const Message &);

const QLatin1String kTitle("title");
const QLatin1String kDescription("description");
const QLatin1String kVenue("venue");
const QLatin1String kStartsAt("startsAt");
const QLatin1String kKind("kind");
const QLatin1String kItem("item");
const QLatin1String kParent("parent");
const QLatin1String kPosition("position");
const QLatin1String kDelegate("delegate");
const QLatin1String kName("name");
const QLatin1String kGroup("group");
const QLatin1String kSeat("seat");
const QLatin1String kWeight("weight");
const QLatin1String kHallRows("hallRows");
const QLatin1String kHallColumns("hallColumns");
const QLatin1String kOrganisation("organisation");
const QLatin1String kSession("session");
const QLatin1String kChairperson("chairperson");
const QLatin1String kSecretary("secretary");
const QLatin1String kReason("reason");

Decision single(const QString &kind, const QJsonObject &data, const QJsonObject &result = {})
{
    return Decision {{EventDraft {kind, data}}, result};
}

Decision unchanged(const QJsonObject &result = {})
{
    QJsonObject json = result;
    json.insert(QStringLiteral("unchanged"), true);
    return Decision {{}, json};
}

Error notFound(const QString &what, qint64 id, const QString &field)
{
    return makeError(
        ErrorCode::NotFound, QStringLiteral("%1 %2 does not exist").arg(what).arg(id), field);
}

// The schema guarantees a length; a name made only of spaces still says nothing.
std::optional<Error> checkNotBlank(const Message &command, QLatin1String field)
{
    if (command.has(field) && command.string(field).trimmed().isEmpty())
        return makeError(ErrorCode::BadField, QString(field) + QStringLiteral(" must not be blank"),
            QString(field));
    return std::nullopt;
}

std::optional<Error> checkDateTime(const Message &command)
{
    const QString text = command.string(kStartsAt);
    if (text.isEmpty())
        return std::nullopt;
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODate);
    if (!parsed.isValid() || parsed.timeSpec() == Qt::LocalTime)
        return makeError(ErrorCode::BadField,
            QStringLiteral("startsAt must be an ISO 8601 date-time with an offset, "
                           "e.g. 2026-12-01T08:00:00+07:00"),
            QStringLiteral("startsAt"));
    return std::nullopt;
}

// Copies the optional text fields that differ from the current values into `changes`.
void collectChanges(const Message &command,
    std::initializer_list<std::pair<QLatin1String, QString>> current, QJsonObject &changes)
{
    for (const auto &[field, value] : current) {
        if (!command.has(field))
            continue;
        // Single-line fields lose stray spaces; descriptions keep their layout.
        const QString wanted
            = field == kDescription ? command.string(field) : command.string(field).trimmed();
        if (wanted != value)
            changes.insert(field, wanted);
    }
}

Result<Decision> meetingUpdate(const MeetingState &state, const Message &command)
{
    if (auto error = checkNotBlank(command, kTitle))
        return *error;
    if (auto error = checkDateTime(command))
        return *error;
    QJsonObject changes;
    collectChanges(command,
        {{kTitle, state.title}, {kDescription, state.description}, {kVenue, state.venue},
            {kStartsAt, state.startsAt}, {kOrganisation, state.organisation},
            {kSession, state.session}, {kChairperson, state.chairperson},
            {kSecretary, state.secretary}},
        changes);
    if (command.has(QLatin1String("allowProxies"))
        && command.boolean(QLatin1String("allowProxies")) != state.allowProxies)
        changes.insert(
            QStringLiteral("allowProxies"), command.boolean(QLatin1String("allowProxies")));
    for (const auto &[field, current] :
        {std::pair {kHallRows, state.hallRows}, std::pair {kHallColumns, state.hallColumns}}) {
        if (command.has(field) && command.integer(field) != current)
            changes.insert(field, command.integer(field));
    }
    if (changes.isEmpty())
        return unchanged();
    return single(QStringLiteral("meeting.updated"), changes);
}

Result<Decision> meetingStart(const MeetingState &state, const Message &)
{
    if (state.status == MeetingStatus::InSession)
        return unchanged();
    return single(QStringLiteral("meeting.started"), {});
}

Result<Decision> meetingEnd(const MeetingState &state, const Message &)
{
    if (state.status == MeetingStatus::Ended)
        return unchanged();
    if (state.status == MeetingStatus::Scheduled)
        return makeError(ErrorCode::Conflict, QStringLiteral("the meeting has not started"));
    return single(QStringLiteral("meeting.ended"), {});
}

QJsonValue parentValue(qint64 parent)
{
    return parent == kRoot ? QJsonValue() : QJsonValue(parent);
}

Result<Decision> agendaAdd(const MeetingState &state, const Message &command)
{
    if (auto error = checkNotBlank(command, kTitle))
        return *error;
    const qint64 parent = command.optionalInteger(kParent).value_or(kRoot);
    const qint64 position = command.has(kPosition) ? command.integer(kPosition)
                                                   : qint64(state.agenda.children(parent).size());
    if (auto check = state.agenda.checkInsert(parent, position); !check)
        return check.error();
    const qint64 id = state.agenda.nextId();
    return single(QStringLiteral("agenda.added"),
        {{kItem, id}, {kParent, parentValue(parent)}, {kPosition, position},
            {kTitle, command.string(kTitle).trimmed()},
            {kDescription, command.string(kDescription)},
            {kKind, command.string(kKind, QStringLiteral("item"))}},
        {{kItem, id}});
}

Result<Decision> agendaUpdate(const MeetingState &state, const Message &command)
{
    const qint64 id = command.integer(kItem);
    const AgendaItem *item = state.agenda.find(id);
    if (!item)
        return notFound(QStringLiteral("agenda item"), id, kItem);
    if (auto error = checkNotBlank(command, kTitle))
        return *error;
    QJsonObject changes;
    collectChanges(command,
        {{kTitle, item->title}, {kDescription, item->description}, {kKind, item->kind}}, changes);
    if (changes.isEmpty())
        return unchanged();
    changes.insert(kItem, id);
    return single(QStringLiteral("agenda.updated"), changes);
}

Result<Decision> agendaMove(const MeetingState &state, const Message &command)
{
    const qint64 id = command.integer(kItem);
    const AgendaItem *item = state.agenda.find(id);
    if (!item)
        return notFound(QStringLiteral("agenda item"), id, kItem);
    // Omitted parent keeps the item where it is; an explicit null moves it to the top level.
    const qint64 parent
        = command.has(kParent) ? command.optionalInteger(kParent).value_or(kRoot) : item->parent;
    const qint64 position = command.integer(kPosition);
    if (auto check = state.agenda.checkMove(id, parent, position); !check)
        return check.error();
    if (parent == item->parent && position == state.agenda.indexOf(id))
        return unchanged();
    return single(QStringLiteral("agenda.moved"),
        {{kItem, id}, {kParent, parentValue(parent)}, {kPosition, position}});
}

Result<Decision> agendaRemove(const MeetingState &state, const Message &command)
{
    const qint64 id = command.integer(kItem);
    if (!state.agenda.contains(id))
        return notFound(QStringLiteral("agenda item"), id, kItem);
    Agenda copy = state.agenda;
    QJsonArray removed;
    for (qint64 gone : copy.remove(id))
        removed.append(gone);
    Decision decision = single(
        QStringLiteral("agenda.removed"), {{kItem, id}}, {{QStringLiteral("removed"), removed}});
    // The documents of the removed items go with them (first, while their items exist).
    std::vector<EventDraft> documentsGone;
    for (const QJsonValue &gone : removed) {
        for (const auto &[documentId, document] : state.documents.all()) {
            if (!document.removed && document.item == gone.toInteger())
                documentsGone.push_back(EventDraft {QStringLiteral("document.removed"),
                    {{QStringLiteral("document"), documentId}}});
        }
    }
    decision.events.insert(decision.events.begin(), documentsGone.begin(), documentsGone.end());
    return decision;
}

Result<Decision> agendaSelect(const MeetingState &state, const Message &command)
{
    const qint64 id = command.optionalInteger(kItem).value_or(0);
    if (id != 0 && !state.agenda.contains(id))
        return notFound(QStringLiteral("agenda item"), id, kItem);
    if (id == state.currentItem)
        return unchanged();
    return single(QStringLiteral("agenda.selected"), {{kItem, id ? QJsonValue(id) : QJsonValue()}});
}

std::optional<Error> checkSeatFree(const MeetingState &state, const QString &seat, qint64 self)
{
    const Delegate *holder = state.roster.findBySeat(seat);
    if (holder && holder->id != self)
        return makeError(ErrorCode::Conflict,
            QStringLiteral("seat %1 is already taken by %2").arg(seat, holder->name),
            QStringLiteral("seat"));
    return std::nullopt;
}

QJsonObject delegateAddedData(
    qint64 id, const QString &name, const QString &group, const QString &seat, qint64 weight)
{
    return {{kDelegate, id}, {kName, name}, {kGroup, group}, {kSeat, seat}, {kWeight, weight}};
}

Result<Decision> delegateAdd(const MeetingState &state, const Message &command)
{
    if (auto error = checkNotBlank(command, kName))
        return *error;
    const QString seat = command.string(kSeat).trimmed();
    if (auto error = checkSeatFree(state, seat, 0))
        return *error;
    const qint64 id = state.roster.nextId();
    return single(QStringLiteral("delegate.added"),
        delegateAddedData(id, command.string(kName).trimmed(), command.string(kGroup).trimmed(),
            seat, command.integer(kWeight, 1)),
        {{kDelegate, id}});
}

Result<Decision> delegateUpdate(const MeetingState &state, const Message &command)
{
    const qint64 id = command.integer(kDelegate);
    const Delegate *delegate = state.roster.find(id);
    if (!delegate)
        return notFound(QStringLiteral("delegate"), id, kDelegate);
    if (auto error = checkNotBlank(command, kName))
        return *error;
    if (command.has(kSeat)) {
        if (auto error = checkSeatFree(state, command.string(kSeat).trimmed(), id))
            return *error;
    }
    QJsonObject changes;
    collectChanges(command,
        {{kName, delegate->name}, {kGroup, delegate->group}, {kSeat, delegate->seat}}, changes);
    if (command.has(kWeight) && command.integer(kWeight) != delegate->weight)
        changes.insert(kWeight, command.integer(kWeight));
    if (changes.isEmpty())
        return unchanged();
    changes.insert(kDelegate, id);
    return single(QStringLiteral("delegate.updated"), changes);
}

Result<Decision> delegateRemove(const MeetingState &state, const Message &command)
{
    const qint64 id = command.integer(kDelegate);
    if (!state.roster.find(id))
        return notFound(QStringLiteral("delegate"), id, kDelegate);
    return single(QStringLiteral("delegate.removed"), {{kDelegate, id}});
}

Result<Decision> delegateImport(const MeetingState &state, const Message &command)
{
    const DelegateCsv csv = checkDelegateImport(state, command.string(QLatin1String("csv")));
    if (!csv.ok()) {
        Error error = makeError(ErrorCode::Invalid,
            QStringLiteral("the CSV has %1 problem(s); nothing was imported. "
                           "First: %2%3")
                .arg(csv.problems.size())
                .arg(csv.problems.front().line
                        ? QStringLiteral("line %1: ").arg(csv.problems.front().line)
                        : QString())
                .arg(csv.problems.front().message),
            QStringLiteral("csv"));
        for (const CsvProblem &problem : csv.problems) {
            error.details.append(QJsonObject {{QStringLiteral("line"), problem.line},
                {QStringLiteral("message"), problem.message}});
        }
        return error;
    }
    Decision decision;
    QJsonArray ids;
    qint64 id = state.roster.nextId();
    for (const CsvDelegate &row : csv.rows) {
        decision.events.push_back({QStringLiteral("delegate.added"),
            delegateAddedData(id, row.name, row.group, row.seat, row.weight)});
        ids.append(id++);
    }
    decision.result = {
        {QStringLiteral("imported"), qint64(csv.rows.size())}, {QStringLiteral("delegates"), ids}};
    return decision;
}

Result<Decision> setAttendance(const MeetingState &state, const Message &command, bool present)
{
    const qint64 id = command.integer(kDelegate);
    const Delegate *delegate = state.roster.find(id);
    if (!delegate)
        return notFound(QStringLiteral("delegate"), id, kDelegate);
    if (delegate->present == present)
        return unchanged();
    return single(
        present ? QStringLiteral("attendance.checkedIn") : QStringLiteral("attendance.checkedOut"),
        {{kDelegate, id}});
}

Result<Decision> checkIn(const MeetingState &state, const Message &command)
{
    return setAttendance(state, command, true);
}

Result<Decision> checkOut(const MeetingState &state, const Message &command)
{
    return setAttendance(state, command, false);
}

// Why an absent delegate is away, for the minutes; "" withdraws the excuse.
Result<Decision> excuse(const MeetingState &state, const Message &command)
{
    const qint64 id = command.integer(kDelegate);
    const Delegate *delegate = state.roster.find(id);
    if (!delegate)
        return notFound(QStringLiteral("delegate"), id, kDelegate);
    const QString reason = command.string(kReason).trimmed();
    if (reason == delegate->absenceReason)
        return unchanged();
    return single(QStringLiteral("attendance.excused"), {{kDelegate, id}, {kReason, reason}});
}

Result<Decision> quorumSetRule(const MeetingState &state, const Message &command)
{
    QJsonObject json = command.body;
    json.remove(QStringLiteral("type"));
    json.remove(QStringLiteral("id"));
    json.remove(QStringLiteral("meeting"));
    auto rule = QuorumRule::fromJson(json);
    if (!rule)
        return rule.error();
    if (rule.value() == state.quorumRule)
        return unchanged();
    return single(QStringLiteral("quorum.ruleSet"), {{QStringLiteral("rule"), rule->toJson()}});
}

Result<Decision> deviceRevoke(const MeetingState &state, const Message &command)
{
    const qint64 id = command.integer(QLatin1String("device"));
    const auto it = state.devices.find(id);
    if (it == state.devices.end())
        return notFound(QStringLiteral("device"), id, QStringLiteral("device"));
    if (it->second.revoked)
        return unchanged();
    return single(QStringLiteral("device.revoked"), {{QStringLiteral("device"), id}});
}

// Most commands need only the state; the adapter gives them the common signature.
template<SimpleDecider F>
Result<Decision> stateOnly(
    const MeetingState &state, const Message &command, const DecisionContext &)
{
    return F(state, command);
}

constexpr std::array kMeetingRoutes {
    CommandRoute {"meeting.update", stateOnly<meetingUpdate>},
    CommandRoute {"meeting.start", stateOnly<meetingStart>},
    CommandRoute {"meeting.end", stateOnly<meetingEnd>},
    CommandRoute {"agenda.add", stateOnly<agendaAdd>},
    CommandRoute {"agenda.update", stateOnly<agendaUpdate>},
    CommandRoute {"agenda.move", stateOnly<agendaMove>},
    CommandRoute {"agenda.remove", stateOnly<agendaRemove>},
    CommandRoute {"agenda.select", stateOnly<agendaSelect>},
    CommandRoute {"delegate.add", stateOnly<delegateAdd>},
    CommandRoute {"delegate.update", stateOnly<delegateUpdate>},
    CommandRoute {"delegate.remove", stateOnly<delegateRemove>},
    CommandRoute {"delegate.import", stateOnly<delegateImport>},
    CommandRoute {"attendance.checkIn", stateOnly<checkIn>},
    CommandRoute {"attendance.checkOut", stateOnly<checkOut>},
    CommandRoute {"attendance.excuse", stateOnly<excuse>},
    CommandRoute {"quorum.setRule", stateOnly<quorumSetRule>},
    CommandRoute {"device.revoke", stateOnly<deviceRevoke>},
};

// Every table of commands, in the order decide() looks through them.
std::array<std::span<const CommandRoute>, 5> routeTables()
{
    return {std::span<const CommandRoute>(kMeetingRoutes), pollRoutes(), speakerRoutes(),
        documentRoutes(), conclusionRoutes()};
}

} // namespace

Decision singleEvent(const QString &kind, const QJsonObject &data, const QJsonObject &result)
{
    return single(kind, data, result);
}

Decision unchangedDecision(const QJsonObject &result)
{
    return unchanged(result);
}

Error notFoundError(const QString &what, qint64 id, const QString &field)
{
    return notFound(what, id, field);
}

Result<Decision> decide(
    const MeetingState &state, const Message &command, const DecisionContext &context)
{
    for (std::span<const CommandRoute> routes : routeTables()) {
        for (const CommandRoute &route : routes) {
            if (QLatin1String(command.spec->type) == QLatin1String(route.type))
                return route.decider(state, command, context);
        }
    }
    return makeError(ErrorCode::UnknownType,
        QStringLiteral("%1 is not a meeting command").arg(command.type()), QStringLiteral("type"));
}

DelegateCsv checkDelegateImport(const MeetingState &state, const QString &csvText)
{
    DelegateCsv csv = parseDelegateCsv(csvText);
    for (const CsvDelegate &row : csv.rows) {
        if (const Delegate *holder = state.roster.findBySeat(row.seat)) {
            csv.problems.push_back({row.line,
                QStringLiteral("seat %1 is already taken by %2").arg(row.seat, holder->name)});
        }
    }
    // In line order, so a preview reads top to bottom like the file.
    std::stable_sort(csv.problems.begin(), csv.problems.end(),
        [](const CsvProblem &a, const CsvProblem &b) { return a.line < b.line; });
    return csv;
}

Result<Decision> decideCreate(qint64 meetingId, const Message &command,
    const std::vector<Member> *roster, const QString &councilName)
{
    const qint64 council = command.integer(QLatin1String("council"));
    if (council && !roster)
        return notFound(QStringLiteral("council"), council, QStringLiteral("council"));
    if (auto error = checkNotBlank(command, kTitle))
        return *error;
    if (auto error = checkDateTime(command))
        return *error;
    QuorumRule rule;
    if (command.has(QLatin1String("quorum"))) {
        auto parsed = QuorumRule::fromJson(command.object(QLatin1String("quorum")));
        if (!parsed)
            return parsed.error();
        rule = parsed.value();
    }
    QJsonObject created {{kTitle, command.string(kTitle).trimmed()},
        {kDescription, command.string(kDescription)}, {kVenue, command.string(kVenue).trimmed()},
        {kStartsAt, command.string(kStartsAt)}, {QStringLiteral("quorum"), rule.toJson()},
        {QStringLiteral("allowProxies"), command.boolean(QLatin1String("allowProxies"))}};
    // The minutes' heading only when given, so the logs of meetings without one stay as they
    // were; a council's meeting is issued by its council unless the command says otherwise.
    for (QLatin1String field : {kOrganisation, kSession, kChairperson, kSecretary}) {
        if (!command.string(field).trimmed().isEmpty())
            created.insert(field, command.string(field).trimmed());
    }
    if (council && !command.has(kOrganisation) && !councilName.isEmpty())
        created.insert(kOrganisation, councilName);
    // The hall's size only when given, so logs of meetings without a seat map stay as they were.
    for (QLatin1String field : {kHallRows, kHallColumns}) {
        if (command.has(field))
            created.insert(field, command.integer(field));
    }
    if (!council)
        return single(
            QStringLiteral("meeting.created"), created, {{QStringLiteral("meeting"), meetingId}});
    // The council's members become the delegates, each keeping the member's id, in the same
    // commit; guests added later get ids after them.
    created.insert(QStringLiteral("council"), council);
    Decision decision = single(
        QStringLiteral("meeting.created"), created, {{QStringLiteral("meeting"), meetingId}});
    QJsonArray delegates;
    for (const Member &member : *roster) {
        QJsonObject data
            = delegateAddedData(member.id, member.name, member.group, member.seat, member.weight);
        data.insert(QStringLiteral("member"), member.id);
        decision.events.push_back({QStringLiteral("delegate.added"), data});
        delegates.append(member.id);
    }
    decision.result.insert(QStringLiteral("council"), council);
    decision.result.insert(QStringLiteral("delegates"), delegates);
    return decision;
}

std::vector<QString> meetingCommandTypes()
{
    std::vector<QString> types;
    for (std::span<const CommandRoute> routes : routeTables()) {
        for (const CommandRoute &route : routes)
            types.push_back(QString::fromLatin1(route.type));
    }
    return types;
}

} // namespace chamber::core
