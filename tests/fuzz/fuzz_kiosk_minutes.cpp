// The chair console's reading of the minutes export (minutes.json). Properties: never
// crashes; what parses has a kind of draft or final, positive speech seqs and recordings whose
// sha256 is 64 lower-case hex digits (it becomes a URL path and a cache file name).
#include "minutessummary.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace chamber::kiosk;
    auto parsed = parseMinutesSummary(
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!parsed)
        return 0;
    if (parsed->kind != QLatin1String("draft") && parsed->kind != QLatin1String("final"))
        std::abort();
    for (const MinutesSpeech &speech : parsed->speeches) {
        if (speech.speech <= 0 || speech.item < 0 || speech.durationMs < 0)
            std::abort();
        for (const MinutesRecording &recording : speech.recordings) {
            if (!isRecordingSha256(recording.sha256) || recording.sha256.contains(u'/')
                || recording.bytes < 0)
                std::abort();
        }
    }
    return 0;
}
