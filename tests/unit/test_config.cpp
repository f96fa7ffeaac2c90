// chamberd.conf: accepted settings, and every kind of mistake reported with its line.
#include "app/config.h"

#include <QFile>
#include <QTest>

using namespace chamber::app;

class TestConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullFile()
    {
        const ConfigParse parsed = parseConfig(QStringLiteral("# chamberd.conf\n"
                                                              "[server]\n"
                                                              "listen = 127.0.0.1:9443\n"
                                                              "data = \"/var/lib/chamber\"\n"
                                                              "demo = yes\n"
                                                              "\n"
                                                              "; log settings\n"
                                                              "[log]\n"
                                                              "format = json\n"
                                                              "level = debug\n"
                                                              "[sync]\n"
                                                              "resume-window = 250\n"
                                                              "hello-timeout = 5\n"
                                                              "max-backlog-mib = 16\n"
                                                              "[documents]\n"
                                                              "office-converter = /opt/lo/soffice\n"
                                                              "conversion-timeout = 30\n"
                                                              "conversion-memory-mib = 768\n"
                                                              "max-unpacked-mib = 64\n"
                                                              "max-conversions = 3\n"
                                                              "max-waiting-conversions = 0\n"
                                                              "max-annotation-kib = 64\n"
                                                              "[media]\n"
                                                              "enabled = true\n"
                                                              "program = /opt/chamber-media\n"
                                                              "arguments = --video test  --fps 15\n"
                                                              "[limits]\n"
                                                              "device-burst = 100\n"
                                                              "device-per-second = 0\n"
                                                              "auth-failures = 5\n"
                                                              "auth-window = 30\n"
                                                              "auth-max-backoff = 600\n"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.describe(QStringLiteral("f"))));
        QCOMPARE(parsed.config.listen.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(parsed.config.listen.port, 9443);
        QCOMPARE(parsed.config.dataDir, QStringLiteral("/var/lib/chamber"));
        QVERIFY(parsed.config.demo);
        QCOMPARE(parsed.config.logFormat, LogFormat::Json);
        QCOMPARE(parsed.config.logLevel, QStringLiteral("debug"));
        QCOMPARE(parsed.config.resumeWindow, 250);
        QCOMPARE(parsed.config.helloTimeoutSeconds, 5);
        QCOMPARE(parsed.config.maxBacklogMiB, 16);
        QCOMPARE(parsed.config.officeConverter, QStringLiteral("/opt/lo/soffice"));
        QCOMPARE(parsed.config.conversionTimeoutSeconds, 30);
        QCOMPARE(parsed.config.conversionMemoryMiB, 768);
        QCOMPARE(parsed.config.maxUnpackedMiB, 64);
        QCOMPARE(parsed.config.maxConversions, 3);
        QCOMPARE(parsed.config.maxWaitingConversions, 0);
        QCOMPARE(parsed.config.maxAnnotationKiB, 64);
        QVERIFY(parsed.config.mediaEnabled);
        QCOMPARE(parsed.config.mediaProgram, QStringLiteral("/opt/chamber-media"));
        QCOMPARE(parsed.config.mediaArguments,
            QStringList({QStringLiteral("--video"), QStringLiteral("test"), QStringLiteral("--fps"),
                QStringLiteral("15")}));
        QCOMPARE(parsed.config.deviceBurst, 100);
        QCOMPARE(parsed.config.devicePerSecond, 0);
        QCOMPARE(parsed.config.authFailures, 5);
        QCOMPARE(parsed.config.authWindowSeconds, 30);
        QCOMPARE(parsed.config.authMaxBackoffSeconds, 600);
    }

    void shippedConfigurationParses()
    {
        // The file the appliance installs documents every key with its default value.
        QFile file(QStringLiteral(CHAMBER_SOURCE_DIR "/firmware-config/server/chamberd.conf"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const ConfigParse parsed = parseConfig(QString::fromUtf8(file.readAll()));
        QVERIFY2(parsed.ok(), qPrintable(parsed.describe(file.fileName())));
        ServerConfig expected;
        expected.dataDir = QStringLiteral("/var/lib/chamber");
        expected.logFormat = LogFormat::Json;
        QCOMPARE(parsed.config.listen.host, expected.listen.host);
        QCOMPARE(parsed.config.listen.port, expected.listen.port);
        QCOMPARE(parsed.config.dataDir, expected.dataDir);
        QCOMPARE(parsed.config.demo, expected.demo);
        QCOMPARE(parsed.config.logFormat, expected.logFormat);
        QCOMPARE(parsed.config.logLevel, expected.logLevel);
        QCOMPARE(parsed.config.resumeWindow, expected.resumeWindow);
        QCOMPARE(parsed.config.helloTimeoutSeconds, expected.helloTimeoutSeconds);
        QCOMPARE(parsed.config.maxBacklogMiB, expected.maxBacklogMiB);
        QCOMPARE(parsed.config.maxUploadMiB, expected.maxUploadMiB);
        QCOMPARE(parsed.config.officeConverter, expected.officeConverter);
        QCOMPARE(parsed.config.mediaEnabled, expected.mediaEnabled);
        QCOMPARE(parsed.config.mediaProgram, expected.mediaProgram);
        QCOMPARE(parsed.config.mediaArguments, expected.mediaArguments);
        QCOMPARE(parsed.config.mediaIcePorts, expected.mediaIcePorts);
        QCOMPARE(parsed.config.firewallEnabled, expected.firewallEnabled);
        QVERIFY(parsed.config.firewallAlsoOpen == expected.firewallAlsoOpen);
        QCOMPARE(parsed.config.conversionTimeoutSeconds, expected.conversionTimeoutSeconds);
        QCOMPARE(parsed.config.conversionMemoryMiB, expected.conversionMemoryMiB);
        QCOMPARE(parsed.config.maxUnpackedMiB, expected.maxUnpackedMiB);
        QCOMPARE(parsed.config.maxConversions, expected.maxConversions);
        QCOMPARE(parsed.config.maxWaitingConversions, expected.maxWaitingConversions);
        QCOMPARE(parsed.config.maxAnnotationKiB, expected.maxAnnotationKiB);
        QCOMPARE(parsed.config.deviceBurst, expected.deviceBurst);
        QCOMPARE(parsed.config.devicePerSecond, expected.devicePerSecond);
        QCOMPARE(parsed.config.authFailures, expected.authFailures);
        QCOMPARE(parsed.config.authWindowSeconds, expected.authWindowSeconds);
        QCOMPARE(parsed.config.authMaxBackoffSeconds, expected.authMaxBackoffSeconds);
        const chamber::edge::EdgeLimits &network = parsed.config.network;
        QCOMPARE(network.ioThreads, expected.network.ioThreads);
        QCOMPARE(network.maxConnections, expected.network.maxConnections);
        QCOMPARE(network.maxConnectionsPerAddress, expected.network.maxConnectionsPerAddress);
        QCOMPARE(network.maxHandshakes, expected.network.maxHandshakes);
        QCOMPARE(network.maxHandshakesPerAddress, expected.network.maxHandshakesPerAddress);
        QCOMPARE(network.trustLoopback, expected.network.trustLoopback);
        QCOMPARE(network.handshakeTimeoutMs, expected.network.handshakeTimeoutMs);
        QCOMPARE(network.headTimeoutMs, expected.network.headTimeoutMs);
        QCOMPARE(network.idleTimeoutMs, expected.network.idleTimeoutMs);
        QCOMPARE(network.connectionBudget.burst, expected.network.connectionBudget.burst);
        QCOMPARE(network.connectionBudget.perSecond, expected.network.connectionBudget.perSecond);
    }

    void firewallFollowsTheConfiguration()
    {
        // Defaults: the listen port only; video off opens no UDP.
        QCOMPARE(describeFirewall(ServerConfig {}), QStringLiteral("firewall on\ntcp 8443"));
        const ConfigParse parsed = parseConfig(QStringLiteral(
            "[server]\nlisten = 0.0.0.0:9443\n[media]\nenabled = true\nice-ports = 40000-40099\n"
            "[firewall]\nalso-open = tcp/22 udp/5000-5001\n"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.describe(QStringLiteral("f"))));
        QCOMPARE(parsed.config.mediaIcePorts, (PortRange {40000, 40099}));
        QCOMPARE(describeFirewall(parsed.config),
            QStringLiteral("firewall on\ntcp 9443\nudp 40000-40099\ntcp 22\nudp 5000-5001"));
        // A single port is a range of one.
        QCOMPARE(parseConfig(QStringLiteral("[media]\nice-ports = 50000")).config.mediaIcePorts,
            (PortRange {50000, 50000}));
        // Off: nothing opened, and chamber-firewall is told so.
        ServerConfig off = parsed.config;
        off.firewallEnabled = false;
        QVERIFY(firewallOpenings(off).empty());
        QCOMPARE(describeFirewall(off), QStringLiteral("firewall off"));
        // A free port (tests) cannot be opened in advance.
        ServerConfig anyPort;
        anyPort.listen.port = 0;
        QCOMPARE(describeFirewall(anyPort), QStringLiteral("firewall on"));
    }

    void networkLimits()
    {
        const ConfigParse parsed = parseConfig(QStringLiteral(
            "[network]\nio-threads = 4\nmax-handshakes = 64\ntrust-loopback = false\n"
            "head-timeout = 3\nconnection-rate = 0\n"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.describe(QStringLiteral("test"))));
        QCOMPARE(parsed.config.network.ioThreads, 4);
        QCOMPARE(parsed.config.network.maxHandshakes, 64);
        QCOMPARE(parsed.config.network.trustLoopback, false);
        QCOMPARE(parsed.config.network.headTimeoutMs, 3000);
        QVERIFY(parsed.config.network.connectionBudget.unlimited());
    }

    void emptyFileKeepsDefaults()
    {
        ServerConfig defaults;
        defaults.listen.port = 1234;
        const ConfigParse parsed = parseConfig(QString(), defaults);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.config.listen.port, 1234);
    }

    void mistakes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("key outside section") << "listen = :1" << 1 << "outside any [section]";
        QTest::newRow("unknown section")
            << "[serevr]\nlisten = :1" << 1 << "unknown section [serevr]";
        QTest::newRow("typo with suggestion")
            << "[server]\nlisen = :1" << 2 << "did you mean listen";
        QTest::newRow("key in wrong section")
            << "[log]\nlisten = :1" << 2 << "did you mean [server] listen";
        QTest::newRow("no equals") << "[server]\nlisten" << 2 << "expected key = value";
        QTest::newRow("unclosed header") << "[server\n" << 1 << "must end with ]";
        QTest::newRow("duplicate") << "[server]\nlisten = :1\nlisten = :2" << 3 << "set twice";
        QTest::newRow("port too big") << "[server]\nlisten = 0.0.0.0:70000" << 2 << "0 to 65535";
        QTest::newRow("host name")
            << "[server]\nlisten = example.org:443" << 2 << "not an IP address";
        QTest::newRow("no port") << "[server]\nlisten = 127.0.0.1" << 2 << "HOST:PORT";
        QTest::newRow("burst of none")
            << "[limits]\ndevice-burst = 0" << 2 << "expected a whole number from 1";
        QTest::newRow("negative rate")
            << "[limits]\ndevice-per-second = -1" << 2 << "expected a whole number from 0";
        QTest::newRow("no failures allowed")
            << "[limits]\nauth-failures = 0" << 2 << "expected a whole number from 1";
        QTest::newRow("limit in wrong section")
            << "[sync]\nauth-window = 5" << 2 << "did you mean [limits] auth-window";
        QTest::newRow("relative data") << "[server]\ndata = var/lib" << 2 << "absolute path";
        QTest::newRow("bad boolean") << "[server]\ndemo = maybe" << 2 << "true or false";
        QTest::newRow("bad format") << "[log]\nformat = xml" << 2 << "auto, json or text";
        QTest::newRow("bad level") << "[log]\nlevel = loud" << 2 << "debug, info";
        QTest::newRow("negative window") << "[sync]\nresume-window = -1" << 2 << "whole number";
        QTest::newRow("window not a number")
            << "[sync]\nresume-window = lots" << 2 << "whole number";
        QTest::newRow("relative converter")
            << "[documents]\noffice-converter = bin/soffice" << 2 << "absolute path";
        QTest::newRow("no conversions")
            << "[documents]\nmax-conversions = 0" << 2 << "from 1 to 16";
        QTest::newRow("conversion timeout")
            << "[documents]\nconversion-timeout = 1h" << 2 << "whole number";
        QTest::newRow("annotation size")
            << "[documents]\nmax-annotation-kib = 0" << 2 << "from 1 to";
        QTest::newRow("relative media program")
            << "[media]\nprogram = ./chamber-media" << 2 << "absolute path";
        QTest::newRow("media on or off") << "[media]\nenabled = sometimes" << 2 << "true or false";
        QTest::newRow("ice ports reversed")
            << "[media]\nice-ports = 50999-50000" << 2 << "first not above last";
        QTest::newRow("ice ports privileged")
            << "[media]\nice-ports = 500-599" << 2 << "from 1024 to 65535";
        QTest::newRow("ice ports word") << "[media]\nice-ports = many" << 2 << "FIRST-LAST";
        QTest::newRow("ice ports behind the firewall's back")
            << "[media]\narguments = --fps 15 --ice-ports 40000-40009" << 2 << "[media] ice-ports";
        QTest::newRow("firewall protocol")
            << "[firewall]\nalso-open = sctp/22" << 2 << "tcp/PORT or udp/FIRST-LAST";
        QTest::newRow("firewall bare port") << "[firewall]\nalso-open = 22" << 2 << "tcp/PORT";
        QTest::newRow("firewall bad port")
            << "[firewall]\nalso-open = tcp/99999" << 2 << "from 1 to 65535";
        QTest::newRow("firewall port zero")
            << "[firewall]\nalso-open = udp/0-10" << 2 << "from 1 to 65535";
        QTest::newRow("firewall on or off")
            << "[firewall]\nenabled = perhaps" << 2 << "true or false";
        QTest::newRow("timeout zero") << "[sync]\nhello-timeout = 0" << 2 << "from 1 to 3600";
        QTest::newRow("no io threads") << "[network]\nio-threads = 0" << 2 << "from 1 to 64";
        QTest::newRow("trust sometimes")
            << "[network]\ntrust-loopback = sometimes" << 2 << "true or false";
        QTest::newRow("head timeout forever")
            << "[network]\nhead-timeout = 99999" << 2 << "from 1 to 3600";
    }

    void mistakes()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(QString, message);
        const ConfigParse parsed = parseConfig(text);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.problems.front().line, line);
        QVERIFY2(parsed.problems.front().message.contains(message),
            qPrintable(parsed.problems.front().message));
        QVERIFY(parsed.describe(QStringLiteral("chamberd.conf"))
                    .startsWith(QStringLiteral("chamberd.conf:%1: ").arg(line)));
    }

    void allProblemsAreListed()
    {
        const ConfigParse parsed
            = parseConfig(QStringLiteral("[server]\nx = 1\ny = 2\n[log]\nformat = ?\n"));
        QCOMPARE(parsed.problems.size(), size_t(3));
    }

    void listenForms()
    {
        QCOMPARE(parseListenAddress(QStringLiteral(":8443"))->host, QStringLiteral("0.0.0.0"));
        QCOMPARE(parseListenAddress(QStringLiteral("[::1]:8443"))->host, QStringLiteral("::1"));
        QCOMPARE(
            parseListenAddress(QStringLiteral("localhost:0"))->host, QStringLiteral("127.0.0.1"));
        QCOMPARE(parseListenAddress(QStringLiteral("localhost:0"))->port, 0);
        QVERIFY(!parseListenAddress(QStringLiteral("1.2.3.4:")));
        QVERIFY(!parseListenAddress(QStringLiteral("1.2.3.4:-1")));
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "test_config.moc"
