// chamber-media as chamberd will run it: a child process speaking JSON lines on stdin/stdout.
// A receiver in the test answers its offer through the pipes and decodes frames; malformed
// lines get error lines and change nothing; remove-peer, end of stdin, bad options; and
// killing the process leaves the test process (and its receiver) fine.
#include "mediaharness.h"
#include "spin.h"

#include "media/gstsupport.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace chamber;
using namespace chamber::media;
using namespace chamber::testing;

namespace {
QString mediaProgram()
{
    return QStringLiteral(CHAMBER_BIN_DIR "/chamber-media");
}

QStringList smallOptions()
{
    return {QStringLiteral("--size"), QStringLiteral("320x240"), QStringLiteral("--fps"),
        QStringLiteral("15"), QStringLiteral("--video-kbps"), QStringLiteral("300"),
        QStringLiteral("--ice-address"), QStringLiteral("127.0.0.1")};
}

// The parent's side of the pipes: lines in, lines out, receivers answering offers.
class MediaProcess : public QObject
{
public:
    MediaProcess()
    {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, this, [this] { read(); });
    }
    ~MediaProcess() override
    {
        m_receivers.clear();
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    bool start(const QStringList &arguments = smallOptions())
    {
        m_process.start(mediaProgram(), arguments);
        return m_process.waitForStarted(5000)
            && spinUntil([&] { return typeCount(SignalType::Ready) > 0; }, 15000);
    }
    void writeLine(const QByteArray &line) { m_process.write(line + '\n'); }
    void send(const SignalMessage &message) { writeLine(toJson(message)); }

    MediaReceiver *addReceiver(const QString &peer)
    {
        auto receiver = MediaReceiver::create(peer, loopbackReceiver());
        if (!receiver)
            return nullptr;
        MediaReceiver *raw = receiver->get();
        QObject::connect(raw, &MediaReceiver::outgoing, this,
            [this](const SignalMessage &message) { send(message); });
        m_receivers[peer] = std::move(receiver).value();
        send(SignalMessage::addPeer(peer));
        return raw;
    }
    void dropReceiver(const QString &peer) { m_receivers.erase(peer); }

    int typeCount(SignalType type) const
    {
        return int(std::count_if(m_received.begin(), m_received.end(),
            [type](const SignalMessage &m) { return m.type == type; }));
    }
    QList<SignalMessage> errors() const
    {
        QList<SignalMessage> found;
        for (const SignalMessage &m : m_received) {
            if (m.type == SignalType::Error)
                found << m;
        }
        return found;
    }
    QStringList badLines() const { return m_badLines; }
    QProcess &process() { return m_process; }

private:
    void read()
    {
        while (m_process.canReadLine()) {
            const QByteArray line = m_process.readLine().trimmed();
            auto message = parseSignal(line);
            if (!message) {
                m_badLines << QString::fromUtf8(line);
                continue;
            }
            m_received << *message;
            auto it = m_receivers.find(message->peer);
            if (it != m_receivers.end()
                && (message->type == SignalType::Offer || message->type == SignalType::Candidate))
                (void)it->second->handle(*message);
        }
    }

    QProcess m_process;
    std::map<QString, std::unique_ptr<MediaReceiver>> m_receivers;
    QList<SignalMessage> m_received;
    QStringList m_badLines;
};
} // namespace

class TestMediaProcess : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { initGStreamer(); }
    void receiverDecodesThroughThePipes();
    void endOfStdinEndsTheProcess();
    void badOptionsRefused();
};

void TestMediaProcess::receiverDecodesThroughThePipes()
{
    MediaProcess media;
    QVERIFY(media.start());
    MediaReceiver *receiver = media.addReceiver(QStringLiteral("bridge-1"));
    QVERIFY(receiver);
    QVERIFY(waitForMoreMedia({receiver}, 30, 30000));
    QCOMPARE(receiver->stats().videoSize, QSize(320, 240));
    QVERIFY(spinUntil([&] { return media.typeCount(SignalType::PeerState) > 0; }, 5000));

    // Malformed lines: an error line each, nothing else changes.
    const int errorsBefore = int(media.errors().size());
    media.writeLine("not json");
    media.writeLine(R"({"type":"answer","peer":"bridge-1"})");
    media.writeLine(R"({"type":"answer","peer":"nobody","sdp":"v=0\r\nm=video 9 RTP/AVP 96\r\n"})");
    media.writeLine(
        R"({"type":"offer","peer":"bridge-1","sdp":"v=0\r\nm=video 9 RTP/AVP 96\r\n"})");
    media.writeLine("{\"type\":\"add-peer\",\"peer\":\"" + QByteArray(100000, 'x') + "\"}");
    media.writeLine(R"({"type":"add-peer","peer":"bridge-1"})");
    QVERIFY(spinUntil([&] { return media.errors().size() == errorsBefore + 6; }, 10000));
    QStringList codes;
    for (const SignalMessage &error : media.errors().mid(errorsBefore))
        codes << errorCodeName(error.error.code);
    QCOMPARE(codes,
        (QStringList {QStringLiteral("bad_json"), QStringLiteral("missing_field"),
            QStringLiteral("not_found"), QStringLiteral("unknown_type"),
            QStringLiteral("too_large"), QStringLiteral("conflict")}));
    QVERIFY(media.badLines().isEmpty());
    QCOMPARE(media.process().state(), QProcess::Running);
    QVERIFY(waitForMoreMedia({receiver}, 15, 10000));

    // A second bridge, then the first leaves: peer-removed, the second keeps receiving.
    MediaReceiver *second = media.addReceiver(QStringLiteral("bridge-2"));
    QVERIFY(second);
    QVERIFY(waitForMoreMedia({receiver, second}, 15, 30000));
    media.send(SignalMessage::removePeer(QStringLiteral("bridge-1")));
    QVERIFY(spinUntil([&] { return media.typeCount(SignalType::PeerRemoved) == 1; }, 10000));
    media.dropReceiver(QStringLiteral("bridge-1"));
    QVERIFY(waitForMoreMedia({second}, 15, 10000));

    // The media process dies: the receiver notices the stall; this process carries on.
    QSignalSpy stalled(second, &MediaReceiver::stalled);
    media.process().kill();
    QVERIFY(media.process().waitForFinished(5000));
    QVERIFY(stalled.wait(5000));
    const quint64 frames = second->stats().videoFrames;
    QTest::qWait(300);
    QCOMPARE(second->stats().videoFrames, frames);
}

void TestMediaProcess::endOfStdinEndsTheProcess()
{
    MediaProcess media;
    QVERIFY(media.start());
    // The supervisor is gone: the media process must not linger.
    media.process().closeWriteChannel();
    QVERIFY(media.process().waitForFinished(10000));
    QCOMPARE(media.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(media.process().exitCode(), 0);
}

void TestMediaProcess::badOptionsRefused()
{
    for (const QStringList &arguments :
        {QStringList {QStringLiteral("--size"), QStringLiteral("big")},
            QStringList {QStringLiteral("--video"), QStringLiteral("camera")},
            QStringList {QStringLiteral("--fps"), QStringLiteral("0")},
            QStringList {QStringLiteral("--no-such-option")}}) {
        QProcess process;
        process.start(mediaProgram(), arguments);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY2(process.readAllStandardError().contains("chamber-media:"),
            qPrintable(arguments.join(u' ')));
        QVERIFY(process.readAllStandardOutput().isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestMediaProcess)
#include "test_media_process.moc"
