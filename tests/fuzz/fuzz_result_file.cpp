// Signed result files, as chamberctl verify reads them from anyone. Properties: never crashes;
// a parsed result names a positive meeting and poll and a 32-byte lastEvent hash; compared with
// itself it differs nowhere; compared with an empty document every difference is reported
// without crashing; checking its signature never crashes.
#include "ctl/resultcompare.h"
#include "ctl/resultfile.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace chamber::ctl;
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto parsed = parseSignedResult(input);
    if (!parsed) {
        if (parsed.error().message.isEmpty())
            std::abort();
        return 0;
    }
    const SignedResult &result = parsed.value();
    if (result.meeting < 1 || result.poll < 1 || result.lastEvent.hash.size() != 32
        || result.signature.size() != 64 || result.publicKey.size() != 32)
        std::abort();
    if (!compareDocuments(result.document, result.document, {}, QStringLiteral("it")).isEmpty())
        std::abort();
    (void)compareDocuments(
        result.document, {}, ResultSources {1, 2, 3, 4, 5}, QStringLiteral("it"));
    (void)result.signatureHolds();
    return 0;
}
