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
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

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
    void fullDiskNeverStopsTheProgramme();
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

// In this process, to reach inside the pipeline: the branch starts failing every buffer (as a
// full disk makes its file sink) and says so on the bus. Its flow error must not reach the
// tee (it would stop the programme's audio): the recording fails alone.
void TestRecording::fullDiskNeverStopsTheProgramme()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    auto created = ProgrammeSender::create(smallProgramme());
    QVERIFY2(created, created ? "" : qPrintable(created.error().message));
    ProgrammeSender &programme = **created;
    QList<SignalMessage> lines;
    connect(&programme, &ProgrammeSender::outgoing, this, [&](const SignalMessage &message) {
        if (message.type == SignalType::Recorded || message.type == SignalType::RecordError)
            lines << message;
    });
    QSignalSpy failed(&programme, &ProgrammeSender::pipelineFailed);
    QVERIFY(programme.enableRecording(directory.path()));
    MediaHarness harness(&programme);
    MediaReceiver *bridge = harness.addReceiver(QStringLiteral("bridge-1"));
    QVERIFY(bridge);
    QVERIFY(waitForMoreMedia({bridge}, 20, 30000));
    QVERIFY(programme.handle(SignalMessage::recordStart(QStringLiteral("7-1-1"))));
    QTest::qWait(1000);

    // Right after the branch's queue: its task then fails, and the queue answers the tee's
    // next buffer with that error.
    GstElement *queue = gst_bin_get_by_name(GST_BIN(programme.pipeline()), "recording-7-1-1-queue");
    QVERIFY(queue);
    GstPad *pad = gst_element_get_static_pad(queue, "src");
    gst_pad_add_probe(
        pad, GST_PAD_PROBE_TYPE_BUFFER,
        [](GstPad *, GstPadProbeInfo *info, gpointer element) -> GstPadProbeReturn {
            GST_ELEMENT_ERROR(element, RESOURCE, NO_SPACE_LEFT, ("No space left on device"),
                ("write failed (simulated)"));
            gst_buffer_unref(GST_PAD_PROBE_INFO_BUFFER(info));
            GST_PAD_PROBE_INFO_DATA(info) = nullptr;
            GST_PAD_PROBE_INFO_FLOW_RETURN(info) = GST_FLOW_ERROR;
            return GST_PAD_PROBE_HANDLED;
        },
        queue, nullptr);
    gst_object_unref(pad);
    gst_object_unref(queue);
    // The bus is read on this thread: while it sleeps nobody takes the branch away, so the tee
    // meets the branch's failure with every buffer for half a second.
    QThread::msleep(500);

    QVERIFY(spinUntil(
        [&] {
            return std::any_of(lines.cbegin(), lines.cend(), [](const SignalMessage &line) {
                return line.type == SignalType::RecordError
                    && line.recording == QLatin1String("7-1-1");
            });
        },
        10000));
    // The branch is gone with its file; the programme's video and audio go on.
    QVERIFY(spinUntil(
        [&] {
            GstElement *gone
                = gst_bin_get_by_name(GST_BIN(programme.pipeline()), "recording-7-1-1");
            if (gone)
                gst_object_unref(gone);
            return gone == nullptr;
        },
        10000));
    QVERIFY(filesIn(directory.filePath(QStringLiteral("partial"))).isEmpty());
    QVERIFY(programme.recorder()->active().isEmpty());
    QVERIFY(waitForMoreMedia({bridge}, 30, 10000));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(lines.size(), 1);

    // The next speech records again.
    QVERIFY(programme.handle(SignalMessage::recordStart(QStringLiteral("7-2-1"))));
    QTest::qWait(1000);
    QVERIFY(programme.handle(SignalMessage::recordStop(QStringLiteral("7-2-1"))));
    QVERIFY(spinUntil([&] { return lines.size() == 2; }, 10000));
    QCOMPARE(lines.last().type, SignalType::Recorded);
    QCOMPARE(failed.count(), 0);
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
