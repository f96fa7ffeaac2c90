// A network namespace made for one test, joined to this one by a veth pair on a private /30,
// whose link can be cut and restored: a remote bridge site behind a Wi-Fi link that drops.
//
// A cut is one of two things a dropped radio link does, in both directions at once:
// - Lose: silent loss (a pfifo qdisc of length 0 on each veth end: every packet is dropped on
//   enqueue, the sender's send() still succeeds). Both ends' interfaces stay up, packets just
//   vanish. `ip link set down` would instead fail sends at once (ENETUNREACH) and drop the
//   route, which the real site never shows; `tc netem loss 100%` would be the same as this
//   qdisc but needs sch_netem, which this machine's kernel lacks (pfifo is always built in).
// - Hold: the packets are queued (an HTB class of 8 bit/s over a pfifo of kHeldPackets) and
//   all delivered at once when the link returns, as a Wi-Fi driver or access point that keeps
//   retrying does: the receiver gets a backlog of old media in a burst.
//
// Needs CAP_NET_ADMIN (root in CI) and iproute2's `ip` and `tc`.
#pragma once

#include "protocol/error.h"

#include <QString>
#include <QStringList>

namespace chamber::testing {

class NetnsLink
{
public:
    // Empty when this process can make namespaces; else why not (for QSKIP).
    static QString whyUnavailable();
    // Deletes what earlier runs left when they were killed: namespaces named with this test's
    // prefix whose process is gone, and their veth ends.
    static void removeStale();

    NetnsLink();
    ~NetnsLink(); // removes the namespace and the veth pair, whatever state the test left
    NetnsLink(const NetnsLink &) = delete;
    NetnsLink &operator=(const NetnsLink &) = delete;

    Status create();
    void remove();

    QString name() const { return m_name; }
    QString hostAddress() const { return m_hostAddress; }
    QString namespaceAddress() const { return m_namespaceAddress; }
    // The command that runs a program inside the namespace: `ip netns exec NAME`.
    QStringList launcher() const;

    enum class Cut { Lose, Hold };
    static constexpr int kHeldPackets = 5000;

    // Every packet either way is lost (or held) until restore().
    Status cut(Cut how = Cut::Lose);
    Status restore();

private:
    QString m_name;
    QString m_hostLink;
    QString m_namespaceLink;
    QString m_hostAddress;
    QString m_namespaceAddress;
    bool m_created = false;
    Cut m_cut = Cut::Lose;
};

} // namespace chamber::testing
