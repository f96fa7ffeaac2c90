#include "workspacesession.h"

#include "browser.h"
#include "serverprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace chamber::testing {

namespace {

QString jsString(const QString &text)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

} // namespace

bool createAccount(
    ServerProcess &server, const QString &name, const QString &password, const QString &role)
{
    const QJsonObject body {{QStringLiteral("name"), name},
        {QStringLiteral("password"), password}, {QStringLiteral("role"), role}};
    const RestResponse made = restCall("POST", server.baseUrl() + QStringLiteral("/api/v1/accounts"),
        server.pin(), server.adminToken(), QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (made.status != 201)
        qWarning("account %s not made: %d %s", qPrintable(name), made.status, made.body.constData());
    return made.status == 201;
}

HttpSession openSession(ServerProcess &server, const QString &name, const QString &password)
{
    const QJsonObject body {{QStringLiteral("name"), name}, {QStringLiteral("password"), password}};
    const RestResponse answer = restCall("POST",
        server.baseUrl() + QStringLiteral("/api/v1/session"), server.pin(), {},
        QJsonDocument(body).toJson(QJsonDocument::Compact));
    HttpSession session;
    session.status = answer.status;
    session.csrf = answer.json().value(QLatin1String("csrf")).toString().toUtf8();
    session.cookie = answer.header("Set-Cookie").split(';').value(0).trimmed();
    return session;
}

RestResponse sessionCall(ServerProcess &server, const HttpSession &session,
    const QByteArray &method, const QString &path, const QByteArray &body, const QByteArray &csrf)
{
    QList<QPair<QByteArray, QByteArray>> headers {{"Cookie", session.cookie}};
    if (csrf == "session")
        headers.append({"X-CSRF-Token", session.csrf});
    else if (!csrf.isEmpty())
        headers.append({"X-CSRF-Token", csrf});
    return restCall(method, server.baseUrl() + QStringLiteral("/api/v1") + path, server.pin(), {},
        body, headers);
}

bool loginInPage(CdpClient &page, const QString &name, const QString &password)
{
    const QString script = QStringLiteral(
        "fetch('/api/v1/session', {method: 'POST', credentials: 'same-origin', headers: "
        "{'Content-Type': 'application/json'}, body: JSON.stringify({name: %1, password: %2})})"
        ".then(r => r.status)")
                               .arg(jsString(name), jsString(password));
    QString error;
    const int status = page.evaluate(script, 15000, &error).toInt();
    if (status != 200)
        qWarning("login as %s in the page: %d %s", qPrintable(name), status, qPrintable(error));
    return status == 200;
}

} // namespace chamber::testing
