#include "annotationset.h"

#include <QDateTime>

#include <set>

namespace chamber::kiosk {

AnnotationSet::AnnotationSet(QObject *parent)
    : QObject(parent)
{ }

void AnnotationSet::setDocuments(DocumentsState *documents)
{
    if (documents == m_documents)
        return;
    m_documents = documents;
    reload();
    emit sourceChanged();
}

void AnnotationSet::setDocumentId(int documentId)
{
    if (documentId == m_documentId)
        return;
    m_documentId = documentId;
    reload();
    emit sourceChanged();
}

bool AnnotationSet::canBackUp() const
{
    return m_documents && m_documents->annotationBackup()
        && m_documents->annotationBackup()->isReady() && !m_sha256.isEmpty();
}

void AnnotationSet::setBackup(const QString &status, const QString &problem)
{
    m_backupStatus = status;
    m_backupProblem = problem;
    emit backupChanged();
}

void AnnotationSet::connectBackup()
{
    disconnect(m_backupDone);
    disconnect(m_backupRestored);
    disconnect(m_backupFailed);
    AnnotationBackup *backup = m_documents ? m_documents->annotationBackup() : nullptr;
    if (!backup)
        return;
    m_backupDone = connect(backup, &AnnotationBackup::backedUp, this, [this](const QString &sha) {
        if (sha == m_sha256)
            setBackup(QStringLiteral("saved"));
    });
    m_backupRestored = connect(backup, &AnnotationBackup::restored, this,
        [this](const QString &sha, const Annotations &annotations) {
            if (sha != m_sha256)
                return;
            m_annotations = annotations;
            save();
            setBackup(QStringLiteral("restored"));
        });
    m_backupFailed = connect(backup, &AnnotationBackup::failed, this,
        [this](const QString &sha, const QString &problem) {
            if (sha == m_sha256)
                setBackup(QStringLiteral("failed"), problem);
        });
}

void AnnotationSet::backUp(const QString &passphrase)
{
    if (!canBackUp())
        return;
    setBackup(QStringLiteral("working"));
    m_documents->annotationBackup()->backUp(m_sha256, m_annotations, passphrase);
}

void AnnotationSet::restore(const QString &passphrase)
{
    if (!canBackUp())
        return;
    setBackup(QStringLiteral("working"));
    m_documents->annotationBackup()->restore(m_sha256, passphrase);
}

void AnnotationSet::reload()
{
    connectBackup();
    m_backupStatus.clear();
    m_backupProblem.clear();
    m_annotations = {};
    m_problem.clear();
    m_sha256 = m_documents ? m_documents->sha256Of(m_documentId) : QString();
    const AnnotationStore *store = m_documents ? m_documents->annotationStore() : nullptr;
    if (store && !m_sha256.isEmpty()) {
        auto loaded = store->load(m_sha256);
        if (loaded)
            m_annotations = loaded.value();
        else
            m_problem = tr("Your earlier notes on this document could not be read.");
    }
    ++m_revision;
    emit changed();
}

void AnnotationSet::save()
{
    ++m_revision;
    const AnnotationStore *store = m_documents ? m_documents->annotationStore() : nullptr;
    if (store && !m_sha256.isEmpty()) {
        const Status saved = store->save(m_sha256, m_annotations);
        m_problem = saved ? QString() : tr("Your notes could not be saved on this tablet.");
    }
    emit changed();
}

QVariantList AnnotationSet::strokes(int page) const
{
    QVariantList shown;
    for (const InkStroke &stroke : m_annotations.strokes) {
        if (stroke.page != page)
            continue;
        QVariantList points;
        points.reserve(stroke.points.size() * 2);
        for (const QPointF &point : stroke.points) {
            points.append(point.x());
            points.append(point.y());
        }
        shown.append(QVariantMap {{QStringLiteral("color"), stroke.color},
            {QStringLiteral("width"), stroke.width}, {QStringLiteral("points"), points}});
    }
    return shown;
}

void AnnotationSet::addStroke(
    int page, const QString &color, double width, const QVariantList &points)
{
    if (points.size() < 4 || page < 0 || m_annotations.strokes.size() >= Annotations::kMaxStrokes)
        return;
    InkStroke stroke;
    stroke.page = page;
    stroke.color = color;
    stroke.width = std::clamp(width, 0.001, 0.05);
    for (qsizetype i = 0;
         i + 1 < points.size() && stroke.points.size() < Annotations::kMaxPointsPerStroke; i += 2) {
        stroke.points.append(QPointF(std::clamp(points.at(i).toDouble(), 0.0, 1.0),
            std::clamp(points.at(i + 1).toDouble(), 0.0, 1.0)));
    }
    m_annotations.strokes.append(stroke);
    save();
}

void AnnotationSet::undoStroke(int page)
{
    for (qsizetype i = m_annotations.strokes.size() - 1; i >= 0; --i) {
        if (m_annotations.strokes.at(i).page == page) {
            m_annotations.strokes.removeAt(i);
            save();
            return;
        }
    }
}

void AnnotationSet::eraseNear(int page, double x, double y, double radius)
{
    const qsizetype before = m_annotations.strokes.size();
    m_annotations.strokes.removeIf([&](const InkStroke &stroke) {
        if (stroke.page != page)
            return false;
        for (const QPointF &point : stroke.points) {
            if (std::hypot(point.x() - x, point.y() - y) <= radius)
                return true;
        }
        return false;
    });
    if (m_annotations.strokes.size() != before)
        save();
}

QVariantList AnnotationSet::notes(int page) const
{
    QVariantList shown;
    for (const TextNote &note : m_annotations.notes) {
        if (note.page == page)
            shown.append(QVariantMap {{QStringLiteral("id"), int(note.id)},
                {QStringLiteral("x"), note.at.x()}, {QStringLiteral("y"), note.at.y()},
                {QStringLiteral("text"), note.text}});
    }
    return shown;
}

int AnnotationSet::addNote(int page, double x, double y, const QString &text)
{
    if (page < 0 || m_annotations.notes.size() >= Annotations::kMaxNotes)
        return 0;
    TextNote note;
    note.id = m_annotations.nextNoteId();
    note.page = page;
    note.at = QPointF(std::clamp(x, 0.0, 1.0), std::clamp(y, 0.0, 1.0));
    note.text = text.left(Annotations::kMaxNoteLength);
    note.updatedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    m_annotations.notes.append(note);
    save();
    return int(note.id);
}

void AnnotationSet::updateNote(int id, const QString &text)
{
    for (TextNote &note : m_annotations.notes) {
        if (note.id == id) {
            note.text = text.left(Annotations::kMaxNoteLength);
            note.updatedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
            save();
            return;
        }
    }
}

void AnnotationSet::removeNote(int id)
{
    if (m_annotations.notes.removeIf([id](const TextNote &note) { return note.id == id; }))
        save();
}

QVariantList AnnotationSet::annotatedPages() const
{
    std::set<int> pages;
    for (const InkStroke &stroke : m_annotations.strokes)
        pages.insert(stroke.page);
    for (const TextNote &note : m_annotations.notes)
        pages.insert(note.page);
    QVariantList shown;
    for (int page : pages)
        shown.append(page);
    return shown;
}

} // namespace chamber::kiosk
