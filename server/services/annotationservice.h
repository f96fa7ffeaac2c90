// Encrypted annotation backups: a delegate's tablet may keep a copy of its private notes on a
// document at the server, encrypted on the tablet with a key the server never sees. Only the
// delegate's own tablets (any of them, so a replaced tablet gets the notes back) read or
// change them; not other delegates, not the chair, tally or bridge screens, and not the
// secretary's admin token either: the notes are the delegate's, and the server only keeps the
// bytes. Versions are the blob's SHA-256 (the ETag), so a resend is harmless and a tablet that
// missed another tablet's change gets 412 instead of overwriting it.
#pragma once

#include "protocol/error.h"
#include "services/principal.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace chamber::core {
struct MeetingState;
}
namespace chamber::storage {
class AnnotationFiles;
}

namespace chamber::services {

// What to answer: `status` 200, 201, 304 or an error (then `error` says why; 412 carries
// ErrorCode::Conflict). `etag` is the blob's current version, when there is one.
struct AnnotationReply
{
    int status = 200;
    QByteArray etag; // "\"<sha256 hex>\""
    QByteArray blob; // GET
    QJsonObject json; // PUT, DELETE
    std::optional<Error> error;
};

// Does an If-Match / If-None-Match header value ("*", or a comma-separated list of quoted
// entity tags, weak ones ignored as RFC 9110 §13.1.1 requires for If-Match) name `etag`?
// `exists` false: "*" matches nothing.
bool etagListMatches(const QByteArray &header, const QByteArray &etag, bool exists);

class AnnotationService
{
public:
    using MeetingLookup = std::function<const core::MeetingState *(qint64)>;

    AnnotationService(MeetingLookup meetings, storage::AnnotationFiles &files, qint64 maxBytes)
        : m_meetings(std::move(meetings))
        , m_files(files)
        , m_maxBytes(maxBytes)
    { }

    AnnotationReply get(
        const Principal &principal, const QString &sha256, const QByteArray &ifNoneMatch) const;
    // Stores `blob` (durably, before answering). The same bytes as stored: 200 and nothing
    // written, whatever the preconditions say (a resend of a PUT that was done). Else
    // If-Match must name the stored version ("*": any) and If-None-Match: * wants none.
    AnnotationReply put(const Principal &principal, const QString &sha256, const QByteArray &blob,
        const QByteArray &ifMatch, const QByteArray &ifNoneMatch);
    // Nothing stored: 200 with deleted false (a resend of a DELETE that was done).
    AnnotationReply remove(
        const Principal &principal, const QString &sha256, const QByteArray &ifMatch);

    qint64 maxBytes() const { return m_maxBytes; }

private:
    // The delegate whose notes these are, or why not.
    Result<qint64> owner(const Principal &principal, const QString &sha256) const;

    MeetingLookup m_meetings;
    storage::AnnotationFiles &m_files;
    qint64 m_maxBytes;
};

} // namespace chamber::services
