#include "protocol/joinlink.h"

#include "protocol/tlspin.h"

#include <QHostAddress>
#include <QUrlQuery>

namespace chamber::protocol {

namespace {

Error notOurs()
{
    return makeError(ErrorCode::Invalid, QStringLiteral("this QR code is not a Chamber join code"),
        QStringLiteral("link"));
}

Error broken(const QString &what, const QString &field)
{
    return makeError(ErrorCode::Invalid,
        QStringLiteral("this Chamber join code is damaged: %1").arg(what), field);
}

bool isHostName(const QString &host)
{
    if (host.isEmpty() || host.size() > 253)
        return false;
    for (const QStringView label : QStringView(host).split(u'.')) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(u'-') || label.endsWith(u'-'))
            return false;
        for (QChar c : label) {
            if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-')
                return false;
        }
    }
    return true;
}

} // namespace

bool isBase64Url(QStringView text)
{
    for (QChar c : text) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')
            || (u >= u'0' && u <= u'9') || u == u'-' || u == u'_';
        if (!ok)
            return false;
    }
    return true;
}

QUrl JoinLink::serverUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(host);
    url.setPort(port);
    return url;
}

QUrl JoinLink::webSocketUrl() const
{
    QUrl url = serverUrl();
    url.setScheme(QStringLiteral("wss"));
    url.setPath(QStringLiteral("/ws"));
    return url;
}

QString JoinLink::toString() const
{
    QUrl url = serverUrl();
    url.setPath(QStringLiteral("/join"));
    url.setFragment(
        QStringLiteral("v=%1&t=%2&p=%3").arg(kJoinLinkVersion).arg(token, formatPin(pin)));
    return url.toString(QUrl::FullyEncoded);
}

Result<JoinLink> parseJoinLink(const QString &text)
{
    if (text.size() > 1000)
        return notOurs();
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) != 0
        || (url.path() != QLatin1String("/join") && url.path() != QLatin1String("/join/")))
        return notOurs();
    const QUrlQuery fragment(url.fragment(QUrl::FullyEncoded));
    if (!fragment.hasQueryItem(QStringLiteral("v")))
        return notOurs();
    bool versionOk = false;
    const int version = fragment.queryItemValue(QStringLiteral("v")).toInt(&versionOk);
    if (!versionOk || version < 1)
        return broken(QStringLiteral("unknown version"), QStringLiteral("v"));
    if (version > kJoinLinkVersion)
        return makeError(ErrorCode::UnsupportedVersion,
            QStringLiteral("this join code needs a newer Chamber kiosk (version %1)").arg(version),
            QStringLiteral("v"));
    if (!url.userInfo().isEmpty() || url.hasQuery())
        return broken(QStringLiteral("unexpected parts in the address"), QStringLiteral("link"));

    JoinLink link;
    link.host = url.host(QUrl::FullyDecoded);
    if (QHostAddress(link.host).isNull() && !isHostName(link.host))
        return broken(QStringLiteral("the server address is not valid"), QStringLiteral("host"));
    const int port = url.port(443);
    if (port < 1 || port > 65535)
        return broken(QStringLiteral("the port is not valid"), QStringLiteral("port"));
    link.port = quint16(port);

    link.token = fragment.queryItemValue(QStringLiteral("t"), QUrl::FullyDecoded);
    if (link.token.size() < 22 || link.token.size() > 128 || !isBase64Url(link.token))
        return broken(QStringLiteral("the token is missing or malformed"), QStringLiteral("t"));
    link.pin = parsePin(fragment.queryItemValue(QStringLiteral("p"), QUrl::FullyDecoded));
    if (link.pin.isEmpty())
        return broken(
            QStringLiteral("the server key pin is missing or malformed"), QStringLiteral("p"));
    for (const auto &[key, value] : fragment.queryItems()) {
        Q_UNUSED(value);
        if (key != QLatin1String("v") && key != QLatin1String("t") && key != QLatin1String("p"))
            return broken(
                QStringLiteral("unknown part \"%1\"").arg(key.left(20)), QStringLiteral("link"));
    }
    if (fragment.queryItems().size() != 3)
        return broken(QStringLiteral("a part appears twice"), QStringLiteral("link"));
    return link;
}

} // namespace chamber::protocol
