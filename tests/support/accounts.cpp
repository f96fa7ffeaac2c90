#include "accounts.h"

#include <QJsonDocument>

namespace chamber::testing {

QList<QPair<QByteArray, QByteArray>> BrowserSession::headers(bool withCsrf) const
{
    QList<QPair<QByteArray, QByteArray>> list {{"Cookie", "chamber_session=" + cookie}};
    if (withCsrf)
        list.append({"X-CSRF-Token", csrf});
    return list;
}

RestResponse createAccount(
    ServerProcess &server, const QString &name, const QString &role, const QString &password)
{
    const QJsonObject body {{QStringLiteral("name"), name}, {QStringLiteral("role"), role},
        {QStringLiteral("password"), password}};
    return restCall("POST", server.baseUrl() + QStringLiteral("/api/v1/accounts"), server.pin(),
        server.adminToken(), QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QByteArray sessionCookieOf(const RestResponse &response)
{
    const QByteArray setCookie = response.header("Set-Cookie");
    const QByteArray prefix = "chamber_session=";
    if (!setCookie.startsWith(prefix))
        return {};
    return setCookie.mid(prefix.size()).split(';').value(0);
}

BrowserSession logIn(ServerProcess &server, const QString &name, const QString &password)
{
    BrowserSession session;
    const QJsonObject body {{QStringLiteral("name"), name}, {QStringLiteral("password"), password}};
    session.login = restCall("POST", server.baseUrl() + QStringLiteral("/api/v1/session"),
        server.pin(), {}, QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (session.login.status != 200)
        return session;
    session.cookie = sessionCookieOf(session.login);
    session.csrf = session.login.json().value(QLatin1String("csrf")).toString().toLatin1();
    return session;
}

RestResponse asBrowser(ServerProcess &server, const BrowserSession &session,
    const QByteArray &method, const QString &path, const QByteArray &body, bool withCsrf)
{
    return restCall(
        method, server.baseUrl() + path, server.pin(), {}, body, session.headers(withCsrf));
}

} // namespace chamber::testing
