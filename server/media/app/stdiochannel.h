// Signaling as JSON lines on stdin/stdout, so chamberd (or a test) can run chamber-media as a
// child process and relay its messages; the media process never touches voting. Lines that do
// not parse are answered with an error line and change nothing. End of stdin (the parent is
// gone) ends the process.
#pragma once

#include "media/signaling.h"

#include <QByteArray>
#include <QObject>
#include <QSocketNotifier>

namespace chamber::media {

class StdioChannel : public QObject
{
    Q_OBJECT
public:
    explicit StdioChannel(QObject *parent = nullptr);

    void send(const SignalMessage &message);

signals:
    void received(const chamber::media::SignalMessage &message);
    void closed();

private:
    void readAvailable();
    void handleLine(QByteArrayView line);

    QSocketNotifier m_notifier;
    QByteArray m_buffer;
    bool m_discarding = false; // inside a line that is already too long
};

} // namespace chamber::media
