// An event log replayed through the domain core, as chamberd rebuilds its state: every
// published result in it is compared with the document its own events say it must be, and the
// state at one chosen event (a result file's lastEvent) is kept to compare that file with.
#pragma once

#include "core/meeting.h"
#include "ctl/resultcompare.h"
#include "protocol/event.h"

#include <QHash>

#include <map>
#include <optional>
#include <vector>

namespace chamber::ctl {

// One poll.published event of the log.
struct PublishedInLog
{
    qint64 meeting = 0;
    qint64 poll = 0;
    qint64 seq = 0;
    QJsonObject document;
    QByteArray signature; // as the event carries them, decoded from base64
    QByteArray publicKey;
    QStringList differences; // from what the log's own events say; empty when equal
};

// The meeting as it stood after the event a result names as its last.
struct LogAtEvent
{
    core::MeetingState meeting;
    QHash<qint64, ResultSources> polls; // per poll, the events its result repeats
};

class LogReplay
{
public:
    // Keep the state of `meeting` after event `seq`.
    void captureAt(qint64 meeting, qint64 seq);
    // Events in log order: within a meeting by ascending seq (meetings may interleave). A
    // meeting whose event the core refuses is not replayed further; problem() says why.
    void add(const protocol::Event &event);

    const std::vector<PublishedInLog> &published() const { return m_published; }
    const std::optional<LogAtEvent> &captured() const { return m_captured; }
    QString problem() const { return m_problem; }
    bool hasMeeting(qint64 meeting) const { return m_meetings.count(meeting) > 0; }
    qint64 headSeq(qint64 meeting) const;
    QList<qint64> meetings() const;

private:
    struct Replayed
    {
        core::MeetingState state;
        QHash<qint64, ResultSources> polls;
        qint64 titleSeq = 0;
        bool failed = false;
    };
    void checkPublished(Replayed &meeting, const protocol::Event &event);
    void noteSources(Replayed &meeting, const protocol::Event &event);
    static QHash<qint64, ResultSources> sourcesAt(const Replayed &meeting);

    std::map<qint64, Replayed> m_meetings;
    std::vector<PublishedInLog> m_published;
    std::optional<std::pair<qint64, qint64>> m_captureAt;
    std::optional<LogAtEvent> m_captured;
    QString m_problem;
};

} // namespace chamber::ctl
