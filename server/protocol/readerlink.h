// The phone reader's link and requests. A delegate's phone opens
//
//   https://192.168.1.10:8443/read#t=<token>
//
// from a QR code; the page's script sends the token as "Authorization: Bearer <token>" to
// /reader/api/…. The token sits in the fragment, which browsers never send to a server, so it
// stays out of access logs and Referer headers. No pin: a phone's browser cannot pin a key,
// its user accepts the server's self-signed certificate once instead.
#pragma once

#include "protocol/error.h"

#include <QByteArray>
#include <QString>

namespace chamber::protocol {

// 24 random bytes in base64url, without padding.
constexpr int kReaderTokenLength = 32;

struct ReaderLink
{
    QString host; // IPv4, IPv6 (without brackets) or DNS name
    quint16 port = 443;
    QString token;

    QString toString() const;
};

// Accepts exactly what toString() produces (and upper-case scheme/host, a trailing slash).
Result<ReaderLink> parseReaderLink(const QString &text);

// The token from an Authorization header ("Bearer <token>"); Unauthenticated otherwise.
Result<QString> readerTokenFromHeader(const QByteArray &authorization);

// Rendered page widths, in pixels: asked-for widths are clamped to this range and rounded up
// to a step, so a page has at most a few dozen renderings to cache whatever phones ask.
constexpr int kMinPageWidth = 200;
constexpr int kMaxPageWidth = 2000;
constexpr int kPageWidthStep = 100;
constexpr int kDefaultPageWidth = 1000;

// What a request under /read or /reader/api asks for. Only a validated SHA-256 (64 lower-case
// hex digits) and integers come out of the path; nothing else of it is ever used.
struct ReaderRequest
{
    enum class Kind {
        Page, // GET /read: the HTML page (no credential: it asks for the token itself)
        Meeting, // GET /reader/api/meeting
        Document, // GET or HEAD /reader/api/docs/<sha256>: the PDF
        PageImage, // GET /reader/api/docs/<sha256>/pages/<n>?width=W
    };
    Kind kind = Kind::Page;
    QString sha256;
    int page = 0; // 1-based
    int width = kDefaultPageWidth; // after clamping and rounding
};

// `path` is the URL's decoded path, `query` its encoded query (without "?"). NotFound for
// paths that are not the reader's, BadField for a page number or width that is not a number.
Result<ReaderRequest> parseReaderRequest(const QString &path, const QString &query);

// Clamps and rounds up a width to the rendering steps.
int snapPageWidth(qint64 width);

} // namespace chamber::protocol
