#include "core/uploadcheck.h"

#include <QFileInfo>
#include <QStringList>

namespace chamber::core {

namespace {

Error badName(const QString &why)
{
    return makeError(ErrorCode::BadField, why, QStringLiteral("name"));
}

Error notADocument(const QString &why)
{
    return makeError(ErrorCode::Invalid, why, QStringLiteral("content"));
}

// PDF readers accept the header anywhere in the first kilobyte (ISO 32000-1, 7.5.2 note).
constexpr qsizetype kPdfHeaderWindow = 1024;

const QStringList &officeExtensions()
{
    static const QStringList extensions {QStringLiteral("docx"), QStringLiteral("xlsx"),
        QStringLiteral("pptx"), QStringLiteral("odt"), QStringLiteral("ods"),
        QStringLiteral("odp")};
    return extensions;
}

} // namespace

Result<QString> checkUploadName(const QString &raw)
{
    const QString name = raw.normalized(QString::NormalizationForm_C).trimmed();
    if (name.isEmpty())
        return badName(QStringLiteral("the file name is empty"));
    for (const QChar c : name) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.category() == QChar::Other_Control)
            return badName(QStringLiteral("the file name contains NUL or control characters"));
        if (c == QLatin1Char('/') || c == QLatin1Char('\\'))
            return badName(QStringLiteral(
                "the file name contains a path (\"/\" or \"\\\"); send the name alone"));
    }
    if (name == QLatin1String(".") || name == QLatin1String(".."))
        return badName(QStringLiteral("the file name is a path (\".\" or \"..\")"));
    if (name.toUtf8().size() > kMaxUploadNameBytes)
        return badName(
            QStringLiteral("the file name is longer than %1 bytes").arg(kMaxUploadNameBytes));
    return name;
}

Result<DetectedFormat> detectUploadFormat(const QByteArray &content, const QString &name)
{
    if (content.isEmpty())
        return notADocument(QStringLiteral("the file is empty"));
    if (content.left(kPdfHeaderWindow).contains("%PDF-"))
        return DetectedFormat {UploadFormat::Pdf, QStringLiteral("pdf")};
    const QString extension = QFileInfo(name).suffix().toLower();
    if (content.startsWith("PK\x03\x04")) {
        if (officeExtensions().contains(extension))
            return DetectedFormat {UploadFormat::Office, extension};
        return notADocument(
            QStringLiteral("a ZIP archive named \"%1\" is not a document this server converts "
                           "(PDF, %2)")
                .arg(name, officeExtensions().join(QStringLiteral(", "))));
    }
    if (extension == QLatin1String("pdf"))
        return notADocument(QStringLiteral("not a PDF: the file does not start with %PDF-"));
    return notADocument(QStringLiteral("not a PDF or an office document (%1)")
                            .arg(officeExtensions().join(QStringLiteral(", "))));
}

} // namespace chamber::core
