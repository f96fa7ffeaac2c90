// The network edge against a real chamberd, as a stranger on the chamber's Wi-Fi would try it:
// idle connections that never start TLS, unfinished and oversized heads, bodies too large to
// read, ambiguous lengths, WebSocket frames the RFC forbids, too many connections from one
// address. Each attack must be answered or cut, and an honest client served meanwhile and
// after. No timing assertions: every wait has a generous limit and only the outcome counts.
#include "rawclient.h"
#include "serverprocess.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace chamber::testing;

namespace {

// chamberd with the edge's limits made small enough to reach in a test.
std::unique_ptr<ServerProcess> startWith(QTemporaryDir &configDir, const QByteArray &network)
{
    const QString path = configDir.filePath(QStringLiteral("chamberd.conf"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write("[network]\n" + network) < 0)
        return nullptr;
    file.close();
    auto server = std::make_unique<ServerProcess>();
    if (!server->start({QStringLiteral("--config"), path}))
        return nullptr;
    return server;
}

QByteArray healthRequest()
{
    return "GET /api/v1/health HTTP/1.1\r\nHost: chamber\r\n\r\n";
}

// An honest client: TLS, one request, its answer.
int healthStatus(quint16 port, const QHostAddress &from = {})
{
    RawClient client(from);
    if (!client.connectTls(port, 15000))
        return -1;
    client.write(healthRequest());
    if (!client.readUntil("\r\n\r\n", 15000))
        return -2;
    return client.status();
}

} // namespace

class TestEdge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void acceptResumesAfterIdleFlood();
    void perAddressLimit();
    void headOverLimitRefusedAndClosed();
    void slowHeadCut();
    void bodyOverLimitRefusedBeforeRead();
    void ambiguousLengthsRefused();
    void keepAliveServesPipelinedRequests();
    void webSocketUnmaskedFrameClosed();
    void webSocketOversizedFrameToldAndClosed();
    void webSocketFloodSlowedNotFatal();

private:
    QTemporaryDir m_configDir;
    std::unique_ptr<ServerProcess> m_server;
};

void TestEdge::initTestCase()
{
    // One server for the tests below: small limits, loopback not trusted, so the per-address
    // rules apply to the test's 127.0.x.y addresses.
    m_server = startWith(m_configDir,
        "trust-loopback = false\n"
        "max-handshakes = 20\n"
        "max-handshakes-per-address = 1000\n"
        "max-connections-per-address = 8\n"
        "handshake-timeout = 30\n"
        "head-timeout = 2\n"
        "connection-burst = 20\n"
        "connection-rate = 10\n");
    QVERIFY(m_server);
}

void TestEdge::cleanupTestCase()
{
    if (m_server)
        QCOMPARE(m_server->terminate(), 0);
}

void TestEdge::acceptResumesAfterIdleFlood()
{
    // 400 connections that never send a ClientHello, from 50 addresses (8 each: the limit per
    // address), far more than the 20 handshakes allowed in progress; their handshake timeout
    // (30 s) is longer than this test. The first 200 are left to hang for more than a second;
    // each of the next 200 then drops the oldest hanging one, and an honest client is served
    // at once while the rest are still open.
    std::vector<std::unique_ptr<RawClient>> idle;
    const auto openIdle = [&](int from, int to) {
        for (int i = from; i < to; ++i) {
            auto client = std::make_unique<RawClient>(
                QHostAddress(QStringLiteral("127.0.10.%1").arg(1 + i % 50)));
            if (!client->connectPlain(m_server->port()))
                return false;
            idle.push_back(std::move(client));
        }
        return true;
    };
    QVERIFY(openIdle(0, 200));
    QTest::qWait(1500);
    QVERIFY(openIdle(200, 400));
    QCOMPARE(healthStatus(m_server->port(), QHostAddress(QStringLiteral("127.0.11.1"))), 200);
    int dropped = 0;
    for (auto &client : idle)
        dropped += client->waitClosed(100) ? 1 : 0;
    QVERIFY2(dropped >= 150, qPrintable(QString::number(dropped)));
    idle.clear();
    // And after they are all gone, accepting goes on.
    for (int i = 0; i < 5; ++i)
        QCOMPARE(healthStatus(m_server->port(), QHostAddress(QStringLiteral("127.0.11.2"))), 200);
}

void TestEdge::perAddressLimit()
{
    const QHostAddress greedy(QStringLiteral("127.0.12.1"));
    std::vector<std::unique_ptr<RawClient>> held;
    for (int i = 0; i < 8; ++i) {
        auto client = std::make_unique<RawClient>(greedy);
        QVERIFY(client->connectTls(m_server->port()));
        held.push_back(std::move(client));
    }
    // The ninth from the same address is closed before TLS; another address is served.
    RawClient ninth(greedy);
    QVERIFY(!ninth.connectTls(m_server->port(), 5000));
    QCOMPARE(healthStatus(m_server->port(), QHostAddress(QStringLiteral("127.0.12.2"))), 200);
    // One of the eight leaves: the address may connect again.
    held.front()->close();
    held.erase(held.begin());
    bool servedAgain = false;
    for (int attempt = 0; attempt < 50 && !servedAgain; ++attempt) {
        servedAgain = healthStatus(m_server->port(), greedy) == 200;
        if (!servedAgain)
            QTest::qWait(100);
    }
    QVERIFY(servedAgain);
}

void TestEdge::headOverLimitRefusedAndClosed()
{
    RawClient client(QHostAddress(QStringLiteral("127.0.13.1")));
    QVERIFY(client.connectTls(m_server->port()));
    // One header line that never ends: refused once it passes the head limit (16 KiB), without
    // waiting for its end.
    client.write("GET /api/v1/health HTTP/1.1\r\nX-Junk: ");
    client.write(QByteArray(256 * 1024, 'a'));
    QVERIFY(client.waitClosed(15000));
    QCOMPARE(client.status(), 431);
    QCOMPARE(healthStatus(m_server->port(), QHostAddress(QStringLiteral("127.0.13.2"))), 200);
}

void TestEdge::slowHeadCut()
{
    RawClient slow(QHostAddress(QStringLiteral("127.0.14.1")));
    QVERIFY(slow.connectTls(m_server->port()));
    slow.write("GET /api/v1/health HTTP/1.1\r\nHost: ch");
    // head-timeout is 2 s: the server answers 408 and closes (waited for up to 20 s).
    QVERIFY(slow.waitClosed(20000));
    QCOMPARE(slow.status(), 408);
}

void TestEdge::bodyOverLimitRefusedBeforeRead()
{
    // 256 MiB announced, nothing of it sent: the answer comes from the head alone.
    RawClient anonymous(QHostAddress(QStringLiteral("127.0.15.1")));
    QVERIFY(anonymous.connectTls(m_server->port()));
    anonymous.write("POST /api/v1/meetings HTTP/1.1\r\nHost: chamber\r\n"
                    "Content-Type: application/json\r\nContent-Length: 268435456\r\n\r\n");
    QVERIFY(anonymous.readUntil("\r\n\r\n"));
    QCOMPARE(anonymous.status(), 401);
    QVERIFY(anonymous.waitClosed());

    // The admin may create meetings, but not with a 256 MiB body: 413, still unread, and the
    // connection ends (bodies up to 64 MiB would be read and dropped to keep it).
    RawClient admin(QHostAddress(QStringLiteral("127.0.15.2")));
    QVERIFY(admin.connectTls(m_server->port()));
    admin.write("POST /api/v1/meetings HTTP/1.1\r\nHost: chamber\r\nAuthorization: Bearer "
        + m_server->adminToken()
        + "\r\nContent-Type: application/json\r\nContent-Length: 268435456\r\n\r\n");
    QVERIFY(admin.readUntil("\r\n\r\n"));
    QCOMPARE(admin.status(), 413);
    QVERIFY(admin.readUntil("too_large"));
    QVERIFY(admin.waitClosed());
}

void TestEdge::ambiguousLengthsRefused()
{
    const QList<QByteArray> requests {
        "POST /api/v1/meetings HTTP/1.1\r\nHost: c\r\nContent-Length: 2\r\nContent-Length: "
        "2\r\n\r\n{}",
        "POST /api/v1/meetings HTTP/1.1\r\nHost: c\r\nContent-Length: 2, 2\r\n\r\n{}",
        "POST /api/v1/meetings HTTP/1.1\r\nHost: c\r\nContent-Length: +2\r\n\r\n{}",
        "POST /api/v1/meetings HTTP/1.1\r\nHost: c\r\nTransfer-Encoding: chunked\r\n"
        "Content-Length: 2\r\n\r\n{}",
    };
    for (const QByteArray &request : requests) {
        RawClient client(QHostAddress(QStringLiteral("127.0.16.1")));
        QVERIFY(client.connectTls(m_server->port()));
        client.write(request);
        QVERIFY(client.waitClosed());
        QCOMPARE(client.status(), 400);
    }
    RawClient chunked(QHostAddress(QStringLiteral("127.0.16.2")));
    QVERIFY(chunked.connectTls(m_server->port()));
    chunked.write("POST /api/v1/meetings HTTP/1.1\r\nHost: c\r\nTransfer-Encoding: chunked\r\n\r\n"
                  "2\r\n{}\r\n0\r\n\r\n");
    QVERIFY(chunked.waitClosed());
    QCOMPARE(chunked.status(), 411);
}

void TestEdge::keepAliveServesPipelinedRequests()
{
    RawClient client(QHostAddress(QStringLiteral("127.0.17.1")));
    QVERIFY(client.connectTls(m_server->port()));
    client.write(healthRequest() + healthRequest() + healthRequest());
    QVERIFY(client.readUntil("\r\n\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(client.received().count("HTTP/1.1 200"), qsizetype(3), 10000);
    QVERIFY(client.isConnected());
}

void TestEdge::webSocketUnmaskedFrameClosed()
{
    RawClient client(QHostAddress(QStringLiteral("127.0.18.1")));
    QVERIFY(client.connectTls(m_server->port()));
    client.write(RawClient::upgradeRequest(m_server->port()));
    QVERIFY(client.readUntil("\r\n\r\n"));
    QCOMPARE(client.status(), 101);
    QVERIFY(client.received().contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
    const qsizetype headEnd = client.received().indexOf("\r\n\r\n") + 4;
    client.write(RawClient::frame(0x1, R"({"type":"ping","id":"1"})", false));
    QVERIFY(client.waitClosed());
    // A close frame (0x88) with 1002 (0x03 0xEA).
    const QByteArray frames = client.received().mid(headEnd);
    QVERIFY2(frames.contains(QByteArray("\x88", 1)), frames.toHex().constData());
    QVERIFY2(frames.contains(QByteArray("\x03\xea", 2)), frames.toHex().constData());
}

void TestEdge::webSocketOversizedFrameToldAndClosed()
{
    RawClient client(QHostAddress(QStringLiteral("127.0.19.1")));
    QVERIFY(client.connectTls(m_server->port()));
    client.write(RawClient::upgradeRequest(m_server->port()));
    QVERIFY(client.readUntil("\r\n\r\n"));
    QCOMPARE(client.status(), 101);
    // A text frame announcing 3 MiB (the limit is 2 MiB); only its first bytes are sent.
    const QByteArray huge(3 * 1024 * 1024, 'x');
    client.write(RawClient::frame(0x1, huge).left(64 * 1024));
    QVERIFY(client.readUntil("too_large"));
    QVERIFY(client.waitClosed());
    QVERIFY(client.received().contains(QByteArray("\x03\xf1", 2))); // 1009
}

void TestEdge::webSocketFloodSlowedNotFatal()
{
    // 500 pings pipelined on one connection before hello: the connection's budget (20 at once,
    // 10 per second) slows it down instead of letting it fill the server's queue; it is not
    // disconnected for it, and the first answers come while the rest wait their turn.
    RawClient flood(QHostAddress(QStringLiteral("127.0.20.1")));
    QVERIFY(flood.connectTls(m_server->port()));
    flood.write(RawClient::upgradeRequest(m_server->port()));
    QVERIFY(flood.readUntil("\r\n\r\n"));
    QByteArray pings;
    for (int i = 0; i < 500; ++i)
        pings += RawClient::frame(0x1, R"({"type":"ping","id":"p)" + QByteArray::number(i) + "\"}");
    flood.write(pings);
    QVERIFY(flood.readUntil("\"p19\""));
    // Meanwhile others are served.
    QCOMPARE(healthStatus(m_server->port(), QHostAddress(QStringLiteral("127.0.20.2"))), 200);
    QVERIFY(flood.isConnected());
    QVERIFY(flood.readUntil("\"p30\"", 15000));
    QVERIFY(!flood.received().contains("\"p499\""));
}

QTEST_GUILESS_MAIN(TestEdge)
#include "test_edge.moc"
