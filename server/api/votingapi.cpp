#include "api/votingapi.h"

#include "api/restapi.h"
#include "core/meeting.h"
#include "protocol/ed25519.h"
#include "protocol/tlspin.h"
#include "services/ballotservice.h"
#include "services/meetingservice.h"
#include "services/permissions.h"

#include <QJsonArray>
#include <QJsonObject>

namespace chamber::api {

namespace {
using Method = HttpMethod;
} // namespace

VotingApi::VotingApi(RestApi &rest, services::MeetingService &meetings,
    services::BallotService &ballots, ServerKeys keys)
    : m_rest(rest)
    , m_meetings(meetings)
    , m_ballots(ballots)
    , m_keys(std::move(keys))
{ }

HttpReply VotingApi::poll(const RouteContext &context) const
{
    const core::MeetingState *meeting = m_meetings.meeting(context.ids.at(0));
    if (!meeting)
        return HttpReply::error(services::meetingNotFound(context.ids.at(0)));
    const auto found = meeting->polls.find(context.ids.at(1));
    if (found == meeting->polls.end())
        return HttpReply::error(makeError(ErrorCode::NotFound,
            QStringLiteral("poll %1 does not exist").arg(context.ids.at(1)),
            QStringLiteral("poll")));
    QJsonObject json = found->second.toJson();
    if (const auto progress = m_ballots.progress(meeting->id);
        progress && progress->poll == found->first) {
        QJsonObject counts {{QStringLiteral("cast"), progress->cast},
            {QStringLiteral("eligible"), progress->eligible}};
        // Who has not voted yet is the chair's and the secretary's to see, as in the progress
        // pushes; everyone else gets the counts.
        if (services::allows(
                context.principal, services::Operation::ReadVotingPending, meeting->id)) {
            QJsonArray pending;
            for (qint64 delegate : progress->pending)
                pending.append(delegate);
            counts.insert(QStringLiteral("pending"), pending);
        }
        json.insert(QStringLiteral("progress"), counts);
    }
    return HttpReply::json(200, json);
}

HttpReply VotingApi::result(const RouteContext &context) const
{
    const core::MeetingState *meeting = m_meetings.meeting(context.ids.at(0));
    if (!meeting)
        return HttpReply::error(services::meetingNotFound(context.ids.at(0)));
    const auto found = meeting->polls.find(context.ids.at(1));
    if (found == meeting->polls.end() || found->second.state != core::PollState::Published)
        return HttpReply::error(makeError(ErrorCode::NotFound,
            QStringLiteral("poll %1 has no published result").arg(context.ids.at(1)),
            QStringLiteral("poll")));
    QJsonObject signedResult = found->second.published;
    signedResult.remove(QStringLiteral("poll"));
    return HttpReply::json(200, signedResult);
}

void VotingApi::registerRoutes(Router &router)
{
    using Op = services::Operation;
    const QString meeting = QStringLiteral("/api/v1/meetings/{meeting}");
    const QString poll = meeting + QStringLiteral("/polls/{poll}");
    router.add(Method::Post, meeting + QStringLiteral("/polls"), Op::PollCreate,
        [this](
            const RouteContext &c) { return m_rest.command(c, "poll.create", {"meeting"}, 201); });
    for (const auto &[step, operation] : {std::pair {"open", Op::PollOpen},
             std::pair {"close", Op::PollClose}, std::pair {"publish", Op::PollPublish}}) {
        const QByteArray type = QByteArray("poll.") + step;
        router.add(Method::Post, poll + u'/' + QLatin1String(step), operation,
            [this, type](const RouteContext &c) {
                return m_rest.command(c, type.constData(), {"meeting", "poll"});
            });
    }
    router.add(
        Method::Get, poll, Op::ReadPoll, [this](const RouteContext &c) { return this->poll(c); });
    router.add(Method::Get, poll + QStringLiteral("/result"), Op::ReadResult,
        [this](const RouteContext &c) { return result(c); });
    router.add(Method::Post, meeting + QStringLiteral("/proxies"), Op::ProxyGive,
        [this](
            const RouteContext &c) { return m_rest.command(c, "proxy.give", {"meeting"}, 201); });
    router.add(Method::Delete, meeting + QStringLiteral("/proxies/{delegate}"), Op::ProxyRevoke,
        [this](const RouteContext &c) {
            return m_rest.command(c, "proxy.revoke", {"meeting", "delegate"});
        });
    for (const auto &[action, operation] :
        {std::pair {"request", Op::SpeakerRequest}, std::pair {"withdraw", Op::SpeakerWithdraw},
            std::pair {"move", Op::SpeakerMove}, std::pair {"grant", Op::SpeakerGrant},
            std::pair {"end", Op::SpeakerEnd}, std::pair {"setLimit", Op::SpeakerSetLimit}}) {
        const QByteArray type = QByteArray("speaker.") + action;
        router.add(Method::Post, meeting + QStringLiteral("/speakers/") + QLatin1String(action),
            operation, [this, type](const RouteContext &c) {
                return m_rest.command(c, type.constData(), {"meeting"});
            });
    }
    router.add(Method::Get, QStringLiteral("/api/v1/server"), Op::ServerKeys,
        [this](const RouteContext &) {
            return HttpReply::json(200,
                QJsonObject {{QStringLiteral("tlsPin"), protocol::formatPin(m_keys.tlsPin)},
                    {QStringLiteral("signingKey"),
                        QString::fromLatin1(m_keys.signingKey.toBase64())},
                    {QStringLiteral("signingKeyFingerprint"),
                        protocol::keyFingerprint(m_keys.signingKey)},
                    {QStringLiteral("minutesCertificate"),
                        QJsonObject {{QStringLiteral("sha256"), m_keys.minutesCertificateSha256},
                            {QStringLiteral("pem"),
                                QString::fromLatin1(m_keys.minutesCertificatePem)}}}});
        });
}

} // namespace chamber::api
