// Media signaling messages (relayed from bridge devices to chamber-media). Properties: never
// crashes; a refusal says why; whatever parses serialises back to JSON that parses to the
// same message.
#include "media/signaling.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace chamber::media;
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    auto message = parseSignal(input);
    if (!message) {
        if (message.error().message.isEmpty())
            std::abort();
        return 0;
    }
    auto again = parseSignal(toJson(*message));
    if (!again || !(*again == *message))
        std::abort();
    return 0;
}
