#include "api/minutesapi.h"

#include "core/meeting.h"
#include "minutes/minutesexport.h"
#include "minutespdf/minutesjob.h"
#include "minutespdf/pdfsigner.h"
#include "services/meetingservice.h"
#include "support/durablefile.h"
#include "support/log.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QUrlQuery>

namespace chamber::api {

Q_LOGGING_CATEGORY(lcMinutes, "chamber.minutes")

namespace {

using Method = HttpMethod;
using minutes::MinutesLanguage;

Error badField(const QString &field, const QString &message)
{
    return makeError(ErrorCode::BadField, message, field);
}

struct PdfRequest
{
    MinutesLanguage language = MinutesLanguage::Vietnamese;
    qint64 seq = 0; // 0: the meeting's last event
};

Result<PdfRequest> parsePdfRequest(const QUrl &url)
{
    const QUrlQuery query(url);
    PdfRequest request;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("lang")) {
            const auto language = minutes::minutesLanguageFromCode(value);
            if (!language)
                return badField(key, QStringLiteral("lang must be vi or en"));
            request.language = *language;
        } else if (key == QLatin1String("seq")) {
            bool ok = false;
            request.seq = value.toLongLong(&ok);
            if (!ok || request.seq < 1 || QString::number(request.seq) != value)
                return badField(key, QStringLiteral("seq must be an event number (1 or more)"));
        } else {
            return badField(key, QStringLiteral("unknown parameter ") + key);
        }
    }
    return request;
}

Status refuseParameters(const QUrl &url)
{
    const QUrlQuery query(url);
    if (!query.isEmpty())
        return badField(query.queryItems().first().first,
            QStringLiteral("unknown parameter ") + query.queryItems().first().first);
    return success();
}

QByteArray pdfFileName(qint64 meeting, qint64 seq, MinutesLanguage language)
{
    return QStringLiteral("bien-ban-%1-%2-%3.pdf")
        .arg(meeting)
        .arg(seq)
        .arg(minutes::minutesLanguageCode(language))
        .toLatin1();
}

HttpReply pdfReply(const QByteArray &pdf, const QString &path, qint64 meeting, qint64 seq,
    MinutesLanguage language)
{
    HttpReply reply;
    reply.contentType = "application/pdf";
    if (path.isEmpty()) {
        reply.body = pdf;
    } else {
        reply.filePath = path;
        reply.fileLength = QFileInfo(path).size();
    }
    reply.headers = {{"Content-Disposition",
                         "attachment; filename=\"" + pdfFileName(meeting, seq, language) + '"'},
        // A draft of event N is the same bytes forever, but who may read it can change.
        {"Cache-Control", "private, no-cache"}};
    return reply;
}

} // namespace

MinutesApi::MinutesApi(services::MeetingService &meetings, ChildRenderer &renderer,
    minutespdf::MinutesIdentity identity, QString cacheDir, QString recordingsDir)
    : m_meetings(meetings)
    , m_renderer(renderer)
    , m_identity(std::move(identity))
    , m_cacheDir(std::move(cacheDir))
    , m_recordingsDir(std::move(recordingsDir))
{ }

Status MinutesApi::open()
{
    return support::ensureDurableDirectory(m_cacheDir);
}

QString MinutesApi::cachePath(qint64 meeting, qint64 seq, MinutesLanguage language) const
{
    return m_cacheDir + u'/' + QString::fromLatin1(pdfFileName(meeting, seq, language));
}

Result<minutes::MinutesModel> MinutesApi::buildModel(qint64 meeting, qint64 seq) const
{
    const core::MeetingState *state = m_meetings.meeting(meeting);
    if (!state)
        return services::meetingNotFound(meeting);
    if (seq > state->seq)
        return makeError(ErrorCode::NotFound,
            QStringLiteral("meeting %1 has no event %2 yet (its last is %3)")
                .arg(meeting)
                .arg(seq)
                .arg(state->seq),
            QStringLiteral("seq"));
    const qint64 upTo = seq > 0 ? seq : state->seq;
    if (upTo > kMaxEvents)
        return makeError(ErrorCode::TooLarge,
            QStringLiteral("meeting %1 has more than %2 events").arg(meeting).arg(kMaxEvents));
    auto events = m_meetings.eventsAfter(meeting, 0, upTo);
    if (!events)
        return events.error();
    return minutes::buildMinutes(events.value(), upTo);
}

HttpReply MinutesApi::pdf(const RouteContext &context)
{
    auto request = parsePdfRequest(context.request.url());
    if (!request)
        return HttpReply::error(request.error());
    if (!context.answerLater)
        return HttpReply::error(makeError(
            ErrorCode::Unavailable, QStringLiteral("minutes are drawn for HTTP requests only")));
    const qint64 meetingId = context.ids.at(0);
    const core::MeetingState *state = m_meetings.meeting(meetingId);
    if (!state)
        return HttpReply::error(services::meetingNotFound(meetingId));
    const qint64 seq = request->seq > 0 ? request->seq : state->seq;
    const MinutesLanguage language = request->language;
    // Kept: the same events give the same bytes, so the file is the answer.
    const QString cached = cachePath(meetingId, seq, language);
    if (seq <= state->seq && QFileInfo(cached).isFile())
        return pdfReply({}, cached, meetingId, seq, language);
    if (m_renderer.running() >= ChildRenderer::kMaxRunning)
        return HttpReply::error(rateLimited(
            QStringLiteral("minutes are being drawn already; try again in a moment"), 2000));

    auto model = buildModel(meetingId, request->seq);
    if (!model)
        return HttpReply::error(model.error());
    minutespdf::MinutesStamp stamp;
    stamp.meeting = model->meeting;
    stamp.seq = model->seq;
    stamp.lastEventHash = model->lastEventHash;
    stamp.lastEventTime = model->lastEventTime;
    stamp.kind = minutes::minutesKindName(model->kind);
    stamp.language = minutes::minutesLanguageCode(language);
    stamp.modelSha256 = model->modelSha256();

    const AnswerLater later = context.answerLater;
    const minutespdf::MinutesIdentity identity = m_identity;
    auto started = m_renderer.start(
        ChildRenderJob {QString::fromLatin1(minutespdf::kRenderMinutesArgument),
            minutespdf::minutesJobToJson(model.value(), language), "%PDF-", kRenderTimeoutMs},
        QStringLiteral("minutes"),
        [later, stamp, identity, cached, language](const ChildRenderOutcome &outcome) {
            const auto fail = [&](const QString &why) {
                log::warning(lcMinutes(), QStringLiteral("minutes failed"),
                    {{QStringLiteral("meeting"), stamp.meeting}, {QStringLiteral("seq"), stamp.seq},
                        {QStringLiteral("language"), stamp.language},
                        {QStringLiteral("error"), why}});
                later(HttpReply::error(makeError(ErrorCode::Internal,
                    QStringLiteral("the minutes could not be made: ") + why.left(300))));
            };
            if (!outcome.ok)
                return fail(outcome.problem);
            auto signedPdf = minutespdf::signMinutesPdf(outcome.output, stamp, identity);
            if (!signedPdf)
                return fail(QStringLiteral("signing: ") + signedPdf.error().message);
            // Kept for the next request; a failure to keep it costs only a drawing.
            if (auto kept = support::writeFileDurably(cached, signedPdf.value()); !kept)
                log::warning(lcMinutes(), QStringLiteral("minutes not kept"),
                    {{QStringLiteral("path"), cached},
                        {QStringLiteral("error"), kept.error().message}});
            log::info(lcMinutes(), QStringLiteral("minutes made"),
                {{QStringLiteral("meeting"), stamp.meeting}, {QStringLiteral("seq"), stamp.seq},
                    {QStringLiteral("kind"), stamp.kind},
                    {QStringLiteral("language"), stamp.language},
                    {QStringLiteral("bytes"), qint64(signedPdf->size())},
                    {QStringLiteral("drawMs"), outcome.elapsedMs}});
            later(pdfReply(signedPdf.value(), {}, stamp.meeting, stamp.seq, language));
        });
    if (!started)
        return HttpReply::error(started.error());
    return HttpReply::later();
}

HttpReply MinutesApi::json(const RouteContext &context) const
{
    if (auto refused = refuseParameters(context.request.url()); !refused)
        return HttpReply::error(refused.error());
    auto model = buildModel(context.ids.at(0), 0);
    if (!model)
        return HttpReply::error(model.error());
    HttpReply reply = HttpReply::json(200, minutes::minutesExportJson(model.value()));
    reply.headers = {{"Cache-Control", "private, no-store"}};
    return reply;
}

HttpReply MinutesApi::csv(const RouteContext &context, const QString &table) const
{
    if (auto refused = refuseParameters(context.request.url()); !refused)
        return HttpReply::error(refused.error());
    const auto which = minutes::exportTableFromName(table);
    if (!which) // the routes are made from exportTables(): a programming error
        return HttpReply::error(
            makeError(ErrorCode::Internal, QStringLiteral("no export table ") + table));
    auto model = buildModel(context.ids.at(0), 0);
    if (!model)
        return HttpReply::error(model.error());
    HttpReply reply;
    reply.contentType = "text/csv; charset=utf-8";
    reply.body = minutes::minutesCsv(model.value(), *which);
    reply.headers = {{"Content-Disposition",
                         QStringLiteral("attachment; filename=\"bien-ban-%1-%2.csv\"")
                             .arg(model->meeting)
                             .arg(table)
                             .toLatin1()},
        {"Cache-Control", "private, no-store"}};
    return reply;
}

HttpReply MinutesApi::recording(const RouteContext &context) const
{
    const qint64 meetingId = context.ids.at(0);
    const core::MeetingState *state = m_meetings.meeting(meetingId);
    if (!state)
        return HttpReply::error(services::meetingNotFound(meetingId));
    const QString &sha256 = context.hashes.at(0);
    // Only what this meeting's log lists: a hash of another meeting's speech is not even named.
    bool listed = false;
    for (const auto &[id, recording] : state->recordings) {
        if (recording.sha256 == sha256)
            listed = true;
    }
    const QString path = m_recordingsDir + u'/' + sha256 + QStringLiteral(".ogg");
    const QFileInfo file(path);
    if (!listed || !file.isFile())
        return HttpReply::error(makeError(ErrorCode::NotFound,
            QStringLiteral("meeting %1 has no recording %2").arg(meetingId).arg(sha256),
            QStringLiteral("sha256")));
    HttpReply reply;
    reply.contentType = "audio/ogg";
    reply.filePath = path;
    reply.fileLength = file.size();
    // Content-addressed: the bytes of this name never change.
    reply.headers = {{"Cache-Control", "private, max-age=31536000, immutable"},
        {"Content-Disposition",
            QStringLiteral("inline; filename=\"%1.ogg\"").arg(sha256).toLatin1()}};
    return reply;
}

void MinutesApi::registerRoutes(Router &router)
{
    using Op = services::Operation;
    const QString meeting = QStringLiteral("/api/v1/meetings/{meeting}");
    router.add(Method::Get, meeting + QStringLiteral("/minutes.pdf"), Op::ReadMinutes,
        [this](const RouteContext &c) { return pdf(c); });
    router.add(Method::Get, meeting + QStringLiteral("/minutes.json"), Op::ReadMinutes,
        [this](const RouteContext &c) { return json(c); });
    for (minutes::ExportTable table : minutes::exportTables()) {
        const QString name = minutes::exportTableName(table);
        router.add(Method::Get,
            meeting + QStringLiteral("/minutes/") + name + QStringLiteral(".csv"), Op::ReadMinutes,
            [this, name](const RouteContext &c) { return csv(c, name); });
    }
    router.add(Method::Get, meeting + QStringLiteral("/recordings/{sha256}.ogg"),
        Op::ReadRecordings, [this](const RouteContext &c) { return recording(c); });
}

} // namespace chamber::api
