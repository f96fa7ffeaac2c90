// Who may open a connection, shared by the accepting thread and the I/O threads: open
// connections in all and per address, and TLS handshakes in progress in all (beyond the limit
// the oldest handshake is dropped, not the newcomer: a host holding connections that never say
// ClientHello must not keep everyone else out) and per address (beyond it the newcomer goes).
#pragma once

#include "edge/edgelimits.h"
#include "support/tokenbucket.h"

#include <QHash>
#include <QHostAddress>
#include <QMutex>

#include <atomic>
#include <list>
#include <memory>

namespace chamber::edge {

class ConnectionLink;

struct AdmissionCounts
{
    qint64 open = 0;
    qint64 handshaking = 0;
    qint64 refusedTotal = 0; // over maxConnections
    qint64 refusedPerAddress = 0; // over maxConnectionsPerAddress or maxHandshakesPerAddress
    qint64 handshakesDropped = 0; // oldest dropped for a newcomer
    qint64 refusedRate = 0; // over acceptBudgetPerAddress
};

class Admission
{
public:
    explicit Admission(const EdgeLimits &limits)
        : m_limits(limits)
    { }

    // The address as counted: IPv4-mapped IPv6 addresses as IPv4.
    static QHostAddress normalized(const QHostAddress &address);

    enum class Verdict { Admitted, TooMany, TooManyFromAddress, TooFastFromAddress };
    // Counts an open connection from `address` when admitted. `nowMs`: a monotonic clock.
    Verdict admit(const QHostAddress &address, qint64 nowMs);
    void release(const QHostAddress &address);

    // A TLS handshake begins at `nowMs` (a monotonic clock); returns the link of the handshake
    // to drop to make room (null: none), or sets *refused when this address has too many in
    // progress already. Over maxHandshakes, only a handshake older than kStaleHandshakeMs is
    // dropped: a handshake that young is one being done (a room of tablets joining at once),
    // not one left hanging, and the newcomer comes in over the limit instead.
    static constexpr qint64 kStaleHandshakeMs = 1000;
    std::shared_ptr<ConnectionLink> handshakeStarted(
        const std::shared_ptr<ConnectionLink> &link, qint64 nowMs, bool *refused);
    void handshakeEnded(const ConnectionLink &link);

    AdmissionCounts counts() const;

private:
    bool limited(const QHostAddress &address) const;
    void forgetHandshake(const ConnectionLink &link); // with the mutex held

    const EdgeLimits m_limits;
    mutable QMutex m_mutex;
    QHash<QHostAddress, int> m_openPerAddress;
    QHash<QHostAddress, int> m_handshakesPerAddress;
    // Accept budgets of addresses seen lately; forgotten once full again (bounded below).
    QHash<QHostAddress, support::TokenBucket> m_acceptBudgets;
    // In the order they began; the front is the oldest.
    struct Handshake
    {
        std::weak_ptr<ConnectionLink> link;
        qint64 startedMs = 0;
    };
    std::list<Handshake> m_handshakes;
    QHash<quint64, std::list<Handshake>::iterator> m_handshakeIndex;
    AdmissionCounts m_counts;
};

} // namespace chamber::edge
