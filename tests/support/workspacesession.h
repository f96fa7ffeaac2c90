// Named accounts and browser sessions for the workspace's tests and benchmark: an account made
// with the admin token, a session opened over raw HTTPS (cookie and CSRF token), and a login
// inside a Chromium page (the cookie then lives in the browser, as after the login form).
#pragma once

#include "restcall.h"

#include <QByteArray>
#include <QString>

namespace chamber::testing {

class CdpClient;
class ServerProcess;

struct HttpSession
{
    QByteArray cookie; // "chamber_session=…", for a Cookie header
    QByteArray csrf;
    int status = 0; // of POST /api/v1/session
};

// POST /api/v1/accounts with the admin token; true on 201.
bool createAccount(ServerProcess &server, const QString &name, const QString &password,
    const QString &role);
HttpSession openSession(ServerProcess &server, const QString &name, const QString &password);
// A request with the session's cookie, and its CSRF token unless `csrf` says otherwise.
RestResponse sessionCall(ServerProcess &server, const HttpSession &session,
    const QByteArray &method, const QString &path, const QByteArray &body = {},
    const QByteArray &csrf = QByteArray("session"));
// Logs in from inside the page (it must show a page of the server): true when the server
// answered 200, so the browser holds the session cookie.
bool loginInPage(CdpClient &page, const QString &name, const QString &password);

} // namespace chamber::testing
