// The seat-card job chamberd hands its renderer child (qrcode/seatcardjob.h): it round-trips,
// and whatever is not a well-formed job is refused with the field that is wrong.
#include "qrcode/seatcardjob.h"

#include <QTest>

using namespace chamber;
using namespace chamber::qrcode;

class TestSeatCardJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrips()
    {
        SeatCardJob job;
        job.meetingTitle = QStringLiteral("Kỳ họp thứ 12 <b>");
        job.cards.push_back({QStringLiteral("A01"), QStringLiteral("Nguyễn Văn Danh"),
            QStringLiteral("Tổ 1"), QStringLiteral("https://h:1/join#v=1&t=x&p=y"),
            QStringLiteral("2026-12-07T17:00:00Z")});
        job.cards.push_back({QStringLiteral("A02"), QStringLiteral("<img src=x>"), QString(),
            QStringLiteral("https://h:1/join#v=1&t=z&p=y"),
            QStringLiteral("2026-12-07T17:00:00Z")});
        const auto parsed = parseSeatCardJob(seatCardJobToJson(job));
        QVERIFY(parsed);
        QCOMPARE(parsed->meetingTitle, job.meetingTitle);
        QCOMPARE(parsed->cards.size(), size_t(2));
        QCOMPARE(parsed->cards[1].name, QStringLiteral("<img src=x>"));
        QCOMPARE(parsed->cards[0].joinUrl, job.cards[0].joinUrl);
        QCOMPARE(parsed->cards[0].expiresAt, job.cards[0].expiresAt);
        QCOMPARE(parsed->cards[1].group, QString());
    }

    void malformedIsRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field"); // empty: not JSON at all
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("not json") << QByteArray("%PDF-1.7") << QString();
        QTest::newRow("array") << QByteArray("[]") << QString();
        QTest::newRow("no title") << QByteArray(R"({"cards":[]})")
                                  << QStringLiteral("meetingTitle");
        QTest::newRow("title number")
            << QByteArray(R"({"meetingTitle":1,"cards":[]})") << QStringLiteral("meetingTitle");
        QTest::newRow("cards object")
            << QByteArray(R"({"meetingTitle":"","cards":{}})") << QStringLiteral("cards");
        QTest::newRow("card string")
            << QByteArray(R"({"meetingTitle":"","cards":["x"]})") << QStringLiteral("cards[0]");
        QTest::newRow("seat missing") << QByteArray(
            R"({"meetingTitle":"","cards":[{"name":"a","group":"","joinUrl":"u","expiresAt":"e"}]})")
                                      << QStringLiteral("cards[0].seat");
        QTest::newRow("url number") << QByteArray(
            R"({"meetingTitle":"","cards":[{"seat":"A","name":"a","group":"","joinUrl":5,"expiresAt":"e"}]})")
                                    << QStringLiteral("cards[0].joinUrl");
    }
    void malformedIsRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const auto parsed = parseSeatCardJob(json);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().field, field);
    }

    void tooManyCards()
    {
        SeatCardJob job;
        job.cards.resize(size_t(kMaxSeatCardsPerJob) + 1);
        const auto parsed = parseSeatCardJob(seatCardJobToJson(job));
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, ErrorCode::TooLarge);
    }
};

QTEST_GUILESS_MAIN(TestSeatCardJob)
#include "test_seatcardjob.moc"
