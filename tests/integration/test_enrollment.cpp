// Joining by QR and staying joined, against the real chamberd: enrollment and its refusals
// (replayed, expired, unknown token; a server with another key), revocation, role limits,
// and the kiosk client surviving server restarts with its outbox drained exactly once.
#include "chamberctlrun.h"
#include "connection.h"
#include "enroller.h"
#include "protocol/joinlink.h"
#include "restcall.h"
#include "serverprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace chamber;
using namespace chamber::kiosk;
using namespace chamber::testing;

namespace {

const ConnectionOptions kFastRetries {100, 800, 1000, 4000};

struct Enrolled
{
    std::optional<DeviceIdentity> identity;
    QString failure;
};

class Server
{
public:
    explicit Server(QString dataDir = {})
        : process(std::move(dataDir))
    { }
    ServerProcess process;

    RestResponse call(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        return restCall(method, process.baseUrl() + QStringLiteral("/api/v1") + path, process.pin(),
            process.adminToken(), body);
    }

    protocol::JoinLink joinCode(const QString &role, qint64 delegate = 0, int ttl = 600)
    {
        QJsonObject body {{QStringLiteral("role"), role}, {QStringLiteral("ttlSeconds"), ttl}};
        if (delegate)
            body.insert(QStringLiteral("delegate"), delegate);
        const RestResponse response
            = call("POST", QStringLiteral("/meetings/1/join-codes"), QJsonDocument(body).toJson());
        auto link = protocol::parseJoinLink(response.json().value(QLatin1String("url")).toString());
        if (!link)
            qFatal("join code: %s", response.body.constData());
        return link.value();
    }

    QJsonObject meeting() { return call("GET", QStringLiteral("/meetings/1")).json(); }
};

Enrolled enroll(const protocol::JoinLink &link)
{
    Enroller enroller;
    Enrolled result;
    bool done = false;
    QObject::connect(&enroller, &Enroller::enrolled, [&](const DeviceIdentity &identity) {
        result.identity = identity;
        done = true;
    });
    QObject::connect(&enroller, &Enroller::failed, [&](const QString &reason) {
        result.failure = reason;
        done = true;
    });
    enroller.start(link, QStringLiteral("test-tablet"), QStringLiteral("Debian 12"));
    if (!QTest::qWaitFor([&] { return done; }, 20000))
        result.failure = QStringLiteral("timeout");
    return result;
}

bool waitOnline(Connection &connection, int timeoutMs = 15000)
{
    return QTest::qWaitFor(
        [&] { return connection.state() == Connection::State::Online && connection.hasMeeting(); },
        timeoutMs);
}

QJsonObject command(const QString &type, QJsonObject fields)
{
    fields.insert(QStringLiteral("type"), type);
    fields.insert(QStringLiteral("meeting"), 1);
    return fields;
}

} // namespace

class TestEnrollment : public QObject
{
    Q_OBJECT

private:
    Server m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(
            m_server.process.start({QStringLiteral("--demo")}), m_server.process.log().constData());
    }

    void enrollsAndFollowsTheMeeting()
    {
        const Enrolled chair = enroll(m_server.joinCode(QStringLiteral("chair")));
        QVERIFY2(chair.identity, qPrintable(chair.failure));
        QCOMPARE(chair.identity->role, QStringLiteral("chair"));
        QCOMPARE(chair.identity->meeting, 1);
        QVERIFY(chair.identity->credential.startsWith(u'd'));

        Outbox outbox;
        Connection connection(*chair.identity, outbox, kFastRetries);
        connection.start();
        QVERIFY(waitOnline(connection));
        QCOMPARE(connection.meeting().toJson(), m_server.meeting());
        // The chair sees itself online.
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (const QJsonValue &device : connection.presence()) {
                    if (device.toObject().value(QLatin1String("device")).toInteger()
                        == chair.identity->device)
                        return device.toObject().value(QLatin1String("online")).toBool();
                }
                return false;
            },
            5000));

        // Changes made elsewhere arrive and apply.
        QCOMPARE(m_server.call("PUT", QStringLiteral("/meetings/1/current-item"), R"({"item":5})")
                     .status,
            200);
        QVERIFY(QTest::qWaitFor([&] { return connection.meeting().currentItem == 5; }, 5000));
        QCOMPARE(connection.meeting().toJson(), m_server.meeting());

        // The device list knows it, and so does the log.
        const QJsonArray devices = m_server.call("GET", QStringLiteral("/meetings/1/devices"))
                                       .json()
                                       .value(QLatin1String("devices"))
                                       .toArray();
        bool listed = false;
        for (const QJsonValue &device : devices) {
            const QJsonObject object = device.toObject();
            if (object.value(QLatin1String("id")).toInteger() == chair.identity->device) {
                listed = object.value(QLatin1String("online")).toBool()
                    && object.value(QLatin1String("name")).toString()
                        == QLatin1String("test-tablet");
            }
        }
        QVERIFY(listed);
        QVERIFY(m_server.call("GET", QStringLiteral("/meetings/1/events"))
                    .body.contains("device.enrolled"));
        QVERIFY(!m_server.call("GET", QStringLiteral("/meetings/1/events"))
                     .body.contains(chair.identity->credential.toUtf8()));
    }

    void tokenIsSingleUse()
    {
        const protocol::JoinLink link = m_server.joinCode(QStringLiteral("tally"));
        QVERIFY(enroll(link).identity);
        const Enrolled replay = enroll(link);
        QVERIFY(!replay.identity);
        QVERIFY2(
            replay.failure.contains(QStringLiteral("already used")), qPrintable(replay.failure));
    }

    void expiredTokenIsRefused()
    {
        const protocol::JoinLink link = m_server.joinCode(QStringLiteral("tally"), 0, 1);
        QTest::qWait(1500);
        const Enrolled late = enroll(link);
        QVERIFY(!late.identity);
        QVERIFY2(late.failure.contains(QStringLiteral("expired")), qPrintable(late.failure));
    }

    void unknownTokenIsRefused()
    {
        protocol::JoinLink link = m_server.joinCode(QStringLiteral("tally"));
        link.token = QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        const Enrolled guessed = enroll(link);
        QVERIFY(!guessed.identity);
        QVERIFY2(
            guessed.failure.contains(QStringLiteral("not valid")), qPrintable(guessed.failure));
    }

    void serverWithAnotherKeyIsRefused()
    {
        // A valid code, but the address leads to another server (say, an impostor on the
        // network): the kiosk must not hand it the token.
        Server impostor;
        QVERIFY(impostor.process.start());
        protocol::JoinLink link = m_server.joinCode(QStringLiteral("chair"));
        protocol::JoinLink redirected = link;
        redirected.port = impostor.process.port();
        const Enrolled refused = enroll(redirected);
        QVERIFY(!refused.identity);
        QVERIFY2(refused.failure.contains(QStringLiteral("key does not match")),
            qPrintable(refused.failure));
        QVERIFY(impostor.process.records(QStringLiteral("enrollment refused")).isEmpty());
        // The real server still honours the code: it never left the kiosk.
        QVERIFY(enroll(link).identity);
    }

    void revokedDeviceIsCutOff()
    {
        const Enrolled tally = enroll(m_server.joinCode(QStringLiteral("tally")));
        QVERIFY(tally.identity);
        Outbox outbox;
        Connection connection(*tally.identity, outbox, kFastRetries);
        QSignalSpy rejected(&connection, &Connection::credentialRejected);
        connection.start();
        QVERIFY(waitOnline(connection));

        QCOMPARE(m_server
                     .call("DELETE",
                         QStringLiteral("/meetings/1/devices/%1").arg(tally.identity->device))
                     .status,
            200);
        // (The REST call above runs an event loop, so the signal may already have come.)
        QVERIFY(QTest::qWaitFor([&] { return rejected.count() > 0; }, 5000));
        QVERIFY(QTest::qWaitFor(
            [&] { return connection.state() == Connection::State::Offline; }, 5000));
        QTest::qWait(1500); // several retry periods: it must not come back
        QCOMPARE(connection.state(), Connection::State::Offline);

        // A fresh start with the stored credential is refused too.
        Connection again(*tally.identity, outbox, kFastRetries);
        QSignalSpy againRejected(&again, &Connection::credentialRejected);
        again.start();
        QVERIFY(QTest::qWaitFor([&] { return againRejected.count() > 0; }, 5000));
        QVERIFY(m_server.call("GET", QStringLiteral("/meetings/1/devices"))
                    .body.contains("\"revoked\":true"));
    }

    void delegateTabletCannotActAsChair()
    {
        const Enrolled seat = enroll(m_server.joinCode(QStringLiteral("delegate"), 5));
        QVERIFY(seat.identity);
        QCOMPARE(seat.identity->delegate, 5);
        Outbox outbox;
        Connection connection(*seat.identity, outbox, kFastRetries);
        QSignalSpy answers(&connection, &Connection::commandAnswered);
        connection.start();
        QVERIFY(waitOnline(connection));
        const qint64 seqBefore = m_server.meeting().value(QLatin1String("seq")).toInteger();

        auto answerTo = [&](const QJsonObject &commandObject) {
            const QString id = connection.send(commandObject).value();
            QJsonObject reply;
            (void)QTest::qWaitFor(
                [&] {
                    for (const auto &arguments : answers) {
                        if (arguments.at(0).toString() == id)
                            reply = arguments.at(1).toJsonObject();
                    }
                    return !reply.isEmpty();
                },
                5000);
            return reply;
        };
        const QJsonObject select
            = answerTo(command(QStringLiteral("agenda.select"), {{QStringLiteral("item"), 2}}));
        QCOMPARE(select.value(QLatin1String("code")).toString(), QStringLiteral("forbidden"));
        const QJsonObject other = answerTo(
            command(QStringLiteral("attendance.checkIn"), {{QStringLiteral("delegate"), 6}}));
        QCOMPARE(other.value(QLatin1String("code")).toString(), QStringLiteral("forbidden"));
        QCOMPARE(m_server.meeting().value(QLatin1String("seq")).toInteger(), seqBefore);

        const QJsonObject own = answerTo(
            command(QStringLiteral("attendance.checkIn"), {{QStringLiteral("delegate"), 5}}));
        QCOMPARE(own.value(QLatin1String("type")).toString(), QStringLiteral("ok"));
        QVERIFY(
            QTest::qWaitFor([&] { return connection.meeting().roster.find(5)->present; }, 5000));
        QVERIFY(outbox.pending().isEmpty());
    }

    void resumesAcrossServerRestartsAndDrainsTheOutboxOnce()
    {
        Server server;
        QVERIFY(server.process.start({QStringLiteral("--demo")}));
        const QString fixedPort = QStringLiteral("127.0.0.1:%1").arg(server.process.port());
        const Enrolled chair = enroll(server.joinCode(QStringLiteral("chair")));
        QVERIFY(chair.identity);
        QTemporaryDir kioskData;
        Outbox outbox(kioskData.filePath(QStringLiteral("outbox.json")));
        Connection connection(*chair.identity, outbox, kFastRetries);
        connection.start();
        QVERIFY(waitOnline(connection));
        const qint64 seqBefore = connection.meeting().seq;

        // The server goes away (clean stop); the chair keeps working.
        QCOMPARE(server.process.terminate(), 0);
        QVERIFY(QTest::qWaitFor(
            [&] { return connection.state() == Connection::State::Offline; }, 5000));
        QVERIFY(connection.offlineSince().isValid());
        for (qint64 delegate = 1; delegate <= 4; ++delegate)
            QVERIFY(connection.send(command(
                QStringLiteral("attendance.checkIn"), {{QStringLiteral("delegate"), delegate}})));
        QVERIFY(connection.send(
            command(QStringLiteral("agenda.select"), {{QStringLiteral("item"), 7}})));
        QCOMPARE(outbox.pending().size(), 5);

        QVERIFY(server.process.start({QStringLiteral("--listen"), fixedPort}));
        QVERIFY(waitOnline(connection));
        QVERIFY(QTest::qWaitFor([&] { return outbox.pending().isEmpty(); }, 10000));
        QVERIFY(QTest::qWaitFor([&] { return connection.meeting().seq == seqBefore + 5; }, 5000));
        QCOMPARE(server.meeting().value(QLatin1String("seq")).toInteger(), seqBefore + 5);
        QCOMPARE(connection.meeting().toJson(), server.meeting());

        // Now the hard case: commands in flight when the server dies (kill -9). Whatever the
        // server acknowledged survives; whatever it did not, the outbox resends; nothing twice.
        for (qint64 delegate = 5; delegate <= 10; ++delegate)
            QVERIFY(connection.send(command(
                QStringLiteral("attendance.checkIn"), {{QStringLiteral("delegate"), delegate}})));
        server.process.kill();
        QVERIFY(server.process.start({QStringLiteral("--listen"), fixedPort}));
        QVERIFY(waitOnline(connection));
        QVERIFY(QTest::qWaitFor([&] { return outbox.pending().isEmpty(); }, 10000));
        QVERIFY(QTest::qWaitFor([&] { return connection.meeting().seq == seqBefore + 11; }, 5000));
        const QJsonObject state = server.meeting();
        QCOMPARE(state.value(QLatin1String("seq")).toInteger(), seqBefore + 11);
        QCOMPARE(state.value(QLatin1String("quorum"))
                     .toObject()
                     .value(QLatin1String("present"))
                     .toInteger(),
            10);
        QCOMPARE(connection.meeting().toJson(), state);
    }

    void outboxOutlastsTheDeviceBudget()
    {
        // More queued than the device may send at once: the commands answered rate_limited
        // stay in the outbox and go again after the wait, so each gets its real answer.
        QTemporaryDir dir;
        Server server;
        QVERIFY(server.process.start({QStringLiteral("--demo"), QStringLiteral("--config"),
            writeTestFile(dir, QStringLiteral("chamberd.conf"),
                "[limits]\ndevice-burst = 4\ndevice-per-second = 10\n")}));
        const Enrolled chair = enroll(server.joinCode(QStringLiteral("chair")));
        QVERIFY2(chair.identity, qPrintable(chair.failure));
        Outbox outbox;
        Connection connection(*chair.identity, outbox, kFastRetries);
        QSignalSpy answers(&connection, &Connection::commandAnswered);
        constexpr int kQueued = 20;
        for (int i = 0; i < kQueued; ++i)
            QVERIFY(connection.send({{QStringLiteral("type"), QStringLiteral("ping")}}));
        connection.start();
        QVERIFY(QTest::qWaitFor([&] { return answers.size() >= kQueued; }, 60000));
        for (const auto &arguments : std::as_const(answers))
            QCOMPARE(arguments.at(1).toJsonObject().value(QLatin1String("type")).toString(),
                QStringLiteral("ok"));
        QVERIFY(outbox.pending().isEmpty());
    }

    void outboxSurvivesAKioskRestart()
    {
        Server server;
        QVERIFY(server.process.start({QStringLiteral("--demo")}));
        const QString fixedPort = QStringLiteral("127.0.0.1:%1").arg(server.process.port());
        const Enrolled chair = enroll(server.joinCode(QStringLiteral("chair")));
        QVERIFY(chair.identity);
        QCOMPARE(server.process.terminate(), 0);

        QTemporaryDir kioskData;
        const QString path = kioskData.filePath(QStringLiteral("outbox.json"));
        {
            Outbox outbox(path);
            Connection connection(*chair.identity, outbox, kFastRetries);
            connection.start();
            QVERIFY(connection.send(command(QStringLiteral("meeting.start"), {})));
            QVERIFY(connection.send(
                command(QStringLiteral("agenda.select"), {{QStringLiteral("item"), 3}})));
        } // the tablet reboots
        Outbox reloaded(path);
        QVERIFY(reloaded.load());
        QCOMPARE(reloaded.pending().size(), 2);
        QVERIFY(server.process.start({QStringLiteral("--listen"), fixedPort}));
        Connection connection(*chair.identity, reloaded, kFastRetries);
        connection.start();
        QVERIFY(waitOnline(connection));
        QVERIFY(QTest::qWaitFor([&] { return reloaded.pending().isEmpty(); }, 10000));
        const QJsonObject state = server.meeting();
        QCOMPARE(state.value(QLatin1String("status")).toString(), QStringLiteral("in_session"));
        QCOMPARE(state.value(QLatin1String("currentItem")).toInteger(), 3);
    }
};

QTEST_GUILESS_MAIN(TestEnrollment)
#include "test_enrollment.moc"
