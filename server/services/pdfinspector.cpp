#include "services/pdfinspector.h"

#include "core/uploadcheck.h"

#include <QFile>
#include <QPdfDocument>
#include <QRegularExpression>

namespace chamber::services {

namespace {

Error refused(const QString &why)
{
    return makeError(ErrorCode::Invalid, why, QStringLiteral("content"));
}

// The end of the file, mapped rather than read: uploads are up to [documents] max-upload-mib.
Status checkEnd(QFile &file)
{
    const qint64 size = file.size();
    if (size <= 0)
        return refused(QStringLiteral("the file is empty"));
    uchar *mapped = file.map(0, size);
    if (!mapped)
        return makeError(ErrorCode::Internal, QStringLiteral("cannot map %1").arg(file.fileName()));
    Status end = core::checkPdfEnd(QByteArrayView(mapped, size));
    file.unmap(mapped);
    return end;
}

// An /Encrypt entry in a trailer or cross-reference stream dictionary. Searched in the whole
// file, since incremental updates append trailers anywhere after the first.
bool declaresEncryption(QFile &file)
{
    static const QRegularExpression reference(QStringLiteral("^/Encrypt\\s*\\d+\\s+\\d+\\s+R"));
    file.seek(0);
    QByteArray carry;
    while (!file.atEnd()) {
        const QByteArray chunk = carry + file.read(1 << 20);
        for (qsizetype at = chunk.indexOf("/Encrypt"); at >= 0;
             at = chunk.indexOf("/Encrypt", at + 1)) {
            if (reference.match(QString::fromLatin1(chunk.mid(at, 40))).hasMatch())
                return true;
        }
        carry = chunk.right(48);
    }
    return false;
}

} // namespace

Result<PdfInfo> inspectPdf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Internal, QStringLiteral("cannot read %1").arg(path));
    if (auto end = checkEnd(file); !end)
        return end.error();
    if (declaresEncryption(file))
        return refused(QStringLiteral(
            "the PDF is encrypted; save it without a password or restrictions and upload again"));
    file.close();

    QPdfDocument document;
    switch (document.load(path)) {
    case QPdfDocument::Error::None:
        break;
    case QPdfDocument::Error::IncorrectPassword:
    case QPdfDocument::Error::UnsupportedSecurityScheme:
        return refused(QStringLiteral("the PDF is protected by a password"));
    case QPdfDocument::Error::FileNotFound:
        return makeError(ErrorCode::Internal, QStringLiteral("%1 vanished").arg(path));
    default:
        return refused(QStringLiteral("the file does not open as a PDF (it is damaged)"));
    }
    if (document.pageCount() < 1)
        return refused(QStringLiteral("the PDF has no pages"));
    PdfInfo info;
    info.pages = document.pageCount();
    info.title = document.metaData(QPdfDocument::MetaDataField::Title).toString().trimmed();
    return info;
}

} // namespace chamber::services
