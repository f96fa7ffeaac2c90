// A MediaLink straight to a ProgrammeSender in this process, standing in for chamberd's relay:
// join is add-peer, every message goes through its JSON form both ways, and the test decides
// when the link is online and what chamberd says about chamber-media and the floor.
#pragma once

#include "media/programme.h"
#include "medialink.h"

#include <QPointer>

namespace chamber::testing {

class ProgrammeLink : public kiosk::MediaLink
{
    Q_OBJECT
public:
    explicit ProgrammeLink(QString peer, QObject *parent = nullptr);

    // The sender answering joins (nullptr: as if chamber-media were gone).
    void setSender(media::ProgrammeSender *sender);
    void setOnline(bool online);
    int joins() const { return m_joins; }
    QStringList errors() const { return m_errors; }

    bool isOnline() const override { return m_online; }
    QString peer() const override { return m_peer; }
    void join() override;
    void leave() override;
    void send(const media::SignalMessage &message) override;

private:
    void addPeer();

    QString m_peer;
    QPointer<media::ProgrammeSender> m_sender;
    bool m_online = true;
    int m_joins = 0;
    bool m_joinAfterRemoval = false;
    QStringList m_errors;
};

} // namespace chamber::testing
