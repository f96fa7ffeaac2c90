#include "services/demoseed.h"

#include "core/commands.h"
#include "core/council.h"
#include "services/councilservice.h"
#include "services/meetingservice.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace chamber::services {

namespace {

QString requestId(int step)
{
    return QStringLiteral("demo-seed-%1").arg(step);
}

QString firstRequestId()
{
    return requestId(1);
}

class Seeder
{
public:
    explicit Seeder(MeetingService &service)
        : m_service(service)
    { }

    Result<QJsonObject> send(QJsonObject command)
    {
        command.insert(QStringLiteral("id"), requestId(++m_counter));
        auto message = protocol::validateMessage(command, protocol::Direction::ToServer);
        if (!message)
            return message.error();
        const QJsonObject reply = m_service.execute(Principal::admin(), message.value());
        if (reply.value(QLatin1String("type")).toString() != QLatin1String("ok")) {
            ErrorCode code = ErrorCode::Internal;
            errorCodeFromName(reply.value(QLatin1String("code")).toString(), &code);
            return makeError(code,
                QStringLiteral("demo seed step %1: %2")
                    .arg(m_counter)
                    .arg(reply.value(QLatin1String("message")).toString()));
        }
        return reply.value(QLatin1String("result")).toObject();
    }

    Status addItems(qint64 meeting, const QJsonArray &items, const QJsonValue &parent)
    {
        for (const QJsonValue &value : items) {
            const QJsonObject item = value.toObject();
            QJsonObject command {{QStringLiteral("type"), QStringLiteral("agenda.add")},
                {QStringLiteral("meeting"), meeting},
                {QStringLiteral("title"), item.value(QLatin1String("title"))},
                {QStringLiteral("parent"), parent}};
            for (const char *optional : {"description", "kind"}) {
                if (item.contains(QLatin1String(optional)))
                    command.insert(QLatin1String(optional), item.value(QLatin1String(optional)));
            }
            auto added = send(command);
            if (!added)
                return added.error();
            const QJsonArray children = item.value(QLatin1String("children")).toArray();
            if (auto status = addItems(meeting, children, added->value(QLatin1String("item")));
                !status)
                return status;
        }
        return success();
    }

private:
    MeetingService &m_service;
    int m_counter = 0;
};

Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Internal,
            QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    return file.readAll();
}

// The conclusions of the demo meeting, on its budget item, and a task from each. Conclusions
// are server-decided events here (no request ids): added only when the meeting has none.
Status seedDemoConclusions(MeetingService &service, CouncilService &councils, qint64 council,
    qint64 meetingId, const QDateTime &now)
{
    const core::MeetingState *meeting = service.meeting(meetingId);
    if (!meeting || !meeting->conclusions.empty())
        return success();
    qint64 item = 0;
    for (qint64 id : meeting->agenda.preorder()) {
        const core::AgendaItem *entry = meeting->agenda.find(id);
        if (!item && entry->kind == QLatin1String("item")
            && entry->title.contains(QStringLiteral("ngân sách")))
            item = id;
    }
    if (!item)
        return success();
    const std::pair<const char *, const char *> conclusions[] = {
        {"Giao Sở Tài chính hoàn thiện dự toán ngân sách năm 2027 theo ý kiến thẩm tra của Ban "
         "Kinh tế - Ngân sách, trình Thường trực HĐND tỉnh trước ngày 20/12/2026.",
            "Hoàn thiện dự toán ngân sách năm 2027"},
        {"Giao Sở Kế hoạch và Đầu tư rà soát danh mục dự án khởi công mới năm 2027.",
            "Rà soát danh mục dự án khởi công mới năm 2027"},
    };
    qint64 organisation = 1;
    for (const auto &[text, title] : conclusions) {
        const core::MeetingState *current = service.meeting(meetingId);
        auto message = protocol::validateMessage(
            {{QStringLiteral("type"), QStringLiteral("conclusion.add")},
                {QStringLiteral("id"), QStringLiteral("demo-conclusion")},
                {QStringLiteral("meeting"), meetingId}, {QStringLiteral("item"), item},
                {QStringLiteral("text"), QString::fromUtf8(text)}},
            protocol::Direction::ToServer);
        if (!message)
            return message.error();
        auto decision = core::decide(*current, message.value());
        if (!decision)
            return decision.error();
        if (auto added = service.appendEvents(meetingId, QStringLiteral("admin"), decision->events);
            !added)
            return added.error();
        const qint64 number = decision->result.value(QLatin1String("number")).toInteger();
        auto task = protocol::validateMessage(
            {{QStringLiteral("type"), QStringLiteral("task.create")},
                {QStringLiteral("id"), QStringLiteral("demo-conclusion-task-%1").arg(number)},
                {QStringLiteral("council"), council},
                {QStringLiteral("title"), QString::fromUtf8(title)},
                {QStringLiteral("ownerKind"), QStringLiteral("organisation")},
                {QStringLiteral("owner"), organisation++},
                {QStringLiteral("deadline"), core::formatInstant(now.addDays(10 + 10 * number))},
                {QStringLiteral("meeting"), meetingId}, {QStringLiteral("conclusion"), number}},
            protocol::Direction::ToServer);
        if (!task)
            return task.error();
        const QJsonObject reply = councils.execute(
            Principal::admin(), task.value(), core::CouncilActor {true, std::nullopt});
        if (reply.value(QLatin1String("type")).toString() != QLatin1String("ok"))
            return makeError(ErrorCode::Internal,
                QStringLiteral("demo task: %1")
                    .arg(reply.value(QLatin1String("message")).toString()));
    }
    return success();
}

} // namespace

Result<qint64> seedDemoMeeting(MeetingService &service, CouncilService &councils,
    const QDateTime &now, const QString &directory)
{
    const bool seedStarted = service.hasAnswered(Principal::admin(), demoCouncilRequestId(1));
    if (!service.meetings().empty() && !seedStarted)
        return qint64(0);
    auto json = readFile(directory + QStringLiteral("/demo-meeting.json"));
    if (!json)
        return json.error();
    auto csv = readFile(directory + QStringLiteral("/delegates.csv"));
    if (!csv)
        return csv.error();
    // Resumed seeds find their first answers stored; the start they were dated from is the
    // council's creation plus its history.
    const core::CouncilState *existing = councils.council(1);
    const QDateTime start = existing
        ? QDateTime::fromString(existing->createdAt, Qt::ISODateWithMs).addDays(90)
        : now;
    auto council = seedDemoCouncil(councils, QString::fromUtf8(csv.value()), start);
    if (!council)
        return council.error();

    const QJsonObject demo = QJsonDocument::fromJson(json.value()).object();
    Seeder seeder(service);
    QJsonObject create = demo.value(QLatin1String("meeting")).toObject();
    create.insert(QStringLiteral("type"), QStringLiteral("meeting.create"));
    create.insert(QStringLiteral("council"), council.value());
    auto created = seeder.send(create);
    if (!created)
        return created.error();
    const qint64 meeting = created->value(QLatin1String("meeting")).toInteger();
    if (auto status
        = seeder.addItems(meeting, demo.value(QLatin1String("agenda")).toArray(), QJsonValue::Null);
        !status)
        return status.error();
    if (auto status = seedDemoConclusions(service, councils, council.value(), meeting, now);
        !status)
        return status.error();
    return meeting;
}

Result<qint64> seedDemoMeeting(MeetingService &service, const QString &directory)
{
    const bool seedStarted = service.hasAnswered(Principal::admin(), firstRequestId());
    if (!service.meetings().empty() && !seedStarted)
        return qint64(0);

    auto json = readFile(directory + QStringLiteral("/demo-meeting.json"));
    if (!json)
        return json.error();
    auto csv = readFile(directory + QStringLiteral("/delegates.csv"));
    if (!csv)
        return csv.error();
    const QJsonObject demo = QJsonDocument::fromJson(json.value()).object();

    Seeder seeder(service);
    QJsonObject create = demo.value(QLatin1String("meeting")).toObject();
    create.insert(QStringLiteral("type"), QStringLiteral("meeting.create"));
    auto created = seeder.send(create);
    if (!created)
        return created.error();
    const qint64 meeting = created->value(QLatin1String("meeting")).toInteger();

    if (auto status
        = seeder.addItems(meeting, demo.value(QLatin1String("agenda")).toArray(), QJsonValue::Null);
        !status)
        return status.error();
    auto imported = seeder.send({{QStringLiteral("type"), QStringLiteral("delegate.import")},
        {QStringLiteral("meeting"), meeting},
        {QStringLiteral("csv"), QString::fromUtf8(csv.value())}});
    if (!imported)
        return imported.error();
    return meeting;
}

} // namespace chamber::services
