// What makes a written file survive a power cut: its bytes and its directory entry fsync'd.
// Used wherever something is acknowledged (or trusted after a restart) only once it is on disk.
#pragma once

#include "protocol/error.h"

#include <QString>

namespace chamber::support {

// fsync of a file already written and closed (or open elsewhere).
Status syncFile(const QString &path);
// fsync of a directory, so that a rename or a new file in it is durable.
Status syncDirectory(const QString &path);
// Renames `from` to `to` (replacing it) and syncs the directory of `to`.
Status renameDurably(const QString &from, const QString &to);

// SHA-256 of a file's bytes as lower-case hex, read a block at a time; empty if unreadable.
QString sha256OfFile(const QString &path);

} // namespace chamber::support
