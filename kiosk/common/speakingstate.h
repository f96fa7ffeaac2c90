// The floor as the screens see it (Kiosk.speaking): who speaks, since when, how much time is
// left (counted on the server's clock, so every screen shows the same second), who waits in
// what order, and this device's own place. Those who speak are delegates and remote sites
// (bridge points, named by their device label). Actions for the chair, for the delegate's
// tablet and for a bridge point.
#pragma once

#include "deviceidentity.h"
#include "outbox.h"

#include "core/meeting.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace chamber::kiosk {

class SpeakingState : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by Kiosk")

    // [{key, site, delegateId, bridgeId, name, seat, position}] in the order they will be
    // called; position from 1. A delegate: site false, delegateId, key "<delegateId>". A remote
    // site: site true, bridgeId (its device id), name its label, seat "", key "site<bridgeId>".
    Q_PROPERTY(QVariantList queue READ queue NOTIFY changed)
    Q_PROPERTY(int queueLength READ queueLength NOTIFY changed)
    // Someone has the floor.
    Q_PROPERTY(bool floorTaken READ floorTaken NOTIFY changed)
    // The delegate with the floor (0: none, or a site has it).
    Q_PROPERTY(int speakerId READ speakerId NOTIFY changed)
    // A remote site has the floor: its device id (0: none, or a delegate has it).
    Q_PROPERTY(bool speakerIsSite READ speakerIsSite NOTIFY changed)
    Q_PROPERTY(int speakerSiteId READ speakerSiteId NOTIFY changed)
    // The delegate's name or the site's label.
    Q_PROPERTY(QString speakerName READ speakerName NOTIFY changed)
    Q_PROPERTY(QString speakerSeat READ speakerSeat NOTIFY changed)
    Q_PROPERTY(QString speakerGroup READ speakerGroup NOTIFY changed)
    // This speech's limit; 0: none.
    Q_PROPERTY(int limitSeconds READ limitSeconds NOTIFY changed)
    Q_PROPERTY(int elapsedSeconds READ elapsedSeconds NOTIFY tick)
    // Limit minus elapsed; negative once overrun (0 without a limit).
    Q_PROPERTY(int remainingSeconds READ remainingSeconds NOTIFY tick)
    Q_PROPERTY(bool overrun READ overrun NOTIFY tick)
    // "04:12" left, or the time spoken when there is no limit, or "+00:35" overrun.
    Q_PROPERTY(QString clockText READ clockText NOTIFY tick)
    Q_PROPERTY(int defaultLimitSeconds READ defaultLimitSeconds NOTIFY changed)
    // Seat tablets and bridge points: 0 when not waiting, else the place in the queue from 1.
    Q_PROPERTY(int ownPosition READ ownPosition NOTIFY changed)
    Q_PROPERTY(bool ownHasFloor READ ownHasFloor NOTIFY changed)
    // A request or withdrawal from this device waits in the outbox.
    Q_PROPERTY(bool ownRequestSending READ ownRequestSending NOTIFY changed)

public:
    using Sender = std::function<QString(QJsonObject)>;

    explicit SpeakingState(QObject *parent = nullptr);

    void attach(const core::MeetingState *meeting, const DeviceIdentity *identity, Sender sender);
    void setClockOffset(qint64 milliseconds);
    void setPendingCommands(const QList<Outbox::Entry> &pending);
    void refresh();

    QVariantList queue() const;
    int queueLength() const { return m_meeting ? int(m_meeting->speakers.queue.size()) : 0; }
    bool floorTaken() const { return m_meeting && !m_meeting->speakers.current.isNobody(); }
    int speakerId() const { return m_meeting ? int(m_meeting->speakers.currentDelegate()) : 0; }
    bool speakerIsSite() const { return speakerSiteId() != 0; }
    int speakerSiteId() const { return m_meeting ? int(m_meeting->speakers.currentBridge()) : 0; }
    QString speakerName() const;
    QString speakerSeat() const;
    QString speakerGroup() const;
    int limitSeconds() const { return m_meeting ? int(m_meeting->speakers.limitSeconds) : 0; }
    int elapsedSeconds() const { return m_elapsedSeconds; }
    int remainingSeconds() const;
    bool overrun() const { return limitSeconds() > 0 && remainingSeconds() < 0; }
    QString clockText() const;
    int defaultLimitSeconds() const;
    int ownPosition() const;
    bool ownHasFloor() const;
    bool ownRequestSending() const { return m_ownRequestSending; }

    // Seat tablets (for their delegate) and bridge points (for their own site).
    Q_INVOKABLE void requestToSpeak();
    Q_INVOKABLE void withdrawRequest();
    // Chair console. delegateId 0: the first in the queue, delegate or site; limitSeconds -1:
    // the default.
    Q_INVOKABLE void grantFloor(int delegateId = 0, int limitSeconds = -1);
    Q_INVOKABLE void grantSite(int bridgeId, int limitSeconds = -1);
    Q_INVOKABLE void endSpeech();
    // Takes a delegate or a site off the list (they left, or asked the chair to).
    Q_INVOKABLE void removeSpeaker(int delegateId);
    Q_INVOKABLE void removeSite(int bridgeId);
    // position from 0
    Q_INVOKABLE void moveSpeaker(int delegateId, int position);
    Q_INVOKABLE void moveSite(int bridgeId, int position);
    // A site's name: its device label, else what the device calls itself, else "Remote site N".
    QString siteName(qint64 bridgeId) const;
    Q_INVOKABLE void setSpeakingLimit(int seconds);
    // "mm:ss" for a number of seconds (minus sign kept off: callers say "over").
    Q_INVOKABLE QString formatDuration(int seconds) const;

Q_SIGNALS:
    void changed();
    void tick();

private:
    void updateClock();
    void send(const char *type, QJsonObject fields = {});
    // Who this device speaks as: its delegate (a seat's tablet), its own site (a bridge
    // point), else nobody.
    core::Speaker ownSpeaker() const;

    const core::MeetingState *m_meeting = nullptr;
    const DeviceIdentity *m_identity = nullptr;
    Sender m_send;
    qint64 m_clockOffsetMs = 0;
    int m_elapsedSeconds = 0;
    bool m_ownRequestSending = false;
    QTimer m_clock;
};

} // namespace chamber::kiosk
