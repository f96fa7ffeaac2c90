// Test helpers for the video bridges: small configs for a 2-core machine, a sender and its
// receivers wired together through the JSON signaling in memory (every message is serialised
// and parsed again, as it would be over stdio or the WebSocket), and waiting for frames.
#pragma once

#include "media/peerrouter.h"
#include "media/programme.h"
#include "media/receiver.h"
#include "media/returnsender.h"

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
// A bridge's return: 160x120 at 15 fps (scaled up to the programme's size at the chamber),
// one solid colour (big-endian ARGB), a 660 Hz tone, ICE on loopback.
media::ReturnSenderConfig loopbackReturn(quint32 colour);

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
    // A return sender for `peer` (whose receiver exists), its offer and candidates relayed as
    // the receivers' are; destroyed with the receiver or by dropReturn().
    media::ReturnSender *addReturn(const QString &peer, const media::ReturnSenderConfig &config);
    media::ReturnSender *returnSender(const QString &peer) const { return m_returns.value(peer); }
    void dropReturn(const QString &peer) { delete m_returns.take(peer); }
    // Sends floor through JSON, as the controller will.
    Status floor(const QString &peer = {}, int chamberAudio = media::kDefaultChamberAudio);
    // The last return-state the sender reported for `peer`.
    QString returnState(const QString &peer) const { return m_returnStates.value(peer); }
    QList<media::SignalMessage> errorMessages() const { return m_errorMessages; }
    QStringList removedPeers() const { return m_removed; }
    // Errors anybody sent through the signaling (none expected in good runs).
    QStringList errors() const { return m_errors; }

private:
    void fromSender(const media::SignalMessage &message);
    void fromReceiver(const media::SignalMessage &message);

    void fromReturn(const media::SignalMessage &message);

    std::function<Status(const media::SignalMessage &)> m_handle; // the sender's handle()
    QHash<QString, media::MediaReceiver *> m_receivers; // owned
    QHash<QString, media::ReturnSender *> m_returns; // owned
    QHash<QString, QString> m_returnStates;
    QList<media::SignalMessage> m_errorMessages;
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
    // A command chamber-media is started through (e.g. `ip netns exec NS`); set before start().
    void setLauncher(const QStringList &launcher) { m_launcher = launcher; }
    void writeLine(const QByteArray &line);
    void send(const media::SignalMessage &message) { writeLine(media::toJson(message)); }

    // A receiver for `peer` (owned here) and add-peer for it.
    media::MediaReceiver *addReceiver(
        const QString &peer, const media::ReceiverConfig &config = loopbackReceiver());
    void dropReceiver(const QString &peer)
    {
        m_returns.erase(peer);
        m_receivers.erase(peer);
    }
    void dropReturn(const QString &peer) { m_returns.erase(peer); }
    // A return sender for `peer` (owned here); its return-offer goes through the pipes.
    media::ReturnSender *addReturn(const QString &peer, const media::ReturnSenderConfig &config);
    // The last return-state chamber-media reported for `peer`.
    QString returnState(const QString &peer) const;

    int typeCount(media::SignalType type) const;
    QList<media::SignalMessage> errors() const;
    // Lines on stdout that were not valid signaling (none expected).
    QStringList badLines() const { return m_badLines; }
    QProcess &process() { return m_process; }

signals:
    // Every valid line from chamber-media, after offers and candidates went to their receiver.
    void received(const chamber::media::SignalMessage &message);

private:
    void read();

    QProcess m_process;
    QStringList m_launcher;
    std::map<QString, std::unique_ptr<media::MediaReceiver>> m_receivers;
    std::map<QString, std::unique_ptr<media::ReturnSender>> m_returns;
    QList<media::SignalMessage> m_received;
    QStringList m_badLines;
};

// A JSON round trip, as on any real transport; fails the test if the message does not parse.
media::SignalMessage throughJson(const media::SignalMessage &message);

// Waits until every named receiver has decoded `more` video frames and audio buffers beyond
// what it had when called.
bool waitForMoreMedia(const QList<media::MediaReceiver *> &receivers, quint64 more, int timeoutMs);

} // namespace chamber::testing
