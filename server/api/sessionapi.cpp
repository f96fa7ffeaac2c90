#include "api/sessionapi.h"

#include "api/accountapi.h"
#include "api/admission.h"
#include "services/accountservice.h"
#include "services/attemptthrottle.h"
#include "services/passwordhasher.h"
#include "support/log.h"

namespace chamber::api {

Q_LOGGING_CATEGORY(lcSessions, "chamber.sessions")

namespace {

using Method = HttpMethod;
using services::AccountService;

HttpReply wrongNameOrPassword()
{
    // One answer for an unknown name and a wrong password: the reply names no accounts.
    return HttpReply::error(
        makeError(ErrorCode::Unauthenticated, QStringLiteral("wrong name or password")));
}

QJsonObject sessionBody(const services::AccountInfo &account, const QByteArray &csrf)
{
    return QJsonObject {
        {QStringLiteral("account"),
            QJsonObject {{QStringLiteral("id"), account.id}, {QStringLiteral("name"), account.name},
                {QStringLiteral("displayName"), account.displayName},
                {QStringLiteral("role"), services::accountRoleName(account.role)}}},
        {QStringLiteral("csrf"), QString::fromLatin1(csrf)}};
}

} // namespace

SessionApi::SessionApi(
    services::AccountService &accounts, services::PasswordHasher &hasher, Admission *admission)
    : m_accounts(accounts)
    , m_hasher(hasher)
    , m_admission(admission)
{ }

void SessionApi::registerRoutes(Router &router)
{
    using services::Operation;
    router.add(
        Method::Post, QStringLiteral("/api/v1/session"), Operation::SessionLogin,
        [this](const RouteContext &context) { return login(context); }, AccountApi::kMaxBodyBytes);
    router.add(Method::Get, QStringLiteral("/api/v1/session"), Operation::SessionRead,
        [this](const RouteContext &context) { return read(context); });
    router.add(Method::Delete, QStringLiteral("/api/v1/session"), Operation::SessionLogout,
        [this](const RouteContext &context) { return logout(context); });
}

QByteArray SessionApi::sessionCookie(const QByteArray &value, qint64 maxAgeSeconds)
{
    // HttpOnly: no script reads it (an XSS cannot carry it away); Secure: never sent over
    // plain HTTP; SameSite=Strict: no other site's page makes the browser send it.
    return QByteArray(AccountService::kCookieName.data(), AccountService::kCookieName.size()) + '='
        + value + "; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age="
        + QByteArray::number(maxAgeSeconds);
}

HttpReply SessionApi::login(const RouteContext &context)
{
    // Login CSRF: another site's form could log the browser into an account of its choosing.
    if (!sameOrigin(context.request))
        return HttpReply::error(makeError(ErrorCode::Forbidden,
            QStringLiteral("a login from another site (Origin) was refused"),
            QStringLiteral("Origin")));
    auto body = strictJsonObject(context.request.body(),
        {QStringLiteral("name"), QStringLiteral("password")},
        {QStringLiteral("name"), QStringLiteral("password")});
    if (!body)
        return HttpReply::error(body.error());
    auto name = stringField(*body, QStringLiteral("name"));
    if (!name)
        return HttpReply::error(name.error());
    auto password = stringField(*body, QStringLiteral("password"));
    if (!password)
        return HttpReply::error(password.error());
    if (password->toUtf8().size() > AccountService::kMaxPasswordBytes)
        return wrongNameOrPassword();
    // The per-account limit counts by the name as typed (case-folded), known or not.
    const auto normalized = AccountService::normalizeName(*name);
    const QString accountKey = AccountService::nameKey(normalized ? *normalized : name->left(64));
    if (m_admission) {
        if (auto refused = m_admission->admitLogin(context.peer, accountKey))
            return HttpReply::error(*refused);
    }
    const QByteArray address = services::AttemptThrottle::keyOf(context.peer);
    if (m_checking.value(address) >= kMaxChecksPerAddress)
        return HttpReply::error(rateLimited(
            QStringLiteral("a login from this address is being checked; wait for its answer"),
            1000));
    if (!context.answerLater)
        return HttpReply::error(
            makeError(ErrorCode::Internal, QStringLiteral("this route must answer later")));
    const QString stored = m_accounts.hashToVerify(*name);
    const QHostAddress peer = context.peer;
    const bool queued = m_hasher.verify(*password, stored,
        [this, later = context.answerLater, name = *name, stored, accountKey, address, peer](
            bool matches) {
            if (--m_checking[address] <= 0)
                m_checking.remove(address);
            // The account may have gone or changed its password while the hash ran.
            const bool current = m_accounts.find(name) && m_accounts.hashToVerify(name) == stored;
            if (!matches || !current) {
                if (m_admission)
                    m_admission->loginFailed(peer, accountKey);
                later(wrongNameOrPassword());
                return;
            }
            auto session = m_accounts.openSession(name);
            if (!session) {
                later(HttpReply::error(session.error()));
                return;
            }
            log::info(lcSessions(), QStringLiteral("logged in"),
                {{QStringLiteral("account"), session->account.name},
                    {QStringLiteral("peer"), peer.toString()}});
            HttpReply reply = HttpReply::json(200, sessionBody(session->account, session->csrf));
            reply.headers.append(qMakePair(QByteArray("Set-Cookie"),
                sessionCookie(session->cookieValue, session->maxAgeSeconds)));
            later(reply);
        });
    if (!queued) {
        Error error = makeError(ErrorCode::Unavailable,
            QStringLiteral("the server is busy checking passwords; try again in a moment"));
        error.retryAfterMs = 1000;
        return HttpReply::error(error);
    }
    ++m_checking[address];
    return HttpReply::later();
}

HttpReply SessionApi::read(const RouteContext &context) const
{
    const auto account = m_accounts.accountOf(context.principal);
    if (!account)
        return HttpReply::error(
            makeError(ErrorCode::Unauthenticated, QStringLiteral("no session: log in")));
    return HttpReply::json(200, sessionBody(*account, context.principal.csrf));
}

HttpReply SessionApi::logout(const RouteContext &context)
{
    const QByteArray cookie = AccountService::cookieFromHeader(context.request.value("Cookie"));
    if (auto status = m_accounts.closeSession(cookie); !status)
        return HttpReply::error(status.error());
    log::info(lcSessions(), QStringLiteral("logged out"),
        {{QStringLiteral("account"), context.principal.id}});
    HttpReply reply;
    reply.status = 204;
    reply.contentType.clear();
    reply.headers.append(qMakePair(QByteArray("Set-Cookie"), sessionCookie(QByteArray(), 0)));
    return reply;
}

} // namespace chamber::api
