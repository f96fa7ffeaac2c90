#include "api/annotationapi.h"

#include "services/annotationservice.h"

namespace chamber::api {

namespace {

HttpReply toHttp(const services::AnnotationReply &answer)
{
    HttpReply reply;
    if (answer.error) {
        reply = HttpReply::error(*answer.error);
        if (answer.status)
            reply.status = answer.status;
    } else if (!answer.json.isEmpty()) {
        reply = HttpReply::json(answer.status, answer.json);
    } else {
        reply.status = answer.status;
        reply.contentType = "application/octet-stream";
        reply.body = answer.blob;
    }
    if (!answer.etag.isEmpty())
        reply.headers.append(qMakePair(QByteArray("ETag"), answer.etag));
    return reply;
}

} // namespace

void AnnotationApi::registerRoutes(Router &router)
{
    using Method = HttpMethod;
    const auto auth = services::Operation::Annotations;
    const QString path = QStringLiteral("/api/v1/annotations/{sha256}");
    router.add(Method::Get, path, auth, [this](const RouteContext &c) {
        return toHttp(
            m_annotations.get(c.principal, c.hashes.at(0), c.request.value("If-None-Match")));
    });
    router.add(
        Method::Put, path, auth,
        [this](const RouteContext &c) {
            return toHttp(m_annotations.put(c.principal, c.hashes.at(0), c.request.body(),
                c.request.value("If-Match"), c.request.value("If-None-Match")));
        },
        m_annotations.maxBytes(), QStringLiteral("[documents] max-annotation-kib"));
    router.add(Method::Delete, path, auth, [this](const RouteContext &c) {
        return toHttp(
            m_annotations.remove(c.principal, c.hashes.at(0), c.request.value("If-Match")));
    });
}

} // namespace chamber::api
