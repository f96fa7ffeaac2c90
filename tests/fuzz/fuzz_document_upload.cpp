// What a document upload carries from outside: the name's bytes (query string), the first
// bytes that decide the format, the end of a PDF, and the Range header of a download (also read
// as the If-Match list of an annotation backup). Input: the name, a newline, a Range header
// value, a newline, then the content. Properties: never crashes; every refusal has a reason;
// an accepted name is valid UTF-8, NFC, holds no control, bidi or invisible character and is
// within the length limit; the file name a download gets holds no path separator or control
// and ends in .pdf; a PDF is only ever detected with %PDF- in its first kilobyte; an accepted
// PDF end is "%%EOF" and white space; a range is always inside the file; an entity-tag list
// matches only with "*" or the tag in it.
#include "api/documentapi.h"
#include "core/uploadcheck.h"
#include "protocol/text.h"
#include "services/annotationservice.h"

#include <QStringDecoder>

#include <cstdint>
#include <cstdlib>

namespace {
void check(bool property)
{
    if (!property)
        std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace chamber;
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype firstBreak = input.indexOf('\n');
    const QByteArray nameBytes = firstBreak < 0 ? input : input.left(firstBreak);
    const QByteArray rest = firstBreak < 0 ? QByteArray() : input.mid(firstBreak + 1);
    const qsizetype secondBreak = rest.indexOf('\n');
    const QByteArray rangeHeader = secondBreak < 0 ? rest : rest.left(secondBreak);
    const QByteArray content = secondBreak < 0 ? QByteArray() : rest.mid(secondBreak + 1);

    auto name = core::checkUploadNameBytes(nameBytes);
    if (!name) {
        check(!name.error().message.isEmpty());
    } else {
        QStringDecoder strict(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        strict.decode(nameBytes);
        check(!strict.hasError());
        check(!name->isEmpty() && name->toUtf8().size() <= core::kMaxUploadNameBytes);
        check(*name != QLatin1String("..") && *name != QLatin1String("."));
        check(!protocol::labelProblem(*name));
        for (const QChar c : *name)
            check(c.unicode() >= 0x20 && c.unicode() != 0x7f && c.unicode() != 0x202e);
        check(name->normalized(QString::NormalizationForm_C) == *name);
        check(core::checkUploadName(*name).value() == *name); // stable
    }
    const QString fileName = protocol::safeFileName(
        name ? *name : QString::fromUtf8(nameBytes), QStringLiteral("pdf"));
    check(fileName.endsWith(QLatin1String(".pdf")) && fileName.size() > 4);
    check(fileName.toUtf8().size() <= 255);
    check(!fileName.contains(QLatin1Char('/')) && !fileName.contains(QLatin1Char('\\')));
    check(!protocol::labelProblem(fileName));
    const QByteArray disposition = protocol::contentDisposition("inline", fileName);
    for (const char c : disposition)
        check(c >= 0x20 && c < 0x7f);

    auto format = core::detectUploadFormat(content, name ? *name : QStringLiteral("x.pdf"));
    if (!format)
        check(!format.error().message.isEmpty());
    else if (format->format == core::UploadFormat::Pdf)
        check(content.left(1024).contains("%PDF-"));
    else
        check(content.startsWith("PK\x03\x04"));

    if (core::checkPdfEnd(content)) {
        qsizetype end = content.size();
        while (end > 0 && QByteArrayView("\0\t\n\f\r ", 6).contains(content.at(end - 1)))
            --end;
        check(content.left(end).endsWith("%%EOF") && content.contains("startxref"));
    }

    for (const qint64 fileSize : {qint64(0), qint64(1), qint64(1000), qint64(content.size())}) {
        const auto range = api::parseRange(rangeHeader, fileSize);
        if (range && range->satisfiable)
            check(range->first >= 0 && range->first <= range->last && range->last < fileSize);
    }
    const QByteArray etag("\"0123abcd\"");
    for (const bool exists : {false, true}) {
        if (services::etagListMatches(rangeHeader, etag, exists))
            check(exists && (rangeHeader.trimmed() == "*" || rangeHeader.contains(etag)));
    }
    return 0;
}
