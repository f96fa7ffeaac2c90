// Log lines that may repeat thousands of times a second (a refused guess, a device over its
// budget) written as counts: the first occurrence of a message from a source (an address, a
// device) is logged in full, later ones are summed, and flush() writes one line per message,
// source and interval with how many there were. So a flood costs a few lines, not a full
// disk. Memory is bounded: beyond `maxSources` the rest are summed under the source "other".
// Time is passed in, so tests drive it.
#pragma once

#include "support/log.h"

#include <QHash>
#include <QString>

namespace chamber::log {

class RepeatedLog
{
public:
    explicit RepeatedLog(const QLoggingCategory &category, int maxSources = 1024);

    // One occurrence of `message` from `source` (carried in the field `sourceField`): written
    // with `fields` when it is the first of its interval, else counted.
    void note(const QString &message, const QString &sourceField, const QString &source,
        qint64 nowMs, Fields fields);
    // Writes `message` with {sourceField: source, repeated, seconds} for every source with
    // counted occurrences whose interval of `intervalMs` is over, and forgets the sources that
    // were quiet for a whole interval.
    void flush(qint64 nowMs, qint64 intervalMs);

    qsizetype sources() const { return m_sources.size(); }

private:
    struct Source
    {
        QString message;
        QString sourceField;
        QString source;
        qint64 sinceMs = 0; // start of the current interval
        qint64 repeated = 0; // occurrences since then that were not written
    };

    void writeSummary(const Source &source, qint64 milliseconds);

    const QLoggingCategory &m_category;
    int m_maxSources;
    QHash<QString, Source> m_sources; // by message and source
    QHash<QString, Source> m_others; // by message: occurrences beyond maxSources
};

} // namespace chamber::log
