// One client must not be everyone's problem, against the real chamberd: a device that floods
// is answered rate_limited while the others are served, all connections of a device share its
// budget, and an address that guesses join codes is refused unchecked after a few failures,
// with a log that stays a few lines long however many guesses come.
#include "chamberctlrun.h"
#include "enroll.h"
#include "protocol/joinlink.h"
#include "protocol/message.h"
#include "restcall.h"
#include "serverprocess.h"
#include "tcpproxy.h"
#include "wsclient.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace chamber;
using namespace chamber::testing;

namespace {

QString codeOf(const QJsonObject &reply)
{
    return reply.value(QLatin1String("type")) == QLatin1String("ok")
        ? QStringLiteral("ok")
        : reply.value(QLatin1String("code")).toString();
}

QJsonObject ping(const QString &id)
{
    return {{QStringLiteral("type"), QStringLiteral("ping")}, {QStringLiteral("id"), id}};
}

QJsonObject enrollMessage(const QString &token)
{
    return {{QStringLiteral("type"), QStringLiteral("enroll")}, {QStringLiteral("token"), token}};
}

// A token of the shape the server issues (32 characters of base64url) that it never issued.
QString wrongToken(int n)
{
    return QStringLiteral("%1").arg(n, 32, 10, QLatin1Char('A'));
}

// The replies (ok or error) to requests whose id starts with `prefix`, once `count` are there.
QList<QJsonObject> repliesTo(WsClient &client, const QString &prefix, int count)
{
    QList<QJsonObject> replies;
    (void)QTest::qWaitFor(
        [&] {
            replies.clear();
            for (const QJsonObject &message : client.received()) {
                if (message.value(QLatin1String("id")).toString().startsWith(prefix))
                    replies << message;
            }
            return replies.size() >= count;
        },
        60000);
    return replies;
}

int countOf(const QList<QJsonObject> &replies, const QString &code)
{
    return int(std::count_if(replies.begin(), replies.end(),
        [&](const QJsonObject &reply) { return codeOf(reply) == code; }));
}

// chamberd with the demo meeting and a [limits] section. The edge's per-connection budget,
// which only slows a connection down (it is not read), is lifted so that these tests see the
// main thread's refusals of a flood rather than the flood arriving at 32 messages a second.
class LimitedServer
{
public:
    bool start(const QByteArray &limits)
    {
        const QString path = writeTestFile(m_dir, QStringLiteral("chamberd.conf"),
            "[network]\nconnection-rate = 0\n[limits]\n" + limits);
        return process.start({QStringLiteral("--demo"), QStringLiteral("--config"), path});
    }

    QString joinToken(const QString &role, qint64 delegate = 0)
    {
        QJsonObject body {{QStringLiteral("role"), role}};
        if (delegate)
            body.insert(QStringLiteral("delegate"), delegate);
        const RestResponse code
            = restCall("POST", process.baseUrl() + QStringLiteral("/api/v1/meetings/1/join-codes"),
                process.pin(), process.adminToken(), QJsonDocument(body).toJson());
        const auto link
            = protocol::parseJoinLink(code.json().value(QLatin1String("url")).toString());
        return link ? link->token : QString();
    }

    std::unique_ptr<WsClient> connect(const QString &credential, const QString &url = {})
    {
        auto client = std::make_unique<WsClient>(process.pin());
        if (!client->connectAndHello(url.isEmpty() ? process.wsUrl() : url, credential.toUtf8()))
            return nullptr;
        return client;
    }

    ServerProcess process;

private:
    QTemporaryDir m_dir;
};

} // namespace

class TestRateLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void floodingDeviceIsLimitedWhileOthersAreServed()
    {
        LimitedServer server; // the shipped defaults
        QVERIFY(server.start({}));
        const QString flooder = enrollDevice(server.process, 1, QStringLiteral("delegate"), 1);
        const QString neighbour = enrollDevice(server.process, 1, QStringLiteral("delegate"), 2);
        auto flood = server.connect(flooder);
        auto seat = server.connect(neighbour);
        auto admin = server.connect(QString::fromUtf8(server.process.adminToken()));
        QVERIFY(flood && seat && admin);

        // 500 check-ins and check-outs without waiting, each one a commit if it got through.
        constexpr int kFlood = 500;
        for (int i = 0; i < kFlood; ++i) {
            flood->sendJson({{QStringLiteral("type"),
                                 i % 2 ? QStringLiteral("attendance.checkOut")
                                       : QStringLiteral("attendance.checkIn")},
                {QStringLiteral("id"), QStringLiteral("flood-%1").arg(i)},
                {QStringLiteral("meeting"), 1}, {QStringLiteral("delegate"), 1}});
        }
        // In the same moment, another seat's command and the admin's ping go through.
        const QJsonObject checkIn
            = seat->request({{QStringLiteral("type"), QStringLiteral("attendance.checkIn")},
                {QStringLiteral("meeting"), 1}, {QStringLiteral("delegate"), 2}});
        QCOMPARE(codeOf(checkIn), QStringLiteral("ok"));
        QCOMPARE(codeOf(admin->request(ping(QStringLiteral("admin-ping")))), QStringLiteral("ok"));

        const QList<QJsonObject> replies = repliesTo(*flood, QStringLiteral("flood-"), kFlood);
        QCOMPARE(replies.size(), kFlood);
        const int limited = countOf(replies, QStringLiteral("rate_limited"));
        QVERIFY2(limited > 0 && limited < kFlood,
            qPrintable(QStringLiteral("%1 of %2 limited").arg(limited).arg(kFlood)));
        for (const QJsonObject &reply : replies) {
            if (codeOf(reply) == QLatin1String("rate_limited")) {
                QVERIFY(reply.value(QLatin1String("retryAfterMs")).toInteger() > 0);
                QVERIFY(!reply.value(QLatin1String("message")).toString().isEmpty());
            }
        }
        // The device's REST requests come out of the same budget: refused with 429 while it is
        // spent (when the flood is already refilled the request is simply answered).
        const RestResponse rest
            = restCall("GET", server.process.baseUrl() + QStringLiteral("/api/v1/meetings/1"),
                server.process.pin(), flooder.toUtf8());
        QVERIFY2(rest.status == 200 || rest.status == 429, rest.body.constData());
        if (rest.status == 429)
            QVERIFY(!rest.header("Retry-After").isEmpty());
        // The flood is summed in the log, not written once per refusal.
        QVERIFY(
            server.process.records(QStringLiteral("device over its message budget")).size() <= 3);
    }

    void connectionsOfOneDeviceShareItsBudget()
    {
        LimitedServer server;
        QVERIFY(server.start("device-burst = 10\ndevice-per-second = 1\n"));
        const QString chair = enrollDevice(server.process, 1, QStringLiteral("chair"));
        auto first = server.connect(chair);
        auto second = server.connect(chair);
        QVERIFY(first && second);
        QElapsedTimer elapsed;
        elapsed.start();
        for (int i = 0; i < 10; ++i)
            first->sendJson(ping(QStringLiteral("first-%1").arg(i)));
        QCOMPARE(repliesTo(*first, QStringLiteral("first-"), 10).size(), 10);
        for (int i = 0; i < 20; ++i)
            second->sendJson(ping(QStringLiteral("second-%1").arg(i)));
        const QList<QJsonObject> replies = repliesTo(*second, QStringLiteral("second-"), 20);
        QCOMPARE(replies.size(), 20);
        // With a budget of its own the second connection would have had 10 at once; sharing
        // the device's, it has only what refilled (one a second) since the first began.
        const int granted = countOf(replies, QStringLiteral("ok"));
        QVERIFY2(granted <= elapsed.elapsed() / 1000 + 1,
            qPrintable(QStringLiteral("%1 granted in %2 ms").arg(granted).arg(elapsed.elapsed())));
        QVERIFY(countOf(replies, QStringLiteral("rate_limited")) >= 20 - granted);
    }

    void guessingJoinCodesIsRefusedUnchecked()
    {
        LimitedServer server;
        QVERIFY(server.start("auth-failures = 5\n"));
        // Real codes, made before the guessing (the admin's requests come from the same
        // address and would be refused with it).
        const QString valid = server.joinToken(QStringLiteral("tally"));
        const QString fromElsewhere = server.joinToken(QStringLiteral("tally"));
        const QByteArray admin = server.process.adminToken();
        QVERIFY(!valid.isEmpty() && !fromElsewhere.isEmpty());

        WsClient guesser(server.process.pin());
        QVERIFY(guesser.open(server.process.wsUrl()));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(codeOf(guesser.request(enrollMessage(wrongToken(i)))),
                QStringLiteral("unauthenticated"));
        // Now even the valid code is refused, without being looked at (so not used up).
        const QJsonObject refused = guesser.request(enrollMessage(valid));
        QCOMPARE(codeOf(refused), QStringLiteral("rate_limited"));
        const qint64 retryAfter = refused.value(QLatin1String("retryAfterMs")).toInteger();
        QVERIFY(retryAfter > 0);
        // So is a hello, even the admin's, and a REST request: the address waits.
        WsClient hello(server.process.pin());
        QVERIFY(hello.open(server.process.wsUrl()));
        QCOMPARE(codeOf(hello.request({{QStringLiteral("type"), QStringLiteral("hello")},
                     {QStringLiteral("protocol"), protocol::kProtocolVersion},
                     {QStringLiteral("credential"), QString::fromUtf8(admin)}})),
            QStringLiteral("rate_limited"));
        const RestResponse rest
            = restCall("GET", server.process.baseUrl() + QStringLiteral("/api/v1/meetings"),
                server.process.pin(), admin);
        QCOMPARE(rest.status, 429);
        QVERIFY(!rest.header("Retry-After").isEmpty());

        // Another address is not affected: the code works from 127.0.0.2.
        TcpProxy elsewhere(server.process.port());
        elsewhere.setSourceAddress(QHostAddress(QStringLiteral("127.0.0.2")));
        QVERIFY(elsewhere.listen());
        WsClient neighbour(server.process.pin());
        QVERIFY(neighbour.open(QStringLiteral("wss://127.0.0.1:%1/ws").arg(elsewhere.port())));
        QCOMPARE(codeOf(neighbour.request(enrollMessage(fromElsewhere))), QStringLiteral("ok"));

        // After the wait the server named, the valid code works from here too: it was not
        // spent by the refusal.
        QTest::qWait(int(retryAfter) + 100);
        QCOMPARE(codeOf(guesser.request(enrollMessage(valid))), QStringLiteral("ok"));
    }

    void thousandGuessesLeaveAFewLogLines()
    {
        LimitedServer server;
        QVERIFY(server.start({})); // the default: 20 failures, then waits
        WsClient guesser(server.process.pin());
        QVERIFY(guesser.open(server.process.wsUrl()));
        constexpr int kGuesses = 1000;
        for (int i = 0; i < kGuesses; ++i) {
            QJsonObject message = enrollMessage(wrongToken(i));
            message.insert(QStringLiteral("id"), QStringLiteral("guess-%1").arg(i));
            guesser.sendJson(message);
        }
        const QList<QJsonObject> replies = repliesTo(guesser, QStringLiteral("guess-"), kGuesses);
        QCOMPARE(replies.size(), kGuesses);
        // At most the default's 20 failures (twice, if the first wait was over before the end)
        // were checked; the rest were refused unchecked.
        QVERIFY(countOf(replies, QStringLiteral("unauthenticated")) <= 40);
        QVERIFY(countOf(replies, QStringLiteral("rate_limited")) >= kGuesses - 40);

        qsizetype lines = 0;
        for (const QByteArray &line : server.process.log().split('\n')) {
            if (line.contains("enrollment") || line.contains("must wait"))
                ++lines;
        }
        QVERIFY2(lines <= 10, qPrintable(QStringLiteral("%1 log lines").arg(lines)));
    }
};

QTEST_MAIN(TestRateLimits)
#include "test_rate_limits.moc"
