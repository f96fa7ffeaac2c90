// A delegate's annotations as JSON (from the tablet's disk, or decrypted from a backup).
// Properties: never crashes; what parses stays within the limits and survives a round trip
// unchanged in shape.
#include "annotations.h"

#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace chamber::kiosk;
    const QJsonDocument json = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    const auto parsed = Annotations::fromJson(json.object());
    if (!parsed)
        return 0;
    if (parsed->strokes.size() > Annotations::kMaxStrokes
        || parsed->notes.size() > Annotations::kMaxNotes)
        std::abort();
    for (const InkStroke &stroke : parsed->strokes) {
        if (stroke.points.size() < 2 || stroke.page < 0)
            std::abort();
        for (const QPointF &point : stroke.points) {
            if (point.x() < 0 || point.x() > 1 || point.y() < 0 || point.y() > 1)
                std::abort();
        }
    }
    const auto again = Annotations::fromJson(parsed->toJson());
    if (!again || again->strokes.size() != parsed->strokes.size()
        || again->notes.size() != parsed->notes.size())
        std::abort();
    return 0;
}
