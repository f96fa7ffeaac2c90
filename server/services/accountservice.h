// Named accounts (admin, secretary, observer) and their browser sessions.
//
// A session is 32 random bytes, given to the browser once as the `chamber_session` cookie;
// only its SHA-256 is stored, so a copy of the database (or a backup) logs nobody in. The CSRF
// token is derived from the session's token (HMAC), so it needs no storage and changes with
// every login. Everything here runs on the main thread; password hashing (slow on purpose)
// is done by the caller in a worker thread with the functions of services/passwordhash.h.
#pragma once

#include "protocol/error.h"
#include "services/principal.h"
#include "storage/accountstore.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>
#include <vector>

namespace chamber::services {

struct AccountInfo
{
    qint64 id = 0;
    QString name;
    QString displayName;
    AccountRole role = AccountRole::Observer;
    bool disabled = false;
    QString created;
    // A liaison account's council and organisation; 0 for the other roles.
    qint64 council = 0;
    qint64 organisation = 0;

    // {id, name, displayName, role, disabled, created, council?, organisation?}: never the
    // password hash.
    QJsonObject toJson() const;
};

struct NewSession
{
    QByteArray cookieValue; // base64url of the 32-byte token: the only copy
    QByteArray csrf;
    qint64 maxAgeSeconds = 0;
    AccountInfo account;
};

// What an account change asks for; absent fields stay as they are.
struct AccountChange
{
    std::optional<AccountRole> role;
    std::optional<bool> disabled;
    std::optional<QString> displayName;
};

class AccountService : public QObject
{
    Q_OBJECT

public:
    // A council sitting is one working day: a secretary logs in once in the morning and is not
    // asked again before the evening, yet a cookie taken from a PC is worthless by the next
    // day. The idle limit covers a lunch recess but not a PC left logged in overnight or over
    // a long absence.
    static constexpr qint64 kSessionLifetimeMs = 12 * 3600 * 1000;
    static constexpr qint64 kSessionIdleMs = 2 * 3600 * 1000;
    // How stale the stored last use may be: one write a minute per session, not per request
    // (after a restart a session may look up to this much older, never younger).
    static constexpr qint64 kTouchIntervalMs = 60 * 1000;
    static constexpr int kMinPasswordLength = 10;
    static constexpr int kMaxPasswordBytes = 1024;
    static constexpr int kMaxNameLength = 64;
    static constexpr int kMaxDisplayNameLength = 128;
    static constexpr int kTokenBytes = 32;
    static constexpr QLatin1String kCookieName {"chamber_session"};

    explicit AccountService(storage::Database &db, QObject *parent = nullptr);

    Status load();
    // Milliseconds since the epoch; tests drive it. Default: the system clock.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

    // NFC, 1..64 characters, no control, format (bidi, zero-width) or separator characters
    // other than the plain space, not starting or ending with a space.
    static Result<QString> normalizeName(const QString &name);
    // Case-insensitive identity of a name ("Thu.Ky" and "thu.ky" are one account).
    static QString nameKey(const QString &normalizedName);
    static Result<QString> normalizeDisplayName(const QString &displayName);
    // At least 10 characters, at most 1 KiB; nothing else (long passphrases are welcome).
    static Status checkPassword(const QString &password);

    bool isEmpty() const { return m_accounts.isEmpty(); }
    std::vector<AccountInfo> accounts() const;
    std::optional<AccountInfo> find(const QString &name) const;
    // The stored hash to check a login against; for an unknown name a dummy hash with the same
    // parameters, so a wrong name costs as much as a wrong password and the answer's timing
    // tells no names.
    QString hashToVerify(const QString &name) const;

    // `passwordHash` from hashPassword(), made by the caller off the event loop.
    // A liaison account names its council and organisation (both > 0; the caller checked
    // that they exist); the other roles name neither.
    Result<AccountInfo> create(const QString &name, const QString &displayName, AccountRole role,
        const QString &passwordHash, qint64 council = 0, qint64 organisation = 0);
    Result<AccountInfo> update(const QString &name, const AccountChange &change);
    // Also ends the account's sessions: whoever knew the old password is logged out.
    Result<AccountInfo> setPasswordHash(const QString &name, const QString &passwordHash);

    // After the password was verified. Refuses a disabled account.
    Result<NewSession> openSession(const QString &name);
    // The session of a cookie's value; nullopt when unknown, expired, idle too long, or its
    // account is disabled. Counts as use (extends the idle limit).
    std::optional<Principal> authenticateSession(const QByteArray &cookieValue);
    // A use of a session other than a request (a WebSocket message): extends the idle limit.
    void touch(const QByteArray &sessionHash);
    // Logout. Unknown sessions are fine (logging out twice is no error).
    Status closeSession(const QByteArray &cookieValue);
    std::optional<AccountInfo> accountOf(const Principal &principal) const;

    static QByteArray csrfFor(const QByteArray &token);
    static QByteArray sessionHash(const QByteArray &token);
    // The token of a cookie value; empty unless it is exactly base64url of kTokenBytes.
    static QByteArray decodeCookieValue(const QByteArray &cookieValue);
    // The chamber_session value of a Cookie header; empty when absent.
    static QByteArray cookieFromHeader(const QByteArray &cookieHeader);

    // Forgets expired sessions (also every minute by a timer).
    void expireSessions();
    qsizetype sessionCount() const { return m_sessions.size(); }

Q_SIGNALS:
    // Sessions ended before their time: one (logout: `sessionHash` set) or all of an
    // account's (disabled, role or password changed: `sessionHash` empty). Open WebSockets
    // authenticated by them are closed at once.
    void sessionsEnded(qint64 account, const QByteArray &sessionHash);

private:
    qint64 now() const;
    const storage::AccountRow *rowByName(const QString &name) const;
    void endSessionsOf(qint64 account);
    static AccountInfo infoOf(const storage::AccountRow &row);

    storage::Database &m_db;
    storage::AccountStore m_store;
    QHash<qint64, storage::AccountRow> m_accounts;
    QHash<QString, qint64> m_byKey; // nameKey → id
    QHash<QByteArray, storage::SessionRow> m_sessions; // by token hash
    std::function<qint64()> m_clock;
    QTimer m_expiry;
};

} // namespace chamber::services
