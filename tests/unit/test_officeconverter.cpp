// The office converter without LibreOffice: fake soffice scripts show what it is given (a
// private profile, home and output directory per conversion, the file under a name of ours),
// that a PDF comes back, that a program that writes nothing or hangs gets a reason, that at
// most N run with a bounded queue behind them, taken in turns between uploaders, that answers
// never come before convert() returns, that each run has its memory and CPU limits, and that
// LibreOffice's pipe in /tmp is removed after a killed run (named as LibreOffice names it).
#include "services/officeconverter.h"
#include "services/officeprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <memory>
#include <vector>

using namespace chamber;
using namespace chamber::services;

namespace {

const QString kUploader = QStringLiteral("admin");

// A shell script standing in for soffice. It records its arguments and $HOME in `log`, then
// runs `body` (with $out the --outdir and $in the input file).
QString fakeSoffice(const QTemporaryDir &dir, const QString &name, const QByteArray &body)
{
    const QString path = dir.filePath(name);
    QFile script(path);
    if (!script.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    script.write("#!/bin/sh\n"
                 "log='"
        + dir.filePath(name + QStringLiteral(".log")).toUtf8()
        + "'\n"
          "echo \"HOME=$HOME $*\" >> \"$log\"\n"
          "out=; in=\n"
          "while [ $# -gt 0 ]; do\n"
          "  case \"$1\" in --outdir) out=$2; shift;; -*) ;; *) in=$1;; esac; shift\n"
          "done\n"
        + body + "\n");
    script.close();
    script.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return path;
}

QStringList logLines(const QString &program)
{
    QFile log(program + QStringLiteral(".log"));
    if (!log.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(log.readAll()).split(u'\n', Qt::SkipEmptyParts);
}

struct Outcome
{
    bool called = false;
    Result<QByteArray> result = QByteArray();
};

// QVERIFY2 evaluates its message even when the check passes.
QString messageOf(const Outcome &outcome)
{
    return outcome.result ? QString() : outcome.result.error().message;
}

OfficeConverter::Done record(Outcome *outcome)
{
    return [outcome](Result<QByteArray> result) {
        outcome->called = true;
        outcome->result = std::move(result);
    };
}

} // namespace

class TestOfficeConverter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void missingProgramIsSaidPlainly()
    {
        OfficeConverter converter({QStringLiteral("/nonexistent/soffice")});
        QVERIFY(converter.resolveProgram().isEmpty());
        Outcome outcome;
        const Status queued
            = converter.convert("PK", QStringLiteral("docx"), kUploader, record(&outcome));
        QVERIFY(!queued);
        QCOMPARE(queued.error().code, ErrorCode::Invalid);
        QVERIFY2(queued.error().message.contains(QStringLiteral("not installed")),
            qPrintable(queued.error().message));
        QTest::qWait(50);
        QVERIFY(!outcome.called);
    }

    void convertsInAPrivateProfile()
    {
        const QString program = fakeSoffice(m_dir, QStringLiteral("ok-soffice"),
            "printf '%%PDF-1.7 from %s\\n' \"$(cat \"$in\")\" > \"$out/document.pdf\"");
        OfficeConverterOptions options;
        options.program = program;
        OfficeConverter converter(options);
        QCOMPARE(converter.resolveProgram(), program);
        Outcome first;
        Outcome second;
        QVERIFY(converter.convert("báo cáo", QStringLiteral("docx"), kUploader, record(&first)));
        QVERIFY(converter.convert("bảng", QStringLiteral("xlsx"), kUploader, record(&second)));
        QVERIFY(!first.called); // never before convert() has returned
        QTRY_VERIFY_WITH_TIMEOUT(first.called && second.called, 10000);
        QVERIFY(first.result);
        QCOMPARE(first.result.value(), QByteArray("%PDF-1.7 from báo cáo\n"));
        QCOMPARE(second.result.value(), QByteArray("%PDF-1.7 from bảng\n"));

        const QStringList runs = logLines(program);
        QCOMPARE(runs.size(), 2);
        QStringList profiles;
        for (const QString &run : runs) {
            QVERIFY2(run.contains(QStringLiteral("--headless")), qPrintable(run));
            QVERIFY2(run.contains(QStringLiteral("--convert-to pdf")), qPrintable(run));
            const QString profile = run.section(QStringLiteral("-env:UserInstallation=file://"), 1)
                                        .section(u' ', 0, 0);
            QVERIFY2(profile.endsWith(QStringLiteral("/profile")), qPrintable(run));
            // HOME is the conversion's own directory, the profile inside it.
            const QString home = run.section(u' ', 0, 0).mid(5);
            QCOMPARE(profile, home + QStringLiteral("/profile"));
            // The file is ours, named by its format, never by the upload's name.
            QVERIFY2(run.endsWith(home + QStringLiteral("/in/document.docx"))
                    || run.endsWith(home + QStringLiteral("/in/document.xlsx")),
                qPrintable(run));
            profiles << profile;
            // Cleaned up once done.
            QTRY_VERIFY(!QDir(home).exists());
        }
        QVERIFY(profiles.at(0) != profiles.at(1));
    }

    void noOutputIsAReason()
    {
        OfficeConverterOptions options;
        options.program = fakeSoffice(m_dir, QStringLiteral("silent-soffice"),
            "echo 'Error: source file "
            "could not be loaded'");
        OfficeConverter converter(options);
        Outcome outcome;
        QVERIFY(
            converter.convert("PK garbage", QStringLiteral("docx"), kUploader, record(&outcome)));
        QTRY_VERIFY_WITH_TIMEOUT(outcome.called, 10000);
        QVERIFY(!outcome.result);
        QCOMPARE(outcome.result.error().code, ErrorCode::Invalid);
        QVERIFY2(outcome.result.error().message.contains(QStringLiteral("could not read the "
                                                                        "file as .docx")),
            qPrintable(outcome.result.error().message));
    }

    void tooLargeOutputIsRefused()
    {
        OfficeConverterOptions options;
        options.program = fakeSoffice(
            m_dir, QStringLiteral("big-soffice"), "head -c 3000 /dev/zero > \"$out/document.pdf\"");
        options.maxOutputBytes = 2000;
        OfficeConverter converter(options);
        Outcome outcome;
        QVERIFY(converter.convert("x", QStringLiteral("pptx"), kUploader, record(&outcome)));
        QTRY_VERIFY_WITH_TIMEOUT(outcome.called, 10000);
        QVERIFY(!outcome.result);
        QCOMPARE(outcome.result.error().code, ErrorCode::TooLarge);
    }

    void hangingConverterTimesOut()
    {
        OfficeConverterOptions options;
        options.program = fakeSoffice(m_dir, QStringLiteral("hanging-soffice"), "sleep 60");
        options.timeoutSeconds = 1;
        OfficeConverter converter(options);
        Outcome outcome;
        QVERIFY(converter.convert("x", QStringLiteral("odt"), kUploader, record(&outcome)));
        QTRY_VERIFY_WITH_TIMEOUT(outcome.called, 10000);
        QVERIFY(!outcome.result);
        QCOMPARE(outcome.result.error().code, ErrorCode::Invalid);
        QVERIFY2(outcome.result.error().message.contains(QStringLiteral("within 1 s")),
            qPrintable(outcome.result.error().message));
        QCOMPARE(converter.running(), 0);
    }

    void queueIsBounded()
    {
        OfficeConverterOptions options;
        options.program = fakeSoffice(m_dir, QStringLiteral("slow-soffice"),
            "sleep 1; echo '%PDF-1.7' > \"$out/document.pdf\"");
        options.maxRunning = 1;
        options.maxWaiting = 1;
        OfficeConverter converter(options);
        Outcome first;
        Outcome second;
        Outcome third;
        QVERIFY(converter.convert("1", QStringLiteral("docx"), kUploader, record(&first)));
        QVERIFY(converter.convert("2", QStringLiteral("docx"), kUploader, record(&second)));
        const Status refused
            = converter.convert("3", QStringLiteral("docx"), kUploader, record(&third));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Unavailable);
        QVERIFY2(refused.error().message.contains(QStringLiteral("try again")),
            qPrintable(refused.error().message));
        QTRY_COMPARE_WITH_TIMEOUT(converter.running(), 1, 5000);
        QCOMPARE(converter.waiting(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(first.called, 10000);
        QVERIFY(!second.called); // one at a time
        QTRY_VERIFY_WITH_TIMEOUT(second.called, 10000);
        QVERIFY(first.result && second.result);
        QVERIFY(!third.called);
        // Room again once the queue drained.
        QVERIFY(converter.convert("4", QStringLiteral("docx"), kUploader, record(&third)));
        QTRY_VERIFY_WITH_TIMEOUT(third.called, 10000);
    }

    void uploadersTakeTurns()
    {
        // One at a time, each appending its file's content to `order`.
        const QString order = m_dir.filePath(QStringLiteral("order"));
        OfficeConverterOptions options;
        options.program = fakeSoffice(m_dir, QStringLiteral("turns-soffice"),
            "cat \"$in\" >> '" + order.toUtf8() + "'; echo '%PDF-1.7' > \"$out/document.pdf\"");
        options.maxRunning = 1;
        options.maxWaiting = 10;
        OfficeConverter converter(options);
        std::vector<Outcome> outcomes(5);
        // The first uploader queues three before the others come: they do not wait for all.
        const QList<std::pair<QByteArray, QString>> uploads {{"a1 ", QStringLiteral("device:1")},
            {"a2 ", QStringLiteral("device:1")}, {"a3 ", QStringLiteral("device:1")},
            {"b1 ", QStringLiteral("admin")}, {"c1 ", QStringLiteral("reader:4")}};
        for (int i = 0; i < uploads.size(); ++i)
            QVERIFY(converter.convert(uploads[i].first, QStringLiteral("docx"), uploads[i].second,
                record(&outcomes[size_t(i)])));
        QCOMPARE(converter.waiting(), 5);
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(outcomes.begin(), outcomes.end(),
                                     [](const Outcome &o) { return o.called; }),
            20000);
        QFile file(order);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("a1 b1 c1 a2 a3 "));
    }

    void eachRunHasItsLimits()
    {
        // The shell's ulimit shows what the converter got: data in KiB, CPU in seconds.
        OfficeConverterOptions options;
        options.program = fakeSoffice(m_dir, QStringLiteral("limits-soffice"),
            "printf '%%PDF-1.7 %s %s %s\\n' \"$(ulimit -d)\" \"$(ulimit -t)\" \"$(ulimit -c)\" "
            "> \"$out/document.pdf\"");
        options.memoryBytes = 300LL * 1024 * 1024;
        options.timeoutSeconds = 42;
        OfficeConverter converter(options);
        Outcome outcome;
        QVERIFY(converter.convert("x", QStringLiteral("docx"), kUploader, record(&outcome)));
        QTRY_VERIFY_WITH_TIMEOUT(outcome.called, 10000);
        QVERIFY2(outcome.result, qPrintable(messageOf(outcome)));
        QCOMPARE(outcome.result.value(), QByteArray("%PDF-1.7 307200 42 0\n"));
    }

    void memoryLimitStopsARun()
    {
        // Asks for 512 MiB with 128 allowed: the allocation fails, the program aborts.
        const QString program = m_dir.filePath(QStringLiteral("hog-soffice"));
        QFile script(program);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\nexec '" CHAMBER_FAKE_OFFICE "' hog 512 \"$@\"\n");
        script.close();
        script.setPermissions(QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        OfficeConverterOptions options;
        options.program = program;
        options.memoryBytes = 128LL * 1024 * 1024;
        OfficeConverter converter(options);
        Outcome outcome;
        QVERIFY(converter.convert("x", QStringLiteral("pptx"), kUploader, record(&outcome)));
        QTRY_VERIFY_WITH_TIMEOUT(outcome.called, 10000);
        QVERIFY(!outcome.result);
        QCOMPARE(outcome.result.error().code, ErrorCode::Invalid);
        QVERIFY2(outcome.result.error().message.contains(
                     QStringLiteral("its limit of 128 MiB of memory")),
            qPrintable(outcome.result.error().message));
        // Within the limit the same program converts.
        options.memoryBytes = 1024LL * 1024 * 1024;
        OfficeConverter roomy(options);
        Outcome converted;
        QVERIFY(roomy.convert("x", QStringLiteral("pptx"), kUploader, record(&converted)));
        QTRY_VERIFY_WITH_TIMEOUT(converted.called, 10000);
        QVERIFY2(converted.result, qPrintable(messageOf(converted)));
    }

    void pipeIsNamedAsLibreOfficeNamesIt()
    {
        // Seen in /tmp with LibreOffice 7.4 run with these -env:UserInstallation URLs; the
        // second has a digest byte below 0x10, written as one digit.
        const QString prefix = QStringLiteral("OSL_PIPE_%1_SingleOfficeIPC_").arg(::getuid());
        QCOMPARE(officePipeName(QStringLiteral("file:///tmp/lo1/profile")),
            prefix + QStringLiteral("63b4c7b681eefafcaefe2489fe40cce7"));
        QCOMPARE(officePipeName(QStringLiteral("file:///tmp/lo2-0/profile")),
            prefix + QStringLiteral("88228383d1edf0cdb827f286197a175"));
        QCOMPARE(officePipeName(QStringLiteral("file:///tmp/lo3%20sp/real/profile2")),
            prefix + QStringLiteral("c7589f5d75c8f9e569d39f8cb346ae"));
    }

    void killedRunLeavesNoPipe()
    {
        // Another conversion's pipe (another profile's name) is not ours to remove.
        const QString foreign = QStringLiteral("/tmp/")
            + officePipeName(QStringLiteral("file://") + m_dir.filePath(QStringLiteral("other")));
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un address = {};
        address.sun_family = AF_UNIX;
        qstrncpy(
            address.sun_path, QFile::encodeName(foreign).constData(), sizeof(address.sun_path));
        QVERIFY(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0);
        ::close(fd);

        const QString pipes = m_dir.filePath(QStringLiteral("pipes"));
        const QString program = m_dir.filePath(QStringLiteral("pipe-soffice"));
        QFile script(program);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(
            "#!/bin/sh\nexec '" CHAMBER_FAKE_OFFICE "' pipe '" + pipes.toUtf8() + "' \"$@\"\n");
        script.close();
        script.setPermissions(QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        OfficeConverterOptions options;
        options.program = program;
        options.timeoutSeconds = 1;
        OfficeConverter converter(options);
        Outcome outcome;
        QVERIFY(converter.convert("x", QStringLiteral("odt"), kUploader, record(&outcome)));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(pipes), 10000);
        QFile written(pipes);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QString pipe = QString::fromLocal8Bit(written.readAll().trimmed());
        QVERIFY2(pipe.startsWith(QStringLiteral("/tmp/OSL_PIPE_")), qPrintable(pipe));
        QTRY_VERIFY_WITH_TIMEOUT(outcome.called, 10000); // the timeout killed it
        QVERIFY(!outcome.result);
        QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(pipe), 5000);
        QVERIFY(QFileInfo::exists(foreign));
        ::unlink(QFile::encodeName(foreign).constData());
    }
};

QTEST_GUILESS_MAIN(TestOfficeConverter)
#include "test_officeconverter.moc"
