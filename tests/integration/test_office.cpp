// Office documents against the real chamberd and the real LibreOffice: .docx, .odt, .xlsx and
// .pptx (tests/data/office, made from the flat ODF files beside them) become PDFs whose text
// is still the Vietnamese of the original; the same file again gives the first document; a
// broken one is refused with a reason and leaves nothing, a zip bomb before LibreOffice runs.
// Then chamberd with a converter that is not there, and with stand-ins (scripts and
// fake-office, tests/support/fakeoffice.cpp): one that hangs is stopped at the timeout, the
// queue refuses more work plainly, REST and WebSocket are answered while it runs, and a real
// conversion goes through beside it; one that takes too much memory is stopped at its limit;
// one killed leaves no LibreOffice pipe in /tmp; none outlives a killed chamberd.
#include "enroll.h"
#include "restcall.h"
#include "serverprocess.h"
#include "wsclient.h"
#include "zipwriter.h"

#include "protocol/tlspin.h"

#include "childprocess.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPdfDocument>
#include <QPdfSelection>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

#include <signal.h>

using namespace chamber;
using namespace chamber::testing;

namespace {

// LibreOffice on a busy 2-core machine, with a fresh profile each time.
constexpr int kConversionMs = 120000;

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(CHAMBER_SOURCE_DIR "/tests/data/office/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// The PDF's text without white space: LibreOffice places words and even syllables as
// separate runs, so the extracted text breaks lines and spaces where the source had none.
QString pdfText(const QByteArray &pdf)
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("d.pdf")));
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size())
        return {};
    file.close();
    QPdfDocument document;
    if (document.load(file.fileName()) != QPdfDocument::Error::None)
        return {};
    QString text;
    for (int page = 0; page < document.pageCount(); ++page)
        text += document.getAllText(page).text();
    text.remove(QRegularExpression(QStringLiteral("\\s")));
    return text.normalized(QString::NormalizationForm_C);
}

// Dead or a zombie: the container's init may be slow to reap orphans.
bool isRunning(const QByteArray &pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(QString::fromLatin1(pid)));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close > 0 && line.size() > close + 2 && line.at(close + 2) != 'Z';
}

QString withoutSpaces(QString text)
{
    return text.remove(u' ');
}

// The pids a hanging stand-in wrote ("$$ $!": itself and the child it left, as soffice leaves
// soffice.bin) are gone.
bool pidsEnd(const QString &pids)
{
    QFile file(pids);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QList<QByteArray> started = file.readLine().trimmed().split(' ');
    if (started.size() != 2)
        return false;
    for (const QByteArray &pid : started) {
        if (!QTest::qWaitFor([&pid] { return !isRunning(pid); }, 5000))
            return false;
    }
    return true;
}

// A request that is left running while the test does other things.
class PendingCall
{
public:
    PendingCall(QNetworkAccessManager &network, const QString &url, const QByteArray &pin,
        const QByteArray &token, const QByteArray &body)
    {
        QNetworkRequest request {QUrl(url)};
        request.setSslConfiguration(protocol::pinnedClientConfiguration());
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setTransferTimeout(kConversionMs);
        request.setRawHeader("Authorization", "Bearer " + token);
        m_reply.reset(network.post(request, body));
        QObject::connect(m_reply.get(), &QNetworkReply::sslErrors, m_reply.get(),
            [reply = m_reply.get(), pin](const QList<QSslError> &errors) {
                if (protocol::peerMatchesPin(reply->sslConfiguration().peerCertificate(), pin))
                    reply->ignoreSslErrors(errors);
            });
    }
    bool isFinished() const { return m_reply->isFinished(); }
    RestResponse wait(int timeoutMs = kConversionMs)
    {
        if (!QTest::qWaitFor([this] { return m_reply->isFinished(); }, timeoutMs))
            return {};
        RestResponse response;
        response.status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        response.body = m_reply->readAll();
        return response;
    }

private:
    std::unique_ptr<QNetworkReply> m_reply;
};

} // namespace

class TestOffice : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_scratch;
    std::unique_ptr<ServerProcess> m_server;

    bool startServer(const QByteArray &documentsSection)
    {
        m_server = std::make_unique<ServerProcess>();
        QFile config(m_scratch.filePath(QStringLiteral("chamberd.conf")));
        if (!config.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        config.write("[documents]\n" + documentsSection);
        config.close();
        return m_server->start(
            {QStringLiteral("--demo"), QStringLiteral("--config"), config.fileName()});
    }

    QString script(const QString &name, const QByteArray &body)
    {
        const QString path = m_scratch.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        file.write("#!/bin/sh\n" + body + "\n");
        file.close();
        file.setPermissions(
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        return path;
    }

    QString uploadUrl(qint64 item, const QString &name) const
    {
        return m_server->baseUrl()
            + QStringLiteral("/api/v1/meetings/1/items/%1/documents?name=%2")
                  .arg(item)
                  .arg(QString::fromLatin1(QUrl::toPercentEncoding(name)));
    }

    RestResponse upload(qint64 item, const QString &name, const QByteArray &content)
    {
        return restCall("POST", uploadUrl(item, name), m_server->pin(), m_server->adminToken(),
            content, {}, kConversionMs);
    }

    RestResponse admin(const QByteArray &method, const QString &path)
    {
        return restCall(method, m_server->baseUrl() + QStringLiteral("/api/v1") + path,
            m_server->pin(), m_server->adminToken());
    }

    QStringList storedFiles() const
    {
        return QDir(m_server->dataDir() + QStringLiteral("/docs"))
            .entryList(QDir::Files | QDir::Hidden);
    }

    int documentEvents()
    {
        return admin("GET", QStringLiteral("/meetings/1/events")).body.count("\"document.added\"");
    }

    QByteArray download(const QString &sha256)
    {
        return restCall("GET", m_server->baseUrl() + QStringLiteral("/docs/") + sha256,
            m_server->pin(), m_server->adminToken())
            .body;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("soffice")).isEmpty(),
            "LibreOffice is missing: apt-get install libreoffice-writer-nogui "
            "libreoffice-calc-nogui libreoffice-impress-nogui (scripts/test.sh does)");
    }

    void officeFilesBecomePdfs_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QStringList>("texts"); // each must be in the PDF
        const QStringList toTrinh {QStringLiteral("Tờ trình về dự toán ngân sách năm 2027"),
            QStringLiteral("Kính gửi Hội đồng nhân dân tỉnh Quảng Trị.")};
        QTest::newRow("docx") << QStringLiteral("to-trinh.docx") << QStringLiteral("docx")
                              << toTrinh;
        QTest::newRow("odt") << QStringLiteral("to-trinh.odt") << QStringLiteral("odt") << toTrinh;
        QTest::newRow("xlsx") << QStringLiteral("so-lieu.xlsx") << QStringLiteral("xlsx")
                              << QStringList {QStringLiteral("Hướng Hóa"),
                                     QStringLiteral("Đakrông"), QStringLiteral("95000")};
        QTest::newRow("pptx") << QStringLiteral("trinh-chieu.pptx") << QStringLiteral("pptx")
                              << QStringList {
                                     QStringLiteral("Chuyển đổi số trong cơ quan nhà nước"),
                                     QStringLiteral("Kết quả đạt được và phương hướng")};
    }
    void officeFilesBecomePdfs()
    {
        QFETCH(QString, file);
        QFETCH(QString, source);
        QFETCH(QStringList, texts);
        if (!m_server)
            QVERIFY(startServer({}));
        const QByteArray content = fixture(file);
        const QString name = QStringLiteral("Tài liệu ") + file;
        const RestResponse uploaded = upload(3, name, content);
        QVERIFY2(uploaded.status == 201, uploaded.body.constData());
        const QJsonObject document = uploaded.json().value(QLatin1String("document")).toObject();
        QCOMPARE(document.value(QLatin1String("source")).toString(), source);
        QCOMPARE(document.value(QLatin1String("name")).toString(), name);
        QCOMPARE(document.value(QLatin1String("sourceSha256")).toString(), sha256Hex(content));
        QVERIFY(document.value(QLatin1String("pages")).toInt() >= 1);
        if (source == QLatin1String("pptx"))
            QCOMPARE(document.value(QLatin1String("pages")).toInt(), 2); // one page per slide

        const QString sha256 = document.value(QLatin1String("sha256")).toString();
        const QByteArray pdf = download(sha256);
        QVERIFY(pdf.startsWith("%PDF-"));
        QCOMPARE(sha256Hex(pdf), sha256);
        QVERIFY(storedFiles().contains(sha256 + QStringLiteral(".pdf")));
        const QString text = pdfText(pdf);
        for (const QString &expected : texts)
            QVERIFY2(text.contains(withoutSpaces(expected)),
                qPrintable(QStringLiteral("\"%1\" not in: %2").arg(expected, text.left(400))));

        // A retry after a lost answer: the first document, no second conversion's copy.
        const int events = documentEvents();
        const QStringList files = storedFiles();
        const RestResponse again = upload(3, name, content);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(QLatin1String("created")).toBool(), false);
        QCOMPARE(
            again.json().value(QLatin1String("document")).toObject().value(QLatin1String("id")),
            document.value(QLatin1String("id")));
        QCOMPARE(documentEvents(), events);
        QCOMPARE(storedFiles(), files);
    }

    void chamberctlUploadsOfficeFiles()
    {
        QVERIFY(m_server);
        QProcess ctl;
        chamber::testing::dieWithTest(ctl);
        ctl.start(binaryPath(QStringLiteral("chamberctl")),
            {QStringLiteral("--data"), m_server->dataDir(), QStringLiteral("--server"),
                m_server->baseUrl(), QStringLiteral("doc"), QStringLiteral("upload"),
                QStringLiteral("1"), QStringLiteral("4"),
                QStringLiteral(CHAMBER_SOURCE_DIR "/tests/data/office/trinh-chieu.pptx"),
                QStringLiteral("--name"), QStringLiteral("Trình chiếu.pptx")});
        QVERIFY(ctl.waitForFinished(kConversionMs));
        const QString out = QString::fromUtf8(ctl.readAllStandardOutput());
        QVERIFY2(
            ctl.exitCode() == 0, qPrintable(out + QString::fromUtf8(ctl.readAllStandardError())));
        QVERIFY2(out.startsWith(QStringLiteral("added")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("Trình chiếu.pptx")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("converted from pptx")), qPrintable(out));
    }

    void brokenOfficeFilesAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        // A ZIP header and then garbage, as a truncated copy from a USB stick looks.
        QByteArray garbage("PK\x03\x04", 4);
        for (int i = 0; i < 4000; ++i)
            garbage.append(char((i * 7919) % 251));
        QTest::newRow("garbage docx")
            << QStringLiteral("Báo cáo.docx") << garbage << QStringLiteral("could not read");
        const QByteArray real = fixture(QStringLiteral("to-trinh.docx"));
        QTest::newRow("cut docx") << QStringLiteral("Báo cáo.docx") << real.left(real.size() / 3)
                                  << QStringLiteral("could not read");
    }
    void brokenOfficeFilesAreRefused()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        QVERIFY(m_server);
        const QStringList files = storedFiles();
        const int events = documentEvents();
        const RestResponse refused = upload(3, name, content);
        QCOMPARE(refused.status, 422);
        const QString message = refused.json().value(QLatin1String("message")).toString();
        QVERIFY2(message.contains(reason), qPrintable(message));
        QCOMPARE(storedFiles(), files);
        QCOMPARE(documentEvents(), events);
    }

    void zipBombIsRefusedBeforeLibreOfficeRuns()
    {
        // 300 MiB of one letter as document.xml: a 300 KB upload.
        const QByteArray bomb = makeZip({{"[Content_Types].xml", "<Types/>"},
                                            {"word/document.xml", QByteArray(300 << 20, 'a')}})
                                    .bytes;
        QVERIFY(bomb.size() < 1024 * 1024);
        QVERIFY(m_server);
        const QStringList files = storedFiles();
        const int events = documentEvents();
        const qsizetype conversions
            = m_server->records(QStringLiteral("conversion started")).size();
        const RestResponse refused = upload(3, QStringLiteral("Bom.docx"), bomb);
        QCOMPARE(refused.status, 413);
        const QString message = refused.json().value(QLatin1String("message")).toString();
        QVERIFY2(message.contains(QStringLiteral("\"word/document.xml\" alone is 300.0 MiB")),
            qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("max-unpacked-mib")), qPrintable(message));
        QCOMPARE(storedFiles(), files);
        QCOMPARE(documentEvents(), events);
        QCOMPARE(m_server->records(QStringLiteral("conversion started")).size(), conversions);
    }

    void missingConverterSaysSo()
    {
        QVERIFY(startServer("office-converter = /nonexistent/libreoffice/soffice\n"));
        const RestResponse refused
            = upload(3, QStringLiteral("Tờ trình.docx"), fixture(QStringLiteral("to-trinh.docx")));
        QCOMPARE(refused.status, 422);
        const QString message = refused.json().value(QLatin1String("message")).toString();
        QVERIFY2(message.contains(QStringLiteral("LibreOffice, which is not installed")),
            qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("/nonexistent/libreoffice/soffice")),
            qPrintable(message));
        QCOMPARE(storedFiles(), QStringList());
        QCOMPARE(documentEvents(), 0);
        // PDFs still work without it: only office files need LibreOffice.
    }

    void hangingConverterIsStoppedAndNothingWaitsForIt()
    {
        // A "LibreOffice" that never finishes, and leaves a child behind as soffice does.
        const QString pids = m_scratch.filePath(QStringLiteral("pids"));
        const QString fake = m_scratch.filePath(QStringLiteral("hanging-soffice"));
        QFile script(fake);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\nsleep 600 &\necho \"$$ $!\" >> '" + pids.toUtf8() + "'\nwait\n");
        script.close();
        script.setPermissions(
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QVERIFY(startServer("office-converter = " + fake.toUtf8()
            + "\nconversion-timeout = 4\nmax-conversions = 1\nmax-waiting-conversions = 1\n"));
        const QString credential = enrollDevice(*m_server, 1, QStringLiteral("tally"));
        WsClient tablet(m_server->pin());
        QVERIFY(tablet.connectAndHello(m_server->wsUrl(), credential.toUtf8()));

        QNetworkAccessManager network;
        const QByteArray docx = fixture(QStringLiteral("to-trinh.docx"));
        QElapsedTimer clock;
        clock.start();
        PendingCall running(network, uploadUrl(3, QStringLiteral("a.docx")), m_server->pin(),
            m_server->adminToken(), docx);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(pids), 10000);
        PendingCall waiting(network, uploadUrl(4, QStringLiteral("b.docx")), m_server->pin(),
            m_server->adminToken(), fixture(QStringLiteral("to-trinh.odt")));
        QTest::qWait(300); // let it reach the queue
        // The queue (one running, one waiting) is full: told at once, not after the wait.
        const RestResponse full = upload(5, QStringLiteral("c.docx"), docx);
        QCOMPARE(full.status, 503);
        QVERIFY2(full.json()
                     .value(QLatin1String("message"))
                     .toString()
                     .contains(QStringLiteral("try again")),
            full.body.constData());

        // chamberd keeps serving while LibreOffice "works": REST and the WebSocket.
        QVERIFY(!running.isFinished());
        const RestResponse state = admin("GET", QStringLiteral("/meetings/1"));
        QCOMPARE(state.status, 200);
        const QJsonObject pong = tablet.request({{QStringLiteral("type"), QStringLiteral("ping")}});
        QCOMPARE(pong.value(QLatin1String("type")).toString(), QStringLiteral("ok"));
        QVERIFY(!running.isFinished());

        const RestResponse timedOut = running.wait();
        QCOMPARE(timedOut.status, 422);
        QVERIFY2(timedOut.body.contains("within 4 s"), timedOut.body.constData());
        QVERIFY(clock.elapsed() >= 3500);
        // The fake and its child are gone: the whole process group was killed.
        QFile pidFile(pids);
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const QList<QByteArray> started = pidFile.readLine().trimmed().split(' ');
        QCOMPARE(started.size(), 2);
        for (const QByteArray &pid : started)
            QTRY_VERIFY2_WITH_TIMEOUT(!isRunning(pid), pid.constData(), 5000);
        // The one that waited ran next, and timed out too.
        const RestResponse second = waiting.wait();
        QCOMPARE(second.status, 422);
        QCOMPARE(storedFiles(), QStringList());
        QCOMPARE(documentEvents(), 0);
    }

    void normalFileConvertsBesideAHangingOne()
    {
        // .odt files hang; anything else goes to the real LibreOffice. Two slots (the default):
        // the .docx is converted while the .odt holds the other.
        const QString pids = m_scratch.filePath(QStringLiteral("beside-pids"));
        const QString fake = script(QStringLiteral("odt-hangs"),
            "case \"$*\" in *.odt) sleep 600 & echo \"$$ $!\" >> '" + pids.toUtf8()
                + "'; wait;; esac\nexec soffice \"$@\"");
        QVERIFY(
            startServer("office-converter = " + fake.toUtf8() + "\nconversion-timeout = 300\n"));
        QNetworkAccessManager network;
        PendingCall hanging(network, uploadUrl(3, QStringLiteral("a.odt")), m_server->pin(),
            m_server->adminToken(), fixture(QStringLiteral("to-trinh.odt")));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(pids), 10000);
        const RestResponse converted
            = upload(4, QStringLiteral("b.docx"), fixture(QStringLiteral("to-trinh.docx")));
        QVERIFY2(converted.status == 201, converted.body.constData());
        QVERIFY(!hanging.isFinished());
        QCOMPARE(documentEvents(), 1);
        // Stopping chamberd stops the hanging one.
        QCOMPARE(m_server->terminate(), 0);
        QVERIFY(pidsEnd(pids));
    }

    void memoryHogIsStoppedAtItsLimit()
    {
        // Asks for 512 MiB where 128 are allowed.
        const QString fake
            = script(QStringLiteral("hog"), "exec '" CHAMBER_FAKE_OFFICE "' hog 512 \"$@\"");
        QVERIFY(
            startServer("office-converter = " + fake.toUtf8() + "\nconversion-memory-mib = 128\n"));
        const RestResponse refused
            = upload(3, QStringLiteral("Tờ trình.docx"), fixture(QStringLiteral("to-trinh.docx")));
        QCOMPARE(refused.status, 422);
        const QString message = refused.json().value(QLatin1String("message")).toString();
        QVERIFY2(message.contains(QStringLiteral("at its limit of 128 MiB of memory ([documents] "
                                                 "conversion-memory-mib)")),
            qPrintable(message));
        QCOMPARE(storedFiles(), QStringList());
        QCOMPARE(documentEvents(), 0);
    }

    void killedConversionLeavesNoPipe()
    {
        // The stand-in binds LibreOffice's pipe in /tmp and hangs until the timeout kills it.
        const QString pipes = m_scratch.filePath(QStringLiteral("pipes"));
        const QString fake = script(QStringLiteral("pipe"),
            "exec '" CHAMBER_FAKE_OFFICE "' pipe '" + pipes.toUtf8() + "' \"$@\"");
        QVERIFY(startServer("office-converter = " + fake.toUtf8() + "\nconversion-timeout = 2\n"));
        const QByteArray docx = fixture(QStringLiteral("to-trinh.docx"));
        QCOMPARE(upload(3, QStringLiteral("a.docx"), docx).status, 422);
        QCOMPARE(upload(4, QStringLiteral("b.docx"), docx).status, 422);
        QFile file(pipes);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> created = file.readAll().trimmed().split('\n');
        QCOMPARE(created.size(), 2); // each conversion its own
        QVERIFY(created.at(0) != created.at(1));
        for (const QByteArray &pipe : created) {
            QVERIFY2(pipe.startsWith("/tmp/OSL_PIPE_"), pipe.constData());
            QTRY_VERIFY2_WITH_TIMEOUT(
                !QFileInfo::exists(QString::fromLocal8Bit(pipe)), pipe.constData(), 5000);
        }
    }

    void killedChamberdLeavesNoConverter()
    {
        const QString pids = m_scratch.filePath(QStringLiteral("orphan-pids"));
        const QString fake = script(QStringLiteral("orphan"),
            "sleep 600 &\necho \"$$ $!\" >> '" + pids.toUtf8() + "'\nwait");
        QVERIFY(startServer("office-converter = " + fake.toUtf8() + "\n"));
        QNetworkAccessManager network;
        PendingCall running(network, uploadUrl(3, QStringLiteral("a.docx")), m_server->pin(),
            m_server->adminToken(), fixture(QStringLiteral("to-trinh.docx")));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(pids), 10000);
        m_server->kill(); // SIGKILL: chamberd cleans nothing up itself
        QVERIFY(pidsEnd(pids));
    }
};

QTEST_MAIN(TestOffice)
#include "test_office.moc"
