// Test helpers for the video bridges: small configs for a 2-core machine, a sender and its
// receivers wired together through the JSON signaling in memory (every message is serialised
// and parsed again, as it would be over stdio or the WebSocket), and waiting for frames.
#pragma once

#include "media/peerrouter.h"
#include "media/programme.h"
#include "media/receiver.h"

#include <QHash>
#include <QObject>
#include <QProcess>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>

namespace chamber::testing {

// 320x240 at 15 fps, test sources, ICE on loopback.
media::ProgrammeConfig smallProgramme();
media::ReceiverConfig loopbackReceiver();

class MediaHarness : public QObject
{
    Q_OBJECT
public:
    explicit MediaHarness(media::ProgrammeSender *sender);
    // The same, through the scale-out router (some peers direct, some through Janus).
    explicit MediaHarness(media::PeerRouter *router);
    ~MediaHarness() override;

    // Creates a receiver for `peer` and asks the sender for it (add-peer).
    media::MediaReceiver *addReceiver(
        const QString &peer, const media::ReceiverConfig &config = loopbackReceiver());
    // remove-peer, and the receiver is destroyed once the sender says peer-removed.
    void removeReceiver(const QString &peer);
    media::MediaReceiver *receiver(const QString &peer) const { return m_receivers.value(peer); }
    QStringList removedPeers() const { return m_removed; }
    // Errors anybody sent through the signaling (none expected in good runs).
    QStringList errors() const { return m_errors; }

private:
    void fromSender(const media::SignalMessage &message);
    void fromReceiver(const media::SignalMessage &message);

    std::function<Status(const media::SignalMessage &)> m_handle; // the sender's handle()
    QHash<QString, media::MediaReceiver *> m_receivers; // owned
    QStringList m_removed;
    QStringList m_errors;
};

// chamber-media as its supervisor will run it: lines in, lines out, receivers in this process
// answering its offers through the pipes.
QString mediaProcessProgram();
// 320x240 at 15 fps, ICE on loopback.
QStringList smallMediaOptions();

class MediaProcess : public QObject
{
    Q_OBJECT
public:
    MediaProcess();
    ~MediaProcess() override;

    // Starts chamber-media and waits for its ready line.
    bool start(const QStringList &arguments = smallMediaOptions());
    void writeLine(const QByteArray &line);
    void send(const media::SignalMessage &message) { writeLine(media::toJson(message)); }

    // A receiver for `peer` (owned here) and add-peer for it.
    media::MediaReceiver *addReceiver(
        const QString &peer, const media::ReceiverConfig &config = loopbackReceiver());
    void dropReceiver(const QString &peer) { m_receivers.erase(peer); }

    int typeCount(media::SignalType type) const;
    QList<media::SignalMessage> errors() const;
    // Lines on stdout that were not valid signaling (none expected).
    QStringList badLines() const { return m_badLines; }
    QProcess &process() { return m_process; }

private:
    void read();

    QProcess m_process;
    std::map<QString, std::unique_ptr<media::MediaReceiver>> m_receivers;
    QList<media::SignalMessage> m_received;
    QStringList m_badLines;
};

// A JSON round trip, as on any real transport; fails the test if the message does not parse.
media::SignalMessage throughJson(const media::SignalMessage &message);

// Waits until every named receiver has decoded `more` video frames and audio buffers beyond
// what it had when called.
bool waitForMoreMedia(const QList<media::MediaReceiver *> &receivers, quint64 more, int timeoutMs);

} // namespace chamber::testing
