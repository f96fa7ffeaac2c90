// Delegates as the voting screens list them: in seat order, as the room is laid out ("A2"
// before "A10"), those without a seat last; each as {delegateId, name, seat} for QML.
#pragma once

#include "core/roster.h"

#include <QVariantMap>

#include <algorithm>
#include <vector>

namespace chamber::kiosk {

inline void sortBySeat(std::vector<const core::Delegate *> &delegates)
{
    std::stable_sort(
        delegates.begin(), delegates.end(), [](const core::Delegate *a, const core::Delegate *b) {
            if (a->seat.isEmpty() != b->seat.isEmpty())
                return b->seat.isEmpty();
            return core::compareSeats(a->seat, b->seat) < 0;
        });
}

inline QVariantMap delegateEntry(const core::Delegate &delegate)
{
    return {{QStringLiteral("delegateId"), int(delegate.id)},
        {QStringLiteral("name"), delegate.name}, {QStringLiteral("seat"), delegate.seat}};
}

} // namespace chamber::kiosk
