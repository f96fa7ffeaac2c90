// A delegate's private notes on one document: ink strokes and text notes, each on a page, in
// page coordinates from 0 to 1 so they stay put at any zoom. Kept on the tablet as JSON; the
// same JSON, encrypted on the tablet, is what an optional backup sends to the server, so it is
// parsed as outside data: anything malformed is refused whole.
#pragma once

#include "protocol/error.h"

#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QString>

namespace chamber::kiosk {

struct InkStroke
{
    int page = 0; // from 0
    QString color; // #rrggbb
    double width = 0.004; // share of the page width
    QList<QPointF> points;
};

struct TextNote
{
    qint64 id = 0;
    int page = 0;
    QPointF at;
    QString text;
    QString updatedAt;
};

struct Annotations
{
    QList<InkStroke> strokes;
    QList<TextNote> notes;

    static constexpr int kMaxStrokes = 20000;
    static constexpr int kMaxPointsPerStroke = 4000;
    static constexpr int kMaxNotes = 2000;
    static constexpr int kMaxNoteLength = 4000;
    static constexpr int kMaxPage = 100000;

    bool isEmpty() const { return strokes.isEmpty() && notes.isEmpty(); }
    qint64 nextNoteId() const;
    QJsonObject toJson() const;
    static Result<Annotations> fromJson(const QJsonObject &json);
};

// One JSON file per document, named by its SHA-256, owner-only, replaced atomically.
class AnnotationStore
{
public:
    explicit AnnotationStore(QString directory = {});

    bool isEnabled() const { return !m_directory.isEmpty(); }
    // Nothing stored yet gives empty annotations; a damaged file gives an error (and is kept
    // aside, not overwritten, so nothing a delegate wrote is lost silently).
    Result<Annotations> load(const QString &sha256) const;
    Status save(const QString &sha256, const Annotations &annotations) const;

private:
    QString pathOf(const QString &sha256) const;

    QString m_directory;
};

} // namespace chamber::kiosk
