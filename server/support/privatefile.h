// Secrets on disk (keys, tokens): written atomically and readable by the owner only.
#pragma once

#include "protocol/error.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace chamber::support {

// Writes the file so that its content is never readable by anyone but the owner (0600), and
// it is either the old content or the new one after a crash.
Status writePrivateFile(const QString &path, const QByteArray &content);

// Reads back a JSON file written with writePrivateFile: nullopt when `path` is empty or there
// is no file yet (a first start), an error when it cannot be read or is not JSON.
Result<std::optional<QJsonDocument>> readJsonFile(const QString &path);

// Creates `directory` (0700) holding `files` (name, content; each 0600) as a whole: they are
// written into "<directory>.new", which is then renamed into place, so a crash never leaves
// one file of a set that belongs together (a key without its certificate).
Status writePrivateDirectory(
    const QString &directory, const std::vector<std::pair<QString, QByteArray>> &files);

// Creates the directory (and parents) with mode 0700 if it does not exist.
Status ensurePrivateDirectory(const QString &path);

} // namespace chamber::support
