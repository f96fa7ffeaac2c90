// The limits that keep one client from starving the rest, with time driven by the test:
// failed authentications per address (AttemptThrottle), messages per device (DeviceBudgets)
// and repeated log lines summed (RepeatedLog).
#include "services/attemptthrottle.h"
#include "services/devicebudgets.h"
#include "support/repeatedlog.h"

#include <QJsonDocument>
#include <QTest>

using namespace chamber;
using namespace chamber::services;

namespace {

Q_LOGGING_CATEGORY(lcTest, "chamber.test.limits")

const QHostAddress kGuesser(QStringLiteral("192.0.2.7"));
const QHostAddress kNeighbour(QStringLiteral("192.0.2.8"));

// Fails `count` times at `nowMs`; the wait the last failure started.
qint64 failTimes(AttemptThrottle &throttle, const QHostAddress &peer, int count, qint64 nowMs)
{
    qint64 wait = 0;
    for (int i = 0; i < count; ++i)
        wait = throttle.failed(peer, nowMs);
    return wait;
}

QStringList captured;

void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    captured << message;
}

} // namespace

class TestLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addressWaitsAfterItsFailures()
    {
        AttemptThrottle throttle(AttemptLimits {5, 60'000, 1'000, 60'000, 100});
        QCOMPARE(failTimes(throttle, kGuesser, 4, 0), 0);
        QCOMPARE(throttle.waitMs(kGuesser, 0), 0);
        QCOMPARE(throttle.failed(kGuesser, 10), 1'000);
        QCOMPARE(throttle.waitMs(kGuesser, 10), 1'000);
        QCOMPARE(throttle.waitMs(kGuesser, 510), 500);
        // Other addresses are not touched.
        QCOMPARE(throttle.waitMs(kNeighbour, 10), 0);
        QCOMPARE(throttle.waitMs(kGuesser, 1'010), 0);
    }

    void waitDoublesWhileFailuresGoOnUpToTheCap()
    {
        AttemptThrottle throttle(AttemptLimits {3, 60'000, 1'000, 8'000, 100});
        qint64 now = 0;
        QList<qint64> waits;
        for (int block = 0; block < 6; ++block) {
            const qint64 wait = failTimes(throttle, kGuesser, 3, now);
            waits << wait;
            now += wait; // the guesser tries again as soon as it may
        }
        QCOMPARE(waits, (QList<qint64> {1'000, 2'000, 4'000, 8'000, 8'000, 8'000}));
    }

    void quietAddressStartsOver()
    {
        AttemptThrottle throttle(AttemptLimits {3, 60'000, 1'000, 60'000, 100});
        QCOMPARE(failTimes(throttle, kGuesser, 3, 0), 1'000);
        QCOMPARE(failTimes(throttle, kGuesser, 3, 1'000), 2'000);
        // A whole window without a failure: the next block is the first again.
        QCOMPARE(failTimes(throttle, kGuesser, 3, 200'000), 1'000);
    }

    void failuresSpreadOverWindowsDoNotAddUp()
    {
        AttemptThrottle throttle(AttemptLimits {3, 10'000, 1'000, 60'000, 100});
        QCOMPARE(failTimes(throttle, kGuesser, 2, 0), 0);
        QCOMPARE(failTimes(throttle, kGuesser, 2, 10'000), 0); // a new window
        QCOMPARE(throttle.failed(kGuesser, 10'001), 1'000); // the third in it
    }

    void tableIsBoundedAgainstManyAddresses()
    {
        AttemptThrottle throttle(AttemptLimits {3, 60'000, 1'000, 60'000, 64});
        failTimes(throttle, kGuesser, 3, 0);
        for (quint32 i = 0; i < 10'000; ++i)
            throttle.failed(QHostAddress(0x0a000000u + i), 100 + i);
        QVERIFY(throttle.addresses() <= 64);
    }

    void ipv6CountsByNetwork()
    {
        AttemptThrottle throttle(AttemptLimits {3, 60'000, 1'000, 60'000, 100});
        throttle.failed(QHostAddress(QStringLiteral("2001:db8:1:2::1")), 0);
        throttle.failed(QHostAddress(QStringLiteral("2001:db8:1:2::99")), 0);
        QCOMPARE(throttle.failed(QHostAddress(QStringLiteral("2001:db8:1:2:aaaa::5")), 0), 1'000);
        QCOMPARE(throttle.waitMs(QHostAddress(QStringLiteral("2001:db8:1:3::1")), 0), 0);
        // IPv4 through a dual-stack socket is the same address as plain IPv4.
        QCOMPARE(AttemptThrottle::keyOf(QHostAddress(QStringLiteral("::ffff:192.0.2.7"))),
            AttemptThrottle::keyOf(kGuesser));
    }

    void deviceBudgetRefusesBeyondBurstAndRefills()
    {
        DeviceBudgets budgets(support::Budget {5, 10});
        for (int i = 0; i < 5; ++i)
            QCOMPARE(budgets.take(1, 0), 0);
        const qint64 wait = budgets.take(1, 0);
        QVERIFY(wait > 0 && wait <= 101);
        QCOMPARE(budgets.take(2, 0), 0); // another device has its own
        QCOMPARE(budgets.take(1, wait), 0);
        // Full again and not connected: forgotten; connected: kept.
        budgets.forgetIdle(10'000, [](qint64 device) { return device == 2; });
        QCOMPARE(budgets.devices(), 1);
        budgets.forgetIdle(10'000, [](qint64) { return false; });
        QCOMPARE(budgets.devices(), 0);
    }

    void unlimitedBudgetNeverRefuses()
    {
        DeviceBudgets budgets(support::Budget {1, 0});
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(budgets.take(1, 0), 0);
        QCOMPARE(budgets.devices(), 0);
    }

    void repeatedLinesAreSummed()
    {
        captured.clear();
        const auto previous = qInstallMessageHandler(capture);
        log::RepeatedLog repeated(lcTest(), 4);
        const QString message = QStringLiteral("enrollment refused");
        const QString peer = QStringLiteral("peer");
        for (int i = 0; i < 1000; ++i)
            repeated.note(message, peer, QStringLiteral("192.0.2.7"), i, {{peer, i}});
        repeated.note(message, peer, QStringLiteral("192.0.2.8"), 5, {});
        repeated.flush(9'999, 10'000); // not due yet
        const qsizetype beforeFlush = captured.size();
        repeated.flush(10'000, 10'000);
        repeated.flush(20'000, 10'000); // nothing new: both forgotten, nothing written
        repeated.note(message, peer, QStringLiteral("192.0.2.7"), 20'001, {});
        qInstallMessageHandler(previous);
        QCOMPARE(beforeFlush, 2); // the first of each address
        QCOMPARE(captured.size(), 4); // one sum (999 more from .7; none from .8), one news
        QVERIFY2(captured.at(2).contains(QStringLiteral("999")), qPrintable(captured.at(2)));
        QCOMPARE(repeated.sources(), 1);
    }

    void repeatedLogIsBoundedInSources()
    {
        captured.clear();
        const auto previous = qInstallMessageHandler(capture);
        log::RepeatedLog repeated(lcTest(), 8);
        const QString message = QStringLiteral("hello refused");
        for (int i = 0; i < 5000; ++i)
            repeated.note(message, QStringLiteral("peer"), QString::number(i), 0, {});
        repeated.flush(10'000, 10'000);
        qInstallMessageHandler(previous);
        QCOMPARE(repeated.sources(), 0);
        QCOMPARE(captured.size(), 9); // eight in full, the rest as one sum
        QVERIFY2(captured.last().contains(QStringLiteral("4992")), qPrintable(captured.last()));
    }
};

QTEST_GUILESS_MAIN(TestLimits)
#include "test_limits.moc"
