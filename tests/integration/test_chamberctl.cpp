// chamberctl against a real chamberd: the secretary's workflow, CSV errors, export and chain
// verification of both an export and a data directory, including tampered ones.
#include "accounts.h"
#include "chamberctlrun.h"
#include "pdfmaker.h"
#include "serverprocess.h"
#include "storage/sqlite.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace chamber;
using namespace chamber::testing;

namespace {

using Run = CtlRun;

} // namespace

class TestChamberctl : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_server;
    QTemporaryDir m_work;

    Run ctl(const QStringList &arguments, const QStringList &connection = {},
        const QByteArray &standardInput = {})
    {
        const QStringList base = connection.isEmpty()
            ? QStringList {QStringLiteral("--data"), m_server.dataDir(), QStringLiteral("--server"),
                m_server.baseUrl()}
            : connection;
        return runChamberctl(
            base + arguments, QProcessEnvironment::systemEnvironment(), 30000, standardInput);
    }

    Run account(const QStringList &arguments, const QByteArray &standardInput = {})
    {
        return ctl(QStringList {QStringLiteral("account")} + arguments, {}, standardInput);
    }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        return writeTestFile(m_work, name, content);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(), m_server.log().constData()); }

    void secretaryWorkflow()
    {
        Run run = ctl({QStringLiteral("meeting"), QStringLiteral("create"),
            QStringLiteral("--title"), QStringLiteral("Họp Ban Pháp chế"),
            QStringLiteral("--quorum"), QStringLiteral("2/3"), QStringLiteral("--at-least"),
            QStringLiteral("--starts"), QStringLiteral("2026-12-01T14:00:00+07:00"),
            QStringLiteral("--organisation"), QStringLiteral("HỘI ĐỒNG NHÂN DÂN TỈNH HÀ NAM"),
            QStringLiteral("--session"), QStringLiteral("Kỳ họp thứ mười hai")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("meeting=1")));

        QCOMPARE(ctl({QStringLiteral("item"), QStringLiteral("add"), QStringLiteral("1"),
                         QStringLiteral("--title"), QStringLiteral("Khai mạc")})
                     .exitCode,
            0);
        QCOMPARE(ctl({QStringLiteral("item"), QStringLiteral("add"), QStringLiteral("1"),
                         QStringLiteral("--title"), QStringLiteral("Nghị quyết"),
                         QStringLiteral("--kind"), QStringLiteral("section")})
                     .exitCode,
            0);
        QCOMPARE(ctl({QStringLiteral("item"), QStringLiteral("add"), QStringLiteral("1"),
                         QStringLiteral("--title"), QStringLiteral("Nghị quyết số 1"),
                         QStringLiteral("--parent"), QStringLiteral("2")})
                     .exitCode,
            0);
        QCOMPARE(ctl({QStringLiteral("item"), QStringLiteral("move"), QStringLiteral("1"),
                         QStringLiteral("3"), QStringLiteral("--top"), QStringLiteral("--position"),
                         QStringLiteral("0")})
                     .exitCode,
            0);
        QCOMPARE(ctl({QStringLiteral("item"), QStringLiteral("select"), QStringLiteral("1"),
                         QStringLiteral("1")})
                     .exitCode,
            0);
        run = ctl({QStringLiteral("agenda"), QStringLiteral("1")});
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[0].contains(QStringLiteral("Nghị quyết số 1")));
        QVERIFY(lines[1].startsWith(u'>')); // the current item is marked
        QVERIFY(lines[2].contains(QStringLiteral("[section]")));

        const QString good = writeFile(QStringLiteral("good.csv"),
            "Họ tên;Tổ;Ghế\nNguyễn Văn A;Tổ 1;A01\nTrần Thị B;Tổ 1;A02\nLê C;Tổ 2;B01\n");
        run = ctl({QStringLiteral("import"), QStringLiteral("1"), good});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("imported 3")));
        run = ctl({QStringLiteral("check-in"), QStringLiteral("1"), QStringLiteral("1"),
            QStringLiteral("2")});
        QCOMPARE(run.exitCode, 0);
        run = ctl({QStringLiteral("quorum"), QStringLiteral("1")});
        QVERIFY(run.out.contains(QStringLiteral("REACHED (2 present of 3, 2 required")));
        run = ctl({QStringLiteral("delegates"), QStringLiteral("1")});
        QVERIFY(run.out.contains(QStringLiteral("Trần Thị B")));
        run = ctl({QStringLiteral("--json"), QStringLiteral("meeting"), QStringLiteral("show"),
            QStringLiteral("1")});
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8())
                     .object()
                     .value(QLatin1String("startsAt"))
                     .toString(),
            QStringLiteral("2026-12-01T14:00:00+07:00"));

        // The minutes' heading and an excused absence (issue 16).
        run = ctl({QStringLiteral("delegate"), QStringLiteral("excuse"), QStringLiteral("1"),
            QStringLiteral("3"), QStringLiteral("--reason"), QStringLiteral("Đi công tác")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(ctl({QStringLiteral("delegate"), QStringLiteral("excuse"), QStringLiteral("1"),
                        QStringLiteral("9"), QStringLiteral("--reason"), QStringLiteral("x")})
                    .exitCode
            != 0);
        QVERIFY(ctl({QStringLiteral("delegate"), QStringLiteral("excuse"), QStringLiteral("1"),
                        QStringLiteral("3")})
                    .exitCode
            != 0); // --reason is required ("" withdraws)
        run = ctl({QStringLiteral("--json"), QStringLiteral("meeting"), QStringLiteral("show"),
            QStringLiteral("1")});
        const QJsonObject shown = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(shown.value(QLatin1String("organisation")).toString(),
            QStringLiteral("HỘI ĐỒNG NHÂN DÂN TỈNH HÀ NAM"));
        QCOMPARE(shown.value(QLatin1String("session")).toString(),
            QStringLiteral("Kỳ họp thứ mười hai"));
        QString reason;
        for (const QJsonValue &delegate : shown.value(QLatin1String("delegates")).toArray()) {
            if (delegate.toObject().value(QLatin1String("id")).toInteger() == 3)
                reason = delegate.toObject().value(QLatin1String("absenceReason")).toString();
        }
        QCOMPARE(reason, QStringLiteral("Đi công tác"));
    }

    // Documents from the command line: a PDF made from a sample article, then a broken one.
    void documents()
    {
        const QString pdf = writeFile(QStringLiteral("bao-cao.pdf"), makeArticlePdf(5));
        Run run = ctl({QStringLiteral("doc"), QStringLiteral("upload"), QStringLiteral("1"),
            QStringLiteral("1"), pdf, QStringLiteral("--name"), QStringLiteral("Báo cáo.pdf")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.startsWith(QStringLiteral("added document 1")), qPrintable(run.out));
        run = ctl({QStringLiteral("doc"), QStringLiteral("upload"), QStringLiteral("1"),
            QStringLiteral("1"), pdf, QStringLiteral("--name"), QStringLiteral("Báo cáo.pdf")});
        QVERIFY2(
            run.out.startsWith(QStringLiteral("already there: document 1")), qPrintable(run.out));
        run = ctl({QStringLiteral("doc"), QStringLiteral("list"), QStringLiteral("1")});
        QVERIFY(run.out.contains(QStringLiteral("Báo cáo.pdf")));
        run = ctl({QStringLiteral("doc"), QStringLiteral("present"), QStringLiteral("1"),
            QStringLiteral("1"), QStringLiteral("--page"), QStringLiteral("2")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString broken = writeFile(QStringLiteral("broken.pdf"), "%PDF-1.7 not really");
        run = ctl({QStringLiteral("doc"), QStringLiteral("upload"), QStringLiteral("1"),
            QStringLiteral("1"), broken});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("truncated")), qPrintable(run.err));
        QCOMPARE(ctl({QStringLiteral("doc"), QStringLiteral("remove"), QStringLiteral("1"),
                         QStringLiteral("1")})
                     .exitCode,
            0);
        QVERIFY(ctl({QStringLiteral("doc"), QStringLiteral("list"), QStringLiteral("1")})
                    .out.contains(QStringLiteral("no documents")));
        // A document number with "/" is a name like any other (the file is stored by hash).
        run = ctl({QStringLiteral("doc"), QStringLiteral("upload"), QStringLiteral("1"),
            QStringLiteral("1"), pdf, QStringLiteral("--name"),
            QStringLiteral("Tờ trình số 12/TTr-UBND.pdf")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(ctl({QStringLiteral("doc"), QStringLiteral("list"), QStringLiteral("1")})
                    .out.contains(QStringLiteral("Tờ trình số 12/TTr-UBND.pdf")));
        // One that would display reversed is refused, naming the character.
        run = ctl({QStringLiteral("doc"), QStringLiteral("upload"), QStringLiteral("1"),
            QStringLiteral("1"), writeFile(QStringLiteral("other.pdf"), makeArticlePdf(3)),
            QStringLiteral("--name"), QStringLiteral("to-trinh-\u202Efdp.exe")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(
            run.err.contains(QStringLiteral("U+202E RIGHT-TO-LEFT OVERRIDE")), qPrintable(run.err));
    }

    // Passwords come from a file, stdin or the terminal (without echo), never from argv.
    void accountCommands()
    {
        const QByteArray password = "mật khẩu đủ dài 2026";
        Run run
            = account({QStringLiteral("add"), QStringLiteral("thư ký"), QStringLiteral("--role"),
                          QStringLiteral("secretary"), QStringLiteral("--display-name"),
                          QStringLiteral("Thư ký kỳ họp"), QStringLiteral("--password-stdin")},
                password + '\n');
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("created account thư ký (secretary)")));
        const QString file = writeFile(QStringLiteral("password.txt"), "một mật khẩu khác\n");
        run = account({QStringLiteral("add"), QStringLiteral("báo chí"), QStringLiteral("--role"),
            QStringLiteral("observer"), QStringLiteral("--password-file"), file});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(
            logIn(m_server, QStringLiteral("báo chí"), QStringLiteral("một mật khẩu khác")).ok());

        // No terminal and no password option: refused, naming the ways that work.
        run = account({QStringLiteral("add"), QStringLiteral("ai đó"), QStringLiteral("--role"),
            QStringLiteral("observer")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("--password-file")));
        // A password on the command line is not an option at all (and not echoed back).
        run = account({QStringLiteral("add"), QStringLiteral("ai đó"), QStringLiteral("--role"),
            QStringLiteral("observer"), QStringLiteral("--password"),
            QStringLiteral("hunter2-hunter2")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.contains(QStringLiteral("hunter2")));
        // The server's checks come back as they are.
        run = account({QStringLiteral("add"), QStringLiteral("ngắn"), QStringLiteral("--role"),
                          QStringLiteral("observer"), QStringLiteral("--password-stdin")},
            "ngắn\n");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("at least 10")), qPrintable(run.err));
        QVERIFY(!run.err.contains(QStringLiteral("ngắn\n")));

        run = account({QStringLiteral("list")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("thư ký\tsecretary\tenabled\tThư ký kỳ họp")),
            qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("báo chí\tobserver\tenabled")));
        QVERIFY(!run.out.contains(QStringLiteral("scrypt")));

        // passwd: the old password stops working, the new one works.
        QVERIFY(logIn(m_server, QStringLiteral("thư ký"), QString::fromUtf8(password)).ok());
        run = account({QStringLiteral("passwd"), QStringLiteral("thư ký"),
                          QStringLiteral("--password-stdin")},
            "mật khẩu mới hẳn\n");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(
            logIn(m_server, QStringLiteral("thư ký"), QString::fromUtf8(password)).login.status,
            401);
        QVERIFY(logIn(m_server, QStringLiteral("thư ký"), QStringLiteral("mật khẩu mới hẳn")).ok());

        // disable and enable.
        QCOMPARE(account({QStringLiteral("disable"), QStringLiteral("THƯ KÝ")}).exitCode, 0);
        QVERIFY(account({QStringLiteral("list")})
                    .out.contains(QStringLiteral("thư ký\tsecretary\tdisabled")));
        QCOMPARE(logIn(m_server, QStringLiteral("thư ký"), QStringLiteral("mật khẩu mới hẳn"))
                     .login.status,
            403);
        QCOMPARE(account({QStringLiteral("enable"), QStringLiteral("thư ký")}).exitCode, 0);
        QVERIFY(logIn(m_server, QStringLiteral("thư ký"), QStringLiteral("mật khẩu mới hẳn")).ok());
        run = account({QStringLiteral("disable"), QStringLiteral("không có")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QStringLiteral("no such account")));
    }

    // poll create with a custom rule: 2/3 at least of the members present, with a quorum; the
    // server's own words for the rule are printed. Bad rules are refused (locally or by the
    // server) with a clear reason and create nothing.
    void pollWithACustomRule()
    {
        const auto polls = [&] {
            const Run shown = ctl({QStringLiteral("--json"), QStringLiteral("meeting"),
                QStringLiteral("show"), QStringLiteral("1")});
            return QJsonDocument::fromJson(shown.out.toUtf8())
                .object()
                .value(QLatin1String("polls"))
                .toArray()
                .size();
        };
        const qsizetype before = polls();
        const QStringList create {QStringLiteral("poll"), QStringLiteral("create"),
            QStringLiteral("1"), QStringLiteral("--title"),
            QStringLiteral("Sửa đổi quy chế làm việc")};
        Run run = ctl(create
            + QStringList {QStringLiteral("--fraction"), QStringLiteral("2/3"),
                QStringLiteral("--at-least"), QStringLiteral("--base"), QStringLiteral("present"),
                QStringLiteral("--quorum"), QStringLiteral("1/2")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral(" created (draft)")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral(
                     "rule: at least 2/3 of members present; quorum: more than 1/2 of members")),
            qPrintable(run.out));
        QCOMPARE(polls(), before + 1);

        // Votes cast, abstentions counted, by weight.
        run = ctl(create
            + QStringList {QStringLiteral("--fraction"), QStringLiteral("1/2"),
                QStringLiteral("--more-than"), QStringLiteral("--base"), QStringLiteral("cast"),
                QStringLiteral("--abstentions"), QStringLiteral("count"),
                QStringLiteral("--by-weight")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("rule: more than 1/2 of votes cast, abstentions "
                                                 "included, by voting weight")),
            qPrintable(run.out));
        QCOMPARE(polls(), before + 2);

        const auto refused = [&](const QStringList &options, const QString &reason) {
            const Run bad = ctl(create + options);
            QVERIFY2(bad.exitCode != 0, qPrintable(options.join(u' ')));
            QVERIFY2(bad.err.contains(reason), qPrintable(bad.err));
            QCOMPARE(polls(), before + 2);
        };
        refused({QStringLiteral("--fraction"), QStringLiteral("3/2"), QStringLiteral("--at-least"),
                    QStringLiteral("--base"), QStringLiteral("present")},
            QStringLiteral("--fraction 3/2: the fraction must be more than 0 and at most 1"));
        refused(
            {QStringLiteral("--fraction"), QStringLiteral("two thirds"),
                QStringLiteral("--at-least"), QStringLiteral("--base"), QStringLiteral("present")},
            QStringLiteral("is not a fraction"));
        refused({QStringLiteral("--fraction"), QStringLiteral("2/3"), QStringLiteral("--base"),
                    QStringLiteral("present")},
            QStringLiteral("--at-least or --more-than"));
        refused({QStringLiteral("--fraction"), QStringLiteral("2/3"), QStringLiteral("--at-least"),
                    QStringLiteral("--base"), QStringLiteral("everyone")},
            QStringLiteral("--base must be members"));
        refused({QStringLiteral("--fraction"), QStringLiteral("2/3"), QStringLiteral("--at-least"),
                    QStringLiteral("--base"), QStringLiteral("members"),
                    QStringLiteral("--abstentions"), QStringLiteral("count")},
            QStringLiteral("--abstentions only applies to --base cast"));
        refused({QStringLiteral("--rule"), QStringLiteral("simple-majority"),
                    QStringLiteral("--fraction"), QStringLiteral("2/3")},
            QStringLiteral("give one or the other"));
        refused({QStringLiteral("--fraction"), QStringLiteral("1/2"), QStringLiteral("--more-than"),
                    QStringLiteral("--base"), QStringLiteral("cast"), QStringLiteral("--quorum"),
                    QStringLiteral("0/3")},
            QStringLiteral("--quorum 0/3"));
        // The server checks too: a preset it does not know.
        refused({QStringLiteral("--rule"), QStringLiteral("unanimity")},
            QStringLiteral("no preset \"unanimity\""));
    }

    void csvErrorsNameTheLines()
    {
        const QString bad = writeFile(
            QStringLiteral("bad.csv"), "name,seat,weight\nX,Z1,1\nY,A01,1\nW,Z3,nhiều\n");
        const Run run = ctl({QStringLiteral("import"), QStringLiteral("1"), bad});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("line 3: seat A01 is already taken")),
            qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("line 4: weight")));
        QVERIFY(run.err.contains(QStringLiteral("nothing was imported")));
        QVERIFY(!ctl({QStringLiteral("delegates"), QStringLiteral("1")})
                     .out.contains(QStringLiteral(" Z1 ")));
    }

    void usageMistakes()
    {
        QCOMPARE(ctl({QStringLiteral("item"), QStringLiteral("add"), QStringLiteral("1"),
                         QStringLiteral("--titel"), QStringLiteral("x")})
                     .exitCode,
            2);
        QCOMPARE(ctl({QStringLiteral("teleport")}).exitCode, 2);
        QCOMPARE(ctl({QStringLiteral("agenda"), QStringLiteral("one")}).exitCode, 2);
        const Run missing = ctl({QStringLiteral("agenda"), QStringLiteral("5")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QStringLiteral("meeting 5 does not exist")));
        QCOMPARE(ctl({QStringLiteral("--help")}).exitCode, 0);
    }

    void refusesAServerWithAnotherKey()
    {
        const Run run = ctl({QStringLiteral("health")},
            {QStringLiteral("--data"), m_server.dataDir(), QStringLiteral("--server"),
                m_server.baseUrl(), QStringLiteral("--pin"), QString(64, u'a')});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QStringLiteral("does not present the pinned key")));
    }

    void unreachableServer()
    {
        const Run run = ctl({QStringLiteral("health")},
            {QStringLiteral("--data"), m_server.dataDir(), QStringLiteral("--server"),
                QStringLiteral("https://127.0.0.1:1")});
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.err.contains(QStringLiteral("cannot reach")));
    }

    void exportAndVerify()
    {
        const QString exported = m_work.filePath(QStringLiteral("log.jsonl"));
        Run run = ctl(
            {QStringLiteral("export"), QStringLiteral("1"), QStringLiteral("--output"), exported});
        QCOMPARE(run.exitCode, 0);
        QFile file(exported);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        file.close();
        QVERIFY(lines.size() >= 10);

        run = ctl({QStringLiteral("verify"), exported});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("OK, chain intact: %1 events").arg(lines.size())));

        // Edit one event: verify names its line.
        QList<QByteArray> edited = lines;
        edited[4].replace("Tổ 1", "Tổ 9");
        edited[4].replace("Khai mạc", "Bế mạc");
        if (edited[4] == lines[4])
            edited[4].replace("\"admin\"", "\"someone\"");
        run = ctl({QStringLiteral("verify"),
            writeFile(QStringLiteral("edited.jsonl"), edited.join('\n'))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(
            run.err.contains(QStringLiteral("line 5, meeting 1, event 5: content does not match")),
            qPrintable(run.err));

        // Delete one: verify says where the gap is.
        QList<QByteArray> deleted = lines;
        deleted.removeAt(6);
        run = ctl({QStringLiteral("verify"),
            writeFile(QStringLiteral("deleted.jsonl"), deleted.join('\n'))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QStringLiteral("event 8: events before it are missing")));

        QCOMPARE(ctl({QStringLiteral("verify"), writeFile(QStringLiteral("junk.jsonl"), "{}\n")})
                     .exitCode,
            1);
        QCOMPARE(ctl({QStringLiteral("verify"), m_work.filePath(QStringLiteral("absent.jsonl"))})
                     .exitCode,
            1);
    }

    void verifyDataDirectory()
    {
        // Verifying works beside the running server (WAL readers do not block it).
        Run run = ctl({QStringLiteral("verify")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("chain intact")));

        QCOMPARE(m_server.terminate(), 0);
        {
            auto db = storage::Database::open(m_server.dataDir() + QStringLiteral("/chamber.db"));
            QVERIFY(db.value()->exec("DROP TRIGGER events_no_update;"
                                     "UPDATE events SET actor = 'someone-else' WHERE seq = 6"));
        }
        run = ctl({QStringLiteral("verify")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(
            run.err.contains(QStringLiteral("meeting 1, event 6: content does not match its hash")),
            qPrintable(run.err));
    }
};

QTEST_MAIN(TestChamberctl) // a QGuiApplication: the test PDFs need fonts
#include "test_chamberctl.moc"
