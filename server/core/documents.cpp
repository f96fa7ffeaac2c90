#include "core/documents.h"

#include "core/uploadcheck.h"
#include "protocol/event.h"
#include "protocol/text.h"

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

} // namespace

QString Document::fileName() const
{
    return protocol::safeFileName(
        name.isEmpty() ? title : titleFromName(name), QStringLiteral("pdf"));
}

QJsonObject Document::toJson() const
{
    QJsonObject json {
        {QStringLiteral("id"), id},
        {QStringLiteral("item"), item},
        {QStringLiteral("sha256"), sha256},
        {QStringLiteral("name"), name},
        {QStringLiteral("fileName"), fileName()},
        {QStringLiteral("title"), title},
        {QStringLiteral("pages"), pages},
        {QStringLiteral("bytes"), bytes},
        {QStringLiteral("source"), source},
        {QStringLiteral("addedAt"), addedAt},
        {QStringLiteral("removed"), removed},
    };
    if (!sourceSha256.isEmpty())
        json.insert(QStringLiteral("sourceSha256"), sourceSha256);
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
    document.sourceSha256 = text(json, "sourceSha256");
    document.addedAt = text(json, "addedAt");
    document.removed = json.value(QLatin1String("removed")).toBool();
    document.removedAt = text(json, "removedAt");
    if (document.id <= 0 || document.item <= 0 || !protocol::isSha256Hex(document.sha256)
        || document.pages <= 0 || document.bytes <= 0
        || (!document.sourceSha256.isEmpty() && !protocol::isSha256Hex(document.sourceSha256)))
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

const Document *DocumentList::findConvertedOnItem(qint64 item, const QString &sourceSha256) const
{
    for (const auto &[id, document] : m_documents) {
        if (!document.removed && document.item == item && !document.sourceSha256.isEmpty()
            && document.sourceSha256 == sourceSha256)
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

} // namespace chamber::core
