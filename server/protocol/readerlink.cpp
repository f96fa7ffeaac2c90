#include "protocol/readerlink.h"

#include "protocol/event.h"
#include "protocol/joinlink.h"

#include <QHostAddress>
#include <QUrl>
#include <QUrlQuery>

namespace chamber::protocol {

namespace {

Error notOurs()
{
    return makeError(ErrorCode::Invalid, QStringLiteral("this is not a Chamber reader link"),
        QStringLiteral("link"));
}

Error badField(const QString &field, const QString &message)
{
    return makeError(ErrorCode::BadField, message, field);
}

Error notFound(const QString &what)
{
    return makeError(ErrorCode::NotFound, what);
}

// A positive decimal number of at most 9 digits, without sign, spaces or leading zeros.
bool parseCount(QStringView text, qint64 *value)
{
    if (text.isEmpty() || text.size() > 9 || text.front() == u'0')
        return false;
    qint64 result = 0;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
        result = result * 10 + (c.unicode() - u'0');
    }
    *value = result;
    return true;
}

bool isToken(QStringView token)
{
    return token.size() == kReaderTokenLength && isBase64Url(token);
}

} // namespace

QString ReaderLink::toString() const
{
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(host);
    url.setPort(port);
    url.setPath(QStringLiteral("/read"));
    url.setFragment(QStringLiteral("t=") + token);
    return url.toString(QUrl::FullyEncoded);
}

Result<ReaderLink> parseReaderLink(const QString &text)
{
    if (text.size() > 1000)
        return notOurs();
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) != 0
        || (url.path() != QLatin1String("/read") && url.path() != QLatin1String("/read/")))
        return notOurs();
    if (!url.userInfo().isEmpty() || url.hasQuery())
        return makeError(ErrorCode::Invalid,
            QStringLiteral("this reader link has unexpected parts in the address"),
            QStringLiteral("link"));
    ReaderLink link;
    link.host = url.host(QUrl::FullyDecoded);
    if (link.host.isEmpty())
        return makeError(ErrorCode::Invalid,
            QStringLiteral("this reader link has no server address"), QStringLiteral("host"));
    const int port = url.port(443);
    if (port < 1 || port > 65535)
        return makeError(
            ErrorCode::Invalid, QStringLiteral("the port is not valid"), QStringLiteral("port"));
    link.port = quint16(port);
    const QUrlQuery fragment(url.fragment(QUrl::FullyEncoded));
    const auto items = fragment.queryItems(QUrl::FullyDecoded);
    if (items.size() != 1 || items.front().first != QLatin1String("t"))
        return makeError(ErrorCode::Invalid,
            QStringLiteral("a reader link carries exactly one part, t=<token>"),
            QStringLiteral("t"));
    link.token = items.front().second;
    if (!isToken(link.token))
        return makeError(ErrorCode::Invalid, QStringLiteral("the reader link's token is malformed"),
            QStringLiteral("t"));
    return link;
}

Result<QString> readerTokenFromHeader(const QByteArray &authorization)
{
    static const QByteArray prefix = "Bearer ";
    const QByteArray token = authorization.startsWith(prefix)
        ? authorization.mid(prefix.size()).trimmed()
        : QByteArray();
    const QString text = QString::fromLatin1(token);
    if (!isToken(text))
        return makeError(ErrorCode::Unauthenticated,
            QStringLiteral("a reader link's token is needed (Authorization: Bearer <token>)"),
            QStringLiteral("token"));
    return text;
}

int snapPageWidth(qint64 width)
{
    const qint64 clamped = std::clamp<qint64>(width, kMinPageWidth, kMaxPageWidth);
    return int((clamped + kPageWidthStep - 1) / kPageWidthStep * kPageWidthStep);
}

Result<ReaderRequest> parseReaderRequest(const QString &path, const QString &query)
{
    ReaderRequest request;
    if (path == QLatin1String("/read") || path == QLatin1String("/read/")) {
        request.kind = ReaderRequest::Kind::Page;
        return request;
    }
    if (path == QLatin1String("/reader/api/meeting")) {
        request.kind = ReaderRequest::Kind::Meeting;
        return request;
    }
    static const QLatin1String docs("/reader/api/docs/");
    if (!path.startsWith(docs) || path.size() > 200)
        return notFound(QStringLiteral("no such resource: the reader knows /read and /reader/api"));
    const QStringList parts = path.mid(docs.size()).split(u'/');
    if (parts.isEmpty() || !isSha256Hex(parts.front()))
        return notFound(QStringLiteral("no such document"));
    request.sha256 = parts.front();
    if (parts.size() == 1) {
        request.kind = ReaderRequest::Kind::Document;
        return request;
    }
    if (parts.size() != 3 || parts.at(1) != QLatin1String("pages"))
        return notFound(QStringLiteral("no such resource: pages are …/pages/<n>"));
    qint64 page = 0;
    if (!parseCount(parts.at(2), &page))
        return badField(QStringLiteral("page"),
            QStringLiteral("the page number must be a whole number from 1"));
    request.kind = ReaderRequest::Kind::PageImage;
    request.page = int(page);
    const QUrlQuery items(query);
    for (const auto &[key, value] : items.queryItems(QUrl::FullyDecoded)) {
        if (key != QLatin1String("width"))
            return badField(key.left(40), QStringLiteral("a page takes only ?width=<pixels>"));
        qint64 width = 0;
        if (!parseCount(value, &width))
            return badField(QStringLiteral("width"),
                QStringLiteral("width must be a whole number of pixels (%1 to %2)")
                    .arg(kMinPageWidth)
                    .arg(kMaxPageWidth));
        request.width = snapPageWidth(width);
    }
    if (items.queryItems().size() > 1)
        return badField(QStringLiteral("width"), QStringLiteral("width is given once"));
    return request;
}

} // namespace chamber::protocol
