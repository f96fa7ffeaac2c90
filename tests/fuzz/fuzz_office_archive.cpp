// An office upload's ZIP directory (core/officearchive.h), as the secretary's file brings it.
// Input: the archive's bytes. Properties: never crashes or reads outside the input (ASan);
// a refusal is Invalid or TooLarge with a reason and the field "content"; an accepted archive
// has at least one entry and stays within the limits it was checked against.
#include "core/officearchive.h"

#include <cstdint>
#include <cstdlib>

namespace {
void check(bool property)
{
    if (!property)
        std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace chamber;
    const QByteArray input
        = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    core::OfficeArchiveLimits limits;
    limits.maxEntries = 64;
    limits.maxUnpackedBytes = 1024 * 1024;
    limits.ratioFloorBytes = 4096;
    const auto checked = core::checkOfficeArchive(input, QStringLiteral("docx"), limits);
    if (!checked) {
        check(!checked.error().message.isEmpty());
        check(checked.error().field == QLatin1String("content"));
        check(checked.error().code == ErrorCode::Invalid
            || checked.error().code == ErrorCode::TooLarge);
    } else {
        check(checked->entries >= 1 && checked->entries <= limits.maxEntries);
        check(checked->unpackedBytes >= 0 && checked->unpackedBytes <= limits.maxUnpackedBytes);
    }
    return 0;
}
