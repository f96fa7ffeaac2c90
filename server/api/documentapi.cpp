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
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QUrlQuery>

namespace chamber::api {

namespace {

using Method = QHttpServerRequest::Method;
using HttpStatus = QHttpServerResponder::StatusCode;

// Refilled when less than this is waiting in the socket: at most about twice this per download
// sits in memory (plus what TLS adds), whatever the file's size.
// 256 KiB: bench_documents measured 16 KiB chunks at half again the CPU per byte (more events
// per byte), and 1 MiB no faster but four times the memory per download.
constexpr qint64 kChunkBytes = 256 * 1024;

// Copies [first, last] of a file into the socket as the socket drains. Lives as the socket's
// child, so a client that goes away takes it along. A client that pipelines its next request
// on this connection before the body is through would get the answers interleaved; HTTP
// clients (Qt's, browsers, curl) do not pipeline, they wait or open another connection.
class FileStreamer : public QObject
{
public:
    FileStreamer(QTcpSocket *socket, const QString &path, qint64 first, qint64 last)
        : QObject(socket)
        , m_socket(socket)
        , m_tls(qobject_cast<QSslSocket *>(socket))
        , m_file(path)
        , m_remaining(last - first + 1)
    {
        if (!m_file.open(QIODevice::ReadOnly) || !m_file.seek(first)) {
            socket->abort();
            deleteLater();
            return;
        }
        connect(socket, &QTcpSocket::bytesWritten, this, &FileStreamer::pump);
        // QSslSocket's bytesWritten comes when bytes are encrypted, not when the kernel took
        // them; this one comes then.
        if (m_tls)
            connect(m_tls, &QSslSocket::encryptedBytesWritten, this, &FileStreamer::pump);
        connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
        pump();
    }

private:
    // Bytes the socket holds that the kernel has not taken yet. QSslSocket::bytesToWrite()
    // counts only plaintext not yet encrypted: pacing on that alone let a whole file pile up,
    // encrypted, in memory for every client slower than the encryption (the document
    // benchmark: 100 x 20 MB made chamberd grow by 800 MB).
    qint64 pending() const
    {
        return m_socket->bytesToWrite() + (m_tls ? m_tls->encryptedBytesToWrite() : 0);
    }

    void pump()
    {
        while (m_remaining > 0 && pending() < kChunkBytes) {
            // A QByteArray of its own per chunk: the socket keeps it as a chunk of its write
            // buffer instead of copying it (QIODevice::write(const QByteArray &)).
            const QByteArray chunk = m_file.read(std::min(kChunkBytes, m_remaining));
            if (chunk.isEmpty()) { // the file shrank: the answer cannot be completed
                m_socket->abort();
                break;
            }
            m_socket->write(chunk);
            m_remaining -= chunk.size();
        }
        if (m_remaining <= 0 || m_socket->state() != QAbstractSocket::ConnectedState) {
            disconnect(m_socket, nullptr, this, nullptr);
            deleteLater();
        }
    }

    QTcpSocket *m_socket;
    QSslSocket *m_tls; // the same socket, when it is TLS (always, in chamberd)
    QFile m_file;
    qint64 m_remaining;
};

void writeError(QHttpServerResponder &responder, const Error &error,
    std::initializer_list<std::pair<QByteArray, QByteArray>> extra = {}, int status = 0)
{
    const HttpReply reply = HttpReply::error(error);
    responder.writeStatusLine(static_cast<HttpStatus>(status ? status : reply.status));
    responder.writeHeader("Content-Type", reply.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    responder.writeHeader("Cache-Control", "no-store");
    for (const auto &[name, value] : reply.headers)
        responder.writeHeader(name, value);
    for (const auto &[name, value] : extra)
        responder.writeHeader(name, value);
    responder.writeBody(reply.body);
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
    router.add(Method::Post, meeting + QStringLiteral("/items/{item}/documents"),
        Op::UploadDocument, [this](const RouteContext &c) { return upload(c); });
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

void DocumentApi::serve(
    const QHttpServerRequest &request, QTcpSocket *socket, QHttpServerResponder &responder) const
{
    const bool head = request.method() == Method::Head;
    if (request.method() != Method::Get && !head) {
        writeError(responder,
            makeError(ErrorCode::BadField, QStringLiteral("documents are only read (GET, HEAD)")),
            {{"Allow", "GET, HEAD"}}, 405);
        return;
    }
    const bool presented = !request.value("Authorization").isEmpty();
    if (m_admission && presented) {
        if (auto refused = m_admission->admitAttempt(Attempt::Bearer, socket->peerAddress())) {
            writeError(responder, *refused);
            return;
        }
    }
    const auto principal = m_authenticator.authenticateHeader(request.value("Authorization"));
    if (!principal) {
        if (m_admission && presented)
            m_admission->attemptFailed(
                Attempt::Bearer, socket->peerAddress(), QStringLiteral("unknown or revoked token"));
        writeError(responder,
            makeError(ErrorCode::Unauthenticated, QStringLiteral("a device credential is needed")));
        return;
    }
    if (auto allowed = services::authorizeAccess(*principal, services::Operation::ReadDocument, 0);
        !allowed) {
        writeError(responder, allowed.error());
        return;
    }
    const QString sha256 = request.url().path().mid(kDocsPrefix.size());
    // Not found rather than forbidden: another meeting's documents are not even named.
    if (!protocol::isSha256Hex(sha256) || !m_documents.mayRead(*principal, sha256)) {
        writeError(responder, makeError(ErrorCode::NotFound, QStringLiteral("no such document")));
        return;
    }
    streamDocument(request, socket, responder, sha256);
}

void DocumentApi::streamDocument(const QHttpServerRequest &request, QTcpSocket *socket,
    QHttpServerResponder &responder, const QString &sha256) const
{
    const bool head = request.method() == Method::Head;
    const QString path = m_documents.files().pathOf(sha256);
    const qint64 size = QFile(path).size();
    const QByteArray etag = '"' + sha256.toLatin1() + '"';
    const QByteArray cacheControl = "private, max-age=31536000, immutable";
    if (request.value("If-None-Match").contains(etag)) {
        responder.writeStatusLine(HttpStatus::NotModified);
        responder.writeHeader("ETag", etag);
        responder.writeHeader("Cache-Control", cacheControl);
        responder.writeBody(QByteArray());
        return;
    }
    std::optional<ByteRange> range;
    const QByteArray ifRange = request.value("If-Range");
    if (ifRange.isEmpty() || ifRange == etag)
        range = parseRange(request.value("Range"), size);
    if (range && !range->satisfiable) {
        writeError(responder,
            makeError(ErrorCode::BadField, QStringLiteral("the range is outside the document")),
            {{"Content-Range", "bytes */" + QByteArray::number(size)}}, 416);
        return;
    }
    const qint64 first = range ? range->first : 0;
    const qint64 last = range ? range->last : size - 1;
    responder.writeStatusLine(range ? HttpStatus::PartialContent : HttpStatus::Ok);
    responder.writeHeader("Content-Type", "application/pdf");
    responder.writeHeader("Content-Length", QByteArray::number(last - first + 1));
    responder.writeHeader("ETag", etag);
    responder.writeHeader("Cache-Control", cacheControl);
    responder.writeHeader("Accept-Ranges", "bytes");
    responder.writeHeader("X-Content-Type-Options", "nosniff");
    if (range)
        responder.writeHeader("Content-Range",
            "bytes " + QByteArray::number(first) + '-' + QByteArray::number(last) + '/'
                + QByteArray::number(size));
    responder.writeBody(QByteArray()); // ends the headers; the body follows from the file
    if (!head && size > 0)
        new FileStreamer(socket, path, first, last);
}

} // namespace chamber::api
