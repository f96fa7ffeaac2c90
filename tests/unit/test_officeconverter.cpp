// The office converter without LibreOffice: fake soffice scripts show what it is given (a
// private profile, home and output directory per conversion, the file under a name of ours),
// that a PDF comes back, that a program that writes nothing or hangs gets a reason, that at
// most N run with a bounded queue behind them, and that answers never come before convert()
// returns.
#include "services/officeconverter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace chamber;
using namespace chamber::services;

namespace {

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
        const Status queued = converter.convert("PK", QStringLiteral("docx"), record(&outcome));
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
        QVERIFY(converter.convert("báo cáo", QStringLiteral("docx"), record(&first)));
        QVERIFY(converter.convert("bảng", QStringLiteral("xlsx"), record(&second)));
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
        QVERIFY(converter.convert("PK garbage", QStringLiteral("docx"), record(&outcome)));
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
        QVERIFY(converter.convert("x", QStringLiteral("pptx"), record(&outcome)));
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
        QVERIFY(converter.convert("x", QStringLiteral("odt"), record(&outcome)));
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
        QVERIFY(converter.convert("1", QStringLiteral("docx"), record(&first)));
        QVERIFY(converter.convert("2", QStringLiteral("docx"), record(&second)));
        const Status refused = converter.convert("3", QStringLiteral("docx"), record(&third));
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
        QVERIFY(converter.convert("4", QStringLiteral("docx"), record(&third)));
        QTRY_VERIFY_WITH_TIMEOUT(third.called, 10000);
    }
};

QTEST_GUILESS_MAIN(TestOfficeConverter)
#include "test_officeconverter.moc"
