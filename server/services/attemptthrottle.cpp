#include "services/attemptthrottle.h"

#include <algorithm>
#include <limits>

namespace chamber::services {

QByteArray AttemptThrottle::keyOf(const QHostAddress &peer)
{
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4);
    if (isV4) {
        QByteArray key(5, '\0');
        key[0] = '4';
        for (int i = 0; i < 4; ++i)
            key[i + 1] = char((v4 >> (24 - 8 * i)) & 0xff);
        return key;
    }
    const Q_IPV6ADDR v6 = peer.toIPv6Address();
    QByteArray key(9, '\0');
    key[0] = '6';
    for (int i = 0; i < 8; ++i)
        key[i + 1] = char(v6[i]);
    return key;
}

qint64 AttemptThrottle::waitMs(const QHostAddress &peer, qint64 nowMs) const
{
    return waitMs(keyOf(peer), nowMs);
}

qint64 AttemptThrottle::failed(const QHostAddress &peer, qint64 nowMs)
{
    return failed(keyOf(peer), nowMs);
}

qint64 AttemptThrottle::waitMs(const QByteArray &key, qint64 nowMs) const
{
    const auto it = m_entries.constFind(key);
    if (it == m_entries.constEnd() || it->blockedUntilMs <= nowMs)
        return 0;
    return it->blockedUntilMs - nowMs;
}

bool AttemptThrottle::quiet(const Entry &entry, qint64 nowMs) const
{
    return entry.blockedUntilMs <= nowMs && nowMs - entry.lastFailureMs >= m_limits.windowMs;
}

qint64 AttemptThrottle::failed(const QByteArray &key, qint64 nowMs)
{
    auto it = m_entries.find(key);
    if (it == m_entries.end()) {
        if (m_entries.size() >= m_limits.maxAddresses)
            makeRoom(nowMs);
        it = m_entries.insert(key, Entry {0, nowMs, nowMs, 0, m_limits.backoffMs});
    }
    Entry &entry = it.value();
    if (quiet(entry, nowMs)) {
        // Quiet for a whole window: a fresh start, back-off included.
        entry = Entry {0, nowMs, nowMs, 0, m_limits.backoffMs};
    } else if (nowMs - entry.windowStartMs >= m_limits.windowMs) {
        entry.failures = 0;
        entry.windowStartMs = nowMs;
    }
    entry.lastFailureMs = nowMs;
    if (++entry.failures < m_limits.failures)
        return 0;
    // The limit is reached: wait, and wait longer next time if the failures go on.
    entry.blockedUntilMs = nowMs + entry.nextBackoffMs;
    entry.nextBackoffMs = std::min(entry.nextBackoffMs * 2, m_limits.maxBackoffMs);
    entry.failures = 0;
    entry.windowStartMs = entry.blockedUntilMs;
    return entry.blockedUntilMs - nowMs;
}

void AttemptThrottle::makeRoom(qint64 nowMs)
{
    for (auto it = m_entries.begin(); it != m_entries.end();)
        it = quiet(it.value(), nowMs) ? m_entries.erase(it) : std::next(it);
    if (m_entries.size() < m_limits.maxAddresses)
        return;
    auto oldest = m_entries.begin();
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (it->lastFailureMs < oldest->lastFailureMs)
            oldest = it;
    }
    if (oldest != m_entries.end())
        m_entries.erase(oldest);
}

} // namespace chamber::services
