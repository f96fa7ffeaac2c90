// Documents of a meeting: the secretary's uploads are checked (name, size, type, that QtPdf
// opens them), office files converted to PDF first (LibreOffice, in another process), stored
// by content and only then announced with document.added; devices read only what belongs to
// their meeting.
#pragma once

#include "protocol/error.h"
#include "services/principal.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace chamber::storage {
class DocumentFiles;
}

namespace chamber::services {

class MeetingService;
class OfficeConverter;

// A task's attachment as stored (councils): what task.note's attachment names.
struct StoredAttachment
{
    QString sha256, name;
    qint64 size = 0, pages = 0;
};

struct DocumentOptions
{
    qint64 maxUploadBytes = 100LL * 1024 * 1024;
};

class DocumentService
{
public:
    // `converter` null: office files are refused as if LibreOffice were not installed.
    DocumentService(MeetingService &meetings, storage::DocumentFiles &files,
        DocumentOptions options, OfficeConverter *converter = nullptr)
        : m_meetings(meetings)
        , m_files(files)
        , m_options(options)
        , m_converter(converter)
    { }

    using UploadDone = std::function<void(Result<QJsonObject>)>;

    // Adds the file to the item and answers {document, created} through `done`. Uploading the
    // same bytes to the same item again gives the document it made the first time (created:
    // false), so a secretary's retry after a lost answer never makes a second copy; for an
    // office file "the same bytes" are the office file's, since each conversion's PDF differs.
    // A refused upload leaves nothing behind. PDFs and refusals are answered before upload()
    // returns; an office file is answered when its conversion is over.
    // `fileName` is the name's bytes as they came: refused unless valid UTF-8.
    void upload(const Principal &principal, qint64 meeting, qint64 item, const QByteArray &fileName,
        const QByteArray &content, UploadDone done);

    // A PDF attached to a task's progress note: checked exactly as an uploaded document (name,
    // size, type, its end, that QtPdf opens it), stored by content in the same files. Office
    // files are refused: a report is attached as the PDF it was sent as. A refusal leaves
    // nothing behind.
    Result<StoredAttachment> storeAttachment(const QByteArray &fileName, const QByteArray &content);

    // May this principal download the document with this content? The admin: any stored one;
    // a device: those of its meeting that are not removed.
    bool mayRead(const Principal &principal, const QString &sha256) const;

    // The file name a download of these bytes is saved under: the document's
    // protocol::safeFileName() (its name may hold "/"), from the principal's meeting (the
    // admin's: the first meeting that has it); "<sha256>.pdf" when no document names it.
    QString downloadName(const Principal &principal, const QString &sha256) const;

    const storage::DocumentFiles &files() const { return m_files; }
    const DocumentOptions &options() const { return m_options; }

private:
    // The checks that hold for every upload; again after a conversion, since the meeting may
    // have changed meanwhile.
    Status checkTarget(const Principal &principal, qint64 meeting, qint64 item) const;
    // Stores a PDF (uploaded, or converted from the office file with `sourceSha256`) and
    // appends document.added.
    Result<QJsonObject> store(const Principal &principal, qint64 meeting, qint64 item,
        const QString &name, const QByteArray &pdf, const QString &source,
        const QString &sourceSha256);

    MeetingService &m_meetings;
    storage::DocumentFiles &m_files;
    DocumentOptions m_options;
    OfficeConverter *m_converter;
};

} // namespace chamber::services
