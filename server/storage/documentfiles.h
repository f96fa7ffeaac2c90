// The documents' bytes, content-addressed: <dir>/<sha256>.pdf, written once, never changed.
// A file is on disk (fsync'd, and its directory entry too) before put() returns, so the event
// that announces it is never ahead of the file (durable before acknowledged).
#pragma once

#include "protocol/error.h"

#include <QByteArray>
#include <QString>

namespace chamber::storage {

class DocumentFiles
{
public:
    explicit DocumentFiles(QString directory);

    // Creates the directory (mode 0700) and removes temporary files a crash left behind.
    Status open();

    // An upload being checked: written and fsync'd under a temporary name in the directory.
    struct Staged
    {
        QString path;
        QString sha256; // lower-case hex of the content
    };
    Result<Staged> stage(const QByteArray &content);
    // Moves a staged file to its name (or drops it when that content is stored already).
    Status commit(const Staged &staged);
    void discard(const Staged &staged);
    // stage() and commit(): returns the SHA-256.
    Result<QString> put(const QByteArray &content);

    bool contains(const QString &sha256) const;
    // Where the file is; only for names that are 64 hex digits (else empty).
    QString pathOf(const QString &sha256) const;
    const QString &directory() const { return m_directory; }

private:
    QString m_directory;
};

} // namespace chamber::storage
