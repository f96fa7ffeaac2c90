// How voting goes in the poll in focus while it is open (Kiosk.voting.progress): ballots
// recorded of those that can be cast now and, on the chair console, who has not voted yet.
// Counts only: nobody sees how anyone voted before the close. A `progress` push changes this
// object alone, so nothing else on the screen is rebuilt for it.
#pragma once

#include "connection.h"
#include "core/meeting.h"

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace chamber::kiosk {

class BallotProgress : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by Kiosk.voting")

    // The server has told this device how the poll in focus goes.
    Q_PROPERTY(bool known READ known NOTIFY changed)
    Q_PROPERTY(int cast READ cast NOTIFY changed)
    Q_PROPERTY(int eligible READ eligible NOTIFY changed)
    // Chair console only: the names of who can vote and has not.
    Q_PROPERTY(bool hasPendingList READ hasPendingList NOTIFY changed)
    // [{delegateId, name, seat}] in seat order
    Q_PROPERTY(QVariantList pending READ pending NOTIFY changed)

public:
    using QObject::QObject;

    // `progress`: the last push for the poll in focus, or null. Emits only what changed.
    void update(const core::MeetingState *meeting, const PollProgress *progress);

    bool known() const { return m_values.known; }
    int cast() const { return m_values.cast; }
    int eligible() const { return m_values.eligible; }
    bool hasPendingList() const { return m_values.hasPendingList; }
    QVariantList pending() const { return m_values.pending; }

Q_SIGNALS:
    void changed();

private:
    struct Values
    {
        bool known = false;
        int cast = 0;
        int eligible = 0;
        bool hasPendingList = false;
        QVariantList pending;
        bool operator==(const Values &) const = default;
    };
    Values m_values;
};

} // namespace chamber::kiosk
