#include "mediaharness.h"

#include "spin.h"

#include "childprocess.h"

#include <QTest>

#include <algorithm>

namespace chamber::testing {

using namespace chamber::media;

ProgrammeConfig smallProgramme()
{
    ProgrammeConfig config;
    config.width = 320;
    config.height = 240;
    config.fps = 15;
    config.videoKbps = 300;
    config.webrtc.iceAddresses = {QStringLiteral("127.0.0.1")};
    return config;
}

ReceiverConfig loopbackReceiver()
{
    ReceiverConfig config;
    config.webrtc.iceAddresses = {QStringLiteral("127.0.0.1")};
    return config;
}

ReturnSenderConfig loopbackReturn(quint32 colour)
{
    ReturnSenderConfig config;
    config.testPattern = QStringLiteral("solid-color");
    config.testColor = colour;
    config.width = 160;
    config.height = 120;
    config.fps = 15;
    config.videoKbps = 200;
    config.webrtc.iceAddresses = {QStringLiteral("127.0.0.1")};
    return config;
}

SignalMessage throughJson(const SignalMessage &message)
{
    auto parsed = parseSignal(toJson(message));
    if (!parsed) {
        qWarning() << "signaling message does not parse:" << parsed.error().message;
        return SignalMessage::failure(message.peer, parsed.error());
    }
    return *parsed;
}

MediaHarness::MediaHarness(ProgrammeSender *sender)
    : m_handle([sender](const SignalMessage &message) { return sender->handle(message); })
{
    connect(sender, &ProgrammeSender::outgoing, this, &MediaHarness::fromSender);
}

MediaHarness::MediaHarness(PeerRouter *router)
    : m_handle([router](const SignalMessage &message) { return router->handle(message); })
{
    connect(router, &PeerRouter::outgoing, this, &MediaHarness::fromSender);
}

MediaHarness::~MediaHarness()
{
    qDeleteAll(m_returns);
    qDeleteAll(m_receivers);
}

ReturnSender *MediaHarness::addReturn(const QString &peer, const ReturnSenderConfig &config)
{
    auto sender = ReturnSender::create(peer, config);
    if (!sender) {
        m_errors << sender.error().message;
        return nullptr;
    }
    ReturnSender *raw = sender->release();
    delete m_returns.take(peer);
    m_returns.insert(peer, raw);
    connect(raw, &ReturnSender::outgoing, this, &MediaHarness::fromReturn);
    return raw;
}

Status MediaHarness::floor(const QString &peer, int chamberAudio)
{
    return m_handle(throughJson(SignalMessage::floor(peer, chamberAudio)));
}

void MediaHarness::fromReturn(const SignalMessage &sent)
{
    const SignalMessage message = throughJson(sent);
    if (message.type == SignalType::Error) {
        m_errorMessages << message;
        m_errors << message.peer + QStringLiteral(": ") + message.error.message;
        return;
    }
    if (auto handled = m_handle(message); !handled)
        m_errors << message.peer + QStringLiteral(": ") + handled.error().message;
}

MediaReceiver *MediaHarness::addReceiver(const QString &peer, const ReceiverConfig &config)
{
    auto receiver = MediaReceiver::create(peer, config);
    if (!receiver) {
        m_errors << receiver.error().message;
        return nullptr;
    }
    MediaReceiver *raw = receiver->release();
    m_receivers.insert(peer, raw);
    connect(raw, &MediaReceiver::outgoing, this, &MediaHarness::fromReceiver);
    if (auto added = m_handle(throughJson(SignalMessage::addPeer(peer))); !added)
        m_errors << added.error().message;
    return raw;
}

void MediaHarness::removeReceiver(const QString &peer)
{
    if (auto removed = m_handle(throughJson(SignalMessage::removePeer(peer))); !removed)
        m_errors << removed.error().message;
}

void MediaHarness::fromSender(const SignalMessage &sent)
{
    const SignalMessage message = throughJson(sent);
    if (message.type == SignalType::Error) {
        m_errorMessages << message;
        m_errors << message.peer + QStringLiteral(": ") + message.error.message;
        return;
    }
    if (message.type == SignalType::PeerRemoved) {
        m_removed << message.peer;
        delete m_returns.take(message.peer);
        delete m_receivers.take(message.peer);
        return;
    }
    if (message.type == SignalType::ReturnState)
        m_returnStates.insert(message.peer, message.state);
    if (message.type == SignalType::ReturnAnswer || message.type == SignalType::ReturnCandidate
        || message.type == SignalType::ReturnState) {
        if (ReturnSender *sender = m_returns.value(message.peer)) {
            if (auto handled = sender->handle(message); !handled)
                m_errors << message.peer + QStringLiteral(": ") + handled.error().message;
        }
        return;
    }
    if (MediaReceiver *receiver = m_receivers.value(message.peer)) {
        if (auto handled = receiver->handle(message); !handled)
            m_errors << message.peer + QStringLiteral(": ") + handled.error().message;
    }
}

void MediaHarness::fromReceiver(const SignalMessage &sent)
{
    const SignalMessage message = throughJson(sent);
    if (message.type == SignalType::Error) {
        m_errors << message.peer + QStringLiteral(": ") + message.error.message;
        return;
    }
    if (auto handled = m_handle(message); !handled)
        m_errors << message.peer + QStringLiteral(": ") + handled.error().message;
}

QString mediaProcessProgram()
{
    return QStringLiteral(CHAMBER_BIN_DIR "/chamber-media");
}

QStringList smallMediaOptions()
{
    return {QStringLiteral("--size"), QStringLiteral("320x240"), QStringLiteral("--fps"),
        QStringLiteral("15"), QStringLiteral("--video-kbps"), QStringLiteral("300"),
        QStringLiteral("--ice-address"), QStringLiteral("127.0.0.1")};
}

MediaProcess::MediaProcess()
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    // Its logs are for a person reading a failed run, not for the pipes.
    m_process.setStandardErrorFile(QProcess::nullDevice());
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &MediaProcess::read);
}

MediaProcess::~MediaProcess()
{
    m_returns.clear();
    m_receivers.clear();
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool MediaProcess::start(const QStringList &arguments)
{
    chamber::testing::dieWithTest(m_process);
    if (m_launcher.isEmpty())
        m_process.start(mediaProcessProgram(), arguments);
    else
        m_process.start(m_launcher.first(),
            m_launcher.mid(1) + QStringList {mediaProcessProgram()} + arguments);
    return m_process.waitForStarted(5000)
        && spinUntil([&] { return typeCount(SignalType::Ready) > 0; }, 15000);
}

void MediaProcess::writeLine(const QByteArray &line)
{
    m_process.write(line + '\n');
}

MediaReceiver *MediaProcess::addReceiver(const QString &peer, const ReceiverConfig &config)
{
    auto receiver = MediaReceiver::create(peer, config);
    if (!receiver)
        return nullptr;
    MediaReceiver *raw = receiver->get();
    connect(raw, &MediaReceiver::outgoing, this,
        [this](const SignalMessage &message) { send(message); });
    m_receivers[peer] = std::move(receiver).value();
    send(SignalMessage::addPeer(peer));
    return raw;
}

ReturnSender *MediaProcess::addReturn(const QString &peer, const ReturnSenderConfig &config)
{
    auto sender = ReturnSender::create(peer, config);
    if (!sender)
        return nullptr;
    ReturnSender *raw = sender->get();
    connect(raw, &ReturnSender::outgoing, this,
        [this](const SignalMessage &message) { send(message); });
    m_returns[peer] = std::move(sender).value();
    return raw;
}

QString MediaProcess::returnState(const QString &peer) const
{
    for (auto it = m_received.rbegin(); it != m_received.rend(); ++it) {
        if (it->type == SignalType::ReturnState && it->peer == peer)
            return it->state;
    }
    return {};
}

int MediaProcess::typeCount(SignalType type) const
{
    return int(std::count_if(m_received.begin(), m_received.end(),
        [type](const SignalMessage &m) { return m.type == type; }));
}

QList<SignalMessage> MediaProcess::errors() const
{
    QList<SignalMessage> found;
    for (const SignalMessage &m : m_received) {
        if (m.type == SignalType::Error)
            found << m;
    }
    return found;
}

void MediaProcess::read()
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
        auto back = m_returns.find(message->peer);
        if (back != m_returns.end()
            && (message->type == SignalType::ReturnAnswer
                || message->type == SignalType::ReturnCandidate))
            (void)back->second->handle(*message);
        emit received(*message);
    }
}

bool waitForMoreMedia(const QList<MediaReceiver *> &receivers, quint64 more, int timeoutMs)
{
    QList<ReceiverStats> start;
    for (MediaReceiver *receiver : receivers)
        start << receiver->stats();
    return spinUntil(
        [&] {
            for (qsizetype i = 0; i < receivers.size(); ++i) {
                const ReceiverStats now = receivers[i]->stats();
                if (now.videoFrames < start[i].videoFrames + more
                    || now.audioBuffers < start[i].audioBuffers + more)
                    return false;
            }
            return true;
        },
        timeoutMs);
}

} // namespace chamber::testing
