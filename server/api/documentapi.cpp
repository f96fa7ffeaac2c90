#include "api/documentapi.h"

#include "api/admission.h"
#include "api/restapi.h"
#include "core/meeting.h"
#include "protocol/event.h"
#include "services/authenticator.h"
#include "services/documentservice.h"
#include "services/meetingservice.h"
#include "services/permissions.h"
#include "storage/documentfiles.h"

#include <QFile>
#include <QJsonArray>
#include <QUrlQuery>

namespace chamber::api {

namespace {

using Method = HttpMethod;

HttpReply errorReply(const Error &error,
    std::initializer_list<std::pair<QByteArray, QByteArray>> extra = {}, int status = 0)
{
    HttpReply reply = HttpReply::error(error);
    if (status)
        reply.status = status;
    for (const auto &[name, value] : extra)
        reply.headers.append(qMakePair(name, value));
    return reply;
}

} // namespace

std::optional<ByteRange> parseRange(const QByteArray &header, qint64 size)
{
    const QByteArray value = header.trimmed();
    if (!value.startsWith("bytes=") || value.contains(','))
        return std::nullopt;
    const QByteArray spec = value.mid(6).trimmed();
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return std::nullopt;
    const QByteArray from = spec.left(dash).trimmed();
    const QByteArray to = spec.mid(dash + 1).trimmed();
    const auto number = [](const QByteArray &digits, bool *ok) {
        *ok = !digits.isEmpty() && digits.size() <= 18
            && std::all_of(
                digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
        return *ok ? digits.toLongLong() : 0;
    };
    bool ok = false;
    if (from.isEmpty()) { // the last n bytes
        const qint64 suffix = number(to, &ok);
        if (!ok)
            return std::nullopt;
        if (suffix == 0 || size == 0)
            return ByteRange {0, 0, false};
        return ByteRange {std::max<qint64>(0, size - suffix), size - 1, true};
    }
    const qint64 first = number(from, &ok);
    if (!ok)
        return std::nullopt;
    qint64 last = size - 1;
    if (!to.isEmpty()) {
        last = number(to, &ok);
        if (!ok || last < first)
            return std::nullopt;
        last = std::min(last, size - 1);
    }
    if (first >= size)
        return ByteRange {0, 0, false};
    return ByteRange {first, last, true};
}

DocumentApi::DocumentApi(RestApi &rest, services::MeetingService &meetings,
    services::DocumentService &documents, const services::Authenticator &authenticator)
    : m_rest(rest)
    , m_meetings(meetings)
    , m_documents(documents)
    , m_authenticator(authenticator)
{ }

HttpReply DocumentApi::upload(const RouteContext &context) const
{
    const QString name = QUrlQuery(context.request.url())
                             .queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded);
    // PDFs and refusals are answered before upload() returns; office files when their
    // conversion is done, the event loop serving everyone else meanwhile.
    auto answered = std::make_shared<std::optional<HttpReply>>();
    auto returned = std::make_shared<bool>(false);
    m_documents.upload(context.principal, context.ids.at(0), context.ids.at(1), name,
        context.request.body(),
        [answered, returned, later = context.answerLater](Result<QJsonObject> uploaded) {
            HttpReply reply = uploaded
                ? HttpReply::json(uploaded->value(QLatin1String("created")).toBool() ? 201 : 200,
                    uploaded.value())
                : HttpReply::error(uploaded.error());
            if (!*returned)
                *answered = std::move(reply);
            else if (later)
                later(reply);
        });
    *returned = true;
    return *answered ? **answered : HttpReply::later();
}

HttpReply DocumentApi::list(const RouteContext &context) const
{
    const qint64 meetingId = context.ids.at(0);
    const core::MeetingState *meeting = m_meetings.meeting(meetingId);
    if (!meeting)
        return HttpReply::error(services::meetingNotFound(meetingId));
    QJsonArray documents;
    for (const auto &[id, document] : meeting->documents.all()) {
        if (!document.removed)
            documents.append(document.toJson());
    }
    return HttpReply::json(200, QJsonObject {{QStringLiteral("documents"), documents}});
}

void DocumentApi::registerRoutes(Router &router)
{
    using Op = services::Operation;
    const QString meeting = QStringLiteral("/api/v1/meetings/{meeting}");
    // An upload's body goes to a spool file once the request is authorized, never to memory
    // before that.
    router.add(
        Method::Post, meeting + QStringLiteral("/items/{item}/documents"), Op::UploadDocument,
        [this](const RouteContext &c) { return upload(c); }, m_documents.options().maxUploadBytes,
        QStringLiteral("[documents] max-upload-mib"));
    router.add(Method::Get, meeting + QStringLiteral("/documents"), Op::ListDocuments,
        [this](const RouteContext &c) { return list(c); });
    router.add(Method::Delete, meeting + QStringLiteral("/documents/{document}"),
        Op::DocumentRemove, [this](const RouteContext &c) {
            return m_rest.command(c, "document.remove", {"meeting", "document"});
        });
    router.add(Method::Post, meeting + QStringLiteral("/present"), Op::DocumentPresent,
        [this](
            const RouteContext &c) { return m_rest.command(c, "document.present", {"meeting"}); });
    router.addServedElsewhere(
        QStringLiteral("GET"), kDocsPrefix + QStringLiteral("{sha256}"), Op::ReadDocument);
    router.addServedElsewhere(
        QStringLiteral("HEAD"), kDocsPrefix + QStringLiteral("{sha256}"), Op::ReadDocument);
}

HttpReply DocumentApi::serve(const edge::HttpRequest &request) const
{
    const bool head = request.method() == Method::Head;
    if (request.method() != Method::Get && !head) {
        return errorReply(
            makeError(ErrorCode::BadField, QStringLiteral("documents are only read (GET, HEAD)")),
            {{"Allow", "GET, HEAD"}}, 405);
    }
    const bool presented = !request.value("Authorization").isEmpty();
    if (m_admission && presented) {
        if (auto refused = m_admission->admitAttempt(Attempt::Bearer, request.peer()))
            return errorReply(*refused);
    }
    // GET only: the session cookie (the workspace's browser) needs no CSRF token here.
    const auto principal = m_authenticator.authenticateRequest(
        request.value("Authorization"), request.value("Cookie"));
    if (!principal) {
        if (m_admission && presented)
            m_admission->attemptFailed(
                Attempt::Bearer, request.peer(), QStringLiteral("unknown or revoked token"));
        return errorReply(
            makeError(ErrorCode::Unauthenticated, QStringLiteral("a device credential is needed")));
    }
    if (auto allowed = services::authorizeAccess(*principal, services::Operation::ReadDocument, 0);
        !allowed) {
        return errorReply(allowed.error());
    }
    const QString sha256 = request.url().path().mid(kDocsPrefix.size());
    // Not found rather than forbidden: another meeting's documents are not even named.
    if (!protocol::isSha256Hex(sha256) || !m_documents.mayRead(*principal, sha256))
        return errorReply(makeError(ErrorCode::NotFound, QStringLiteral("no such document")));
    return streamDocument(request, sha256);
}

HttpReply DocumentApi::streamDocument(const edge::HttpRequest &request, const QString &sha256) const
{
    const QString path = m_documents.files().pathOf(sha256);
    const qint64 size = QFile(path).size();
    const QByteArray etag = '"' + sha256.toLatin1() + '"';
    const QByteArray cacheControl = "private, max-age=31536000, immutable";
    HttpReply reply;
    reply.headers = {{"ETag", etag}, {"Cache-Control", cacheControl}};
    if (request.value("If-None-Match").contains(etag)) {
        reply.status = 304;
        return reply;
    }
    std::optional<ByteRange> range;
    const QByteArray ifRange = request.value("If-Range");
    if (ifRange.isEmpty() || ifRange == etag)
        range = parseRange(request.value("Range"), size);
    if (range && !range->satisfiable) {
        return errorReply(
            makeError(ErrorCode::BadField, QStringLiteral("the range is outside the document")),
            {{"Content-Range", "bytes */" + QByteArray::number(size)}}, 416);
    }
    const qint64 first = range ? range->first : 0;
    const qint64 last = range ? range->last : size - 1;
    reply.status = range ? 206 : 200;
    reply.contentType = "application/pdf";
    reply.headers.append(qMakePair(QByteArray("Accept-Ranges"), QByteArray("bytes")));
    if (range)
        reply.headers.append(qMakePair(QByteArray("Content-Range"),
            "bytes " + QByteArray::number(first) + '-' + QByteArray::number(last) + '/'
                + QByteArray::number(size)));
    // The connection's own thread reads the file as the client takes it.
    reply.filePath = path;
    reply.fileOffset = first;
    reply.fileLength = qMax<qint64>(0, last - first + 1);
    return reply;
}

} // namespace chamber::api
