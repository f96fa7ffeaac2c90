// Minutes models as the render child and chamberctl verify read them (MinutesModel::fromJson).
// Properties: never crashes; whatever parses writes back JSON that parses to the same model
// (so the hash the PDF carries is stable), and its exports are made without crashing.
#include "minutes/minutesexport.h"
#include "minutes/minutesmodel.h"

#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace chamber::minutes;
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QJsonDocument document = QJsonDocument::fromJson(input);
    if (!document.isObject())
        return 0;
    const auto model = MinutesModel::fromJson(document.object());
    if (!model) {
        if (model.error().message.isEmpty() || model.error().field.isEmpty())
            std::abort();
        return 0;
    }
    const QJsonObject written = model->toJson();
    const auto again = MinutesModel::fromJson(written);
    if (!again || again->toJson() != written || again->modelSha256() != model->modelSha256())
        std::abort();
    for (ExportTable table : exportTables()) {
        if (!minutesCsv(model.value(), table).startsWith("\xEF\xBB\xBF"))
            std::abort();
    }
    (void)minutesExportJson(model.value());
    return 0;
}
