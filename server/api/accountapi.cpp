#include "api/accountapi.h"

#include "services/accountservice.h"
#include "services/passwordhasher.h"
#include "support/log.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace chamber::api {

Q_LOGGING_CATEGORY(lcAccounts, "chamber.accounts")

namespace {

using Method = HttpMethod;
using services::AccountService;

HttpReply busy()
{
    Error error = makeError(ErrorCode::Unavailable,
        QStringLiteral("the server is busy checking passwords; try again in a moment"));
    error.retryAfterMs = 1000;
    return HttpReply::error(error);
}

HttpReply noLater()
{
    return HttpReply::error(
        makeError(ErrorCode::Internal, QStringLiteral("this route must answer later")));
}

} // namespace

Result<QJsonObject> strictJsonObject(
    const QByteArray &body, const QStringList &allowed, const QStringList &required)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(ErrorCode::BadJson,
            QStringLiteral("body is not valid JSON at offset %1: %2")
                .arg(parseError.offset)
                .arg(parseError.errorString()));
    if (!document.isObject())
        return makeError(ErrorCode::NotAnObject, QStringLiteral("body must be a JSON object"));
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key()))
            return makeError(ErrorCode::BadField,
                QStringLiteral("unknown field %1 (allowed: %2)")
                    .arg(it.key().left(64), allowed.join(QStringLiteral(", "))),
                it.key().left(64));
    }
    for (const QString &field : required) {
        if (!object.contains(field))
            return makeError(
                ErrorCode::MissingField, QStringLiteral("%1 is required").arg(field), field);
    }
    return object;
}

Result<QString> stringField(const QJsonObject &object, const QString &field)
{
    const QJsonValue value = object.value(field);
    if (!value.isString())
        return makeError(
            ErrorCode::BadField, QStringLiteral("%1 must be a string").arg(field), field);
    return value.toString();
}

AccountApi::AccountApi(services::AccountService &accounts, services::PasswordHasher &hasher)
    : m_accounts(accounts)
    , m_hasher(hasher)
{ }

void AccountApi::registerRoutes(Router &router)
{
    using services::Operation;
    router.add(Method::Get, QStringLiteral("/api/v1/accounts"), Operation::ListAccounts,
        [this](const RouteContext &context) { return list(context); });
    router.add(
        Method::Post, QStringLiteral("/api/v1/accounts"), Operation::CreateAccount,
        [this](const RouteContext &context) { return create(context); }, kMaxBodyBytes);
    router.add(
        Method::Patch, QStringLiteral("/api/v1/accounts/{account}"), Operation::UpdateAccount,
        [this](const RouteContext &context) { return update(context); }, kMaxBodyBytes);
    router.add(
        Method::Put, QStringLiteral("/api/v1/accounts/{account}/password"),
        Operation::SetAccountPassword,
        [this](const RouteContext &context) { return setPassword(context); }, kMaxBodyBytes);
}

HttpReply AccountApi::list(const RouteContext &) const
{
    QJsonArray accounts;
    for (const services::AccountInfo &account : m_accounts.accounts())
        accounts.append(account.toJson());
    return HttpReply::json(200, QJsonObject {{QStringLiteral("accounts"), accounts}});
}

HttpReply AccountApi::create(const RouteContext &context)
{
    auto body = strictJsonObject(context.request.body(),
        {QStringLiteral("name"), QStringLiteral("role"), QStringLiteral("displayName"),
            QStringLiteral("password"), QStringLiteral("council"), QStringLiteral("organisation")},
        {QStringLiteral("name"), QStringLiteral("role"), QStringLiteral("password")});
    if (!body)
        return HttpReply::error(body.error());
    auto name = stringField(*body, QStringLiteral("name"));
    if (!name)
        return HttpReply::error(name.error());
    auto normalized = AccountService::normalizeName(*name);
    if (!normalized)
        return HttpReply::error(normalized.error());
    auto roleName = stringField(*body, QStringLiteral("role"));
    if (!roleName)
        return HttpReply::error(roleName.error());
    const auto role = services::accountRoleFromName(*roleName);
    if (!role)
        return HttpReply::error(makeError(ErrorCode::BadField,
            QStringLiteral("role must be admin, secretary, observer or liaison"),
            QStringLiteral("role")));
    // A liaison names its council and organisation; nobody else does.
    qint64 binding[2] = {0, 0};
    const QString bindingFields[2] = {QStringLiteral("council"), QStringLiteral("organisation")};
    for (int i = 0; i < 2; ++i) {
        const QJsonValue value = body->value(bindingFields[i]);
        if (value.isUndefined()) {
            if (*role == services::AccountRole::Liaison)
                return HttpReply::error(makeError(ErrorCode::MissingField,
                    QStringLiteral("a liaison account needs its %1").arg(bindingFields[i]),
                    bindingFields[i]));
            continue;
        }
        if (*role != services::AccountRole::Liaison)
            return HttpReply::error(makeError(ErrorCode::BadField,
                QStringLiteral("only a liaison account has a %1").arg(bindingFields[i]),
                bindingFields[i]));
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number < 1 || number > 1e15 || number != qint64(number))
            return HttpReply::error(makeError(ErrorCode::BadField,
                QStringLiteral("%1 must be a whole number >= 1").arg(bindingFields[i]),
                bindingFields[i]));
        binding[i] = qint64(number);
    }
    if (*role == services::AccountRole::Liaison) {
        if (!m_liaisonCheck)
            return HttpReply::error(
                makeError(ErrorCode::Unavailable, QStringLiteral("this server keeps no councils")));
        if (auto status = m_liaisonCheck(binding[0], binding[1]); !status)
            return HttpReply::error(status.error());
    }
    QString displayName;
    if (body->contains(QLatin1String("displayName"))) {
        auto display = stringField(*body, QStringLiteral("displayName"));
        if (!display)
            return HttpReply::error(display.error());
        auto checked = AccountService::normalizeDisplayName(*display);
        if (!checked)
            return HttpReply::error(checked.error());
        displayName = *checked;
    }
    auto password = stringField(*body, QStringLiteral("password"));
    if (!password)
        return HttpReply::error(password.error());
    if (auto status = AccountService::checkPassword(*password); !status)
        return HttpReply::error(status.error());
    // Refused before the slow part (the hash), and again after it (a race between two).
    if (m_accounts.find(*normalized))
        return HttpReply::error(makeError(ErrorCode::Conflict,
            QStringLiteral("an account named %1 exists already").arg(*normalized),
            QStringLiteral("name")));
    if (!context.answerLater)
        return noLater();
    const QString actor = context.principal.id;
    const bool queued = m_hasher.hash(*password,
        [this, later = context.answerLater, name = *normalized, displayName, role = *role, actor,
            council = binding[0], organisation = binding[1]](const QString &hash) {
            auto created = m_accounts.create(name, displayName, role, hash, council, organisation);
            if (!created) {
                later(HttpReply::error(created.error()));
                return;
            }
            log::info(lcAccounts(), QStringLiteral("account created"),
                {{QStringLiteral("account"), created->name},
                    {QStringLiteral("role"), services::accountRoleName(created->role)},
                    {QStringLiteral("by"), actor}});
            later(
                HttpReply::json(201, QJsonObject {{QStringLiteral("account"), created->toJson()}}));
        });
    return queued ? HttpReply::later() : busy();
}

HttpReply AccountApi::update(const RouteContext &context)
{
    auto body = strictJsonObject(context.request.body(),
        {QStringLiteral("role"), QStringLiteral("disabled"), QStringLiteral("displayName")}, {});
    if (!body)
        return HttpReply::error(body.error());
    services::AccountChange change;
    if (body->contains(QLatin1String("role"))) {
        auto roleName = stringField(*body, QStringLiteral("role"));
        const auto role = roleName ? services::accountRoleFromName(*roleName) : std::nullopt;
        if (!role)
            return HttpReply::error(makeError(ErrorCode::BadField,
                QStringLiteral("role must be admin, secretary, observer or liaison"),
                QStringLiteral("role")));
        change.role = *role;
    }
    if (body->contains(QLatin1String("disabled"))) {
        const QJsonValue disabled = body->value(QLatin1String("disabled"));
        if (!disabled.isBool())
            return HttpReply::error(makeError(ErrorCode::BadField,
                QStringLiteral("disabled must be true or false"), QStringLiteral("disabled")));
        change.disabled = disabled.toBool();
    }
    if (body->contains(QLatin1String("displayName"))) {
        auto display = stringField(*body, QStringLiteral("displayName"));
        if (!display)
            return HttpReply::error(display.error());
        change.displayName = *display;
    }
    const QString name = context.names.at(0);
    const auto target = m_accounts.find(name);
    if (!target)
        return HttpReply::error(makeError(
            ErrorCode::NotFound, QStringLiteral("no such account"), QStringLiteral("account")));
    // An admin who disables or demotes their own account could lock everyone out.
    if (context.principal.isAccount() && context.principal.account == target->id
        && (change.role || change.disabled))
        return HttpReply::error(makeError(ErrorCode::Conflict,
            QStringLiteral("an account cannot change its own role or disable itself; ask "
                           "another admin")));
    auto updated = m_accounts.update(name, change);
    if (!updated)
        return HttpReply::error(updated.error());
    log::info(lcAccounts(), QStringLiteral("account changed"),
        {{QStringLiteral("account"), updated->name},
            {QStringLiteral("role"), services::accountRoleName(updated->role)},
            {QStringLiteral("disabled"), updated->disabled},
            {QStringLiteral("by"), context.principal.id}});
    return HttpReply::json(200, QJsonObject {{QStringLiteral("account"), updated->toJson()}});
}

HttpReply AccountApi::setPassword(const RouteContext &context)
{
    auto body = strictJsonObject(
        context.request.body(), {QStringLiteral("password")}, {QStringLiteral("password")});
    if (!body)
        return HttpReply::error(body.error());
    auto password = stringField(*body, QStringLiteral("password"));
    if (!password)
        return HttpReply::error(password.error());
    if (auto status = AccountService::checkPassword(*password); !status)
        return HttpReply::error(status.error());
    const QString name = context.names.at(0);
    if (!m_accounts.find(name))
        return HttpReply::error(makeError(
            ErrorCode::NotFound, QStringLiteral("no such account"), QStringLiteral("account")));
    if (!context.answerLater)
        return noLater();
    const QString actor = context.principal.id;
    const bool queued = m_hasher.hash(
        *password, [this, later = context.answerLater, name, actor](const QString &hash) {
            auto changed = m_accounts.setPasswordHash(name, hash);
            if (!changed) {
                later(HttpReply::error(changed.error()));
                return;
            }
            log::info(lcAccounts(), QStringLiteral("password set; the account's sessions ended"),
                {{QStringLiteral("account"), changed->name}, {QStringLiteral("by"), actor}});
            HttpReply reply;
            reply.status = 204;
            reply.contentType.clear();
            later(reply);
        });
    return queued ? HttpReply::later() : busy();
}

} // namespace chamber::api
