#include "annotations.h"

#include "protocol/event.h"
#include "support/privatefile.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace chamber::kiosk {

namespace {

Error malformed(const QString &why)
{
    return makeError(ErrorCode::Invalid, QStringLiteral("annotations: %1").arg(why));
}

bool isUnit(double value)
{
    return std::isfinite(value) && value >= 0 && value <= 1;
}

bool readPage(const QJsonObject &json, int &page)
{
    const QJsonValue value = json.value(QLatin1String("page"));
    if (!value.isDouble() || value.toDouble() != std::floor(value.toDouble()))
        return false;
    page = value.toInt(-1);
    return page >= 0 && page <= Annotations::kMaxPage;
}

bool isColor(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    return pattern.match(text).hasMatch();
}

} // namespace

qint64 Annotations::nextNoteId() const
{
    qint64 highest = 0;
    for (const TextNote &note : notes)
        highest = std::max(highest, note.id);
    return highest + 1;
}

QJsonObject Annotations::toJson() const
{
    QJsonArray strokeArray;
    for (const InkStroke &stroke : strokes) {
        QJsonArray points;
        for (const QPointF &point : stroke.points) {
            // Four decimals: a tenth of a millimetre on A4, and a quarter of the file.
            points.append(std::round(point.x() * 10000) / 10000);
            points.append(std::round(point.y() * 10000) / 10000);
        }
        strokeArray.append(QJsonObject {{QStringLiteral("page"), stroke.page},
            {QStringLiteral("color"), stroke.color}, {QStringLiteral("width"), stroke.width},
            {QStringLiteral("points"), points}});
    }
    QJsonArray noteArray;
    for (const TextNote &note : notes) {
        noteArray.append(QJsonObject {{QStringLiteral("id"), note.id},
            {QStringLiteral("page"), note.page}, {QStringLiteral("x"), note.at.x()},
            {QStringLiteral("y"), note.at.y()}, {QStringLiteral("text"), note.text},
            {QStringLiteral("updatedAt"), note.updatedAt}});
    }
    return {{QStringLiteral("version"), 1}, {QStringLiteral("strokes"), strokeArray},
        {QStringLiteral("notes"), noteArray}};
}

Result<Annotations> Annotations::fromJson(const QJsonObject &json)
{
    if (json.value(QLatin1String("version")).toInt() != 1)
        return malformed(QStringLiteral("unknown version"));
    const QJsonValue strokesValue = json.value(QLatin1String("strokes"));
    const QJsonValue notesValue = json.value(QLatin1String("notes"));
    if (!strokesValue.isArray() || !notesValue.isArray())
        return malformed(QStringLiteral("strokes and notes must be lists"));
    const QJsonArray strokeArray = strokesValue.toArray();
    const QJsonArray noteArray = notesValue.toArray();
    if (strokeArray.size() > kMaxStrokes || noteArray.size() > kMaxNotes)
        return malformed(QStringLiteral("too many annotations"));
    Annotations annotations;
    for (const QJsonValue &value : strokeArray) {
        const QJsonObject object = value.toObject();
        InkStroke stroke;
        stroke.color = object.value(QLatin1String("color")).toString();
        stroke.width = object.value(QLatin1String("width")).toDouble(-1);
        const QJsonArray points = object.value(QLatin1String("points")).toArray();
        if (!value.isObject() || !readPage(object, stroke.page) || !isColor(stroke.color)
            || !(stroke.width > 0 && stroke.width <= 0.1) || points.size() < 4
            || points.size() % 2 != 0 || points.size() > 2 * kMaxPointsPerStroke)
            return malformed(QStringLiteral("a stroke is damaged"));
        for (qsizetype i = 0; i < points.size(); i += 2) {
            const QJsonValue x = points.at(i);
            const QJsonValue y = points.at(i + 1);
            if (!x.isDouble() || !y.isDouble() || !isUnit(x.toDouble()) || !isUnit(y.toDouble()))
                return malformed(QStringLiteral("a stroke point is off the page"));
            stroke.points.append(QPointF(x.toDouble(), y.toDouble()));
        }
        annotations.strokes.append(stroke);
    }
    for (const QJsonValue &value : noteArray) {
        const QJsonObject object = value.toObject();
        TextNote note;
        note.id = object.value(QLatin1String("id")).toInteger(0);
        const double x = object.value(QLatin1String("x")).toDouble(-1);
        const double y = object.value(QLatin1String("y")).toDouble(-1);
        note.text = object.value(QLatin1String("text")).toString();
        note.updatedAt = object.value(QLatin1String("updatedAt")).toString();
        if (!value.isObject() || note.id <= 0 || !readPage(object, note.page) || !isUnit(x)
            || !isUnit(y) || !object.value(QLatin1String("text")).isString()
            || note.text.size() > kMaxNoteLength)
            return malformed(QStringLiteral("a note is damaged"));
        for (const TextNote &other : annotations.notes) {
            if (other.id == note.id)
                return malformed(QStringLiteral("two notes have the same id"));
        }
        note.at = QPointF(x, y);
        annotations.notes.append(note);
    }
    return annotations;
}

AnnotationStore::AnnotationStore(QString directory)
    : m_directory(std::move(directory))
{ }

QString AnnotationStore::pathOf(const QString &sha256) const
{
    return m_directory + QLatin1Char('/') + sha256 + QStringLiteral(".json");
}

Result<Annotations> AnnotationStore::load(const QString &sha256) const
{
    if (!isEnabled() || !protocol::isSha256Hex(sha256))
        return Annotations {};
    auto stored = support::readJsonFile(pathOf(sha256));
    if (!stored)
        return stored.error();
    if (!stored.value())
        return Annotations {};
    auto annotations = Annotations::fromJson(stored.value()->object());
    if (!annotations) {
        // Kept for a person to look at; the delegate starts with a clean page.
        QFile::rename(pathOf(sha256),
            pathOf(sha256) + QStringLiteral(".damaged-")
                + QString::number(QDateTime::currentSecsSinceEpoch()));
    }
    return annotations;
}

Status AnnotationStore::save(const QString &sha256, const Annotations &annotations) const
{
    if (!isEnabled())
        return success();
    if (!protocol::isSha256Hex(sha256))
        return makeError(ErrorCode::Invalid, QStringLiteral("not a document digest"));
    if (auto made = support::ensurePrivateDirectory(m_directory); !made)
        return made;
    return support::writePrivateFile(
        pathOf(sha256), QJsonDocument(annotations.toJson()).toJson(QJsonDocument::Compact));
}

} // namespace chamber::kiosk
