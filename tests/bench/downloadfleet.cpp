#include "downloadfleet.h"

#include "clientfleet.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

namespace chamber::bench {

namespace {
constexpr qint64 kReadChunk = 256 * 1024;
} // namespace

struct DownloadFleet::Client
{
    std::unique_ptr<QSslSocket> socket = std::make_unique<QSslSocket>();
    QByteArray header;
    bool inBody = false;
    qint64 contentLength = -1;
    qint64 received = 0;
    bool done = false;
    bool failed = false;
    QString error;
    std::unique_ptr<QCryptographicHash> hash; // the first client only
};

DownloadFleet::DownloadFleet(quint16 port, QByteArray path, QByteArray authorization,
    qint64 expectedBytes, QByteArray expectedSha256)
    : m_port(port)
    , m_expectedBytes(expectedBytes)
    , m_expectedSha256(std::move(expectedSha256))
{
    m_request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
        + "\r\nUser-Agent: chamber-bench\r\nAccept: */*\r\nConnection: close\r\n";
    if (!authorization.isEmpty())
        m_request += "Authorization: " + authorization + "\r\n";
    m_request += "\r\n";
}

DownloadFleet::~DownloadFleet() = default;

DownloadRun DownloadFleet::run(int count, const std::function<void()> &sample, int timeoutMs)
{
    std::vector<std::unique_ptr<Client>> clients;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    // Loopback, a benchmark: both servers present the same self-signed certificate.
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    DownloadRun result;
    result.clients = count;
    int finished = 0;
    qint64 lastDoneNs = 0;
    qint64 firstDoneNs = 0;
    std::vector<char> buffer(static_cast<size_t>(kReadChunk));
    const qint64 startNs = nowNs();
    for (int i = 0; i < count; ++i) {
        auto client = std::make_unique<Client>();
        Client *c = client.get();
        if (i == 0)
            c->hash = std::make_unique<QCryptographicHash>(QCryptographicHash::Sha256);
        c->socket->setSslConfiguration(tls);
        const auto fail = [c, &finished](const QString &why) {
            if (c->done || c->failed)
                return;
            c->failed = true;
            c->error = why;
            ++finished;
            c->socket->abort();
        };
        QObject::connect(c->socket.get(), &QSslSocket::encrypted, this,
            [this, c] { c->socket->write(m_request); });
        QObject::connect(c->socket.get(), &QSslSocket::readyRead, this,
            [this, c, fail, &buffer, &finished, &lastDoneNs, &firstDoneNs] {
                while (c->socket->bytesAvailable() > 0 && !c->done && !c->failed) {
                    const qint64 n = c->socket->read(buffer.data(), kReadChunk);
                    if (n <= 0)
                        break;
                    const char *data = buffer.data();
                    qint64 size = n;
                    if (!c->inBody) {
                        c->header.append(data, size);
                        const qsizetype end = c->header.indexOf("\r\n\r\n");
                        if (end < 0) {
                            if (c->header.size() > 65536)
                                fail(QStringLiteral("no end of headers"));
                            continue;
                        }
                        const QByteArray head = c->header.left(end);
                        const QByteArray rest = c->header.mid(end + 4);
                        if (!head.startsWith("HTTP/1.1 200"))
                            return fail(QString::fromLatin1(head.left(head.indexOf('\r'))));
                        for (const QByteArray &line : head.split('\n')) {
                            if (line.toLower().startsWith("content-length:"))
                                c->contentLength = line.mid(15).trimmed().toLongLong();
                        }
                        if (c->contentLength != m_expectedBytes)
                            return fail(QStringLiteral("Content-Length %1, expected %2")
                                            .arg(c->contentLength)
                                            .arg(m_expectedBytes));
                        c->inBody = true;
                        c->received = rest.size();
                        if (c->hash)
                            c->hash->addData(rest);
                        c->header.clear();
                    } else {
                        c->received += size;
                        if (c->hash)
                            c->hash->addData(QByteArrayView(data, size));
                    }
                    if (c->received > c->contentLength)
                        return fail(QStringLiteral("more bytes than Content-Length"));
                    if (c->received == c->contentLength) {
                        if (c->hash && c->hash->result() != m_expectedSha256)
                            return fail(QStringLiteral("the body's SHA-256 is wrong"));
                        c->done = true;
                        ++finished;
                        lastDoneNs = nowNs();
                        if (firstDoneNs == 0)
                            firstDoneNs = lastDoneNs;
                        c->socket->disconnectFromHost();
                    }
                }
            });
        QObject::connect(c->socket.get(), &QSslSocket::disconnected, this, [c, fail] {
            if (!c->done)
                fail(QStringLiteral("disconnected after %1 bytes").arg(c->received));
        });
        QObject::connect(c->socket.get(), &QAbstractSocket::errorOccurred, this,
            [c, fail](QAbstractSocket::SocketError) {
                if (!c->done)
                    fail(c->socket->errorString());
            });
        c->socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
        clients.push_back(std::move(client));
    }
    QTimer sampler;
    if (sample) {
        QObject::connect(&sampler, &QTimer::timeout, this, sample);
        sampler.start(20);
    }
    const qint64 deadline = startNs + qint64(timeoutMs) * 1000000;
    while (finished < count && nowNs() < deadline)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    sampler.stop();
    for (const auto &client : clients) {
        result.bytes += client->received;
        if (client->done)
            ++result.completed;
        else if (result.error.isEmpty())
            result.error = client->error.isEmpty() ? QStringLiteral("timed out") : client->error;
    }
    result.seconds = double((lastDoneNs ? lastDoneNs : nowNs()) - startNs) / 1e9;
    result.firstDoneSeconds = firstDoneNs ? double(firstDoneNs - startNs) / 1e9 : 0;
    // Let the sockets finish closing before they are destroyed.
    for (const auto &client : clients)
        client->socket->abort();
    return result;
}

} // namespace chamber::bench
