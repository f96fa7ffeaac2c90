// A small synchronous HTTPS client for chamberctl: pinned TLS, bearer token, and safe retries
// (a command is resent with the same Idempotency-Key, so a retry never doubles a change).
#pragma once

#include "protocol/error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUrl>

namespace chamber::ctl {

struct Connection
{
    QUrl server; // https://host:port
    QByteArray token; // admin token
    QByteArray pin; // SPKI SHA-256 of the server key
};

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const;
};

class RestClient
{
public:
    explicit RestClient(Connection connection);

    // Network failures are retried (3 attempts); HTTP error statuses are returned as results.
    Result<HttpResult> get(const QString &path);
    Result<HttpResult> send(const QByteArray &method, const QString &path, const QByteArray &body,
        const QByteArray &contentType = "application/json");
    // How long an answer may be silent before the request counts as failed (20 s by default;
    // an office upload waits for its conversion, which can take minutes).
    void setTransferTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    // Acts as a named account for the rest of the run: logs in (POST /api/v1/session) and
    // sends the session cookie and its CSRF token instead of the admin token.
    Status login(const QString &name, const QString &password);

private:
    Result<HttpResult> once(const QByteArray &method, const QString &path, const QByteArray &body,
        const QByteArray &contentType, const QByteArray &idempotencyKey,
        QByteArray *setCookie = nullptr);

    Connection m_connection;
    QByteArray m_cookie; // "chamber_session=..." once logged in
    QByteArray m_csrf;
    QNetworkAccessManager m_network;
    int m_timeoutMs = 20000;
};

} // namespace chamber::ctl
