// Delegates' encrypted annotation backups, one opaque blob per (meeting, delegate, document):
// <dir>/m<meeting>/d<delegate>/<sha256>.bin. The tablet encrypts them with a key the server
// never sees; here they are only bytes, written durably before the tablet is told so.
#pragma once

#include "protocol/error.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace chamber::storage {

class AnnotationFiles
{
public:
    explicit AnnotationFiles(QString directory);

    // Creates the directory (mode 0700) and removes temporary files a crash left behind.
    Status open();

    // nullopt: no backup for this document.
    Result<std::optional<QByteArray>> read(
        qint64 meeting, qint64 delegate, const QString &sha256) const;
    // Replaces the backup atomically; on disk (fsync'd file and directories) when it returns.
    Status write(qint64 meeting, qint64 delegate, const QString &sha256, const QByteArray &blob);
    // False when there was none.
    Result<bool> remove(qint64 meeting, qint64 delegate, const QString &sha256);

    // Where the blob is; empty unless ids are positive and sha256 is 64 lower-case hex digits.
    QString pathOf(qint64 meeting, qint64 delegate, const QString &sha256) const;
    const QString &directory() const { return m_directory; }

private:
    QString m_directory;
};

} // namespace chamber::storage
