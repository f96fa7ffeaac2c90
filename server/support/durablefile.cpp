#include "support/durablefile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace chamber::support {

namespace {

Error ioError(const QString &what, const QString &path)
{
    return makeError(ErrorCode::Internal,
        QStringLiteral("%1 %2: %3").arg(what, path, QString::fromLocal8Bit(std::strerror(errno))));
}

Status syncPath(const QString &path, int flags, const QString &what)
{
    const int fd = ::open(QFile::encodeName(path).constData(), flags | O_CLOEXEC);
    if (fd < 0)
        return ioError(QStringLiteral("cannot open %1").arg(what), path);
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced)
        return ioError(QStringLiteral("cannot sync %1").arg(what), path);
    return success();
}

} // namespace

Status syncFile(const QString &path)
{
    return syncPath(path, O_RDONLY, QStringLiteral("file"));
}

Status syncDirectory(const QString &path)
{
    return syncPath(path, O_RDONLY | O_DIRECTORY, QStringLiteral("directory"));
}

Status renameDurably(const QString &from, const QString &to)
{
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
        return ioError(QStringLiteral("cannot rename to"), to);
    return syncDirectory(QFileInfo(to).absolutePath());
}

QString sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace chamber::support
