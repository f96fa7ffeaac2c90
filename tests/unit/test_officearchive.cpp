// The ZIP directory check of office uploads (core/officearchive.h): the real fixtures pass; a
// zip bomb is refused by its unpacked size or its ratio, naming the entry; every kind of
// damage is refused with a reason, and no prefix or byte flip of an archive crashes it.
#include "core/officearchive.h"
#include "zipwriter.h"

#include <QFile>
#include <QTest>

using namespace chamber;
using namespace chamber::core;
using namespace chamber::testing;

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(CHAMBER_SOURCE_DIR "/tests/data/office/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

Zip smallDocx()
{
    return makeZip({{"[Content_Types].xml", "<Types/>"},
        {"word/document.xml", QByteArray("<w:document>").repeated(40)},
        {"stored.bin", "raw", false}});
}

QString messageOf(const Result<OfficeArchiveSummary> &result)
{
    return result ? QString() : result.error().message;
}

} // namespace

class TestOfficeArchive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void realOfficeFilesPass_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *file :
            {"to-trinh.docx", "to-trinh.odt", "so-lieu.xlsx", "trinh-chieu.pptx"})
            QTest::newRow(file) << QString::fromLatin1(file);
    }
    void realOfficeFilesPass()
    {
        QFETCH(QString, file);
        const auto checked = checkOfficeArchive(fixture(file), file.section(u'.', -1));
        QVERIFY2(checked, qPrintable(messageOf(checked)));
        QVERIFY(checked->entries >= 3);
        QVERIFY(checked->unpackedBytes > 1000);
    }

    void writtenArchivePasses()
    {
        const Zip zip = smallDocx();
        const auto checked = checkOfficeArchive(zip.bytes, QStringLiteral("docx"));
        QVERIFY2(checked, qPrintable(messageOf(checked)));
        QCOMPARE(checked->entries, 3);
        QCOMPARE(checked->unpackedBytes, 8 + 12 * 40 + 3);
        // ZIP64 sizes and directory read as the plain ones.
        const Zip zip64 = makeZip(
            {{"a.xml", QByteArray(5000, 'x'), true, true}, {"b.xml", "b", false, true}}, true);
        const auto checked64 = checkOfficeArchive(zip64.bytes, QStringLiteral("docx"));
        QVERIFY2(checked64, qPrintable(messageOf(checked64)));
        QCOMPARE(checked64->unpackedBytes, 5001);
        // A comment after the end record is allowed.
        QByteArray commented = zip.bytes;
        putLe16(commented, commented.size() - 2, 7);
        commented += "comment";
        QVERIFY(checkOfficeArchive(commented, QStringLiteral("docx")));
    }

    void zipBombsAreRefused()
    {
        // 300 MiB of one letter pack to 300 KB: above the sum limit, naming the entry.
        const Zip bomb = makeZip({{"[Content_Types].xml", "<Types/>"},
            {"word/document.xml", QByteArray(300 * 1024 * 1024, 'a')}});
        QVERIFY(bomb.bytes.size() < 1024 * 1024);
        const auto refused = checkOfficeArchive(bomb.bytes, QStringLiteral("docx"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::TooLarge);
        QCOMPARE(refused.error().field, QStringLiteral("content"));
        QVERIFY2(refused.error().message.contains(QStringLiteral("\"word/document.xml\" alone is "
                                                                 "300.0 MiB")),
            qPrintable(refused.error().message));
        QVERIFY2(refused.error().message.contains(QStringLiteral("max-unpacked-mib")),
            qPrintable(refused.error().message));

        // 8 MiB is within the sum, but packed 1000:1 it is no document.
        const Zip dense = makeZip({{"xl/sharedStrings.xml", QByteArray(8 * 1024 * 1024, 'a')}});
        const auto ratio = checkOfficeArchive(dense.bytes, QStringLiteral("xlsx"));
        QVERIFY(!ratio);
        QCOMPARE(ratio.error().code, ErrorCode::TooLarge);
        QVERIFY2(ratio.error().message.contains(QStringLiteral("\"xl/sharedStrings.xml\" in the "
                                                               ".xlsx file")),
            qPrintable(ratio.error().message));
        QVERIFY2(ratio.error().message.contains(QStringLiteral("more than 200 times")),
            qPrintable(ratio.error().message));
        // Up to the floor (1 MiB) any ratio passes: small repetitive XML is common.
        const Zip small = makeZip({{"content.xml", QByteArray(1024 * 1024, 'a')}});
        QVERIFY(checkOfficeArchive(small.bytes, QStringLiteral("odt")));

        // The limits are the caller's.
        OfficeArchiveLimits tight;
        tight.maxEntries = 2;
        const auto many = checkOfficeArchive(smallDocx().bytes, QStringLiteral("docx"), tight);
        QVERIFY(!many);
        QCOMPARE(many.error().code, ErrorCode::TooLarge);
        QVERIFY2(many.error().message.contains(QStringLiteral("3 entries; the limit is 2")),
            qPrintable(many.error().message));
        tight = {};
        tight.maxUnpackedBytes = 100;
        QVERIFY(!checkOfficeArchive(smallDocx().bytes, QStringLiteral("docx"), tight));
    }

    void damageIsRefusedWithAReason_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        const Zip zip = smallDocx();
        const qsizetype document = zip.entries[1].central;
        const qsizetype documentLocal = zip.entries[1].local;
        auto patched16 = [&zip](qsizetype at, quint16 value) {
            QByteArray bytes = zip.bytes;
            putLe16(bytes, at, value);
            return bytes;
        };
        auto patched32 = [&zip](qsizetype at, quint32 value) {
            QByteArray bytes = zip.bytes;
            putLe32(bytes, at, value);
            return bytes;
        };
        const qsizetype end = zip.endOfDirectory;
        QTest::newRow("empty") << QByteArray() << QStringLiteral("too short");
        QTest::newRow("local header and garbage") << QByteArray("PK\x03\x04", 4)
                + QByteArray(4000, '\x17') << QStringLiteral("no ZIP directory");
        QTest::newRow("cut") << zip.bytes.left(zip.bytes.size() / 2)
                             << QStringLiteral("no ZIP directory");
        QTest::newRow("split over disks")
            << patched16(end + 4, 1) << QStringLiteral("several disks");
        QTest::newRow("counts disagree")
            << patched16(end + 8, 2) << QStringLiteral("counts disagree");
        QTest::newRow("directory outside")
            << patched32(end + 16, 0x7fffff) << QStringLiteral("outside the file");
        auto counted = [&zip, end](quint16 count) {
            QByteArray bytes = zip.bytes;
            putLe16(bytes, end + 8, count);
            putLe16(bytes, end + 10, count);
            return bytes;
        };
        QTest::newRow("directory says more")
            << counted(4) << QStringLiteral("its directory is damaged");
        QTest::newRow("directory says less")
            << counted(2) << QStringLiteral("holds more than it says");
        QTest::newRow("no entries") << counted(0) << QStringLiteral("it is empty");
        QTest::newRow("bad central signature")
            << patched32(document, 0x02014b51) << QStringLiteral("damaged");
        QTest::newRow("encrypted") << patched16(document + 8, 1) << QStringLiteral("is encrypted");
        QTest::newRow("bzip2") << patched16(document + 10, 12)
                               << QStringLiteral("compression method 12");
        QTest::newRow("stored with two sizes") << patched32(
            zip.entries[2].central + 24, 4) << QStringLiteral("stored uncompressed with two sizes");
        QTest::newRow("local offset outside")
            << patched32(document + 42, 0x7fffffff) << QStringLiteral("points outside the file");
        QTest::newRow("no local header")
            << patched32(document + 42, 1) << QStringLiteral("no local header");
        QTest::newRow("local name differs") << [&] {
            QByteArray bytes = zip.bytes;
            bytes[documentLocal + 30] = 'W';
            return bytes;
        }() << QStringLiteral("disagrees with its local header");
        QTest::newRow("local size differs") << patched32(documentLocal + 22, 99)
                                            << QStringLiteral("disagrees with its local header");
        QTest::newRow("data past the directory") << patched32(document + 20, 0x100000)
                                                 << QStringLiteral("runs past the end of its data");
        QTest::newRow("zip64 marker without field")
            << patched32(document + 24, 0xffffffff) << QStringLiteral("lacks the ZIP64 field");
        QTest::newRow("entries overlap") << [] {
            // a.xml's data claims every byte up to the directory, b.xml's header too:
            // how small archives declare huge contents without a high ratio.
            const Zip twins = makeZip({{"a.xml", "x", false}, {"b.xml", "other", false}});
            QByteArray bytes = twins.bytes;
            const qsizetype directory = twins.entries[0].central;
            const qsizetype data = twins.entries[0].local + 30 + 5; // after "a.xml"
            const quint32 covering = quint32(directory - data);
            for (const qsizetype at : {twins.entries[0].local + 18, directory + 20})
                putLe32(bytes, at, covering);
            for (const qsizetype at : {twins.entries[0].local + 22, directory + 24})
                putLe32(bytes, at, covering);
            return bytes;
        }() << QStringLiteral("entry \"b.xml\" overlaps \"a.xml\"");
        QTest::newRow("name twice")
            << makeZip({{"a.xml", "1"}, {"a.xml", "2"}}).bytes << QStringLiteral("is there twice");
    }
    void damageIsRefusedWithAReason()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        const auto refused = checkOfficeArchive(bytes, QStringLiteral("docx"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Invalid);
        QCOMPARE(refused.error().field, QStringLiteral("content"));
        const QString message = refused.error().message;
        QVERIFY2(message.startsWith(QStringLiteral("the server could not read the .docx file")),
            qPrintable(message));
        QVERIFY2(message.contains(reason), qPrintable(message));
    }

    void noPrefixOrFlippedByteCrashes()
    {
        const QByteArray bytes
            = makeZip({{"[Content_Types].xml", "<Types/>"}, {"a.xml", "aaaa", false},
                          {"b.xml", "bbbb", true, true}},
                true)
                  .bytes;
        for (qsizetype size = 0; size < bytes.size(); ++size) {
            const auto checked = checkOfficeArchive(bytes.left(size), QStringLiteral("odt"));
            QVERIFY(!checked);
            QVERIFY(!checked.error().message.isEmpty());
        }
        for (qsizetype at = 0; at < bytes.size(); ++at) {
            for (const char value : {'\x00', '\xff', '\x7f'}) {
                QByteArray flipped = bytes;
                flipped[at] = value;
                const auto checked = checkOfficeArchive(flipped, QStringLiteral("odt"));
                QVERIFY(checked || !checked.error().message.isEmpty());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestOfficeArchive)
#include "test_officearchive.moc"
