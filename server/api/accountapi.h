// REST for named accounts: GET/POST /api/v1/accounts, PATCH /api/v1/accounts/{account}
// (role, disabled, displayName), PUT /api/v1/accounts/{account}/password. For the admin token
// and admin accounts (services/permissions.cpp). Passwords are hashed off the event loop,
// never logged and never answered.
#pragma once

#include "api/router.h"

#include <QJsonObject>
#include <QStringList>

#include <functional>

namespace chamber::services {
class AccountService;
class PasswordHasher;
} // namespace chamber::services

namespace chamber::api {

// Small JSON bodies of the account and session routes: a JSON object with only `allowed`
// fields, `required` present; each error names its field.
Result<QJsonObject> strictJsonObject(
    const QByteArray &body, const QStringList &allowed, const QStringList &required);
// A field that must be a string when present.
Result<QString> stringField(const QJsonObject &object, const QString &field);

class AccountApi
{
public:
    AccountApi(services::AccountService &accounts, services::PasswordHasher &hasher);
    void registerRoutes(Router &router);

    static constexpr qint64 kMaxBodyBytes = 4096;

    // Whether a liaison account's council and organisation exist (CouncilService); unset: no
    // liaison account can be created.
    using LiaisonCheck = std::function<Status(qint64 council, qint64 organisation)>;
    void setLiaisonCheck(LiaisonCheck check) { m_liaisonCheck = std::move(check); }

private:
    HttpReply list(const RouteContext &context) const;
    HttpReply create(const RouteContext &context);
    HttpReply update(const RouteContext &context);
    HttpReply setPassword(const RouteContext &context);

    services::AccountService &m_accounts;
    services::PasswordHasher &m_hasher;
    LiaisonCheck m_liaisonCheck;
};

} // namespace chamber::api
