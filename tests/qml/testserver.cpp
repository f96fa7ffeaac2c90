#include "testserver.h"

#include "kioskstate.h"
#include "restcall.h"

#include <QDir>
#include <QFile>
#include <QJSEngine>
#include <QJsonArray>
#include <QJsonDocument>

namespace chamber::testing {

namespace {
TestServer *g_server = nullptr;
}

TestServer::TestServer(QObject *parent)
    : QObject(parent)
{ }

TestServer::~TestServer() = default;

void TestServer::setInstance(TestServer *server)
{
    g_server = server;
}

TestServer *TestServer::create(QQmlEngine *, QJSEngine *)
{
    QJSEngine::setObjectOwnership(g_server, QJSEngine::CppOwnership);
    return g_server;
}

bool TestServer::start()
{
    app::ServerConfig config;
    config.dataDir = m_data.filePath(QStringLiteral("server"));
    config.listen = {QStringLiteral("127.0.0.1"), 0};
    config.publicHost = QStringLiteral("127.0.0.1");
    config.demo = true;
    m_server = std::make_unique<app::ChamberServer>(config);
    const Status started = m_server->start();
    if (!started)
        qWarning("test server: %s", qPrintable(started.error().message));
    return started.ok();
}

QJsonObject TestServer::call(const QByteArray &method, const QString &path, const QByteArray &body)
{
    QFile token(m_server->dataDirectory() + QStringLiteral("/admin.token"));
    token.open(QIODevice::ReadOnly);
    return restCall(method,
        QStringLiteral("https://127.0.0.1:%1/api/v1%2").arg(m_server->port()).arg(path),
        m_server->tlsIdentity().pin, token.readAll().trimmed(), body)
        .json();
}

QString TestServer::joinLink(const QString &role, int delegate)
{
    QJsonObject body {{QStringLiteral("role"), role}};
    if (delegate)
        body.insert(QStringLiteral("delegate"), delegate);
    return call("POST", QStringLiteral("/meetings/1/join-codes"), QJsonDocument(body).toJson())
        .value(QLatin1String("url"))
        .toString();
}

void TestServer::resetDevice()
{
    // A fresh data directory: the kiosk starts as a new device.
    m_kioskDir = m_data.filePath(QStringLiteral("kiosk%1").arg(++m_joins));
    QDir().mkpath(m_kioskDir);
    kiosk::KioskState *kiosk = kiosk::KioskState::create(nullptr, nullptr);
    kiosk->setConnectionOptions({100, 800, 1000, 4000});
    kiosk->startLive(
        {m_kioskDir + QStringLiteral("/device.json"), m_kioskDir + QStringLiteral("/outbox.json")});
}

void TestServer::joinAs(const QString &role, int delegate)
{
    resetDevice();
    kiosk::KioskState::create(nullptr, nullptr)->joinWith(joinLink(role, delegate));
}

QVariantMap TestServer::meeting()
{
    return call("GET", QStringLiteral("/meetings/1")).toVariantMap();
}

bool TestServer::isPresent(int delegate)
{
    for (const QJsonValue &value : call("GET", QStringLiteral("/meetings/1/delegates"))
                                       .value(QLatin1String("delegates"))
                                       .toArray()) {
        if (value.toObject().value(QLatin1String("id")).toInt() == delegate)
            return value.toObject().value(QLatin1String("present")).toBool();
    }
    return false;
}

int TestServer::currentItem()
{
    return call("GET", QStringLiteral("/meetings/1")).value(QLatin1String("currentItem")).toInt();
}

void TestServer::selectItem(int item)
{
    call("PUT", QStringLiteral("/meetings/1/current-item"),
        QJsonDocument(QJsonObject {{QStringLiteral("item"), item}}).toJson());
}

void TestServer::setPresent(int delegate, bool present)
{
    call("POST",
        QStringLiteral("/meetings/1/delegates/%1/%2")
            .arg(delegate)
            .arg(present ? QStringLiteral("check-in") : QStringLiteral("check-out")));
}

int TestServer::devicesOnline()
{
    int online = 0;
    for (const QJsonValue &value : call("GET", QStringLiteral("/meetings/1/devices"))
                                       .value(QLatin1String("devices"))
                                       .toArray())
        online += value.toObject().value(QLatin1String("online")).toBool() ? 1 : 0;
    return online;
}

} // namespace chamber::testing
