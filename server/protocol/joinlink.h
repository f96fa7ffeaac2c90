// The join link a QR code carries: one https:// URL with the server's address, a single-use
// enrollment token and the pin of the server's key. A phone camera can open it too.
//
//   https://192.168.1.10:8443/join#v=1&t=<token>&p=<pin>
//
// Token and pin sit in the fragment, which browsers never send to a server, so they stay out
// of access logs and Referer headers when a phone opens the link.
#pragma once

#include "protocol/error.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace chamber::protocol {

constexpr int kJoinLinkVersion = 1;

struct JoinLink
{
    QString host; // IPv4, IPv6 (without brackets) or DNS name
    quint16 port = 443;
    QString token; // base64url, 22..128 characters
    QByteArray pin; // 32-byte SHA-256 of the server's SubjectPublicKeyInfo

    QUrl serverUrl() const; // https://host:port
    QUrl webSocketUrl() const; // wss://host:port/ws
    QString toString() const;
};

// Accepts exactly what toString() produces (and upper-case scheme/host, a trailing slash).
// Anything that is not a Chamber join link gets an Invalid error saying so; a Chamber link with
// a problem gets an error naming it.
Result<JoinLink> parseJoinLink(const QString &text);

bool isBase64Url(QStringView text);

} // namespace chamber::protocol
