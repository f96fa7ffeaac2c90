// What makes a written file survive a power cut: its bytes and its directory entry fsync'd.
// Used wherever something is acknowledged (or trusted after a restart) only once it is on disk.
#pragma once

#include "protocol/error.h"

#include <QByteArray>
#include <QString>

namespace chamber::support {

// An error naming the path and errno's text: ioErrorFor(errno, ...).
Error ioError(const QString &what, const QString &path);
// Unavailable (diskFull) for ENOSPC and EDQUOT, which pass once space is made; Internal for
// the rest.
Error ioErrorFor(int error, const QString &what, const QString &path);
// Unavailable: "the server's disk is full; nothing was stored (<detail>)". Every write that
// fails this way leaves nothing half-done behind (a temporary file, a rolled back transaction).
Error diskFull(const QString &detail);
bool isDiskFullErrno(int error);
// write() until everything is written or it fails.
bool writeAll(int fd, const QByteArray &content);

// fsync of a file already written and closed (or open elsewhere).
Status syncFile(const QString &path);
// fsync of a directory, so that a rename or a new file in it is durable.
Status syncDirectory(const QString &path);
// Renames `from` to `to` (replacing it) and syncs the directory of `to`.
Status renameDurably(const QString &from, const QString &to);
// Creates `path` and missing parents (mode 0700), each new one made durable in its parent.
Status ensureDurableDirectory(const QString &path);
// Replaces (or creates) `path` with `content` atomically and durably, mode 0600. The
// temporary file is `path` + ".tmp-<random>" in the same directory.
Status writeFileDurably(const QString &path, const QByteArray &content);
// Removes `path` durably; false when there was nothing to remove.
Result<bool> removeFileDurably(const QString &path);

// SHA-256 of a file's bytes as lower-case hex, read a block at a time; empty if unreadable.
QString sha256OfFile(const QString &path);

} // namespace chamber::support
