#include "api/qrapi.h"

#include "core/meeting.h"
#include "protocol/message.h"
#include "qrcode/qrcode.h"
#include "qrcode/seatcardjob.h"
#include "services/enrollment.h"
#include "services/meetingservice.h"
#include "support/log.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace chamber::api {

Q_LOGGING_CATEGORY(lcQr, "chamber.qr")

namespace {

using Method = HttpMethod;

Error badField(const QString &field, const QString &message)
{
    return makeError(ErrorCode::BadField, message, field);
}

Result<int> parseSeatCardRequest(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return QrApi::kSeatCardSeconds;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return makeError(ErrorCode::BadJson, QStringLiteral("body must be a JSON object"));
    const QJsonObject json = document.object();
    for (const QString &key : json.keys()) {
        if (key != QLatin1String("ttlSeconds"))
            return badField(key, QStringLiteral("unknown field ") + key);
    }
    const QJsonValue ttl = json.value(QLatin1String("ttlSeconds"));
    if (ttl.isUndefined())
        return QrApi::kSeatCardSeconds;
    if (!protocol::isJsonInteger(ttl) || ttl.toInteger() < 60
        || ttl.toInteger() > QrApi::kMaxSeatCardSeconds)
        return badField(QStringLiteral("ttlSeconds"),
            QStringLiteral("ttlSeconds must be a whole number from 60 to %1")
                .arg(QrApi::kMaxSeatCardSeconds));
    return int(ttl.toInteger());
}

} // namespace

QrApi::QrApi(services::EnrollmentService &enrollment, services::MeetingService &meetings,
    JoinLinkMaker joinLink, ChildRenderer &renderer)
    : m_enrollment(enrollment)
    , m_meetings(meetings)
    , m_joinLink(std::move(joinLink))
    , m_renderer(renderer)
{ }

HttpReply QrApi::qrSvg(const RouteContext &context) const
{
    const QUrlQuery query(context.request.url());
    for (const auto &[key, value] : query.queryItems()) {
        if (key != QLatin1String("text"))
            return HttpReply::error(badField(key, QStringLiteral("unknown parameter ") + key));
    }
    // The size is checked on the bytes as sent, before anything is decoded or drawn.
    const QByteArray encoded
        = query.queryItemValue(QStringLiteral("text"), QUrl::FullyEncoded).toLatin1();
    if (encoded.size() > 3 * kMaxQrTextBytes
        || QByteArray::fromPercentEncoding(encoded).size() > kMaxQrTextBytes)
        return HttpReply::error(makeError(ErrorCode::TooLarge,
            QStringLiteral("text must be at most %1 bytes").arg(kMaxQrTextBytes),
            QStringLiteral("text")));
    const QByteArray text
        = query.queryItemValue(QStringLiteral("text"), QUrl::FullyDecoded).toUtf8();
    if (text.isEmpty())
        return HttpReply::error(
            badField(QStringLiteral("text"), QStringLiteral("text is required")));
    auto matrix = qrcode::encode(text);
    if (!matrix)
        return HttpReply::error(matrix.error());
    HttpReply reply;
    reply.contentType = "image/svg+xml";
    reply.body = qrcode::toSvg(matrix.value());
    // A picture, never a document: opened on its own it may run nothing.
    reply.headers = {{"Content-Security-Policy", "default-src 'none'; sandbox"},
        {"Cache-Control", "private, no-store"}};
    return reply;
}

HttpReply QrApi::seatCards(const RouteContext &context)
{
    auto ttl = parseSeatCardRequest(context.request.body());
    if (!ttl)
        return HttpReply::error(ttl.error());
    if (!context.answerLater)
        return HttpReply::error(makeError(
            ErrorCode::Unavailable, QStringLiteral("seat cards are drawn for HTTP requests only")));
    // Refused before any join code is made: a busy renderer should cost nothing.
    if (m_renderer.running() >= ChildRenderer::kMaxRunning)
        return HttpReply::error(rateLimited(
            QStringLiteral("seat cards are being drawn already; try again in a moment"), 2000));
    const qint64 meetingId = context.ids.at(0);
    const core::MeetingState *meeting = m_meetings.meeting(meetingId);
    if (!meeting)
        return HttpReply::error(services::meetingNotFound(meetingId));

    // As `chamberctl seat-cards`: every delegate with a seat gets a fresh join code.
    qrcode::SeatCardJob job;
    job.meetingTitle = meeting->title;
    std::vector<qint64> delegates;
    for (const auto &[id, delegate] : meeting->roster.all()) {
        if (!delegate.seat.isEmpty())
            delegates.push_back(id);
    }
    if (delegates.empty())
        return HttpReply::error(makeError(ErrorCode::Invalid,
            QStringLiteral("meeting %1 has no delegate with a seat").arg(meetingId)));
    if (delegates.size() > size_t(qrcode::kMaxSeatCardsPerJob))
        return HttpReply::error(makeError(ErrorCode::TooLarge,
            QStringLiteral("at most %1 seat cards at once").arg(qrcode::kMaxSeatCardsPerJob)));
    QElapsedTimer timer;
    timer.start();
    auto codes = m_enrollment.createSeatCodes(meetingId, delegates, ttl.value());
    if (!codes)
        return HttpReply::error(codes.error());
    for (size_t i = 0; i < delegates.size(); ++i) {
        const core::Delegate *delegate = meeting->roster.find(delegates[i]);
        const services::JoinCode &code = codes->at(i);
        job.cards.push_back(qrcode::SeatCard {delegate->seat, delegate->name, delegate->group,
            m_joinLink(code.token), code.expiresAt.toString(Qt::ISODate)});
    }

    // The codes are made on the event loop (one transaction); the drawing happens in the
    // child, the event loop serving everyone else meanwhile.
    const qint64 codesMs = timer.elapsed();
    const int cards = int(job.cards.size());
    const AnswerLater later = context.answerLater;
    auto started
        = m_renderer.start(ChildRenderJob {QString::fromLatin1(qrcode::kRenderSeatCardsArgument),
                               qrcode::seatCardJobToJson(job)},
            QStringLiteral("seat cards"),
            [later, meetingId, cards, codesMs](const ChildRenderOutcome &outcome) {
                if (!outcome.ok) {
                    log::warning(lcQr(), QStringLiteral("seat cards failed"),
                        {{QStringLiteral("meeting"), meetingId},
                            {QStringLiteral("error"), outcome.problem}});
                    later(HttpReply::error(makeError(ErrorCode::Internal,
                        QStringLiteral("the seat cards could not be drawn: ")
                            + outcome.problem.left(300))));
                    return;
                }
                HttpReply reply;
                reply.contentType = "application/pdf";
                reply.body = outcome.output;
                reply.headers = {{"Content-Disposition",
                                     QByteArray("attachment; filename=\"seat-cards-")
                                         + QByteArray::number(meetingId) + ".pdf\""},
                    {"Cache-Control", "no-store"}};
                log::info(lcQr(), QStringLiteral("seat cards drawn"),
                    {{QStringLiteral("meeting"), meetingId}, {QStringLiteral("cards"), cards},
                        {QStringLiteral("bytes"), qint64(outcome.output.size())},
                        {QStringLiteral("codesMs"), codesMs},
                        {QStringLiteral("drawMs"), outcome.elapsedMs}});
                later(reply);
            });
    if (!started)
        return HttpReply::error(started.error());
    return HttpReply::later();
}

void QrApi::registerRoutes(Router &router)
{
    using Op = services::Operation;
    router.add(Method::Get, QStringLiteral("/api/v1/qr.svg"), Op::DrawQrCode,
        [this](const RouteContext &c) { return qrSvg(c); });
    router.add(Method::Post, QStringLiteral("/api/v1/meetings/{meeting}/seat-cards"),
        Op::CreateJoinCode, [this](const RouteContext &c) { return seatCards(c); });
}

} // namespace chamber::api
