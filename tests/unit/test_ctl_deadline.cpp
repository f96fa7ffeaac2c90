// chamberctl's deadlines: a date alone is the end of that day in Vietnam (UTC+07:00, no summer
// time), a time without an offset is Vietnam time, one with an offset is taken as written; the
// wire gets the UTC instant. Anything else is refused with a reason.
#include "ctl/deadline.h"

#include <QTest>

using namespace chamber;
using namespace chamber::ctl;

class TestCtlDeadline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepted_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("instant");
        QTest::newRow("date alone: 23:59:59 in Vietnam") << "2027-01-31"
                                                         << "2027-01-31T16:59:59Z";
        QTest::newRow("last day of a leap February") << "2028-02-29"
                                                     << "2028-02-29T16:59:59Z";
        QTest::newRow("new year's eve crosses no day in UTC") << "2027-12-31"
                                                              << "2027-12-31T16:59:59Z";
        QTest::newRow("time without offset: Vietnam time") << "2027-01-31T17:00"
                                                           << "2027-01-31T10:00:00Z";
        QTest::newRow("early morning in Vietnam is the day before in UTC")
            << "2027-02-01T03:30:15"
            << "2027-01-31T20:30:15Z";
        QTest::newRow("UTC as written") << "2027-01-31T16:59:59Z"
                                        << "2027-01-31T16:59:59Z";
        QTest::newRow("an offset as written") << "2027-01-31T23:59:59+07:00"
                                              << "2027-01-31T16:59:59Z";
        QTest::newRow("a negative offset") << "2027-01-31T08:00:00-05:00"
                                           << "2027-01-31T13:00:00Z";
    }

    void accepted()
    {
        QFETCH(QString, text);
        QFETCH(QString, instant);
        const auto parsed = parseDeadline(text);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        QCOMPARE(*parsed, instant);
    }

    void refused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("a word") << "tomorrow";
        QTest::newRow("no such day") << "2027-02-30";
        QTest::newRow("not a leap year") << "2027-02-29";
        QTest::newRow("month 13") << "2027-13-01";
        QTest::newRow("short fields") << "2027-1-5";
        QTest::newRow("day first") << "31/01/2027";
        QTest::newRow("hour 25") << "2027-01-31T25:00";
        QTest::newRow("space for T") << "2027-01-31 17:00";
        QTest::newRow("trailing text") << "2027-01-31x";
        QTest::newRow("leading space") << " 2027-01-31";
        QTest::newRow("a zone name") << "2027-01-31T17:00 ICT";
        QTest::newRow("fullwidth digits") << QString::fromUtf8("２０２７-01-31");
    }

    void refused()
    {
        QFETCH(QString, text);
        const auto parsed = parseDeadline(text);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, ErrorCode::BadField);
        QCOMPARE(parsed.error().field, QStringLiteral("deadline"));
        QVERIFY(parsed.error().message.contains(QLatin1String("not a deadline")));
    }
};

QTEST_GUILESS_MAIN(TestCtlDeadline)
#include "test_ctl_deadline.moc"
