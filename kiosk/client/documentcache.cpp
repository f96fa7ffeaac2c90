#include "documentcache.h"

#include "protocol/event.h"
#include "support/durablefile.h"
#include "support/privatefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <algorithm>
#include <vector>

namespace chamber::kiosk {

Q_LOGGING_CATEGORY(lcCache, "chamber.kiosk.documents")

namespace {
const QLatin1String kPdfSuffix(".pdf");
const QLatin1String kPartSuffix(".part");
} // namespace

DocumentCache::DocumentCache(QString directory, qint64 limitBytes)
    : m_directory(std::move(directory))
    , m_limitBytes(limitBytes)
{ }

QString DocumentCache::filePath(const QString &sha256) const
{
    return m_directory + QLatin1Char('/') + sha256 + kPdfSuffix;
}

QString DocumentCache::partPath(const QString &sha256) const
{
    return m_directory + QLatin1Char('/') + sha256 + kPartSuffix;
}

qint64 DocumentCache::partSize(const QString &sha256) const
{
    const QFileInfo part(partPath(sha256));
    return part.exists() ? part.size() : 0;
}

void DocumentCache::discardPart(const QString &sha256) const
{
    QFile::remove(partPath(sha256));
}

qint64 DocumentCache::usedBytes() const
{
    qint64 used = 0;
    for (const auto &[sha256, entry] : m_entries)
        used += entry.bytes;
    return used;
}

Status DocumentCache::load()
{
    m_entries.clear();
    if (!isEnabled())
        return success();
    if (auto made = support::ensurePrivateDirectory(m_directory); !made)
        return made;
    auto stored = support::readJsonFile(m_directory + QStringLiteral("/index.json"));
    if (!stored) {
        // A damaged index costs downloads, not documents' integrity: start it anew.
        qCWarning(lcCache).noquote() << stored.error().message << "- rebuilding the index";
    } else if (stored.value()) {
        const QJsonArray documents
            = stored.value()->object().value(QLatin1String("documents")).toArray();
        for (const QJsonValue &value : documents) {
            const QJsonObject json = value.toObject();
            const QString sha256 = json.value(QLatin1String("sha256")).toString();
            if (!protocol::isSha256Hex(sha256))
                continue;
            const QFileInfo file(filePath(sha256));
            if (!file.exists())
                continue;
            Entry entry;
            entry.bytes = file.size();
            for (const QJsonValue &meeting : json.value(QLatin1String("meetings")).toArray())
                entry.meetings.insert(meeting.toInteger());
            entry.lastUsed = QDateTime::fromString(
                json.value(QLatin1String("lastUsed")).toString(), Qt::ISODateWithMs);
            m_entries[sha256] = entry;
        }
    }
    // Complete files the index does not know (written just before a crash) are kept only if
    // their bytes still match their name; the downloader checks parts itself.
    const QStringList files = QDir(m_directory).entryList({QStringLiteral("*.pdf")}, QDir::Files);
    for (const QString &name : files) {
        const QString sha256 = name.chopped(kPdfSuffix.size());
        if (m_entries.count(sha256))
            continue;
        const QString path = filePath(sha256);
        if (protocol::isSha256Hex(sha256) && support::sha256OfFile(path) == sha256) {
            m_entries[sha256] = Entry {QFileInfo(path).size(), {}, {}};
        } else {
            QFile::remove(path);
        }
    }
    return persist();
}

Status DocumentCache::persist() const
{
    if (!isEnabled())
        return success();
    QJsonArray documents;
    for (const auto &[sha256, entry] : m_entries) {
        QJsonArray meetings;
        for (qint64 meeting : entry.meetings)
            meetings.append(meeting);
        documents.append(QJsonObject {{QStringLiteral("sha256"), sha256},
            {QStringLiteral("bytes"), entry.bytes}, {QStringLiteral("meetings"), meetings},
            {QStringLiteral("lastUsed"), entry.lastUsed.toString(Qt::ISODateWithMs)}});
    }
    return support::writePrivateFile(m_directory + QStringLiteral("/index.json"),
        QJsonDocument(
            QJsonObject {{QStringLiteral("version"), 1}, {QStringLiteral("documents"), documents}})
            .toJson(QJsonDocument::Compact));
}

Status DocumentCache::adopt(const QString &sha256, qint64 meeting)
{
    if (!isEnabled())
        return makeError(ErrorCode::Internal, QStringLiteral("no document cache"));
    const QString part = partPath(sha256);
    if (auto synced = support::syncFile(part); !synced)
        return synced;
    if (auto renamed = support::renameDurably(part, filePath(sha256)); !renamed)
        return renamed;
    Entry &entry = m_entries[sha256];
    entry.bytes = QFileInfo(filePath(sha256)).size();
    entry.meetings.insert(meeting);
    entry.lastUsed = QDateTime::currentDateTimeUtc();
    return persist();
}

void DocumentCache::touch(const QString &sha256, qint64 meeting)
{
    auto it = m_entries.find(sha256);
    if (it == m_entries.end())
        return;
    it->second.meetings.insert(meeting);
    it->second.lastUsed = QDateTime::currentDateTimeUtc();
    if (auto saved = persist(); !saved)
        qCWarning(lcCache).noquote() << saved.error().message;
}

void DocumentCache::forget(const QString &sha256)
{
    QFile::remove(filePath(sha256));
    m_entries.erase(sha256);
    if (auto saved = persist(); !saved)
        qCWarning(lcCache).noquote() << saved.error().message;
}

QStringList DocumentCache::evict(
    qint64 currentMeeting, const QSet<QString> &keep, qint64 incomingBytes)
{
    QStringList removed;
    if (!isEnabled() || m_limitBytes <= 0)
        return removed;
    struct Candidate
    {
        QString sha256;
        bool otherMeeting;
        QDateTime lastUsed;
    };
    std::vector<Candidate> candidates;
    for (const auto &[sha256, entry] : m_entries) {
        if (!keep.contains(sha256))
            candidates.push_back(
                {sha256, !entry.meetings.contains(currentMeeting), entry.lastUsed});
    }
    // Other meetings' documents before this meeting's (removed from its agenda), oldest first.
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        if (a.otherMeeting != b.otherMeeting)
            return a.otherMeeting;
        return a.lastUsed < b.lastUsed;
    });
    qint64 used = usedBytes();
    for (const Candidate &candidate : candidates) {
        if (used + incomingBytes <= m_limitBytes)
            break;
        used -= m_entries[candidate.sha256].bytes;
        QFile::remove(filePath(candidate.sha256));
        m_entries.erase(candidate.sha256);
        removed.append(candidate.sha256);
    }
    if (!removed.isEmpty()) {
        qCInfo(lcCache).noquote() << "evicted" << removed.size() << "document(s) to stay within"
                                  << m_limitBytes / (1024 * 1024) << "MiB";
        if (auto saved = persist(); !saved)
            qCWarning(lcCache).noquote() << saved.error().message;
    }
    return removed;
}

} // namespace chamber::kiosk
