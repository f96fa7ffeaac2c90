// The state of one meeting, as rebuilt from its event log.
#pragma once

#include "core/agenda.h"
#include "core/conclusions.h"
#include "core/documents.h"
#include "core/poll.h"
#include "core/quorum.h"
#include "core/recordings.h"
#include "core/roster.h"
#include "core/speakers.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <map>

namespace chamber::core {

enum class MeetingStatus {
    Scheduled, // prepared, not yet opened
    InSession, // opened by meeting.start
    Ended, // closed by meeting.end (may be started again: sessions resume)
};
QString meetingStatusName(MeetingStatus status);

// An enrolled device, as the meeting's log records it. Credentials never enter the log.
struct DeviceInfo
{
    qint64 id = 0;
    QString role; // delegate, chair, tally, bridge
    qint64 delegate = 0;
    QString label; // what the secretary sees: "Ghế A01 – Nguyễn Văn A", "Chair console"
    QString name; // what the device calls itself
    QString platform;
    QString enrolledAt;
    bool revoked = false;
    QString revokedAt;

    QJsonObject toJson() const;
};

struct MeetingState
{
    qint64 id = 0;
    qint64 seq = 0; // last applied event
    QByteArray lastHash; // hash of that event: the head of the chain

    QString title;
    QString description;
    QString venue;
    QString startsAt;
    QString createdAt;
    // The minutes' heading: the issuing body, the session, who chairs and who keeps them.
    QString organisation;
    QString session;
    QString chairperson;
    QString secretary;
    MeetingStatus status = MeetingStatus::Scheduled;
    QString startedAt;
    QString endedAt;

    Agenda agenda;
    Roster roster;
    QuorumRule quorumRule;
    qint64 currentItem = 0; // 0: none
    std::map<qint64, DeviceInfo> devices;
    std::map<qint64, Poll> polls;
    SpeakerState speakers;
    bool allowProxies = false;
    // The hall's seat map: rows A, B, ... by columns 1, 2, ...; 0 when not laid out.
    qint64 hallRows = 0;
    qint64 hallColumns = 0;
    std::map<qint64, qint64> proxies; // giver -> holder
    DocumentList documents;
    Presentation presenting;
    qint64 council = 0; // the council whose meeting this is; 0: none
    std::map<qint64, Conclusion> conclusions; // by number, removed ones included
    QString screenView = QStringLiteral("tally"); // what tally screens show: tally or board
    // What became of each speech's recording, by recording id (recording.saved/failed).
    std::map<QString, Recording> recordings;

    const Conclusion *conclusion(qint64 number) const;
    qint64 nextConclusionId() const
    {
        return conclusions.empty() ? 1 : conclusions.rbegin()->first + 1;
    }

    const Poll *openPoll() const;
    qint64 nextPollId() const { return polls.empty() ? 1 : polls.rbegin()->first + 1; }

    QuorumState quorum() const;
    // The whole state, as sent in a snapshot and by GET /api/v1/meetings/<id>.
    QJsonObject toJson() const;
    // The inverse, for clients that start from a snapshot. Refuses what toJson() cannot have
    // produced (unknown parents, duplicate ids), so a client never runs on a guessed state.
    static Result<MeetingState> fromJson(const QJsonObject &json);
    // The few fields a meeting list shows.
    QJsonObject summaryJson() const;
};

} // namespace chamber::core
