// Delegate CSV files from spreadsheets. Properties: never crashes; a clean parse has rows with
// names, unique seats and weights in range; problems always carry a message.
#include "core/delegatecsv.h"

#include <QSet>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace chamber::core;
    const DelegateCsv csv
        = parseDelegateCsv(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (csv.ok()) {
        if (csv.rows.empty())
            std::abort();
        QSet<QString> seats;
        for (const CsvDelegate &row : csv.rows) {
            if (row.name.trimmed().isEmpty() || row.weight < 0 || row.weight > 1000000
                || row.line < 2)
                std::abort();
            if (!row.seat.isEmpty()) {
                if (seats.contains(row.seat.toLower()))
                    std::abort();
                seats.insert(row.seat.toLower());
            }
        }
    }
    for (const CsvProblem &problem : csv.problems) {
        if (problem.message.isEmpty() || problem.line < 0)
            std::abort();
    }
    return 0;
}
