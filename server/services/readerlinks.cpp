#include "services/readerlinks.h"

#include "core/meeting.h"
#include "services/devices.h"
#include "services/meetingservice.h"
#include "services/permissions.h"
#include "storage/readerlinkstore.h"

#include <QJsonArray>

namespace chamber::services {

namespace {

// `reason` lets the page say it in the phone's language.
Error refused(const QString &why, const QString &reason)
{
    Error error = makeError(ErrorCode::Unauthenticated, why, QStringLiteral("token"));
    error.details.append(QJsonObject {{QStringLiteral("reason"), reason}});
    return error;
}

} // namespace

QDateTime ReaderLinkService::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

Result<ReaderLinkGrant> ReaderLinkService::create(
    const Principal &principal, qint64 meetingId, qint64 delegate, int lifetimeSeconds)
{
    if (delegate == 0 && principal.isDevice())
        delegate = principal.delegate;
    if (auto allowed
        = authorize(principal, Operation::CreateReaderLink, Target {meetingId, delegate});
        !allowed)
        return allowed.error();
    const core::MeetingState *meeting = m_meetings.meeting(meetingId);
    if (!meeting)
        return meetingNotFound(meetingId);
    if (!meeting->roster.find(delegate))
        return makeError(ErrorCode::NotFound,
            QStringLiteral("a reader link is for one of the meeting's delegates; %1 is not")
                .arg(delegate),
            QStringLiteral("delegate"));
    if (lifetimeSeconds < 1 || lifetimeSeconds > kMaxReaderLinkSeconds)
        return makeError(ErrorCode::BadField,
            QStringLiteral("a reader link lives from 1 second to 7 days"),
            QStringLiteral("ttlSeconds"));

    storage::ReaderLinkStore store(m_store.database());
    auto id = store.nextId();
    if (!id)
        return id.error();
    ReaderLinkGrant grant;
    grant.id = id.value();
    grant.meeting = meetingId;
    grant.delegate = delegate;
    grant.token = QString::fromLatin1(
        randomSecret(24).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const QDateTime created = now();
    grant.expiresAt = created.addSecs(lifetimeSeconds);
    const storage::ReaderLinkRow row {grant.id, meetingId, delegate,
        hashSecret(grant.token.toLatin1()), created.toString(Qt::ISODateWithMs), principal.id,
        grant.expiresAt.toString(Qt::ISODateWithMs), {}};
    const core::EventDraft event {QStringLiteral("readerLink.created"),
        {{QStringLiteral("link"), grant.id}, {QStringLiteral("delegate"), delegate},
            {QStringLiteral("expiresAt"), row.expires}}};
    // The link and its log entry: both or neither.
    auto committed = m_meetings.appendEvents(meetingId, principal.id, {event},
        [&row](storage::Database &db) { return storage::ReaderLinkStore(db).insert(row); });
    if (!committed)
        return committed.error();
    return grant;
}

Result<ReaderSession> ReaderLinkService::authenticate(const QString &token) const
{
    storage::ReaderLinkStore store(m_store.database());
    auto found = store.findByToken(hashSecret(token.toLatin1()));
    if (!found)
        return found.error();
    if (!found->has_value())
        return refused(QStringLiteral("this reader link is not valid"), QStringLiteral("unknown"));
    const storage::ReaderLinkRow &row = **found;
    if (!row.revoked.isEmpty())
        return refused(QStringLiteral("this reader link was revoked; ask for a new one"),
            QStringLiteral("revoked"));
    const QDateTime expires = QDateTime::fromString(row.expires, Qt::ISODateWithMs);
    if (expires <= now())
        return refused(QStringLiteral("this reader link has expired; ask for a new one"),
            QStringLiteral("expired"));
    // A delegate removed from the meeting reads nothing more.
    const core::MeetingState *meeting = m_meetings.meeting(row.meeting);
    if (!meeting || !meeting->roster.find(row.delegate))
        return refused(QStringLiteral("this reader link's delegate is no longer in the meeting"),
            QStringLiteral("gone"));
    return ReaderSession {row.id, row.meeting, row.delegate, expires};
}

Status ReaderLinkService::revoke(const Principal &principal, qint64 meetingId, qint64 linkId)
{
    storage::ReaderLinkStore store(m_store.database());
    auto found = store.find(linkId);
    if (!found)
        return found.error();
    if (!found->has_value() || (*found)->meeting != meetingId)
        return makeError(ErrorCode::NotFound,
            QStringLiteral("reader link %1 does not exist").arg(linkId), QStringLiteral("link"));
    if (auto allowed
        = authorize(principal, Operation::RevokeReaderLink, Target {meetingId, (*found)->delegate});
        !allowed)
        return allowed;
    if (!(*found)->revoked.isEmpty())
        return success(); // revoking twice changes nothing
    const QString time = now().toString(Qt::ISODateWithMs);
    const core::EventDraft event {
        QStringLiteral("readerLink.revoked"), {{QStringLiteral("link"), linkId}}};
    auto committed = m_meetings.appendEvents(
        meetingId, principal.id, {event}, [linkId, time](storage::Database &db) -> Status {
            auto changed = storage::ReaderLinkStore(db).revoke(linkId, time);
            if (!changed)
                return changed.error();
            return success();
        });
    if (!committed)
        return committed.error();
    return success();
}

Result<QJsonObject> ReaderLinkService::list(const Principal &principal, qint64 meetingId) const
{
    if (auto allowed = authorizeAccess(principal, Operation::ListReaderLinks, meetingId); !allowed)
        return allowed.error();
    if (!m_meetings.meeting(meetingId))
        return meetingNotFound(meetingId);
    storage::ReaderLinkStore store(m_store.database());
    auto rows = store.list(meetingId);
    if (!rows)
        return rows.error();
    const QDateTime current = now();
    QJsonArray links;
    for (const storage::ReaderLinkRow &row : rows.value()) {
        const bool expired = QDateTime::fromString(row.expires, Qt::ISODateWithMs) <= current;
        links.append(QJsonObject {{QStringLiteral("id"), row.id},
            {QStringLiteral("delegate"), row.delegate}, {QStringLiteral("created"), row.created},
            {QStringLiteral("createdBy"), row.createdBy},
            {QStringLiteral("expiresAt"), row.expires},
            {QStringLiteral("revoked"), row.revoked.isEmpty() ? QJsonValue() : row.revoked},
            {QStringLiteral("active"), row.revoked.isEmpty() && !expired}});
    }
    return QJsonObject {{QStringLiteral("links"), links}};
}

Status ReaderLinkService::project(
    storage::Database &db, const std::vector<storage::PendingEvent> &events)
{
    storage::ReaderLinkStore links(db);
    for (const storage::PendingEvent &event : events) {
        if (event.kind != QLatin1String("device.revoked"))
            continue;
        if (auto status = links.revokeForDevice(
                event.data.value(QLatin1String("device")).toInteger(), event.time);
            !status)
            return status;
    }
    return success();
}

} // namespace chamber::services
