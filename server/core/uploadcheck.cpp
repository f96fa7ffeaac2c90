#include "core/uploadcheck.h"

#include "protocol/text.h"

#include <QRegularExpression>
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
// "startxref", its offset and "%%EOF" are the file's last line or three (ISO 32000-1, 7.5.5);
// a kilobyte leaves room for comments writers put in between.
constexpr qsizetype kPdfTrailerWindow = 1024;

const QStringList &officeExtensions()
{
    static const QStringList extensions {QStringLiteral("docx"), QStringLiteral("xlsx"),
        QStringLiteral("pptx"), QStringLiteral("odt"), QStringLiteral("ods"),
        QStringLiteral("odp")};
    return extensions;
}

// PDF white space (ISO 32000-1, table 1).
bool isPdfSpace(char c)
{
    return c == '\0' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

} // namespace

Result<QString> checkUploadName(const QString &raw)
{
    auto label = protocol::checkLabel(raw, QStringLiteral("name"), QStringLiteral("the name"));
    if (!label)
        return label.error();
    const QString name = label.value();
    if (name.isEmpty())
        return badName(QStringLiteral("the name is empty"));
    if (name.count(QLatin1Char('.')) == name.size())
        return badName(QStringLiteral("the name is only dots; give the document a name"));
    if (name.toUtf8().size() > kMaxUploadNameBytes)
        return badName(QStringLiteral("the name is longer than %1 bytes").arg(kMaxUploadNameBytes));
    return name;
}

Result<QString> checkUploadNameBytes(QByteArrayView raw)
{
    auto text = protocol::decodeUtf8(raw, QStringLiteral("name"), QStringLiteral("the name"));
    if (!text)
        return text.error();
    return checkUploadName(text.value());
}

QString uploadExtension(const QString &name)
{
    static const QRegularExpression extension(QStringLiteral("\\.([A-Za-z0-9]{1,5})$"));
    const auto match = extension.match(name);
    return match.hasMatch() ? match.captured(1).toLower() : QString();
}

QString titleFromName(const QString &name)
{
    const QString extension = uploadExtension(name);
    const QString base = extension.isEmpty() ? name : name.chopped(extension.size() + 1).trimmed();
    return base.isEmpty() ? name : base;
}

Result<DetectedFormat> detectUploadFormat(const QByteArray &content, const QString &name)
{
    if (content.isEmpty())
        return notADocument(QStringLiteral("the file is empty"));
    if (content.left(kPdfHeaderWindow).contains("%PDF-"))
        return DetectedFormat {UploadFormat::Pdf, QStringLiteral("pdf")};
    const QString extension = uploadExtension(name);
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

Status checkPdfEnd(QByteArrayView content)
{
    qsizetype end = content.size();
    while (end > 0 && isPdfSpace(content.at(end - 1)))
        --end;
    const QByteArrayView body = content.first(end);
    if (!body.endsWith("%%EOF"))
        return notADocument(QStringLiteral(
            "the PDF is truncated: it does not end with %%EOF (its last revision is cut short)"));
    const qsizetype windowStart = std::max<qsizetype>(0, end - kPdfTrailerWindow);
    const QByteArrayView window = body.sliced(windowStart);
    const qsizetype keyword = window.lastIndexOf(QByteArrayView("startxref"));
    if (keyword < 0)
        return notADocument(
            QStringLiteral("the PDF is damaged: its last revision has no startxref before %%EOF"));
    qsizetype at = windowStart + keyword + qsizetype(sizeof("startxref") - 1);
    while (at < end && isPdfSpace(body.at(at)))
        ++at;
    qsizetype digitsEnd = at;
    while (digitsEnd < end && digitsEnd - at < 16 && body.at(digitsEnd) >= '0'
        && body.at(digitsEnd) <= '9')
        ++digitsEnd;
    if (digitsEnd == at)
        return notADocument(
            QStringLiteral("the PDF is damaged: the offset after its last startxref is missing"));
    const qint64 offset = body.sliced(at, digitsEnd - at).toByteArray().toLongLong();
    if (offset <= 0 || offset >= windowStart + keyword)
        return notADocument(QStringLiteral("the PDF is damaged: its last startxref points to "
                                           "offset %1, outside the file before it")
                                .arg(offset));
    qsizetype table = qsizetype(offset);
    while (table < end && isPdfSpace(body.at(table)))
        ++table;
    const QByteArrayView there = body.sliced(table, std::min<qsizetype>(end - table, 4096));
    if (there.startsWith("xref"))
        return success();
    // A cross-reference stream: "N G obj << ... /Type /XRef ... >> stream".
    static const QRegularExpression streamObject(
        QStringLiteral("^\\d+\\s+\\d+\\s+obj\\b[\\s\\S]*?/Type\\s*/XRef\\b"));
    const qsizetype dictionaryEnd = there.indexOf(QByteArrayView("stream"));
    const QByteArrayView head = dictionaryEnd < 0 ? there : there.first(dictionaryEnd);
    if (streamObject.match(QString::fromLatin1(head.data(), head.size())).hasMatch())
        return success();
    return notADocument(QStringLiteral("the PDF is damaged: its last startxref (offset %1) does "
                                       "not point at a cross-reference table or stream")
                            .arg(offset));
}

} // namespace chamber::core
