#include "support/repeatedlog.h"

namespace chamber::log {

RepeatedLog::RepeatedLog(const QLoggingCategory &category, int maxSources)
    : m_category(category)
    , m_maxSources(maxSources)
{ }

void RepeatedLog::note(const QString &message, const QString &sourceField, const QString &source,
    qint64 nowMs, Fields fields)
{
    const QString key = message + u'\x1f' + source;
    if (const auto it = m_sources.find(key); it != m_sources.end()) {
        ++it->repeated;
        return;
    }
    if (m_sources.size() >= m_maxSources) {
        Source &others = m_others[message];
        if (others.repeated++ == 0)
            others = Source {message, sourceField, QStringLiteral("other"), nowMs, 1};
        return;
    }
    m_sources.insert(key, Source {message, sourceField, source, nowMs, 0});
    write(QtWarningMsg, m_category, message, fields);
}

void RepeatedLog::flush(qint64 nowMs, qint64 intervalMs)
{
    const auto due = [&](const Source &source) { return nowMs - source.sinceMs >= intervalMs; };
    for (auto it = m_sources.begin(); it != m_sources.end();) {
        if (!due(it.value())) {
            ++it;
        } else if (it->repeated == 0) {
            // Quiet for a whole interval: its next occurrence is news again.
            it = m_sources.erase(it);
        } else {
            writeSummary(it.value(), nowMs - it->sinceMs);
            it->sinceMs = nowMs;
            it->repeated = 0;
            ++it;
        }
    }
    for (auto it = m_others.begin(); it != m_others.end();) {
        if (due(it.value())) {
            writeSummary(it.value(), nowMs - it->sinceMs);
            it = m_others.erase(it);
        } else {
            ++it;
        }
    }
}

void RepeatedLog::writeSummary(const Source &source, qint64 milliseconds)
{
    write(QtWarningMsg, m_category, source.message,
        {{source.sourceField, source.source}, {QStringLiteral("repeated"), source.repeated},
            {QStringLiteral("seconds"), (milliseconds + 999) / 1000}});
}

} // namespace chamber::log
