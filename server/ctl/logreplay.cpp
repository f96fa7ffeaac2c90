#include "ctl/logreplay.h"

#include "core/ballots.h"
#include "core/reducer.h"

namespace chamber::ctl {

namespace {

const QLatin1String kPoll("poll");

} // namespace

void LogReplay::captureAt(qint64 meeting, qint64 seq)
{
    m_captureAt = std::pair(meeting, seq);
}

qint64 LogReplay::headSeq(qint64 meeting) const
{
    const auto it = m_meetings.find(meeting);
    return it == m_meetings.end() ? 0 : it->second.state.seq;
}

QList<qint64> LogReplay::meetings() const
{
    QList<qint64> list;
    for (const auto &entry : m_meetings)
        list << entry.first;
    return list;
}

void LogReplay::add(const protocol::Event &event)
{
    Replayed &meeting = m_meetings[event.meeting];
    if (meeting.failed)
        return;
    if (event.kind == QLatin1String("poll.published"))
        checkPublished(meeting, event);
    if (auto status = core::apply(meeting.state, event); !status) {
        meeting.failed = true;
        if (m_problem.isEmpty())
            m_problem = QStringLiteral("meeting %1, event %2 (%3) cannot be replayed: %4")
                            .arg(event.meeting)
                            .arg(event.seq)
                            .arg(event.kind, status.error().message);
        return;
    }
    noteSources(meeting, event);
    if (m_captureAt && m_captureAt->first == event.meeting && m_captureAt->second == event.seq)
        m_captured = LogAtEvent {meeting.state, sourcesAt(meeting)};
}

QHash<qint64, ResultSources> LogReplay::sourcesAt(const Replayed &meeting)
{
    // The title and the last event are the meeting's, the same for every poll's result.
    QHash<qint64, ResultSources> polls = meeting.polls;
    for (auto it = polls.begin(); it != polls.end(); ++it) {
        it->meetingTitle = meeting.titleSeq;
        it->lastEvent = meeting.state.seq;
    }
    return polls;
}

void LogReplay::noteSources(Replayed &meeting, const protocol::Event &event)
{
    const qint64 poll = event.data.value(kPoll).toInteger();
    if (event.kind == QLatin1String("meeting.created")
        || (event.kind == QLatin1String("meeting.updated")
            && event.data.contains(QLatin1String("title"))))
        meeting.titleSeq = event.seq;
    else if (event.kind == QLatin1String("poll.created"))
        meeting.polls[poll].pollCreated = event.seq;
    else if (event.kind == QLatin1String("poll.opened"))
        meeting.polls[poll].pollOpened = event.seq;
    else if (event.kind == QLatin1String("poll.closed"))
        meeting.polls[poll].pollClosed = event.seq;
}

void LogReplay::checkPublished(Replayed &meeting, const protocol::Event &event)
{
    PublishedInLog record;
    record.meeting = event.meeting;
    record.poll = event.data.value(kPoll).toInteger();
    record.seq = event.seq;
    record.document = event.data.value(QLatin1String("document")).toObject();
    record.signature = QByteArray::fromBase64(
        event.data.value(QLatin1String("signature")).toString().toLatin1());
    record.publicKey = QByteArray::fromBase64(
        event.data.value(QLatin1String("publicKey")).toString().toLatin1());
    const auto poll = meeting.state.polls.find(record.poll);
    const QString subject
        = QStringLiteral("the document of poll.published (event %1)").arg(event.seq);
    if (poll == meeting.state.polls.end() || poll->second.state != core::PollState::Closed) {
        record.differences << QStringLiteral("%1 publishes poll %2, which was not closed before it")
                                  .arg(subject)
                                  .arg(record.poll);
    } else {
        ResultSources sources = meeting.polls.value(record.poll);
        sources.meetingTitle = meeting.titleSeq;
        sources.lastEvent = meeting.state.seq;
        record.differences = compareDocuments(
            record.document, core::resultDocument(meeting.state, poll->second), sources, subject);
    }
    m_published.push_back(std::move(record));
}

} // namespace chamber::ctl
