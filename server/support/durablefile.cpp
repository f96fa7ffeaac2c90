#include "support/durablefile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace chamber::support {

namespace {

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

Error ioError(const QString &what, const QString &path)
{
    return ioErrorFor(errno, what, path);
}

bool isDiskFullErrno(int error)
{
    return error == ENOSPC || error == EDQUOT;
}

Error diskFull(const QString &detail)
{
    return makeError(ErrorCode::Unavailable,
        QStringLiteral("the server's disk is full; nothing was stored (%1)").arg(detail));
}

Error ioErrorFor(int error, const QString &what, const QString &path)
{
    const QString detail
        = QStringLiteral("%1 %2: %3").arg(what, path, QString::fromLocal8Bit(std::strerror(error)));
    return isDiskFullErrno(error) ? diskFull(detail) : makeError(ErrorCode::Internal, detail);
}

bool writeAll(int fd, const QByteArray &content)
{
    qsizetype done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.constData() + done, size_t(content.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

Status ensureDurableDirectory(const QString &path)
{
    const QString clean = QDir::cleanPath(path);
    if (QFileInfo(clean).isDir())
        return success();
    const QString parent = QFileInfo(clean).absolutePath();
    if (parent != clean) {
        if (auto made = ensureDurableDirectory(parent); !made)
            return made;
    }
    if (::mkdir(QFile::encodeName(clean).constData(), 0700) != 0 && errno != EEXIST)
        return ioError(QStringLiteral("cannot create directory"), clean);
    return syncDirectory(parent);
}

Status writeFileDurably(const QString &path, const QByteArray &content)
{
    const QString temporary = path + QStringLiteral(".tmp-")
        + QString::number(QRandomGenerator::system()->generate64(), 16);
    const int fd = ::open(
        QFile::encodeName(temporary).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return ioError(QStringLiteral("cannot create"), temporary);
    const bool written = writeAll(fd, content) && ::fsync(fd) == 0;
    const int savedErrno = errno;
    ::close(fd);
    if (!written) {
        QFile::remove(temporary);
        errno = savedErrno;
        return ioError(QStringLiteral("cannot write"), temporary);
    }
    if (::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData())
        != 0) {
        const Error error = ioError(QStringLiteral("cannot rename to"), path);
        QFile::remove(temporary);
        return error;
    }
    return syncDirectory(QFileInfo(path).absolutePath());
}

Result<bool> removeFileDurably(const QString &path)
{
    if (::unlink(QFile::encodeName(path).constData()) != 0) {
        if (errno == ENOENT)
            return false;
        return ioError(QStringLiteral("cannot remove"), path);
    }
    if (auto synced = syncDirectory(QFileInfo(path).absolutePath()); !synced)
        return synced.error();
    return true;
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
