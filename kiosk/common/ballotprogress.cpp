#include "ballotprogress.h"

#include "seatorder.h"

namespace chamber::kiosk {

void BallotProgress::update(const core::MeetingState *meeting, const PollProgress *progress)
{
    Values values;
    if (progress) {
        values.known = true;
        values.cast = progress->cast;
        values.eligible = progress->eligible;
        values.hasPendingList = progress->hasPending;
        if (meeting) {
            std::vector<const core::Delegate *> delegates;
            for (qint64 id : progress->pending) {
                if (const core::Delegate *delegate = meeting->roster.find(id))
                    delegates.push_back(delegate);
            }
            sortBySeat(delegates);
            for (const core::Delegate *delegate : delegates)
                values.pending.append(delegateEntry(*delegate));
        }
    }
    if (values == m_values)
        return;
    m_values = std::move(values);
    emit changed();
}

} // namespace chamber::kiosk
