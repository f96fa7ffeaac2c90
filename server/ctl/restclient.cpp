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

Result<HttpResult> RestClient::once(const QByteArray &method, const QString &path,
    const QByteArray &body, const QByteArray &contentType, const QByteArray &idempotencyKey)
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
    return HttpResult {status.toInt(), reply->readAll()};
}

} // namespace chamber::ctl
