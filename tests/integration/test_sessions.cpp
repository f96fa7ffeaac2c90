// Named accounts against the real chamberd: logging in and out, the cookie's attributes, CSRF
// and Origin refusals that change nothing, an observer that only reads, a disabled account
// whose session (and open WebSocket) ends at once, the actor in the event log, and password
// guessing: refused unchecked after the limit, per address and per account, with the guesses
// per second one address gets measured and printed.
#include "accounts.h"
#include "chamberctlrun.h"
#include "protocol/message.h"
#include "protocol/tlspin.h"
#include "restcall.h"
#include "serverprocess.h"
#include "tcpproxy.h"
#include "wsclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>

using namespace chamber;
using namespace chamber::testing;

namespace {

const QString kPassword = QStringLiteral("mật khẩu đủ dài 2026");

QJsonObject hello(const QString &credential)
{
    return {{QStringLiteral("type"), QStringLiteral("hello")},
        {QStringLiteral("protocol"), protocol::kProtocolVersion},
        {QStringLiteral("credential"), credential}};
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// chamberd with the demo meeting and a [limits] section.
class AccountServer
{
public:
    bool start(const QByteArray &limits = {})
    {
        const QString path = writeTestFile(m_dir, QStringLiteral("chamberd.conf"),
            "[network]\nconnection-rate = 0\n[limits]\n" + limits);
        return process.start({QStringLiteral("--demo"), QStringLiteral("--config"), path});
    }

    RestResponse admin(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        return restCall(
            method, process.baseUrl() + path, process.pin(), process.adminToken(), body);
    }

    ServerProcess process;

private:
    QTemporaryDir m_dir;
};

} // namespace

class TestSessions : public QObject
{
    Q_OBJECT

    AccountServer m_server;
    QByteArray agenda()
    {
        return m_server.admin("GET", QStringLiteral("/api/v1/meetings/1/agenda")).body;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start("auth-failures = 1000\n"));
        // The first start tells how to make the first admin, and no account exists.
        QCOMPARE(m_server.process
                     .records(QStringLiteral("no accounts yet: create the first admin with "
                                             "`chamberctl account add NAME --role admin` (it "
                                             "asks for the password)"))
                     .size(),
            1);
        QCOMPARE(m_server.admin("GET", QStringLiteral("/api/v1/accounts"))
                     .json()
                     .value(QLatin1String("accounts"))
                     .toArray()
                     .size(),
            0);
        for (const auto &[name, role] :
            {std::pair {"thư ký", "secretary"}, std::pair {"báo chí", "observer"},
                std::pair {"quản trị", "admin"}, std::pair {"tạm thời", "secretary"}}) {
            const RestResponse created = createAccount(
                m_server.process, QString::fromUtf8(name), QString::fromLatin1(role), kPassword);
            QVERIFY2(created.status == 201, created.body.constData());
            QVERIFY(!created.body.contains("scrypt"));
            QVERIFY(!created.body.contains(kPassword.toUtf8()));
        }
    }

    void noSessionIsUnauthenticated()
    {
        const QString path = QStringLiteral("/api/v1/meetings/1");
        QCOMPARE(
            restCall("GET", m_server.process.baseUrl() + path, m_server.process.pin()).status, 401);
        BrowserSession forged;
        forged.cookie = QByteArray(43, 'A');
        forged.csrf = "x";
        QCOMPARE(asBrowser(m_server.process, forged, "GET", path).status, 401);
        QCOMPARE(
            asBrowser(m_server.process, forged, "GET", QStringLiteral("/api/v1/session")).status,
            401);
    }

    void loginGivesAStrictCookie()
    {
        const BrowserSession session = logIn(m_server.process, QStringLiteral("THƯ KÝ"), kPassword);
        QVERIFY2(session.ok(), session.login.body.constData());
        const QByteArray setCookie = session.login.header("Set-Cookie");
        for (const char *attribute :
            {"; Path=/", "; HttpOnly", "; Secure", "; SameSite=Strict", "; Max-Age=43200"})
            QVERIFY2(setCookie.contains(attribute), setCookie.constData());
        QCOMPARE(session.cookie.size(), 43);
        const QJsonObject account = session.login.json().value(QLatin1String("account")).toObject();
        QCOMPARE(account.value(QLatin1String("name")).toString(), QStringLiteral("thư ký"));
        QCOMPARE(account.value(QLatin1String("role")).toString(), QStringLiteral("secretary"));
        // GET /session says the same, with the same CSRF token, and sets no cookie.
        const RestResponse read
            = asBrowser(m_server.process, session, "GET", QStringLiteral("/api/v1/session"));
        QCOMPARE(read.status, 200);
        QCOMPARE(read.json().value(QLatin1String("csrf")).toString().toLatin1(), session.csrf);
        QVERIFY(read.header("Set-Cookie").isEmpty());
    }

    void wrongNameAndWrongPasswordLookAlike()
    {
        const BrowserSession wrongPassword
            = logIn(m_server.process, QStringLiteral("thư ký"), QStringLiteral("không đúng đâu"));
        const BrowserSession unknownName
            = logIn(m_server.process, QStringLiteral("không có ai"), kPassword);
        QCOMPARE(wrongPassword.login.status, 401);
        QCOMPARE(unknownName.login.status, 401);
        QCOMPARE(wrongPassword.login.body, unknownName.login.body);
        QVERIFY(wrongPassword.login.header("Set-Cookie").isEmpty());
        // Malformed bodies are told what is wrong.
        const auto post = [this](const QByteArray &body) {
            return restCall("POST", m_server.process.baseUrl() + QStringLiteral("/api/v1/session"),
                m_server.process.pin(), {}, body);
        };
        QCOMPARE(post("{").status, 400);
        QCOMPARE(post(R"({"name":"a"})").json().value(QLatin1String("field")).toString(),
            QStringLiteral("password"));
        QCOMPARE(post(R"({"name":1,"password":"x"})").status, 400);
        QCOMPARE(post(R"({"name":"a","password":"x","admin":true})").status, 400);
    }

    void csrfMissingOrWrongIsForbiddenAndChangesNothing()
    {
        const BrowserSession session = logIn(m_server.process, QStringLiteral("thư ký"), kPassword);
        QVERIFY(session.ok());
        const QByteArray before = agenda();
        const QString path = QStringLiteral("/api/v1/meetings/1/agenda");
        const QByteArray item = json({{QStringLiteral("title"), QStringLiteral("Giả mạo")}});
        const QByteArray cookie = "chamber_session=" + session.cookie;
        const QList<QList<QPair<QByteArray, QByteArray>>> forgeries {
            {{"Cookie", cookie}}, // no token
            {{"Cookie", cookie}, {"X-CSRF-Token", session.csrf.left(42) + 'x'}},
            {{"Cookie", cookie}, {"X-CSRF-Token", ""}},
            {{"Cookie", cookie}, {"X-CSRF-Token", session.csrf},
                {"Origin", "https://evil.example"}}, // right token, another site
        };
        for (const auto &headers : forgeries) {
            const RestResponse refused = restCall("POST", m_server.process.baseUrl() + path,
                m_server.process.pin(), {}, item, headers);
            QCOMPARE(refused.status, 403);
            QCOMPARE(refused.json().value(QLatin1String("code")).toString(),
                QStringLiteral("forbidden"));
        }
        // Logout without the token is refused too (a page of another site cannot log us out).
        QCOMPARE(asBrowser(m_server.process, session, "DELETE", QStringLiteral("/api/v1/session"),
                     {}, false)
                     .status,
            403);
        QCOMPARE(agenda(), before);
        // With it, the same request works and the log names the account.
        const RestResponse added = asBrowser(m_server.process, session, "POST", path, item);
        QVERIFY2(added.status == 201 || added.status == 200, added.body.constData());
        QVERIFY(agenda() != before);
        const QByteArray events
            = m_server.admin("GET", QStringLiteral("/api/v1/meetings/1/events?since=0")).body;
        const QList<QByteArray> lines = events.trimmed().split('\n');
        const QJsonObject last = QJsonDocument::fromJson(lines.last()).object();
        QCOMPARE(last.value(QLatin1String("kind")).toString(), QStringLiteral("agenda.added"));
        QCOMPARE(last.value(QLatin1String("actor")).toString(), QStringLiteral("account:thư ký"));
        // The export with the account's events verifies (chamberctl verify replays the actor).
        QTemporaryDir work;
        const QString exported = work.filePath(QStringLiteral("log.jsonl"));
        const QStringList connection {QStringLiteral("--data"), m_server.process.dataDir(),
            QStringLiteral("--server"), m_server.process.baseUrl()};
        CtlRun run = runChamberctl(connection
            + QStringList {QStringLiteral("export"), QStringLiteral("1"),
                QStringLiteral("--output"), exported});
        QCOMPARE(run.exitCode, 0);
        run = runChamberctl({QStringLiteral("verify"), exported});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("chain intact")));
        // The same page with the server's own Origin is fine.
        QList<QPair<QByteArray, QByteArray>> own = session.headers();
        own.append({"Origin", "https://" + QUrl(m_server.process.baseUrl()).authority().toUtf8()});
        QCOMPARE(restCall("POST", m_server.process.baseUrl() + path, m_server.process.pin(), {},
                     item, own)
                     .status,
            201);
    }

    void observerOnlyReads()
    {
        const BrowserSession observer
            = logIn(m_server.process, QStringLiteral("báo chí"), kPassword);
        QVERIFY(observer.ok());
        QCOMPARE(asBrowser(m_server.process, observer, "GET", QStringLiteral("/api/v1/meetings/1"))
                     .status,
            200);
        const QByteArray before = agenda();
        const RestResponse refused = asBrowser(m_server.process, observer, "POST",
            QStringLiteral("/api/v1/meetings/1/agenda"),
            json({{QStringLiteral("title"), QStringLiteral("Báo chí thêm")}}));
        QCOMPARE(refused.status, 403);
        QCOMPARE(agenda(), before);
        // Nor over its WebSocket, nor devices, nor accounts.
        WsClient socket(m_server.process.pin());
        socket.setUpgradeHeaders({{"Cookie", "chamber_session=" + observer.cookie}});
        QVERIFY(socket.open(m_server.process.wsUrl()));
        const QJsonObject opened = socket.request(hello(QStringLiteral("session")));
        QCOMPARE(opened.value(QLatin1String("type")).toString(), QStringLiteral("ok"));
        QCOMPARE(opened.value(QLatin1String("result")).toObject().value(QLatin1String("principal")),
            QStringLiteral("account:báo chí"));
        const QJsonObject command
            = socket.request({{QStringLiteral("type"), QStringLiteral("agenda.add")},
                {QStringLiteral("meeting"), 1}, {QStringLiteral("title"), QStringLiteral("x")}});
        QCOMPARE(command.value(QLatin1String("code")).toString(), QStringLiteral("forbidden"));
        QCOMPARE(agenda(), before);
        QCOMPARE(asBrowser(m_server.process, observer, "GET",
                     QStringLiteral("/api/v1/meetings/1/devices"))
                     .status,
            403);
        QCOMPARE(
            asBrowser(m_server.process, observer, "GET", QStringLiteral("/api/v1/accounts")).status,
            403);
    }

    void webSocketFromAnotherSiteIsRefused()
    {
        const BrowserSession session = logIn(m_server.process, QStringLiteral("thư ký"), kPassword);
        QVERIFY(session.ok());
        WsClient socket(m_server.process.pin());
        socket.setUpgradeHeaders(
            {{"Cookie", "chamber_session=" + session.cookie}, {"Origin", "https://evil.example"}});
        QVERIFY(socket.open(m_server.process.wsUrl()));
        const QJsonObject refused = socket.request(hello(QStringLiteral("session")));
        QCOMPARE(refused.value(QLatin1String("code")).toString(), QStringLiteral("forbidden"));
        // Without a cookie "session" names nobody.
        WsClient bare(m_server.process.pin());
        QVERIFY(bare.open(m_server.process.wsUrl()));
        QCOMPARE(bare.request(hello(QStringLiteral("session"))).value(QLatin1String("code")),
            QStringLiteral("unauthenticated"));
    }

    void disabledAccountsSessionEndsAtOnce()
    {
        const BrowserSession session
            = logIn(m_server.process, QStringLiteral("tạm thời"), kPassword);
        QVERIFY(session.ok());
        WsClient socket(m_server.process.pin());
        socket.setUpgradeHeaders({{"Cookie", "chamber_session=" + session.cookie}});
        QVERIFY(socket.open(m_server.process.wsUrl()));
        QCOMPARE(socket.request(hello(QStringLiteral("session"))).value(QLatin1String("type")),
            QStringLiteral("ok"));
        QCOMPARE(socket
                     .request({{QStringLiteral("type"), QStringLiteral("subscribe")},
                         {QStringLiteral("meeting"), 1}})
                     .value(QLatin1String("type")),
            QStringLiteral("ok"));
        const BrowserSession admin = logIn(m_server.process, QStringLiteral("quản trị"), kPassword);
        QVERIFY(admin.ok());
        // An admin account cannot disable itself; it can disable another.
        QCOMPARE(asBrowser(m_server.process, admin, "PATCH",
                     QStringLiteral("/api/v1/accounts/quản trị"), R"({"disabled":true})")
                     .status,
            409);
        const RestResponse disabled = asBrowser(m_server.process, admin, "PATCH",
            QStringLiteral("/api/v1/accounts/tạm thời"), R"({"disabled":true})");
        QCOMPARE(disabled.status, 200);
        QVERIFY(QTest::qWaitFor([&] { return !socket.isConnected(); }, 5000));
        QCOMPARE(asBrowser(m_server.process, session, "GET", QStringLiteral("/api/v1/meetings/1"))
                     .status,
            401);
        // The right password now gets 403; a wrong one the usual 401.
        QCOMPARE(logIn(m_server.process, QStringLiteral("tạm thời"), kPassword).login.status, 403);
        QCOMPARE(logIn(m_server.process, QStringLiteral("tạm thời"), QStringLiteral("sai mật khẩu"))
                     .login.status,
            401);
    }

    void logoutEndsTheSessionAndItsSocket()
    {
        const BrowserSession session = logIn(m_server.process, QStringLiteral("thư ký"), kPassword);
        const BrowserSession other = logIn(m_server.process, QStringLiteral("thư ký"), kPassword);
        QVERIFY(session.ok() && other.ok());
        WsClient socket(m_server.process.pin());
        socket.setUpgradeHeaders({{"Cookie", "chamber_session=" + session.cookie}});
        QVERIFY(socket.open(m_server.process.wsUrl()));
        QCOMPARE(socket.request(hello(QStringLiteral("session"))).value(QLatin1String("type")),
            QStringLiteral("ok"));
        const RestResponse out
            = asBrowser(m_server.process, session, "DELETE", QStringLiteral("/api/v1/session"));
        QCOMPARE(out.status, 204);
        QVERIFY(out.header("Set-Cookie").contains("Max-Age=0"));
        QCOMPARE(
            asBrowser(m_server.process, session, "GET", QStringLiteral("/api/v1/session")).status,
            401);
        QVERIFY(QTest::qWaitFor([&] { return !socket.isConnected(); }, 5000));
        // The same account's other browser stays logged in.
        QCOMPARE(
            asBrowser(m_server.process, other, "GET", QStringLiteral("/api/v1/session")).status,
            200);
    }

    void accountBodiesAreChecked()
    {
        const auto create = [this](const QByteArray &body) {
            return m_server.admin("POST", QStringLiteral("/api/v1/accounts"), body);
        };
        QCOMPARE(create(R"({"name":"ngắn","role":"secretary","password":"123"})")
                     .json()
                     .value(QLatin1String("field")),
            QStringLiteral("password"));
        QCOMPARE(create(R"({"name":"x","role":"chair","password":"0123456789"})")
                     .json()
                     .value(QLatin1String("field")),
            QStringLiteral("role"));
        QCOMPARE(create(R"({"name":"a/b","role":"observer","password":"0123456789"})").status, 400);
        QCOMPARE(
            create(R"({"name":"THƯ KÝ","role":"observer","password":"0123456789"})").status, 409);
        QCOMPARE(
            m_server
                .admin("PATCH", QStringLiteral("/api/v1/accounts/không có"), R"({"disabled":true})")
                .status,
            404);
        QCOMPARE(
            m_server
                .admin("PATCH", QStringLiteral("/api/v1/accounts/thư ký"), R"({"disabled":"yes"})")
                .status,
            400);
    }

    // Twelve logins at once (from six addresses, two each) while a secretary's socket pings:
    // the hashes run in worker threads, so the pings are answered meanwhile. The latencies are
    // printed (the machine's load decides them); asserted: every login and ping answered.
    void loginStormLeavesTheEventLoopFree()
    {
        AccountServer server;
        QVERIFY(server.start("auth-failures = 1000\n"));
        QCOMPARE(createAccount(server.process, QStringLiteral("thư ký"),
                     QStringLiteral("secretary"), kPassword)
                     .status,
            201);
        WsClient socket(server.process.pin());
        QVERIFY(socket.connectAndHello(server.process.wsUrl(), server.process.adminToken()));
        QNetworkAccessManager network;
        std::vector<std::unique_ptr<TcpProxy>> proxies;
        QList<QNetworkReply *> logins;
        for (int address = 2; address <= 7; ++address) {
            auto proxy = std::make_unique<TcpProxy>(server.process.port());
            proxy->setSourceAddress(QHostAddress(QStringLiteral("127.0.0.%1").arg(address)));
            QVERIFY(proxy->listen());
            for (int i = 0; i < 2; ++i) {
                QNetworkRequest request(
                    QUrl(QStringLiteral("https://127.0.0.1:%1/api/v1/session").arg(proxy->port())));
                request.setSslConfiguration(protocol::pinnedClientConfiguration());
                request.setHeader(
                    QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
                QNetworkReply *reply = network.post(request,
                    json({{QStringLiteral("name"), QStringLiteral("thư ký")},
                        {QStringLiteral("password"),
                            QStringLiteral("sai %1 %2").arg(address).arg(i)}}));
                const QByteArray pin = server.process.pin();
                QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                    [reply, pin](const QList<QSslError> &errors) {
                        if (protocol::peerMatchesPin(
                                reply->sslConfiguration().peerCertificate(), pin))
                            reply->ignoreSslErrors(errors);
                    });
                logins << reply;
            }
            proxies.push_back(std::move(proxy));
        }
        QElapsedTimer storm;
        storm.start();
        qint64 worstPingMs = 0;
        int pings = 0;
        const auto allDone = [&] {
            return std::all_of(logins.begin(), logins.end(),
                [](QNetworkReply *reply) { return reply->isFinished(); });
        };
        while (!allDone() && storm.elapsed() < 60000) {
            QElapsedTimer ping;
            ping.start();
            const QJsonObject pong
                = socket.request({{QStringLiteral("type"), QStringLiteral("ping")}});
            QCOMPARE(pong.value(QLatin1String("type")).toString(), QStringLiteral("ok"));
            worstPingMs = std::max(worstPingMs, ping.elapsed());
            ++pings;
        }
        QVERIFY(allDone());
        for (QNetworkReply *reply : std::as_const(logins)) {
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
            reply->deleteLater();
        }
        qInfo("12 concurrent logins answered in %lld ms; meanwhile %d pings, the slowest %lld ms",
            storm.elapsed(), pings, worstPingMs);
        QVERIFY(pings >= 1);
    }

    // Guessing from one address: after `auth-failures` wrong passwords the address is refused
    // unchecked (429) until its wait is over, and the wait doubles while the guessing goes on.
    void guessingIsRefusedUncheckedAfterTheLimit()
    {
        AccountServer server;
        QVERIFY(server.start("auth-failures = 5\n"));
        QVERIFY(createAccount(server.process, QStringLiteral("thư ký"), QStringLiteral("secretary"),
                    kPassword)
                    .status
            == 201);
        // Different names each time, so that only the address's limit counts.
        for (int i = 0; i < 5; ++i)
            QCOMPARE(
                logIn(server.process, QStringLiteral("ai %1").arg(i), kPassword).login.status, 401);
        // Now even the right password is refused without being checked.
        const BrowserSession refused = logIn(server.process, QStringLiteral("thư ký"), kPassword);
        QCOMPARE(refused.login.status, 429);
        QVERIFY(!refused.login.header("Retry-After").isEmpty());
        QCOMPARE(server.process.records(QStringLiteral("logged in")).size(), 0);

        // Another address is not affected.
        TcpProxy elsewhere(server.process.port());
        elsewhere.setSourceAddress(QHostAddress(QStringLiteral("127.0.0.2")));
        QVERIFY(elsewhere.listen());
        const RestResponse neighbour = restCall("POST",
            QStringLiteral("https://127.0.0.1:%1/api/v1/session").arg(elsewhere.port()),
            server.process.pin(), {},
            json({{QStringLiteral("name"), QStringLiteral("thư ký")},
                {QStringLiteral("password"), kPassword}}));
        QCOMPARE(neighbour.status, 200);

        // Measured: how many guesses one address gets checked per second, guessing as fast as
        // it can for a while after the limit. Printed, not asserted (the count above is).
        QElapsedTimer clock;
        clock.start();
        int checked = 0;
        int refusedUnchecked = 0;
        while (clock.elapsed() < 8000) {
            const int status
                = logIn(server.process, QStringLiteral("ai %1").arg(checked), kPassword)
                      .login.status;
            if (status == 401)
                ++checked;
            else if (status == 429)
                ++refusedUnchecked;
            else
                QFAIL(qPrintable(QStringLiteral("unexpected status %1").arg(status)));
        }
        const double seconds = double(clock.elapsed()) / 1000.0;
        qInfo("password guessing from one address after the limit: %d guesses checked in %.1f s "
              "(%.2f/s), %d refused unchecked (limit 5 failures, then waits of 1 s, 2 s, 4 s ... "
              "up to [limits] auth-max-backoff-seconds)",
            checked, seconds, double(checked) / seconds, refusedUnchecked);
        // Each block lets through exactly one round of 5; blocks of 1 s, 2 s and 4 s fit in 8 s.
        QVERIFY2(checked <= 5 * 4, qPrintable(QString::number(checked)));
        QVERIFY(refusedUnchecked > 0);
    }

    // Guessing one account's password from many addresses: its own limit (10 failures) holds
    // even when each address stays below its own.
    void guessingOneAccountIsLimitedAcrossAddresses()
    {
        AccountServer server;
        QVERIFY(server.start("auth-failures = 1000\n"));
        QVERIFY(createAccount(server.process, QStringLiteral("thư ký"), QStringLiteral("secretary"),
                    kPassword)
                    .status
            == 201);
        std::vector<std::unique_ptr<TcpProxy>> proxies;
        int failures = 0;
        for (int address = 2; failures < 10; ++address) {
            auto proxy = std::make_unique<TcpProxy>(server.process.port());
            proxy->setSourceAddress(QHostAddress(QStringLiteral("127.0.0.%1").arg(address)));
            QVERIFY(proxy->listen());
            for (int i = 0; i < 2; ++i, ++failures) {
                const RestResponse wrong = restCall("POST",
                    QStringLiteral("https://127.0.0.1:%1/api/v1/session").arg(proxy->port()),
                    server.process.pin(), {},
                    json({{QStringLiteral("name"), QStringLiteral("Thư Ký")},
                        {QStringLiteral("password"),
                            QStringLiteral("đoán thử %1").arg(failures)}}));
                QCOMPARE(wrong.status, 401);
            }
            proxies.push_back(std::move(proxy));
        }
        // The eleventh try, the right password, from a fresh address: refused unchecked.
        const BrowserSession refused = logIn(server.process, QStringLiteral("thư ký"), kPassword);
        QCOMPARE(refused.login.status, 429);
        // Another account is not affected.
        QVERIFY(createAccount(
                    server.process, QStringLiteral("khác"), QStringLiteral("observer"), kPassword)
                    .status
            == 201);
        QVERIFY(logIn(server.process, QStringLiteral("khác"), kPassword).ok());
    }
};

QTEST_MAIN(TestSessions)
#include "test_sessions.moc"
