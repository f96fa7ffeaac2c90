// An HTTP request as the edge hands it to the main thread: parsed head, the peer's address and
// the body (in memory, or mapped from its spool file when it was large).
#pragma once

#include "edge/httphead.h"

#include <QByteArray>
#include <QHostAddress>
#include <QUrl>

#include <memory>

namespace chamber::edge {

enum class HttpMethod { Unknown, Get, Head, Post, Put, Delete, Patch, Options };

HttpMethod httpMethodFrom(QByteArrayView token);
QString httpMethodName(HttpMethod method);

// A spooled body mapped read-only. Who keeps a QByteArray of the body beyond the request
// (work that answers later) keeps this alive too: see HttpRequest::bodyKeeper().
class MappedBody;

class HttpRequest
{
public:
    HttpRequest() = default;
    HttpRequest(HttpHead head, QHostAddress peer);

    HttpMethod method() const { return m_method; }
    const QUrl &url() const { return m_url; }
    // A header's first value, the name in any case; empty when absent.
    QByteArray value(QByteArrayView name) const;
    const HttpHead &head() const { return m_head; }
    const QHostAddress &peer() const { return m_peer; }

    // The declared body length (0 when none).
    qint64 contentLength() const { return m_head.contentLength.value_or(0); }
    // The body: in memory for small ones, else a view of the mapped spool file (the bytes are
    // not copied; a copy of the QByteArray still points into the mapping, so keep bodyKeeper()
    // with it).
    const QByteArray &body() const { return m_body; }
    std::shared_ptr<const void> bodyKeeper() const { return m_keeper; }

    void setBody(QByteArray body);
    // Maps `path` (a spool file the edge wrote) and removes its name; false when it cannot.
    bool mapBodyFile(const QString &path);

private:
    HttpHead m_head;
    HttpMethod m_method = HttpMethod::Unknown;
    QUrl m_url;
    QHostAddress m_peer;
    QByteArray m_body;
    std::shared_ptr<const void> m_keeper;
};

} // namespace chamber::edge
