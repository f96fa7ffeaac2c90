#include "core/meeting.h"

namespace chamber::core {

QString meetingStatusName(MeetingStatus status)
{
    switch (status) {
    case MeetingStatus::Scheduled:
        return QStringLiteral("scheduled");
    case MeetingStatus::InSession:
        return QStringLiteral("in_session");
    case MeetingStatus::Ended:
        return QStringLiteral("ended");
    }
    return {};
}

QuorumState MeetingState::quorum() const
{
    if (quorumRule.basis == QuorumBasis::Weight)
        return evaluateQuorum(quorumRule, roster.presentMemberWeight(), roster.memberWeight());
    return evaluateQuorum(quorumRule, roster.presentMemberCount(), roster.memberCount());
}

QJsonObject MeetingState::summaryJson() const
{
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("title"), title},
        {QStringLiteral("venue"), venue},
        {QStringLiteral("startsAt"), startsAt},
        {QStringLiteral("status"), meetingStatusName(status)},
        {QStringLiteral("delegates"), roster.size()},
        {QStringLiteral("present"), roster.presentCount()},
        {QStringLiteral("items"), agenda.size()},
        {QStringLiteral("seq"), seq},
    };
}

QJsonObject MeetingState::toJson() const
{
    QJsonObject quorumJson = quorum().toJson();
    quorumJson.insert(QStringLiteral("rule"), quorumRule.toJson());
    quorumJson.insert(QStringLiteral("ruleText"), quorumRule.describe());
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("seq"), seq},
        {QStringLiteral("title"), title},
        {QStringLiteral("description"), description},
        {QStringLiteral("venue"), venue},
        {QStringLiteral("startsAt"), startsAt},
        {QStringLiteral("createdAt"), createdAt},
        {QStringLiteral("status"), meetingStatusName(status)},
        {QStringLiteral("startedAt"), startedAt},
        {QStringLiteral("endedAt"), endedAt},
        {QStringLiteral("currentItem"), currentItem ? QJsonValue(currentItem) : QJsonValue()},
        {QStringLiteral("agenda"), agenda.toJson()},
        {QStringLiteral("delegates"), roster.toJson()},
        {QStringLiteral("quorum"), quorumJson},
    };
}

} // namespace chamber::core
