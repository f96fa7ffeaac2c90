// Named accounts for integration tests: create one with the admin token, log in as a browser
// does, and call routes with its cookie (and CSRF token) instead of a bearer token.
#pragma once

#include "restcall.h"
#include "serverprocess.h"

#include <QByteArray>
#include <QString>

namespace chamber::testing {

struct BrowserSession
{
    QByteArray cookie; // the chamber_session value
    QByteArray csrf;
    RestResponse login; // the answer to POST /api/v1/session
    bool ok() const { return !cookie.isEmpty() && !csrf.isEmpty(); }
    // Cookie, X-CSRF-Token (when `withCsrf`) and the server's own Origin.
    QList<QPair<QByteArray, QByteArray>> headers(bool withCsrf = true) const;
};

// POST /api/v1/accounts with the admin token; the answer.
RestResponse createAccount(
    ServerProcess &server, const QString &name, const QString &role, const QString &password);
// POST /api/v1/session: the session (empty on refusal; `login` says why).
BrowserSession logIn(ServerProcess &server, const QString &name, const QString &password);
// A call with the session's cookie (and its CSRF token unless `withCsrf` is false).
RestResponse asBrowser(ServerProcess &server, const BrowserSession &session,
    const QByteArray &method, const QString &path, const QByteArray &body = {},
    bool withCsrf = true);
// The chamber_session value of a Set-Cookie header; empty when it has none.
QByteArray sessionCookieOf(const RestResponse &response);

} // namespace chamber::testing
