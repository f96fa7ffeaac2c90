// Many HTTPS downloads of one file at once, from one event loop: the client of the document
// benchmark, the same code for chamberd and for nginx. Plain QSslSocket with a hand-written
// HTTP/1.1 GET (Connection: close) rather than QNetworkAccessManager, which would cap
// connections per host at six and copy every body into its own buffers; the body is counted
// and dropped as it arrives, and one download per run is hashed to prove the bytes are right.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace chamber::bench {

struct DownloadRun
{
    int clients = 0;
    int completed = 0; // with status 200, the whole Content-Length, and the hash (first one)
    qint64 bytes = 0; // body bytes received by all
    double seconds = 0; // from the first connect to the last byte of the last download
    double firstDoneSeconds = 0;
    QString error; // the first failure, if any
    double megabytesPerSecond() const { return seconds > 0 ? double(bytes) / 1e6 / seconds : 0; }
};

class DownloadFleet : public QObject
{
public:
    // GET `path` from 127.0.0.1:`port` with `authorization` (empty: none), expecting a body of
    // `expectedBytes` whose SHA-256 (raw) is `expectedSha256`.
    DownloadFleet(quint16 port, QByteArray path, QByteArray authorization, qint64 expectedBytes,
        QByteArray expectedSha256);
    ~DownloadFleet() override;

    // All `clients` at once; `sample` is called every 20 ms while they run (memory probes).
    DownloadRun run(int clients, const std::function<void()> &sample = {}, int timeoutMs = 300000);

private:
    struct Client;
    quint16 m_port;
    QByteArray m_request;
    qint64 m_expectedBytes;
    QByteArray m_expectedSha256;
};

} // namespace chamber::bench
