#include "ctl/restclient.h"

#include "protocol/tlspin.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>
#include <QUuid>

namespace chamber::ctl {

namespace {
constexpr int kAttempts = 3;
} // namespace

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

RestClient::RestClient(Connection connection)
    : m_connection(std::move(connection))
{
    m_network.setAutoDeleteReplies(false);
}

Result<HttpResult> RestClient::get(const QString &path)
{
    return once("GET", path, {}, {}, {});
}

Result<HttpResult> RestClient::send(const QByteArray &method, const QString &path,
    const QByteArray &body, const QByteArray &contentType)
{
    const QByteArray key = "ctl-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    Result<HttpResult> result = makeError(ErrorCode::Unavailable, QStringLiteral("not sent"));
    for (int attempt = 1; attempt <= kAttempts; ++attempt) {
        result = once(method, path, body, contentType, key);
        if (result || result.error().code != ErrorCode::Unavailable)
            return result;
        QThread::msleep(300 * attempt);
    }
    return result;
}

Status RestClient::login(const QString &name, const QString &password)
{
    const QByteArray body = QJsonDocument(
        QJsonObject {{QStringLiteral("name"), name},
            {QStringLiteral("password"),
                password}}).toJson(QJsonDocument::Compact);
    m_connection.token.clear(); // the account's rights, not the admin token's
    QByteArray setCookie;
    auto result
        = once("POST", QStringLiteral("/api/v1/session"), body, "application/json", {}, &setCookie);
    if (!result)
        return result.error();
    if (result->status != 200)
        return makeError(ErrorCode::Unauthenticated,
            QStringLiteral("cannot log in as %1: %2 (HTTP %3)")
                .arg(name, result->json().value(QLatin1String("message")).toString())
                .arg(result->status));
    // The cookie's name=value, without its attributes (Path, Secure, HttpOnly, ...).
    m_cookie = setCookie.left(setCookie.indexOf(';')).trimmed();
    m_csrf = result->json().value(QLatin1String("csrf")).toString().toLatin1();
    if (m_cookie.isEmpty() || m_csrf.isEmpty())
        return makeError(ErrorCode::Internal,
            QStringLiteral("the server's login answer has no session cookie or CSRF token"));
    return success();
}

Result<HttpResult> RestClient::once(const QByteArray &method, const QString &path,
    const QByteArray &body, const QByteArray &contentType, const QByteArray &idempotencyKey,
    QByteArray *setCookie)
{
    QUrl url = m_connection.server;
    const qsizetype query = path.indexOf(u'?');
    url.setPath(query < 0 ? path : path.left(query));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest request(url);
    request.setSslConfiguration(protocol::pinnedClientConfiguration());
    if (!m_connection.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_connection.token);
    if (!m_cookie.isEmpty()) {
        request.setRawHeader("Cookie", m_cookie);
        request.setRawHeader("X-CSRF-Token", m_csrf);
    }
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(m_timeoutMs);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", idempotencyKey);

    std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(request, method, body));
    bool pinMismatch = false;
    QObject::connect(
        reply.get(), &QNetworkReply::sslErrors, reply.get(), [&](const QList<QSslError> &errors) {
            if (protocol::peerMatchesPin(
                    reply->sslConfiguration().peerCertificate(), m_connection.pin)) {
                reply->ignoreSslErrors(errors);
            } else {
                pinMismatch = true;
            }
        });
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();

    if (pinMismatch)
        return makeError(ErrorCode::Unauthenticated,
            QStringLiteral("the server at %1 does not present the pinned key; "
                           "refusing to talk to it")
                .arg(m_connection.server.toString()));
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        return makeError(ErrorCode::Unavailable,
            QStringLiteral("cannot reach %1: %2")
                .arg(m_connection.server.toString(), reply->errorString()));
    }
    if (setCookie)
        *setCookie = reply->rawHeader("Set-Cookie");
    return HttpResult {status.toInt(), reply->readAll()};
}

} // namespace chamber::ctl
