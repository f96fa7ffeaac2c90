#include "votingserver.h"

#include "enroll.h"

#include <QJsonDocument>

namespace chamber::testing {

QString text(const QJsonObject &object, const char *field)
{
    return object.value(QLatin1String(field)).toString();
}

QString codeOf(const QJsonObject &reply)
{
    return reply.value(QLatin1String("type")) == QLatin1String("ok") ? QStringLiteral("ok")
                                                                     : text(reply, "code");
}

RestResponse VotingServer::call(
    const QByteArray &method, const QString &path, const QByteArray &body)
{
    return restCall(method, process.baseUrl() + QStringLiteral("/api/v1") + path, process.pin(),
        process.adminToken(), body);
}

std::optional<Room> VotingServer::startWithRoom()
{
    if (!process.start({QStringLiteral("--demo")}))
        return std::nullopt;
    Room room;
    for (qint64 delegate = 1; delegate <= 6; ++delegate) {
        room.seats[delegate] = join(QStringLiteral("delegate"), delegate);
        if (delegate <= 5
            && call("POST", QStringLiteral("/meetings/1/delegates/%1/check-in").arg(delegate))
                    .status
                != 200)
            return std::nullopt;
    }
    room.chair = join(QStringLiteral("chair"));
    room.tally = join(QStringLiteral("tally"));
    return room;
}

Device VotingServer::join(const QString &role, qint64 delegate)
{
    Device device;
    device.credential = enrollDevice(process, 1, role, delegate);
    device.delegate = delegate;
    device.ws = connect(device.credential);
    return device;
}

std::unique_ptr<WsClient> VotingServer::connect(const QString &credential)
{
    auto ws = std::make_unique<WsClient>(process.pin());
    if (!ws->connectAndHello(process.wsUrl(), credential.toUtf8()))
        qFatal("hello refused");
    ws->request(
        {{QStringLiteral("type"), QStringLiteral("subscribe")}, {QStringLiteral("meeting"), 1}});
    return ws;
}

qint64 VotingServer::openPoll(QJsonObject fields)
{
    if (!fields.contains(QLatin1String("rule")))
        fields.insert(QStringLiteral("rule"),
            QJsonObject {{QStringLiteral("preset"), QStringLiteral("simple-majority")}});
    if (!fields.contains(QLatin1String("title")))
        fields.insert(QStringLiteral("title"), QStringLiteral("Nghị quyết"));
    const qint64 poll
        = call("POST", QStringLiteral("/meetings/1/polls"), QJsonDocument(fields).toJson())
              .json()
              .value(QLatin1String("result"))
              .toObject()
              .value(QLatin1String("poll"))
              .toInteger();
    call("POST", QStringLiteral("/meetings/1/polls/%1/open").arg(poll));
    return poll;
}

QJsonObject VotingServer::closePoll(qint64 poll)
{
    call("POST", QStringLiteral("/meetings/1/polls/%1/close").arg(poll));
    return call("GET", QStringLiteral("/meetings/1/polls/%1").arg(poll))
        .json()
        .value(QLatin1String("closing"))
        .toObject();
}

} // namespace chamber::testing
