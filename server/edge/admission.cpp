#include "edge/admission.h"

#include "edge/connectionlink.h"

namespace chamber::edge {

QHostAddress Admission::normalized(const QHostAddress &address)
{
    bool ok = false;
    const quint32 ipv4 = address.toIPv4Address(&ok);
    return ok ? QHostAddress(ipv4) : address;
}

bool Admission::limited(const QHostAddress &address) const
{
    return !(m_limits.trustLoopback && address.isLoopback());
}

Admission::Verdict Admission::admit(const QHostAddress &address)
{
    QMutexLocker lock(&m_mutex);
    if (m_counts.open >= m_limits.maxConnections) {
        ++m_counts.refusedTotal;
        return Verdict::TooMany;
    }
    int &fromAddress = m_openPerAddress[address];
    if (limited(address) && fromAddress >= m_limits.maxConnectionsPerAddress) {
        ++m_counts.refusedPerAddress;
        return Verdict::TooManyFromAddress;
    }
    ++fromAddress;
    ++m_counts.open;
    return Verdict::Admitted;
}

void Admission::release(const QHostAddress &address)
{
    QMutexLocker lock(&m_mutex);
    --m_counts.open;
    auto it = m_openPerAddress.find(address);
    if (it != m_openPerAddress.end() && --it.value() <= 0)
        m_openPerAddress.erase(it);
}

std::shared_ptr<ConnectionLink> Admission::handshakeStarted(
    const std::shared_ptr<ConnectionLink> &link, bool *refused)
{
    QMutexLocker lock(&m_mutex);
    *refused = false;
    int &fromAddress = m_handshakesPerAddress[link->peer()];
    if (limited(link->peer()) && fromAddress >= m_limits.maxHandshakesPerAddress) {
        if (fromAddress == 0)
            m_handshakesPerAddress.remove(link->peer());
        ++m_counts.refusedPerAddress;
        *refused = true;
        return nullptr;
    }
    ++fromAddress;
    ++m_counts.handshaking;
    m_handshakes.push_back(link);
    m_handshakeIndex.insert(link->id(), std::prev(m_handshakes.end()));
    if (m_counts.handshaking <= m_limits.maxHandshakes)
        return nullptr;
    // Make room: the oldest handshake in progress goes. It is counted out now (its connection's
    // own end is then ignored), so each newcomer drops exactly one.
    std::shared_ptr<ConnectionLink> oldest = m_handshakes.front().lock();
    if (!oldest || oldest.get() == link.get())
        return nullptr;
    forgetHandshake(*oldest);
    ++m_counts.handshakesDropped;
    return oldest;
}

void Admission::handshakeEnded(const ConnectionLink &link)
{
    QMutexLocker lock(&m_mutex);
    forgetHandshake(link);
}

void Admission::forgetHandshake(const ConnectionLink &link)
{
    const auto indexed = m_handshakeIndex.find(link.id());
    if (indexed == m_handshakeIndex.end())
        return;
    m_handshakes.erase(indexed.value());
    m_handshakeIndex.erase(indexed);
    --m_counts.handshaking;
    auto it = m_handshakesPerAddress.find(link.peer());
    if (it != m_handshakesPerAddress.end() && --it.value() <= 0)
        m_handshakesPerAddress.erase(it);
}

AdmissionCounts Admission::counts() const
{
    QMutexLocker lock(&m_mutex);
    return m_counts;
}

} // namespace chamber::edge
