#include "support/privatefile.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace chamber::support {

Status writePrivateFile(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Internal,
            QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    // Narrow the permissions before any byte of the secret is written.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return makeError(ErrorCode::Internal, QStringLiteral("cannot restrict %1").arg(path));
    if (file.write(content) != content.size() || !file.commit())
        return makeError(ErrorCode::Internal,
            QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return success();
}

Result<std::optional<QJsonDocument>> readJsonFile(const QString &path)
{
    if (path.isEmpty() || !QFile::exists(path))
        return std::optional<QJsonDocument>();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Internal, QStringLiteral("cannot read %1").arg(path));
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    if (document.isNull())
        return makeError(ErrorCode::Invalid, QStringLiteral("%1 is damaged").arg(path));
    return std::optional<QJsonDocument>(document);
}

Status ensurePrivateDirectory(const QString &path)
{
    QDir dir(path);
    if (!dir.exists() && !QDir().mkpath(path))
        return makeError(
            ErrorCode::Internal, QStringLiteral("cannot create directory %1").arg(path));
    QFile::setPermissions(
        path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (!QFileInfo(path).isWritable())
        return makeError(
            ErrorCode::Internal, QStringLiteral("directory %1 is not writable").arg(path));
    return success();
}

Status writePrivateDirectory(
    const QString &directory, const std::vector<std::pair<QString, QByteArray>> &files)
{
    const QString staging = directory + QStringLiteral(".new");
    QDir(staging).removeRecursively();
    if (auto status = ensurePrivateDirectory(staging); !status)
        return status;
    for (const auto &[name, content] : files) {
        if (auto status = writePrivateFile(staging + u'/' + name, content); !status)
            return status;
    }
    if (!QDir().rename(staging, directory))
        return makeError(
            ErrorCode::Internal, QStringLiteral("cannot move %1 to %2").arg(staging, directory));
    return success();
}

} // namespace chamber::support
