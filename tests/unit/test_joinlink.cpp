// Join links as QR codes carry them: what we make parses back; what is not ours or is damaged
// is refused with a message a person can act on.
#include "protocol/joinlink.h"
#include "protocol/tlspin.h"

#include <QCryptographicHash>
#include <QTest>

using namespace chamber;
using namespace chamber::protocol;

namespace {

JoinLink sample()
{
    return JoinLink {QStringLiteral("192.168.10.5"), 8443,
        QStringLiteral("q0MtmlH4l5sYkyyP1pm9Lh5dZQyHrcwz"),
        QCryptographicHash::hash("server key", QCryptographicHash::Sha256)};
}

} // namespace

class TestJoinLink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("ipv4") << "192.168.10.5" << 8443;
        QTest::newRow("ipv6") << "fd00::17" << 8443;
        QTest::newRow("name") << "chamber.hdnd.local" << 443;
    }

    void roundTrip()
    {
        QFETCH(QString, host);
        QFETCH(int, port);
        JoinLink link = sample();
        link.host = host;
        link.port = quint16(port);
        const QString text = link.toString();
        QVERIFY(text.startsWith(QStringLiteral("https://")));
        QVERIFY(text.contains(QStringLiteral("/join#v=1&t=")));
        auto parsed = parseJoinLink(text);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        QCOMPARE(parsed->host, host);
        QCOMPARE(parsed->port, port);
        QCOMPARE(parsed->token, link.token);
        QCOMPARE(parsed->pin, link.pin);
        QCOMPARE(parsed->webSocketUrl().toString(),
            QStringLiteral("wss://%1:%2/ws")
                .arg(host.contains(u':') ? u'[' + host + u']' : host)
                .arg(port));
    }

    void lenientWhereHarmless()
    {
        const QString text = sample().toString();
        QVERIFY(parseJoinLink(text.toUpper().left(8) + text.mid(8))); // HTTPS://
        QVERIFY(parseJoinLink(
            QString(text).replace(QStringLiteral("/join#"), QStringLiteral("/join/#"))));
        QVERIFY(parseJoinLink(QStringLiteral("  ") + text + QStringLiteral("\n")));
        const QString hexPin = QString(text).replace(
            formatPin(sample().pin), QString::fromLatin1(sample().pin.toHex()));
        QCOMPARE(parseJoinLink(hexPin)->pin, sample().pin);
    }

    void notOurs_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("plain text") << "Kỳ họp thứ Mười hai";
        QTest::newRow("wifi qr") << "WIFI:S:HoiTruong;T:WPA;P:secret;;";
        QTest::newRow("another site") << "https://example.org/";
        QTest::newRow("http")
            << "http://192.168.10.5:8443/join#v=1&t=q0MtmlH4l5sYkyyP1pm9Lh5dZQyHrcwz&p=x";
        QTest::newRow("other path")
            << "https://192.168.10.5:8443/login#v=1&t=q0MtmlH4l5sYkyyP1pm9Lh5dZQyHrcwz";
        QTest::newRow("no version")
            << "https://192.168.10.5:8443/join#t=q0MtmlH4l5sYkyyP1pm9Lh5dZQyHrcwz";
        QTest::newRow("huge") << QString(5000, u'a');
    }

    void notOurs()
    {
        QFETCH(QString, text);
        auto parsed = parseJoinLink(text);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().message, QStringLiteral("this QR code is not a Chamber join code"));
    }

    void damaged_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("field");
        const JoinLink link = sample();
        const QString pin = formatPin(link.pin);
        QTest::newRow("short token") << link.token << link.token.left(10) << "t";
        QTest::newRow("token with +") << link.token << (link.token.left(31) + u'+') << "t";
        QTest::newRow("no token") << QStringLiteral("&t=") + link.token << QString() << "t";
        QTest::newRow("short pin") << pin << pin.left(40) << "p";
        QTest::newRow("no pin") << QStringLiteral("&p=") + pin << QString() << "p";
        QTest::newRow("extra part") << pin << pin + QStringLiteral("&x=1") << "link";
        QTest::newRow("twice") << pin << pin + QStringLiteral("&p=") + pin << "link";
        QTest::newRow("bad port") << "8443"
                                  << "0"
                                  << "port";
        QTest::newRow("bad host") << "192.168.10.5"
                                  << "bad_host"
                                  << "host";
        QTest::newRow("user info") << "https://"
                                   << "https://user@"
                                   << "link";
        QTest::newRow("query") << "/join#"
                               << "/join?x=1#"
                               << "link";
        QTest::newRow("version zero") << "v=1"
                                      << "v=0"
                                      << "v";
    }

    void damaged()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, field);
        QString text = sample().toString();
        QVERIFY(text.contains(from));
        text.replace(from, to);
        auto parsed = parseJoinLink(text);
        QVERIFY2(!parsed, qPrintable(text));
        QCOMPARE(parsed.error().field, field);
        QVERIFY(
            parsed.error().message.startsWith(QStringLiteral("this Chamber join code is damaged"))
            || parsed.error().message.contains(QStringLiteral("not a Chamber join code")));
    }

    void newerVersionAsksForUpdate()
    {
        const QString text
            = sample().toString().replace(QStringLiteral("v=1"), QStringLiteral("v=2"));
        auto parsed = parseJoinLink(text);
        QCOMPARE(parsed.error().code, ErrorCode::UnsupportedVersion);
        QVERIFY(parsed.error().message.contains(QStringLiteral("newer Chamber kiosk")));
    }
};

QTEST_GUILESS_MAIN(TestJoinLink)
#include "test_joinlink.moc"
