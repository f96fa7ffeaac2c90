#include "restcall.h"

#include "protocol/tlspin.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace chamber::testing {

QByteArray RestResponse::header(const char *name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonObject RestResponse::json() const
{
    return QJsonDocument::fromJson(body).object();
}

RestResponse restCall(const QByteArray &method, const QString &url, const QByteArray &pin,
    const QByteArray &token, const QByteArray &body,
    const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    // A fresh manager per call: a shared one would reuse a TLS connection verified under
    // another pin, and a wrong-pin test would pass through it.
    QNetworkAccessManager network;
    QNetworkRequest request {QUrl(url)};
    request.setSslConfiguration(protocol::pinnedClientConfiguration());
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(timeoutMs);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = network.sendCustomRequest(request, method, body);
    QObject::connect(
        reply, &QNetworkReply::sslErrors, reply, [reply, pin](const QList<QSslError> &errors) {
            if (protocol::peerMatchesPin(reply->sslConfiguration().peerCertificate(), pin))
                reply->ignoreSslErrors(errors);
        });
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    RestResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->readAll();
    response.headers = reply->rawHeaderPairs();
    delete reply;
    return response;
}

} // namespace chamber::testing
