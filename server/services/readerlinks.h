// Phone reader links: a delegate's tablet (or the secretary) asks for one, the delegate's
// phone reads the meeting's documents with it, read-only, until it expires or is revoked.
//
// Creation and revocation by DELETE are events of the meeting's log (readerLink.created,
// readerLink.revoked), like device.enrolled and device.revoked: a reader link is a credential
// to the meeting's documents, and who handed one out, for whom and until when belongs in the
// audit trail. The token never enters the log; the database keeps only its SHA-256. When one
// of the delegate's tablets is revoked, the delegate's links are revoked in the same
// transaction as its device.revoked event (no separate event: that one says it).
#pragma once

#include "protocol/error.h"
#include "services/principal.h"
#include "storage/eventstore.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <vector>

namespace chamber::services {

class MeetingService;

constexpr int kDefaultReaderLinkSeconds = 12 * 3600;
constexpr int kMaxReaderLinkSeconds = 7 * 24 * 3600;

struct ReaderLinkGrant
{
    qint64 id = 0;
    qint64 meeting = 0;
    qint64 delegate = 0;
    QString token; // only known at creation
    QDateTime expiresAt;
};

// Who a valid token reads for.
struct ReaderSession
{
    qint64 link = 0;
    qint64 meeting = 0;
    qint64 delegate = 0;
    QDateTime expiresAt;
};

class ReaderLinkService
{
public:
    ReaderLinkService(storage::EventStore &store, MeetingService &meetings)
        : m_store(store)
        , m_meetings(meetings)
    { }

    // `delegate` 0 means the principal's own (a seat's tablet). Permissions: see
    // authorizeReaderLink.
    Result<ReaderLinkGrant> create(const Principal &principal, qint64 meeting, qint64 delegate,
        int lifetimeSeconds = kDefaultReaderLinkSeconds);
    // Unauthenticated with details [{reason: unknown|expired|revoked|gone}] when the token
    // does not open the meeting's documents (any more).
    Result<ReaderSession> authenticate(const QString &token) const;
    Status revoke(const Principal &principal, qint64 meeting, qint64 link);
    // {links: [{id, delegate, created, createdBy, expiresAt, revoked, active}]}
    Result<QJsonObject> list(const Principal &principal, qint64 meeting) const;

    // A MeetingService projection: revokes the links of a delegate whose tablet is revoked.
    Status project(storage::Database &db, const std::vector<storage::PendingEvent> &events);

    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

private:
    QDateTime now() const;

    storage::EventStore &m_store;
    MeetingService &m_meetings;
    std::function<QDateTime()> m_clock;
};

} // namespace chamber::services
