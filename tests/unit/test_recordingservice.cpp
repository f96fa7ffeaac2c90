// RecordingService's decisions against a real MeetingService (in-memory log) and a real
// MediaSupervisor running a stand-in chamber-media: a shell script that says ready, writes
// every line it gets to a file, and answers record-stop with the same `recorded` twice. The
// grant starts segment 1, the end stops it; a second `recorded` is not logged again; the next
// grant ends the previous speech; record-error is a recording.failed; the stand-in killed
// mid-speech gives recording.failed and segment 2 after its restart; a service made during a
// speech (chamberd restarted) records it from the next free segment; without media, every
// speech fails with the reason.
#include "commands.h"
#include "spin.h"

#include "core/meeting.h"
#include "services/demoseed.h"
#include "services/meetingservice.h"
#include "services/recordingservice.h"
#include "storage/eventstore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace chamber;
using namespace chamber::services;
using namespace chamber::testing;

namespace {

const QString kSha(64, u'a');

} // namespace

class TestRecordingService : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<storage::EventStore> m_store;
    std::unique_ptr<MeetingService> m_meetings;
    std::unique_ptr<MediaSupervisor> m_media;
    std::unique_ptr<RecordingService> m_recordings;
    qint64 m_meeting = 0;

    QString linesPath() const { return m_dir.filePath(QStringLiteral("lines")); }
    QStringList linesSent() const
    {
        QFile file(linesPath());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    }
    QString run(const QString &type, QJsonObject fields = {})
    {
        fields.insert(QStringLiteral("meeting"), m_meeting);
        return m_meetings->execute(Principal::admin(), command(type, fields))
            .value(QLatin1String("type"))
            .toString();
    }
    qint64 grant(qint64 delegate = 1)
    {
        if (run(QStringLiteral("speaker.grant"), {{QStringLiteral("delegate"), delegate}})
            != QLatin1String("ok"))
            return 0;
        return m_meetings->meeting(m_meeting)->seq;
    }
    const core::Recording *recording(const QString &id) const
    {
        const auto &recordings = m_meetings->meeting(m_meeting)->recordings;
        const auto found = recordings.find(id);
        return found == recordings.end() ? nullptr : &found->second;
    }
    int eventsOfKind(const QString &kind) const
    {
        auto events = m_meetings->eventsAfter(m_meeting, 0);
        int count = 0;
        for (const protocol::Event &event : events.value())
            count += event.kind == kind;
        return count;
    }
    void startMedia(const QString &failing = {})
    {
        qputenv("LINES", QFile::encodeName(linesPath()));
        qputenv("SHA", kSha.toLatin1());
        qputenv("FAIL", failing.toLatin1());
        MediaOptions options;
        options.program = QStringLiteral("/bin/bash");
        options.arguments = {QStringLiteral(CHAMBER_RECORDING_STANDIN)};
        options.minRestartMs = 50;
        m_media = std::make_unique<MediaSupervisor>(options);
        m_recordings = std::make_unique<RecordingService>(*m_meetings, m_media.get());
        m_media->start();
        QVERIFY(
            spinUntil([&] { return m_media->state() == MediaSupervisor::State::Running; }, 10000));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(linesPath());
        m_recordings.reset();
        m_media.reset();
        m_meetings.reset();
        m_store = std::move(storage::EventStore::openInMemory().value());
        m_meetings = std::make_unique<MeetingService>(*m_store);
        QVERIFY(m_meetings->load());
        auto seeded = seedDemoMeeting(*m_meetings);
        QVERIFY(seeded);
        m_meeting = seeded.value();
        QCOMPARE(run(QStringLiteral("meeting.start")), QStringLiteral("ok"));
    }

    void cleanup()
    {
        m_recordings.reset();
        m_media.reset();
    }

    void speechRecordedOnceInSegmentOne()
    {
        startMedia();
        const qint64 speech = grant();
        QVERIFY(speech > 0);
        const QString id = QStringLiteral("%1-%2-1").arg(m_meeting).arg(speech);
        QCOMPARE(m_recordings->activeRecording(m_meeting), id);
        QCOMPARE(run(QStringLiteral("speaker.end")), QStringLiteral("ok"));
        QVERIFY(m_recordings->activeRecording(m_meeting).isEmpty());
        QVERIFY(spinUntil([&] { return recording(id) != nullptr; }, 10000));
        QCOMPARE(recording(id)->sha256, kSha);
        QCOMPARE(recording(id)->speech, speech);
        QCOMPARE(recording(id)->segment, 1);
        QVERIFY(!recording(id)->failed);
        QCOMPARE(linesSent(),
            (QStringList {QStringLiteral(R"({"recording":"%1","type":"record-start"})").arg(id),
                QStringLiteral(R"({"recording":"%1","type":"record-stop"})").arg(id)}));
        // chamber-media said it twice; the log has it once, by actor media.
        QTest::qWait(200);
        QCOMPARE(eventsOfKind(QStringLiteral("recording.saved")), 1);
        auto events = m_meetings->eventsAfter(m_meeting, 0);
        QCOMPARE(events->back().actor, QStringLiteral("media"));
    }

    void nextGrantEndsThePreviousSpeech()
    {
        startMedia();
        const qint64 first = grant(1);
        const qint64 second = grant(2);
        QVERIFY(first > 0 && second > first);
        const QString firstId = QStringLiteral("%1-%2-1").arg(m_meeting).arg(first);
        QCOMPARE(m_recordings->activeRecording(m_meeting),
            QStringLiteral("%1-%2-1").arg(m_meeting).arg(second));
        QVERIFY(spinUntil([&] { return recording(firstId) != nullptr; }, 10000));
        // The meeting ends: so does the speech.
        QCOMPARE(run(QStringLiteral("meeting.end")), QStringLiteral("ok"));
        QVERIFY(m_recordings->activeRecording(m_meeting).isEmpty());
        QVERIFY(
            spinUntil([&] { return eventsOfKind(QStringLiteral("recording.saved")) == 2; }, 10000));
    }

    void recordErrorIsRecordingFailed()
    {
        // The speech's seq is the meeting's seq after the grant; the stand-in fails that id.
        const qint64 next = m_meetings->meeting(m_meeting)->seq + 1;
        const QString id = QStringLiteral("%1-%2-1").arg(m_meeting).arg(next);
        startMedia(id);
        QCOMPARE(grant(), next);
        QVERIFY(spinUntil([&] { return recording(id) != nullptr; }, 10000));
        QVERIFY(recording(id)->failed);
        QCOMPARE(recording(id)->reason, QStringLiteral("disk full"));
        QVERIFY(m_recordings->activeRecording(m_meeting).isEmpty());
        // Ending the speech sends no stop for it and logs nothing more.
        QCOMPARE(run(QStringLiteral("speaker.end")), QStringLiteral("ok"));
        QTest::qWait(200);
        QCOMPARE(eventsOfKind(QStringLiteral("recording.failed")), 1);
        QCOMPARE(eventsOfKind(QStringLiteral("recording.saved")), 0);
    }

    void mediaKilledMidSpeechGoesOnInSegmentTwo()
    {
        startMedia();
        const qint64 speech = grant();
        const QString first = QStringLiteral("%1-%2-1").arg(m_meeting).arg(speech);
        const QString second = QStringLiteral("%1-%2-2").arg(m_meeting).arg(speech);
        QCOMPARE(m_recordings->activeRecording(m_meeting), first);
        const qint64 pid = m_media->processId();
        QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
        QVERIFY(spinUntil([&] { return recording(first) != nullptr; }, 10000));
        QVERIFY(recording(first)->failed);
        QCOMPARE(
            recording(first)->reason, QStringLiteral("chamber-media stopped during the speech"));
        QVERIFY(
            spinUntil([&] { return m_recordings->activeRecording(m_meeting) == second; }, 10000));
        QCOMPARE(run(QStringLiteral("speaker.end")), QStringLiteral("ok"));
        QVERIFY(spinUntil([&] { return recording(second) != nullptr; }, 10000));
        QVERIFY(!recording(second)->failed);
    }

    void serviceMadeDuringASpeechTakesTheNextSegment()
    {
        startMedia();
        const qint64 speech = grant();
        const QString first = QStringLiteral("%1-%2-1").arg(m_meeting).arg(speech);
        QCOMPARE(::kill(pid_t(m_media->processId()), SIGKILL), 0);
        QVERIFY(spinUntil([&] { return recording(first) != nullptr; }, 10000));
        // chamberd restarts during the speech: a new service and supervisor find the speech in
        // the log and go on after the segment it holds.
        m_recordings.reset();
        m_media.reset();
        startMedia();
        QCOMPARE(m_recordings->activeRecording(m_meeting),
            QStringLiteral("%1-%2-2").arg(m_meeting).arg(speech));
    }

    void withoutMediaEverySpeechFails()
    {
        m_recordings = std::make_unique<RecordingService>(*m_meetings, nullptr);
        const qint64 speech = grant();
        const QString id = QStringLiteral("%1-%2-1").arg(m_meeting).arg(speech);
        QVERIFY(spinUntil([&] { return recording(id) != nullptr; }, 5000));
        QVERIFY(recording(id)->failed);
        QVERIFY(recording(id)->reason.contains(QLatin1String("not running (off)")));
        QCOMPARE(run(QStringLiteral("speaker.end")), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestRecordingService)
#include "test_recordingservice.moc"
