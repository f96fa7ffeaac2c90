// Documents without a server: the checks an upload meets first (file name, format), the byte
// ranges of downloads, the content-addressed store, what QtPdf says of real and broken PDFs
// (made here from the Vietnamese sample articles), and the core's rules for presenting and
// removing documents.
#include "api/documentapi.h"
#include "core/reducer.h"
#include "core/uploadcheck.h"
#include "meetingharness.h"
#include "pdfmaker.h"
#include "protocol/text.h"
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
        // A name is a label, never a path: Vietnamese document numbers hold "/".
        QTest::newRow("document number")
            << QStringLiteral("Tờ trình số 12/TTr-UBND.pdf")
            << QStringLiteral("Tờ trình số 12/TTr-UBND.pdf") << QString();
        QTest::newRow("looks like a path") << QStringLiteral("../../etc/passwd")
                                           << QStringLiteral("../../etc/passwd") << QString();
        QTest::newRow("empty") << QString() << QString() << QStringLiteral("empty");
        QTest::newRow("blank") << QStringLiteral("   ") << QString() << QStringLiteral("empty");
        QTest::newRow("dotdot") << QStringLiteral("..") << QString() << QStringLiteral("dots");
        QTest::newRow("nul") << QStringLiteral("a") + QChar(0) + QStringLiteral("b.pdf")
                             << QString() << QStringLiteral("U+0000 control character");
        QTest::newRow("newline") << QStringLiteral("a\nb.pdf") << QString()
                                 << QStringLiteral("U+000A LINE FEED");
        QTest::newRow("c1 control") << QStringLiteral("a\u0085b.pdf") << QString()
                                    << QStringLiteral("U+0085 control character");
        // "to-trinh-<RLO>fdp.exe" displays as "to-trinh-exe.pdf".
        QTest::newRow("right-to-left override")
            << QStringLiteral("to-trinh-\u202Efdp.exe") << QString()
            << QStringLiteral("the name contains U+202E RIGHT-TO-LEFT OVERRIDE");
        QTest::newRow("isolate") << QStringLiteral("a\u2067b.pdf") << QString()
                                 << QStringLiteral("U+2067 RIGHT-TO-LEFT ISOLATE");
        QTest::newRow("rlm") << QStringLiteral("a\u200Fb.pdf") << QString()
                             << QStringLiteral("U+200F RIGHT-TO-LEFT MARK");
        QTest::newRow("arabic letter mark") << QStringLiteral("a\u061Cb.pdf") << QString()
                                            << QStringLiteral("U+061C ARABIC LETTER MARK");
        QTest::newRow("zero width space") << QStringLiteral("Báo\u200Bcáo.pdf") << QString()
                                          << QStringLiteral("U+200B ZERO WIDTH SPACE");
        QTest::newRow("zero width joiner") << QStringLiteral("a\u200Db.pdf") << QString()
                                           << QStringLiteral("U+200D ZERO WIDTH JOINER");
        QTest::newRow("bom") << QStringLiteral("\uFEFFa.pdf") << QString()
                             << QStringLiteral("U+FEFF ZERO WIDTH NO-BREAK SPACE");
        QTest::newRow("soft hyphen")
            << QStringLiteral("a\u00ADb.pdf") << QString() << QStringLiteral("U+00AD SOFT HYPHEN");
        QTest::newRow("word joiner")
            << QStringLiteral("a\u2060b.pdf") << QString() << QStringLiteral("U+2060 WORD JOINER");
        QTest::newRow("mongolian vowel separator") << QStringLiteral(
            "a\u180Eb.pdf") << QString() << QStringLiteral("U+180E MONGOLIAN VOWEL SEPARATOR");
        QTest::newRow("tag character")
            << QStringLiteral("a") + QString::fromUcs4(U"\U000E0041") + QStringLiteral(".pdf")
            << QString() << QStringLiteral("U+E0041 TAG character");
        QTest::newRow("replacement character")
            << QStringLiteral("B\uFFFDo c\uFFFDo.pdf") << QString()
            << QStringLiteral("U+FFFD REPLACEMENT CHARACTER");
        QTest::newRow("lone surrogate") << QStringLiteral("a") + QChar(0xD800) + QStringLiteral("b")
                                        << QString() << QStringLiteral("lone surrogate");
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

    // The name comes as bytes (the query string): refused unless UTF-8, never turned into
    // replacement characters.
    void uploadNameBytes()
    {
        QCOMPARE(core::checkUploadNameBytes("T\xe1\xbb\x9d tr\xc3\xacnh.pdf").value(),
            QStringLiteral("Tờ trình.pdf"));
        for (const QByteArray &bad : {QByteArray("B\xe1o c\xe1o.pdf"), // Windows-1258
                 QByteArray("a\xc3"), // cut inside a character
                 QByteArray("\xc0\xaf.pdf"), // overlong "/"
                 QByteArray("\xed\xa0\x80.pdf"), // an encoded surrogate
                 QByteArray("\xff\xfe")}) {
            auto name = core::checkUploadNameBytes(bad);
            QVERIFY2(!name, bad.toHex().constData());
            QCOMPARE(name.error().code, ErrorCode::BadField);
            QCOMPARE(name.error().field, QStringLiteral("name"));
            QCOMPARE(name.error().message, QStringLiteral("the name is not valid UTF-8"));
        }
    }

    void titlesAndFileNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("fileName");
        QTest::newRow("document number") << QStringLiteral("Tờ trình số 12/TTr-UBND.pdf")
                                         << QStringLiteral("Tờ trình số 12/TTr-UBND")
                                         << QStringLiteral("Tờ trình số 12_TTr-UBND.pdf");
        QTest::newRow("no extension") << QStringLiteral("Nghị quyết 05/2024/NQ-HĐND")
                                      << QStringLiteral("Nghị quyết 05/2024/NQ-HĐND")
                                      << QStringLiteral("Nghị quyết 05_2024_NQ-HĐND.pdf");
        QTest::newRow("office") << QStringLiteral("Báo cáo.docx") << QStringLiteral("Báo cáo")
                                << QStringLiteral("Báo cáo.pdf");
        QTest::newRow("path") << QStringLiteral("../../etc/passwd")
                              << QStringLiteral("../../etc/passwd")
                              << QStringLiteral("etc_passwd.pdf");
        QTest::newRow("windows") << QStringLiteral("C:\\Users\\a?.pdf")
                                 << QStringLiteral("C:\\Users\\a?")
                                 << QStringLiteral("C_Users_a.pdf");
        QTest::newRow("dots only")
            << QStringLiteral("...pdf") << QStringLiteral("..") << QStringLiteral("document.pdf");
    }
    void titlesAndFileNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, title);
        QFETCH(QString, fileName);
        QCOMPARE(core::titleFromName(name), title);
        core::Document document;
        document.name = name;
        QCOMPARE(document.fileName(), fileName);
        QCOMPARE(document.toJson().value(QLatin1String("fileName")).toString(), fileName);
        QCOMPARE(document.toJson().value(QLatin1String("name")).toString(), name);
    }

    void safeFileNames()
    {
        const QString pdf = QStringLiteral("pdf");
        // Controls, bidi and invisible characters never reach a file name, even from a title
        // that was never checked (an old log, a PDF's metadata).
        QCOMPARE(protocol::safeFileName(QStringLiteral("to-trinh-\u202Efdp.exe"), pdf),
            QStringLiteral("to-trinh-_fdp.exe.pdf"));
        QCOMPARE(protocol::safeFileName(QStringLiteral("a\nb\u0000c"), pdf),
            QStringLiteral("a_b_c.pdf"));
        QCOMPARE(protocol::safeFileName(QString(), pdf), QStringLiteral("document.pdf"));
        QCOMPARE(protocol::safeFileName(QStringLiteral("a.PDF"), pdf), QStringLiteral("a.pdf"));
        const QString longName = protocol::safeFileName(QString(300, QChar(0x1ec7)), pdf);
        QVERIFY(longName.toUtf8().size() <= 255);
        QVERIFY(longName.endsWith(QLatin1String(".pdf")));
        QCOMPARE(longName.toUtf8().size(), 83 * 3 + 4); // whole characters only
        // A surrogate pair is never split.
        const QString emoji
            = protocol::safeFileName(QString::fromUcs4(U"\U0001F4C4").repeated(100), pdf);
        QVERIFY(!protocol::labelProblem(emoji));
        QCOMPARE(protocol::asciiFileName(QStringLiteral("Tờ trình số 12_TTr-UBND Đà Nẵng.pdf")),
            QStringLiteral("To trinh so 12_TTr-UBND Da Nang.pdf"));
        QCOMPARE(protocol::contentDisposition("inline", QStringLiteral("Tờ 12_a \"b\".pdf")),
            QByteArray("inline; filename=\"To 12_a _b_.pdf\"; "
                       "filename*=UTF-8''T%E1%BB%9D%2012_a%20%22b%22.pdf"));
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
        QVERIFY(refusal("truncated.pdf", article.left(article.size() / 2))
                    .contains(QLatin1String("truncated")));
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

    // An incremental update appended to a real PDF is read (its new title shows); the same file
    // cut short inside that revision still has the first revision's %%EOF in its last kilobyte,
    // and is refused instead of silently losing the update.
    void appendedRevisionCutShortIsRefused()
    {
        QTemporaryDir dir;
        const QByteArray article = makeArticlePdf(2);
        const QByteArray updated = appendRevision(article, QStringLiteral("Bản sửa đổi lần 2"));
        QVERIFY2(!updated.isEmpty(), "the sample PDF has a classic trailer");
        auto read = services::inspectPdf(writeTemp(dir, QStringLiteral("updated.pdf"), updated));
        QVERIFY2(read, read ? "" : qPrintable(read.error().message));
        QCOMPARE(read->title, QStringLiteral("Bản sửa đổi lần 2"));

        const QByteArray appended = updated.mid(article.size());
        for (const qsizetype keep : {qsizetype(10), appended.size() / 2, appended.size() - 8}) {
            const QByteArray cut = updated.left(article.size() + keep);
            QVERIFY(cut.right(1024).contains("%%EOF")); // what the old check looked for
            QVERIFY(services::inspectPdf(writeTemp(dir, QStringLiteral("updated.pdf"), cut))
                        .error()
                        .message.contains(QLatin1String("truncated")));
            QVERIFY(!core::checkPdfEnd(cut));
        }
        // Every PDF the tests make (Qt's writer, qpdf) ends properly.
        QVERIFY(core::checkPdfEnd(article));
        QVERIFY(core::checkPdfEnd(updated));
        QVERIFY(
            core::checkPdfEnd(makeTextPdf(QStringLiteral("Tiêu đề"), QStringLiteral("Nội dung"))));
    }

    void pdfEnds_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason"); // empty: accepted
        const QByteArray body = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
        const QByteArray table = "xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 >>\n";
        const QByteArray offset = QByteArray::number(body.size());
        QTest::newRow("classic") << body + table + "startxref\n" + offset + "\n%%EOF\n"
                                 << QString();
        QTest::newRow("crlf and nul padding")
            << body + table + "startxref\r\n" + offset + "\r\n%%EOF\r\n\0\0" << QString();
        QTest::newRow("xref stream") << body
                + "2 0 obj\n<< /Type /XRef /Size 3 /W [1 2 1] >>\nstream\nxx\nendstream\nendobj\n"
                  "startxref\n"
                + offset + "\n%%EOF" << QString();
        QTest::newRow("junk after eof") << body + table + "startxref\n" + offset
                + "\n%%EOF\ngarbage" << QStringLiteral("truncated");
        QTest::newRow("no eof") << body + table + "startxref\n" + offset
                                << QStringLiteral("truncated");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("truncated");
        QTest::newRow("only eof") << QByteArray("%%EOF") << QStringLiteral("no startxref");
        QTest::newRow("no offset")
            << body + table + "startxref\n%%EOF" << QStringLiteral("offset after");
        QTest::newRow("offset past the end")
            << body + table + "startxref\n99999999\n%%EOF" << QStringLiteral("outside the file");
        QTest::newRow("huge offset") << body + table + "startxref\n99999999999999999999999\n%%EOF"
                                     << QStringLiteral("outside the file");
        QTest::newRow("offset zero")
            << body + table + "startxref\n0\n%%EOF" << QStringLiteral("outside the file");
        QTest::newRow("offset at an object")
            << body + table + "startxref\n9\n%%EOF" << QStringLiteral("does not point");
        QTest::newRow("offset into nothing")
            << body + table + "startxref\n3\n%%EOF" << QStringLiteral("does not point");
    }
    void pdfEnds()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        const Status end = core::checkPdfEnd(content);
        if (reason.isEmpty()) {
            QVERIFY2(end, end ? "" : qPrintable(end.error().message));
        } else {
            QVERIFY(!end);
            QCOMPARE(end.error().code, ErrorCode::Invalid);
            QVERIFY2(end.error().message.contains(reason), qPrintable(end.error().message));
        }
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
