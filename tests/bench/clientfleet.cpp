#include "clientfleet.h"

#include "protocol/tlspin.h"
#include "spin.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTimer>
#include <QWebSocket>

namespace chamber::bench {

qint64 nowNs()
{
    static QElapsedTimer clock = [] {
        QElapsedTimer timer;
        timer.start();
        return timer;
    }();
    return clock.nsecsElapsed();
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    // Wakes the wait now and then, so `done()` and the deadline are looked at even when no
    // event comes.
    QTimer tick;
    tick.start(20);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

ClientFleet::ClientFleet(QByteArray pin, int count)
    : m_pin(std::move(pin))
    , m_arrivals(size_t(count), -1)
    , m_counts(size_t(count), 0)
{
    for (int index = 0; index < count; ++index) {
        auto socket = std::make_unique<QWebSocket>();
        QWebSocket *raw = socket.get();
        raw->setSslConfiguration(protocol::pinnedClientConfiguration());
        connect(raw, &QWebSocket::sslErrors, this, [this, raw](const QList<QSslError> &errors) {
            if (protocol::peerMatchesPin(raw->sslConfiguration().peerCertificate(), m_pin))
                raw->ignoreSslErrors(errors);
        });
        connect(raw, &QWebSocket::textMessageReceived, this, [this, index](const QString &text) {
            const qint64 now = nowNs();
            if (!m_matches || !m_matches(text))
                return;
            if (m_counts[size_t(index)]++ == 0) {
                m_arrivals[size_t(index)] = now;
                --m_pending;
            }
        });
        m_sockets.push_back(std::move(socket));
    }
}

ClientFleet::~ClientFleet()
{
    closeAll();
}

bool ClientFleet::connectAll(const QString &url, int batch, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    for (size_t start = 0; start < m_sockets.size(); start += size_t(batch)) {
        const size_t end = std::min(m_sockets.size(), start + size_t(batch));
        for (size_t i = start; i < end; ++i)
            m_sockets[i]->open(QUrl(url));
        const bool connected = waitUntil(
            [&] {
                for (size_t i = start; i < end; ++i) {
                    if (m_sockets[i]->state() != QAbstractSocket::ConnectedState)
                        return false;
                }
                return true;
            },
            int(deadline.remainingTime()));
        if (!connected)
            return false;
    }
    return true;
}

void ClientFleet::sendAll(const QString &text)
{
    for (auto &socket : m_sockets)
        socket->sendTextMessage(text);
}

void ClientFleet::send(int index, const QString &text)
{
    m_sockets[size_t(index)]->sendTextMessage(text);
}

void ClientFleet::arm(Matcher matches)
{
    std::fill(m_arrivals.begin(), m_arrivals.end(), -1);
    std::fill(m_counts.begin(), m_counts.end(), 0);
    m_pending = int(m_sockets.size());
    m_matches = std::move(matches);
}

bool ClientFleet::waitAllArrived(int timeoutMs)
{
    return waitUntil([this] { return m_pending <= 0; }, timeoutMs);
}

bool ClientFleet::waitForCount(int perClient, int timeoutMs)
{
    return waitUntil(
        [&] {
            return std::all_of(m_counts.begin(), m_counts.end(),
                [perClient](int count) { return count >= perClient; });
        },
        timeoutMs);
}

void ClientFleet::closeAll()
{
    for (auto &socket : m_sockets)
        socket->abort();
}

} // namespace chamber::bench
