// Named accounts without a server: the stored password format and its checks (a wrong password,
// a truncated or garbled hash refused, never a crash), names, sessions against an injected
// clock (absolute and idle expiry), the CSRF token and the cookie header's parsing.
#include "services/accountservice.h"
#include "services/passwordhash.h"
#include "storage/migrations.h"

#include <QSignalSpy>
#include <QTest>

using namespace chamber;
using namespace chamber::services;

namespace {

// Cheap parameters for the tests that are not about the cost (the format is the same).
constexpr ScryptParameters kFast {1 << 4, 8, 1};

} // namespace

class TestAccounts : public QObject
{
    Q_OBJECT

    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<AccountService> m_accounts;
    qint64 m_now = 1'800'000'000'000;

private Q_SLOTS:
    void init()
    {
        auto db = storage::Database::openInMemory();
        QVERIFY(db);
        m_db = std::move(db.value());
        QVERIFY(storage::migrate(*m_db));
        m_accounts = std::make_unique<AccountService>(*m_db);
        m_accounts->setClock([this] { return m_now; });
        QVERIFY(m_accounts->load());
    }

    void hashFormatIsScryptWithItsParameters()
    {
        // The real parameters: what chamberd stores.
        const QString stored = hashPassword(QStringLiteral("mật khẩu đủ dài"));
        const QStringList parts = stored.split(u'$');
        QCOMPARE(parts.size(), 6);
        QCOMPARE(parts.at(0), QStringLiteral("scrypt"));
        QCOMPARE(parts.at(1), QStringLiteral("32768"));
        QCOMPARE(parts.at(2), QStringLiteral("8"));
        QCOMPARE(parts.at(3), QStringLiteral("1"));
        const auto parsed = parseStoredHash(stored);
        QVERIFY(parsed);
        QCOMPARE(parsed->salt.size(), 16);
        QCOMPARE(parsed->key.size(), 32);
        QVERIFY(verifyPassword(QStringLiteral("mật khẩu đủ dài"), stored));
        QVERIFY(!verifyPassword(QStringLiteral("mật khẩu đủ dài "), stored));
        QVERIFY(!verifyPassword(QStringLiteral("mat khau du dai"), stored));
        // A fresh salt each time: the same password never hashes alike.
        QVERIFY(hashPassword(QStringLiteral("mật khẩu đủ dài")) != stored);
    }

    void knownAnswerMatchesTheScryptSpecification()
    {
        // RFC 7914, section 12, second vector ("password", "NaCl", N=1024, r=8, p=16), first
        // 32 bytes: our hashes are standard scrypt, checkable by any other implementation.
        const QString stored = hashPasswordWithSalt(
            QStringLiteral("password"), QByteArrayLiteral("NaCl"), ScryptParameters {1024, 8, 16});
        const QByteArray key = QByteArray::fromBase64(stored.section(u'$', 5).toLatin1(),
            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        QCOMPARE(key.toHex(),
            QByteArrayLiteral("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"));
    }

    void damagedHashesAreRefusedNeverCrash_data()
    {
        QTest::addColumn<QString>("stored");
        const QString good
            = hashPasswordWithSalt(QStringLiteral("mật khẩu đủ dài"), QByteArray(16, 'x'), kFast);
        QTest::newRow("empty") << QString();
        QTest::newRow("truncated") << good.left(good.size() - 5);
        QTest::newRow("cut at a field") << good.section(u'$', 0, 4);
        QTest::newRow("extra field") << good + QStringLiteral("$x");
        QTest::newRow("other algorithm") << QString(good).replace(0, 6, QStringLiteral("bcrypt"));
        QTest::newRow("N not a power of two")
            << QString(good).replace(QStringLiteral("$16$"), QStringLiteral("$17$"));
        QTest::newRow("N zero") << QString(good).replace(
            QStringLiteral("$16$"), QStringLiteral("$0$"));
        QTest::newRow("N huge (memory bomb)")
            << QString(good).replace(QStringLiteral("$16$"), QStringLiteral("$1073741824$"));
        QTest::newRow("N signed") << QString(good).replace(
            QStringLiteral("$16$"), QStringLiteral("$+16$"));
        QTest::newRow("N and r at their bounds (4 GiB)")
            << QString(good).replace(QStringLiteral("$16$8$"), QStringLiteral("$1048576$32$"));
        QTest::newRow("r huge") << QString(good).replace(
            QStringLiteral("$8$1$"), QStringLiteral("$9999$1$"));
        QTest::newRow("p huge") << QString(good).replace(
            QStringLiteral("$8$1$"), QStringLiteral("$8$9999$"));
        QTest::newRow("salt short")
            << good.section(u'$', 0, 3) + QStringLiteral("$eHh4$") + good.section(u'$', 5);
        QTest::newRow("key not base64") << good.section(u'$', 0, 4) + QStringLiteral("$!!!!");
        QTest::newRow("garbage") << QStringLiteral("scrypt$$$$$");
        QTest::newRow("very long") << QString(100000, u'$');
        QTest::newRow("plain password") << QStringLiteral("mật khẩu đủ dài");
    }

    void damagedHashesAreRefusedNeverCrash()
    {
        QFETCH(QString, stored);
        QVERIFY(!parseStoredHash(stored));
        QVERIFY(!verifyPassword(QStringLiteral("mật khẩu đủ dài"), stored));
    }

    void namesAreNormalizedAndChecked()
    {
        // NFD input is stored as NFC; case does not make a second account.
        const QString decomposed = QStringLiteral("Thu\u0301 ky\u0301");
        const auto normalized = AccountService::normalizeName(decomposed);
        QVERIFY(normalized);
        QCOMPARE(*normalized, QStringLiteral("Thú ký"));
        QCOMPARE(AccountService::nameKey(*normalized),
            AccountService::nameKey(QStringLiteral("THÚ KÝ")));
        for (const QString &bad : {QString(), QString(65, u'a'), QStringLiteral("a\u0000b"),
                 QStringLiteral("line\nbreak"), QStringLiteral("to-trinh-\u202Efdp.exe"),
                 QStringLiteral("zero\u200Bwidth"), QStringLiteral(" leading"),
                 QStringLiteral("trailing "), QStringLiteral("a/b"), QStringLiteral("50%"),
                 QStringLiteral("a\u2028b"), QStringLiteral("nb\u00A0sp")}) {
            const auto refused = AccountService::normalizeName(bad);
            QVERIFY2(!refused, qPrintable(bad));
            QCOMPARE(refused.error().code, ErrorCode::BadField);
        }
        QVERIFY(AccountService::normalizeName(QString(64, u'ắ')));
        QVERIFY(!AccountService::checkPassword(QStringLiteral("ngắn quá")));
        QVERIFY(AccountService::checkPassword(QStringLiteral("đủ mười ký")));
        QVERIFY(!AccountService::checkPassword(QString(2000, u'x')));
    }

    void namesAreUniqueRegardlessOfCase()
    {
        const QString hash = hashPassword(QStringLiteral("mật khẩu đủ dài"), kFast);
        QVERIFY(m_accounts->create(QStringLiteral("Thư Ký"), {}, AccountRole::Secretary, hash));
        const auto again
            = m_accounts->create(QStringLiteral("thư ký"), {}, AccountRole::Observer, hash);
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::Conflict);
        QVERIFY(m_accounts->find(QStringLiteral("THƯ KÝ")));
        // A hash that is not one is never stored.
        QVERIFY(!m_accounts->create(
            QStringLiteral("khác"), {}, AccountRole::Observer, QStringLiteral("plain")));
    }

    void unknownNamesAreCheckedAgainstADummyOfTheSameCost()
    {
        const auto dummy = parseStoredHash(m_accounts->hashToVerify(QStringLiteral("nobody")));
        QVERIFY(dummy);
        QCOMPARE(dummy->parameters.n, ScryptParameters {}.n);
        QCOMPARE(dummy->parameters.r, ScryptParameters {}.r);
        QVERIFY(!verifyPassword(QString(), m_accounts->hashToVerify(QStringLiteral("nobody"))));
    }

    void sessionsExpireAfterTwelveHoursAndTwoIdle()
    {
        const QString hash = hashPassword(QStringLiteral("mật khẩu đủ dài"), kFast);
        QVERIFY(m_accounts->create(QStringLiteral("thuky"), {}, AccountRole::Secretary, hash));
        QSignalSpy ended(m_accounts.get(), &AccountService::sessionsEnded);

        // Used every hour: alive for 12 hours, not a minute more.
        auto session = m_accounts->openSession(QStringLiteral("thuky"));
        QVERIFY(session);
        QCOMPARE(session->maxAgeSeconds, 12 * 3600);
        const qint64 start = m_now;
        for (int hour = 1; hour < 12; ++hour) {
            m_now = start + hour * 3600 * 1000;
            const auto principal = m_accounts->authenticateSession(session->cookieValue);
            QVERIFY2(principal, qPrintable(QString::number(hour)));
            QCOMPARE(principal->id, QStringLiteral("account:thuky"));
            QCOMPARE(principal->accountRole, AccountRole::Secretary);
            QCOMPARE(principal->csrf, session->csrf);
        }
        m_now = start + AccountService::kSessionLifetimeMs;
        QVERIFY(!m_accounts->authenticateSession(session->cookieValue));
        QCOMPARE(ended.size(), 1);

        // Idle: two hours without use end it, one hour fifty-nine does not.
        session = m_accounts->openSession(QStringLiteral("thuky"));
        QVERIFY(session);
        m_now += AccountService::kSessionIdleMs - 60 * 1000;
        QVERIFY(m_accounts->authenticateSession(session->cookieValue));
        m_now += AccountService::kSessionIdleMs;
        QVERIFY(!m_accounts->authenticateSession(session->cookieValue));

        // The timer's sweep ends an unused session too (and says so, for its WebSockets).
        session = m_accounts->openSession(QStringLiteral("thuky"));
        QVERIFY(session);
        ended.clear();
        m_now += AccountService::kSessionIdleMs;
        m_accounts->expireSessions();
        QCOMPARE(ended.size(), 1);
        QCOMPARE(m_accounts->sessionCount(), 0);
    }

    void sessionsSurviveARestartButOnlyAsHashes()
    {
        const QString hash = hashPassword(QStringLiteral("mật khẩu đủ dài"), kFast);
        QVERIFY(m_accounts->create(QStringLiteral("thuky"), {}, AccountRole::Secretary, hash));
        const auto session = m_accounts->openSession(QStringLiteral("thuky"));
        QVERIFY(session);
        AccountService restarted(*m_db);
        restarted.setClock([this] { return m_now; });
        QVERIFY(restarted.load());
        QVERIFY(restarted.authenticateSession(session->cookieValue));
        // The table holds the token's SHA-256, not the token.
        const QByteArray token = AccountService::decodeCookieValue(session->cookieValue);
        auto stored = m_db->prepare("SELECT token_hash FROM account_sessions");
        QVERIFY(stored);
        QVERIFY(stored->next());
        QCOMPARE(stored->blob(0), AccountService::sessionHash(token));
        QVERIFY(stored->blob(0) != token);
    }

    void disablingEndsSessionsAtOnce()
    {
        const QString hash = hashPassword(QStringLiteral("mật khẩu đủ dài"), kFast);
        QVERIFY(m_accounts->create(QStringLiteral("thuky"), {}, AccountRole::Secretary, hash));
        const auto first = m_accounts->openSession(QStringLiteral("thuky"));
        const auto second = m_accounts->openSession(QStringLiteral("thuky"));
        QVERIFY(first && second);
        QSignalSpy ended(m_accounts.get(), &AccountService::sessionsEnded);
        AccountChange change;
        change.disabled = true;
        QVERIFY(m_accounts->update(QStringLiteral("thuky"), change));
        QCOMPARE(ended.size(), 1);
        QVERIFY(ended.at(0).at(1).toByteArray().isEmpty()); // all of the account's
        QVERIFY(!m_accounts->authenticateSession(first->cookieValue));
        QVERIFY(!m_accounts->authenticateSession(second->cookieValue));
        QCOMPARE(
            m_accounts->openSession(QStringLiteral("thuky")).error().code, ErrorCode::Forbidden);
        QCOMPARE(*m_db->queryInteger("SELECT count(*) FROM account_sessions"), 0);
        // A new password ends the sessions as well.
        change.disabled = false;
        QVERIFY(m_accounts->update(QStringLiteral("thuky"), change));
        const auto third = m_accounts->openSession(QStringLiteral("thuky"));
        QVERIFY(third);
        QVERIFY(m_accounts->setPasswordHash(QStringLiteral("thuky"), hash));
        QVERIFY(!m_accounts->authenticateSession(third->cookieValue));
    }

    void logoutEndsOneSession()
    {
        const QString hash = hashPassword(QStringLiteral("mật khẩu đủ dài"), kFast);
        QVERIFY(m_accounts->create(QStringLiteral("thuky"), {}, AccountRole::Secretary, hash));
        const auto first = m_accounts->openSession(QStringLiteral("thuky"));
        const auto second = m_accounts->openSession(QStringLiteral("thuky"));
        QVERIFY(m_accounts->closeSession(first->cookieValue));
        QVERIFY(!m_accounts->authenticateSession(first->cookieValue));
        QVERIFY(m_accounts->authenticateSession(second->cookieValue));
        QVERIFY(m_accounts->closeSession(first->cookieValue)); // twice: no error
    }

    void csrfTokenIsTheSessionsHmac()
    {
        const QByteArray token(32, '\x07');
        const QByteArray csrf = AccountService::csrfFor(token);
        QCOMPARE(csrf.size(), 43); // base64url of 32 bytes
        QCOMPARE(AccountService::csrfFor(token), csrf);
        QVERIFY(AccountService::csrfFor(QByteArray(32, '\x08')) != csrf);
        // Neither the token nor its stored hash.
        QVERIFY(
            csrf != token.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        QVERIFY(!csrf.contains(AccountService::sessionHash(token).toBase64(
            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
    }

    void cookieHeadersAreParsedStrictly()
    {
        const QByteArray value(43, 'A');
        QCOMPARE(AccountService::cookieFromHeader("chamber_session=" + value), value);
        QCOMPARE(AccountService::cookieFromHeader("theme=dark; chamber_session=" + value + "; x=1"),
            value);
        QVERIFY(AccountService::cookieFromHeader("other_chamber_session=" + value).isEmpty());
        QVERIFY(AccountService::cookieFromHeader("").isEmpty());
        QCOMPARE(AccountService::decodeCookieValue(value).size(), 32);
        for (const QByteArray &bad : {QByteArray(), QByteArray(42, 'A'), QByteArray(44, 'A'),
                 QByteArray(QByteArray(42, 'A') + '+'), QByteArray(QByteArray(42, 'A') + '='),
                 QByteArray(43, '\0')})
            QVERIFY(AccountService::decodeCookieValue(bad).isEmpty());
        QVERIFY(!m_accounts->authenticateSession(value)); // well-formed, unknown
    }
};

QTEST_GUILESS_MAIN(TestAccounts)
#include "test_accounts.moc"
