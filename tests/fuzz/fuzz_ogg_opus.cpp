// Recorded speeches read back (server/media/oggopus.h): what a crash leaves is a torn file, so
// the reader meets arbitrary bytes. Properties: never crashes; it trusts no more than it was
// given; the trusted prefix scans to the same result on its own.
#include "media/oggopus.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace chamber::media;
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    const OggOpusScan scan = scanOggOpus(input);
    if (scan.goodBytes < 0 || scan.goodBytes > input.size() || scan.durationMs() < 0)
        std::abort();
    const OggOpusScan again = scanOggOpus(input.first(scan.goodBytes));
    if (again.goodBytes != scan.goodBytes || again.pages != scan.pages
        || again.lastGranule != scan.lastGranule || again.preSkip != scan.preSkip)
        std::abort();
    return 0;
}
