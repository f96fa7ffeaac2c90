#include "documentsstate.h"

#include <QFileInfo>

namespace chamber::kiosk {

namespace {

QString statusName(DocumentDownloader::Status status)
{
    switch (status) {
    case DocumentDownloader::Status::Queued:
        return QStringLiteral("queued");
    case DocumentDownloader::Status::Downloading:
        return QStringLiteral("downloading");
    case DocumentDownloader::Status::Ready:
        return QStringLiteral("ready");
    case DocumentDownloader::Status::Waiting:
        return QStringLiteral("waiting");
    case DocumentDownloader::Status::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

} // namespace

DocumentsState::DocumentsState(QObject *parent)
    : QObject(parent)
{
    m_progressTimer.setSingleShot(true);
    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this, [this] {
        updateModel();
        emit progressChanged();
    });
}

void DocumentsState::attach(
    const core::MeetingState *meeting, const DeviceIdentity *identity, Sender sender)
{
    m_meeting = meeting;
    m_identity = identity;
    m_send = std::move(sender);
}

void DocumentsState::setDownloader(DocumentDownloader *downloader, DocumentCache *cache)
{
    if (m_downloader)
        m_downloader->disconnect(this);
    m_downloader = downloader;
    m_cache = cache;
    if (m_downloader) {
        connect(m_downloader, &DocumentDownloader::progressChanged, this, [this] {
            if (!m_progressTimer.isActive())
                m_progressTimer.start();
        });
        // A document the presenter shows may just have arrived.
        connect(m_downloader, &DocumentDownloader::documentReady, this, [this] {
            updateModel();
            emit progressChanged();
            emit presentationChanged();
        });
    }
    refresh();
}

void DocumentsState::setStaticFiles(const QHash<QString, QString> &files)
{
    m_staticFiles = files;
    refresh();
}

void DocumentsState::refresh()
{
    if (m_downloader && m_meeting) {
        QList<DocumentDownloader::Wanted> wanted;
        for (const auto &[id, document] : m_meeting->documents.all()) {
            if (!document.removed)
                wanted.append({document.sha256, document.bytes});
        }
        m_downloader->setWanted(wanted);
    }
    updateModel();
    emit changed();
    emit progressChanged();

    const qint64 document = presentedDocument();
    const qint64 page = presentedPage();
    if (document != m_shownDocument || page != m_shownPage) {
        m_shownDocument = document;
        m_shownPage = page;
        emit presentationChanged();
        if (document != 0 && m_following)
            emit presenterMoved(int(document), int(page));
    }
}

void DocumentsState::updateModel()
{
    if (!m_meeting)
        return;
    m_model.update(
        *m_meeting, [this](const core::Document &document) { return availability(document); });
}

DocumentModel::Availability DocumentsState::availability(const core::Document &document) const
{
    DocumentModel::Availability shown;
    if (m_staticFiles.contains(document.sha256)) {
        shown.status = QStringLiteral("ready");
        shown.progress = 1;
        shown.fileUrl = QUrl::fromLocalFile(m_staticFiles.value(document.sha256));
        return shown;
    }
    if (!m_downloader)
        return shown;
    const DocumentDownloader::Progress *progress = m_downloader->progress(document.sha256);
    if (!progress)
        return shown;
    shown.status = statusName(progress->status);
    shown.progress
        = progress->bytes > 0 ? std::min(1.0, double(progress->received) / progress->bytes) : 0;
    shown.problem = progress->problem;
    if (progress->status == DocumentDownloader::Status::Ready && m_cache)
        shown.fileUrl = QUrl::fromLocalFile(m_cache->filePath(document.sha256));
    return shown;
}

int DocumentsState::readyCount() const
{
    if (m_downloader)
        return m_downloader->readyCount();
    int ready = 0;
    for (int row = 0; row < m_model.rowCount(); ++row) {
        ready += m_model.data(m_model.index(row), DocumentModel::StatusRole).toString()
                == QLatin1String("ready")
            ? 1
            : 0;
    }
    return ready;
}

double DocumentsState::totalBytes() const
{
    double total = 0;
    for (int row = 0; row < m_model.rowCount(); ++row)
        total += m_model.data(m_model.index(row), DocumentModel::BytesRole).toDouble();
    return total;
}

double DocumentsState::receivedBytes() const
{
    double received = 0;
    for (int row = 0; row < m_model.rowCount(); ++row) {
        const QModelIndex index = m_model.index(row);
        received += m_model.data(index, DocumentModel::BytesRole).toDouble()
            * m_model.data(index, DocumentModel::ProgressRole).toDouble();
    }
    return received;
}

double DocumentsState::progress() const
{
    const double total = totalBytes();
    return total > 0 ? receivedBytes() / total : (count() > 0 ? 1.0 : 0.0);
}

const core::Document *DocumentsState::find(int documentId) const
{
    if (!m_meeting || documentId <= 0)
        return nullptr;
    const core::Document *document = m_meeting->documents.find(documentId);
    return document && !document->removed ? document : nullptr;
}

QString DocumentsState::sha256Of(int documentId) const
{
    const core::Document *document = find(documentId);
    return document ? document->sha256 : QString();
}

int DocumentsState::presentedDocument() const
{
    return m_meeting && find(int(m_meeting->presenting.document))
        ? int(m_meeting->presenting.document)
        : 0;
}

int DocumentsState::presentedPage() const
{
    return presentedDocument() ? int(m_meeting->presenting.page) : 0;
}

QString DocumentsState::presentedTitle() const
{
    const core::Document *document = find(presentedDocument());
    return document ? document->title : QString();
}

void DocumentsState::setFollowing(bool following)
{
    if (following == m_following)
        return;
    m_following = following;
    emit followingChanged();
    if (m_following && presenting())
        emit presenterMoved(presentedDocument(), presentedPage());
}

bool DocumentsState::canPresent() const
{
    return m_identity && m_identity->role == QLatin1String("chair");
}

QUrl DocumentsState::fileUrl(int documentId) const
{
    const core::Document *document = find(documentId);
    if (!document)
        return {};
    return availability(*document).fileUrl;
}

QVariantMap DocumentsState::document(int documentId) const
{
    const core::Document *document = find(documentId);
    if (!document)
        return {};
    const int row = m_model.rowOf(documentId);
    return {{QStringLiteral("documentId"), documentId}, {QStringLiteral("title"), document->title},
        {QStringLiteral("name"), document->name}, {QStringLiteral("pages"), int(document->pages)},
        {QStringLiteral("itemLabel"),
            row >= 0 ? m_model.data(m_model.index(row), DocumentModel::ItemLabelRole) : QVariant()},
        {QStringLiteral("fileUrl"), fileUrl(documentId)}};
}

void DocumentsState::opened(int documentId)
{
    const core::Document *document = find(documentId);
    if (document && m_cache && m_identity)
        m_cache->touch(document->sha256, m_identity->meeting);
}

void DocumentsState::present(int documentId, int page)
{
    if (!m_send)
        return;
    m_send({{QStringLiteral("type"), QStringLiteral("document.present")},
        {QStringLiteral("document"), documentId > 0 ? QJsonValue(documentId) : QJsonValue()},
        {QStringLiteral("page"), std::max(1, page)}});
}

} // namespace chamber::kiosk
