// The head of an HTTP/1.x request (request line and header fields), parsed from the bytes a
// client sent so far. Written for hostile input: it never needs more than `maxHeadBytes` of
// buffer to decide, refuses anything ambiguous (duplicate Content-Length, Content-Length beside
// Transfer-Encoding, folded lines, bare CR) instead of guessing, and reports the HTTP status to
// answer with. Pure: no I/O, no allocation beyond the parsed head.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace chamber::edge {

struct HttpHeadLimits
{
    qsizetype maxHeadBytes = 16 * 1024; // request line + header fields + the empty line
    int maxHeaderCount = 64;
};

struct HttpHead
{
    QByteArray method; // as sent: "GET", "POST", … (a token, upper case not enforced)
    QByteArray target; // origin-form: starts with '/', path and query, no fragment
    int versionMinor = 1; // HTTP/1.0 → 0, HTTP/1.1 → 1
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased, values trimmed (OWS)

    std::optional<qint64> contentLength; // absent: no body
    bool keepAlive = true; // HTTP/1.1 unless "Connection: close"; HTTP/1.0 only with keep-alive
    bool upgradeWebSocket = false; // "Upgrade: websocket" and "Connection" lists "upgrade"

    // The first value of a header (name in lower case); empty when absent.
    QByteArray value(QByteArrayView lowerName) const;
    bool has(QByteArrayView lowerName) const;
};

struct HttpHeadParse
{
    enum class Status {
        NeedMore, // no complete head yet and still under the limit: read more
        Complete, // `head` is valid, `consumed` bytes (through the empty line) belong to it
        Refused, // answer `httpStatus` with `reason` and close the connection
    };
    Status status = Status::NeedMore;
    qsizetype consumed = 0;
    HttpHead head;
    int httpStatus = 0; // 400, 411, 414, 431, 501, 505 when Refused
    QString reason; // English, for the error body and the log
};

// Parses the head at the start of `buffer`. Leading empty lines (CRLF) before the request line
// are skipped (RFC 9112 2.2). Refused:
//   - more than maxHeadBytes without the end of the head: 431 (a request line alone over the
//     limit: 414); more than maxHeaderCount fields: 431
//   - a malformed request line, method not a token, target not origin-form, a field name
//     that is not a token, whitespace before the colon, obs-fold, a bare CR or LF without CR,
//     NUL or other control characters in values (HTAB allowed): 400
//   - a version other than HTTP/1.0 or HTTP/1.1: 505
//   - Content-Length that is not plain digits, over 2^53, given twice (even equal) or as a list:
//     400; Content-Length together with Transfer-Encoding: 400
//   - any Transfer-Encoding: 411 (chamberd takes bodies with a Content-Length only)
//   - a Host header given twice: 400
HttpHeadParse parseHttpHead(QByteArrayView buffer, const HttpHeadLimits &limits = {});

} // namespace chamber::edge
