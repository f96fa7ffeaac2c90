// The HTTP request head parser on its own: what it takes (and how it reads keep-alive and the
// WebSocket upgrade), every refusal with its status, and the same answer whether the head
// arrives at once, byte by byte or followed by megabytes more.
#include "edge/httphead.h"

#include <QTest>

using namespace chamber::edge;
using Status = HttpHeadParse::Status;

namespace {

QByteArray request(const QByteArray &headers = "Host: chamber\r\n")
{
    return "GET /ws HTTP/1.1\r\n" + headers + "\r\n";
}

// Feeds `bytes` one byte more at a time, as a connection reading byte by byte would: every
// answer before the last must be NeedMore or already the final one.
void checkEveryPrefix(
    const QByteArray &bytes, const HttpHeadParse &whole, const HttpHeadLimits &limits)
{
    for (qsizetype n = 0; n < bytes.size(); ++n) {
        const HttpHeadParse part = parseHttpHead(QByteArrayView(bytes).first(n), limits);
        if (part.status == Status::NeedMore)
            continue;
        QVERIFY2(part.status == whole.status,
            qPrintable(QStringLiteral("prefix of %1 bytes: %2").arg(n).arg(part.reason)));
        QCOMPARE(part.httpStatus, whole.httpStatus);
        QCOMPARE(part.reason, whole.reason);
        QCOMPARE(part.consumed, whole.consumed);
    }
}

} // namespace

class TestHttpHead : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesAHead()
    {
        const QByteArray bytes = "GET /reader/doc?page=2&w=800 HTTP/1.1\r\n"
                                 "Host: 192.168.10.5:8443\r\n"
                                 "X-Spaced: \t  a value with  inner space \t\r\n"
                                 "Accept-Language: vi, en;q=0.5\r\n"
                                 "X-Empty:\r\n"
                                 "X-Name: Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b\r\n"
                                 "\r\n";
        const HttpHeadParse parsed = parseHttpHead(bytes);
        QCOMPARE(parsed.status, Status::Complete);
        QCOMPARE(parsed.consumed, bytes.size());
        QCOMPARE(parsed.httpStatus, 0);
        const HttpHead &head = parsed.head;
        QCOMPARE(head.method, QByteArray("GET"));
        QCOMPARE(head.target, QByteArray("/reader/doc?page=2&w=800"));
        QCOMPARE(head.versionMinor, 1);
        QCOMPARE(head.headers.size(), 5);
        QCOMPARE(head.headers[0].first, QByteArray("host"));
        QCOMPARE(head.headers[2].first, QByteArray("accept-language"));
        QCOMPARE(head.value("host"), QByteArray("192.168.10.5:8443"));
        QCOMPARE(head.value("x-spaced"), QByteArray("a value with  inner space"));
        QCOMPARE(head.value("x-name"), QByteArray("Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b"));
        QVERIFY(head.has("x-empty"));
        QCOMPARE(head.value("x-empty"), QByteArray());
        QVERIFY(!head.has("x-absent"));
        QVERIFY(!head.has("Host")); // names are looked up in lower case
        QVERIFY(!head.contentLength);
        QVERIFY(head.keepAlive);
        QVERIFY(!head.upgradeWebSocket);
    }

    void valueIsTheFirst()
    {
        const HttpHeadParse parsed
            = parseHttpHead(request("Host: a\r\nAccept: one\r\naccept: two\r\n"));
        QCOMPARE(parsed.status, Status::Complete);
        QCOMPARE(parsed.head.value("accept"), QByteArray("one"));
        QCOMPARE(parsed.head.headers.size(), 3);
    }

    void methodsAsSent()
    {
        for (const char *method : {"POST", "PUT", "DELETE", "get", "M-SEARCH", "X~!#$%&'*+.^_`|"}) {
            const QByteArray bytes = QByteArray(method) + " / HTTP/1.0\r\n\r\n";
            const HttpHeadParse parsed = parseHttpHead(bytes);
            QCOMPARE(parsed.status, Status::Complete);
            QCOMPARE(parsed.head.method, QByteArray(method));
            QCOMPARE(parsed.head.versionMinor, 0);
        }
    }

    void leadingEmptyLinesSkipped()
    {
        const QByteArray bytes = "\r\n\r\nGET / HTTP/1.1\r\n\r\n";
        const HttpHeadParse parsed = parseHttpHead(bytes);
        QCOMPARE(parsed.status, Status::Complete);
        QCOMPARE(parsed.consumed, bytes.size());
        QCOMPARE(parsed.head.target, QByteArray("/"));
        QCOMPARE(parseHttpHead("\r\n").status, Status::NeedMore);
        QCOMPARE(parseHttpHead("\r\n\r").status, Status::NeedMore);
        QCOMPARE(parseHttpHead("\r\n\nGET / HTTP/1.1\r\n\r\n").httpStatus, 400);
    }

    void contentLength_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("length");
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("small") << QByteArray("5") << qint64(5);
        QTest::newRow("leading zeros") << QByteArray("007") << qint64(7);
        QTest::newRow("spaces trimmed") << QByteArray(" \t12 ") << qint64(12);
        QTest::newRow("2^53") << QByteArray("9007199254740992") << (qint64(1) << 53);
        QTest::newRow("2^53 zero-padded")
            << QByteArray("0000000000009007199254740992") << (qint64(1) << 53);
    }

    void contentLength()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, length);
        const HttpHeadParse parsed
            = parseHttpHead(request("Host: a\r\nContent-Length:" + value + "\r\n"));
        QCOMPARE(parsed.status, Status::Complete);
        QVERIFY(parsed.head.contentLength);
        QCOMPARE(*parsed.head.contentLength, length);
    }

    void connection_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("keepAlive");
        QTest::addColumn<bool>("upgrade");
        const QByteArray get11 = "GET /ws HTTP/1.1\r\nHost: a\r\n";
        const QByteArray get10 = "GET / HTTP/1.0\r\n";
        QTest::newRow("1.1") << QByteArray(get11 + "\r\n") << true << false;
        QTest::newRow("1.1 close")
            << QByteArray(get11 + "Connection: close\r\n\r\n") << false << false;
        QTest::newRow("1.1 Close in a list")
            << QByteArray(get11 + "Connection: Keep-Alive, CLOSE\r\n\r\n") << false << false;
        QTest::newRow("1.1 closed-ish token")
            << QByteArray(get11 + "Connection: closed\r\n\r\n") << true << false;
        QTest::newRow("1.0") << QByteArray(get10 + "\r\n") << false << false;
        QTest::newRow("1.0 keep-alive")
            << QByteArray(get10 + "Connection: keep-alive\r\n\r\n") << true << false;
        QTest::newRow("1.0 keep-alive and close")
            << QByteArray(get10 + "Connection: keep-alive\r\nConnection: close\r\n\r\n") << false
            << false;
        QTest::newRow("websocket")
            << QByteArray(get11 + "Upgrade: websocket\r\nConnection: Upgrade\r\n\r\n") << true
            << true;
        QTest::newRow("websocket, list and case")
            << QByteArray(get11 + "Connection: keep-alive , upgrade\r\nUpgrade: WebSocket\r\n\r\n")
            << true << true;
        QTest::newRow("websocket, two connection lines") << QByteArray(
            get11 + "Connection: keep-alive\r\nUpgrade: websocket\r\nConnection: upgrade\r\n\r\n")
                                                         << true << true;
        QTest::newRow("upgrade to another protocol")
            << QByteArray(get11 + "Upgrade: h2c\r\nConnection: Upgrade\r\n\r\n") << true << false;
        QTest::newRow("upgrade without connection")
            << QByteArray(get11 + "Upgrade: websocket\r\n\r\n") << true << false;
        QTest::newRow("connection upgrade without upgrade")
            << QByteArray(get11 + "Connection: Upgrade\r\n\r\n") << true << false;
        QTest::newRow("websocket but close")
            << QByteArray(get11 + "Upgrade: websocket\r\nConnection: Upgrade, close\r\n\r\n")
            << false << true;
    }

    void connection()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, keepAlive);
        QFETCH(bool, upgrade);
        const HttpHeadParse parsed = parseHttpHead(bytes);
        QCOMPARE(parsed.status, Status::Complete);
        QCOMPARE(parsed.head.keepAlive, keepAlive);
        QCOMPARE(parsed.head.upgradeWebSocket, upgrade);
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        // Request line.
        QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << 400;
        QTest::newRow("HTTP/0.9 style") << QByteArray("GET\r\n\r\n") << 400;
        QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("tab separator") << QByteArray("GET\t/ HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("trailing space") << QByteArray("GET / HTTP/1.1 \r\n\r\n") << 400;
        QTest::newRow("extra word") << QByteArray("GET / HTTP/1.1 x\r\n\r\n") << 400;
        QTest::newRow("leading space") << QByteArray(" GET / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("method not a token") << QByteArray("GE(T / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("method with NUL") << QByteArray("GE\0T / HTTP/1.1\r\n\r\n", 19) << 400;
        QTest::newRow("method non-ASCII") << QByteArray("G\xc3\x89T / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("TLS ClientHello")
            << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03") << 400;
        QTest::newRow("binary with an LF")
            << QByteArray("\x16\x03\x01\x00\x0a\x01\x00", 7) << 400; // judged before its LF
        QTest::newRow("absolute-form") << QByteArray("GET http://chamber/ HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("asterisk-form") << QByteArray("OPTIONS * HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("authority-form")
            << QByteArray("CONNECT chamber:443 HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("fragment") << QByteArray("GET /a#b HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("target with control") << QByteArray("GET /a\x01 HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("target with DEL") << QByteArray("GET /a\x7f HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("target non-ASCII") << QByteArray("GET /\xc3\xa9 HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("empty target") << QByteArray("GET  HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("lower-case version") << QByteArray("GET / http/1.1\r\n\r\n") << 400;
        QTest::newRow("version 1.10") << QByteArray("GET / HTTP/1.10\r\n\r\n") << 400;
        QTest::newRow("version 1") << QByteArray("GET / HTTP/1\r\n\r\n") << 400;
        QTest::newRow("version x.y") << QByteArray("GET / HTTP/x.y\r\n\r\n") << 400;
        QTest::newRow("HTTP/2.0") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505;
        QTest::newRow("HTTP/1.2") << QByteArray("GET / HTTP/1.2\r\n\r\n") << 505;
        QTest::newRow("HTTP/0.9") << QByteArray("GET / HTTP/0.9\r\n\r\n") << 505;
        QTest::newRow("HTTP/3.0") << QByteArray("GET / HTTP/3.0\r\nHost: a\r\n\r\n") << 505;
        // Line ends.
        QTest::newRow("LF alone, request line") << QByteArray("GET / HTTP/1.1\n\n") << 400;
        QTest::newRow("LF alone, header") << request("Host: a\n") << 400;
        QTest::newRow("LF alone, end") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n\n") << 400;
        QTest::newRow("LF alone first") << QByteArray("\nGET / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("bare CR, request line") << QByteArray("GET /\r HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("bare CR, value") << request("X: a\rb\r\n") << 400;
        QTest::newRow("bare CR, name") << request("X\r: a\r\n") << 400;
        QTest::newRow("CR CR LF") << request("X: a\r\r\n") << 400;
        QTest::newRow("bare CR first") << QByteArray("\rGET / HTTP/1.1\r\n\r\n") << 400;
        // Field lines.
        QTest::newRow("obs-fold") << request("Host: a\r\nX: one\r\n two\r\n") << 400;
        QTest::newRow("obs-fold with tab") << request("Host: a\r\nX: one\r\n\ttwo\r\n") << 400;
        QTest::newRow("space before first field") << request(" Host: a\r\n") << 400;
        QTest::newRow("space before colon") << request("Host : a\r\n") << 400;
        QTest::newRow("tab before colon") << request("Host\t: a\r\n") << 400;
        QTest::newRow("name not a token") << request("X(y): a\r\n") << 400;
        QTest::newRow("name non-ASCII") << request("N\xc3\xa1me: a\r\n") << 400;
        QTest::newRow("no colon") << request("Host a\r\n") << 400;
        QTest::newRow("empty name") << request(": a\r\n") << 400;
        QTest::newRow("NUL in value") << request(QByteArray("X: a\0b\r\n", 8)) << 400;
        QTest::newRow("control in value") << request("X: a\x01 b\r\n") << 400;
        QTest::newRow("escape in value") << request("X: \x1b[31m\r\n") << 400;
        QTest::newRow("DEL in value") << request("X: a\x7f\r\n") << 400;
        // Content-Length, Transfer-Encoding, Host.
        QTest::newRow("length not digits") << request("Content-Length: abc\r\n") << 400;
        QTest::newRow("length empty") << request("Content-Length:\r\n") << 400;
        QTest::newRow("length negative") << request("Content-Length: -1\r\n") << 400;
        QTest::newRow("length with sign") << request("Content-Length: +5\r\n") << 400;
        QTest::newRow("length hex") << request("Content-Length: 0x10\r\n") << 400;
        QTest::newRow("length with space") << request("Content-Length: 1 2\r\n") << 400;
        QTest::newRow("length as a list") << request("Content-Length: 5, 5\r\n") << 400;
        QTest::newRow("length over 2^53") << request("Content-Length: 9007199254740993\r\n") << 400;
        QTest::newRow("length over 2^64")
            << request("Content-Length: 99999999999999999999999999\r\n") << 400;
        QTest::newRow("length twice, equal")
            << request("Content-Length: 5\r\nContent-Length: 5\r\n") << 400;
        QTest::newRow("length twice, different")
            << request("Content-Length: 5\r\ncontent-length: 6\r\n") << 400;
        QTest::newRow("transfer-encoding") << request("Transfer-Encoding: chunked\r\n") << 411;
        QTest::newRow("transfer-encoding identity")
            << request("Transfer-Encoding: identity\r\n") << 411;
        QTest::newRow("transfer-encoding empty") << request("Transfer-Encoding:\r\n") << 411;
        QTest::newRow("transfer-encoding twice")
            << request("Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n") << 411;
        QTest::newRow("length then transfer-encoding")
            << request("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n") << 400;
        QTest::newRow("transfer-encoding then length")
            << request("TRANSFER-ENCODING: chunked\r\nContent-Length: 5\r\n") << 400;
        QTest::newRow("host twice") << request("Host: a\r\nHost: b\r\n") << 400;
        QTest::newRow("host twice, equal, cases differ")
            << request("Host: a\r\nHOST: a\r\n") << 400;
        // Limits (the default ones; smaller ones in `limits`).
        QTest::newRow("request line over the limit")
            << QByteArray("GET /" + QByteArray(16 * 1024, 'a') + " HTTP/1.1\r\n\r\n") << 414;
        QTest::newRow("head over the limit")
            << request("X: " + QByteArray(16 * 1024, 'a') + "\r\n") << 431;
        QByteArray many;
        for (int i = 0; i < 65; ++i)
            many += "X-" + QByteArray::number(i) + ": v\r\n";
        QTest::newRow("65 fields") << request(many) << 431;
    }

    void refused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        const HttpHeadParse parsed = parseHttpHead(bytes);
        QCOMPARE(parsed.status, Status::Refused);
        QCOMPARE(parsed.httpStatus, status);
        QVERIFY(!parsed.reason.isEmpty());
        QCOMPARE(parsed.consumed, 0);
        if (bytes.size() < 2048)
            checkEveryPrefix(bytes, parsed, {});
        // What follows the bad part changes nothing.
        const QByteArray followed = bytes + "GET / HTTP/1.1\r\n\r\n" + QByteArray(20000, 'x');
        const HttpHeadParse more = parseHttpHead(followed);
        QCOMPARE(more.status, Status::Refused);
        QCOMPARE(more.httpStatus, status);
        QCOMPARE(more.reason, parsed.reason);
    }

    void refusedEarly_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("needed"); // the bytes that already tell
        QTest::newRow("TLS ClientHello") << QByteArray("\x16\x03\x01\x02\x00") << 1;
        QTest::newRow("method") << QByteArray("GE(T / HTTP/1.1\r\n") << 3;
        QTest::newRow("target") << QByteArray("GET http://x/ HTTP/1.1\r\n") << 5;
        QTest::newRow("fragment") << QByteArray("GET /#x HTTP/1.1\r\n") << 6;
        QTest::newRow("version") << QByteArray("GET / HTTQ/1.1\r\n") << 10;
        QTest::newRow("after the version") << QByteArray("GET / HTTP/1.1 \r\n") << 15;
        QTest::newRow("obs-fold") << QByteArray("GET / HTTP/1.1\r\n x: y\r\n") << 17;
        QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : y\r\n") << 21;
        QTest::newRow("NUL in value") << QByteArray("GET / HTTP/1.1\r\nX: \0 ...", 24) << 20;
        QTest::newRow("bare CR") << QByteArray("GET / HTTP/1.1\r\nX: a\rb") << 22;
    }

    // A line is judged as far as it has come: nothing is waited for that cannot make it valid.
    void refusedEarly()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, needed);
        QCOMPARE(parseHttpHead(bytes.first(needed - 1)).status, Status::NeedMore);
        const HttpHeadParse parsed = parseHttpHead(bytes.first(needed));
        QCOMPARE(parsed.status, Status::Refused);
        QCOMPARE(parsed.httpStatus, 400);
    }

    void limits_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("maxHeadBytes");
        QTest::addColumn<int>("maxHeaderCount");
        QTest::addColumn<int>("status"); // 0: Complete
        const QByteArray head = "GET / HTTP/1.1\r\nHost: a\r\nX: 12345\r\n\r\n"; // 37 bytes
        QTest::newRow("exactly at the limit") << head << 37 << 64 << 0;
        QTest::newRow("one over") << head << 36 << 64 << 431;
        QTest::newRow("end of head past the limit") << head << 35 << 64 << 431;
        QTest::newRow("request line exactly") << head << 16 << 64 << 431;
        QTest::newRow("request line one over") << head << 15 << 64 << 414;
        QTest::newRow("request line far over") << head << 4 << 64 << 414;
        QTest::newRow("exactly the count") << head << 1024 << 2 << 0;
        QTest::newRow("one field over the count") << head << 1024 << 1 << 431;
        QTest::newRow("no fields allowed") << head << 1024 << 0 << 431;
        QTest::newRow("empty lines count") << QByteArray("\r\n\r\n\r\n" + head) << 42 << 64 << 431;
        QTest::newRow("empty lines only")
            << QByteArray("\r\n\r\n\r\n\r\n\r\n\r\n") << 8 << 64 << 414;
    }

    void limits()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, maxHeadBytes);
        QFETCH(int, maxHeaderCount);
        QFETCH(int, status);
        const HttpHeadLimits limits {maxHeadBytes, maxHeaderCount};
        const HttpHeadParse parsed = parseHttpHead(bytes, limits);
        QCOMPARE(parsed.status, status == 0 ? Status::Complete : Status::Refused);
        QCOMPARE(parsed.httpStatus, status);
        checkEveryPrefix(bytes, parsed, limits);
        if (status != 0 && maxHeadBytes <= bytes.size()) {
            // Decided from the first maxHeadBytes bytes: the head can only be longer.
            const HttpHeadParse early = parseHttpHead(bytes.first(maxHeadBytes), limits);
            QCOMPARE(early.status, Status::Refused);
            QCOMPARE(early.httpStatus, status);
        }
    }

    // A client that keeps sending one header line is refused once maxHeadBytes have come,
    // not when it stops: nothing past the limit is read (or awaited).
    void hugeHeaderLine()
    {
        const HttpHeadLimits limits;
        QByteArray bytes = "GET / HTTP/1.1\r\nHost: a\r\nX-Flood: ";
        bytes.append(QByteArray(64 * 1024 * 1024, 'a'));
        bytes.append("\r\n\r\n");
        const QByteArrayView view(bytes);
        QCOMPARE(parseHttpHead(view.first(limits.maxHeadBytes - 1)).status, Status::NeedMore);
        const HttpHeadParse early = parseHttpHead(view.first(limits.maxHeadBytes));
        QCOMPARE(early.status, Status::Refused);
        QCOMPARE(early.httpStatus, 431);
        const HttpHeadParse whole = parseHttpHead(view);
        QCOMPARE(whole.status, Status::Refused);
        QCOMPARE(whole.httpStatus, 431);
        QCOMPARE(whole.reason, early.reason);
    }

    void splitAnywhere_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("websocket upgrade")
            << QByteArray("GET /ws HTTP/1.1\r\nHost: 192.168.10.5:8443\r\nUpgrade: websocket\r\n"
                          "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                          "Sec-WebSocket-Version: 13\r\n\r\n");
        QTest::newRow("post") << QByteArray(
            "POST /api/upload?meeting=1 HTTP/1.1\r\nHost: a\r\n"
            "Content-Type: application/pdf\r\nContent-Length: 3\r\n\r\n");
        QTest::newRow("leading empty lines") << QByteArray("\r\n\r\nGET / HTTP/1.0\r\n\r\n");
        QTest::newRow("no fields") << QByteArray("GET / HTTP/1.1\r\n\r\n");
    }

    void splitAnywhere()
    {
        QFETCH(QByteArray, bytes);
        const HttpHeadParse whole = parseHttpHead(bytes);
        QCOMPARE(whole.status, Status::Complete);
        QCOMPARE(whole.consumed, bytes.size());
        for (qsizetype n = 0; n < bytes.size(); ++n) {
            const HttpHeadParse part = parseHttpHead(QByteArrayView(bytes).first(n));
            QVERIFY2(part.status == Status::NeedMore, qPrintable(QString::number(n)));
        }
        // Bytes that follow (a body, the next request, WebSocket frames) are not taken.
        const QByteArray more = bytes + "abc\x81\x85";
        const HttpHeadParse followed = parseHttpHead(more);
        QCOMPARE(followed.status, Status::Complete);
        QCOMPARE(followed.consumed, whole.consumed);
        QVERIFY(followed.head.headers == whole.head.headers);
        QCOMPARE(followed.head.target, whole.head.target);
    }

    void pipelined()
    {
        const QByteArray first = "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\n";
        const QByteArray body = "abcd";
        const QByteArray second = "GET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        const QByteArray third = "GET /c HTTP/1.1\r\nHo";
        const QByteArray stream = first + body + second + third;

        HttpHeadParse parsed = parseHttpHead(stream);
        QCOMPARE(parsed.status, Status::Complete);
        QCOMPARE(parsed.consumed, first.size());
        QCOMPARE(parsed.head.target, QByteArray("/a"));
        QCOMPARE(parsed.head.contentLength.value_or(-1), body.size());

        qsizetype at = parsed.consumed + *parsed.head.contentLength;
        parsed = parseHttpHead(QByteArrayView(stream).sliced(at));
        QCOMPARE(parsed.status, Status::Complete);
        QCOMPARE(parsed.consumed, second.size());
        QCOMPARE(parsed.head.target, QByteArray("/b"));
        QVERIFY(!parsed.head.keepAlive);

        at += parsed.consumed;
        QCOMPARE(parseHttpHead(QByteArrayView(stream).sliced(at)).status, Status::NeedMore);
    }
};

QTEST_GUILESS_MAIN(TestHttpHead)
#include "test_httphead.moc"
