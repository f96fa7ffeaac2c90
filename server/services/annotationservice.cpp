#include "services/annotationservice.h"

#include "core/meeting.h"
#include "protocol/event.h"
#include "storage/annotationfiles.h"
#include "support/log.h"

#include <QCryptographicHash>
#include <QList>

namespace chamber::services {

Q_LOGGING_CATEGORY(lcAnnotations, "chamber.annotations")

namespace {

QByteArray etagOf(const QByteArray &blob)
{
    return '"' + QCryptographicHash::hash(blob, QCryptographicHash::Sha256).toHex() + '"';
}

AnnotationReply failure(const Error &error, int status = 0, const QByteArray &etag = {})
{
    AnnotationReply reply;
    reply.status = status;
    reply.error = error;
    reply.etag = etag;
    return reply;
}

AnnotationReply preconditionFailed(const QByteArray &current, const QString &why)
{
    return failure(makeError(ErrorCode::Conflict, why), 412, current);
}

} // namespace

bool etagListMatches(const QByteArray &header, const QByteArray &etag, bool exists)
{
    const QByteArray value = header.trimmed();
    if (value == "*")
        return exists;
    if (!exists)
        return false;
    for (const QByteArray &candidate : value.split(',')) {
        const QByteArray tag = candidate.trimmed();
        if (!tag.startsWith("W/") && tag == etag)
            return true;
    }
    return false;
}

Result<qint64> AnnotationService::owner(const Principal &principal, const QString &sha256) const
{
    if (principal.spansMeetings())
        return makeError(ErrorCode::Forbidden,
            QStringLiteral("annotations are the delegate's own: the admin token neither reads nor "
                           "changes them"));
    if (principal.role != DeviceRole::Delegate || principal.delegate <= 0)
        return makeError(ErrorCode::Forbidden,
            QStringLiteral("only a delegate's tablet keeps annotations, this device is a %1")
                .arg(roleName(principal.role)));
    const core::MeetingState *meeting = m_meetings(principal.meeting);
    // Not found rather than forbidden, as for /docs: other meetings' documents are not named.
    if (!meeting || !protocol::isSha256Hex(sha256) || !meeting->documents.hasContent(sha256))
        return makeError(ErrorCode::NotFound,
            QStringLiteral("this meeting has no document %1").arg(sha256.left(64)));
    return principal.delegate;
}

AnnotationReply AnnotationService::get(
    const Principal &principal, const QString &sha256, const QByteArray &ifNoneMatch) const
{
    auto delegate = owner(principal, sha256);
    if (!delegate)
        return failure(delegate.error());
    auto stored = m_files.read(principal.meeting, delegate.value(), sha256);
    if (!stored)
        return failure(stored.error());
    if (!stored->has_value())
        return failure(makeError(
            ErrorCode::NotFound, QStringLiteral("no annotations are backed up for this document")));
    AnnotationReply reply;
    reply.etag = etagOf(**stored);
    if (!ifNoneMatch.isEmpty() && etagListMatches(ifNoneMatch, reply.etag, true)) {
        reply.status = 304;
        return reply;
    }
    reply.blob = **stored;
    return reply;
}

AnnotationReply AnnotationService::put(const Principal &principal, const QString &sha256,
    const QByteArray &blob, const QByteArray &ifMatch, const QByteArray &ifNoneMatch)
{
    auto delegate = owner(principal, sha256);
    if (!delegate)
        return failure(delegate.error());
    if (blob.size() > m_maxBytes)
        return failure(makeError(ErrorCode::TooLarge,
            QStringLiteral("the annotations are %1 KiB; the limit is %2 KiB ([documents] "
                           "max-annotation-kib)")
                .arg((blob.size() + 1023) / 1024)
                .arg(m_maxBytes / 1024)));
    if (blob.isEmpty())
        return failure(makeError(
            ErrorCode::BadField, QStringLiteral("the body is empty; DELETE removes a backup")));
    auto stored = m_files.read(principal.meeting, delegate.value(), sha256);
    if (!stored)
        return failure(stored.error());
    const bool exists = stored->has_value();
    const QByteArray current = exists ? etagOf(**stored) : QByteArray();
    AnnotationReply reply;
    reply.etag = etagOf(blob);
    reply.json = QJsonObject {{QStringLiteral("etag"), QString::fromLatin1(reply.etag)},
        {QStringLiteral("bytes"), qint64(blob.size())}, {QStringLiteral("created"), !exists}};
    if (exists && **stored == blob) {
        reply.json.insert(QStringLiteral("changed"), false);
        return reply;
    }
    if (!ifNoneMatch.isEmpty() && etagListMatches(ifNoneMatch, current, exists))
        return preconditionFailed(current,
            QStringLiteral("a backup exists already (If-None-Match); fetch it and merge first"));
    if (!ifMatch.isEmpty() && !etagListMatches(ifMatch, current, exists))
        return preconditionFailed(current,
            exists ? QStringLiteral("the backup was changed by another tablet (its version is "
                                    "%1); fetch it and merge first")
                         .arg(QString::fromLatin1(current))
                   : QStringLiteral("there is no backup to replace (If-Match)"));
    // On disk before the answer: a tablet told 200/201 may drop its own copy of the upload.
    if (auto written = m_files.write(principal.meeting, delegate.value(), sha256, blob); !written)
        return failure(written.error());
    reply.status = exists ? 200 : 201;
    reply.json.insert(QStringLiteral("changed"), true);
    log::info(lcAnnotations(), QStringLiteral("annotations backed up"),
        {{QStringLiteral("meeting"), principal.meeting},
            {QStringLiteral("delegate"), delegate.value()},
            {QStringLiteral("device"), principal.device}, {QStringLiteral("sha256"), sha256},
            {QStringLiteral("bytes"), qint64(blob.size())}});
    return reply;
}

AnnotationReply AnnotationService::remove(
    const Principal &principal, const QString &sha256, const QByteArray &ifMatch)
{
    auto delegate = owner(principal, sha256);
    if (!delegate)
        return failure(delegate.error());
    auto stored = m_files.read(principal.meeting, delegate.value(), sha256);
    if (!stored)
        return failure(stored.error());
    AnnotationReply reply;
    if (!stored->has_value()) {
        reply.json = QJsonObject {{QStringLiteral("deleted"), false}};
        return reply;
    }
    const QByteArray current = etagOf(**stored);
    if (!ifMatch.isEmpty() && !etagListMatches(ifMatch, current, true))
        return preconditionFailed(current,
            QStringLiteral("the backup was changed by another tablet (its version is %1)")
                .arg(QString::fromLatin1(current)));
    auto removed = m_files.remove(principal.meeting, delegate.value(), sha256);
    if (!removed)
        return failure(removed.error());
    reply.json = QJsonObject {{QStringLiteral("deleted"), removed.value()}};
    return reply;
}

} // namespace chamber::services
