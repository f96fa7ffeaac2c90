// The phone reader: reader links for a delegate (REST for the secretary, readerLink.create
// over the WebSocket for the delegate's tablet), and what the phone's browser gets: the page
// at /read and its JSON and images under /reader/api, for the token of a reader link only.
#pragma once

#include "api/router.h"

#include <QJsonObject>

#include <functional>

namespace chamber::services {
class MeetingService;
class PageRenderer;
class ReaderLinkService;
struct ReaderSession;
} // namespace chamber::services
namespace chamber::storage {
class DocumentFiles;
}

namespace chamber::api {

class Admission;
class DocumentApi;

// Makes the link a reader QR code carries from a token: https://HOST:PORT/read#t=<token>.
using ReaderLinkMaker = std::function<QString(const QString &token)>;

class ReaderApi
{
public:
    ReaderApi(services::ReaderLinkService &links, services::MeetingService &meetings,
        const DocumentApi &documents, const storage::DocumentFiles &files,
        services::PageRenderer &renderer, ReaderLinkMaker link);
    void registerRoutes(Router &router);

    // Wrong link tokens count against the client's address (null: no limits).
    void setAdmission(Admission *admission) { m_admission = admission; }

    // True for the paths serve() answers (/reader/…; the page /read is a web file).
    static bool handles(const QString &path);
    // The answer, or HttpReply::later() while a page image renders (then through `later`).
    HttpReply serve(const edge::HttpRequest &request, const AnswerLater &later) const;

    // {id, meeting, delegate, url, expiresAt, svg, png (base64)}: what the REST route and the
    // WebSocket request answer, so a kiosk can show the QR at once.
    Result<QJsonObject> createLink(
        const services::Principal &principal, qint64 meeting, qint64 delegate, int ttlSeconds);

private:
    HttpReply create(const RouteContext &context);
    QJsonObject meetingJson(const services::ReaderSession &session) const;
    HttpReply servePage(const services::ReaderSession &session, const QString &sha256, int page,
        int width, const edge::HttpRequest &request, const AnswerLater &later) const;

    services::ReaderLinkService &m_links;
    services::MeetingService &m_meetings;
    const DocumentApi &m_documents;
    const storage::DocumentFiles &m_files;
    services::PageRenderer &m_renderer;
    Admission *m_admission = nullptr;
    ReaderLinkMaker m_link;
};

} // namespace chamber::api
