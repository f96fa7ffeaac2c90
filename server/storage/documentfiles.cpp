#include "storage/documentfiles.h"

#include "protocol/event.h"
#include "support/durablefile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace chamber::storage {

namespace {

const QLatin1String kTemporaryPrefix(".upload-");

} // namespace

DocumentFiles::DocumentFiles(QString directory)
    : m_directory(std::move(directory))
{ }

Status DocumentFiles::open()
{
    QDir dir(m_directory);
    if (!dir.exists() && !QDir().mkpath(m_directory))
        return makeError(
            ErrorCode::Internal, QStringLiteral("cannot create directory %1").arg(m_directory));
    QFile::setPermissions(
        m_directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    // An upload interrupted by a crash was never acknowledged: its temporary file goes.
    const QStringList leftovers = dir.entryList(
        {kTemporaryPrefix + QLatin1Char('*')}, QDir::Files | QDir::Hidden | QDir::System);
    for (const QString &leftover : leftovers)
        dir.remove(leftover);
    return success();
}

QString DocumentFiles::pathOf(const QString &sha256) const
{
    if (!protocol::isSha256Hex(sha256))
        return {};
    return m_directory + QLatin1Char('/') + sha256 + QStringLiteral(".pdf");
}

bool DocumentFiles::contains(const QString &sha256) const
{
    const QString path = pathOf(sha256);
    return !path.isEmpty() && QFile::exists(path);
}

Result<DocumentFiles::Staged> DocumentFiles::stage(const QByteArray &content)
{
    Staged staged;
    staged.sha256 = QString::fromLatin1(
        QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    staged.path = m_directory + QLatin1Char('/') + kTemporaryPrefix
        + QString::number(QRandomGenerator::system()->generate64(), 16);
    const int fd = ::open(
        QFile::encodeName(staged.path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return support::ioError(QStringLiteral("cannot create"), staged.path);
    const bool written = support::writeAll(fd, content) && ::fsync(fd) == 0;
    const int savedErrno = errno;
    ::close(fd);
    if (!written) {
        QFile::remove(staged.path);
        errno = savedErrno;
        return support::ioError(QStringLiteral("cannot write"), staged.path);
    }
    return staged;
}

Status DocumentFiles::commit(const Staged &staged)
{
    const QString target = pathOf(staged.sha256);
    if (QFile::exists(target)) {
        discard(staged);
        return success();
    }
    if (::rename(QFile::encodeName(staged.path).constData(), QFile::encodeName(target).constData())
        != 0) {
        const Error error = support::ioError(QStringLiteral("cannot rename to"), target);
        discard(staged);
        return error;
    }
    return support::syncDirectory(m_directory);
}

void DocumentFiles::discard(const Staged &staged)
{
    QFile::remove(staged.path);
}

Result<QString> DocumentFiles::put(const QByteArray &content)
{
    auto staged = stage(content);
    if (!staged)
        return staged.error();
    if (auto committed = commit(staged.value()); !committed)
        return committed.error();
    return staged->sha256;
}

} // namespace chamber::storage
