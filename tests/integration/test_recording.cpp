// Every speech's sound, in chamber-media itself (test sources, driven through its pipes as
// chamberd drives it): a speech of 10 s is one Ogg Opus file of 10 s ± 0.2 s that
// gst-discoverer reads, named by its SHA-256, while a bridge keeps receiving the programme;
// refusals are record-errors and change nothing; a branch that cannot write fails alone; a
// chamber-media killed mid-speech leaves a file that the next start salvages (playable,
// partial, with the note).
#include "mediaharness.h"
#include "recordingcheck.h"
#include "spin.h"

#include "media/gstsupport.h"
#include "media/recorder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace chamber;
using namespace chamber::media;
using namespace chamber::testing;

namespace {

// Every recorded / record-error line a process sends, from before its ready on.
class RecordingLines : public QObject
{
public:
    explicit RecordingLines(MediaProcess &media)
    {
        connect(&media, &MediaProcess::received, this, [this](const SignalMessage &message) {
            if (message.type == SignalType::Recorded || message.type == SignalType::RecordError)
                lines << message;
        });
    }
    const SignalMessage *find(SignalType type, const QString &recording) const
    {
        for (const SignalMessage &line : lines) {
            if (line.type == type && line.recording == recording)
                return &line;
        }
        return nullptr;
    }
    bool waitFor(SignalType type, const QString &recording, int timeoutMs = 30000) const
    {
        return spinUntil([&] { return find(type, recording) != nullptr; }, timeoutMs);
    }
    QList<SignalMessage> lines;
};

QStringList recordingOptions(const QString &directory)
{
    return smallMediaOptions() + QStringList {QStringLiteral("--recordings"), directory};
}

QStringList filesIn(const QString &directory)
{
    return QDir(directory).entryList(QDir::Files, QDir::Name);
}

} // namespace

class TestRecording : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { initGStreamer(); }
    void speechOfTenSeconds();
    void refusalsAreRecordErrors();
    void unwritableBranchFailsAlone();
    void withoutRecordingsDirectory();
    void crashLeavesSalvagedPartialFile();
};

void TestRecording::speechOfTenSeconds()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    MediaProcess media;
    RecordingLines lines(media);
    QVERIFY(media.start(recordingOptions(directory.path())));
    MediaReceiver *bridge = media.addReceiver(QStringLiteral("bridge-1"));
    QVERIFY(bridge);
    QVERIFY(waitForMoreMedia({bridge}, 20, 30000));

    const QString id = QStringLiteral("1-5-1");
    media.send(SignalMessage::recordStart(id));
    QElapsedTimer speech;
    speech.start();
    // The speech lasts 10 s of wall time (what the file holds is measured, not the clock); the
    // bridge goes on receiving throughout.
    QVERIFY(waitForMoreMedia({bridge}, 15, 9000));
    QVERIFY(QFileInfo::exists(directory.filePath(QStringLiteral("partial/1-5-1.ogg"))));
    QTest::qWait(int(std::max<qint64>(0, 10000 - speech.elapsed())));
    media.send(SignalMessage::recordStop(id));
    QVERIFY2(lines.waitFor(SignalType::Recorded, id),
        media.process().readAllStandardError().constData());
    const SignalMessage recorded = *lines.find(SignalType::Recorded, id);
    QVERIFY(!recorded.partial);
    QVERIFY(recorded.note.isEmpty());
    QVERIFY(!lines.find(SignalType::RecordError, id));

    // One file, named by its hash, nothing left in partial/.
    const QString path = directory.filePath(recorded.sha256 + QStringLiteral(".ogg"));
    QCOMPARE(filesIn(directory.path()), QStringList {recorded.sha256 + QStringLiteral(".ogg")});
    QVERIFY(filesIn(directory.filePath(QStringLiteral("partial"))).isEmpty());
    QCOMPARE(fileSha256(path), recorded.sha256);
    QCOMPARE(QFileInfo(path).size(), recorded.bytes);
    // 24 kbit/s: about 30 KB for 10 s (Ogg and Opus headers on top).
    QVERIFY2(recorded.bytes > 15000 && recorded.bytes < 60000,
        qPrintable(QString::number(recorded.bytes)));

    const Discovered discovered = discover(path);
    QVERIFY2(discovered.readable, qPrintable(discovered.output));
    qInfo("10 s speech: gst-discoverer %lld ms, recorded says %lld ms, %lld bytes",
        discovered.durationMs, recorded.durationMs, recorded.bytes);
    QVERIFY2(qAbs(discovered.durationMs - 10000) <= 200,
        qPrintable(QStringLiteral("gst-discoverer: %1 ms").arg(discovered.durationMs)));
    QVERIFY2(qAbs(recorded.durationMs - discovered.durationMs) <= 30,
        qPrintable(QStringLiteral("recorded says %1 ms, gst-discoverer %2 ms")
                       .arg(recorded.durationMs)
                       .arg(discovered.durationMs)));

    // The programme and its bridge were untouched: still decoding, nothing refused.
    QVERIFY(waitForMoreMedia({bridge}, 15, 10000));
    QCOMPARE(media.process().state(), QProcess::Running);
    QVERIFY(media.errors().isEmpty());
    QVERIFY(media.badLines().isEmpty());
}

void TestRecording::refusalsAreRecordErrors()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    MediaProcess media;
    RecordingLines lines(media);
    QVERIFY(media.start(recordingOptions(directory.path())));

    // Stopping what never started, starting what runs: a record-error each, with its code.
    media.send(SignalMessage::recordStop(QStringLiteral("4-1-1")));
    QVERIFY(lines.waitFor(SignalType::RecordError, QStringLiteral("4-1-1"), 10000));
    QCOMPARE(lines.find(SignalType::RecordError, QStringLiteral("4-1-1"))->error.code,
        ErrorCode::NotFound);
    media.send(SignalMessage::recordStart(QStringLiteral("4-2-1")));
    media.send(SignalMessage::recordStart(QStringLiteral("4-2-1")));
    QVERIFY(lines.waitFor(SignalType::RecordError, QStringLiteral("4-2-1"), 10000));
    QCOMPARE(lines.find(SignalType::RecordError, QStringLiteral("4-2-1"))->error.code,
        ErrorCode::Conflict);
    // Malformed lines never reach the recorder: the parser's error names the field.
    const qsizetype errorsBefore = media.errors().size();
    media.writeLine(R"({"type":"record-start","recording":"../../etc/passwd"})");
    media.writeLine(R"({"type":"record-stop"})");
    QVERIFY(spinUntil([&] { return media.errors().size() == errorsBefore + 2; }, 10000));
    QCOMPARE(media.errors().at(errorsBefore).error.field, QStringLiteral("recording"));
    QCOMPARE(media.errors().at(errorsBefore + 1).error.code, ErrorCode::MissingField);
    QCOMPARE(filesIn(directory.filePath(QStringLiteral("partial"))),
        QStringList {QStringLiteral("4-2-1.ogg")});

    // The one that did start still finishes normally.
    QTest::qWait(1000);
    media.send(SignalMessage::recordStop(QStringLiteral("4-2-1")));
    QVERIFY(lines.waitFor(SignalType::Recorded, QStringLiteral("4-2-1")));
    QVERIFY(lines.find(SignalType::Recorded, QStringLiteral("4-2-1"))->durationMs > 500);
    QCOMPARE(media.process().state(), QProcess::Running);
}

void TestRecording::unwritableBranchFailsAlone()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    MediaProcess media;
    RecordingLines lines(media);
    QVERIFY(media.start(recordingOptions(directory.path())));
    MediaReceiver *bridge = media.addReceiver(QStringLiteral("bridge-1"));
    QVERIFY(bridge);
    QVERIFY(waitForMoreMedia({bridge}, 20, 30000));

    // partial/ replaced by a plain file: the file sink cannot open (even as root).
    const QString partial = directory.filePath(QStringLiteral("partial"));
    QVERIFY(QDir(partial).removeRecursively());
    QFile blocker(partial);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    media.send(SignalMessage::recordStart(QStringLiteral("6-3-1")));
    QVERIFY(lines.waitFor(SignalType::RecordError, QStringLiteral("6-3-1"), 10000));
    QVERIFY(!lines.find(SignalType::Recorded, QStringLiteral("6-3-1")));

    // The programme goes on, the bridge decodes, chamber-media did not exit.
    QVERIFY(waitForMoreMedia({bridge}, 30, 10000));
    QCOMPARE(media.process().state(), QProcess::Running);
    QVERIFY(media.errors().isEmpty());

    // And with the directory back, the next speech records.
    QVERIFY(QFile::remove(partial));
    QVERIFY(QDir().mkpath(partial));
    media.send(SignalMessage::recordStart(QStringLiteral("6-4-1")));
    QTest::qWait(1500);
    media.send(SignalMessage::recordStop(QStringLiteral("6-4-1")));
    QVERIFY(lines.waitFor(SignalType::Recorded, QStringLiteral("6-4-1")));
}

void TestRecording::withoutRecordingsDirectory()
{
    MediaProcess media;
    RecordingLines lines(media);
    QVERIFY(media.start());
    media.send(SignalMessage::recordStart(QStringLiteral("1-1-1")));
    QVERIFY(lines.waitFor(SignalType::RecordError, QStringLiteral("1-1-1"), 10000));
    QCOMPARE(lines.find(SignalType::RecordError, QStringLiteral("1-1-1"))->error.code,
        ErrorCode::Unavailable);
    QCOMPARE(media.process().state(), QProcess::Running);
}

void TestRecording::crashLeavesSalvagedPartialFile()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString id = QStringLiteral("2-9-1");
    {
        MediaProcess media;
        QVERIFY(media.start(recordingOptions(directory.path())));
        media.send(SignalMessage::recordStart(id));
        QTest::qWait(3000); // mid-speech
        media.process().kill(); // SIGKILL: no EOS, no fsync, no rename
        QVERIFY(media.process().waitForFinished(5000));
    }
    const QString leftover = directory.filePath(QStringLiteral("partial/2-9-1.ogg"));
    QVERIFY(QFileInfo::exists(leftover));
    QVERIFY(QFileInfo(leftover).size() > 0);
    // A torn page at the end, as a kill in the middle of a write leaves one.
    {
        QFile file(leftover);
        QVERIFY(file.open(QIODevice::Append));
        file.write("OggS\0\0", 6);
    }

    MediaProcess restarted;
    RecordingLines lines(restarted);
    QVERIFY(restarted.start(recordingOptions(directory.path())));
    QVERIFY(lines.waitFor(SignalType::Recorded, id, 10000));
    const SignalMessage recorded = *lines.find(SignalType::Recorded, id);
    QVERIFY(recorded.partial);
    QCOMPARE(recorded.note, QString::fromLatin1(kSalvagedNote));
    QVERIFY(!QFileInfo::exists(leftover));
    const QString path = directory.filePath(recorded.sha256 + QStringLiteral(".ogg"));
    QCOMPARE(fileSha256(path), recorded.sha256);
    QCOMPARE(QFileInfo(path).size(), recorded.bytes);
    const Discovered discovered = discover(path);
    QVERIFY2(discovered.readable, qPrintable(discovered.output));
    QVERIFY2(discovered.durationMs > 0, qPrintable(discovered.output));
    // At most what was recorded before the kill (3 s), and what it says it holds.
    QVERIFY2(discovered.durationMs <= 3500, qPrintable(discovered.output));
    QVERIFY2(qAbs(recorded.durationMs - discovered.durationMs) <= 30,
        qPrintable(QStringLiteral("recorded says %1 ms, gst-discoverer %2 ms")
                       .arg(recorded.durationMs)
                       .arg(discovered.durationMs)));
    // The new process records as usual.
    restarted.send(SignalMessage::recordStart(QStringLiteral("2-9-2")));
    QTest::qWait(1500);
    restarted.send(SignalMessage::recordStop(QStringLiteral("2-9-2")));
    QVERIFY(lines.waitFor(SignalType::Recorded, QStringLiteral("2-9-2")));
    QVERIFY(!lines.find(SignalType::Recorded, QStringLiteral("2-9-2"))->partial);
}

QTEST_MAIN(TestRecording)
#include "test_recording.moc"
