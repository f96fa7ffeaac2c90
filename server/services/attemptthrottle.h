// Failed attempts to authenticate (a join code, a device credential, a bearer or reader token)
// counted per client address, so that a guesser is slowed to a few tries a minute and every
// refusal after that costs the server a lookup, not a database read and a log line.
//
// An address may fail `failures` times within `windowMs`; then its attempts are refused
// unchecked for `backoffMs`, a wait that doubles with every further block (up to
// `maxBackoffMs`) as long as the failures go on, and starts over once the address has been
// quiet for a whole window. Successes change nothing: a guesser holding one valid credential
// cannot clear its record by using it between guesses, and one address's record never
// touches another's. Time is passed in (milliseconds of a monotonic clock), so tests drive it.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>

namespace chamber::services {

struct AttemptLimits
{
    int failures = 20; // failures an address may have within a window before it must wait
    qint64 windowMs = 60'000;
    qint64 backoffMs = 1'000; // the first wait
    qint64 maxBackoffMs = 60'000; // the longest
    // Addresses remembered at once: a flood from many (spoofed or IPv6 privacy) addresses
    // cannot grow the table; beyond it the address that failed longest ago is forgotten.
    int maxAddresses = 4096;
};

class AttemptThrottle
{
public:
    explicit AttemptThrottle(AttemptLimits limits = {})
        : m_limits(limits)
    { }

    // Milliseconds `peer` must still wait (its attempt is refused without being checked);
    // 0: the attempt may be checked.
    qint64 waitMs(const QHostAddress &peer, qint64 nowMs) const;
    // An attempt from `peer` was checked and failed. Returns the wait this failure started,
    // 0 when the address may go on trying.
    qint64 failed(const QHostAddress &peer, qint64 nowMs);
    // The same for any key, e.g. an account name a login named (the per-account limit).
    qint64 waitMs(const QByteArray &key, qint64 nowMs) const;
    qint64 failed(const QByteArray &key, qint64 nowMs);

    qsizetype addresses() const { return m_entries.size(); }
    const AttemptLimits &limits() const { return m_limits; }

    // The key an address is counted under: IPv4 (also IPv4-mapped IPv6) by address, IPv6 by
    // its /64 network, since one host may pick any address of its /64 for each connection.
    static QByteArray keyOf(const QHostAddress &peer);

private:
    struct Entry
    {
        int failures = 0; // in the current window
        qint64 windowStartMs = 0;
        qint64 lastFailureMs = 0;
        qint64 blockedUntilMs = 0;
        qint64 nextBackoffMs = 0;
    };

    // Makes room for one more address: forgets the quiet ones, or else the oldest.
    void makeRoom(qint64 nowMs);
    bool quiet(const Entry &entry, qint64 nowMs) const;

    AttemptLimits m_limits;
    QHash<QByteArray, Entry> m_entries;
};

} // namespace chamber::services
