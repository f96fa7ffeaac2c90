#include "services/accountservice.h"

#include "services/authenticator.h"
#include "services/devices.h"
#include "services/passwordhash.h"

#include <QDateTime>
#include <QMessageAuthenticationCode>

#include <algorithm>

namespace chamber::services {

namespace {

constexpr QByteArray::Base64Options kBase64
    = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

// Characters that would let a name look like another, hide part of itself, or break a log
// line: controls, format characters (bidi overrides, zero-width), unassigned and private
// code points, lone surrogates, and any separator but the plain space.
bool forbiddenInName(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    case QChar::Separator_Space:
        return c != U' ';
    default:
        return false;
    }
}

Result<QString> normalizeLabel(
    const QString &text, int maxLength, const QString &field, bool pathSafe)
{
    const QString normalized = text.normalized(QString::NormalizationForm_C);
    const QList<uint> codePoints = normalized.toUcs4();
    if (codePoints.isEmpty() || codePoints.size() > maxLength)
        return makeError(ErrorCode::BadField,
            QStringLiteral("%1 must have 1 to %2 characters").arg(field).arg(maxLength), field);
    for (uint c : codePoints) {
        if (forbiddenInName(char32_t(c)))
            return makeError(ErrorCode::BadField,
                QStringLiteral("%1 may not contain control, invisible or direction characters "
                               "(U+%2)")
                    .arg(field)
                    .arg(c, 4, 16, QLatin1Char('0')),
                field);
        // A name is a path segment of /api/v1/accounts/{account}.
        if (pathSafe && (c == '/' || c == '\\' || c == '%' || c == '?' || c == '#'))
            return makeError(ErrorCode::BadField,
                QStringLiteral("%1 may not contain / \\ %% ? or #").arg(field), field);
    }
    if (normalized.front() == u' ' || normalized.back() == u' ')
        return makeError(ErrorCode::BadField,
            QStringLiteral("%1 may not start or end with a space").arg(field), field);
    return normalized;
}

qint64 systemClock()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

QJsonObject AccountInfo::toJson() const
{
    QJsonObject json {{QStringLiteral("id"), id}, {QStringLiteral("name"), name},
        {QStringLiteral("displayName"), displayName},
        {QStringLiteral("role"), accountRoleName(role)}, {QStringLiteral("disabled"), disabled},
        {QStringLiteral("created"), created}};
    if (role == AccountRole::Liaison) {
        json.insert(QStringLiteral("council"), council);
        json.insert(QStringLiteral("organisation"), organisation);
    }
    return json;
}

AccountService::AccountService(storage::Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_store(db)
{
    m_expiry.setInterval(60 * 1000);
    connect(&m_expiry, &QTimer::timeout, this, &AccountService::expireSessions);
}

qint64 AccountService::now() const
{
    return m_clock ? m_clock() : systemClock();
}

Status AccountService::load()
{
    auto accounts = m_store.accounts();
    if (!accounts)
        return accounts.error();
    m_accounts.clear();
    m_byKey.clear();
    for (const storage::AccountRow &row : accounts.value()) {
        m_accounts.insert(row.id, row);
        m_byKey.insert(row.nameKey, row.id);
    }
    auto sessions = m_store.sessions();
    if (!sessions)
        return sessions.error();
    m_sessions.clear();
    for (const storage::SessionRow &row : sessions.value())
        m_sessions.insert(row.tokenHash, row);
    expireSessions();
    m_expiry.start();
    return success();
}

Result<QString> AccountService::normalizeName(const QString &name)
{
    return normalizeLabel(name, kMaxNameLength, QStringLiteral("name"), true);
}

QString AccountService::nameKey(const QString &normalizedName)
{
    return normalizedName.toCaseFolded().normalized(QString::NormalizationForm_C);
}

Result<QString> AccountService::normalizeDisplayName(const QString &displayName)
{
    return normalizeLabel(displayName, kMaxDisplayNameLength, QStringLiteral("displayName"), false);
}

Status AccountService::checkPassword(const QString &password)
{
    if (password.toUcs4().size() < kMinPasswordLength)
        return makeError(ErrorCode::BadField,
            QStringLiteral("the password must have at least %1 characters").arg(kMinPasswordLength),
            QStringLiteral("password"));
    if (password.toUtf8().size() > kMaxPasswordBytes)
        return makeError(ErrorCode::BadField,
            QStringLiteral("the password may have at most %1 bytes").arg(kMaxPasswordBytes),
            QStringLiteral("password"));
    return success();
}

AccountInfo AccountService::infoOf(const storage::AccountRow &row)
{
    return AccountInfo {row.id, row.name, row.displayName,
        accountRoleFromName(row.role).value_or(AccountRole::Observer), row.disabled, row.created,
        row.council, row.organisation};
}

const storage::AccountRow *AccountService::rowByName(const QString &name) const
{
    const auto normalized = normalizeName(name);
    if (!normalized)
        return nullptr;
    const auto id = m_byKey.constFind(nameKey(normalized.value()));
    if (id == m_byKey.constEnd())
        return nullptr;
    const auto row = m_accounts.constFind(*id);
    return row == m_accounts.constEnd() ? nullptr : &*row;
}

std::vector<AccountInfo> AccountService::accounts() const
{
    std::vector<AccountInfo> list;
    for (const storage::AccountRow &row : m_accounts)
        list.push_back(infoOf(row));
    std::sort(list.begin(), list.end(),
        [](const AccountInfo &a, const AccountInfo &b) { return a.id < b.id; });
    return list;
}

std::optional<AccountInfo> AccountService::find(const QString &name) const
{
    const storage::AccountRow *row = rowByName(name);
    return row ? std::optional<AccountInfo>(infoOf(*row)) : std::nullopt;
}

QString AccountService::hashToVerify(const QString &name) const
{
    if (const storage::AccountRow *row = rowByName(name))
        return row->passwordHash;
    // Same parameters as a real hash; no password derives an all-zero key.
    static const QString dummy
        = QStringLiteral("scrypt$%1$%2$%3$%4$%5")
              .arg(ScryptParameters {}.n)
              .arg(ScryptParameters {}.r)
              .arg(ScryptParameters {}.p)
              .arg(QString::fromLatin1(QByteArray(kSaltBytes, '\0').toBase64(kBase64)),
                  QString::fromLatin1(QByteArray(kKeyBytes, '\0').toBase64(kBase64)));
    return dummy;
}

Result<AccountInfo> AccountService::create(const QString &name, const QString &displayName,
    AccountRole role, const QString &passwordHash, qint64 council, qint64 organisation)
{
    if (role == AccountRole::Liaison && (council <= 0 || organisation <= 0))
        return makeError(ErrorCode::BadField,
            QStringLiteral("a liaison account needs its council and organisation"),
            council <= 0 ? QStringLiteral("council") : QStringLiteral("organisation"));
    if (role != AccountRole::Liaison && (council != 0 || organisation != 0))
        return makeError(ErrorCode::BadField,
            QStringLiteral("only a liaison account belongs to a council and organisation"),
            council != 0 ? QStringLiteral("council") : QStringLiteral("organisation"));
    auto normalized = normalizeName(name);
    if (!normalized)
        return normalized.error();
    auto display = normalizeDisplayName(displayName.isEmpty() ? normalized.value() : displayName);
    if (!display)
        return display.error();
    if (!parseStoredHash(passwordHash))
        return makeError(ErrorCode::Internal, QStringLiteral("the password could not be hashed"));
    const QString key = nameKey(normalized.value());
    if (m_byKey.contains(key))
        return makeError(ErrorCode::Conflict,
            QStringLiteral("an account named %1 exists already").arg(normalized.value()),
            QStringLiteral("name"));
    storage::AccountRow row {0, normalized.value(), key, display.value(), accountRoleName(role),
        false, passwordHash,
        QDateTime::fromMSecsSinceEpoch(now(), Qt::UTC).toString(Qt::ISODateWithMs), council,
        organisation};
    auto id = m_store.insertAccount(row);
    if (!id)
        return id.error();
    row.id = id.value();
    m_accounts.insert(row.id, row);
    m_byKey.insert(key, row.id);
    return infoOf(row);
}

Result<AccountInfo> AccountService::update(const QString &name, const AccountChange &change)
{
    const storage::AccountRow *found = rowByName(name);
    if (!found)
        return makeError(
            ErrorCode::NotFound, QStringLiteral("no such account"), QStringLiteral("account"));
    storage::AccountRow row = *found;
    if (change.displayName) {
        auto display = normalizeDisplayName(*change.displayName);
        if (!display)
            return display.error();
        row.displayName = display.value();
    }
    // A liaison is bound to its council and organisation when created; turning another
    // account into one (or back) would leave it without them, or with a stale binding.
    if (change.role
        && (*change.role == AccountRole::Liaison)
            != (row.role == accountRoleName(AccountRole::Liaison)))
        return makeError(ErrorCode::Conflict,
            QStringLiteral("an account cannot become or stop being a liaison; create a liaison "
                           "account instead"),
            QStringLiteral("role"));
    if (change.role)
        row.role = accountRoleName(*change.role);
    if (change.disabled)
        row.disabled = *change.disabled;
    // A disabled account, or one whose rights changed, starts over: its open sessions (and
    // WebSockets) would otherwise keep what it had.
    const bool endSessions = row.disabled != found->disabled || row.role != found->role;
    storage::Transaction transaction(m_db);
    if (!transaction.begun())
        return transaction.begun().error();
    if (auto status = m_store.updateAccount(row); !status)
        return status.error();
    if (endSessions) {
        if (auto status = m_store.deleteSessionsOf(row.id); !status)
            return status.error();
    }
    if (auto status = transaction.commit(); !status)
        return status.error();
    m_accounts.insert(row.id, row);
    if (endSessions)
        endSessionsOf(row.id);
    return infoOf(row);
}

Result<AccountInfo> AccountService::setPasswordHash(
    const QString &name, const QString &passwordHash)
{
    const storage::AccountRow *found = rowByName(name);
    if (!found)
        return makeError(
            ErrorCode::NotFound, QStringLiteral("no such account"), QStringLiteral("account"));
    if (!parseStoredHash(passwordHash))
        return makeError(ErrorCode::Internal, QStringLiteral("the password could not be hashed"));
    storage::AccountRow row = *found;
    row.passwordHash = passwordHash;
    storage::Transaction transaction(m_db);
    if (!transaction.begun())
        return transaction.begun().error();
    if (auto status = m_store.updateAccount(row); !status)
        return status.error();
    if (auto status = m_store.deleteSessionsOf(row.id); !status)
        return status.error();
    if (auto status = transaction.commit(); !status)
        return status.error();
    m_accounts.insert(row.id, row);
    endSessionsOf(row.id);
    return infoOf(row);
}

void AccountService::endSessionsOf(qint64 account)
{
    for (auto it = m_sessions.begin(); it != m_sessions.end();)
        it = it->account == account ? m_sessions.erase(it) : std::next(it);
    Q_EMIT sessionsEnded(account, QByteArray());
}

Result<NewSession> AccountService::openSession(const QString &name)
{
    const storage::AccountRow *row = rowByName(name);
    if (!row)
        return makeError(ErrorCode::Unauthenticated, QStringLiteral("wrong name or password"));
    if (row->disabled)
        return makeError(ErrorCode::Forbidden, QStringLiteral("this account is disabled"));
    const QByteArray token = randomSecret(kTokenBytes);
    const qint64 nowMs = now();
    const storage::SessionRow session {
        sessionHash(token), row->id, nowMs, nowMs, nowMs + kSessionLifetimeMs};
    if (auto status = m_store.insertSession(session); !status)
        return status.error();
    m_sessions.insert(session.tokenHash, session);
    return NewSession {
        token.toBase64(kBase64), csrfFor(token), kSessionLifetimeMs / 1000, infoOf(*row)};
}

std::optional<Principal> AccountService::authenticateSession(const QByteArray &cookieValue)
{
    const QByteArray token = decodeCookieValue(cookieValue);
    if (token.isEmpty())
        return std::nullopt;
    const QByteArray hash = sessionHash(token);
    auto it = m_sessions.find(hash);
    if (it == m_sessions.end())
        return std::nullopt;
    const qint64 nowMs = now();
    const auto account = m_accounts.constFind(it->account);
    if (it->expiresMs <= nowMs || it->lastUsedMs + kSessionIdleMs <= nowMs
        || account == m_accounts.constEnd() || account->disabled) {
        m_sessions.erase(it);
        (void)m_store.deleteSession(hash); // expired anyway: refused from memory
        Q_EMIT sessionsEnded(account == m_accounts.constEnd() ? 0 : account->id, hash);
        return std::nullopt;
    }
    if (nowMs - it->lastUsedMs >= kTouchIntervalMs) {
        it->lastUsedMs = nowMs;
        (void)m_store.touchSession(hash, nowMs); // at worst the session looks idle a minute early
    }
    const auto role = accountRoleFromName(account->role);
    if (!role)
        return std::nullopt;
    Principal principal = Principal::forAccount(account->id, account->name, *role);
    principal.csrf = csrfFor(token);
    principal.sessionHash = hash;
    principal.council = account->council;
    principal.organisation = account->organisation;
    return principal;
}

void AccountService::touch(const QByteArray &sessionHash)
{
    auto it = m_sessions.find(sessionHash);
    if (it == m_sessions.end())
        return;
    const qint64 nowMs = now();
    if (nowMs - it->lastUsedMs >= kTouchIntervalMs && it->lastUsedMs + kSessionIdleMs > nowMs) {
        it->lastUsedMs = nowMs;
        (void)m_store.touchSession(sessionHash, nowMs);
    }
}

Status AccountService::closeSession(const QByteArray &cookieValue)
{
    const QByteArray token = decodeCookieValue(cookieValue);
    if (token.isEmpty())
        return success();
    const QByteArray hash = sessionHash(token);
    const auto it = m_sessions.constFind(hash);
    if (it == m_sessions.constEnd())
        return success();
    const qint64 account = it->account;
    if (auto status = m_store.deleteSession(hash); !status)
        return status;
    m_sessions.remove(hash);
    Q_EMIT sessionsEnded(account, hash);
    return success();
}

std::optional<AccountInfo> AccountService::accountOf(const Principal &principal) const
{
    if (!principal.isAccount())
        return std::nullopt;
    const auto row = m_accounts.constFind(principal.account);
    return row == m_accounts.constEnd() ? std::nullopt : std::optional<AccountInfo>(infoOf(*row));
}

QByteArray AccountService::csrfFor(const QByteArray &token)
{
    return QMessageAuthenticationCode::hash(
        QByteArrayLiteral("chamber-csrf"), token, QCryptographicHash::Sha256)
        .toBase64(kBase64);
}

QByteArray AccountService::sessionHash(const QByteArray &token)
{
    return hashSecret(token);
}

QByteArray AccountService::decodeCookieValue(const QByteArray &cookieValue)
{
    if (cookieValue.size() != 43) // base64url of 32 bytes, unpadded
        return {};
    auto decoded = QByteArray::fromBase64Encoding(
        cookieValue, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != kTokenBytes)
        return {};
    return decoded.decoded;
}

QByteArray AccountService::cookieFromHeader(const QByteArray &cookieHeader)
{
    const QByteArray prefix = QByteArray(kCookieName.data(), kCookieName.size()) + '=';
    for (const QByteArray &part : cookieHeader.split(';')) {
        const QByteArray trimmed = part.trimmed();
        if (trimmed.startsWith(prefix))
            return trimmed.mid(prefix.size());
    }
    return {};
}

void AccountService::expireSessions()
{
    const qint64 nowMs = now();
    std::vector<std::pair<qint64, QByteArray>> ended;
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        if (it->expiresMs <= nowMs || it->lastUsedMs + kSessionIdleMs <= nowMs) {
            ended.emplace_back(it->account, it.key());
            it = m_sessions.erase(it);
        } else {
            ++it;
        }
    }
    for (const auto &[account, hash] : ended) {
        (void)m_store.deleteSession(hash); // a failed delete is retried by the next round
        Q_EMIT sessionsEnded(account, hash);
    }
}

} // namespace chamber::services
