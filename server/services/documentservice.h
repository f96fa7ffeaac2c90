// Documents of a meeting: the secretary's uploads are checked (name, size, type, that QtPdf
// opens them), stored by content and only then announced with document.added; devices read
// only what belongs to their meeting.
#pragma once

#include "protocol/error.h"
#include "services/principal.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace chamber::storage {
class DocumentFiles;
}

namespace chamber::services {

class MeetingService;

struct DocumentOptions
{
    qint64 maxUploadBytes = 100LL * 1024 * 1024;
};

class DocumentService
{
public:
    DocumentService(
        MeetingService &meetings, storage::DocumentFiles &files, DocumentOptions options)
        : m_meetings(meetings)
        , m_files(files)
        , m_options(options)
    { }

    // Adds the file to the item and returns {document, created}. Uploading the same bytes to
    // the same item again returns the document it made the first time (created: false), so a
    // secretary's retry after a lost answer never makes a second copy. A refused upload leaves
    // nothing behind.
    Result<QJsonObject> upload(const Principal &principal, qint64 meeting, qint64 item,
        const QString &fileName, const QByteArray &content);

    // May this principal download the document with this content? The admin: any stored one;
    // a device: those of its meeting that are not removed.
    bool mayRead(const Principal &principal, const QString &sha256) const;

    const storage::DocumentFiles &files() const { return m_files; }
    const DocumentOptions &options() const { return m_options; }

private:
    MeetingService &m_meetings;
    storage::DocumentFiles &m_files;
    DocumentOptions m_options;
};

} // namespace chamber::services
