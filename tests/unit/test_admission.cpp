// The edge's admission rules on their own: connections in all and per address, handshakes in
// progress (the oldest dropped for a newcomer, a greedy address refused), loopback trust.
#include "edge/admission.h"
#include "edge/connectionlink.h"

#include <QTest>

using namespace chamber::edge;

namespace {

EdgeLimits smallLimits()
{
    EdgeLimits limits;
    limits.maxConnections = 5;
    limits.maxConnectionsPerAddress = 2;
    limits.maxHandshakes = 3;
    limits.maxHandshakesPerAddress = 2;
    limits.trustLoopback = true;
    return limits;
}

std::shared_ptr<ConnectionLink> link(quint64 id, const char *address)
{
    return std::make_shared<ConnectionLink>(id, QHostAddress(QString::fromLatin1(address)));
}

} // namespace

class TestAdmission : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void perAddressAndTotal()
    {
        Admission admission(smallLimits());
        const QHostAddress a(QStringLiteral("10.0.0.1"));
        const QHostAddress b(QStringLiteral("10.0.0.2"));
        QCOMPARE(admission.admit(a, 0), Admission::Verdict::Admitted);
        QCOMPARE(admission.admit(a, 0), Admission::Verdict::Admitted);
        QCOMPARE(admission.admit(a, 0), Admission::Verdict::TooManyFromAddress);
        QCOMPARE(admission.admit(b, 0), Admission::Verdict::Admitted);
        admission.release(a);
        QCOMPARE(admission.admit(a, 0), Admission::Verdict::Admitted);
        QCOMPARE(admission.counts().open, 3);
        QCOMPARE(admission.counts().refusedPerAddress, 1);
        QCOMPARE(admission.admit(b, 0), Admission::Verdict::Admitted);
        QCOMPARE(admission.admit(QHostAddress(QStringLiteral("10.0.0.4")), 0),
            Admission::Verdict::Admitted);
        // Five open: the total refuses whoever comes next.
        QCOMPARE(admission.admit(QHostAddress(QStringLiteral("10.0.0.3")), 0),
            Admission::Verdict::TooMany);
        QCOMPARE(admission.counts().refusedTotal, 1);
    }

    void loopbackTrustedOnlyWhenSaidSo()
    {
        EdgeLimits limits = smallLimits();
        Admission trusting(limits);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(trusting.admit(QHostAddress::LocalHost, 0), Admission::Verdict::Admitted);
        limits.trustLoopback = false;
        Admission strict(limits);
        QCOMPARE(strict.admit(QHostAddress::LocalHost, 0), Admission::Verdict::Admitted);
        QCOMPARE(strict.admit(QHostAddress::LocalHost, 0), Admission::Verdict::Admitted);
        QCOMPARE(strict.admit(QHostAddress::LocalHost, 0), Admission::Verdict::TooManyFromAddress);
    }

    void otherLoopbackAddressesAreHosts()
    {
        Admission trusting(smallLimits());
        const QHostAddress host(QStringLiteral("127.0.2.1"));
        QCOMPARE(trusting.admit(host, 0), Admission::Verdict::Admitted);
        QCOMPARE(trusting.admit(host, 0), Admission::Verdict::Admitted);
        QCOMPARE(trusting.admit(host, 0), Admission::Verdict::TooManyFromAddress);
    }

    void acceptRatePerAddress()
    {
        EdgeLimits limits = smallLimits();
        limits.maxConnectionsPerAddress = 1000;
        limits.maxConnections = 1000;
        limits.acceptBudgetPerAddress = {3, 2}; // 3 at once, then 2 a second
        Admission admission(limits);
        const QHostAddress fast(QStringLiteral("10.0.3.1"));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(admission.admit(fast, 1000), Admission::Verdict::Admitted);
        QCOMPARE(admission.admit(fast, 1000), Admission::Verdict::TooFastFromAddress);
        // Another address is not slowed by it.
        QCOMPARE(admission.admit(QHostAddress(QStringLiteral("10.0.3.2")), 1000),
            Admission::Verdict::Admitted);
        // Half a second later one more is allowed, not two.
        QCOMPARE(admission.admit(fast, 1500), Admission::Verdict::Admitted);
        QCOMPARE(admission.admit(fast, 1500), Admission::Verdict::TooFastFromAddress);
        QCOMPARE(admission.counts().refusedRate, 2);
        // The server's own address is not counted.
        for (int i = 0; i < 10; ++i)
            QCOMPARE(admission.admit(QHostAddress::LocalHost, 1500), Admission::Verdict::Admitted);
    }

    void mappedAddressesCountAsIpv4()
    {
        QCOMPARE(Admission::normalized(QHostAddress(QStringLiteral("::ffff:10.1.2.3"))),
            QHostAddress(QStringLiteral("10.1.2.3")));
        QCOMPARE(Admission::normalized(QHostAddress(QStringLiteral("fe80::1"))),
            QHostAddress(QStringLiteral("fe80::1")));
    }

    void oldestHandshakeDroppedForNewcomer()
    {
        Admission admission(smallLimits()); // 3 handshakes in progress
        bool refused = true;
        auto first = link(1, "10.0.1.1");
        auto second = link(2, "10.0.1.2");
        auto third = link(3, "10.0.1.3");
        auto young = link(4, "10.0.1.4");
        QCOMPARE(admission.handshakeStarted(first, 5000, &refused), nullptr);
        QVERIFY(!refused);
        QCOMPARE(admission.handshakeStarted(second, 5000, &refused), nullptr);
        QCOMPARE(admission.handshakeStarted(third, 5000, &refused), nullptr);
        // A fourth while the others are young comes in over the limit: they are being done
        // (a room joining at once), not hanging.
        QCOMPARE(admission.handshakeStarted(young, 5500, &refused), nullptr);
        QCOMPARE(admission.counts().handshaking, 4);
        // Once the oldest has hung for a second, a newcomer drops it; it is counted out at once.
        QCOMPARE(admission.handshakeStarted(link(5, "10.0.1.5"), 6000, &refused), first);
        QCOMPARE(admission.counts().handshaking, 4);
        QCOMPARE(admission.counts().handshakesDropped, 1);
        // The first's own end (its connection is aborted) changes nothing more.
        admission.handshakeEnded(*first);
        QCOMPARE(admission.counts().handshaking, 4);
        // Finished handshakes free their places: the next newcomer drops nobody.
        admission.handshakeEnded(*third);
        admission.handshakeEnded(*young);
        QCOMPARE(admission.handshakeStarted(link(6, "10.0.1.6"), 6000, &refused), nullptr);
        // Then the oldest still in progress is the second.
        QCOMPARE(admission.handshakeStarted(link(7, "10.0.1.7"), 6000, &refused), second);
    }

    void greedyAddressRefusedNotOthers()
    {
        Admission admission(smallLimits());
        bool refused = false;
        auto a1 = link(1, "10.0.2.1");
        auto a2 = link(2, "10.0.2.1");
        auto a3 = link(3, "10.0.2.1");
        QCOMPARE(admission.handshakeStarted(a1, 5000, &refused), nullptr);
        QCOMPARE(admission.handshakeStarted(a2, 5000, &refused), nullptr);
        QCOMPARE(admission.handshakeStarted(a3, 5000, &refused), nullptr);
        QVERIFY(refused);
        QCOMPARE(admission.counts().handshaking, 2);
        auto other = link(4, "10.0.2.2");
        QCOMPARE(admission.handshakeStarted(other, 5000, &refused), nullptr);
        QVERIFY(!refused);
        admission.handshakeEnded(*a1);
        QCOMPARE(admission.handshakeStarted(link(5, "10.0.2.1"), 5000, &refused), nullptr);
        QVERIFY(!refused);
    }
};

QTEST_APPLESS_MAIN(TestAdmission)
#include "test_admission.moc"
