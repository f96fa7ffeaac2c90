// Blocking HTTPS requests to a test server, pinned like every real client.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace chamber::testing {

struct RestResponse
{
    int status = 0; // 0: no HTTP answer at all
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QJsonObject json() const;
    // The value of a header (names compare without case); empty when absent.
    QByteArray header(const char *name) const;
};

RestResponse restCall(const QByteArray &method, const QString &url, const QByteArray &pin,
    const QByteArray &token = {}, const QByteArray &body = {},
    const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 15000);

} // namespace chamber::testing
