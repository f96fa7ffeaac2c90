// Shared by the council tests: chamberd's storage and services without the network, an
// injected clock, and a seeded council.
#pragma once

#include "commands.h"
#include "core/council.h"
#include "services/clock.h"
#include "services/councilservice.h"
#include "services/meetingservice.h"
#include "storage/eventstore.h"

#include <QJsonDocument>

#include <memory>

namespace chamber::testing::council {

using chamber::testing::command;
using services::Principal;

inline const QDateTime kStart
    = QDateTime::fromString(QStringLiteral("2027-01-01T01:00:00Z"), Qt::ISODate);
inline const core::CouncilActor kSecretary {true, std::nullopt};

inline core::CouncilActor ownerActor(core::TaskOwner::Kind kind, qint64 id)
{
    return core::CouncilActor {false, core::TaskOwner {kind, id}};
}

inline QString dump(const QJsonObject &json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

inline bool isOk(const QJsonObject &reply)
{
    return reply.value(QLatin1String("type")).toString() == QLatin1String("ok");
}

inline QString codeOf(const QJsonObject &reply)
{
    return reply.value(QLatin1String("code")).toString();
}

// chamberd's storage and services, minus the network.
struct Server
{
    std::unique_ptr<storage::EventStore> store;
    services::ManualClock clock {kStart};
    std::unique_ptr<services::MeetingService> meetings;
    std::unique_ptr<services::CouncilService> councils;

    static std::unique_ptr<Server> open(const QString &path = {})
    {
        auto server = std::make_unique<Server>();
        auto store = path.isEmpty() ? storage::EventStore::openInMemory()
                                    : storage::EventStore::open(path);
        if (!store)
            qFatal("store: %s", qPrintable(store.error().message));
        server->store = std::move(store.value());
        server->start();
        return server;
    }
    void start()
    {
        councils.reset();
        meetings = std::make_unique<services::MeetingService>(*store);
        meetings->setClock([this] { return clock.now(); });
        councils = std::make_unique<services::CouncilService>(*store, *meetings, clock);
        if (auto loaded = meetings->load(); !loaded)
            qFatal("meetings: %s", qPrintable(loaded.error().message));
        if (auto loaded = councils->load(); !loaded)
            qFatal("councils: %s", qPrintable(loaded.error().message));
    }

    QJsonObject council(const QString &type, const QJsonObject &fields,
        const core::CouncilActor &actor = kSecretary,
        const Principal &principal = Principal::admin())
    {
        return councils->execute(principal, command(type, fields), actor);
    }
    QJsonObject meeting(const QString &type, const QJsonObject &fields)
    {
        return meetings->execute(Principal::admin(), command(type, fields));
    }
    // For setup steps that must succeed.
    qint64 ok(const QString &type, const QJsonObject &fields, const char *idField)
    {
        const QJsonObject reply = council(type, fields);
        if (!isOk(reply))
            qFatal("%s failed: %s", qPrintable(type), qPrintable(dump(reply)));
        return reply.value(QLatin1String("result"))
            .toObject()
            .value(QLatin1String(idField))
            .toInteger();
    }
    qint64 seq(qint64 id) const { return councils->council(id) ? councils->council(id)->seq : 0; }
};

// A council of three members (one leaves), two organisations, tasks in every colour at kStart.
struct Seeded
{
    qint64 council = 0;
    qint64 finance = 0, planning = 0;
    qint64 an = 0, binh = 0, chi = 0;
};

inline Seeded seed(Server &s)
{
    Seeded d;
    d.council = s.ok(QStringLiteral("council.create"),
        {{QStringLiteral("name"), QStringLiteral("HĐND tỉnh Tiền Giang")},
            {QStringLiteral("term"), QStringLiteral("2021–2026")},
            {QStringLiteral("amberDays"), 7}},
        "council");
    const QJsonValue c(d.council);
    d.an = s.ok(QStringLiteral("member.add"),
        {{QStringLiteral("council"), c}, {QStringLiteral("name"), QStringLiteral("Nguyễn Văn An")},
            {QStringLiteral("seat"), QStringLiteral("A01")},
            {QStringLiteral("title"), QStringLiteral("Phó Chủ tịch HĐND tỉnh")}},
        "member");
    d.binh = s.ok(QStringLiteral("member.add"),
        {{QStringLiteral("council"), c}, {QStringLiteral("name"), QStringLiteral("Trần Thị Bình")},
            {QStringLiteral("seat"), QStringLiteral("A02")}, {QStringLiteral("weight"), 2}},
        "member");
    d.chi = s.ok(QStringLiteral("member.add"),
        {{QStringLiteral("council"), c}, {QStringLiteral("name"), QStringLiteral("Lê Văn Chí")},
            {QStringLiteral("seat"), QStringLiteral("A03")}},
        "member");
    d.finance = s.ok(QStringLiteral("organisation.add"),
        {{QStringLiteral("council"), c}, {QStringLiteral("name"), QStringLiteral("Sở Tài chính")}},
        "organisation");
    d.planning = s.ok(QStringLiteral("organisation.add"),
        {{QStringLiteral("council"), c},
            {QStringLiteral("name"), QStringLiteral("Sở Kế hoạch và Đầu tư")},
            {QStringLiteral("kind"), QStringLiteral("agency")}},
        "organisation");
    return d;
}

inline qint64 addTask(Server &s, const Seeded &d, const QString &title, const QString &ownerKind,
    qint64 owner, const QDateTime &deadline)
{
    return s.ok(QStringLiteral("task.create"),
        {{QStringLiteral("council"), d.council}, {QStringLiteral("title"), title},
            {QStringLiteral("ownerKind"), ownerKind}, {QStringLiteral("owner"), owner},
            {QStringLiteral("deadline"), core::formatInstant(deadline)}},
        "task");
}

} // namespace chamber::testing::council
