#include "core/documents.h"

#include "core/meeting.h"
#include "protocol/event.h"

#include <QRegularExpression>

namespace chamber::core {

namespace {

qint64 integer(const QJsonObject &json, const char *field)
{
    return json.value(QLatin1String(field)).toInteger();
}

QString text(const QJsonObject &json, const char *field)
{
    return json.value(QLatin1String(field)).toString();
}

bool isSha256Hex(const QString &value)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    return hex.match(value).hasMatch();
}

Error damaged(const protocol::Event &event, const QString &why)
{
    return makeError(ErrorCode::Internal,
        QStringLiteral("meeting %1, event %2 (%3): %4")
            .arg(event.meeting)
            .arg(event.seq)
            .arg(event.kind, why));
}

} // namespace

QJsonObject Document::toJson() const
{
    QJsonObject json {
        {QStringLiteral("id"), id},
        {QStringLiteral("item"), item},
        {QStringLiteral("sha256"), sha256},
        {QStringLiteral("name"), name},
        {QStringLiteral("title"), title},
        {QStringLiteral("pages"), pages},
        {QStringLiteral("bytes"), bytes},
        {QStringLiteral("source"), source},
        {QStringLiteral("addedAt"), addedAt},
        {QStringLiteral("removed"), removed},
    };
    if (removed)
        json.insert(QStringLiteral("removedAt"), removedAt);
    return json;
}

Result<Document> Document::fromJson(const QJsonObject &json)
{
    Document document;
    document.id = integer(json, "id");
    document.item = integer(json, "item");
    document.sha256 = text(json, "sha256");
    document.name = text(json, "name");
    document.title = text(json, "title");
    document.pages = integer(json, "pages");
    document.bytes = integer(json, "bytes");
    document.source = text(json, "source");
    document.addedAt = text(json, "addedAt");
    document.removed = json.value(QLatin1String("removed")).toBool();
    document.removedAt = text(json, "removedAt");
    if (document.id <= 0 || document.item <= 0 || !isSha256Hex(document.sha256)
        || document.pages <= 0 || document.bytes <= 0)
        return makeError(ErrorCode::Invalid, QStringLiteral("snapshot: a document is damaged"));
    return document;
}

QJsonObject Presentation::toJson() const
{
    return QJsonObject {
        {QStringLiteral("document"), document ? QJsonValue(document) : QJsonValue()},
        {QStringLiteral("page"), page},
        {QStringLiteral("since"), since},
    };
}

Presentation Presentation::fromJson(const QJsonObject &json)
{
    Presentation presentation;
    presentation.document = integer(json, "document");
    presentation.page = std::max<qint64>(1, integer(json, "page"));
    presentation.since = text(json, "since");
    return presentation;
}

const Document *DocumentList::find(qint64 id) const
{
    const auto it = m_documents.find(id);
    return it == m_documents.end() ? nullptr : &it->second;
}

Document *DocumentList::findMutable(qint64 id)
{
    const auto it = m_documents.find(id);
    return it == m_documents.end() ? nullptr : &it->second;
}

const Document *DocumentList::findOnItem(qint64 item, const QString &sha256) const
{
    for (const auto &[id, document] : m_documents) {
        if (!document.removed && document.item == item && document.sha256 == sha256)
            return &document;
    }
    return nullptr;
}

bool DocumentList::hasContent(const QString &sha256) const
{
    for (const auto &[id, document] : m_documents) {
        if (!document.removed && document.sha256 == sha256)
            return true;
    }
    return false;
}

Status applyDocumentAdded(MeetingState &state, const protocol::Event &event)
{
    auto document = Document::fromJson(event.data);
    if (!document)
        return damaged(event, document.error().message);
    if (document->id != state.documents.nextId())
        return damaged(event, QStringLiteral("document id out of order"));
    if (!state.agenda.contains(document->item))
        return damaged(event, QStringLiteral("no such agenda item"));
    document->addedAt = event.time;
    document->removed = false;
    state.documents.insert(document.value());
    return success();
}

Status applyDocumentRemoved(MeetingState &state, const protocol::Event &event)
{
    Document *document = state.documents.findMutable(integer(event.data, "document"));
    if (!document || document->removed)
        return damaged(event, QStringLiteral("no such document"));
    document->removed = true;
    document->removedAt = event.time;
    if (state.presenting.document == document->id)
        state.presenting = Presentation {};
    return success();
}

Status applyDocumentPresented(MeetingState &state, const protocol::Event &event)
{
    const qint64 id = integer(event.data, "document");
    if (id == 0) {
        state.presenting = Presentation {};
        return success();
    }
    const Document *document = state.documents.find(id);
    const qint64 page = integer(event.data, "page");
    if (!document || document->removed || page < 1 || page > document->pages)
        return damaged(event, QStringLiteral("no such document or page"));
    state.presenting = Presentation {id, page, event.time};
    return success();
}

} // namespace chamber::core
