// Every speech's sound through the real chamberd: it runs chamber-media (test sources) with
// --recordings <data>/recordings and follows the floor. A speech granted and ended over REST
// gives recording.saved (actor media) naming the speaker.granted seq, and the file is
// <data>/recordings/<sha256>.ogg; chamber-media killed mid-speech gives recording.failed, then
// the salvaged file's recording.saved (partial, with the note), and the speech goes on in a
// new segment; with chamber-media unavailable a speech gives recording.failed and the meeting
// goes on.
#include "mediaharness.h"
#include "recordingcheck.h"
#include "restcall.h"
#include "serverprocess.h"
#include "spin.h"

#include "media/recorder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace chamber;
using namespace chamber::testing;

namespace {

// The meeting's log as REST exports it (JSON lines).
QList<QJsonObject> events(ServerProcess &server, qint64 meeting = 1)
{
    const RestResponse reply = restCall("GET",
        server.baseUrl() + QStringLiteral("/api/v1/meetings/%1/events?since=0").arg(meeting),
        server.pin(), server.adminToken());
    QList<QJsonObject> list;
    for (const QByteArray &line : reply.body.split('\n')) {
        if (!line.trimmed().isEmpty())
            list << QJsonDocument::fromJson(line).object();
    }
    return list;
}

QJsonObject lastEvent(ServerProcess &server, const QString &kind, const QString &recording = {})
{
    QJsonObject found;
    for (const QJsonObject &event : events(server)) {
        if (event.value(QLatin1String("kind")).toString() != kind)
            continue;
        const QJsonObject data = event.value(QLatin1String("data")).toObject();
        if (recording.isEmpty() || data.value(QLatin1String("recording")).toString() == recording)
            found = event;
    }
    return found;
}

QJsonObject waitForEvent(
    ServerProcess &server, const QString &kind, const QString &recording, int timeoutMs = 30000)
{
    QJsonObject found;
    spinUntil(
        [&] {
            found = lastEvent(server, kind, recording);
            return !found.isEmpty();
        },
        timeoutMs);
    return found;
}

int post(ServerProcess &server, const QString &path, const QJsonObject &body = {})
{
    return restCall("POST", server.baseUrl() + QStringLiteral("/api/v1/meetings/1") + path,
        server.pin(), server.adminToken(), QJsonDocument(body).toJson(QJsonDocument::Compact))
        .status;
}

// Grants delegate 1 the floor; the speech is named by the seq of its speaker.granted.
qint64 grantSpeech(ServerProcess &server)
{
    if (post(server, QStringLiteral("/speakers/grant"), {{QStringLiteral("delegate"), 1}}) != 200)
        return 0;
    return lastEvent(server, QStringLiteral("speaker.granted"))
        .value(QLatin1String("seq"))
        .toInteger();
}

QString recordingId(qint64 speech, qint64 segment)
{
    return QStringLiteral("1-%1-%2").arg(speech).arg(segment);
}

} // namespace

class TestRecordingChamberd : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_server.reset(); }
    void speechRecordedIntoTheLog();
    void chamberMediaKilledMidSpeech();
    void chamberMediaUnavailable();

private:
    qint64 mediaPid();
    QString recordings() const { return m_server->dataDir() + QStringLiteral("/recordings"); }
    QString partialFile(const QString &recording) const
    {
        return recordings() + QStringLiteral("/partial/") + recording + QStringLiteral(".ogg");
    }

    QTemporaryDir m_configDir;
    std::unique_ptr<ServerProcess> m_server;
};

void TestRecordingChamberd::initTestCase()
{
    QVERIFY(m_configDir.isValid());
    const QString config = writeMediaConfig(
        m_configDir.path(), mediaProcessProgram(), smallMediaOptions().join(u' '));
    QVERIFY(!config.isEmpty());
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(m_server->start({QStringLiteral("--demo"), QStringLiteral("--config"), config}));
    QVERIFY2(spinUntil([&] { return mediaPid() > 0; }, 20000), m_server->log().constData());
    QCOMPARE(post(*m_server, QStringLiteral("/start")), 200);
}

qint64 TestRecordingChamberd::mediaPid()
{
    const auto ready = m_server->records(QStringLiteral("chamber-media ready"));
    return ready.isEmpty() ? 0 : ready.last().value(QLatin1String("pid")).toInteger();
}

void TestRecordingChamberd::speechRecordedIntoTheLog()
{
    const qint64 speech = grantSpeech(*m_server);
    QVERIFY2(speech > 0, m_server->log().right(2000).constData());
    const QString id = recordingId(speech, 1);
    QVERIFY2(spinUntil([&] { return QFileInfo::exists(partialFile(id)); }, 10000),
        m_server->log().right(3000).constData());
    QTest::qWait(3000);
    QCOMPARE(post(*m_server, QStringLiteral("/speakers/end")), 200);

    const QJsonObject saved = waitForEvent(*m_server, QStringLiteral("recording.saved"), id);
    QVERIFY2(!saved.isEmpty(), m_server->log().right(3000).constData());
    QCOMPARE(saved.value(QLatin1String("actor")).toString(), QStringLiteral("media"));
    const QJsonObject data = saved.value(QLatin1String("data")).toObject();
    QCOMPARE(data.value(QLatin1String("speech")).toInteger(), speech);
    QCOMPARE(data.value(QLatin1String("segment")).toInteger(), 1);
    QCOMPARE(data.value(QLatin1String("partial")).toBool(), false);
    const QString sha256 = data.value(QLatin1String("sha256")).toString();
    const QString path = recordings() + QLatin1Char('/') + sha256 + QStringLiteral(".ogg");
    QVERIFY(QFileInfo::exists(path));
    QCOMPARE(fileSha256(path), sha256);
    QCOMPARE(QFileInfo(path).size(), data.value(QLatin1String("bytes")).toInteger());
    const Discovered discovered = discover(path);
    QVERIFY2(discovered.readable, qPrintable(discovered.output));
    QVERIFY2(discovered.durationMs >= 2500, qPrintable(discovered.output));
    QVERIFY(!lastEvent(*m_server, QStringLiteral("recording.failed"), id).size());

    // The state lists it for the minutes.
    const RestResponse meeting
        = restCall("GET", m_server->baseUrl() + QStringLiteral("/api/v1/meetings/1"),
            m_server->pin(), m_server->adminToken());
    QVERIFY(meeting.body.contains(sha256.toUtf8()));
}

void TestRecordingChamberd::chamberMediaKilledMidSpeech()
{
    const qint64 speech = grantSpeech(*m_server);
    QVERIFY(speech > 0);
    const QString first = recordingId(speech, 1);
    QVERIFY(spinUntil([&] { return QFileInfo::exists(partialFile(first)); }, 10000));
    QTest::qWait(2500);
    const qint64 pid = mediaPid();
    QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);

    // The cut: recording.failed, then the salvaged file once chamber-media is back.
    const QJsonObject failed = waitForEvent(*m_server, QStringLiteral("recording.failed"), first);
    QVERIFY2(!failed.isEmpty(), m_server->log().right(3000).constData());
    QCOMPARE(failed.value(QLatin1String("data")).toObject().value(QLatin1String("reason")),
        QStringLiteral("chamber-media stopped during the speech"));
    const QJsonObject salvaged = waitForEvent(*m_server, QStringLiteral("recording.saved"), first);
    QVERIFY2(!salvaged.isEmpty(), m_server->log().right(3000).constData());
    const QJsonObject data = salvaged.value(QLatin1String("data")).toObject();
    QCOMPARE(data.value(QLatin1String("partial")).toBool(), true);
    QCOMPARE(
        data.value(QLatin1String("note")).toString(), QString::fromLatin1(media::kSalvagedNote));
    QCOMPARE(data.value(QLatin1String("speech")).toInteger(), speech);
    const QString path = recordings() + QLatin1Char('/')
        + data.value(QLatin1String("sha256")).toString() + QStringLiteral(".ogg");
    const Discovered discovered = discover(path);
    QVERIFY2(discovered.readable, qPrintable(discovered.output));
    QVERIFY2(discovered.durationMs > 0, qPrintable(discovered.output));

    // The speech goes on, recorded in a new segment, which ends with it.
    const QString second = recordingId(speech, 2);
    QVERIFY2(spinUntil([&] { return QFileInfo::exists(partialFile(second)); }, 30000),
        m_server->log().right(3000).constData());
    QTest::qWait(1500);
    QCOMPARE(post(*m_server, QStringLiteral("/speakers/end")), 200);
    const QJsonObject next = waitForEvent(*m_server, QStringLiteral("recording.saved"), second);
    QVERIFY2(!next.isEmpty(), m_server->log().right(3000).constData());
    QCOMPARE(next.value(QLatin1String("data")).toObject().value(QLatin1String("partial")).toBool(),
        false);
    QVERIFY(mediaPid() != pid);
}

void TestRecordingChamberd::chamberMediaUnavailable()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString config = directory.filePath(QStringLiteral("chamberd.conf"));
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[media]\nenabled = true\nprogram = /nonexistent/chamber-media\n");
    file.close();
    ServerProcess server;
    QVERIFY(server.start({QStringLiteral("--demo"), QStringLiteral("--config"), config}));
    QVERIFY(spinUntil(
        [&] {
            return !server.records(QStringLiteral("chamber-media stopped; restarting")).isEmpty();
        },
        10000));
    QCOMPARE(post(server, QStringLiteral("/start")), 200);
    const qint64 speech = grantSpeech(server);
    QVERIFY2(speech > 0, server.log().right(2000).constData());
    const QString id = recordingId(speech, 1);
    const QJsonObject failed = waitForEvent(server, QStringLiteral("recording.failed"), id, 10000);
    QVERIFY2(!failed.isEmpty(), server.log().right(3000).constData());
    QCOMPARE(failed.value(QLatin1String("actor")).toString(), QStringLiteral("media"));
    QVERIFY(failed.value(QLatin1String("data"))
                .toObject()
                .value(QLatin1String("reason"))
                .toString()
                .contains(QLatin1String("not running")));
    // The meeting is untouched: the speech ends, the next one is granted, the meeting ends.
    QCOMPARE(post(server, QStringLiteral("/speakers/end")), 200);
    QVERIFY(grantSpeech(server) > speech);
    QCOMPARE(post(server, QStringLiteral("/speakers/end")), 200);
    QCOMPARE(post(server, QStringLiteral("/end")), 200);
    QVERIFY(lastEvent(server, QStringLiteral("recording.saved")).isEmpty());
}

QTEST_MAIN(TestRecordingChamberd)
#include "test_recording_chamberd.moc"
