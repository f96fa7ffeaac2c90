#include "storage/annotationfiles.h"

#include "protocol/event.h"
#include "support/durablefile.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace chamber::storage {

AnnotationFiles::AnnotationFiles(QString directory)
    : m_directory(std::move(directory))
{ }

Status AnnotationFiles::open()
{
    if (auto made = support::ensureDurableDirectory(m_directory); !made)
        return made;
    QFile::setPermissions(
        m_directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    // A write interrupted by a crash was never acknowledged: its temporary file goes.
    QDirIterator leftovers(m_directory, {QStringLiteral("*.tmp-*")},
        QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (leftovers.hasNext())
        QFile::remove(leftovers.next());
    return success();
}

QString AnnotationFiles::pathOf(qint64 meeting, qint64 delegate, const QString &sha256) const
{
    if (meeting <= 0 || delegate <= 0 || !protocol::isSha256Hex(sha256))
        return {};
    return m_directory + QStringLiteral("/m%1/d%2/").arg(meeting).arg(delegate) + sha256
        + QStringLiteral(".bin");
}

Result<std::optional<QByteArray>> AnnotationFiles::read(
    qint64 meeting, qint64 delegate, const QString &sha256) const
{
    const QString path = pathOf(meeting, delegate, sha256);
    if (path.isEmpty())
        return makeError(ErrorCode::BadField, QStringLiteral("not an annotation's name"));
    QFile file(path);
    if (!file.exists())
        return std::optional<QByteArray>();
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Internal,
            QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    return std::optional<QByteArray>(file.readAll());
}

Status AnnotationFiles::write(
    qint64 meeting, qint64 delegate, const QString &sha256, const QByteArray &blob)
{
    const QString path = pathOf(meeting, delegate, sha256);
    if (path.isEmpty())
        return makeError(ErrorCode::BadField, QStringLiteral("not an annotation's name"));
    if (auto made = support::ensureDurableDirectory(QFileInfo(path).absolutePath()); !made)
        return made;
    return support::writeFileDurably(path, blob);
}

Result<bool> AnnotationFiles::remove(qint64 meeting, qint64 delegate, const QString &sha256)
{
    const QString path = pathOf(meeting, delegate, sha256);
    if (path.isEmpty())
        return makeError(ErrorCode::BadField, QStringLiteral("not an annotation's name"));
    return support::removeFileDurably(path);
}

} // namespace chamber::storage
