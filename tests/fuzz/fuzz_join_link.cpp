// Join links from QR codes (anything a camera may see). Properties: never crashes; whatever
// parses formats back to a link that parses to the same fields.
#include "protocol/joinlink.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace chamber::protocol;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    auto link = parseJoinLink(text);
    if (!link) {
        if (link.error().message.isEmpty())
            std::abort();
        return 0;
    }
    auto again = parseJoinLink(link->toString());
    if (!again || again->host != link->host || again->port != link->port
        || again->token != link->token || again->pin != link->pin)
        std::abort();
    return 0;
}
