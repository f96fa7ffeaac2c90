// A brand-new client asking chamberd whether it runs: TCP connect, TLS handshake (pinned),
// GET /api/v1/health, the whole answer. How the hostile benchmark tells whether the server
// still takes new connections.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QString>

namespace chamber::bench::hostile {

struct HealthProbe
{
    bool ok = false; // a 200 with the whole body within the timeout
    int status = 0;
    double connectMs = -1; // from the start: TCP connected
    double handshakeMs = -1; // … TLS done
    double totalMs = -1; // … answer complete (or, when not ok, when it gave up)
    QString error;
    QJsonObject json() const;
};

HealthProbe probeHealth(
    const QHostAddress &host, quint16 port, const QByteArray &pin, int timeoutMs);

} // namespace chamber::bench::hostile
