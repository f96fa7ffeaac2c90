// chamberd.conf. Properties: never crashes; a clean parse yields values inside their ranges.
#include "app/config.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace chamber::app;
    const ConfigParse parsed
        = parseConfig(QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (parsed.ok()) {
        const ServerConfig &c = parsed.config;
        if (c.resumeWindow < 0 || c.helloTimeoutSeconds < 1 || c.maxBacklogMiB < 1
            || (!c.dataDir.isEmpty() && !c.dataDir.startsWith(u'/')))
            std::abort();
    } else {
        (void)parsed.describe(QStringLiteral("fuzz.conf"));
    }
    return 0;
}
