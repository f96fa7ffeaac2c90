// What a document upload carries from outside: the file name (query string), the first bytes
// that decide the format, and the Range header of a download (also read as the If-Match list
// of an annotation backup). Input: the name, a newline, a
// Range header value, a newline, then the content. Properties: never crashes; every refusal
// has a reason; an accepted name holds no path, NUL or control character and is within the
// length limit; a PDF is only ever detected with %PDF- in its first kilobyte; a range is
// always inside the file; an entity-tag list matches only with "*" or the tag in it.
#include "api/documentapi.h"
#include "core/uploadcheck.h"
#include "services/annotationservice.h"

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

    auto name = core::checkUploadName(QString::fromUtf8(nameBytes));
    if (!name) {
        check(!name.error().message.isEmpty());
    } else {
        check(!name->isEmpty() && name->toUtf8().size() <= core::kMaxUploadNameBytes);
        check(!name->contains(QLatin1Char('/')) && !name->contains(QLatin1Char('\\')));
        check(*name != QLatin1String("..") && *name != QLatin1String("."));
        for (const QChar c : *name)
            check(c.unicode() >= 0x20 && c.unicode() != 0x7f);
        check(core::checkUploadName(*name).value() == *name); // stable
    }

    auto format = core::detectUploadFormat(content, name ? *name : QStringLiteral("x.pdf"));
    if (!format)
        check(!format.error().message.isEmpty());
    else if (format->format == core::UploadFormat::Pdf)
        check(content.left(1024).contains("%PDF-"));
    else
        check(content.startsWith("PK\x03\x04"));

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
