// The kiosk's store of meeting documents, for reading without the network: each PDF is kept
// under its SHA-256 once its bytes are verified, partial downloads beside it so they resume,
// and an index that says which meetings use which file and when it was last opened. A size
// limit is kept by evicting the documents of other meetings first, least recently used first;
// the current meeting's documents are never evicted, whatever the limit.
#pragma once

#include "protocol/error.h"

#include <QDateTime>
#include <QSet>
#include <QString>
#include <QStringList>

#include <map>

namespace chamber::kiosk {

class DocumentCache
{
public:
    struct Entry
    {
        qint64 bytes = 0;
        QSet<qint64> meetings; // meetings whose devices fetched it here
        QDateTime lastUsed;
    };

    // `directory` empty: nothing is kept (self-test mode). `limitBytes` <= 0: no limit.
    DocumentCache(QString directory, qint64 limitBytes);

    // Reads the index; forgets entries whose file is gone and removes files nobody indexed
    // (a crash between writing a file and the index), so the two never disagree for long.
    Status load();

    bool isEnabled() const { return !m_directory.isEmpty(); }
    QString directory() const { return m_directory; }
    qint64 limitBytes() const { return m_limitBytes; }
    qint64 usedBytes() const;

    // A verified, complete copy is here.
    bool has(const QString &sha256) const { return m_entries.count(sha256) > 0; }
    QString filePath(const QString &sha256) const;
    QString partPath(const QString &sha256) const;
    // Bytes of a partial download kept from an earlier attempt (0: none).
    qint64 partSize(const QString &sha256) const;
    void discardPart(const QString &sha256) const;

    // A download finished and its digest matched: the part file becomes the document (fsync'd
    // and renamed, so a crash leaves either the part or the whole file), used by `meeting`.
    Status adopt(const QString &sha256, qint64 meeting);
    // The document was opened, or belongs to `meeting` too: keeps it from eviction longer.
    void touch(const QString &sha256, qint64 meeting);
    // Drops a copy found damaged (its bytes no longer match its name).
    void forget(const QString &sha256);

    // Makes room for `incomingBytes` more: removes documents that `keep` does not hold, those
    // not used by `currentMeeting` first, each group least recently used first. Returns the
    // removed ones. Stops when nothing more may go, even if still above the limit.
    QStringList evict(qint64 currentMeeting, const QSet<QString> &keep, qint64 incomingBytes);

    const std::map<QString, Entry> &entries() const { return m_entries; }

private:
    Status persist() const;

    QString m_directory;
    qint64 m_limitBytes;
    std::map<QString, Entry> m_entries;
};

} // namespace chamber::kiosk
