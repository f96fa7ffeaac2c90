#include "healthprobe.h"

#include "clientfleet.h"
#include "protocol/tlspin.h"

#include <QSslSocket>

namespace chamber::bench::hostile {

QJsonObject HealthProbe::json() const
{
    return {{QStringLiteral("ok"), ok}, {QStringLiteral("status"), status},
        {QStringLiteral("connect_ms"), connectMs}, {QStringLiteral("handshake_ms"), handshakeMs},
        {QStringLiteral("total_ms"), totalMs}, {QStringLiteral("error"), error}};
}

HealthProbe probeHealth(
    const QHostAddress &host, quint16 port, const QByteArray &pin, int timeoutMs)
{
    HealthProbe probe;
    QSslSocket socket;
    socket.setSslConfiguration(protocol::pinnedClientConfiguration());
    QByteArray answer;
    bool done = false;
    const qint64 start = nowNs();
    const auto since = [start] { return double(nowNs() - start) / 1e6; };
    QObject::connect(&socket, &QSslSocket::sslErrors, [&](const QList<QSslError> &errors) {
        if (protocol::peerMatchesPin(socket.peerCertificate(), pin))
            socket.ignoreSslErrors(errors);
    });
    QObject::connect(&socket, &QSslSocket::connected, [&] { probe.connectMs = since(); });
    QObject::connect(&socket, &QSslSocket::encrypted, [&] {
        probe.handshakeMs = since();
        socket.write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    });
    QObject::connect(&socket, &QSslSocket::readyRead, [&] {
        answer += socket.readAll();
        const qsizetype headEnd = answer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        probe.status = answer.startsWith("HTTP/1.") ? answer.mid(9, 3).toInt() : 0;
        const qsizetype lengthAt = answer.toLower().indexOf("content-length:");
        const qint64 length = lengthAt >= 0 && lengthAt < headEnd
            ? answer.mid(lengthAt + 15, answer.indexOf("\r\n", lengthAt) - lengthAt - 15)
                  .trimmed()
                  .toLongLong()
            : 0;
        if (answer.size() - headEnd - 4 >= length) {
            probe.ok = probe.status == 200;
            done = true;
        }
    });
    QObject::connect(&socket, &QSslSocket::errorOccurred, [&] {
        if (!done) {
            probe.error = socket.errorString();
            done = true;
        }
    });
    socket.connectToHostEncrypted(host.toString(), port);
    if (!waitUntil([&] { return done; }, timeoutMs) && probe.error.isEmpty())
        probe.error = QStringLiteral("no answer within %1 ms").arg(timeoutMs);
    probe.totalMs = since();
    socket.abort();
    return probe;
}

} // namespace chamber::bench::hostile
