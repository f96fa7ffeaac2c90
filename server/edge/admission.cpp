#include "edge/admission.h"

#include "edge/connectionlink.h"

namespace chamber::edge {

QHostAddress Admission::normalized(const QHostAddress &address)
{
    bool ok = false;
    const quint32 ipv4 = address.toIPv4Address(&ok);
    return ok ? QHostAddress(ipv4) : address;
}

namespace {
// Accept budgets kept at most; beyond, the full ones are forgotten (a flood of spoofed
// addresses cannot grow the table; an address that is forgotten starts with a full bucket).
constexpr qsizetype kMaxAcceptBudgets = 65536;
} // namespace

bool Admission::limited(const QHostAddress &address) const
{
    const bool local = address == QHostAddress(QHostAddress::LocalHost)
        || address == QHostAddress(QHostAddress::LocalHostIPv6);
    return !(m_limits.trustLoopback && local);
}

Admission::Verdict Admission::admit(const QHostAddress &address, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    if (m_counts.open >= m_limits.maxConnections) {
        ++m_counts.refusedTotal;
        return Verdict::TooMany;
    }
    if (limited(address) && !m_limits.acceptBudgetPerAddress.unlimited()) {
        if (m_acceptBudgets.size() >= kMaxAcceptBudgets) {
            for (auto it = m_acceptBudgets.begin(); it != m_acceptBudgets.end();)
                it = it->full(nowMs) ? m_acceptBudgets.erase(it) : std::next(it);
        }
        auto budget = m_acceptBudgets.find(address);
        if (budget == m_acceptBudgets.end())
            budget = m_acceptBudgets.insert(
                address, support::TokenBucket(m_limits.acceptBudgetPerAddress, nowMs));
        if (!budget->take(nowMs)) {
            ++m_counts.refusedRate;
            return Verdict::TooFastFromAddress;
        }
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
    const std::shared_ptr<ConnectionLink> &link, qint64 nowMs, bool *refused)
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
    m_handshakes.push_back(Handshake {link, nowMs});
    m_handshakeIndex.insert(link->id(), std::prev(m_handshakes.end()));
    if (m_counts.handshaking <= m_limits.maxHandshakes)
        return nullptr;
    // Make room: the oldest handshake in progress goes. It is counted out now (its connection's
    // own end is then ignored), so each newcomer drops exactly one.
    if (nowMs - m_handshakes.front().startedMs < kStaleHandshakeMs)
        return nullptr;
    std::shared_ptr<ConnectionLink> oldest = m_handshakes.front().link.lock();
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
