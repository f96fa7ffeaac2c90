// Logging in from inside a Chromium page for the workspace's tests and benchmark: the browser
// then holds the session cookie, as after the login form. (Accounts and sessions over raw
// HTTPS are in accounts.h.)
#pragma once

#include <QString>

namespace chamber::testing {

class CdpClient;

// Logs in from inside the page (it must show a page of the server): true when the server
// answered 200, so the browser holds the session cookie.
bool loginInPage(CdpClient &page, const QString &name, const QString &password);

} // namespace chamber::testing
