// The attackers of the hostile-load benchmark, each a fleet of sockets bound to its own
// loopback source addresses (Linux routes all of 127.0.0.0/8 to lo), so per-address limits in
// the server see them apart from the honest tablets on 127.0.0.1. Each reconnects when the
// server cuts or refuses it, so the pressure lasts however the server defends itself; nothing
// here waits without a timeout.
#pragma once

#include "rawwebsocket.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <map>
#include <memory>
#include <vector>

namespace chamber::bench::hostile {

struct Target
{
    QHostAddress host;
    quint16 port = 0;
};

// `prefix` + (1 + index / perAddress): 127.0.2.1 for the first hundred idle connections, …
QHostAddress sourceAddress(const QString &prefix, int index, int perAddress);

// What happened to one kind of attacker so far.
struct AttackCounters
{
    qint64 attempts = 0; // connects started
    qint64 established = 0; // connects that got through (TCP, or TLS where it does TLS)
    qint64 refused = 0; // connects that failed or timed out before that
    qint64 cut = 0; // established connections the server closed
    qint64 bytesSent = 0;
    std::map<int, qint64> statuses; // HTTP answers by status
    QJsonObject json() const;
};

// TCP connections that never send a byte (no TLS ClientHello).
class IdleConnections
{
public:
    IdleConnections(Target target, int count, int perAddress);
    void start();
    void stop();
    int connected() const;
    // Sockets that have been connected at least once: "in place" even when a server that cuts
    // idle connections never lets them all be connected at the same moment.
    int everInPlace() const { return int(std::count(m_ever.begin(), m_ever.end(), 1)); }
    const AttackCounters &counters() const { return m_counters; }

private:
    void connectOne(size_t index);
    void again(size_t index, int delayMs);

    QObject m_context; // owns the reconnect timers: none fire after destruction
    Target m_target;
    int m_perAddress;
    std::vector<std::unique_ptr<QTcpSocket>> m_sockets;
    std::vector<std::unique_ptr<QTimer>> m_connectTimeouts;
    std::vector<char> m_scheduled; // a reconnect is on its way
    std::vector<char> m_ever;
    AttackCounters m_counters;
    bool m_running = false;
};

// After the TLS handshake, an HTTP request head sent one byte a second that never ends.
class Slowloris
{
public:
    Slowloris(Target target, int count, int perAddress);
    void start();
    void stop();
    int inPlace() const; // handshake done, trickling
    int everInPlace() const { return int(std::count(m_ever.begin(), m_ever.end(), 1)); }
    const AttackCounters &counters() const { return m_counters; }

private:
    void connectOne(size_t index);
    void again(size_t index, int delayMs);
    void trickle();

    QObject m_context;
    Target m_target;
    int m_perAddress;
    std::vector<std::unique_ptr<QSslSocket>> m_sockets;
    std::vector<qint64> m_position; // bytes of the endless head sent; -1: not in place
    std::vector<qint64> m_attempt; // which connect each socket is on
    std::vector<char> m_scheduled;
    std::vector<char> m_ever;
    QTimer m_tick;
    AttackCounters m_counters;
    bool m_running = false;
};

// Over TLS, as fast as the server takes it: either an unfinished header line of `headerBytes`
// (then the connection is held a second, dropped and made again), or an unauthenticated
// `POST /api/v1/meetings` announcing and streaming a body of `bodyBytes` (then the answer is
// awaited up to 10 s, and again).
class HugeSenders
{
public:
    HugeSenders(Target target, int headerClients, int bodyClients, qint64 headerBytes,
        qint64 bodyBytes, int perAddress);
    void start();
    void stop();
    int inPlace() const;
    int everInPlace() const { return int(std::count(m_ever.begin(), m_ever.end(), 1)); }
    const AttackCounters &counters() const { return m_counters; }
    qint64 rounds() const { return m_rounds; } // heads or bodies sent in full

private:
    struct Client
    {
        std::unique_ptr<QSslSocket> socket;
        bool body = false;
        qint64 remaining = 0; // of the line or body still to queue
        bool answered = false;
        QTimer finish; // after all is sent: hold (head) or wait for the answer (body)
    };
    void connectOne(size_t index);
    void again(size_t index, int delayMs);
    void pump(size_t index);

    QObject m_context;
    Target m_target;
    int m_perAddress;
    qint64 m_headerBytes;
    qint64 m_bodyBytes;
    std::vector<std::unique_ptr<Client>> m_clients;
    QByteArray m_chunk;
    std::vector<char> m_scheduled;
    std::vector<char> m_ever;
    AttackCounters m_counters;
    qint64 m_rounds = 0;
    bool m_running = false;
};

// An enrolled tablet that pipelines commands as fast as its socket takes them, reading (and
// counting) the answers without waiting for them. `mode`: "ping", "attendance" (check-in and
// check-out of its own delegate, each an event on disk) or "mixed" (both in turn).
class FloodingTablet
{
public:
    FloodingTablet(
        Target target, QHostAddress source, QString credential, qint64 delegate, QString mode);
    void start();
    void stop();
    bool inPlace() const { return m_flooding; }
    bool everInPlace() const { return m_everFlooded; }
    QJsonObject json() const;

private:
    void connectAgain(int delayMs);
    void fill();
    void onText(const QByteArray &text);

    QObject m_context;
    Target m_target;
    RawWebSocket m_socket;
    QString m_credential;
    QList<QByteArray> m_commands; // sent in turn
    qsizetype m_next = 0;
    bool m_running = false;
    bool m_flooding = false;
    bool m_everFlooded = false;
    AttackCounters m_counters;
    qint64 m_sent = 0;
    qint64 m_ok = 0;
    qint64 m_errors = 0;
    qint64 m_rateLimited = 0;
    qint64 m_byes = 0;
    QString m_lastClose;
};

// The attackers' process (bench_hostile --attacker-process), driven over stdin/stdout:
// {"cmd":"start", …} starts every attacker, "status" tells how many are in place and what
// happened to them, "stop" drops them all at once.
int attackerProcess();

} // namespace chamber::bench::hostile
