// Commands the kiosk has decided to send and the server has not answered yet. Kept on disk
// before they are first sent, and resent with the same id after every reconnect or restart
// until an answer arrives, so a tap on the tablet is never lost and never doubled (the server
// answers a resend with its first answer).
#pragma once

#include "protocol/error.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace chamber::kiosk {

class Outbox
{
public:
    struct Entry
    {
        QString id;
        QJsonObject command; // with type, id and fields
        QString queuedAt;
    };

    // `path` empty: memory only (tests, self-test mode).
    explicit Outbox(QString path = {});

    Status load();
    // Assigns an id if the command has none, writes the outbox to disk, returns the id.
    Result<QString> enqueue(QJsonObject command);
    // The answer arrived (ok or error): the entry is done.
    Status acknowledge(const QString &id);
    const QList<Entry> &pending() const { return m_entries; }
    bool contains(const QString &id) const;

private:
    Status persist() const;

    QString m_path;
    QList<Entry> m_entries;
};

} // namespace chamber::kiosk
