// chamberd inside the sandbox chamberd.service gives it, rules read from the unit file itself:
// SystemCallFilter= (groups expanded by systemd-analyze), SystemCallErrorNumber=,
// RestrictAddressFamilies=, MemoryDenyWriteExecute= and User= (an unprivileged user), applied
// by chamber_unit_sandbox with seccomp. With video on (test sources) and, where LibreOffice is
// installed, an office upload: chamberd serves, chamber-media becomes ready, the .docx is
// converted, seat cards are drawn (a child chamberd with fonts), and a join link carries a LAN
// address. A unit whose filter kills chamberd or its children fails here instead of on the
// appliance.
#include "chamberctlrun.h"
#include "childprocess.h"
#include "restcall.h"
#include "serverprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QNetworkInterface>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>
#include <unistd.h>

using namespace chamber::testing;

namespace {

constexpr int kNobody = 65534;

struct UnitSandbox
{
    QStringList filterLines; // SystemCallFilter= values, in order
    bool eperm = false;
    QStringList families;
    bool mdwe = false;
};

UnitSandbox readUnit(const QString &path)
{
    UnitSandbox unit;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return unit;
    for (const QString &raw : QString::fromUtf8(file.readAll()).split(u'\n')) {
        const QString line = raw.trimmed();
        const QString value = line.section(u'=', 1).trimmed();
        if (line.startsWith(QLatin1String("SystemCallFilter=")))
            unit.filterLines << value;
        else if (line.startsWith(QLatin1String("SystemCallErrorNumber=")))
            unit.eperm = value == QLatin1String("EPERM");
        else if (line.startsWith(QLatin1String("RestrictAddressFamilies=")))
            unit.families = value.split(u' ', Qt::SkipEmptyParts);
        else if (line.startsWith(QLatin1String("MemoryDenyWriteExecute=")))
            unit.mdwe = value == QLatin1String("yes");
    }
    return unit;
}

// systemd-analyze syscall-filter: "@group" headers, then its members (calls and @groups).
QHash<QString, QStringList> systemdGroups()
{
    QProcess analyze;
    chamber::testing::dieWithTest(analyze);
    analyze.start(QStringLiteral("systemd-analyze"), {QStringLiteral("syscall-filter")});
    analyze.waitForFinished(30000);
    QHash<QString, QStringList> groups;
    QString current;
    for (const QString &raw : QString::fromUtf8(analyze.readAllStandardOutput()).split(u'\n')) {
        const QString line = raw.trimmed();
        if (raw.startsWith(u'@'))
            current = line.section(u' ', 0, 0);
        else if (!current.isEmpty() && !line.isEmpty() && !line.startsWith(u'#'))
            groups[current] << line;
    }
    return groups;
}

QSet<QString> expand(const QHash<QString, QStringList> &groups, const QString &item)
{
    if (!item.startsWith(u'@'))
        return {item};
    QSet<QString> calls;
    for (const QString &member : groups.value(item))
        calls += expand(groups, member);
    return calls;
}

// systemd's rule: the first line is an allow list (or, with ~, a deny list); each further
// line adds (or, with ~, removes) calls.
QSet<QString> allowedCalls(const UnitSandbox &unit, const QHash<QString, QStringList> &groups)
{
    QSet<QString> allowed;
    for (const QString &line : unit.filterLines) {
        const bool deny = line.startsWith(u'~');
        for (const QString &item : line.mid(deny ? 1 : 0).split(u' ', Qt::SkipEmptyParts)) {
            if (deny)
                allowed -= expand(groups, item);
            else
                allowed += expand(groups, item);
        }
    }
    return allowed;
}

QHash<QString, int> x86_64CallNumbers()
{
    QHash<QString, int> numbers;
    QFile header(QStringLiteral("/usr/include/x86_64-linux-gnu/asm/unistd_64.h"));
    if (!header.open(QIODevice::ReadOnly))
        return numbers;
    static const QRegularExpression define(QStringLiteral("^#define __NR_(\\w+) (\\d+)"));
    for (const QString &line : QString::fromLatin1(header.readAll()).split(u'\n')) {
        const auto match = define.match(line);
        if (match.hasMatch())
            numbers.insert(match.captured(1), match.captured(2).toInt());
    }
    return numbers;
}

QString familyNumbers(const QStringList &families)
{
    static const QHash<QString, int> known {{QStringLiteral("AF_UNIX"), AF_UNIX},
        {QStringLiteral("AF_INET"), AF_INET}, {QStringLiteral("AF_INET6"), AF_INET6},
        {QStringLiteral("AF_NETLINK"), AF_NETLINK}, {QStringLiteral("AF_PACKET"), AF_PACKET}};
    QStringList numbers;
    for (const QString &family : families)
        numbers << QString::number(known.value(family, -1));
    return numbers.join(u',');
}

bool hasLanAddress()
{
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback()
            && !address.isLinkLocal())
            return true;
    }
    return false;
}

} // namespace

class TestUnitSandbox : public QObject
{
    Q_OBJECT

private slots:
    void chamberdRunsInItsUnitsSandbox();
};

void TestUnitSandbox::chamberdRunsInItsUnitsSandbox()
{
    if (::getuid() != 0)
        QSKIP("runs chamberd as an unprivileged user: needs root");
    if (QStandardPaths::findExecutable(QStringLiteral("systemd-analyze")).isEmpty())
        QSKIP("systemd-analyze (package systemd) expands the unit's system call groups");
    const QHash<QString, int> numbers = x86_64CallNumbers();
    if (numbers.isEmpty())
        QSKIP("x86-64 system call numbers (asm/unistd_64.h) not found");
    const QString unitPath = qEnvironmentVariable("CHAMBER_UNIT_FILE",
        QStringLiteral(CHAMBER_SOURCE_DIR "/firmware-config/server/chamberd.service"));
    const UnitSandbox unit = readUnit(unitPath);
    QVERIFY2(!unit.filterLines.isEmpty(), qPrintable(unitPath));
    const QSet<QString> allowed = allowedCalls(unit, systemdGroups());
    QVERIFY(allowed.contains(QStringLiteral("read")));
    QStringList allowedNumbers;
    for (const QString &call : allowed) {
        if (numbers.contains(call))
            allowedNumbers << QString::number(numbers.value(call));
    }

    // The data directory belongs to the unprivileged user, as StateDirectory= makes it.
    QTemporaryDir root;
    QVERIFY(QFile::setPermissions(root.path(),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
            | QFileDevice::ExeGroup | QFileDevice::ExeOther));
    const QString data = root.filePath(QStringLiteral("data"));
    const QString home = root.filePath(QStringLiteral("home"));
    for (const QString &directory : {data, home}) {
        QVERIFY(QDir().mkpath(directory));
        QVERIFY(::chown(directory.toLocal8Bit().constData(), kNobody, kNobody) == 0);
    }
    const QString config = writeMediaConfig(root.path(),
        binaryPath(QStringLiteral("chamber-media")), QStringLiteral("--size 320x240 --fps 15"));
    QVERIFY(!config.isEmpty());
    QVERIFY(QFile::setPermissions(config, QFileDevice::ReadOwner | QFileDevice::ReadOther));

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(
        QStringLiteral("CHAMBER_SANDBOX_EXEC"), binaryPath(QStringLiteral("chamberd")));
    environment.insert(QStringLiteral("CHAMBER_SANDBOX_ALLOW"), allowedNumbers.join(u','));
    environment.insert(QStringLiteral("CHAMBER_SANDBOX_EPERM"),
        unit.eperm ? QStringLiteral("1") : QStringLiteral("0"));
    environment.insert(QStringLiteral("CHAMBER_SANDBOX_FAMILIES"), familyNumbers(unit.families));
    environment.insert(QStringLiteral("CHAMBER_SANDBOX_MDWE"),
        unit.mdwe ? QStringLiteral("1") : QStringLiteral("0"));
    environment.insert(QStringLiteral("CHAMBER_SANDBOX_UID"), QString::number(kNobody));

    ServerProcess server(data);
    server.setProgram(binaryPath(QStringLiteral("chamber_unit_sandbox")));
    server.setEnvironment(environment);
    // Listening everywhere: the join link's address then comes from QNetworkInterface.
    QVERIFY2(server.start({QStringLiteral("--demo"), QStringLiteral("--config"), config,
                 QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0")}),
        server.log().right(3000).constData());
    QVERIFY2(QTest::qWaitFor(
                 [&] { return !server.records(QStringLiteral("chamber-media ready")).isEmpty(); },
                 30000),
        server.log().right(3000).constData());

    const RestResponse code
        = restCall("POST", server.baseUrl() + QStringLiteral("/api/v1/meetings/1/join-codes"),
            server.pin(), server.adminToken(), R"({"role":"tally"})");
    QCOMPARE(code.status, 201);
    const QString url = code.json().value(QLatin1String("url")).toString();
    if (hasLanAddress())
        QVERIFY2(!url.startsWith(QLatin1String("https://127.0.0.1:")), qPrintable(url));

    // Seat cards are drawn by a child chamberd with fonts and a QGuiApplication: in the same
    // sandbox, which it inherits.
    const RestResponse cards
        = restCall("POST", server.baseUrl() + QStringLiteral("/api/v1/meetings/1/seat-cards"),
            server.pin(), server.adminToken(), {}, {}, 60000);
    QVERIFY2(cards.status == 200 && cards.body.startsWith("%PDF-"),
        QByteArray(cards.body.left(300) + server.log().right(2000)).constData());

    if (!QStandardPaths::findExecutable(QStringLiteral("soffice")).isEmpty()) {
        const CtlRun upload = runChamberctl({QStringLiteral("--server"), server.baseUrl(),
            QStringLiteral("--data"), data, QStringLiteral("doc"), QStringLiteral("upload"),
            QStringLiteral("1"), QStringLiteral("1"),
            QStringLiteral(CHAMBER_SOURCE_DIR "/tests/data/office/to-trinh.docx")});
        QVERIFY2(upload.exitCode == 0, qPrintable(upload.err + upload.out));
        QVERIFY2(upload.out.contains(QLatin1String("converted from docx")), qPrintable(upload.out));
    } else {
        qWarning("LibreOffice not installed: the office conversion was not tried");
    }
    // Still the same chamber-media: none died and was restarted in the sandbox.
    QCOMPARE(server.records(QStringLiteral("chamber-media ready")).size(), 1);
    QCOMPARE(server.terminate(), 0);
}

QTEST_GUILESS_MAIN(TestUnitSandbox)
#include "test_unit_sandbox.moc"
