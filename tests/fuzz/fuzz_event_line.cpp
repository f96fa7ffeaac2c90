// Lines of an exported event log, as chamberctl verify reads them. Properties: never
// crashes; a parsed event serialises back to the same event; the verifier accepts any input.
#include "protocol/chain.h"

#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace chamber::protocol;
    ChainVerifier verifier;
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    qint64 line = 0;
    for (const QByteArray &text : input.split('\n')) {
        ++line;
        const QJsonDocument document = QJsonDocument::fromJson(text);
        auto event = Event::fromJson(document.object());
        if (!event)
            continue;
        auto again = Event::fromJson(event->toJson());
        if (!again || again->canonicalBytes() != event->canonicalBytes()
            || again->hash != event->hash)
            std::abort();
        verifier.add(event.value(), line);
    }
    const ChainReport report = verifier.finish();
    for (const ChainBreak &broken : report.breaks)
        (void)broken.describe();
    return 0;
}
