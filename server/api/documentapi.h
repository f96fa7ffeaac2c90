// Documents over HTTP: the secretary's upload and list (REST), removal and "present this page",
// and /docs/<sha256>, which streams the PDF to the devices of its meeting with ETag, Range and
// immutable caching, a bounded chunk at a time so memory does not grow with file size.
#pragma once

#include "api/router.h"

namespace chamber::services {
class Authenticator;
class DocumentService;
class MeetingService;
} // namespace chamber::services

namespace chamber::api {

class RestApi;

class Admission;

class DocumentApi
{
public:
    static constexpr QLatin1String kDocsPrefix {"/docs/"};

    DocumentApi(RestApi &rest, services::MeetingService &meetings,
        services::DocumentService &documents, const services::Authenticator &authenticator);
    void registerRoutes(Router &router);

    // Wrong bearer tokens count against the client's address (null: no limits).
    void setAdmission(Admission *admission) { m_admission = admission; }

    // GET or HEAD /docs/<sha256>.
    HttpReply serve(const edge::HttpRequest &request) const;

    // The answer for a document the caller may read (checked before): ETag, Range, the file
    // streamed by the connection's thread. Also what the phone reader sends (ReaderApi).
    HttpReply streamDocument(
        const edge::HttpRequest &request, const QString &sha256, const QString &fileName) const;

private:
    HttpReply upload(const RouteContext &context) const;
    HttpReply list(const RouteContext &context) const;

    RestApi &m_rest;
    services::MeetingService &m_meetings;
    services::DocumentService &m_documents;
    const services::Authenticator &m_authenticator;
    Admission *m_admission = nullptr;
};

// A single byte range of a file of `size` bytes, from a Range header ("bytes=0-99", "bytes=100-",
// "bytes=-500"). nullopt: no usable range, send the whole file (several ranges, or another
// unit, are answered that way too, as RFC 9110 allows); `satisfiable` false: 416.
struct ByteRange
{
    qint64 first = 0;
    qint64 last = 0; // inclusive
    bool satisfiable = true;
};
std::optional<ByteRange> parseRange(const QByteArray &header, qint64 size);

// The value of `key` in the URL's query, percent-decoded to the bytes the client sent (QUrlQuery
// would turn bytes that are not UTF-8 into replacement characters before anyone could refuse
// them); empty when absent.
QByteArray rawQueryValue(const QUrl &url, QByteArrayView key);

} // namespace chamber::api
