// Documents as the screens see them (Kiosk.documents): the meeting's PDFs with their download
// progress (each and in total), the local file to open, what the presenter shows, and whether
// this screen follows the presenter. A delegate who turns pages on their own steps away from
// the presenter; one tap brings them back.
#pragma once

#include "annotationbackup.h"
#include "annotations.h"
#include "deviceidentity.h"
#include "documentdownloader.h"
#include "documentmodel.h"

#include "core/meeting.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace chamber::kiosk {

class DocumentsState : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by Kiosk")

    Q_PROPERTY(chamber::kiosk::DocumentModel *model READ model CONSTANT)
    Q_PROPERTY(int count READ count NOTIFY changed)
    Q_PROPERTY(int readyCount READ readyCount NOTIFY progressChanged)
    // Bytes as doubles: QML numbers; 0..1 of all the meeting's bytes.
    Q_PROPERTY(double totalBytes READ totalBytes NOTIFY progressChanged)
    Q_PROPERTY(double receivedBytes READ receivedBytes NOTIFY progressChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(bool allReady READ allReady NOTIFY progressChanged)

    // The presenter's page: document 0 when nothing is presented.
    Q_PROPERTY(bool presenting READ presenting NOTIFY presentationChanged)
    Q_PROPERTY(int presentedDocument READ presentedDocument NOTIFY presentationChanged)
    Q_PROPERTY(int presentedPage READ presentedPage NOTIFY presentationChanged)
    Q_PROPERTY(QString presentedTitle READ presentedTitle NOTIFY presentationChanged)
    // The local copy of the presented document; empty until it is downloaded.
    Q_PROPERTY(QUrl presentedUrl READ presentedUrl NOTIFY presentationChanged)
    // This screen jumps to the presenter's page (true until the delegate turns away).
    Q_PROPERTY(bool following READ following WRITE setFollowing NOTIFY followingChanged)
    // The chair console may present.
    Q_PROPERTY(bool canPresent READ canPresent NOTIFY changed)

public:
    using Sender = std::function<QString(QJsonObject)>;

    explicit DocumentsState(QObject *parent = nullptr);

    void attach(const core::MeetingState *meeting, const DeviceIdentity *identity, Sender sender);
    // Live mode: where downloads come from and go (nullptr: none, e.g. self-test).
    void setDownloader(DocumentDownloader *downloader, DocumentCache *cache);
    // Self-test and screenshots: local files standing in for the downloads, by sha256.
    void setStaticFiles(const QHash<QString, QString> &files);
    // The meeting changed: new or removed documents, the presenter moved.
    void refresh();
    // Where private annotations are kept (memory only when unset).
    void setAnnotationStore(const AnnotationStore *store) { m_annotations = store; }
    const AnnotationStore *annotationStore() const { return m_annotations; }
    // The encrypted backup of annotations to the server (seat tablets; nullptr elsewhere).
    void setAnnotationBackup(AnnotationBackup *backup) { m_backup = backup; }
    AnnotationBackup *annotationBackup() const { return m_backup; }
    // The digest a document is stored by (empty when unknown or removed).
    QString sha256Of(int documentId) const;

    DocumentModel *model() { return &m_model; }
    int count() const { return m_model.rowCount(); }
    int readyCount() const;
    double totalBytes() const;
    double receivedBytes() const;
    double progress() const;
    bool allReady() const { return readyCount() == count(); }
    bool presenting() const { return presentedDocument() != 0; }
    int presentedDocument() const;
    int presentedPage() const;
    QString presentedTitle() const;
    QUrl presentedUrl() const { return fileUrl(presentedDocument()); }
    bool following() const { return m_following; }
    void setFollowing(bool following);
    bool canPresent() const;

    // The local copy of a document, or an empty url while it is not here yet.
    Q_INVOKABLE QUrl fileUrl(int documentId) const;
    // {documentId, title, name, pages, itemLabel} of one document (empty when unknown).
    Q_INVOKABLE QVariantMap document(int documentId) const;
    // The reader opened it: keeps it in the cache longer.
    Q_INVOKABLE void opened(int documentId);
    // Chair console: show this page on every screen that follows; 0 stops presenting.
    Q_INVOKABLE void present(int documentId, int page);

Q_SIGNALS:
    void changed();
    void progressChanged();
    void presentationChanged();
    void followingChanged();
    // The presenter moved while this screen follows: viewers jump there.
    void presenterMoved(int documentId, int page);

private:
    const core::Document *find(int documentId) const;
    DocumentModel::Availability availability(const core::Document &document) const;
    void updateModel();

    const core::MeetingState *m_meeting = nullptr;
    const DeviceIdentity *m_identity = nullptr;
    Sender m_send;
    QPointer<DocumentDownloader> m_downloader; // owned by the Kiosk, replaced on a new join
    DocumentCache *m_cache = nullptr;
    const AnnotationStore *m_annotations = nullptr;
    QPointer<AnnotationBackup> m_backup;
    QHash<QString, QString> m_staticFiles;
    DocumentModel m_model;
    QTimer m_progressTimer; // progress reaches the screens at most ten times a second
    bool m_following = true;
    qint64 m_shownDocument = 0;
    qint64 m_shownPage = 0;
};

} // namespace chamber::kiosk
