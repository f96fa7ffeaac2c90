// The delegate CSV parser: real spreadsheet exports and the ways they go wrong.
#include "core/delegatecsv.h"

#include <QFile>
#include <QTest>

using namespace chamber::core;

namespace {

QString problems(const DelegateCsv &csv)
{
    QStringList lines;
    for (const CsvProblem &problem : csv.problems)
        lines << QStringLiteral("%1: %2").arg(problem.line).arg(problem.message);
    return lines.join(u'\n');
}

} // namespace

class TestDelegateCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoFileParses()
    {
        QFile file(QStringLiteral(CHAMBER_SOURCE_DIR "/assets/sample/delegates.csv"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const DelegateCsv csv = parseDelegateCsv(file.readAll());
        QVERIFY2(csv.ok(), qPrintable(problems(csv)));
        QCOMPARE(csv.rows.size(), size_t(40));
        QCOMPARE(csv.rows.front().name, QStringLiteral("Nguyễn Văn Danh"));
        QCOMPARE(csv.rows.back().seat, QStringLiteral("E08"));
    }

    void spreadsheetVariants_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("seat");
        QTest::addColumn<qint64>("weight");
        QTest::newRow("bom, crlf, comma")
            << QByteArray("\xEF\xBB\xBFname,group,seat,weight\r\nLê Văn A,Tổ 1,A01,2\r\n")
            << "Lê Văn A"
            << "Tổ 1"
            << "A01" << 2LL;
        QTest::newRow("semicolon (Excel with a Vietnamese locale)")
            << QByteArray("Họ tên;Tổ;Ghế;Trọng số\nTrần B;Tổ 2;B02;1\n") << "Trần B"
            << "Tổ 2"
            << "B02" << 1LL;
        QTest::newRow("tab, columns reordered, weight omitted")
            << QByteArray("seat\tname\nC03\tPhạm C\n") << "Phạm C"
            << ""
            << "C03" << 1LL;
        QTest::newRow("quoted comma, doubled quote, spaces")
            << QByteArray("name,group\n\"Võ, D \"\"Út\"\"\" , \" Tổ 3 \"\n") << "Võ, D \"Út\""
            << "Tổ 3"
            << "" << 1LL;
        QTest::newRow("blank lines and no final newline")
            << QByteArray("name\n\n  \nĐỗ E") << "Đỗ E"
            << ""
            << "" << 1LL;
    }

    void spreadsheetVariants()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, name);
        QFETCH(QString, group);
        QFETCH(QString, seat);
        QFETCH(qint64, weight);
        const DelegateCsv csv = parseDelegateCsv(input);
        QVERIFY2(csv.ok(), qPrintable(problems(csv)));
        QCOMPARE(csv.rows.size(), size_t(1));
        QCOMPARE(csv.rows[0].name, name);
        QCOMPARE(csv.rows[0].group, group);
        QCOMPARE(csv.rows[0].seat, seat);
        QCOMPARE(csv.rows[0].weight, weight);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray("") << 0 << "empty";
        QTest::newRow("header only") << QByteArray("name,seat\n") << 0 << "no delegates";
        QTest::newRow("no name column")
            << QByteArray("seat,group\nA1,G\n") << 1 << "no name column";
        QTest::newRow("unknown column")
            << QByteArray("name,email\nA,a@b\n") << 1 << "unknown column \"email\"";
        QTest::newRow("duplicate column")
            << QByteArray("name,seat,Ghế\nA,1,2\n") << 1 << "appears twice";
        QTest::newRow("missing field")
            << QByteArray("name,seat\nA,S1\nB\n") << 3 << "1 fields, but the header has 2";
        QTest::newRow("extra field") << QByteArray("name\nA,B\n") << 2 << "2 fields";
        QTest::newRow("weight word") << QByteArray("name,weight\nA,one\n") << 2 << "weight \"one\"";
        QTest::newRow("weight negative")
            << QByteArray("name,weight\nA,-1\n") << 2 << "weight \"-1\"";
        QTest::newRow("weight huge") << QByteArray("name,weight\nA,99999999999\n") << 2 << "weight";
        QTest::newRow("blank name") << QByteArray("name,seat\n  ,S1\n") << 2 << "name is empty";
        QTest::newRow("duplicate seat")
            << QByteArray("name,seat\nA,S1\nB,s1\n") << 3 << "already given on line 2";
        QTest::newRow("unclosed quote") << QByteArray("name\n\"A\nB\n") << 2 << "never closed";
        QTest::newRow("quote inside field") << QByteArray("name\nA \"B\"\n") << 2 << "quote inside";
        QTest::newRow("text after quote")
            << QByteArray("name\n\"A\"B\n") << 2 << "after a closing quote";
        QTest::newRow("latin-1 file")
            << QByteArray("name\nL\xea V\xe0n\n") << 2 << "not valid UTF-8";
        QTest::newRow("control character")
            << QByteArray("name\nA\x01\n") << 2 << "control characters";
        QTest::newRow("right-to-left override") << QByteArray(
            "name\nNguy\xe1\xbb\x85n \xe2\x80\xae"
            "A\n") << 2 << "the name contains U+202E RIGHT-TO-LEFT OVERRIDE";
        QTest::newRow("zero width space in a group") << QByteArray(
            "name,group\nA,T\xe1\xbb\x95\xe2\x80\x8b"
            "1\n") << 2 << "the group contains U+200B ZERO WIDTH SPACE";
        QTest::newRow("too long seat") << QByteArray("name,seat\nA,") + QByteArray(40, 'x') + "\n"
                                       << 2 << "too long";
    }

    void malformed()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, line);
        QFETCH(QString, message);
        const DelegateCsv csv = parseDelegateCsv(input);
        QVERIFY(!csv.ok());
        QCOMPARE(csv.problems.front().line, line);
        QVERIFY2(csv.problems.front().message.contains(message), qPrintable(problems(csv)));
    }

    void reportsEveryBadLine()
    {
        const DelegateCsv csv = parseDelegateCsv(QByteArray("name,weight\nA,x\nB,1\nC,y\n,2\n"));
        QCOMPARE(csv.problems.size(), size_t(3));
        QCOMPARE(csv.problems[0].line, 2);
        QCOMPARE(csv.problems[1].line, 4);
        QCOMPARE(csv.problems[2].line, 5);
    }

    void multilineQuotedFieldCountsLines()
    {
        // A quoted field may contain a newline; the next record's line number accounts for it,
        // and a name with a line break is refused (it would break seat cards and minutes).
        const DelegateCsv csv = parseDelegateCsv(QByteArray("name,group\n\"A\nB\",G\nC,\"x,y\"\n"));
        QCOMPARE(csv.problems.size(), size_t(1));
        QCOMPARE(csv.problems[0].line, 2);
        QCOMPARE(csv.rows.size(), size_t(1));
        QCOMPARE(csv.rows[0].line, 4);
        QCOMPARE(csv.rows[0].group, QStringLiteral("x,y"));
    }

    void rowLimit()
    {
        QByteArray input = "name\n";
        for (int i = 0; i <= kMaxCsvRows; ++i)
            input += "N" + QByteArray::number(i) + "\n";
        const DelegateCsv csv = parseDelegateCsv(input);
        QVERIFY(!csv.ok());
        QVERIFY(csv.problems.front().message.contains(QStringLiteral("more than")));
    }
};

QTEST_GUILESS_MAIN(TestDelegateCsv)
#include "test_delegatecsv.moc"
