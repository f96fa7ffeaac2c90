// BacklogFilter's decision on its own (no pipeline): packets judged by RTP timestamp against
// arrival, relative to the freshest so far. A burst of old packets is dropped, live ones pass,
// a path that became slower for good is accepted after a second, a new stream starts afresh,
// timestamps wrap, and a slowly drifting sender clock is followed.
#include "media/watchdog.h"

#include <QTest>

using namespace chamber::media;

namespace {
constexpr int kVideoRate = 90000;
constexpr qint64 kMs = 1000000;
constexpr quint32 kSsrc = 0x1234;

// RTP time of `ms` milliseconds of media after `base`.
quint32 rtpAt(quint32 base, qint64 ms)
{
    return base + quint32(ms * kVideoRate / 1000);
}
} // namespace

class TestMediaBacklog : public QObject
{
    Q_OBJECT

private slots:
    void liveStreamPasses();
    void burstAfterAHeldLinkIsDropped();
    void slowerPathAcceptedAfterASecond();
    void newStreamStartsAfresh();
    void timestampsWrap();
    void driftingSenderClockFollowed();
};

void TestMediaBacklog::liveStreamPasses()
{
    BacklogFilter filter(400);
    // 15 fps with up to 150 ms of jitter: nothing dropped.
    for (int frame = 0; frame < 300; ++frame) {
        const qint64 media = frame * 66;
        const qint64 jitter = (frame * 37) % 150;
        QVERIFY2(!filter.isBacklog(kSsrc, rtpAt(1000, media), kVideoRate, (media + jitter) * kMs),
            qPrintable(QString::number(frame)));
    }
}

void TestMediaBacklog::burstAfterAHeldLinkIsDropped()
{
    BacklogFilter filter(400);
    for (int frame = 0; frame < 30; ++frame)
        QVERIFY(!filter.isBacklog(kSsrc, rtpAt(0, frame * 66), kVideoRate, frame * 66 * kMs));
    // The link held 5 s of media (frames 30..105) and hands it over at once at t = 7 s.
    int dropped = 0;
    for (int frame = 30; frame < 106; ++frame)
        dropped += filter.isBacklog(kSsrc, rtpAt(0, frame * 66), kVideoRate, 7000 * kMs) ? 1 : 0;
    // Everything older than 400 ms at delivery: media before 6.6 s.
    QCOMPARE(dropped, 100 - 30);
    // Live again.
    QVERIFY(!filter.isBacklog(kSsrc, rtpAt(0, 7000), kVideoRate, 7010 * kMs));
    QVERIFY(!filter.isBacklog(kSsrc, rtpAt(0, 7066), kVideoRate, 7076 * kMs));
}

void TestMediaBacklog::slowerPathAcceptedAfterASecond()
{
    BacklogFilter filter(400, 1000);
    for (int frame = 0; frame < 30; ++frame)
        QVERIFY(!filter.isBacklog(kSsrc, rtpAt(0, frame * 66), kVideoRate, frame * 66 * kMs));
    // From now on every packet takes 600 ms longer (a longer route): dropped for a second, then
    // the new delay is the reference and packets pass again.
    int firstPassed = -1;
    for (int frame = 30; frame < 80; ++frame) {
        const qint64 media = frame * 66;
        if (!filter.isBacklog(kSsrc, rtpAt(0, media), kVideoRate, (media + 600) * kMs)) {
            firstPassed = frame;
            break;
        }
    }
    QVERIFY(firstPassed > 30);
    QVERIFY2((firstPassed - 30) * 66 >= 1000 && (firstPassed - 30) * 66 <= 1100,
        qPrintable(QString::number(firstPassed)));
    for (int frame = firstPassed + 1; frame < firstPassed + 30; ++frame) {
        const qint64 media = frame * 66;
        QVERIFY(!filter.isBacklog(kSsrc, rtpAt(0, media), kVideoRate, (media + 600) * kMs));
    }
}

void TestMediaBacklog::newStreamStartsAfresh()
{
    BacklogFilter filter(400);
    for (int frame = 0; frame < 30; ++frame)
        QVERIFY(!filter.isBacklog(kSsrc, rtpAt(0, frame * 66), kVideoRate, frame * 66 * kMs));
    // Another sender (a restarted chamber-media): unrelated timestamps, not a backlog.
    QVERIFY(!filter.isBacklog(kSsrc + 1, 777, kVideoRate, 3000 * kMs));
    QVERIFY(!filter.isBacklog(kSsrc + 1, rtpAt(777, 66), kVideoRate, 3066 * kMs));
    // No clock rate known yet: never a backlog.
    QVERIFY(!filter.isBacklog(kSsrc, 0, 0, 99000 * kMs));
}

void TestMediaBacklog::timestampsWrap()
{
    BacklogFilter filter(400);
    const quint32 nearEnd = 0xffffffffu - quint32(kVideoRate); // one second before the wrap
    for (int frame = 0; frame < 60; ++frame)
        QVERIFY2(!filter.isBacklog(kSsrc, rtpAt(nearEnd, frame * 66), kVideoRate, frame * 66 * kMs),
            qPrintable(QString::number(frame)));
    // Past the wrap, an old packet is still recognised.
    QVERIFY(filter.isBacklog(kSsrc, rtpAt(nearEnd, 59 * 66 - 1000), kVideoRate, 59 * 66 * kMs));
}

void TestMediaBacklog::driftingSenderClockFollowed()
{
    BacklogFilter filter(400);
    // The sender's clock runs 200 ppm slow: after an hour its media time lags by 720 ms.
    for (qint64 second = 0; second < 3600; ++second) {
        const qint64 media = second * 1000 - second * 1000 * 200 / 1000000;
        QVERIFY2(!filter.isBacklog(kSsrc, rtpAt(0, media), kVideoRate, second * 1000 * kMs),
            qPrintable(QString::number(second)));
    }
}

QTEST_GUILESS_MAIN(TestMediaBacklog)
#include "test_media_backlog.moc"
