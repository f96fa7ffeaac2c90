// REST for a browser's session: POST /api/v1/session (log in with name and password: a
// `chamber_session` cookie and the CSRF token), GET /api/v1/session (who am I, and the CSRF
// token again after a reload), DELETE /api/v1/session (log out).
//
// Password guessing is slowed three ways: every check costs a scrypt hash (in a worker
// thread), failures are limited per address and per account name (Admission::admitLogin:
// refused unchecked with 429 and Retry-After once over), and each address may have only a few
// checks in flight, so parallel requests do not outrun the count.
#pragma once

#include "api/router.h"

#include <QHash>

namespace chamber::services {
class AccountService;
class PasswordHasher;
} // namespace chamber::services

namespace chamber::api {

class Admission;

class SessionApi
{
public:
    SessionApi(
        services::AccountService &accounts, services::PasswordHasher &hasher, Admission *admission);
    void registerRoutes(Router &router);

    static constexpr int kMaxChecksPerAddress = 2;

    static QByteArray sessionCookie(const QByteArray &value, qint64 maxAgeSeconds);

private:
    HttpReply login(const RouteContext &context);
    HttpReply read(const RouteContext &context) const;
    HttpReply logout(const RouteContext &context);

    services::AccountService &m_accounts;
    services::PasswordHasher &m_hasher;
    Admission *m_admission;
    QHash<QByteArray, int> m_checking; // address key → checks in flight
};

} // namespace chamber::api
