// The ballot keys of this tablet, kept on disk next to the outbox. A key is made once per
// meeting, poll and delegate and reused for every ballot of that delegate in that poll, so a
// changed vote (or a resend after a restart) is the same ballot to the server, and the receipt
// (derived from the key) stays the same. The file is owner-only: the key is what links this
// tablet to its receipt. For a secret poll the choice is never written down.
#pragma once

#include "protocol/error.h"

#include <QList>
#include <QString>

#include <optional>

namespace chamber::kiosk {

class BallotStore
{
public:
    struct Ballot
    {
        qint64 meeting = 0;
        qint64 poll = 0;
        qint64 delegate = 0;
        QString key;
        bool recorded = false; // the server acknowledged a ballot with this key
        QString choice; // the recorded choice; empty for secret polls
    };

    // `path` empty: memory only (self-test, tests).
    explicit BallotStore(QString path = {});

    Status load();
    // The key for this delegate's ballot in this poll: the stored one, or a new one that is on
    // disk before this returns (a key that was sent must never be forgotten).
    Result<QString> keyFor(qint64 meeting, qint64 poll, qint64 delegate);
    std::optional<Ballot> find(qint64 meeting, qint64 poll, qint64 delegate) const;
    // The server recorded the ballot. `choice` empty keeps the choice off the disk.
    Status markRecorded(qint64 meeting, qint64 poll, qint64 delegate, const QString &choice);
    // Keys of other meetings are of no further use; dropping them keeps the file small.
    Status forgetOtherMeetings(qint64 meeting);
    const QList<Ballot> &all() const { return m_ballots; }

    // The receipt the voter sees and finds in the published result.
    static QString receipt(qint64 meeting, qint64 poll, const QString &key);

private:
    qsizetype indexOf(qint64 meeting, qint64 poll, qint64 delegate) const;
    Status persist() const;

    QString m_path;
    QList<Ballot> m_ballots;
};

} // namespace chamber::kiosk
