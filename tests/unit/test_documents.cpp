// Documents without a server: the checks an upload meets first (file name, format), the byte
// ranges of downloads, the content-addressed store, what QtPdf says of real and broken PDFs
// (made here from the Vietnamese sample articles), and the core's rules for presenting and
// removing documents.
#include "api/documentapi.h"
#include "core/reducer.h"
#include "core/uploadcheck.h"
#include "meetingharness.h"
#include "pdfmaker.h"
#include "services/pdfinspector.h"
#include "storage/documentfiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace chamber;
using namespace chamber::testing;

namespace {

QString writeTemp(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(file.fileName()));
    file.write(content);
    return file.fileName();
}

} // namespace

class TestDocuments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void uploadNames_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("accepted"); // empty: refused
        QTest::addColumn<QString>("reason");
        QTest::newRow("vietnamese") << QStringLiteral("Tờ trình số 12.pdf")
                                    << QStringLiteral("Tờ trình số 12.pdf") << QString();
        QTest::newRow("trimmed") << QStringLiteral("  Báo cáo.pdf ")
                                 << QStringLiteral("Báo cáo.pdf") << QString();
        // Decomposed (NFD, as macOS sends) becomes the composed form.
        QTest::newRow("nfd") << QStringLiteral("To\u0302\u0300.pdf") << QStringLiteral("Tồ.pdf")
                             << QString();
        QTest::newRow("empty") << QString() << QString() << QStringLiteral("empty");
        QTest::newRow("blank") << QStringLiteral("   ") << QString() << QStringLiteral("empty");
        QTest::newRow("parent") << QStringLiteral("../../etc/passwd") << QString()
                                << QStringLiteral("path");
        QTest::newRow("absolute") << QStringLiteral("/var/lib/chamber/chamber.db") << QString()
                                  << QStringLiteral("path");
        QTest::newRow("windows") << QStringLiteral("C:\\Users\\a.pdf") << QString()
                                 << QStringLiteral("path");
        QTest::newRow("dotdot") << QStringLiteral("..") << QString() << QStringLiteral("path");
        QTest::newRow("nul") << QStringLiteral("a") + QChar(0) + QStringLiteral("b.pdf")
                             << QString() << QStringLiteral("NUL");
        QTest::newRow("newline") << QStringLiteral("a\nb.pdf") << QString()
                                 << QStringLiteral("control");
        QTest::newRow("too long") << QString(200, QChar(0x1ec7)) + QStringLiteral(".pdf")
                                  << QString() << QStringLiteral("longer");
    }
    void uploadNames()
    {
        QFETCH(QString, raw);
        QFETCH(QString, accepted);
        QFETCH(QString, reason);
        auto name = core::checkUploadName(raw);
        if (accepted.isEmpty()) {
            QVERIFY(!name);
            QCOMPARE(name.error().code, ErrorCode::BadField);
            QVERIFY2(name.error().message.contains(reason), qPrintable(name.error().message));
        } else {
            QVERIFY2(name, name ? "" : qPrintable(name.error().message));
            QCOMPARE(name.value(), accepted);
        }
    }

    void uploadFormats()
    {
        const auto detect = [](const QByteArray &content, const char *name) {
            return core::detectUploadFormat(content, QString::fromUtf8(name));
        };
        QCOMPARE(detect("%PDF-1.7\n...", "a.pdf")->source, QStringLiteral("pdf"));
        // The header may follow some junk; a PDF is a PDF whatever its name says.
        QCOMPARE(
            detect(QByteArray(500, ' ') + "%PDF-1.4", "scan.docx")->source, QStringLiteral("pdf"));
        QVERIFY(!detect(QByteArray(1100, ' ') + "%PDF-1.4", "a.pdf"));
        QCOMPARE(detect("PK\x03\x04....", "Báo cáo.DOCX")->source, QStringLiteral("docx"));
        QCOMPARE(detect("PK\x03\x04....", "b.odt")->format, core::UploadFormat::Office);
        const auto zip = detect("PK\x03\x04....", "archive.zip");
        QVERIFY(!zip);
        QVERIFY(zip.error().message.contains(QStringLiteral("ZIP")));
        const auto notPdf = detect("root:x:0:0:root", "passwd.pdf");
        QVERIFY(!notPdf);
        QCOMPARE(notPdf.error().code, ErrorCode::Invalid);
        QVERIFY(notPdf.error().message.contains(QStringLiteral("not a PDF")));
        QVERIFY(!detect("", "a.pdf"));
    }

    void byteRanges_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("first"); // -1: whole file; -2: unsatisfiable
        QTest::addColumn<qint64>("last");
        QTest::newRow("closed") << QByteArray("bytes=100-199") << qint64(100) << qint64(199);
        QTest::newRow("open") << QByteArray("bytes=900-") << qint64(900) << qint64(999);
        QTest::newRow("suffix") << QByteArray("bytes=-10") << qint64(990) << qint64(999);
        QTest::newRow("suffix longer than file")
            << QByteArray("bytes=-5000") << qint64(0) << qint64(999);
        QTest::newRow("past end clipped")
            << QByteArray("bytes=990-5000") << qint64(990) << qint64(999);
        QTest::newRow("starts past end") << QByteArray("bytes=1000-") << qint64(-2) << qint64(0);
        QTest::newRow("reversed") << QByteArray("bytes=5-1") << qint64(-1) << qint64(0);
        QTest::newRow("several") << QByteArray("bytes=0-1,5-9") << qint64(-1) << qint64(0);
        QTest::newRow("other unit") << QByteArray("items=0-1") << qint64(-1) << qint64(0);
        QTest::newRow("garbage") << QByteArray("bytes=a-b") << qint64(-1) << qint64(0);
        QTest::newRow("none") << QByteArray() << qint64(-1) << qint64(0);
        QTest::newRow("huge") << QByteArray("bytes=99999999999999999999-") << qint64(-1)
                              << qint64(0);
    }
    void byteRanges()
    {
        QFETCH(QByteArray, header);
        QFETCH(qint64, first);
        QFETCH(qint64, last);
        const auto range = api::parseRange(header, 1000);
        if (first == -1) {
            QVERIFY(!range);
        } else if (first == -2) {
            QVERIFY(range && !range->satisfiable);
        } else {
            QVERIFY(range && range->satisfiable);
            QCOMPARE(range->first, first);
            QCOMPARE(range->last, last);
        }
    }

    void storeIsContentAddressed()
    {
        QTemporaryDir dir;
        storage::DocumentFiles files(dir.filePath(QStringLiteral("docs")));
        QVERIFY(files.open());
        const QByteArray content = "%PDF-1.4 content";
        const QString expected = QString::fromLatin1(
            QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
        auto sha = files.put(content);
        QVERIFY(sha);
        QCOMPARE(sha.value(), expected);
        QVERIFY(files.contains(expected));
        QFile stored(files.pathOf(expected));
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QCOMPARE(stored.readAll(), content);
        QCOMPARE(stored.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
            QFileDevice::Permissions());
        QCOMPARE(files.put(content).value(), expected); // again: the same file
        // Only hex names are paths.
        QVERIFY(files.pathOf(QStringLiteral("../chamber.db")).isEmpty());
        QVERIFY(files.pathOf(expected.toUpper()).isEmpty());
        // Staged and discarded: nothing stays; a crash's leftovers go at the next open.
        auto staged = files.stage("%PDF-other");
        QVERIFY(staged);
        QVERIFY(QFile::exists(staged->path));
        files.discard(staged.value());
        QCOMPARE(QDir(files.directory()).entryList(QDir::Files | QDir::Hidden).size(), 1);
        auto leftover = files.stage("%PDF-crashed");
        QVERIFY(leftover);
        QVERIFY(files.open());
        QVERIFY(!QFile::exists(leftover->path));
        QVERIFY(!files.contains(leftover->sha256));
    }

    void realPdfsOpenBrokenOnesAreRefused()
    {
        QTemporaryDir dir;
        const QByteArray article = makeArticlePdf(1, 3);
        auto good = services::inspectPdf(writeTemp(dir, QStringLiteral("good.pdf"), article));
        QVERIFY2(good, good ? "" : qPrintable(good.error().message));
        QVERIFY(good->pages >= 3);
        QCOMPARE(
            good->title, QStringLiteral("Ứng dụng công nghệ thông tin trong chỉ đạo, điều hành"));

        const auto refusal = [&](const char *name, const QByteArray &content) {
            auto result = services::inspectPdf(writeTemp(dir, QString::fromLatin1(name), content));
            return result ? QString() : result.error().message;
        };
        QVERIFY(refusal("truncated.pdf", article.left(article.size() / 2)).contains(QLatin1String("truncated")));
        QVERIFY(refusal("damaged.pdf", "%PDF-1.7\n" + QByteArray(4000, 'x') + "\n%%EOF\n")
                    .contains(QLatin1String("damaged")));
        const QByteArray locked = encryptPdf(article, QStringLiteral("mat-khau"));
        QVERIFY2(!locked.isEmpty(), "qpdf is needed (scripts/lib.sh installs it)");
        QVERIFY(refusal("locked.pdf", locked).contains(QLatin1String("encrypted")));
        // Restrictions only (opens without a password): still refused.
        const QByteArray restricted = encryptPdf(article, QString());
        QVERIFY(!restricted.isEmpty());
        QVERIFY(refusal("restricted.pdf", restricted).contains(QLatin1String("encrypted")));
    }

    void presentingAndRemoving()
    {
        MeetingHarness h;
        h.ok(QStringLiteral("meeting.create"),
            {{QStringLiteral("title"), QStringLiteral("Kỳ họp")}});
        h.ok(QStringLiteral("agenda.add"), {{QStringLiteral("title"), QStringLiteral("Tờ trình")}});
        h.ok(QStringLiteral("agenda.add"), {{QStringLiteral("title"), QStringLiteral("Báo cáo")}});
        const auto add = [&](qint64 id, qint64 item, char fill) {
            h.applyDirect(QStringLiteral("document.added"),
                {{QStringLiteral("id"), id}, {QStringLiteral("item"), item},
                    {QStringLiteral("sha256"), QString(64, QLatin1Char(fill))},
                    {QStringLiteral("name"), QStringLiteral("a.pdf")},
                    {QStringLiteral("title"), QStringLiteral("A")}, {QStringLiteral("pages"), 12},
                    {QStringLiteral("bytes"), 5000},
                    {QStringLiteral("source"), QStringLiteral("pdf")}});
        };
        add(1, 1, 'a');
        add(2, 2, 'b');
        QCOMPARE(h.state.documents.nextId(), 3);
        QVERIFY(h.state.documents.hasContent(QString(64, QLatin1Char('a'))));

        h.ok(QStringLiteral("document.present"),
            {{QStringLiteral("document"), 1}, {QStringLiteral("page"), 12}});
        QCOMPARE(h.state.presenting.document, 1);
        QCOMPARE(h.state.presenting.page, 12);
        QCOMPARE(h.state.presenting.since, h.now);
        // The same page again writes nothing; a page past the end is refused.
        QVERIFY(h.run(QStringLiteral("document.present"),
                     {{QStringLiteral("document"), 1}, {QStringLiteral("page"), 12}})
                    ->events.empty());
        QCOMPARE(h.run(QStringLiteral("document.present"),
                      {{QStringLiteral("document"), 1}, {QStringLiteral("page"), 13}})
                     .error()
                     .code,
            ErrorCode::BadField);
        QCOMPARE(h.run(QStringLiteral("document.present"), {{QStringLiteral("document"), 9}})
                     .error()
                     .code,
            ErrorCode::NotFound);

        // The snapshot carries documents and the presenter's page.
        auto copy = core::MeetingState::fromJson(h.state.toJson());
        QVERIFY(copy);
        QCOMPARE(copy->toJson(), h.state.toJson());

        // Removing the presented document stops the presentation.
        h.ok(QStringLiteral("document.remove"), {{QStringLiteral("document"), 1}});
        QVERIFY(h.state.documents.find(1)->removed);
        QCOMPARE(h.state.presenting.document, 0);
        QVERIFY(!h.state.documents.hasContent(QString(64, QLatin1Char('a'))));
        QCOMPARE(h.run(QStringLiteral("document.remove"), {{QStringLiteral("document"), 1}})
                     .error()
                     .code,
            ErrorCode::NotFound);
        QCOMPARE(h.state.documents.nextId(), 3); // ids are never reused

        // An agenda item goes with its documents, in one decision.
        auto removed = h.run(QStringLiteral("agenda.remove"), {{QStringLiteral("item"), 2}});
        QVERIFY(removed);
        QCOMPARE(removed->events.size(), size_t(2));
        QCOMPARE(removed->events.front().kind, QStringLiteral("document.removed"));
        QVERIFY(h.state.documents.find(2)->removed);
    }

    void damagedDocumentEventsAreRefused()
    {
        MeetingHarness h;
        h.ok(QStringLiteral("meeting.create"),
            {{QStringLiteral("title"), QStringLiteral("Kỳ họp")}});
        h.ok(QStringLiteral("agenda.add"), {{QStringLiteral("title"), QStringLiteral("Tờ trình")}});
        protocol::Event event;
        event.meeting = 1;
        event.seq = h.state.seq + 1;
        event.kind = QStringLiteral("document.added");
        event.data = {{QStringLiteral("id"), 1}, {QStringLiteral("item"), 7},
            {QStringLiteral("sha256"), QString(64, QLatin1Char('a'))}, {QStringLiteral("pages"), 1},
            {QStringLiteral("bytes"), 10}};
        QVERIFY(!core::apply(h.state, event)); // no such item
        event.data.insert(QStringLiteral("item"), 1);
        event.data.insert(QStringLiteral("sha256"), QStringLiteral("../../etc/passwd"));
        QVERIFY(!core::apply(h.state, event)); // not a hash
        event.data.insert(QStringLiteral("sha256"), QString(64, QLatin1Char('a')));
        event.data.insert(QStringLiteral("id"), 5);
        QVERIFY(!core::apply(h.state, event)); // ids in order
        event.data.insert(QStringLiteral("id"), 1);
        QVERIFY(core::apply(h.state, event));
    }
};

QTEST_MAIN(TestDocuments)
#include "test_documents.moc"
