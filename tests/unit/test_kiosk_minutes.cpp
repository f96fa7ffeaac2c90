// The chair console's reading of the minutes export (minutes.json): speeches with their
// recordings and failures become types; malformed answers are refused with a reason, and a
// recording hash that is not 64 lower-case hex digits (it names a URL and a cache file)
// refuses the whole answer.
#include "minutessummary.h"

#include <QFile>
#include <QTest>

using namespace chamber::kiosk;

namespace {

const QString kHash = QString(64, u'b');

// minutes.json as minutesExportJson writes it: the speeches and recordings tables as objects.
QByteArray speechJson(const QString &recordingFields)
{
    return QStringLiteral(R"({"meeting":1,"seq":9,"kind":"draft","lastEventHash":"00",
        "generatedFrom":"event log","speeches":[{"speech":4,"item":2,"item_number":"2",
        "speaker_kind":"delegate","speaker_id":2,"name":"Trần Thị Bình","seat":"B3",
        "start":"2026-12-08T08:00:00.000Z","end":"2026-12-08T08:01:30.000Z","duration_ms":90000,
        "recordings":"","recording_failures":"chamber-media is not running"}],
        "recordings":[{"recording":"1-4-1","speech":4,"segment":1,"item":2,
        "speaker":"Trần Thị Bình",%1}]})")
        .arg(recordingFields)
        .toUtf8();
}

} // namespace

class TestKioskMinutes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsSpeechesAndRecordings()
    {
        auto parsed = parseMinutesSummary(speechJson(
            QStringLiteral(R"("sha256":"%1","bytes":270000,"duration_ms":90000,"partial":true,
            "note":"chamber-media stopped during the speech")")
                .arg(kHash)));
        QVERIFY2(parsed.ok(), qPrintable(parsed ? QString() : parsed.error().message));
        QCOMPARE(parsed->seq, qint64(9));
        QCOMPARE(parsed->kind, QStringLiteral("draft"));
        QCOMPARE(parsed->speeches.size(), size_t(1));
        const MinutesSpeech &speech = parsed->speeches.front();
        QCOMPARE(speech.speech, qint64(4));
        QCOMPARE(speech.item, qint64(2));
        QCOMPARE(speech.name, QStringLiteral("Trần Thị Bình"));
        QCOMPARE(speech.seat, QStringLiteral("B3"));
        QCOMPARE(speech.durationMs, qint64(90000));
        QCOMPARE(speech.failures, QStringList {QStringLiteral("chamber-media is not running")});
        QCOMPARE(speech.recordings.size(), size_t(1));
        QCOMPARE(speech.recordings.front().sha256, kHash);
        QCOMPARE(speech.recordings.front().durationMs, qint64(90000));
        QVERIFY(speech.recordings.front().partial);
        QCOMPARE(speech.recordings.front().note,
            QStringLiteral("chamber-media stopped during the speech"));
    }

    void speechOutsideAnyItem()
    {
        auto parsed = parseMinutesSummary(
            R"({"seq":1,"kind":"final","speeches":[{"speech":1,"item":0,"name":"Điểm cầu"}],"recordings":[]})");
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->speeches.front().item, qint64(0));
        QCOMPARE(parsed->kind, QStringLiteral("final"));
    }

    void refusesMalformed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not json") << QByteArray("{") << "not a JSON object";
        QTest::newRow("array") << QByteArray("[]") << "not a JSON object";
        QTest::newRow("no seq") << QByteArray(R"({"kind":"draft","speeches":[]})") << "seq";
        QTest::newRow("negative seq")
            << QByteArray(R"({"seq":-1,"kind":"draft","speeches":[]})") << "seq";
        QTest::newRow("fractional seq")
            << QByteArray(R"({"seq":1.5,"kind":"draft","speeches":[]})") << "seq";
        QTest::newRow("kind") << QByteArray(R"({"seq":1,"kind":"signed","speeches":[]})") << "kind";
        QTest::newRow("speeches not array")
            << QByteArray(R"({"seq":1,"kind":"draft","speeches":{}})") << "speeches";
        QTest::newRow("speech not object")
            << QByteArray(R"({"seq":1,"kind":"draft","speeches":[3]})") << "speech";
        QTest::newRow("speech zero")
            << QByteArray(R"({"seq":1,"kind":"draft","speeches":[{"speech":0}]})") << "speech";
        QTest::newRow("item string")
            << QByteArray(R"({"seq":1,"kind":"draft","speeches":[{"speech":1,"item":"2"}]})")
            << "item";
        QTest::newRow("path in hash") << speechJson(
            QStringLiteral(R"("sha256":"../../../etc/passwd","bytes":1,"duration_ms":1)"))
                                      << "sha256";
        QTest::newRow("upper-case hash") << speechJson(
            QStringLiteral(R"("sha256":"%1","bytes":1,"duration_ms":1)").arg(QString(64, u'B')))
                                         << "sha256";
        QTest::newRow("short hash") << speechJson(
            QStringLiteral(R"("sha256":"%1","bytes":1,"duration_ms":1)").arg(QString(63, u'b')))
                                    << "sha256";
        QTest::newRow("negative bytes")
            << speechJson(QStringLiteral(R"("sha256":"%1","bytes":-1,"duration_ms":1)").arg(kHash))
            << "size";
        QTest::newRow("partial missing")
            << speechJson(QStringLiteral(R"("sha256":"%1","bytes":1,"duration_ms":1)").arg(kHash))
            << "partial";
        QTest::newRow("recording of no speech") << QByteArray(
            R"({"seq":1,"kind":"draft","speeches":[],"recordings":[{"recording":"1-3-1",)"
            R"("speech":3,"segment":1,"sha256":")"
            + kHash.toLatin1() + R"(","bytes":1,"duration_ms":1,"partial":false}]})")
                                                << "no listed speech";
        QTest::newRow("speech twice") << QByteArray(
            R"({"seq":1,"kind":"draft","speeches":[{"speech":1},{"speech":1}],"recordings":[]})")
                                      << "twice";
        QTest::newRow("recordings missing")
            << QByteArray(R"({"seq":1,"kind":"draft","speeches":[]})") << "recordings";
        QTest::newRow("duration string")
            << speechJson(QStringLiteral(R"("sha256":"%1","bytes":1,"duration_ms":"1")").arg(kHash))
            << "duration";
    }

    void refusesMalformed()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, reason);
        auto parsed = parseMinutesSummary(json);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().message.contains(reason), qPrintable(parsed.error().message));
        QVERIFY(parsed.error().message.startsWith(QLatin1String("minutes.json: ")));
    }

    void refusesOversized()
    {
        QByteArray huge(kMaxMinutesSummaryBytes + 1, ' ');
        auto parsed = parseMinutesSummary(huge);
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.error().message.contains(QLatin1String("64 MiB")));
    }
};

QTEST_GUILESS_MAIN(TestKioskMinutes)
#include "test_kiosk_minutes.moc"
