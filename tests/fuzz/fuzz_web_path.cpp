// The path of a request for a web file (/web/…, api/webassets.h), as the client sent it.
// Properties: never crashes; a path it accepts names a file under assets/web and nothing else:
// relative, no empty, "." or ".." segment, no hidden name, no escape, backslash or NUL.
#include "api/webassets.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using chamber::api::WebAssets;
    const QByteArray path(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString file = WebAssets::assetPathOf(path);
    (void)WebAssets::contentTypeFor(QString::fromLatin1(path));
    (void)WebAssets::handles(QString::fromUtf8(path));
    if (file.isEmpty())
        return 0;
    if (!path.startsWith("/web/") || file.startsWith(u'/') || file.contains(u'%')
        || file.contains(u'\\') || file.contains(QChar(0)))
        std::abort();
    for (const QString &segment : file.split(u'/')) {
        if (segment.isEmpty() || segment.startsWith(u'.'))
            std::abort();
    }
    return 0;
}
