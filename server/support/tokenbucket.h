// A token bucket: `burst` tokens to start with, refilled at `perSecond`, never above `burst`.
// Time is passed in (milliseconds from any monotonic clock) so that tests drive it and so that
// a caller checking thousands of buckets reads the clock once.
#pragma once

#include <QtGlobal>

#include <algorithm>

namespace chamber::support {

struct Budget
{
    double burst = 60; // tokens available at once
    double perSecond = 20; // refill rate

    bool unlimited() const { return perSecond <= 0; }
};

class TokenBucket
{
public:
    TokenBucket() = default;
    TokenBucket(Budget budget, qint64 nowMs)
        : m_budget(budget)
        , m_tokens(budget.burst)
        , m_lastMs(nowMs)
    { }

    // Takes `cost` tokens when there are enough; false (and nothing taken) when not.
    bool take(qint64 nowMs, double cost = 1)
    {
        if (m_budget.unlimited())
            return true;
        refill(nowMs);
        if (m_tokens < cost)
            return false;
        m_tokens -= cost;
        return true;
    }

    // Milliseconds until `cost` tokens will be there (0: now).
    qint64 waitMs(qint64 nowMs, double cost = 1)
    {
        if (m_budget.unlimited())
            return 0;
        refill(nowMs);
        if (m_tokens >= cost)
            return 0;
        return qint64((cost - m_tokens) * 1000.0 / m_budget.perSecond) + 1;
    }

    // True when the bucket is full again: its owner may forget it.
    bool full(qint64 nowMs)
    {
        refill(nowMs);
        return m_tokens >= m_budget.burst;
    }

    const Budget &budget() const { return m_budget; }

private:
    void refill(qint64 nowMs)
    {
        if (nowMs > m_lastMs) {
            m_tokens = std::min(
                m_budget.burst, m_tokens + double(nowMs - m_lastMs) * m_budget.perSecond / 1000.0);
            m_lastMs = nowMs;
        }
    }

    Budget m_budget;
    double m_tokens = 0;
    qint64 m_lastMs = 0;
};

} // namespace chamber::support
