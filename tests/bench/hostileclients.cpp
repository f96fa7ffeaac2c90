#include "hostileclients.h"

#include "protocol/schema.h"

#include <QJsonDocument>
#include <QSslConfiguration>

namespace chamber::bench::hostile {

namespace {

// A connect that neither succeeds nor fails within this is dropped and made again (a server
// whose accept queue is full drops SYNs, and the kernel would retry for two minutes).
constexpr int kConnectTimeoutMs = 10000;
// Pauses before connecting again: short after a cut, longer after a refusal, so a server that
// refuses at once does not get a busy loop of connects from us.
constexpr int kAfterCutMs = 100;
constexpr int kAfterRefusalMs = 500;

// The HTTP status of an answer starting in `bytes`, or 0.
int statusOf(const QByteArray &bytes)
{
    if (!bytes.startsWith("HTTP/1."))
        return 0;
    return bytes.mid(9, 3).toInt();
}

QSslConfiguration anyCertificate()
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

} // namespace

QHostAddress sourceAddress(const QString &prefix, int index, int perAddress)
{
    return QHostAddress(prefix + QString::number(1 + index / std::max(1, perAddress)));
}

QJsonObject AttackCounters::json() const
{
    QJsonObject answers;
    for (const auto &[status, count] : statuses)
        answers.insert(QString::number(status), count);
    return {{QStringLiteral("attempts"), attempts}, {QStringLiteral("established"), established},
        {QStringLiteral("refused"), refused}, {QStringLiteral("cut"), cut},
        {QStringLiteral("bytes_sent"), bytesSent}, {QStringLiteral("http_answers"), answers}};
}

// --- idle ----------------------------------------------------------------------------------------

IdleConnections::IdleConnections(Target target, int count, int perAddress)
    : m_target(std::move(target))
    , m_perAddress(perAddress)
    , m_scheduled(size_t(count), 0)
    , m_ever(size_t(count), 0)
{
    for (int index = 0; index < count; ++index) {
        auto socket = std::make_unique<QTcpSocket>();
        auto timeout = std::make_unique<QTimer>();
        timeout->setSingleShot(true);
        QTcpSocket *raw = socket.get();
        const auto i = size_t(index);
        QObject::connect(timeout.get(), &QTimer::timeout, &m_context, [this, raw, i] {
            ++m_counters.refused;
            raw->abort();
            again(i, 0);
        });
        QObject::connect(raw, &QTcpSocket::connected, &m_context, [this, i] {
            m_connectTimeouts[i]->stop();
            m_ever[i] = 1;
            ++m_counters.established;
        });
        QObject::connect(raw, &QTcpSocket::readyRead, &m_context, [raw] { raw->readAll(); });
        QObject::connect(raw, &QTcpSocket::disconnected, &m_context, [this, i] {
            ++m_counters.cut;
            again(i, kAfterCutMs);
        });
        QObject::connect(raw, &QTcpSocket::errorOccurred, &m_context, [this, raw, i] {
            if (raw->state() == QAbstractSocket::ConnectedState)
                return; // disconnected() follows
            m_connectTimeouts[i]->stop();
            ++m_counters.refused;
            again(i, kAfterRefusalMs);
        });
        m_sockets.push_back(std::move(socket));
        m_connectTimeouts.push_back(std::move(timeout));
    }
}

void IdleConnections::start()
{
    m_running = true;
    for (size_t i = 0; i < m_sockets.size(); ++i)
        connectOne(i);
}

void IdleConnections::stop()
{
    m_running = false;
    for (size_t i = 0; i < m_sockets.size(); ++i) {
        m_connectTimeouts[i]->stop();
        m_sockets[i]->abort();
    }
}

int IdleConnections::connected() const
{
    return int(std::count_if(m_sockets.begin(), m_sockets.end(),
        [](const auto &socket) { return socket->state() == QAbstractSocket::ConnectedState; }));
}

void IdleConnections::connectOne(size_t index)
{
    m_scheduled[index] = 0;
    if (!m_running)
        return;
    QTcpSocket &socket = *m_sockets[index];
    socket.abort();
    socket.bind(sourceAddress(QStringLiteral("127.0.2."), int(index), m_perAddress));
    ++m_counters.attempts;
    m_connectTimeouts[index]->start(kConnectTimeoutMs);
    socket.connectToHost(m_target.host, m_target.port);
}

void IdleConnections::again(size_t index, int delayMs)
{
    // Not from inside the socket's own signal: abort() and bind() there would re-enter it. Once:
    // an error and a disconnect may both ask.
    if (std::exchange(m_scheduled[index], char(1)))
        return;
    QTimer::singleShot(delayMs, &m_context, [this, index] { connectOne(index); });
}

// --- slowloris -----------------------------------------------------------------------------------

Slowloris::Slowloris(Target target, int count, int perAddress)
    : m_target(std::move(target))
    , m_perAddress(perAddress)
    , m_position(size_t(count), -1)
    , m_attempt(size_t(count), 0)
    , m_scheduled(size_t(count), 0)
    , m_ever(size_t(count), 0)
{
    for (int index = 0; index < count; ++index) {
        auto socket = std::make_unique<QSslSocket>();
        QSslSocket *raw = socket.get();
        raw->setSslConfiguration(anyCertificate());
        const auto i = size_t(index);
        QObject::connect(raw, &QSslSocket::encrypted, &m_context, [this, i] {
            ++m_counters.established;
            m_ever[i] = 1;
            m_position[i] = 0;
        });
        QObject::connect(raw, &QSslSocket::readyRead, &m_context, [this, raw] {
            if (const int status = statusOf(raw->readAll()))
                ++m_counters.statuses[status];
        });
        QObject::connect(raw, &QSslSocket::disconnected, &m_context, [this, i] {
            if (m_position[i] >= 0)
                ++m_counters.cut;
            else
                ++m_counters.refused; // cut during the handshake
            m_position[i] = -1;
            again(i, kAfterCutMs);
        });
        QObject::connect(raw, &QSslSocket::errorOccurred, &m_context, [this, raw, i] {
            if (raw->state() == QAbstractSocket::ConnectedState)
                return;
            ++m_counters.refused;
            m_position[i] = -1;
            again(i, kAfterRefusalMs);
        });
        m_sockets.push_back(std::move(socket));
    }
    QObject::connect(&m_tick, &QTimer::timeout, &m_context, [this] { trickle(); });
}

void Slowloris::start()
{
    m_running = true;
    for (size_t i = 0; i < m_sockets.size(); ++i)
        connectOne(i);
    m_tick.start(1000);
}

void Slowloris::stop()
{
    m_running = false;
    m_tick.stop();
    for (auto &socket : m_sockets)
        socket->abort();
}

int Slowloris::inPlace() const
{
    return int(std::count_if(
        m_position.begin(), m_position.end(), [](qint64 position) { return position >= 0; }));
}

void Slowloris::connectOne(size_t index)
{
    m_scheduled[index] = 0;
    if (!m_running)
        return;
    QSslSocket &socket = *m_sockets[index];
    socket.abort();
    socket.bind(sourceAddress(QStringLiteral("127.0.3."), int(index), m_perAddress));
    const qint64 attempt = ++m_counters.attempts;
    m_attempt[index] = attempt;
    m_position[index] = -1;
    socket.connectToHostEncrypted(m_target.host.toString(), m_target.port);
    // A handshake that hangs is a refusal too: the server may just never answer.
    QTimer::singleShot(kConnectTimeoutMs, &m_context, [this, index, attempt] {
        if (!m_running || m_attempt[index] != attempt || m_position[index] >= 0)
            return;
        QSslSocket &socket = *m_sockets[index];
        const bool connected = socket.state() == QAbstractSocket::ConnectedState;
        socket.abort(); // when connected, disconnected() counts it and comes again
        if (!connected) {
            ++m_counters.refused;
            again(index, 0);
        }
    });
}

void Slowloris::again(size_t index, int delayMs)
{
    if (std::exchange(m_scheduled[index], char(1)))
        return;
    QTimer::singleShot(delayMs, &m_context, [this, index] { connectOne(index); });
}

void Slowloris::trickle()
{
    // An endless head: a request line, then header lines of 30 bytes, never the empty line.
    static const QByteArray start = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    static const QByteArray line = "X-Slow: aaaaaaaaaaaaaaaaaaaa\r\n";
    for (size_t i = 0; i < m_sockets.size(); ++i) {
        if (m_position[i] < 0 || !m_sockets[i]->isEncrypted())
            continue;
        const qint64 at = m_position[i]++;
        const char byte
            = at < start.size() ? start.at(at) : line.at((at - start.size()) % line.size());
        m_sockets[i]->write(&byte, 1);
        ++m_counters.bytesSent;
    }
}

// --- huge heads and bodies -----------------------------------------------------------------------

HugeSenders::HugeSenders(Target target, int headerClients, int bodyClients, qint64 headerBytes,
    qint64 bodyBytes, int perAddress)
    : m_target(std::move(target))
    , m_perAddress(perAddress)
    , m_headerBytes(headerBytes)
    , m_bodyBytes(bodyBytes)
    , m_chunk(64 * 1024, 'a')
    , m_scheduled(size_t(headerClients + bodyClients), 0)
    , m_ever(size_t(headerClients + bodyClients), 0)
{
    for (int index = 0; index < headerClients + bodyClients; ++index) {
        auto client = std::make_unique<Client>();
        client->socket = std::make_unique<QSslSocket>();
        client->body = index >= headerClients;
        client->finish.setSingleShot(true);
        QSslSocket *raw = client->socket.get();
        raw->setSslConfiguration(anyCertificate());
        const auto i = size_t(index);
        QObject::connect(raw, &QSslSocket::encrypted, &m_context, [this, i] {
            ++m_counters.established;
            m_ever[i] = 1;
            Client &c = *m_clients[i];
            QByteArray head;
            if (c.body) {
                head = "POST /api/v1/meetings HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                       "Content-Type: application/json\r\nContent-Length: "
                    + QByteArray::number(m_bodyBytes) + "\r\n\r\n";
                c.remaining = m_bodyBytes;
            } else {
                head = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Huge: ";
                c.remaining = m_headerBytes;
            }
            c.socket->write(head);
            pump(i);
        });
        QObject::connect(
            raw, &QSslSocket::encryptedBytesWritten, &m_context, [this, i](qint64) { pump(i); });
        QObject::connect(raw, &QSslSocket::readyRead, &m_context, [this, raw, i] {
            Client &c = *m_clients[i];
            const int status = statusOf(raw->readAll());
            if (status == 0 || c.answered)
                return;
            // Answered (a refusal, or the 401 after a whole body): drop it and come again.
            ++m_counters.statuses[status];
            c.answered = true;
            c.finish.start(100);
        });
        QObject::connect(raw, &QSslSocket::disconnected, &m_context, [this, i] {
            Client &c = *m_clients[i];
            c.finish.stop();
            if (c.remaining >= 0)
                ++m_counters.cut;
            again(i, kAfterCutMs);
        });
        QObject::connect(raw, &QSslSocket::errorOccurred, &m_context, [this, raw, i] {
            if (raw->state() == QAbstractSocket::ConnectedState)
                return;
            ++m_counters.refused;
            again(i, kAfterRefusalMs);
        });
        QObject::connect(&client->finish, &QTimer::timeout, &m_context, [this, i] {
            Client &c = *m_clients[i];
            if (c.remaining < 0 && !c.answered) {
                // Never got through the handshake in time.
                ++m_counters.refused;
            }
            c.remaining = -1; // what follows is ours, not a cut
            c.socket->abort();
            again(i, 0);
        });
        m_clients.push_back(std::move(client));
    }
}

void HugeSenders::start()
{
    m_running = true;
    for (size_t i = 0; i < m_clients.size(); ++i)
        connectOne(i);
}

void HugeSenders::stop()
{
    m_running = false;
    for (auto &client : m_clients) {
        client->finish.stop();
        client->remaining = -1;
        client->socket->abort();
    }
}

int HugeSenders::inPlace() const
{
    return int(std::count_if(m_clients.begin(), m_clients.end(),
        [](const auto &client) { return client->socket->isEncrypted(); }));
}

void HugeSenders::connectOne(size_t index)
{
    m_scheduled[index] = 0;
    if (!m_running)
        return;
    Client &c = *m_clients[index];
    c.remaining = -1; // not established yet
    c.answered = false;
    c.socket->abort();
    c.socket->bind(sourceAddress(QStringLiteral("127.0.4."), int(index), m_perAddress));
    ++m_counters.attempts;
    c.socket->connectToHostEncrypted(m_target.host.toString(), m_target.port);
    c.finish.start(kConnectTimeoutMs); // restarted once everything is queued
}

void HugeSenders::again(size_t index, int delayMs)
{
    if (std::exchange(m_scheduled[index], char(1)))
        return;
    QTimer::singleShot(delayMs, &m_context, [this, index] { connectOne(index); });
}

void HugeSenders::pump(size_t index)
{
    Client &c = *m_clients[index];
    if (!c.socket->isEncrypted() || c.remaining < 0)
        return;
    // Keep 1 MiB queued: as fast as the server reads, no faster.
    while (c.remaining > 0 && c.socket->bytesToWrite() < 1024 * 1024) {
        const qint64 size = std::min<qint64>(c.remaining, m_chunk.size());
        const qint64 written = c.socket->write(m_chunk.constData(), size);
        if (written <= 0)
            return;
        c.remaining -= written;
        m_counters.bytesSent += written;
    }
    if (c.remaining == 0 && c.socket->bytesToWrite() == 0 && !c.finish.isActive()) {
        ++m_rounds;
        // A head is held a second before coming again; a body waits for its answer.
        c.finish.start(c.body ? 10000 : 1000);
    } else if (c.remaining > 0) {
        c.finish.stop(); // the handshake timeout no longer applies
    }
}

// --- the flooding tablet -------------------------------------------------------------------------

FloodingTablet::FloodingTablet(
    Target target, QHostAddress source, QString credential, qint64 delegate, QString mode)
    : m_target(std::move(target))
    , m_socket(std::move(source))
    , m_credential(std::move(credential))
{
    const auto command = [delegate](const char *type) {
        QJsonObject message {{QStringLiteral("type"), QLatin1String(type)},
            {QStringLiteral("id"), QStringLiteral("f")}};
        if (QByteArray(type).startsWith("attendance")) {
            message.insert(QStringLiteral("meeting"), 1);
            message.insert(QStringLiteral("delegate"), delegate);
        }
        return QJsonDocument(message).toJson(QJsonDocument::Compact);
    };
    if (mode != QLatin1String("attendance"))
        m_commands << command("ping");
    if (mode != QLatin1String("ping"))
        m_commands << command("attendance.checkIn");
    if (mode == QLatin1String("mixed"))
        m_commands << command("ping");
    if (mode != QLatin1String("ping"))
        m_commands << command("attendance.checkOut");

    m_socket.onOpen = [this] {
        ++m_counters.established;
        m_socket.sendText(
            QJsonDocument(QJsonObject {{QStringLiteral("type"), QStringLiteral("hello")},
                              {QStringLiteral("id"), QStringLiteral("hello")},
                              {QStringLiteral("protocol"), protocol::kProtocolVersion},
                              {QStringLiteral("credential"), m_credential},
                              {QStringLiteral("client"), QStringLiteral("flooder")}})
                .toJson(QJsonDocument::Compact));
    };
    m_socket.onText = [this](const QByteArray &text) { onText(text); };
    m_socket.onWritten = [this] { fill(); };
    m_socket.onClosed = [this](const QString &why) {
        m_lastClose = why;
        if (m_flooding)
            ++m_counters.cut;
        else
            ++m_counters.refused;
        m_flooding = false;
        connectAgain(m_counters.refused > m_counters.cut ? kAfterRefusalMs : kAfterCutMs);
    };
}

void FloodingTablet::start()
{
    m_running = true;
    connectAgain(0);
}

void FloodingTablet::stop()
{
    m_running = false;
    m_flooding = false;
    m_socket.abort();
}

void FloodingTablet::connectAgain(int delayMs)
{
    QTimer::singleShot(delayMs, &m_context, [this] {
        if (!m_running || !m_socket.isClosed())
            return;
        ++m_counters.attempts;
        m_socket.open(m_target.host, m_target.port);
        // An upgrade or hello that never comes is a refusal: try again.
        QTimer::singleShot(kConnectTimeoutMs, &m_context, [this, attempt = m_counters.attempts] {
            if (m_running && !m_flooding && attempt == m_counters.attempts) {
                m_socket.abort();
                ++m_counters.refused;
                connectAgain(0);
            }
        });
    });
}

void FloodingTablet::fill()
{
    // As fast as the socket takes them: keep 256 KiB queued, never wait for an answer.
    while (m_flooding && m_socket.bytesToWrite() < 256 * 1024) {
        const QByteArray &frame = m_commands.at(m_next++ % m_commands.size());
        m_socket.sendText(frame);
        m_counters.bytesSent += frame.size();
        ++m_sent;
    }
}

void FloodingTablet::onText(const QByteArray &text)
{
    const bool ok = text.contains(R"("type":"ok")");
    if (!m_flooding && text.contains(R"("id":"hello")")) {
        if (!ok) {
            m_lastClose = QString::fromUtf8(text.left(200));
            m_socket.abort();
            ++m_counters.refused;
            connectAgain(1000);
            return;
        }
        m_flooding = true;
        m_everFlooded = true;
        fill();
        return;
    }
    if (ok)
        ++m_ok;
    else if (text.contains("rate_limited"))
        ++m_rateLimited;
    else if (text.contains(R"("type":"error")"))
        ++m_errors;
    else if (text.contains(R"("type":"bye")"))
        ++m_byes;
}

QJsonObject FloodingTablet::json() const
{
    QJsonObject counters = m_counters.json();
    counters.insert(QStringLiteral("commands_sent"), m_sent);
    counters.insert(QStringLiteral("ok"), m_ok);
    counters.insert(QStringLiteral("errors"), m_errors);
    counters.insert(QStringLiteral("rate_limited"), m_rateLimited);
    counters.insert(QStringLiteral("byes"), m_byes);
    counters.insert(QStringLiteral("last_close"), m_lastClose);
    return counters;
}

} // namespace chamber::bench::hostile
