#include "services/demoseed.h"

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

} // namespace

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
