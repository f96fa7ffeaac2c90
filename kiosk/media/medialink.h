// How a bridge's media talks to the chamber, whatever carries it: the kiosk's WebSocket
// (KioskMediaLink: media.join / media.signal / media.leave and the media.* pushes), or memory
// in tests. BridgeMedia only sees this.
#pragma once

#include "media/signaling.h"

#include <QObject>
#include <QString>

namespace chamber::kiosk {

class MediaLink : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Signaling can flow (the kiosk is connected to chamberd).
    virtual bool isOnline() const = 0;
    // This bridge's peer id ("d" + device id).
    virtual QString peer() const = 0;
    // Asks for the programme (again: a fresh offer replaces the connection).
    virtual void join() = 0;
    virtual void leave() = 0;
    virtual void send(const media::SignalMessage &message) = 0;

Q_SIGNALS:
    void onlineChanged();
    void received(const chamber::media::SignalMessage &message);
    // The programme's source: a bridge's peer id, or empty for the chamber's own.
    void floorChanged(const QString &peer);
    // chamber-media as chamberd sees it: running, restarting or unavailable.
    void serviceStateChanged(const QString &state);
    // A join or signal the server refused (code as in the protocol).
    void refused(const QString &code, const QString &message);
};

} // namespace chamber::kiosk
