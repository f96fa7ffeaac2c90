// Every message and request of an enrolled device costs one token from that device's bucket
// (all its connections share it), so one tablet sending thousands of commands is answered
// `rate_limited` after its burst instead of holding up every other client behind its fsyncs.
// A bucket that is full again is the same as none: forgetIdle() drops those of devices that
// are not connected, so the table holds the busy devices only. Time is passed in.
#pragma once

#include "support/tokenbucket.h"

#include <QHash>

#include <functional>

namespace chamber::services {

class DeviceBudgets
{
public:
    explicit DeviceBudgets(support::Budget budget)
        : m_budget(budget)
    { }

    // 0: a token was taken, the message goes on; else milliseconds until one is there.
    qint64 take(qint64 device, qint64 nowMs)
    {
        if (m_budget.unlimited())
            return 0;
        auto it = m_buckets.find(device);
        if (it == m_buckets.end())
            it = m_buckets.insert(device, support::TokenBucket(m_budget, nowMs));
        if (it->take(nowMs))
            return 0;
        return std::max<qint64>(1, it->waitMs(nowMs));
    }

    // Forgets the full buckets of devices `connected` says have no session.
    void forgetIdle(qint64 nowMs, const std::function<bool(qint64 device)> &connected)
    {
        for (auto it = m_buckets.begin(); it != m_buckets.end();)
            it = it->full(nowMs) && !connected(it.key()) ? m_buckets.erase(it) : std::next(it);
    }

    qsizetype devices() const { return m_buckets.size(); }
    const support::Budget &budget() const { return m_budget; }

private:
    support::Budget m_budget;
    QHash<qint64, support::TokenBucket> m_buckets;
};

} // namespace chamber::services
