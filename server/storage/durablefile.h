// Files that must survive a power cut once a client has been told they are stored: written
// under a temporary name, fsync'd, renamed over the target, and the directory fsync'd, so
// after a crash the file is either the old content or the new one, never a mix or missing.
#pragma once

#include "protocol/error.h"

#include <QByteArray>
#include <QString>

namespace chamber::storage {

// An Internal error naming the path and errno's text.
Error ioError(const QString &what, const QString &path);

// write() until everything is written or it fails.
bool writeAll(int fd, const QByteArray &content);

// fsync of a directory: makes the creation, rename or removal of its entries durable.
Status syncDirectory(const QString &path);

// Creates `path` and missing parents (mode 0700), each new one made durable in its parent.
Status ensureDurableDirectory(const QString &path);

// Replaces (or creates) `path` with `content` atomically and durably, mode 0600. The
// temporary file is `path` + ".tmp-<random>" in the same directory.
Status writeFileDurably(const QString &path, const QByteArray &content);

// Removes `path` durably; false when there was nothing to remove.
Result<bool> removeFileDurably(const QString &path);

} // namespace chamber::storage
