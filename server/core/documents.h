// The meeting's documents as its log records them: which PDF (by content hash) belongs to which
// agenda item, and which page the presenter shows. The files themselves live in the server's
// content-addressed store; only their description enters the log.
#pragma once

#include "protocol/error.h"

#include <QJsonObject>
#include <QString>

#include <map>

namespace chamber::core {

struct Document
{
    qint64 id = 0;
    qint64 item = 0; // the agenda item it belongs to
    QString sha256; // lower-case hex of the PDF's bytes: its name in /docs/
    QString name; // the file name the secretary uploaded, for display only
    QString title; // from the PDF's metadata, else the name without extension
    qint64 pages = 0;
    qint64 bytes = 0;
    QString source; // "pdf", or the office format it was converted from ("docx", "odt", ...)
    // Converted documents: lower-case hex SHA-256 of the uploaded office file, so the same
    // upload again finds this document (a conversion's bytes differ every time). Else empty.
    QString sourceSha256;
    QString addedAt;
    bool removed = false;
    QString removedAt;

    // What a download is saved as: the name made safe for a file system ("/" and controls
    // replaced, protocol::safeFileName()), always ending in .pdf (what is served is the PDF).
    // Not stored: toJson() adds it as "fileName" for clients.
    QString fileName() const;

    QJsonObject toJson() const;
    static Result<Document> fromJson(const QJsonObject &json);
};

// What the presenter shows: every screen that follows jumps there. document 0: nothing.
struct Presentation
{
    qint64 document = 0;
    qint64 page = 1; // 1-based
    QString since;

    QJsonObject toJson() const;
    static Presentation fromJson(const QJsonObject &json);
};

// The documents of a meeting, removed ones kept so ids are never reused.
class DocumentList
{
public:
    const Document *find(qint64 id) const;
    // The document with these bytes on this item, unless removed.
    const Document *findOnItem(qint64 item, const QString &sha256) const;
    // The document converted from the office file with these bytes on this item, unless removed.
    const Document *findConvertedOnItem(qint64 item, const QString &sourceSha256) const;
    // True when a document that is not removed has these bytes (what a device may download).
    bool hasContent(const QString &sha256) const;
    qint64 nextId() const { return m_documents.empty() ? 1 : m_documents.rbegin()->first + 1; }
    const std::map<qint64, Document> &all() const { return m_documents; }

    void insert(const Document &document) { m_documents[document.id] = document; }
    Document *findMutable(qint64 id);

private:
    std::map<qint64, Document> m_documents;
};

} // namespace chamber::core
