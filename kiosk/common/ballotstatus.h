// One voter's ballot as a seat's tablet shows it: the delegate's own, or the one it casts for
// the delegate whose proxy it holds. Set by VotingState; QML only reads it.
#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace chamber::kiosk {

class BallotStatus : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by Kiosk.voting")

    // 0: nobody (no seat, or no proxy held)
    Q_PROPERTY(int delegateId READ delegateId NOTIFY changed)
    Q_PROPERTY(QString name READ name NOTIFY changed)
    Q_PROPERTY(QString seat READ seat NOTIFY changed)
    Q_PROPERTY(bool forProxy READ forProxy CONSTANT)
    Q_PROPERTY(Status status READ status NOTIFY changed)
    // The choice sent or recorded ("yes", a candidate); empty if not known on this device.
    Q_PROPERTY(QString choice READ choice NOTIFY changed)
    Q_PROPERTY(bool recorded READ recorded NOTIFY changed)
    // "K7P2-QX9M" once recorded: the voter finds it in the published result.
    Q_PROPERTY(QString receipt READ receipt NOTIFY changed)
    Q_PROPERTY(QString refusal READ refusal NOTIFY changed)
    // A tap on a choice would be sent now.
    Q_PROPERTY(bool canVote READ canVote NOTIFY changed)
    // Why not, when it is not obvious (not checked in, proxy given away).
    Q_PROPERTY(QString blockedReason READ blockedReason NOTIFY changed)
    // After the close: the ballot is in the result (receipt listed, or the roll call has it).
    Q_PROPERTY(bool counted READ counted NOTIFY changed)

public:
    enum Status {
        None, // not voted (or nothing known on this device)
        Sending, // waiting for the server's answer (also from the outbox after a restart)
        Recorded, // on the server's disk
        Refused, // the server said no (see refusal)
        Closed, // the poll is over (see counted)
    };
    Q_ENUM(Status)

    struct Values
    {
        int delegateId = 0;
        QString name;
        QString seat;
        Status status = None;
        QString choice;
        bool recorded = false;
        QString receipt;
        QString refusal;
        bool canVote = false;
        QString blockedReason;
        bool counted = false;
        bool operator==(const Values &) const = default;
    };

    BallotStatus(bool forProxy, QObject *parent)
        : QObject(parent)
        , m_forProxy(forProxy)
    { }

    void set(const Values &values)
    {
        if (values == m_values)
            return;
        m_values = values;
        emit changed();
    }
    const Values &values() const { return m_values; }

    int delegateId() const { return m_values.delegateId; }
    QString name() const { return m_values.name; }
    QString seat() const { return m_values.seat; }
    bool forProxy() const { return m_forProxy; }
    Status status() const { return m_values.status; }
    QString choice() const { return m_values.choice; }
    bool recorded() const { return m_values.recorded; }
    QString receipt() const { return m_values.receipt; }
    QString refusal() const { return m_values.refusal; }
    bool canVote() const { return m_values.canVote; }
    QString blockedReason() const { return m_values.blockedReason; }
    bool counted() const { return m_values.counted; }

Q_SIGNALS:
    void changed();

private:
    bool m_forProxy = false;
    Values m_values;
};

} // namespace chamber::kiosk
