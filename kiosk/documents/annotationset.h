// The private annotations of the document open in a viewer, for QML: ink strokes and text
// notes per page, saved on the tablet after every change (so a crash loses at most the stroke
// being drawn). Points are in page coordinates from 0 to 1.
#pragma once

#include "annotations.h"
#include "documentsstate.h"

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace chamber::kiosk {

class AnnotationSet : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(chamber::kiosk::DocumentsState *documents READ documents WRITE setDocuments NOTIFY
            sourceChanged)
    Q_PROPERTY(int documentId READ documentId WRITE setDocumentId NOTIFY sourceChanged)
    // Changes with every edit, so bindings that draw the annotations read them again.
    Q_PROPERTY(int revision READ revision NOTIFY changed)
    Q_PROPERTY(int strokeCount READ strokeCount NOTIFY changed)
    Q_PROPERTY(int noteCount READ noteCount NOTIFY changed)
    // Why the stored annotations could not be read or written (empty when all is well).
    Q_PROPERTY(QString problem READ problem NOTIFY changed)
    // The encrypted backup: possible on this device; "", working, saved, restored or failed;
    // and why it failed.
    Q_PROPERTY(bool canBackUp READ canBackUp NOTIFY sourceChanged)
    Q_PROPERTY(QString backupStatus READ backupStatus NOTIFY backupChanged)
    Q_PROPERTY(QString backupProblem READ backupProblem NOTIFY backupChanged)

public:
    explicit AnnotationSet(QObject *parent = nullptr);

    DocumentsState *documents() const { return m_documents; }
    void setDocuments(DocumentsState *documents);
    int documentId() const { return m_documentId; }
    void setDocumentId(int documentId);
    int revision() const { return m_revision; }
    int strokeCount() const { return int(m_annotations.strokes.size()); }
    int noteCount() const { return int(m_annotations.notes.size()); }
    QString problem() const { return m_problem; }
    bool canBackUp() const;
    QString backupStatus() const { return m_backupStatus; }
    QString backupProblem() const { return m_backupProblem; }

    // Seals these annotations with the delegate's passphrase and stores them on the server.
    Q_INVOKABLE void backUp(const QString &passphrase);
    // Replaces these annotations with the backup's (saved on the tablet too).
    Q_INVOKABLE void restore(const QString &passphrase);

    // [{color, width, points: [x0, y0, x1, y1, ...]}] of a page (from 0).
    Q_INVOKABLE QVariantList strokes(int page) const;
    // points: [x0, y0, x1, y1, ...]; ignored when fewer than two points.
    Q_INVOKABLE void addStroke(
        int page, const QString &color, double width, const QVariantList &points);
    // Removes the page's newest stroke.
    Q_INVOKABLE void undoStroke(int page);
    // Removes strokes of a page that pass within `radius` of the point (an eraser).
    Q_INVOKABLE void eraseNear(int page, double x, double y, double radius);
    // [{id, x, y, text}] of a page.
    Q_INVOKABLE QVariantList notes(int page) const;
    Q_INVOKABLE int addNote(int page, double x, double y, const QString &text);
    Q_INVOKABLE void updateNote(int id, const QString &text);
    Q_INVOKABLE void removeNote(int id);
    // Pages (from 0) that carry any annotation, ascending: the thumbnails mark them.
    Q_INVOKABLE QVariantList annotatedPages() const;

    const Annotations &annotations() const { return m_annotations; }

Q_SIGNALS:
    void sourceChanged();
    void changed();
    void backupChanged();

private:
    void reload();
    void save();
    void setBackup(const QString &status, const QString &problem = {});
    void connectBackup();

    QPointer<DocumentsState> m_documents;
    int m_documentId = 0;
    QString m_sha256;
    Annotations m_annotations;
    int m_revision = 0;
    QString m_problem;
    QString m_backupStatus;
    QString m_backupProblem;
    QMetaObject::Connection m_backupDone;
    QMetaObject::Connection m_backupRestored;
    QMetaObject::Connection m_backupFailed;
};

} // namespace chamber::kiosk
